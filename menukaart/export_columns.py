"""The columns of the CSV and XLSX exports, derived from the model.

One column per schema field, in the schema's order and under its Dutch label; a link
shows the names of the entries it points to; after the fields come the derived reverse
links (relations.py) and the entry's page. Nothing here names a field of one kind.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .catalogue import Catalogue
from .fields import Field, fields
from .kinds import BY_NAME, Kind
from .relations import RELATIONS, THROUGH, relations_of

# Written where an entry came from, not what it is: left out of the spreadsheets.
NOT_EXPORTED = frozenset({"former_ids"})


@dataclass(frozen=True)
class Column:
    header: str
    width: int  # characters, for the XLSX
    value: Callable[[str, dict], object]


def columns(cat: Catalogue, kind: Kind) -> list[Column]:
    links = {r.field: r for r in relations_of(kind.name)}
    found: list[Column] = []
    for f in fields(kind.name):
        if f.name in NOT_EXPORTED:
            continue
        relation = links.get(f.name)
        if relation is None:
            found.append(Column(f.label, _width(f), _plain_value(f)))
            if f.name == kind.key_field and kind.ordered:  # the place in the chain, after the id
                order = {entry_id: n for n, entry_id in enumerate(cat.table(kind.name), 1)}
                found.append(Column("Volgorde", 10, lambda i, r: order[i]))
        elif relation.symmetric:  # both directions, as on the pages
            reverse = cat.links.reverse
            found.append(Column(f.label, 40, lambda i, r, rel=relation: _labels(cat, rel.target, reverse[rel.reverse].get(i, []))))
        else:
            found.append(Column(f.label, 30 if isinstance(f.schema.get("type"), str) and f.schema["type"] == "string" else 40,
                                _link_value(cat, relation)))
        if THROUGH.kind == kind.name and THROUGH.via == f.name:  # a measure's phases, through its barriers
            found.append(Column(BY_NAME[THROUGH.target].plural, 30,
                                lambda i, r: _labels(cat, THROUGH.target, cat.links.phases_of(i))))
    found += _reverse_columns(cat, kind)
    if kind.has_pages:
        found.append(Column("Pagina", 40, lambda i, r: kind.page_url(i)))
    return found


def _reverse_columns(cat: Catalogue, kind: Kind) -> list[Column]:
    """The links other entries write to this one (a barrier's measures), once per link name."""
    found, seen = [], set()
    reverse = cat.links.reverse
    derived = [(r.reverse, r.reverse_label, r.kind, bool(r.detail))
               for r in RELATIONS if r.target == kind.name and not r.symmetric]
    if THROUGH.target == kind.name:
        derived.append((THROUGH.reverse, THROUGH.reverse_label, THROUGH.kind, False))
    for reverse_name, label, source_kind, with_detail in derived:
        if reverse_name in seen:
            continue
        seen.add(reverse_name)
        if with_detail:  # "Titel (art. 3)"
            def value(i, r, n=reverse_name, k=source_kind):
                return [f"{cat.entry(k, e).label} (art. {d})" if d else cat.entry(k, e).label
                        for d, e in reverse[n].get(i, [])]
        else:
            def value(i, r, n=reverse_name, k=source_kind):
                return _labels(cat, k, reverse[n].get(i, []))
        found.append(Column(label, 50, value))
    return found


def _labels(cat: Catalogue, kind: str, ids: Iterable[str]) -> list[str]:
    return [cat.entry(kind, i).label for i in ids]


def _link_value(cat: Catalogue, relation) -> Callable[[str, dict], object]:
    def value(i: str, record: dict):
        labels = []
        for _, target, detail in relation.targets(record):
            label = cat.entry(relation.target, target).label
            labels.append(f"{label} art. {detail}" if detail else label)
        return labels[0] if not isinstance(record.get(relation.field), list) and labels else labels
    return value


def _plain_value(f: Field) -> Callable[[str, dict], object]:
    if f.choices:
        labels = {c.value: c.label for c in f.choices}
        return lambda i, r: labels[r[f.name]] if f.name in r else None
    if f.subfields:  # blocks: "Titel (adres)"
        return lambda i, r: lines(_block(f, block) for block in r.get(f.name, []))
    if f.schema.get("type") == "array":
        if f.schema.get("x-numbered"):
            return lambda i, r: lines(f"{n}. {s}" for n, s in enumerate(r.get(f.name, []), 1))
        return lambda i, r: lines(r.get(f.name, [])) if f.is_text_list else r.get(f.name, [])
    if f.name == "id":
        return lambda i, r: i
    if f.schema.get("type") == "boolean":  # not written means no
        return lambda i, r: bool(r.get(f.name))
    return lambda i, r: r.get(f.name)


def _block(f: Field, block: dict) -> str:
    """A block's title, with its other written values (not dates) in brackets."""
    title, *rest = [s.name for s in f.subfields if s.schema.get("format") != "date"]
    extra = [str(block[name]) for name in rest if block.get(name)]
    return f"{block[title]} ({', '.join(extra)})" if extra else str(block[title])


def _width(f: Field) -> int:
    kind = f.schema.get("type")
    if f.name == "id":
        return 28
    if f.choices or f.schema.get("format") == "date":
        return 18
    if kind == "boolean":
        return 12
    if kind == "array":
        return 50
    return 40 if (f.schema.get("maxLength") or 1000) <= 500 else 60


def lines(items: Iterable[str]) -> str:
    """A list of sentences: one per line in the cell."""
    return "\n".join(" ".join(str(item).split()) for item in items)
