"""The fields of each kind as its schema declares them: order, Dutch label, whether they
are required, their choices and the labels of those choices.

The schema is the one written model: every label a reader sees (page headings, table
rows, export columns, the change page, the contributors' field reference) comes from a
property's `title`, every choice label from the `title` of its `const`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .kinds import BY_NAME, Kind
from .schemas import forget_on_change, inlined_schema


@dataclass(frozen=True)
class Choice:
    value: str
    label: str        # one entry: "Private partij"
    group_label: str  # a heading over several: "Private partijen"


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    description: str
    required: bool
    schema: dict

    @property
    def choices(self) -> tuple[Choice, ...]:
        return tuple(Choice(c["const"], c["title"], c.get("x-plural-title", c["title"]))
                     for c in self.schema.get("oneOf", []) if "const" in c)

    @property
    def is_text(self) -> bool:
        """Plain text a person wrote (not an id, a date, an address or a choice)."""
        return self.schema.get("type") == "string" and self.schema.get("pattern") == "\\S"

    @property
    def is_text_list(self) -> bool:
        items = self.schema.get("items", {})
        return self.schema.get("type") == "array" and items.get("type") == "string" and items.get("pattern") == "\\S"

    @property
    def subfields(self) -> tuple["Field", ...]:
        """The fields of the blocks in a list of blocks (legal_basis, examples, sources)."""
        items = self.schema.get("items", {})
        return _fields_of(items) if items.get("type") == "object" else ()


def entry_schema(kind: Kind | str) -> dict:
    """The schema of one entry (for a list file: of one item of its list)."""
    kind = BY_NAME[kind] if isinstance(kind, str) else kind
    schema = inlined_schema(kind.schema)
    return schema["properties"][kind.list_key]["items"] if kind.list_key else schema


@lru_cache(maxsize=None)
def fields(kind: str) -> tuple[Field, ...]:
    """The fields of a kind, in the schema's order."""
    return _fields_of(entry_schema(kind))


forget_on_change(fields)


def _fields_of(schema: dict) -> tuple[Field, ...]:
    required = set(schema.get("required", []))
    return tuple(Field(name, prop["title"], prop.get("description", ""), name in required, prop)
                 for name, prop in schema.get("properties", {}).items())


def field(kind: str, name: str) -> Field:
    return next(f for f in fields(kind) if f.name == name)


def label(kind: str, name: str) -> str:
    return field(kind, name).label


def choices(kind: str, name: str) -> tuple[Choice, ...]:
    return field(kind, name).choices


def labelled(kind: str, name: str, plural: bool = False) -> list[tuple[str, str]]:
    """(value, label) of each choice, in the schema's order; `plural` for headings over a group."""
    return [(c.value, c.group_label if plural else c.label) for c in choices(kind, name)]


def choice_label(kind: str, name: str, value: str) -> str:
    return next(c.label for c in choices(kind, name) if c.value == value)


def has_field(kind: str, name: str) -> bool:
    return any(f.name == name for f in fields(kind))
