"""The links between kinds, each declared once: the reference checks, the reverse links on
the pages and in the exports, and the contributors' page all follow from RELATIONS.

A link is written once in the content (a measure names its barriers); every reverse
link (a barrier lists its measures) is derived here, never stored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .kinds import BY_NAME


@dataclass(frozen=True)
class Relation:
    kind: str                # the kind whose entries write the link ("measure")
    field: str               # the field holding the target id or ids ("barriers"; "legal_basis" for a list of blocks)
    target: str              # the kind linked to ("barrier")
    reverse: str             # name of the derived reverse link ("measures_by_barrier")
    reverse_label: str       # its heading where an export shows it as a column ("Maatregelen")
    sentence: str            # for the contributors' page: what writing the link does
    item_field: str | None = None  # in a list of blocks: the field with the id ("law")
    detail: str | None = None      # in a list of blocks: a field kept with the link ("article")
    symmetric: bool = False        # the link shows on both sides, and an entry cannot link to itself

    def targets(self, record: dict) -> Iterator[tuple[tuple, str, str | None]]:
        """(path in the record, target id, detail) of every link the record writes."""
        value = record.get(self.field)
        if value is None:
            return
        if self.item_field:
            for i, block in enumerate(value):
                detail = block.get(self.detail) if self.detail else None
                yield (self.field, i, self.item_field), block[self.item_field], None if detail is None else str(detail)
        elif isinstance(value, list):
            for i, target in enumerate(value):
                yield (self.field, i), target, None
        else:
            yield (self.field,), value, None


RELATIONS: tuple[Relation, ...] = (
    Relation("measure", "authority", "partner", "measures_by_partner", "Maatregelen",
             "Een **maatregel** noemt de **partner** die bevoegd is (`authority`) en de **partners** die eraan "
             "bijdragen (`partners`). De pagina van de partner toont dan vanzelf die maatregelen."),
    Relation("measure", "partners", "partner", "measures_by_partner", "Maatregelen", ""),
    Relation("measure", "barriers", "barrier", "measures_by_barrier", "Maatregelen",
             "Een **maatregel** noemt de **barrières** die hij opwerpt (`barriers`). De pagina van de barrière "
             "toont dan vanzelf de maatregel. Via de barrière komt de maatregel ook bij de juiste **fase**."),
    Relation("measure", "related", "measure", "related_by_measure", "Verwante maatregelen",
             "Een **maatregel** noemt **verwante maatregelen** (`related`). De link verschijnt op beide pagina's.",
             symmetric=True),
    Relation("measure", "legal_basis", "law", "measures_by_law", "Maatregelen",
             "Een **maatregel** noemt de **wetten** waarop hij steunt (`legal_basis`). De pagina van de wet toont "
             "de maatregelen, met het artikel.", item_field="law", detail="article"),
    Relation("barrier", "phase", "phase", "barriers_by_phase", "Barrières", "Een **barrière** noemt haar **fase** (`phase`)."),
    Relation("barrier", "partners", "partner", "barriers_by_partner", "Barrières",
             "Een **barrière** noemt de **partners** die kunnen optreden (`partners`). De pagina van de partner "
             "toont dan vanzelf die barrières."),
)


@dataclass(frozen=True)
class Through:
    """A link made of two: an entry reaches what its linked entries link to."""
    reverse: str        # name of the derived reverse link ("measures_by_phase")
    kind: str           # whose entries reach ("measure")
    via: str            # through this field ("barriers", pointing at barriers)
    step: str           # the field of those entries that points further ("phase")
    target: str         # the kind reached ("phase")
    reverse_label: str  # heading of the reverse column in an export


# A measure belongs to the phases of its barriers.
THROUGH = Through("measures_by_phase", "measure", "barriers", "phase", "phase", "Maatregelen")

def relations_of(kind: str) -> list[Relation]:
    return [r for r in RELATIONS if r.kind == kind]


def missing_target_message(relation: Relation, value: str) -> str:
    return f"'{value}' bestaat niet in {BY_NAME[relation.target].source}"


def self_link_message(relation: Relation) -> str:
    return f"een {BY_NAME[relation.kind].label.lower()} kan niet aan zichzelf verwant zijn"


class Links:
    """Every reverse link of a catalogue, by name: links.measures_by_barrier[bid] → [measure ids]."""

    def __init__(self, cat) -> None:
        self._cat = cat
        self.reverse: dict[str, dict[str, list]] = {}
        pairs: dict[str, dict[str, dict]] = {}
        for relation in RELATIONS:
            table = cat.table(relation.kind)
            targets = cat.table(relation.target)
            found = pairs.setdefault(relation.reverse, {})
            for entry_id, record in table.items():
                for _, target, detail in relation.targets(record):
                    if target not in targets or (relation.symmetric and target == entry_id):
                        continue
                    item = (detail or "", entry_id) if relation.detail else entry_id
                    found.setdefault(target, {})[item] = None
                    if relation.symmetric:
                        found.setdefault(entry_id, {})[target] = None
        for name, by_target in pairs.items():
            relation = next(r for r in RELATIONS if r.reverse == name)
            source = cat.table(relation.kind)
            title = BY_NAME[relation.kind].title_field
            if relation.detail:
                self.reverse[name] = {t: sorted(items, key=lambda am: (_article_key(am[0]), source[am[1]][title].casefold()))
                                      for t, items in by_target.items()}
            else:
                self.reverse[name] = {t: sorted(items, key=lambda i: source[i][title].casefold())
                                      for t, items in by_target.items()}
        entries = cat.table(THROUGH.kind)
        reached: dict[str, dict] = {}
        for entry_id in entries:
            for target in self.phases_of(entry_id):
                reached.setdefault(target, {})[entry_id] = None
        title = BY_NAME[THROUGH.kind].title_field
        self.reverse[THROUGH.reverse] = {t: sorted(ids, key=lambda i: entries[i][title].casefold())
                                         for t, ids in reached.items()}

    def __getattr__(self, name: str) -> dict:
        try:
            return self.__dict__["reverse"][name]
        except KeyError:
            raise AttributeError(name) from None

    def phases_of(self, mid: str) -> list[str]:
        """The phases a measure reaches through its barriers, in chain order."""
        via = next(r for r in RELATIONS if r.kind == THROUGH.kind and r.field == THROUGH.via)
        between = self._cat.table(via.target)
        wanted = {between[b][THROUGH.step] for b in self._cat.table(THROUGH.kind)[mid][THROUGH.via] if b in between}
        return [p for p in self._cat.table(THROUGH.target) if p in wanted]

    def phases_of_measure(self, cat, mid: str) -> list[str]:  # the templates' name
        return self.phases_of(mid)


def _article_key(article: str) -> tuple:
    """Sort '2', '3', '7a', '13b', '174a', '' naturally."""
    parts = re.findall(r"\d+|\D+", article)
    return (article == "",) + tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)
