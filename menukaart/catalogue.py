"""The validated catalogue: a table of entries per kind, its editions and its links.

Links are written once in the content; every reverse link is derived (relations.Links),
never stored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .kinds import BY_NAME, BY_TABLE, KINDS, PAGE_KINDS, Kind
from .relations import RELATIONS, Links

EDITIONS = ("public", "internal")


def display_name(entry: dict) -> str:
    """A partner's or law's name with its abbreviation, "Openbaar Ministerie (OM)"; the name
    alone when it already holds the abbreviation, "Frontex (Europees Grens- en kustwachtagentschap)"."""
    name, abbreviation = entry["name"], entry.get("abbreviation")
    if not abbreviation or re.search(rf"(?<!\w){re.escape(abbreviation)}(?!\w)", name, re.IGNORECASE):
        return name
    return f"{name} ({abbreviation})"


@dataclass(frozen=True)
class EntryView:
    """One entry as pages, search results, exports and redirects name it."""
    kind: Kind
    id: str
    record: dict
    edition: str

    @property
    def title(self) -> str:
        return self.record[self.kind.title_field]

    @property
    def label(self) -> str:
        """The title as readers see it wherever the entry is named (with its abbreviation, where it has one)."""
        return display_name(self.record) if self.kind.named_with_abbreviation else self.title

    @property
    def short_label(self) -> str:
        """As a filter list names it, where room is short: the abbreviation, if it has one."""
        return self.record.get("abbreviation") or self.label if self.kind.named_with_abbreviation else self.title

    @property
    def url(self) -> str:
        return self.kind.page_url(self.id)

    @property
    def is_internal(self) -> bool:
        """Marked as internal, in the edition that shows internal entries."""
        return self.edition == "internal" and self.record.get("visibility") == "internal"


@dataclass
class Catalogue:
    tables: dict[str, dict[str, dict]]  # kind name → entry id (a term, for the glossary) → record, in display order
    release: dict | None = None  # edition.yaml: number, date, review_interval_months
    edition: str = "internal"  # the full content holds everything until an edition is chosen
    links: Links = field(default=None, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        self.tables = {kind.name: self.tables.get(kind.name, {}) for kind in KINDS}
        if self.links is None:
            self.links = Links(self)

    def __getattr__(self, name: str):
        """cat.measures, cat.barriers, cat.phases, cat.partners, cat.laws: a kind's table by its table name."""
        kind = BY_TABLE.get(name)
        if kind is None or name.startswith("_") or "tables" not in self.__dict__:
            raise AttributeError(name)
        return self.__dict__["tables"][kind.name]

    @property
    def glossary(self) -> list[dict]:
        """The glossary's terms, alphabetically."""
        return list(self.tables["term"].values())

    def with_tables(self, **tables: dict) -> "Catalogue":
        """A copy with some tables replaced, by table name: cat.with_tables(measures={...})."""
        replaced = {**self.tables, **{BY_TABLE[name].name: table for name, table in tables.items()}}
        return replace(self, tables=replaced, links=None)

    def table(self, kind: str) -> dict[str, dict]:
        return self.tables[kind]

    def entry(self, kind: str, entry_id: str) -> EntryView:
        return EntryView(BY_NAME[kind], entry_id, self.tables[kind][entry_id], self.edition)

    def entries(self, kind: str):
        return (self.entry(kind, entry_id) for entry_id in self.tables[kind])

    def for_edition(self, edition: str) -> "Catalogue":
        """The catalogue as one edition shows it; public drops every internal entry and every link to it."""
        if edition not in EDITIONS:
            raise ValueError(f"unknown edition {edition!r}")
        if edition == "internal":
            return replace(self, edition=edition, links=None)
        kept = {name: {k: v for k, v in table.items() if v.get("visibility", "public") == "public"}
                for name, table in self.tables.items()}
        for relation in RELATIONS:
            targets = kept[relation.target]
            if relation.item_field or len(targets) == len(self.tables[relation.target]):
                continue  # nothing of the target kind was dropped
            table = kept[relation.kind]
            for entry_id, record in table.items():
                value = record.get(relation.field)
                if isinstance(value, list):
                    table[entry_id] = {**record, relation.field: [t for t in value if t in targets]}
        return replace(self, tables=kept, edition=edition, links=None)

    @property
    def entry_count(self) -> int:
        """Entries that get a page and a search document."""
        return sum(len(self.tables[kind.name]) for kind in PAGE_KINDS)
