"""Load and check a whole content root: every file, every field, every reference.

All problems are collected, so one run reports them all; the catalogue is only
returned when there are none.
"""
from __future__ import annotations

from pathlib import Path

from .catalogue import Catalogue
from .problems import Problems
from .schemas import schema_problems
from .sources import SourceFile, dotted, read_yaml

ENTRY_DIRS = {"measure": "measures", "barrier": "barriers"}
LIST_FILES = {"phases": "phases", "partners": "partners", "laws": "laws", "glossary": "terms"}


def load_catalogue(root: Path) -> tuple[Catalogue | None, Problems]:
    root = Path(root)
    problems = Problems(root)
    if not root.is_dir():
        problems.add(root, 0, "-", "inhoudsmap bestaat niet")
        return None, problems

    lists: dict[str, SourceFile | None] = {}
    for kind in LIST_FILES:
        path = root / f"{kind}.yaml"
        if not path.is_file():
            problems.add(path, 0, "-", f"bestand ontbreekt: {kind}.yaml hoort naast measures/ en barriers/")
            lists[kind] = None
            continue
        lists[kind] = _checked(kind, path, problems)

    entries: dict[str, dict[str, SourceFile]] = {}
    unreadable: dict[str, set[str]] = {"measure": set(), "barrier": set()}  # files already reported
    for kind, folder in ENTRY_DIRS.items():
        entries[kind] = {}
        directory = root / folder
        if not directory.is_dir():
            problems.add(directory, 0, "-", f"map {folder}/ ontbreekt")
            continue
        for path in sorted(directory.iterdir()):
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix != ".yaml":
                problems.add(path, 0, "-", "alleen .yaml-bestanden horen in deze map (hernoem .yml naar .yaml)")
                continue
            source = _checked(kind, path, problems)
            if source is None:
                unreadable[kind].add(path.stem)
            else:
                _check_entry_id(source, path, problems)
                entries[kind][path.stem] = source

    edition_path = root / "edition.yaml"
    release = None
    if not edition_path.is_file():
        problems.add(edition_path, 0, "-", "bestand ontbreekt: edition.yaml (nummer en datum van de uitgave)")
    else:
        edition_source = _checked("edition", edition_path, problems)
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


def _checked(kind: str, path: Path, problems: Problems) -> SourceFile | None:
    source = read_yaml(path, problems)
    if source is None:
        return None
    found = list(schema_problems(kind, source))
    for line, field_name, message in found:
        problems.add(path, line, field_name, message)
    return None if found else source


def _check_entry_id(source: SourceFile, path: Path, problems: Problems) -> None:
    if source.data.get("id") != path.stem:
        problems.add(path, source.line_of(("id",)), "id",
                     f"id '{source.data.get('id')}' moet gelijk zijn aan de bestandsnaam '{path.stem}'")


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


def _check_former_ids(parts: dict, entries: dict, lists: dict, problems: Problems) -> None:
    """An old id keeps a redirect page, so it may not be a current id or be claimed twice."""
    located = []  # (table, entry id, source, path to the field)
    for kind, table in (("measure", "measures"), ("barrier", "barriers")):
        for entry_id, source in entries[kind].items():
            located.append((table, entry_id, source, ("former_ids",)))
    for kind in ("phases", "partners", "laws"):
        source = lists.get(kind)
        if source is not None:
            for i, item in enumerate(source.data[LIST_FILES[kind]]):
                located.append((kind, item["id"], source, (LIST_FILES[kind], i, "former_ids")))
    claimed: dict[tuple[str, str], str] = {}
    for table, entry_id, source, field_path in located:
        item = parts[table].get(entry_id, {})
        for j, old in enumerate(item.get("former_ids", [])):
            where = (*field_path, j)
            if old in parts[table]:
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
