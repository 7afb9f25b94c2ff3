"""The downloads page and the change page in a real browser, from file://."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import openpyxl

from tests.browser.conftest import url_of
from tests.support import build


def local_links(page, selector: str) -> list[Path]:
    hrefs = page.eval_on_selector_all(selector, "as => as.map(a => a.href)")
    return [Path(unquote(urlparse(h).path)) for h in hrefs if h.startswith("file://")]


def test_downloads_page_links_every_export_and_the_schemas(watched, fixture_sites, tmp_path):
    site = fixture_sites["public"]
    page = watched.page
    page.goto(url_of(site / "downloads.html"))
    files = local_links(page, "article a[href*='downloads/']")
    names = {f.name for f in files}
    assert {"menukaart-mensensmokkel.json", "menukaart-mensensmokkel.xlsx",
            "menukaart-mensensmokkel-maatregelen.csv", "measure.schema.json", "edition.schema.json"} <= names
    assert all(f.is_file() and f.stat().st_size > 0 for f in files)
    assert len(names) == len(list((site / "downloads").rglob("*.*"))), "every file in downloads/ is linked"

    with page.expect_download() as event:
        page.click("article a[href$='menukaart-mensensmokkel.xlsx']")
    saved = tmp_path / "menukaart.xlsx"
    event.value.save_as(saved)
    workbook = openpyxl.load_workbook(saved, read_only=True)
    assert workbook.sheetnames == ["Maatregelen", "Barrières", "Fasen", "Partners", "Wetten", "Begrippen"]
    data = json.loads((site / "downloads/menukaart-mensensmokkel.json").read_text(encoding="utf-8"))
    assert data["edition"] == {"number": 1, "date": "2026-11-23", "kind": "public"}
    # The page states the counts that are in the files, row by row.
    rows = page.locator("article table").first.evaluate(
        "t => [...t.tBodies[0].rows].map(tr => [...tr.cells].map(c => c.textContent.trim()))")
    assert rows == [["Maatregelen", str(len(data["measures"]))], ["Barrières", str(len(data["barriers"]))],
                    ["Fasen", str(len(data["phases"]))], ["Partners", str(len(data["partners"]))],
                    ["Wetten", str(len(data["laws"]))], ["Begrippen", str(len(data["glossary"]))]]
    assert rows[0] == ["Maatregelen", "6"]  # the fixture's public measures, counted by hand
    assert "uitgave 1" in page.text_content("article")


def test_change_page_links_new_and_renamed_entries(watched, fixture_sites, content, tmp_path):
    previous = tmp_path / "vorige.json"
    shutil.copyfile(fixture_sites["public"] / "downloads/menukaart-mensensmokkel.json", previous)
    edition = content / "edition.yaml"
    edition.write_text(edition.read_text(encoding="utf-8").replace("number: 1", "number: 2"), encoding="utf-8")
    old = content / "measures/bibob-toets.yaml"
    text = old.read_text(encoding="utf-8").replace("id: bibob-toets", "id: bibob-integriteitstoets\nformer_ids: [bibob-toets]")
    (content / "measures/bibob-integriteitstoets.yaml").write_text(text, encoding="utf-8")
    old.unlink()
    related = content / "measures/sluiting-woning.yaml"
    related.write_text(related.read_text(encoding="utf-8").replace("related: [bibob-toets]", "related: [bibob-integriteitstoets]"),
                       encoding="utf-8")
    site = tmp_path / "site"
    assert build(content, site, previous=previous) == 0

    page = watched.page
    page.goto(url_of(site / "wijzigingen.html"))
    text = page.text_content("article")
    assert "uitgave 2" in text and "uitgave 1" in text and "bibob-toets" in text
    page.click("article a[href='maatregelen/bibob-integriteitstoets.html']")
    assert page.text_content("h1") == "Integriteitstoets"
    # A bookmark to the old id still arrives at the entry.
    page.goto(url_of(site / "maatregelen/bibob-toets.html"))
    page.wait_for_url("**/maatregelen/bibob-integriteitstoets.html")
