"""Pages in a real browser from file://: links both ways, the offline zip, accessibility."""
from __future__ import annotations

import zipfile
from pathlib import Path

import axe_playwright_python
import pytest

from tests.browser.conftest import open_settled, url_of

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WITH_BEST_PRACTICE = WCAG_21_AA + ["best-practice"]

PAGE_KINDS = {
    "home": "index.html",
    "measure": "maatregelen/sluiting-woning.html",
    "barrier": "barrieres/online-aanbod.html",
    "phase": "fases/vervoer.html",
    "partner": "partners/riec.html",
    "law": "wetten/wetboek-van-strafrecht.html",
    "menukaart": "maatregelen/index.html",
    "whole menukaart to print": "menukaart-afdrukken.html",
    "matrix": "barrieremodel.html",
    "matrix view per partner": "barrieremodel.html?partner=om",
    "filterable menukaart": "menukaart.html",
    "filterable menukaart, filtered": "menukaart.html?soort=bestuursrechtelijk,strafrechtelijk&q=woning",
    "signalenwijzer": "signalenwijzer.html",
    "signalenwijzer, signals ticked": "signalenwijzer.html?signalen=safehouses.1,online-aanbod.1",
    "plan van aanpak": "plan.html",
    "downloads": "downloads.html",
    "changes": "wijzigingen.html",
    "editors' review list": "redactie.html",
    "phases": "fases/index.html",
    "partners": "partners/index.html",
    "laws": "wetten/index.html",
    "glossary": "begrippen.html",
    "search results": "zoeken.html?q=vergunning",
    "search empty": "zoeken.html",
    "about": "over.html",
    "how to use": "gebruik.html",
    "contributing": "bijdragen.html",
    "sources": "bronnen.html",
    "accessibility statement": "toegankelijkheid.html",
}


def open_page(watched, site: Path, path: str):
    file, _, query = path.partition("?")
    watched.page.goto(url_of(site / file, "?" + query if query else ""))
    if file == "zoeken.html":
        watched.page.wait_for_function("document.getElementById('search-status').textContent.length > 0")
    if file == "menukaart.html":
        watched.page.wait_for_function("document.getElementById('mk-facets').dataset.results !== undefined")
    return watched.page


# axe on every page kind, in both browsers and with its best-practice rules too:
# test_accessibility.py::test_axe_finds_no_violation_including_best_practice.


def test_redirect_page_at_a_former_id_is_accessible_and_forwards(watched, fixture_sites, tmp_path):
    old = fixture_sites["public"] / "maatregelen/woningsluiting.html"
    page = watched.page
    # Checked without its refresh, so axe sees the page itself and not the one it forwards to.
    still = tmp_path / "woningsluiting.html"
    still.write_text(old.read_text(encoding="utf-8").replace('http-equiv="refresh"', 'data-refresh="off"'), encoding="utf-8")
    page.goto(url_of(still))
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, preload: false})", WCAG_21_AA)
    assert [v["id"] for v in result["violations"]] == []
    page.goto(url_of(old))
    page.wait_for_url("**/maatregelen/sluiting-woning.html")
    assert page.text_content("h1") == "Woning sluiten"


def test_every_page_loads_without_errors_or_outside_requests(watched, fixture_sites):
    """Every built page, both editions; the `watched` fixture fails on errors and outside requests."""
    for edition in ("public", "internal"):
        site = fixture_sites[edition]
        # 404.html is only ever shown by a web server (it uses root paths); file:// never opens it.
        pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
        assert len(pages) > 30
        for path in pages:
            open_settled(watched.page, path)
            assert watched.page.title(), path


def test_links_both_ways_by_clicking(watched, fixture_sites):
    page = open_page(watched, fixture_sites["public"], "maatregelen/sluiting-woning.html")
    page.click("article a[href='../barrieres/safehouses.html']")
    assert page.url.endswith("/barrieres/safehouses.html")
    page.click("article a[href='../maatregelen/sluiting-woning.html']")
    assert page.url.endswith("/maatregelen/sluiting-woning.html")
    page.click("article a[href='../partners/riec.html']")
    assert page.text_content("h1").startswith("Regionaal Informatie- en Expertisecentrum")
    assert page.locator("article a[href='../maatregelen/sluiting-woning.html']").count() == 1
    page.goto(url_of(fixture_sites["public"] / "barrieremodel.html"))
    page.click("article a[href='barrieres/ronselaars.html']")
    page.wait_for_url("**/barrieres/ronselaars.html")
    page.wait_for_load_state()
    assert page.locator("article a[href='../maatregelen/illegale-tewerkstelling.html']").count() == 1


def test_offline_zip_opens_from_its_start_page_and_searches(watched, fixture_sites, tmp_path):
    with zipfile.ZipFile(fixture_sites["dist"] / "menukaart-mensensmokkel.zip") as archive:
        archive.extractall(tmp_path / "usb")
    page = watched.page
    page.goto(url_of(tmp_path / "usb/start.html"))
    page.wait_for_url("**/menukaart/index.html")
    page.fill("#mk-header-query", "174a")
    page.press("#mk-header-query", "Enter")
    page.wait_for_function("document.querySelectorAll('#search-results a').length > 0")
    page.click("#search-results a[href='maatregelen/sluiting-woning.html']")
    assert page.text_content("h1") == "Woning sluiten"


def test_internal_offline_zip_opens_from_its_start_page_with_the_banner(watched, fixture_sites, tmp_path):
    with zipfile.ZipFile(fixture_sites["dist"] / "menukaart-mensensmokkel-intern.zip") as archive:
        archive.extractall(tmp_path / "usb")
    assert "<title>Menukaart mensensmokkel (interne editie)</title>" in (tmp_path / "usb/start.html").read_text("utf-8")
    page = watched.page
    page.goto(url_of(tmp_path / "usb/start.html"))
    page.wait_for_url("**/menukaart/index.html")
    banner = page.locator(".md-banner")
    assert banner.is_visible() and banner.inner_text().startswith("Interne editie.")
    page.click("nav a[href='redactie.html']")
    page.wait_for_url("**/menukaart/redactie.html")
    assert page.text_content("h1") == "Redactie: te controleren"


def test_real_catalogue_pages_load_cleanly_and_pass_axe(watched, real_site):
    """Every page of the real catalogue loads without errors or outside requests; one page of
    each kind (the longest, where problems hide) is checked with axe."""
    pages = sorted(p for p in real_site.rglob("*.html") if p.name != "404.html")
    by_folder: dict[str, Path] = {}
    for path in pages:
        open_settled(watched.page, path)
        folder = path.parent.name
        if path.name != "index.html" and (folder not in by_folder or path.stat().st_size > by_folder[folder].stat().st_size):
            by_folder[folder] = path
    watched.page.add_init_script(path=str(AXE_SCRIPT))
    for path in [*by_folder.values(), real_site / "barrieremodel.html", real_site / "maatregelen/index.html"]:
        watched.page.goto(url_of(path))
        result = watched.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, preload: false})", WITH_BEST_PRACTICE)
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert violations == [], f"{path.relative_to(real_site)}: {violations}"
