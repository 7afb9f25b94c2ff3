"""The successors of MkDocs and Material (ProperDocs, Zensical) give readers the same site.

The whole browser suite runs on the default generator (MkDocs with Material). Here the
fixture catalogue is built with each other generator and opened in Chromium: a page of
every kind without errors or outside requests, axe, visible focus and reflow at 1280 and
320 px with the menu by keyboard, and the site's own search, facets and matrix.
"""
from __future__ import annotations

import pytest

from menukaart.generators import GENERATORS
from tests.browser.a11y import axe_violations, focus_problems, horizontal_overflow, walk_focus
from tests.browser.conftest import url_of
from tests.browser.test_accessibility import check_menu_by_keyboard
from tests.browser.test_pages import PAGE_KINDS, open_page
from menukaart.validate import load_catalogue
from tests.support import FIXTURE_CONTENT, build

pytestmark = pytest.mark.browser
SUCCESSORS = [g for g in GENERATORS if g != "mkdocs"]


@pytest.fixture(scope="session")
def generator_sites(tmp_path_factory) -> dict[str, object]:
    """The internal edition of the fixture (every page kind, the editors' page too), per generator."""
    root = tmp_path_factory.mktemp("generators")
    sites = {}
    for generator in SUCCESSORS:
        assert build(FIXTURE_CONTENT, root / generator, "internal", generator=generator) == 0, generator
        sites[generator] = root / generator
    return sites


@pytest.mark.parametrize("generator", SUCCESSORS)
def test_no_search_of_its_own_and_the_same_files(generator, generator_sites, fixture_sites):
    site = generator_sites[generator]
    for theme_search in ("search.json", "search", "assets/javascripts/workers", "assets/javascripts/lunr"):
        assert not (site / theme_search).exists(), theme_search
        assert not (fixture_sites["internal"] / theme_search).exists(), theme_search
    ours = {p.relative_to(fixture_sites["internal"]).as_posix() for p in fixture_sites["internal"].rglob("*.html")}
    theirs = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert ours == theirs, "the same pages on each generator"


@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize("generator", SUCCESSORS)
def test_every_page_kind_is_clean_accessible_and_reflows(watched, generator_sites, generator, kind):
    page = watched.page
    open_page(watched, generator_sites[generator], PAGE_KINDS[kind])
    assert page.locator("h1").count() == 1
    assert "uitgave" in page.text_content(".md-footer")  # the release line in the footer
    assert axe_violations(page) == [], kind
    for width, height in ((1280, 900), (320, 640)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_function(f"innerWidth === {width}")
        assert horizontal_overflow(page) <= 0, f"{kind} scrolls sideways at {width} px"
        stops = walk_focus(page)
        assert focus_problems(stops) == [], f"{kind} at {width} px"
        check_menu_by_keyboard(page, stops, width)


@pytest.mark.parametrize("generator", SUCCESSORS)
def test_search_facets_and_matrix_work(watched, generator_sites, generator):
    site, page = generator_sites[generator], watched.page
    page.goto(url_of(site / "zoeken.html", "?q=174a"))
    page.wait_for_function("document.querySelectorAll('#search-results a').length > 0")
    assert page.get_attribute("#search-results a", "href") == "maatregelen/sluiting-woning.html"

    page.goto(url_of(site / "menukaart.html", "?partner=om"))
    page.wait_for_function("document.getElementById('mk-facets').dataset.results !== undefined")
    cat, _ = load_catalogue(FIXTURE_CONTENT)
    with_om = [m for m in cat.measures.values() if "om" in {m["authority"], *m["partners"]}]
    assert page.get_attribute("#mk-facets", "data-results") == str(len(with_om)) != "0"

    page.goto(url_of(site / "barrieremodel.html"))
    page.select_option("#mk-view-partner", "om")
    page.wait_for_function("location.search === '?partner=om'")
    assert "barrières gedekt" in page.text_content("#mk-matrix-status")
