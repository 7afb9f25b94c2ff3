"""The contributors' field reference (velden.md), read from the schemas and relations.py.

What the check demands and what the page says are then the same text: a field, its
label, whether it is required, its choices and the kind it links to.
"""
from __future__ import annotations

from dataclasses import dataclass

from .fields import Field, entry_schema, fields
from .kinds import BY_NAME, KINDS, Kind
from .relations import RELATIONS, relations_of


@dataclass(frozen=True)
class FieldRow:
    name: str
    label: str
    required: str  # "ja", "nee" or the condition, "bij status: in-voorbereiding"
    explanation: str


@dataclass(frozen=True)
class KindReference:
    kind: Kind
    rows: tuple[FieldRow, ...]


def reference() -> list[KindReference]:
    return [KindReference(kind, tuple(_rows(kind))) for kind in KINDS]


def link_sentences() -> list[str]:
    """What writing each link does, one sentence per declared relation that has one."""
    return [r.sentence for r in RELATIONS if r.sentence]


def _rows(kind: Kind):
    conditions = _conditional_requirements(entry_schema(kind))
    links = {r.field: r for r in relations_of(kind.name)}
    for f in fields(kind.name):
        required = "ja" if f.required else conditions.get(f.name, "nee")
        yield FieldRow(f.name, f.label, required, _explanation(f, links.get(f.name)))


def _explanation(f: Field, relation) -> str:
    parts = [f.description.strip()]
    limit = f.schema.get("maxLength")
    if limit:
        parts.append(f"Hooguit {limit} tekens.")
    if f.choices:
        parts.append("Kies uit: " + ", ".join(f"`{c.value}` ({c.label})" for c in f.choices) + ".")
    if relation is not None:
        target = BY_NAME[relation.target]
        parts.append(f"Verwijst naar: {target.label.lower()} (id uit `{target.source}`).")
    if f.subfields:
        parts.append("Per blok: " + ", ".join(f"`{s.name}`" + ("" if s.required else " (mag)") for s in f.subfields) + ".")
    return " ".join(p for p in parts if p)


def _conditional_requirements(schema: dict) -> dict[str, str]:
    """Fields required only when another field has a value (JSON Schema if/then)."""
    found = {}
    for rule in schema.get("allOf", []):
        condition = rule.get("if", {}).get("properties", {})
        for name in rule.get("then", {}).get("required", []):
            found[name] = "bij " + ", ".join(f"`{k}: {v['const']}`" for k, v in condition.items() if "const" in v)
    return found
