"""Load and check a whole content root: every file, every field, every reference.

All problems are collected, so one run reports them all; the catalogue is only
returned when there are none.
"""
from __future__ import annotations

from pathlib import Path

from .catalogue import Catalogue
from .problems import Problems
from .schemas import schema_problems
from .content_files import Unreadable, check_regular_file, entry_files, is_inside
from .sources import MAX_VALUES_ENTRY, MAX_VALUES_LIST, SourceFile, dotted, read_yaml

# Beyond this many schema problems in one file, the check stops looking in that file.
SCHEMA_PROBLEMS_PER_FILE = 100
ENTRY_DIRS = {"measure": "measures", "barrier": "barriers"}
LIST_FILES = {"phases": "phases", "partners": "partners", "laws": "laws", "glossary": "terms"}


def load_catalogue(root: Path) -> tuple[Catalogue | None, Problems]:
    root = Path(root)
    problems = Problems(root)
    if not root.is_dir():
        problems.add(root, 1, "-", "inhoudsmap bestaat niet")
        return None, problems

    lists: dict[str, SourceFile | None] = {}
    for kind in LIST_FILES:
        path = root / f"{kind}.yaml"
        if check_regular_file(path, root) == Unreadable("bestand ontbreekt"):
            problems.add(path, 1, "-", f"bestand ontbreekt: {kind}.yaml hoort naast measures/ en barriers/")
            lists[kind] = None
            continue
        lists[kind] = _checked(kind, path, root, problems, MAX_VALUES_LIST)

    entries: dict[str, dict[str, SourceFile]] = {}
    unreadable: dict[str, set[str]] = {"measure": set(), "barrier": set()}  # files already reported
    for kind, folder in ENTRY_DIRS.items():
        entries[kind] = {}
        directory = root / folder
        if not directory.is_dir() or not is_inside(directory.resolve(), root.resolve()):
            problems.add(directory, 1, "-", f"map {folder}/ ontbreekt" if not directory.is_dir()
                         else f"map {folder}/ is een snelkoppeling naar een plek buiten de inhoudsmap")
            unreadable[kind] = _EveryId()
            continue
        for found in entry_files(directory, root):
            path = found.path
            if found.problem:
                problems.add(path, 1, "-", found.problem)
                unreadable[kind].add(path.stem)
                continue
            source = _checked(kind, path, root, problems, MAX_VALUES_ENTRY)
            if source is None:
                unreadable[kind].add(path.stem)
            elif _check_entry_id(source, path, problems):
                entries[kind][path.stem] = source
            else:  # references to its id are not reported again: one mistake, one message
                unreadable[kind].update({path.stem, source.data["id"]})

    edition_path = root / "edition.yaml"
    release = None
    if check_regular_file(edition_path, root) == Unreadable("bestand ontbreekt"):
        problems.add(edition_path, 1, "-", "bestand ontbreekt: edition.yaml (nummer en datum van de uitgave)")
    else:
        edition_source = _checked("edition", edition_path, root, problems, MAX_VALUES_ENTRY)
        release = edition_source.data if edition_source else None

    tables = {kind: _table(kind, src, problems) for kind, src in lists.items() if kind != "glossary"}
    glossary = _glossary(lists["glossary"], problems)
    catalogue_parts = {
        "phases": tables.get("phases", {}),
        "partners": tables.get("partners", {}),
        "laws": tables.get("laws", {}),
        "measures": {k: s.data for k, s in entries["measure"].items()},
        "barriers": {k: s.data for k, s in entries["barrier"].items()},
    }
    _check_references(catalogue_parts, entries, lists, unreadable, problems)
    _check_former_ids(catalogue_parts, entries, lists, problems)
    if problems:
        return None, problems

    measures = {k: _normalise_measure(v) for k, v in sorted(catalogue_parts["measures"].items())}
    catalogue = Catalogue(
        phases=catalogue_parts["phases"], partners=catalogue_parts["partners"], laws=catalogue_parts["laws"],
        glossary=glossary, measures=measures, barriers=dict(sorted(catalogue_parts["barriers"].items())),
        release=release,
    )
    return catalogue, problems


class _EveryId(set):
    """Every id: the folder itself is missing, so a reference into it is not reported again."""

    def __contains__(self, item: object) -> bool:
        return True


def _checked(kind: str, path: Path, root: Path, problems: Problems, max_values: int) -> SourceFile | None:
    source = read_yaml(path, root, problems, max_values)
    if source is None:
        return None
    found = 0
    for line, field_name, message in schema_problems(kind, source):
        found += 1
        if found > SCHEMA_PROBLEMS_PER_FILE:  # a file of thousands of mistakes: stop looking
            problems.mark_incomplete(path)
            break
        problems.add(path, line, field_name, message)
    return None if found else source


def _check_entry_id(source: SourceFile, path: Path, problems: Problems) -> bool:
    if source.data["id"] == path.stem:
        return True
    problems.add(path, source.line_of(("id",)), "id",
                 f"id '{source.data['id']}' moet gelijk zijn aan de bestandsnaam '{path.stem}'")
    return False


def _table(kind: str, source: SourceFile | None, problems: Problems) -> dict[str, dict]:
    if source is None:
        return {}
    key = LIST_FILES[kind]
    table: dict[str, dict] = {}
    for i, item in enumerate(source.data[key]):
        if item["id"] in table:
            problems.add(source.path, source.line_of((key, i, "id")), dotted((key, i, "id")),
                         f"id '{item['id']}' komt twee keer voor")
        table[item["id"]] = item
    return table


def _glossary(source: SourceFile | None, problems: Problems) -> list[dict]:
    if source is None:
        return []
    seen: dict[str, int] = {}
    for i, term in enumerate(source.data["terms"]):
        for field_name in ("term", "abbreviation"):
            value = term.get(field_name)
            if value is None:
                continue
            key = f"{field_name}:{value.casefold() if field_name == 'term' else value}"
            if key in seen:
                problems.add(source.path, source.line_of(("terms", i, field_name)), dotted(("terms", i, field_name)),
                             f"'{value}' staat al in de begrippenlijst (item {seen[key] + 1})")
            seen.setdefault(key, i)
    return sorted(source.data["terms"], key=lambda t: t["term"].casefold())


def _check_references(parts: dict, entries: dict, lists: dict, unreadable: dict, problems: Problems) -> None:
    """Every id an entry names must exist; reported at the line where it is named.

    Names pointing into a file that was already reported as broken are not reported
    again, so one mistake gives one message.
    """
    targets = {
        "partner": ("partners", "partners.yaml"), "barrier": ("barriers", "barriers/"),
        "measure": ("measures", "measures/"), "law": ("laws", "laws.yaml"), "phase": ("phases", "phases.yaml"),
    }

    def check(source: SourceFile, path: tuple, value: str, target: str) -> None:
        table, where = targets[target]
        if target in ("measure", "barrier"):
            if value in unreadable[target]:
                return
        elif lists.get(table) is None:
            return
        if value not in parts[table]:
            problems.add(source.path, source.line_of(path), dotted(path), f"'{value}' bestaat niet in {where}")

    for mid, source in entries["measure"].items():
        m = source.data
        check(source, ("authority",), m["authority"], "partner")
        for i, pid in enumerate(m["partners"]):
            check(source, ("partners", i), pid, "partner")
        for i, bid in enumerate(m["barriers"]):
            check(source, ("barriers", i), bid, "barrier")
        for i, other in enumerate(m.get("related", [])):
            check(source, ("related", i), other, "measure")
            if other == mid:
                problems.add(source.path, source.line_of(("related", i)), dotted(("related", i)),
                             "een maatregel kan niet aan zichzelf verwant zijn")
        for i, basis in enumerate(m["legal_basis"]):
            check(source, ("legal_basis", i, "law"), basis["law"], "law")
    for source in entries["barrier"].values():
        b = source.data
        check(source, ("phase",), b["phase"], "phase")
        for i, pid in enumerate(b["partners"]):
            check(source, ("partners", i), pid, "partner")


# An entry's page is <folder>/<id>.html, and <folder>/index.html is the folder's overview
# page, so no entry (nor a redirect at a former id) may take that name.
RESERVED_IDS = frozenset({"index"})


def _located_ids(entries: dict, lists: dict):
    """(table, entry id, source, path to the id, path to former_ids) of every entry."""
    for kind, table in (("measure", "measures"), ("barrier", "barriers")):
        for entry_id, source in entries[kind].items():
            yield table, entry_id, source, ("id",), ("former_ids",)
    for kind in ("phases", "partners", "laws"):
        source = lists.get(kind)
        if source is not None:
            for i, item in enumerate(source.data[LIST_FILES[kind]]):
                yield kind, item["id"], source, (LIST_FILES[kind], i, "id"), (LIST_FILES[kind], i, "former_ids")


def _check_former_ids(parts: dict, entries: dict, lists: dict, problems: Problems) -> None:
    """An old id keeps a redirect page, so it may not be a current id or be claimed twice;
    no id, old or current, may take the name of a folder's overview page."""
    claimed: dict[tuple[str, str], str] = {}
    for table, entry_id, source, id_path, field_path in _located_ids(entries, lists):
        if entry_id in RESERVED_IDS:
            problems.add(source.path, source.line_of(id_path), dotted(id_path),
                         f"'{entry_id}' kan geen id zijn: zo heet de overzichtspagina van de map; kies een andere id")
        item = parts[table].get(entry_id, {})
        for j, old in enumerate(item.get("former_ids", [])):
            where = (*field_path, j)
            if old in RESERVED_IDS:
                problems.add(source.path, source.line_of(where), dotted(where),
                             f"'{old}' kan geen oude id zijn: zo heet de overzichtspagina van de map")
            elif old in parts[table]:
                problems.add(source.path, source.line_of(where), dotted(where),
                             f"'{old}' is nog de id van een bestaand item; een oude id moet vrij zijn")
            elif (table, old) in claimed:
                problems.add(source.path, source.line_of(where), dotted(where),
                             f"'{old}' staat ook als oude id bij '{claimed[table, old]}'")
            else:
                claimed[table, old] = entry_id


def _normalise_measure(measure: dict) -> dict:
    """Article numbers may be written as bare numbers in YAML; they are text from here on."""
    legal_basis = [{**b, "article": str(b["article"])} if "article" in b else b for b in measure["legal_basis"]]
    return {**measure, "legal_basis": legal_basis}
