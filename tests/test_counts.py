"""Count agreement, read back from the built files themselves: entries in the content =
entry pages = documents in the search index = rows in every export (issue 4)."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import openpyxl
import pytest
import yaml

from tests.support import FIXTURE_CONTENT, REPO

FOLDERS = {"measures": "maatregelen", "barriers": "barrieres", "phases": "fases", "partners": "partners", "laws": "wetten"}
CSV_NAMES = {"measures": "maatregelen", "barriers": "barrieres", "phases": "fasen", "partners": "partners",
             "laws": "wetten", "glossary": "begrippen"}
SHEETS = {"measures": "Maatregelen", "barriers": "Barrières", "phases": "Fasen", "partners": "Partners",
          "laws": "Wetten", "glossary": "Begrippen"}


def content_counts(root: Path, edition: str) -> dict[str, int]:
    """Straight from the YAML files, without the build's code."""
    def visible(path: Path) -> bool:
        return edition == "internal" or yaml.safe_load(path.read_text(encoding="utf-8"))["visibility"] == "public"

    counts = {kind: sum(1 for p in (root / kind).glob("*.yaml") if visible(p)) for kind in ("measures", "barriers")}
    for kind, key in (("phases", "phases"), ("partners", "partners"), ("laws", "laws"), ("glossary", "terms")):
        counts[kind] = len(yaml.safe_load((root / f"{kind}.yaml").read_text(encoding="utf-8"))[key])
    return counts


def page_counts(site: Path) -> dict[str, int]:
    """Entry pages per folder; pages left at former ids only redirect and are not entries."""
    counts = {}
    for kind, folder in FOLDERS.items():
        pages = [p for p in (site / folder).glob("*.html")
                 if p.name != "index.html" and 'name="menukaart-redirect"' not in p.read_text(encoding="utf-8")]
        counts[kind] = len(pages)
    return counts


def index_counts(site: Path) -> dict[str, int]:
    script = (site / "assets/search/documents.js").read_text(encoding="utf-8")
    payload = json.loads(json.loads(re.search(r"JSON\.parse\((.*)\);", script).group(1)))
    counts = {kind: 0 for kind in FOLDERS}
    for url, *_ in payload["docs"]:
        folder, _, name = url.partition("/")
        if folder in FOLDERS.values() and name != "index.html":  # an entry, not one of the other pages
            counts[next(k for k, f in FOLDERS.items() if f == folder)] += 1
    return counts


def export_counts(site: Path, edition: str) -> dict[str, dict[str, int]]:
    base = site / "downloads" / ("menukaart-mensensmokkel" + ("-intern" if edition == "internal" else ""))
    data = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
    found = {"json": {kind: len(data[kind]) for kind in CSV_NAMES}, "csv": {}, "xlsx": {}}
    for kind, name in CSV_NAMES.items():
        with open(f"{base}-{name}.csv", encoding="utf-8-sig", newline="") as handle:
            found["csv"][kind] = len(list(csv.reader(handle))) - 1  # minus the header row
    workbook = openpyxl.load_workbook(base.with_suffix(".xlsx"), read_only=True)
    for kind, sheet in SHEETS.items():
        found["xlsx"][kind] = sum(1 for row in workbook[sheet].iter_rows(min_row=2) if any(c.value for c in row))
    return found


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_counts_agree_across_content_pages_index_and_exports(fixture_sites, edition):
    site = fixture_sites[edition]
    content = content_counts(FIXTURE_CONTENT, edition)
    pages, index, exports = page_counts(site), index_counts(site), export_counts(site, edition)
    for kind in FOLDERS:
        assert content[kind] == pages[kind] == index[kind], kind
    for fmt, counts in exports.items():
        assert counts == content, fmt
    if edition == "public":
        assert content["measures"] < content_counts(FIXTURE_CONTENT, "internal")["measures"]


def test_counts_agree_for_the_real_catalogue(real_site):
    content = content_counts(REPO, "internal")
    assert page_counts(real_site) == {k: content[k] for k in FOLDERS}
    assert index_counts(real_site) == {k: content[k] for k in FOLDERS}
    for fmt, counts in export_counts(real_site, "internal").items():
        assert counts == content, fmt


def test_build_prints_the_count_table(content, tmp_path, capsys):
    from tests.support import build
    assert build(content, tmp_path / "site") == 0
    out = capsys.readouterr().out
    assert "Tellingen kloppen: inhoud = pagina's = zoekindex = elke export." in out
    measures = content_counts(content, "public")["measures"]
    assert re.search(rf"^Maatregelen\s+{measures}\s+{measures}\s+{measures}\s+{measures}\s+{measures}\s+{measures}$", out, re.M)


def test_a_count_that_disagrees_stops_the_build_and_keeps_the_last_site(content, tmp_path, monkeypatch, capsys):
    from menukaart import exports
    from tests.support import build
    out = tmp_path / "site"
    assert build(content, out) == 0
    before = (out / "downloads/menukaart-mensensmokkel-maatregelen.csv").read_bytes()
    make_csv = exports._csv
    # A CSV maker that loses the last row: the file really holds one row too few.
    monkeypatch.setattr(exports, "_csv", lambda columns, rows: make_csv(columns, rows[:-1]))
    capsys.readouterr()
    assert build(content, out) == 1
    err = capsys.readouterr().err
    assert "De tellingen kloppen niet" in err and "Maatregelen" in err and "niet gebouwd" in err
    assert (out / "downloads/menukaart-mensensmokkel-maatregelen.csv").read_bytes() == before
