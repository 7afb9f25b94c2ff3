"""What changed since the previous edition: new, changed, renamed or merged, and removed entries.

A build can be given the JSON export of the previous edition (`--previous FILE`, read
and checked by previous_export.py); `compare` sets it against the current export and
returns a ChangeReport, which changes.md.j2 turns into the page "Wat is er veranderd".

An old id that is gone but named in a current entry's `former_ids` is reported as
renamed (one old entry) or merged (several old entries end up in one), never as
removed + new: the old id keeps a redirect page.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .fields import fields
from .kinds import BY_TABLE, KINDS, Kind

# Never reported as a change: the derived page path, the id (a new id is a rename) and
# former_ids (they only say where an entry came from).
IGNORED_FIELDS = frozenset({"page", "id", "former_ids"})


@dataclass(frozen=True)
class EditionInfo:
    number: int
    date: str  # YYYY-MM-DD
    kind: str  # "public" or "internal"


@dataclass(frozen=True)
class FieldChange:
    key: str  # field name as in the schema, e.g. "legal_basis"
    label: str  # Dutch label, e.g. "wettelijke grondslag"


@dataclass(frozen=True)
class EntryRef:
    """A new or removed entry. For the glossary, id is the term."""
    id: str
    title: str


@dataclass(frozen=True)
class ChangedEntry:
    id: str
    title: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class FormerEntry:
    """One previous entry that now lives under another id, and what changed against it."""
    id: str
    title: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class RenamedEntry:
    id: str  # current id
    title: str  # current title
    how: str  # "hernoemd" or "samengevoegd"
    former: tuple[FormerEntry, ...]  # the gone previous ids that point here, by title


@dataclass
class KindChanges:
    kind: str  # table and export list name, e.g. "measures"
    entry_kind: str | None  # kind for h.link ("measure"), None for the glossary
    label: str  # Dutch section heading
    new: list[EntryRef] = field(default_factory=list)
    changed: list[ChangedEntry] = field(default_factory=list)
    renamed: list[RenamedEntry] = field(default_factory=list)
    removed: list[EntryRef] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.renamed or self.removed)


@dataclass
class ChangeReport:
    previous: EditionInfo
    current: EditionInfo
    kinds: list[KindChanges]  # one per kind in KINDS order, also when empty

    @property
    def has_changes(self) -> bool:
        return any(not k.empty for k in self.kinds)

    def kind(self, name: str) -> KindChanges:
        return next(k for k in self.kinds if k.kind == name)

    def totals(self) -> dict[str, int]:
        return {part: sum(len(getattr(k, part)) for k in self.kinds)
                for part in ("new", "changed", "renamed", "removed")}


def field_label(kind: Kind, key: str) -> str:
    """The field's label as the change page names it in a sentence: "wettelijke grondslag"."""
    label = next((f.label for f in fields(kind.name) if f.name == key), key)
    return label[:1].lower() + label[1:]


# ---------------------------------------------------------------------------- comparing

def compare(previous: dict, current: dict) -> ChangeReport:
    """Compare two exports (previous as loaded by load_previous, current as exported now)."""
    previous, current = _plain(previous), _plain(current)
    kinds = [_compare_kind(kind, previous.get(kind.table, []), current.get(kind.table, [])) for kind in KINDS]
    return ChangeReport(previous=_edition(previous), current=_edition(current), kinds=kinds)


def _compare_kind(kind: Kind, before_items: list, after_items: list) -> KindChanges:
    before = {entry_key(kind, r): r for r in before_items}
    after = {entry_key(kind, r): r for r in after_items}
    result = KindChanges(kind=kind.table, entry_kind=kind.name if kind.has_pages else None, label=kind.plural)

    # Gone previous ids that a current entry claims as a former id.
    claimed: dict[str, list[str]] = {}
    if kind.has_pages:
        for key, record in after.items():
            olds = [old for old in record.get("former_ids") or [] if old in before and old not in after]
            if olds:
                claimed[key] = olds
    moved = {old for olds in claimed.values() for old in olds}

    for key, record in after.items():
        if key not in before and key not in claimed:
            result.new.append(EntryRef(_display_key(kind, record, key), _title(record, key)))
        elif key in before:
            fields = changed_fields(kind, before[key], record)
            if fields:
                result.changed.append(ChangedEntry(_display_key(kind, record, key), _title(record, key), fields))
    for key, olds in claimed.items():
        record = after[key]
        sources = len(olds) + (key in before)
        former = tuple(sorted(
            (FormerEntry(old, _title(before[old], old), changed_fields(kind, before[old], record)) for old in olds),
            key=lambda f: _sort_key(f.title, f.id)))
        result.renamed.append(RenamedEntry(key, _title(record, key), "samengevoegd" if sources > 1 else "hernoemd",
                                           former))
    for key, record in before.items():
        if key not in after and key not in moved:
            result.removed.append(EntryRef(_display_key(kind, record, key), _title(record, key)))

    for part in (result.new, result.changed, result.renamed, result.removed):
        part.sort(key=lambda e: _sort_key(e.title, e.id))
    return result


def changed_fields(kind: Kind | str, before: dict, after: dict) -> tuple[FieldChange, ...]:
    """Fields whose value differs, in the schema's order; a missing field equals an empty one."""
    kind = BY_TABLE[kind] if isinstance(kind, str) else kind
    keys = (set(before) | set(after)) - IGNORED_FIELDS
    order = [f.name for f in fields(kind.name)]
    differing = [k for k in keys if _meaningful(before.get(k)) != _meaningful(after.get(k))]
    differing.sort(key=lambda k: (order.index(k) if k in order else len(order), k))
    return tuple(FieldChange(k, field_label(kind, k)) for k in differing)


def _meaningful(value):
    return None if value in (None, "", [], {}) else value


def _plain(data: dict) -> dict:
    """JSON values only (lists, not tuples; text dates), so both sides compare alike."""
    return json.loads(json.dumps(data, default=str))


def _edition(data: dict) -> EditionInfo:
    e = data.get("edition") or {}
    return EditionInfo(number=e.get("number"), date=e.get("date"), kind=e.get("kind"))


def entry_key(kind: Kind, record: dict) -> str:
    """Glossary terms are matched on the term, ignoring case and spacing (as validation does)."""
    if kind.key_field == "term":
        return " ".join(record["term"].split()).casefold()
    return record[kind.key_field]


def _display_key(kind: Kind, record: dict, key: str) -> str:
    return record[kind.key_field]


def _title(record: dict, fallback: str) -> str:
    for name in dict.fromkeys(k.title_field for k in KINDS):
        if isinstance(record.get(name), str) and record[name].strip():
            return record[name]
    return fallback


def _sort_key(title: str, entry_id: str) -> tuple[str, str]:
    return (" ".join(title.split()).casefold(), entry_id)
