"""Load and check a whole content root: every file, every field, every reference.

Every kind in kinds.KINDS is read from its source (a folder of entry files or one list
file) and checked against its schema; every link in relations.RELATIONS is checked
against its target. All problems are collected, so one run reports them all; the
catalogue is only returned when there are none.
"""
from __future__ import annotations

import copy
from pathlib import Path

from .catalogue import Catalogue
from .content_files import Unreadable, check_regular_file, entry_files, is_inside, read_bytes
from .kinds import EDITION_FILE, EDITION_SCHEMA, KINDS, TERM, Kind
from .problems import Problems
from .relations import RELATIONS, missing_target_message, relations_of, self_link_message
from .schemas import refresh as refresh_schemas, schema_problems, schema_stamps
from .sources import MAX_VALUES_ENTRY, MAX_VALUES_LIST, SourceFile, dotted, read_yaml

# Beyond this many schema problems in one file, the check stops looking in that file.
SCHEMA_PROBLEMS_PER_FILE = 100

# An entry's page is <folder>/<id>.html, and <folder>/index.html is the folder's overview
# page, so no entry (nor a redirect at a former id) may take that name.
RESERVED_IDS = frozenset({"index"})


class _EveryId(set):
    """Every id: the source itself is unreadable, so a reference into it is not reported again."""

    def __contains__(self, item: object) -> bool:
        return True


class _Located:
    """One entry as read: its record, the file it came from and the path to it inside that file."""

    def __init__(self, source: SourceFile, path: tuple = ()):
        self.source, self.path, self.record = source, path, _at(source.data, path)

    def line_of(self, *inner) -> int:
        return self.source.line_of((*self.path, *inner))

    def dotted(self, *inner) -> str:
        return dotted((*self.path, *inner))


def _at(data, path: tuple):
    for step in path:
        data = data[step]
    return data


class CheckedFiles:
    """Files that passed their schema, by their bytes: the live preview does not parse and check
    an unchanged file again after each save (forgotten when a schema changes)."""

    def __init__(self) -> None:
        self.passed: dict[tuple, SourceFile] = {}
        self.schemas: tuple = ()
        self._seen: set[tuple] = set()  # keys of this build: the others are forgotten after it

    def start(self) -> None:
        if self.schemas != schema_stamps():
            self.passed.clear()
            self.schemas = schema_stamps()
        self._seen = set()

    def get(self, key: tuple) -> SourceFile | None:
        found = self.passed.get(key)
        if found:
            self._seen.add(key)
        return copy.deepcopy(found) if found else None  # the build may not change what is kept

    def keep(self, key: tuple, source: SourceFile) -> None:
        self.passed[key] = copy.deepcopy(source)
        self._seen.add(key)

    def finish(self) -> None:
        """Forget the versions of files that this build did not read (saved over, or removed)."""
        self.passed = {key: source for key, source in self.passed.items() if key in self._seen}


def load_catalogue(root: Path, checked: CheckedFiles | None = None) -> tuple[Catalogue | None, Problems]:
    """The catalogue and its problems; `checked` (the live preview's) skips files that passed before."""
    root = Path(root)
    refresh_schemas()  # a schema saved while the preview runs counts from this build on
    if checked is not None:
        checked.start()
    problems = Problems(root)
    if not root.is_dir():
        problems.add(root, 1, "-", "inhoudsmap bestaat niet")
        return None, problems

    located: dict[str, dict[str, _Located]] = {}
    unreadable: dict[str, set[str]] = {}  # ids not to report again: their file was already reported
    for kind in KINDS:
        read = _read_folder if kind.one_file_per_entry else _read_list
        located[kind.name], unreadable[kind.name] = read(kind, root, problems, checked)
    release = _read_edition(root, problems, checked)
    if checked is not None:
        checked.finish()

    _check_references(located, unreadable, problems)
    _check_former_ids(located, problems)
    _check_glossary(located[TERM.name], problems)
    if problems:
        return None, problems
    tables = {name: {entry_id: _normalised(name, entry.record) for entry_id, entry in entries.items()}
              for name, entries in located.items()}
    tables["term"] = dict(sorted(tables["term"].items(), key=lambda item: item[0].casefold()))
    return Catalogue(tables, release=release), problems


def _read_folder(kind: Kind, root: Path, problems: Problems, checked: CheckedFiles | None) -> tuple[dict, set]:
    folder = kind.source.rstrip("/")
    directory = root / folder
    if not directory.is_dir() or not is_inside(directory.resolve(), root.resolve()):
        problems.add(directory, 1, "-", f"map {folder}/ ontbreekt" if not directory.is_dir()
                     else f"map {folder}/ is een snelkoppeling naar een plek buiten de inhoudsmap")
        return {}, _EveryId()
    found, unreadable = {}, set()
    for entry_file in entry_files(directory, root):
        path = entry_file.path
        if entry_file.problem:
            problems.add(path, 1, "-", entry_file.problem)
            unreadable.add(path.stem)
            continue
        source = _checked(kind.schema, path, root, problems, MAX_VALUES_ENTRY, checked)
        if source is None:
            unreadable.add(path.stem)
        elif source.data[kind.key_field] == path.stem:
            found[path.stem] = _Located(source)
        else:  # references to its id are not reported again: one mistake, one message
            problems.add(path, source.line_of((kind.key_field,)), kind.key_field,
                         f"id '{source.data[kind.key_field]}' moet gelijk zijn aan de bestandsnaam '{path.stem}'")
            unreadable.update({path.stem, source.data[kind.key_field]})
    return dict(sorted(found.items())), unreadable


def _read_list(kind: Kind, root: Path, problems: Problems, checked: CheckedFiles | None) -> tuple[dict, set]:
    path = root / kind.source
    if check_regular_file(path, root) == Unreadable("bestand ontbreekt"):
        beside = " en ".join(k.source for k in KINDS if k.one_file_per_entry)
        problems.add(path, 1, "-", f"bestand ontbreekt: {kind.source} hoort naast {beside}")
        return {}, _EveryId()
    source = _checked(kind.schema, path, root, problems, MAX_VALUES_LIST, checked)
    if source is None:
        return {}, _EveryId()
    found: dict[str, _Located] = {}
    for i, item in enumerate(source.data[kind.list_key]):
        entry = _Located(source, (kind.list_key, i))
        key = item[kind.key_field]
        if key in found and kind.key_field == "id":  # the glossary's own check says more (see _check_glossary)
            problems.add(source.path, entry.line_of("id"), entry.dotted("id"), f"id '{key}' komt twee keer voor")
        found[key] = entry
    return found, set()


def _read_edition(root: Path, problems: Problems, checked: CheckedFiles | None) -> dict | None:
    path = root / EDITION_FILE
    if check_regular_file(path, root) == Unreadable("bestand ontbreekt"):
        problems.add(path, 1, "-", f"bestand ontbreekt: {EDITION_FILE} (nummer en datum van de uitgave)")
        return None
    source = _checked(EDITION_SCHEMA, path, root, problems, MAX_VALUES_ENTRY, checked)
    return source.data if source else None


def _checked(schema: str, path: Path, root: Path, problems: Problems, max_values: int,
             checked: CheckedFiles | None = None) -> SourceFile | None:
    key, raw = None, None
    if checked is not None:
        raw = read_bytes(path, root)
        if isinstance(raw, bytes):
            key = (schema, str(path), max_values, raw)
            kept = checked.get(key)
            if kept:
                return kept
        else:
            raw = None
    source = read_yaml(path, root, problems, max_values, raw)  # the bytes of the key, never read twice
    if source is None:
        return None
    found = 0
    for line, field_name, message in schema_problems(schema, source):
        found += 1
        if found > SCHEMA_PROBLEMS_PER_FILE:  # a file of thousands of mistakes: stop looking
            problems.mark_incomplete(path)
            break
        problems.add(path, line, field_name, message)
    if not found and key:
        checked.keep(key, source)
    return None if found else source


def _check_references(located: dict, unreadable: dict, problems: Problems) -> None:
    """Every id an entry names must exist; reported at the line where it is named.

    Names pointing into a source that was already reported as broken are not reported
    again, so one mistake gives one message.
    """
    for relation in RELATIONS:
        targets = located[relation.target]
        for entry_id, entry in located[relation.kind].items():
            for path, target, _ in relation.targets(entry.record):
                if target not in targets and target not in unreadable[relation.target]:
                    problems.add(entry.source.path, entry.line_of(*path), entry.dotted(*path),
                                 missing_target_message(relation, target))
                if relation.symmetric and target == entry_id:
                    problems.add(entry.source.path, entry.line_of(*path), entry.dotted(*path),
                                 self_link_message(relation))


def _check_former_ids(located: dict, problems: Problems) -> None:
    """An old id keeps a redirect page, so it may not be a current id or be claimed twice;
    no id, old or current, may take the name of a folder's overview page."""
    for kind in KINDS:
        if not kind.has_pages:
            continue
        claimed: dict[str, str] = {}
        for entry_id, entry in located[kind.name].items():
            if entry_id in RESERVED_IDS:
                problems.add(entry.source.path, entry.line_of("id"), entry.dotted("id"),
                             f"'{entry_id}' kan geen id zijn: zo heet de overzichtspagina van de map; kies een andere id")
            for j, old in enumerate(entry.record.get("former_ids", [])):
                where = (entry.source.path, entry.line_of("former_ids", j), entry.dotted("former_ids", j))
                if old in RESERVED_IDS:
                    problems.add(*where, f"'{old}' kan geen oude id zijn: zo heet de overzichtspagina van de map")
                elif old in located[kind.name]:
                    problems.add(*where, f"'{old}' is nog de id van een bestaand item; een oude id moet vrij zijn")
                elif old in claimed:
                    problems.add(*where, f"'{old}' staat ook als oude id bij '{claimed[old]}'")
                else:
                    claimed[old] = entry_id


def _check_glossary(terms: dict, problems: Problems) -> None:
    """A term, in any case, and an abbreviation are explained once (read from the file itself:
    the table keeps only one of two items with the same term)."""
    if not terms:
        return
    source, key = next(iter(terms.values())).source, TERM.list_key
    seen: dict[str, int] = {}
    for i, item in enumerate(source.data[key]):
        for field_name in ("term", "abbreviation"):
            value = item.get(field_name)
            if value is None:
                continue
            unique = f"{field_name}:{value.casefold() if field_name == 'term' else value}"
            if unique in seen:
                problems.add(source.path, source.line_of((key, i, field_name)), dotted((key, i, field_name)),
                             f"'{value}' staat al in de begrippenlijst (item {seen[unique] + 1})")
            seen.setdefault(unique, i)


def _normalised(kind: str, record: dict) -> dict:
    """A detail kept with a link (an article number) may be written as a bare number in YAML;
    it is text from here on."""
    for relation in relations_of(kind):
        if relation.detail and relation.field in record:
            record = {**record, relation.field: [{**b, relation.detail: str(b[relation.detail])}
                                                 if relation.detail in b else b for b in record[relation.field]]}
    return record
