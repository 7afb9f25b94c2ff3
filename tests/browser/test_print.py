"""Printing in a real browser: the print stylesheet on an entry page, and the whole menukaart as PDF."""
from __future__ import annotations

import re
from pathlib import Path

import axe_playwright_python
import pytest

from tests.browser.conftest import url_of

pytestmark = pytest.mark.browser

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ENTRY = "maatregelen/sluiting-woning.html"
PRINT_PAGE = "menukaart-afdrukken.html"
# The fixture's measures fall in four categories, in both editions (the internal
# measure zwaluw-werkwijze shares "informatie" with a public one).
CATEGORY_HEADINGS = ["Bestuursrechtelijk", "Strafrechtelijk", "Informatie en signalering", "Privaat-publiek"]
HIDDEN_IN_PRINT = [".md-header", ".mk-header-search", "#mk-header-query", ".md-tabs", ".md-sidebar--primary",
                   ".md-sidebar--secondary", ".md-nav--primary", ".md-footer", ".md-top"]


def printed(watched, site: Path, path: str):
    page = watched.page
    page.goto(url_of(site / path))
    page.emulate_media(media="print")
    return page


def shown(page, selector: str) -> bool:
    """Whether any element matching selector takes up room on the printed page."""
    return page.eval_on_selector_all(selector, """els => els.some(el => {
        const box = el.getBoundingClientRect();
        return getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden'
               && el.getClientRects().length > 0 && box.width > 0 && box.height > 0;
    })""")


def test_entry_page_prints_without_navigation_header_or_search(watched, fixture_sites):
    page = watched.page
    page.goto(url_of(fixture_sites["public"] / ENTRY))
    assert shown(page, ".md-header") and shown(page, "#mk-header-query")  # on screen they are there
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert not shown(page, selector), selector
    assert page.locator("article.md-content__inner").is_visible()
    assert page.locator("article h1").text_content() == "Woning sluiten"
    assert page.locator("article table").is_visible()
    # the public edition's empty announce bar stays hidden
    assert not shown(page, ".md-banner")


def test_external_links_print_their_address_internal_links_do_not(watched, fixture_sites):
    page = printed(watched, fixture_sites["public"], ENTRY)
    after = "a => getComputedStyle(a, '::after').content"
    external = page.locator("article a[href^='https://wetten.overheid.nl/']").first
    href = external.get_attribute("href")
    assert external.evaluate(after) == f'"({href})"'
    assert external.evaluate("a => getComputedStyle(a, '::after').textDecorationLine") == "none"
    internal = page.locator("article a[href='../partners/gemeente.html']").first
    assert internal.evaluate(after) in ("none", "normal", "")
    page.emulate_media(media="screen")
    assert external.evaluate(after) in ("none", "normal", "")


def test_print_styles_for_text_tables_and_abbreviations(watched, fixture_sites):
    page = printed(watched, fixture_sites["public"], "maatregelen/vervolging-smokkel.html")
    style = "(el, p) => getComputedStyle(el)[p]"
    assert page.locator("article abbr").first.evaluate(style, "borderBottomStyle") == "none"
    assert page.locator("article abbr").first.evaluate(style, "textDecorationLine") == "none"
    cell = page.locator("article table td").first
    assert cell.evaluate(style, "borderTopStyle") == "solid"
    assert page.locator("article tr").first.evaluate(style, "breakInside") == "avoid"
    assert page.locator("article h2").first.evaluate(style, "breakAfter") == "avoid"
    # about 11pt (Chromium reports pixels: 11pt = 14.67px), not the screen's rem-based size
    assert abs(float(page.locator("article p").first.evaluate(style, "fontSize")[:-2]) - 11 * 96 / 72) < 0.1
    # the content uses the whole width of the paper, not the screen's centred column
    width = page.evaluate("document.querySelector('article').getBoundingClientRect().width")
    assert width > 0.9 * page.evaluate("document.documentElement.clientWidth")


def test_internal_edition_still_says_so_on_paper(watched, fixture_sites):
    page = printed(watched, fixture_sites["internal"], "maatregelen/zwaluw-werkwijze.html")
    assert shown(page, ".md-banner")
    assert page.locator(".md-banner").text_content().strip().startswith("Interne editie.")
    color = page.locator(".md-banner").evaluate("el => getComputedStyle(el).color")
    assert color == "rgb(0, 0, 0)"  # dark on white paper, not Material's light-on-dark
    assert page.locator("article .admonition.warning").is_visible()


def test_print_page_button_shows_on_screen_only_and_categories_start_new_pages(watched, fixture_sites):
    page = watched.page
    page.goto(url_of(fixture_sites["public"] / PRINT_PAGE))
    button = page.get_by_role("button", name="Afdrukken of opslaan als pdf")
    assert button.is_visible()
    page.emulate_media(media="print")
    assert not button.is_visible()
    breaks = page.eval_on_selector_all("article h2.mk-print-category", "hs => hs.map(h => getComputedStyle(h).breakBefore)")
    assert breaks == ["page"] * len(CATEGORY_HEADINGS)


def test_print_page_becomes_a_pdf_with_a_page_per_category_at_least(watched, fixture_sites):
    for edition in ("public", "internal"):
        page = watched.page
        page.goto(url_of(fixture_sites[edition] / PRINT_PAGE))
        headings = page.eval_on_selector_all("article h2.mk-print-category", "hs => hs.map(h => h.textContent.trim())")
        assert sorted(headings) == sorted(CATEGORY_HEADINGS), edition
        categories = len(headings)
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        # the contents, then each category on a new page
        assert pages >= categories + 1, (edition, pages)


def test_print_page_passes_axe_on_screen_and_in_print(watched, fixture_sites):
    page = watched.page
    page.goto(url_of(fixture_sites["internal"] / PRINT_PAGE))
    page.add_script_tag(path=str(AXE_SCRIPT))
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, preload: false})",
                               WCAG_21_AA)
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert violations == [], f"{media}: {violations}"


def test_filtered_menukaart_prints_the_chosen_measures_under_the_filters(watched, fixture_sites):
    page = watched.page
    page.goto(url_of(fixture_sites["public"] / "menukaart.html", "?soort=bestuursrechtelijk&q=woning"))
    page.wait_for_function("document.getElementById('mk-facets').dataset.results === '1'")
    page.emulate_media(media="print")
    for selector in (".mk-facets__controls", "#mk-facet-groups", ".mk-skip-results", "#mk-facets-active", "#mk-facets-clear"):
        assert not shown(page, selector), selector
    chosen = page.text_content("#mk-facets-chosen")
    assert shown(page, "#mk-facets-chosen")
    assert chosen == "Gekozen filters: zoekwoorden \u201cwoning\u201d; Soort maatregel: Bestuursrechtelijk."
    # The list starts right under the filters, across the whole width of the paper.
    first = page.evaluate("document.querySelector('#mk-facets-results li').getBoundingClientRect()")
    assert first["top"] < 500 and first["width"] > 0.9 * page.evaluate("document.querySelector('article').clientWidth")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


def test_printing_the_menukaart_lists_every_chosen_measure_not_only_the_first_fifty(watched, real_site):
    page = watched.page
    page.goto(url_of(real_site / "menukaart.html"))
    page.wait_for_function("document.getElementById('mk-facets').dataset.results !== undefined")
    total = int(page.evaluate("document.getElementById('mk-facets').dataset.results"))
    assert total > 50 and page.evaluate("document.querySelectorAll('#mk-facets-results li').length") == 50
    page.emulate_media(media="print")
    page.wait_for_function(f"document.querySelectorAll('#mk-facets-results li').length === {total}")
    assert page.text_content("#mk-facets-chosen") == "Geen filters gekozen."
    # Several measures to an A4 page, not two or three.
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format="A4")))
    assert pages <= total / 6, pages


def test_matrix_prints_barrier_names_readably_above_smaller_counts(watched, real_site):
    page = watched.page
    page.goto(url_of(real_site / "barrieremodel.html"))
    page.emulate_media(media="print")
    size = "(el, p) => parseFloat(getComputedStyle(el)[p])"
    name = page.locator(".mk-matrix__cell > a").first.evaluate(size, "fontSize")
    count = page.locator(".mk-matrix__cell .mk-count").first.evaluate(size, "fontSize")
    assert name >= 8 * 96 / 72 - 0.1, "barrier names at 8 pt at least"
    assert count < name, "the count is smaller than the name it counts"
    columns = page.eval_on_selector_all(".mk-matrix__phase", "ps => new Set(ps.map(p => p.getBoundingClientRect().top)).size")
    assert columns == 1, "on paper all phases stand side by side"
