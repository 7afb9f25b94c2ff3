"""What changed since the previous edition: new, changed, renamed or merged, and removed entries.

A build can be given the JSON export of the previous edition (`--previous FILE`).
`load_previous` reads and checks that file and reports problems in Dutch instead of
raising; `compare` sets it against the current export and returns a ChangeReport,
which changes.md.j2 turns into the page "Wat is er veranderd".

An old id that is gone but named in a current entry's `former_ids` is reported as
renamed (one old entry) or merged (several old entries end up in one), never as
removed + new: the old id keeps a redirect page.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import EDITIONS
from .exports import ENTRY_KIND, FORMAT, FORMAT_VERSION, KIND_NAMES, KINDS as EXPORT_KINDS
from .content_files import Unreadable, read_bytes
from .problems import Problem

FORMAT_VERSIONS = (FORMAT_VERSION,)
# Kinds whose records carry `visibility` (public or internal).
VISIBLE_KINDS = ("measures", "barriers")
MAX_EXPORT_BYTES = 200 * 1024 * 1024  # an export of 5,000 measures is about 20 MB

# Export list → (entry kind for h.link, or None for the glossary; Dutch section label). Page order.
KINDS = {kind: (ENTRY_KIND.get(kind), KIND_NAMES[kind][1]) for kind in EXPORT_KINDS}

# Every field of every schema, with the Dutch word readers see. The order here is the
# order in which changed fields are listed; tests check that no schema field is missing.
FIELD_LABELS = {
    "title": "titel",
    "name": "naam",
    "term": "begrip",
    "abbreviation": "afkorting",
    "summary": "samenvatting",
    "meaning": "betekenis",
    "description": "toelichting",
    "role": "rol",
    "kind": "soort",
    "category": "soort maatregel",
    "cross_cutting": "doorlopend thema",
    "phase": "fase",
    "needs": "wat het netwerk nodig heeft",
    "service_providers": "dienstverleners",
    "signals": "signalen",
    "legal_basis": "wettelijke grondslag",
    "authority": "bevoegde partner",
    "authority_role": "bevoegd orgaan",
    "partners": "partners",
    "barriers": "barrières",
    "aim": "doel",
    "conditions": "voorwaarden",
    "procedure": "werkwijze",
    "caveats": "let op",
    "legal_protection": "rechtsbescherming",
    "examples": "voorbeelden en rechtspraak",
    "related": "verwante maatregelen",
    "status": "status",
    "status_date": "statusdatum",
    "status_checked": "status nagegaan op",
    "status_note": "toelichting bij de status",
    "url": "webadres",
    "keywords": "zoekwoorden",
    "sources": "bronnen",
    "reviewed": "controledatum",
    "visibility": "zichtbaarheid",
    "id": "id",
    "former_ids": "eerdere ids",
}
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
    kind: str  # export list name, e.g. "measures"
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


def field_label(key: str) -> str:
    return FIELD_LABELS.get(key, key)


# ---------------------------------------------------------------------------- loading

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_previous(path: Path, edition: str) -> tuple[dict | None, list[str]]:
    """Read the previous edition's export for a build of `edition`.

    Returns (data, []) or (None, problems), each problem as `file:line: field: message`.
    """
    path = Path(path)
    name = path.as_posix()

    def fail(message: str, line: int = 0, field_name: str = "-") -> tuple[None, list[str]]:
        return None, [str(Problem(name, line, field_name, message))]

    raw = read_bytes(path, limit=MAX_EXPORT_BYTES)
    if isinstance(raw, Unreadable):
        if raw.message == "bestand ontbreekt":
            return fail("vorige export bestaat niet; geef het pad naar het JSON-bestand van de vorige uitgave")
        if raw.message.startswith("is een map"):
            return fail("dit is een map; geef het JSON-bestand van de vorige uitgave")
        return fail(f"vorige export: {raw.message}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return fail(f"bestand is geen UTF-8 (byte {error.start}); is dit wel een JSON-export van de menukaart?", line)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return fail(f"geen geldige JSON (kolom {error.colno}): {error.msg}", error.lineno)
    except RecursionError:
        return fail("geen bruikbare JSON: te diep genest")
    except ValueError as error:  # e.g. a number of thousands of digits
        return fail(f"geen bruikbare JSON: {' '.join(str(error).split())}")

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return fail(f"dit is geen export van de menukaart (veld 'format' is niet '{FORMAT}')", 0, "format")
    version = data.get("format_version")
    if isinstance(version, bool) or version not in FORMAT_VERSIONS:
        known = ", ".join(map(str, FORMAT_VERSIONS))
        return fail(f"onbekende versie {json.dumps(version)} van het exportformaat; deze versie van de bouw "
                    f"kent versie {known}. Maak de vorige export opnieuw of gebruik een nieuwere bouw.",
                    0, "format_version")

    problems = [str(Problem(name, 0, f, m)) for f, m in _shape_problems(data)]
    if problems:
        return None, problems

    if edition != "internal":
        # Judge every record, not only the flag: an internal export whose flag was edited
        # to "public" would put internal titles on the public change page.
        previous_kind = data["edition"]["kind"]
        internal = [f"{kind}[{i}]" for kind in VISIBLE_KINDS for i, item in enumerate(data[kind])
                    if item.get("visibility") != "public"]
        if previous_kind == "internal" or internal:
            where = "edition.kind" if previous_kind == "internal" else f"{internal[0]}.visibility"
            also = f" ({len(internal)} items zijn niet openbaar, het eerste is {internal[0]})" if internal else ""
            return fail("de vorige export bevat interne informatie" + also + "; een openbare editie mag daar niet "
                        "mee worden vergeleken, want dan komen interne items op de openbare site. Gebruik de export "
                        "van de vorige openbare editie.", 0, where)
    return data, []


def _shape_problems(data: dict):
    edition = data.get("edition")
    if not isinstance(edition, dict):
        yield "edition", "ontbreekt of is geen object met number, date en kind"
    else:
        number = edition.get("number")
        if isinstance(number, bool) or not isinstance(number, int):
            yield "edition.number", "ontbreekt of is geen geheel getal"
        date = edition.get("date")
        if not isinstance(date, str) or not _DATE.match(date):
            yield "edition.date", "ontbreekt of is geen datum JJJJ-MM-DD"
        if edition.get("kind") not in EDITIONS:
            yield "edition.kind", f"moet een van {', '.join(EDITIONS)} zijn"
    for kind in KINDS:
        items = data.get(kind)
        if not isinstance(items, list):
            yield kind, "lijst ontbreekt"
            continue
        key_field = _key_field(kind)
        seen = set()
        for i, item in enumerate(items):
            where = f"{kind}[{i}]"
            if not isinstance(item, dict):
                yield where, "is geen object"
                continue
            value = item.get(key_field)
            if not isinstance(value, str) or not value.strip():
                yield f"{where}.{key_field}", "ontbreekt of is geen tekst"
                continue
            key = _entry_key(kind, item)
            if key in seen:
                yield f"{where}.{key_field}", f"'{value}' komt twee keer voor"
            seen.add(key)


# ---------------------------------------------------------------------------- comparing

def compare(previous: dict, current: dict) -> ChangeReport:
    """Compare two exports (previous as loaded by load_previous, current as exported now)."""
    previous, current = _plain(previous), _plain(current)
    kinds = [_compare_kind(kind, previous.get(kind, []), current.get(kind, [])) for kind in KINDS]
    return ChangeReport(previous=_edition(previous), current=_edition(current), kinds=kinds)


def _compare_kind(kind: str, before_items: list, after_items: list) -> KindChanges:
    entry_kind, label = KINDS[kind]
    before = {_entry_key(kind, r): r for r in before_items}
    after = {_entry_key(kind, r): r for r in after_items}
    result = KindChanges(kind=kind, entry_kind=entry_kind, label=label)

    # Gone previous ids that a current entry claims as a former id.
    claimed: dict[str, list[str]] = {}
    if kind != "glossary":
        for key, record in after.items():
            olds = [old for old in record.get("former_ids") or [] if old in before and old not in after]
            if olds:
                claimed[key] = olds
    moved = {old for olds in claimed.values() for old in olds}

    for key, record in after.items():
        if key not in before and key not in claimed:
            result.new.append(EntryRef(_display_key(kind, record, key), _title(record, key)))
        elif key in before:
            fields = changed_fields(before[key], record)
            if fields:
                result.changed.append(ChangedEntry(_display_key(kind, record, key), _title(record, key), fields))
    for key, olds in claimed.items():
        record = after[key]
        sources = len(olds) + (key in before)
        former = tuple(sorted(
            (FormerEntry(old, _title(before[old], old), changed_fields(before[old], record)) for old in olds),
            key=lambda f: _sort_key(f.title, f.id)))
        result.renamed.append(RenamedEntry(key, _title(record, key), "samengevoegd" if sources > 1 else "hernoemd",
                                           former))
    for key, record in before.items():
        if key not in after and key not in moved:
            result.removed.append(EntryRef(_display_key(kind, record, key), _title(record, key)))

    for part in (result.new, result.changed, result.renamed, result.removed):
        part.sort(key=lambda e: _sort_key(e.title, e.id))
    return result


def changed_fields(before: dict, after: dict) -> tuple[FieldChange, ...]:
    """Fields whose value differs; a missing field equals an empty one."""
    keys = (set(before) | set(after)) - IGNORED_FIELDS
    order = list(FIELD_LABELS)
    differing = [k for k in keys if _meaningful(before.get(k)) != _meaningful(after.get(k))]
    differing.sort(key=lambda k: (order.index(k) if k in FIELD_LABELS else len(order), k))
    return tuple(FieldChange(k, field_label(k)) for k in differing)


def _meaningful(value):
    return None if value in (None, "", [], {}) else value


def _plain(data: dict) -> dict:
    """JSON values only (lists, not tuples; text dates), so both sides compare alike."""
    return json.loads(json.dumps(data, default=str))


def _edition(data: dict) -> EditionInfo:
    e = data.get("edition") or {}
    return EditionInfo(number=e.get("number"), date=e.get("date"), kind=e.get("kind"))


def _key_field(kind: str) -> str:
    return "term" if kind == "glossary" else "id"


def _entry_key(kind: str, record: dict) -> str:
    """Glossary terms are matched on the term, ignoring case and spacing (as validation does)."""
    if kind == "glossary":
        return " ".join(record["term"].split()).casefold()
    return record["id"]


def _display_key(kind: str, record: dict, key: str) -> str:
    return record["term"] if kind == "glossary" else key


def _title(record: dict, fallback: str) -> str:
    for name in ("title", "name", "term"):
        if isinstance(record.get(name), str) and record[name].strip():
            return record[name]
    return fallback


def _sort_key(title: str, entry_id: str) -> tuple[str, str]:
    return (" ".join(title.split()).casefold(), entry_id)
