"""The catalogue exports: JSON, CSV per kind, XLSX and the schemas, for each edition."""
from __future__ import annotations

import csv
import datetime
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
import yaml

from menukaart import exports, render
from menukaart.outputs import Outputs
from menukaart.schemas import schema_files
from menukaart.validate import load_catalogue

from tests.support import FIXTURE_CONTENT

CSV_NAMES = {"measures": "maatregelen", "barriers": "barrieres", "phases": "fasen", "partners": "partners",
             "laws": "wetten", "glossary": "begrippen"}
SHEETS = ["Maatregelen", "Barrières", "Fasen", "Partners", "Wetten", "Begrippen"]
HYPERLINK = '=HYPERLINK("https://example.org/x","klik")'


def exported_to(cat, docs: Path):
    """The exports of a catalogue, added in memory and written under docs/downloads/."""
    out = Outputs(docs)
    result = exports.add_exports(cat, out)
    assert out.paths and all(path.startswith("downloads/") for path in out.paths)
    return result


def catalogue(root: Path, edition: str):
    cat, problems = load_catalogue(root)
    assert cat is not None, problems
    return cat.for_edition(edition)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict:
    """Both editions of the fixture catalogue, exported once: edition → (catalogue, result, downloads dir)."""
    done = {}
    for edition in ("public", "internal"):
        cat = catalogue(FIXTURE_CONTENT, edition)
        docs = tmp_path_factory.mktemp(f"docs-{edition}")
        done[edition] = (cat, exported_to(cat, docs), docs / "downloads")
    return done


def base(edition: str) -> str:
    return "menukaart-mensensmokkel" + ("-intern" if edition == "internal" else "")


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def rows_by_id(path: Path) -> dict[str, dict[str, str]]:
    header, *rows = read_csv(path)
    return {row[0]: dict(zip(header, row)) for row in rows}


FOLDERS = {"measures": "maatregelen", "barriers": "barrieres", "phases": "fases", "partners": "partners",
           "laws": "wetten"}


def _as_text_dates(value):
    if isinstance(value, dict):
        return {k: _as_text_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text_dates(v) for v in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def raw_records(edition: str) -> dict[str, list[dict]]:
    """The records an export must hold, straight from the fixture's YAML files."""
    def load(path: Path):
        return _as_text_dates(yaml.safe_load(path.read_text(encoding="utf-8")))
    measures = {p.stem: load(p) for p in sorted((FIXTURE_CONTENT / "measures").glob("*.yaml"))}
    barriers = {p.stem: load(p) for p in sorted((FIXTURE_CONTENT / "barriers").glob("*.yaml"))}
    if edition == "public":
        measures = {k: m for k, m in measures.items() if m["visibility"] == "public"}
        barriers = {k: b for k, b in barriers.items() if b["visibility"] == "public"}
        for m in measures.values():
            m["barriers"] = [b for b in m["barriers"] if b in barriers]
            if "related" in m:
                m["related"] = [r for r in m["related"] if r in measures]
    for m in measures.values():
        m["legal_basis"] = [{**b, "article": str(b["article"])} if "article" in b else b for b in m["legal_basis"]]
    records = {"measures": list(measures.values()), "barriers": list(barriers.values())}
    for kind, key in (("phases", "phases"), ("partners", "partners"), ("laws", "laws")):
        records[kind] = load(FIXTURE_CONTENT / f"{kind}.yaml")[key]
    for kind, items in records.items():
        records[kind] = [{**item, "page": f"{FOLDERS[kind]}/{item['id']}.html"} for item in items]
    records["glossary"] = sorted(load(FIXTURE_CONTENT / "glossary.yaml")["terms"], key=lambda t: t["term"].casefold())
    return records


def catalogue_counts(cat) -> dict[str, int]:
    return {"measures": len(cat.measures), "barriers": len(cat.barriers), "phases": len(cat.phases),
            "partners": len(cat.partners), "laws": len(cat.laws), "glossary": len(cat.glossary)}


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_json_shape_and_counts(exported, edition):
    cat, _, downloads = exported[edition]
    data = exports.export_data(cat)
    assert list(data) == ["format", "format_version", "edition", "counts", "measures", "barriers", "phases",
                          "partners", "laws", "glossary"]
    assert data["format"] == "menukaart-mensensmokkel" and data["format_version"] == 1
    assert data["edition"] == {"number": 1, "date": "2026-11-23", "kind": edition}
    counts = catalogue_counts(cat)
    assert data["counts"] == counts
    assert {kind: len(data[kind]) for kind in counts} == counts

    assert [m["id"] for m in data["measures"]] == sorted(cat.measures)
    assert [b["id"] for b in data["barriers"]] == sorted(cat.barriers)
    assert [p["id"] for p in data["phases"]] == list(cat.phases)
    assert [p["id"] for p in data["partners"]] == list(cat.partners)
    assert [law["id"] for law in data["laws"]] == list(cat.laws)
    assert data["glossary"] == cat.glossary

    # Every record is what the YAML file says (read here with plain PyYAML, not the build's
    # loader), plus its page; the public edition drops internal entries and links to them.
    expected = raw_records(edition)
    for kind in expected:
        assert data[kind] == expected[kind], kind
    bibob = next(m for m in data["measures"] if m["id"] == "bibob-toets")
    assert bibob["page"] == "maatregelen/bibob-toets.html"
    assert bibob["reviewed"] == "2026-11-01" and bibob["legal_basis"] == [{"law": "wet-bibob", "article": "3"}]

    written = downloads / f"{base(edition)}.json"
    assert json.loads(written.read_text(encoding="utf-8")) == data


def test_json_keeps_accents_and_converts_what_json_cannot_hold(exported):
    cat, _, downloads = exported["public"]
    text = (downloads / "menukaart-mensensmokkel.json").read_text(encoding="utf-8")
    assert "Barrières tegen safehouses" in text and "\\u00" not in text
    assert text.startswith('{\n  "format": "menukaart-mensensmokkel",\n')
    odd = replace(cat.with_tables(measures={k: {**m, "reviewed": datetime.date(2026, 11, 1)} for k, m in cat.measures.items()}),
                  release={"number": 2, "date": datetime.date(2027, 1, 5)})
    data = exports.export_data(odd)
    assert data["edition"]["date"] == "2027-01-05" and data["measures"][0]["reviewed"] == "2026-11-01"
    json.dumps(data)


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_every_csv_has_one_row_per_entry(exported, edition):
    cat, result, downloads = exported[edition]
    counts = catalogue_counts(cat)
    for kind, name in CSV_NAMES.items():
        path = downloads / f"{base(edition)}-{name}.csv"
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "utf-8-sig, so Excel shows accents"
        header, *rows = read_csv(path)
        assert header[0] == ("Begrip" if kind == "glossary" else "Id")
        assert len(rows) == counts[kind], kind
        assert all(len(row) == len(header) for row in rows)
        assert result.rows["csv"][kind] == counts[kind]
    assert b",Titel,Samenvatting," in (downloads / f"{base(edition)}-maatregelen.csv").read_bytes().split(b"\r\n")[0]


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_xlsx_has_a_sheet_per_kind_with_one_row_per_entry(exported, edition):
    cat, result, downloads = exported[edition]
    wb = openpyxl.load_workbook(downloads / f"{base(edition)}.xlsx")
    assert wb.sheetnames == SHEETS
    counts = catalogue_counts(cat)
    for kind, sheet in zip(CSV_NAMES, SHEETS):
        ws = wb[sheet]
        rows = list(ws.iter_rows())
        assert len(rows) - 1 == counts[kind] == result.rows["xlsx"][kind], sheet
        assert ws.freeze_panes == "A2"
        assert all(cell.font.b for cell in rows[0])
        assert all(cell.data_type == "s" for row in rows for cell in row if cell.value is not None)
        assert ws.column_dimensions["A"].width >= 10
        header = [c.value for c in rows[0]]
        csv_header, *csv_rows = read_csv(downloads / f"{base(edition)}-{CSV_NAMES[kind]}.csv")
        assert header == csv_header
        assert [[c.value or "" for c in row] for row in rows[1:]] == csv_rows
    assert wb["Maatregelen"]["B2"].alignment.wrap_text
    # One row, as a reader opening the file in a spreadsheet should see it.
    ws = wb["Maatregelen"]
    header = [c.value for c in next(ws.iter_rows())]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "sluiting-woning")
    cells = {h: c.value for h, c in zip(header, row)}
    assert {k: cells[k] for k in ("Titel", "Soort maatregel", "Bevoegd gezag", "Wettelijke grondslag",
                                  "Barrières die deze maatregel opwerpt", "Fasen", "Werkwijze", "Verwante maatregelen",
                                  "Pagina")} == {
        "Titel": "Woning sluiten", "Soort maatregel": "Bestuursrechtelijk", "Bevoegd gezag": "Gemeente",
        "Wettelijke grondslag": "Gemeentewet art. 174a",
        "Barrières die deze maatregel opwerpt": "Barrières tegen safehouses; Adresfraude in de basisregistratie",
        "Fasen": "Verblijf en identiteit", "Werkwijze": "1. Waarschuwen.\n2. Sluiten.",
        "Verwante maatregelen": "Integriteitstoets", "Pagina": "maatregelen/sluiting-woning.html"}


def test_counts_agree_across_formats(exported):
    for cat, result, _ in exported.values():
        assert result.rows["json"] == result.rows["csv"] == result.rows["xlsx"] == catalogue_counts(cat)
        assert result.disagreements(exports.expected_counts(cat)) == []
        n = catalogue_counts(cat)["measures"]
        assert result.disagreements({**catalogue_counts(cat), "measures": 99}) == [
            f"{fmt}: measures heeft {n} rijen, verwacht 99" for fmt in ("json", "csv", "xlsx")]


def all_text(downloads: Path) -> str:
    """Every file as text, the XML inside the xlsx included."""
    parts = []
    for path in sorted(downloads.rglob("*")):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                parts += [z.read(name).decode("utf-8") for name in z.namelist()]
        elif path.is_file():
            parts.append(path.read_text(encoding="utf-8-sig"))
    return "\n".join(parts).casefold()


def test_public_edition_has_no_trace_of_internal_entries(exported):
    _, result, downloads = exported["public"]
    assert "zwaluw" not in all_text(downloads)
    assert not any("intern" in f.path for f in result.files)
    _, _, internal_downloads = exported["internal"]
    assert "zwaluw" in all_text(internal_downloads)
    with zipfile.ZipFile(internal_downloads / "menukaart-mensensmokkel-intern.xlsx") as z:
        assert "Zwaluwstaartroute (intern)" in z.read("xl/worksheets/sheet2.xml").decode("utf-8")
    rows = rows_by_id(internal_downloads / "menukaart-mensensmokkel-intern-maatregelen.csv")
    assert rows["zwaluw-werkwijze"]["Zichtbaarheid"] == "Intern"
    assert rows["bibob-toets"]["Zichtbaarheid"] == "Openbaar"


def test_result_lists_the_files_written(exported):
    for edition, (_, result, downloads) in exported.items():
        on_disk = {p.relative_to(downloads).as_posix() for p in downloads.rglob("*") if p.is_file()}
        assert {f.path for f in result.files} == on_disk
        for f in result.files:
            assert f.size == (downloads / f.path).stat().st_size > 0
            assert f.description and f.href == f"downloads/{f.path}"
            assert re.fullmatch(r"\d{1,3}(\.\d{3})*,\d kB", f.size_label), f.size_label
        names = {f.path for f in result.files}
        assert f"{base(edition)}.json" in names and f"{base(edition)}.xlsx" in names
        assert {f.format for f in result.files} == {"json", "csv", "xlsx", "schema"}
    assert exports.ExportFile("x", "", 2_000_000, "json").size_label == "1.953,1 kB"
    assert exports.ExportFile("x", "", 10, "json").size_label == "0,1 kB"


def test_schema_files_are_copied(exported):
    _, result, downloads = exported["public"]
    copied = sorted((downloads / "schema").glob("*.schema.json"))
    assert [p.name for p in copied] == [p.name for p in schema_files()]
    for source in schema_files():
        assert (downloads / "schema" / source.name).read_bytes() == source.read_bytes()
    measure = next(f for f in result.files if f.path == "schema/measure.schema.json")
    assert measure.format == "schema" and "Maatregel" in measure.description


def test_lists_are_joined_readably(exported):
    _, _, downloads = exported["public"]
    measures = rows_by_id(downloads / "menukaart-mensensmokkel-maatregelen.csv")
    woning = measures["sluiting-woning"]
    assert woning["Titel"] == "Woning sluiten"
    assert woning["Soort maatregel"] == "Bestuursrechtelijk" and woning["Status"] == "In werking"
    assert woning["Bevoegd gezag"] == "Gemeente" and woning["Bevoegd orgaan"] == "burgemeester"
    assert woning["Wettelijke grondslag"] == "Gemeentewet art. 174a"
    assert woning["Barrières die deze maatregel opwerpt"] == "Barrières tegen safehouses; Adresfraude in de basisregistratie"
    assert woning["Werkwijze"] == "1. Waarschuwen.\n2. Sluiten."
    assert woning["Bronnen"] == "Testbron (https://example.org/bron)"
    assert woning["Pagina"] == "maatregelen/sluiting-woning.html"
    assert woning["Laatst gecontroleerd"] == "2026-11-01"
    assert measures["bibob-toets"]["Wettelijke grondslag"] == "Wet Bibob art. 3"
    assert measures["vervolging-smokkel"]["Wettelijke grondslag"] == "Wetboek van Strafrecht (Sr) art. 197a"
    assert measures["vervolging-smokkel"]["Bevoegd gezag"] == "Openbaar Ministerie (OM)"
    assert measures["mobiel-toezicht"]["Fasen"] == "Vervoer en grensoverschrijding; Informatiedeling"
    assert measures["vervolging-smokkel"]["Verwante maatregelen"] == "", "the related measure is internal"
    assert measures["illegale-tewerkstelling"]["Statusdatum"] == "2027-01-01"

    barriers = rows_by_id(downloads / "menukaart-mensensmokkel-barrieres.csv")
    assert barriers["ronselaars"]["Maatregelen"] == "Integriteitstoets; Werkgevers van gesmokkelde werknemers aanpakken"
    assert barriers["grenscontrole"]["Fase van de keten"] == "Vervoer en grensoverschrijding"

    phases = read_csv(downloads / "menukaart-mensensmokkel-fasen.csv")
    assert [row[1] for row in phases[1:]] == ["1", "2", "3", "4"]
    assert [row[5] for row in phases[1:]] == ["nee", "nee", "nee", "ja"]

    laws = rows_by_id(downloads / "menukaart-mensensmokkel-wetten.csv")
    assert laws["wetboek-van-strafrecht"]["Maatregelen"] == (
        "Vervolging van smokkelaars (art. 197a); Werkgevers van gesmokkelde werknemers aanpakken (art. 197b)")
    assert laws["wetboek-van-strafrecht"]["Soort regeling"] == "Wet"

    partners = rows_by_id(downloads / "menukaart-mensensmokkel-partners.csv")
    assert all(row["Pagina"] == f"partners/{pid}.html" for pid, row in partners.items())
    glossary = rows_by_id(downloads / "menukaart-mensensmokkel-begrippen.csv")
    assert glossary["Openbaar Ministerie"]["Afkorting"] == "OM"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_formulas_stay_text(content, tmp_path):
    replace_in(content / "measures/bibob-toets.yaml", "title: Integriteitstoets", f"title: '{HYPERLINK}'")
    replace_in(content / "measures/bibob-toets.yaml", "summary: De gemeente toetst een aanvraag voor een vergunning op "
               "ernstig gevaar van misbruik.", 'summary: "@SUM(1+1) toetst de gemeente."')
    replace_in(content / "measures/bibob-toets.yaml", "authority_role: college van B en W", "authority_role: '#N/A'")
    replace_in(content / "measures/sluiting-woning.yaml", "  - Er is een ernstige", "  - -2+3 ernstige")
    for edition in ("public", "internal"):
        cat = catalogue(content, edition)
        result = exported_to(cat, tmp_path / edition)
        downloads = tmp_path / edition / "downloads"
        assert exports.export_data(cat)["measures"][0]["title"] == HYPERLINK, "JSON keeps the text as it is"

        rows = rows_by_id(downloads / f"{base(edition)}-maatregelen.csv")
        assert rows["bibob-toets"]["Titel"] == "'" + HYPERLINK
        assert rows["bibob-toets"]["Samenvatting"].startswith("'@SUM(1+1)")
        assert rows["bibob-toets"]["Bevoegd orgaan"] == "#N/A"
        assert rows["sluiting-woning"]["Wanneer inzetten"] == "'-2+3 ernstige verstoring van de openbare orde."
        other_csvs = [f for f in result.files if f.format == "csv" and "maatregelen" not in f.path]
        cells = [cell for f in other_csvs for row in read_csv(downloads / f.path) for cell in row]
        assert "'" + HYPERLINK + " (art. 3)" in cells, "the title again, cited under its law"
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)

        ws = openpyxl.load_workbook(downloads / f"{base(edition)}.xlsx")["Maatregelen"]
        row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "bibob-toets")
        header = [c.value for c in next(ws.iter_rows())]
        title, summary, role = (row[header.index(h)] for h in ("Titel", "Samenvatting", "Bevoegd orgaan"))
        assert (title.value, title.data_type) == (HYPERLINK, "s")
        assert summary.data_type == "s" and summary.value.startswith("@SUM")
        assert (role.value, role.data_type) == ("#N/A", "s")
        with zipfile.ZipFile(downloads / f"{base(edition)}.xlsx") as z:
            assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_csv_guard_follows_owasp():
    for text in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert exports._csv_safe(text) == "'" + text
    for text in ("Woning sluiten", "", "1. stap", "'al tekst", "a=b"):
        assert exports._csv_safe(text) == text


def test_excel_cell_limit(tmp_path):
    cell = exports._excel_cell("a" * 40_000)
    assert len(cell) == 32_767 and cell.endswith("(ingekort; zie het CSV- of JSON-bestand)")
    assert exports._excel_cell("kort") == "kort"


def test_xlsx_reads_back_as_the_sheets_written(tmp_path):
    """The workbook opens in a spreadsheet library: names, widths, a bold frozen header, text cells."""
    from menukaart.xlsx import Sheet, column_letter, xlsx_bytes
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
    rows = [["=1+1", " spatie ", "regel 1\nregel 2"], ["<b>&amp;</b>", "", "Barrière"]]
    (tmp_path / "t.xlsx").write_bytes(xlsx_bytes([Sheet("Maatregelen", [10, 20, 30], ["a", "b", "c"], rows),
                                                  Sheet("Begrippen", [5], ["x"], [])], "Titel", "2026-11-23"))
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames == ["Maatregelen", "Begrippen"]
    ws = wb["Maatregelen"]
    assert [[c.value for c in r] for r in ws.iter_rows()] == [
        ["a", "b", "c"], ["=1+1", " spatie ", "regel 1\nregel 2"], ["<b>&amp;</b>", None, "Barrière"]]
    assert all(c.data_type == "s" for r in ws.iter_rows() for c in r if c.value is not None)
    assert ws["A1"].font.b and not ws["A2"].font.b and ws["A2"].alignment.wrap_text
    assert ws.freeze_panes == "A2"
    assert [ws.column_dimensions[c].width for c in "ABC"] == [10, 20, 30]
    assert wb.properties.created.isoformat().startswith("2026-11-23")


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_downloads_page(exported, edition):
    cat, result, _ = exported[edition]
    env = render.environment(as_html=True)
    text = env.get_template("downloads.html.j2").render(cat=cat, links=cat.links, h=render.Helpers(cat, "", True),
                                                        exports=result)
    assert text.startswith('<mk-heading data-level="1">Downloads</mk-heading>\n')
    assert "<strong>uitgave 1</strong> van 23 november 2026" in text
    assert ("<strong>interne editie</strong>" if edition == "internal" else "<strong>openbare editie</strong>") in text
    for f in result.files:
        assert f'<a href="downloads/{f.path}">{f.name}</a>' in text
        assert f.size_label in text
    counts = catalogue_counts(cat)
    for label, table in (("Maatregelen", "measures"), ("Barrières", "barriers"), ("Begrippen", "glossary")):
        assert f'<td>{label}</td>\n<td style="text-align: right;">{counts[table]}</td>' in text
    assert ('<p class="admonition-title">Interne informatie</p>' in text) is (edition == "internal")
    assert ('De bestanden bevatten alleen wat openbaar is.' in text) is (edition == "public")
