"""The filterable menukaart and the matrix coverage views, in Chromium and Firefox ESR from file://.

Expected results and counts are computed here from the catalogue with the faceting
rule written out plainly (OR within a facet, AND across facets, a value's count is
what the results would be if it were added), so the page's JavaScript is checked
against an independent reading of the content.
"""
from __future__ import annotations

from urllib.parse import quote

import pytest

from menukaart.validate import load_catalogue
from tests.browser.conftest import url_of
from tests.support import FIXTURE_CONTENT


@pytest.fixture(scope="module")
def public_catalogue():
    cat, problems = load_catalogue(FIXTURE_CONTENT)
    assert not problems
    return cat.for_edition("public")


def facet_values(cat, mid: str) -> dict[str, set[str]]:
    m = cat.measures[mid]
    return {
        "fase": {cat.barriers[b]["phase"] for b in m["barriers"]},
        "barriere": set(m["barriers"]),
        "partner": {m["authority"], *m["partners"]},
        "bevoegd": {m["authority"]},
        "soort": {m["category"]},
        "wet": {b["law"] for b in m["legal_basis"]},
        "status": {m["status"]},
    }


def expected(cat, selection: dict[str, set[str]]):
    """(result titles sorted, counts per facet value) by the faceting rule."""
    def matches(mid, skip=None):
        values = facet_values(cat, mid)
        return all(values[f] & wanted for f, wanted in selection.items() if wanted and f != skip)

    titles = sorted(cat.measures[mid]["title"] for mid in cat.measures if matches(mid))
    counts: dict[tuple[str, str], int] = {}
    for mid in cat.measures:
        for facet, values in facet_values(cat, mid).items():
            if matches(mid, skip=facet):
                for v in values:
                    counts[facet, v] = counts.get((facet, v), 0) + 1
    return titles, counts


def open_menukaart(browser_page, site, query: str = ""):
    page = browser_page.page
    page.goto(url_of(site / "menukaart.html", query))
    page.wait_for_function("document.getElementById('mk-facets').dataset.results !== undefined")
    return page


def shown_titles(page) -> list[str]:
    return page.eval_on_selector_all("#mk-facets-results .mk-search-result__title a", "as => as.map(a => a.textContent)")


def shown_counts(page) -> dict[tuple[str, str], int]:
    rows = page.eval_on_selector_all(
        ".mk-facet input[type=checkbox]",
        """boxes => boxes.map(b => [b.closest('details').dataset.facet, b.value,
                                 b.parentElement.querySelector('.mk-facet__count').firstChild.nodeValue])""")
    return {(facet, value): int(n) for facet, value, n in rows}


def check(page, cat, selection):
    titles, counts = expected(cat, selection)
    assert sorted(shown_titles(page)) == titles
    shown = shown_counts(page)
    for key, n in shown.items():
        assert n == counts.get(key, 0), f"count of {key}: page {n}, expected {counts.get(key, 0)}"
    assert {k for k, n in counts.items() if n} <= set(shown), "every value with measures is offered"
    status = page.text_content("#mk-facets-status")
    assert f"{len(titles)} van de {len(cat.measures)}" in status or (
        len(titles) == len(cat.measures) and f"Alle {len(cat.measures)}" in status)


def tick(page, facet: str, value: str) -> None:
    page.check(f'details[data-facet="{facet}"] input[value="{value}"]')


def test_all_measures_and_their_counts_without_filters(browser_page, fixture_sites, public_catalogue):
    page = open_menukaart(browser_page, fixture_sites["public"])
    check(page, public_catalogue, {})
    assert "zwaluw" not in page.content().lower()


def test_combining_facets_narrows_and_recounts(browser_page, fixture_sites, public_catalogue):
    page = open_menukaart(browser_page, fixture_sites["public"])
    tick(page, "soort", "bestuursrechtelijk")
    check(page, public_catalogue, {"soort": {"bestuursrechtelijk"}})
    tick(page, "soort", "strafrechtelijk")  # a second value in the same facet widens
    check(page, public_catalogue, {"soort": {"bestuursrechtelijk", "strafrechtelijk"}})
    tick(page, "status", "in-werking")  # another facet narrows
    selection = {"soort": {"bestuursrechtelijk", "strafrechtelijk"}, "status": {"in-werking"}}
    check(page, public_catalogue, selection)
    assert "Illegale" not in " ".join(shown_titles(page))  # the in-preparation measure is gone
    chips = page.eval_on_selector_all("#mk-facets-active button", "bs => bs.map(b => b.textContent)")
    assert len(chips) == 3 and any("Status: In werking" in c for c in chips)


def test_state_round_trips_through_the_url(browser_page, fixture_sites, public_catalogue):
    page = open_menukaart(browser_page, fixture_sites["public"])
    tick(page, "partner", "riec")
    tick(page, "fase", "werving")
    page.wait_for_function("location.search.includes('fase=werving')")
    assert "partner=riec" in page.url
    bookmarked = page.url
    selection = {"partner": {"riec"}, "fase": {"werving"}}
    titles, _ = expected(public_catalogue, selection)

    page.goto("about:blank")
    page = open_menukaart(browser_page, fixture_sites["public"], "?" + bookmarked.split("?", 1)[1])
    check(page, public_catalogue, selection)
    assert page.is_checked('details[data-facet="partner"] input[value="riec"]')
    assert sorted(shown_titles(page)) == titles


def test_words_combine_with_facets_and_are_kept_in_the_url(browser_page, fixture_sites, public_catalogue):
    page = open_menukaart(browser_page, fixture_sites["public"], "?q=" + quote("woning") + "&soort=bestuursrechtelijk")
    page.wait_for_function("document.getElementById('mk-facets').dataset.results === '1'")
    assert shown_titles(page) == ["Woning sluiten"]
    assert page.input_value("#mk-facet-query") == "woning"
    page.fill("#mk-facet-query", "vergunningen")  # inflected: finds 'vergunning'
    page.wait_for_function("location.search.includes('q=vergunningen')")
    assert shown_titles(page) == ["Integriteitstoets"]


def test_clear_all_and_removing_one_filter(browser_page, fixture_sites, public_catalogue):
    page = open_menukaart(browser_page, fixture_sites["public"], "?soort=strafrechtelijk&status=in-werking&q=smokkel")
    page.wait_for_function("document.getElementById('mk-facets').dataset.results === '1'")
    assert page.text_content("#mk-facets-active li:nth-child(2) button").startswith("Status")  # soort, then status
    page.click("#mk-facets-active li:nth-child(2) button")
    page.wait_for_function("!location.search.includes('status=')")
    assert page.evaluate("document.activeElement.closest('#mk-facets-active') !== null"), "focus stays on the chips"
    page.click("#mk-facets-clear")
    page.wait_for_function("location.search === ''")
    check(page, public_catalogue, {})
    assert page.input_value("#mk-facet-query") == ""
    assert page.is_hidden("#mk-facets-clear")


def test_unknown_filter_in_a_link_is_reported_not_silently_dropped(browser_page, fixture_sites):
    page = open_menukaart(browser_page, fixture_sites["public"], "?partner=bestaat-niet")
    assert "bestaat-niet" in page.text_content("#mk-facets-status")


def test_keyboard_only_filtering_and_announced_count(browser_page, fixture_sites, public_catalogue):
    page = open_menukaart(browser_page, fixture_sites["public"])
    assert page.get_attribute("#mk-facets-status", "role") == "status"
    assert page.get_attribute("#mk-facets-status", "aria-live") == "polite"
    page.focus('details[data-facet="soort"] input[value="strafrechtelijk"]')
    page.keyboard.press("Space")
    check(page, public_catalogue, {"soort": {"strafrechtelijk"}})
    label = 'label[for="' + page.get_attribute('details[data-facet="soort"] input[value="strafrechtelijk"]', "id") + '"]'
    assert "Strafrechtelijk" in page.inner_text(label)


def test_the_search_index_is_loaded_only_once_someone_types(browser_page, fixture_sites, public_catalogue):
    """Filtering by facets needs no index; the page loads it (a few MB at scale) on the first word."""
    page = open_menukaart(browser_page, fixture_sites["public"])
    loaded = "() => [typeof window.MENUKAART_INDEX, typeof window.lunr, " \
             "document.querySelectorAll('script[src$=\"search/index.js\"]').length]"
    assert page.evaluate(loaded) == ["undefined", "undefined", 0]
    page.check('details[data-facet="soort"] input[value="strafrechtelijk"]')
    assert page.evaluate(loaded) == ["undefined", "undefined", 0]
    page.fill("#mk-facet-query", "smokkelaars")
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'smokkelaars'")
    assert page.evaluate(loaded) == ["object", "function", 1]
    assert shown_titles(page) == ["Vervolging van smokkelaars"]


def test_entry_pages_link_to_the_filtered_menukaart(browser_page, fixture_sites, public_catalogue):
    page = browser_page.page
    page.goto(url_of(fixture_sites["public"] / "partners/riec.html"))
    page.click(".mk-filter-link a")
    page.wait_for_function("document.getElementById('mk-facets') && document.getElementById('mk-facets').dataset.results")
    check(page, public_catalogue, {"partner": {"riec"}})


def test_internal_edition_offers_internal_measures(browser_page, fixture_sites):
    page = open_menukaart(browser_page, fixture_sites["internal"], "?bevoegd=kmar")
    assert "Zwaluwstaart-werkwijze" in shown_titles(page)


def test_on_a_phone_count_and_results_come_first_and_filters_open_in_a_panel(browser_page, fixture_sites,
                                                                              public_catalogue):
    page = browser_page.page
    page.set_viewport_size({"width": 390, "height": 844})
    open_menukaart(browser_page, fixture_sites["public"])
    screen = page.evaluate("innerHeight")
    top = "sel => document.querySelector(sel).getBoundingClientRect().top"
    assert page.evaluate(top, "#mk-facets-status") < screen
    assert page.evaluate(top, "#mk-facets-results li") < screen - 40, "the first result starts on the first screen"
    assert page.is_hidden("#mk-facet-panel") and page.get_attribute("#mk-facets-toggle", "aria-expanded") == "false"
    page.focus("#mk-facets-toggle")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.getElementById('mk-facet-panel').hidden")
    assert page.get_attribute("#mk-facets-toggle", "aria-expanded") == "true"
    # Ticking a box deep in the panel: the new number is in view right there.
    box = 'details[data-facet="status"] input[value="in-werking"]'
    page.focus(box)
    page.keyboard.press("Space")
    titles, _ = expected(public_catalogue, {"status": {"in-werking"}})
    page.wait_for_function(f"document.getElementById('mk-facets').dataset.results === '{len(titles)}'")
    button = "#mk-facets-show"
    assert page.text_content(button) == f"{len(titles)} maatregelen tonen"
    shown = page.evaluate("""sel => { const b = document.querySelector(sel).getBoundingClientRect();
                                      return b.top >= 0 && b.bottom <= innerHeight; }""", button)
    assert shown, "the count is visible where the box was ticked"
    assert page.text_content("#mk-facets-toggle") == "Filters (1 gekozen)"
    page.focus(button)
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement === document.getElementById('mk-facets-status')")
    assert page.is_hidden("#mk-facet-panel")
    assert sorted(shown_titles(page)) == titles


def test_skip_link_and_search_lead_to_the_count(browser_page, fixture_sites):
    page = open_menukaart(browser_page, fixture_sites["public"])
    page.click(".mk-skip-results a")
    page.wait_for_function("document.activeElement === document.getElementById('mk-facets-status')")
    page.fill("#mk-facet-query", "woning")
    page.press("#mk-facet-query", "Enter")
    page.wait_for_function("document.activeElement === document.getElementById('mk-facets-status') && "
                           "location.search.includes('q=woning')")
    assert " van de " in page.text_content("#mk-facets-status")


def test_facet_counts_are_read_with_the_right_plural(browser_page, fixture_sites):
    page = open_menukaart(browser_page, fixture_sites["public"], "?soort=strafrechtelijk")
    spoken = page.eval_on_selector_all(".mk-facet__value label", """ls => ls.map(l => [
        l.querySelector('.mk-facet__count').textContent, l.querySelector('.mk-visually-hidden').textContent])""")
    assert spoken
    for seen, heard in spoken:
        assert heard == f"({seen} maatregel)" if seen == "1" else heard == f"({seen} maatregelen)"
    assert any(seen == "1" for seen, _ in spoken)
    assert page.evaluate("document.querySelector('.mk-facet__count').getAttribute('aria-hidden')") == "true"


def test_readme_example_link_finds_measures_in_the_real_catalogue(browser_page, real_site):
    import re
    from tests.support import REPO
    example = re.search(r"`(menukaart\.html\?[^`]+)`", (REPO / "README.md").read_text(encoding="utf-8")).group(1)
    page = open_menukaart(browser_page, real_site, "?" + example.split("?", 1)[1])
    page.wait_for_function("document.getElementById('mk-facets').dataset.results !== '0' && "
                           "document.getElementById('mk-facets-status').textContent.includes(' van de ')")
    assert int(page.evaluate("document.getElementById('mk-facets').dataset.results")) > 0, example


# ---- barrier matrix views ----

def matrix_counts(page) -> dict[str, str]:
    """The count each barrier shows (its link's visible text, without the words for screen readers)."""
    return dict(page.eval_on_selector_all(
        ".mk-matrix__cell[data-barrier]",
        "cells => cells.map(c => [c.dataset.barrier, c.querySelector('.mk-count').firstChild.nodeValue])"))


def test_matrix_view_per_partner_shows_coverage_and_gaps(browser_page, fixture_sites, public_catalogue):
    cat = public_catalogue
    page = browser_page.page
    page.goto(url_of(fixture_sites["public"] / "barrieremodel.html"))
    page.select_option("#mk-view-partner", "om")
    page.wait_for_function("location.search === '?partner=om'")
    counts = matrix_counts(page)
    om_measures = [m for m, rec in cat.measures.items() if "om" in {rec["authority"], *rec["partners"]}]
    for bid in cat.barriers:
        n = sum(bid in cat.measures[m]["barriers"] for m in om_measures)
        assert counts[bid] == ("Witte vlek: geen maatregel" if n == 0 else f"{n} maatregel" + ("en" if n > 1 else "")), bid
    gaps = sum(1 for text in counts.values() if text.startswith("Witte vlek"))
    assert f"{len(cat.barriers) - gaps} van de {len(cat.barriers)} barrières gedekt, {gaps} witte vlek" in page.text_content("#mk-matrix-status")
    page.click('.mk-matrix__cell[data-barrier="ronselaars"] a.mk-count')
    page.wait_for_function("document.getElementById('mk-facets') && document.getElementById('mk-facets').dataset.results")
    check(page, cat, {"barriere": {"ronselaars"}, "partner": {"om"}})


def test_matrix_view_per_category_round_trips_through_the_url(browser_page, fixture_sites, public_catalogue):
    cat = public_catalogue
    page = browser_page.page
    page.goto(url_of(fixture_sites["public"] / "barrieremodel.html", "?soort=strafrechtelijk"))
    assert page.input_value("#mk-view-soort") == "strafrechtelijk"
    counts = matrix_counts(page)
    for bid in cat.barriers:
        n = sum(1 for m in cat.measures.values() if m["category"] == "strafrechtelijk" and bid in m["barriers"])
        assert counts[bid].startswith("Witte vlek" if n == 0 else str(n)), bid
    page.select_option("#mk-view-soort", "")
    page.wait_for_function("location.search === ''")
    assert "Alle maatregelen" in page.text_content("#mk-matrix-status")


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_matrix_prints_on_one_landscape_page(watched, real_site, paper):
    """The whole real matrix fits one landscape sheet, and the page asks for landscape itself."""
    import re
    page = watched.page
    page.goto(url_of(real_site / "barrieremodel.html"))
    pdf = page.pdf(format=paper, landscape=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    own = page.pdf(format=paper, prefer_css_page_size=True)
    width, height = (float(x) for x in re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", own).groups())
    assert width > height, "the matrix page asks for landscape paper"
