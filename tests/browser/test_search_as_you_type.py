"""Search as you type in the header of every page: a combobox (ARIA 1.2, list popup), by
keyboard, in Chromium and Firefox, from file://."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import url_of
from tests.browser.a11y import axe_violations

BOX = "#mk-header-query"
OPTIONS = "#mk-header-results [role=option]"


def open_entry(browser_page, site, path: str = "maatregelen/mobiel-toezicht.html"):
    page = browser_page.page
    page.goto(url_of(site / path))
    page.wait_for_function("document.readyState === 'complete'")
    return page


def type_into_the_box(page, words: str) -> list[str]:
    page.focus(BOX)
    page.wait_for_function("window.MENUKAART_INDEX !== undefined && window.MenukaartSearch !== undefined")
    page.fill(BOX, words)
    page.wait_for_function(f"document.querySelectorAll({OPTIONS!r}).length > 0")
    return page.eval_on_selector_all(OPTIONS, "options => options.map(o => o.textContent.replace(/\\s+/g, ' ').trim())")


def combobox_state(page) -> dict:
    return page.evaluate("""() => {
      const box = document.getElementById("mk-header-query");
      const list = document.getElementById(box.getAttribute("aria-controls"));
      const active = box.getAttribute("aria-activedescendant");
      return {role: box.getAttribute("role"), expanded: box.getAttribute("aria-expanded"),
              listRole: list.getAttribute("role"), listShown: !list.hidden && list.getClientRects().length > 0,
              active: active, activeText: active ? document.getElementById(active).textContent.trim() : null,
              selected: Array.from(list.querySelectorAll("[aria-selected=true]")).map(o => o.id),
              focus: document.activeElement === box};
    }""")


def test_the_index_loads_on_first_focus_and_results_show_while_typing(browser_page, fixture_sites):
    page = open_entry(browser_page, fixture_sites["public"])
    assert page.evaluate("window.MENUKAART_INDEX === undefined && !document.querySelector('script[src$=\"search/index.js\"]')")
    state = combobox_state(page)
    assert (state["role"], state["expanded"], state["listRole"], state["listShown"]) == ("combobox", "false", "listbox", False)
    shown = type_into_the_box(page, "integriteit")
    assert shown[0].startswith("Integriteitstoets") and "Maatregel" in shown[0]
    assert re.fullmatch("(Alle \\d+ resultaten|Naar de zoekpagina) voor \u201cintegriteit\u201d", shown[-1])
    state = combobox_state(page)
    assert state["expanded"] == "true" and state["listShown"] and state["focus"] and state["active"] is None
    # The matched word is highlighted in the result's title, as text.
    assert page.eval_on_selector_all(f"{OPTIONS} mark", "marks => marks.map(m => m.textContent)")[0] == "Integriteitstoets"
    # Typing on changes the results.
    shown = type_into_the_box(page, "174a")
    assert any(s.startswith("Woning sluiten") for s in shown) and not any(s.startswith("Integriteitstoets") for s in shown)


def test_arrow_keys_choose_and_enter_opens_the_chosen_page(browser_page, fixture_sites):
    page = open_entry(browser_page, fixture_sites["public"])
    type_into_the_box(page, "integriteit")
    page.keyboard.press("ArrowDown")
    state = combobox_state(page)
    assert state["activeText"].startswith("Integriteitstoets") and state["selected"] == [state["active"]]
    assert state["focus"], "the focus stays in the box (aria-activedescendant)"
    page.keyboard.press("Enter")
    page.wait_for_url("**/maatregelen/bibob-toets.html")
    assert page.text_content("h1") == "Integriteitstoets"


def test_arrow_up_wraps_to_all_results_and_enter_without_a_choice_opens_the_search_page(browser_page, fixture_sites):
    page = open_entry(browser_page, fixture_sites["public"])
    type_into_the_box(page, "woning")
    page.keyboard.press("ArrowUp")  # from the box: the last option, all results
    assert combobox_state(page)["activeText"].startswith(("Alle", "Naar de zoekpagina"))
    page.keyboard.press("ArrowDown")  # and round to the first
    assert combobox_state(page)["active"] == "mk-header-result-0"
    page.keyboard.press("Escape")
    state = combobox_state(page)
    assert state["expanded"] == "false" and not state["listShown"] and state["active"] is None
    assert page.input_value(BOX) == "woning"
    page.keyboard.press("Enter")  # no choice: the results page
    page.wait_for_url("**/zoeken.html?q=woning")
    page.wait_for_function("document.getElementById('search-status').textContent.length > 0")
    assert page.eval_on_selector_all("#search-results a", "links => links.length") >= 2


def test_escape_closes_the_list_then_empties_the_box(browser_page, fixture_sites):
    page = open_entry(browser_page, fixture_sites["public"])
    type_into_the_box(page, "kmar")
    page.keyboard.press("Escape")
    assert combobox_state(page)["expanded"] == "false"
    page.keyboard.press("Escape")
    assert page.input_value(BOX) == ""
    page.keyboard.press("ArrowDown")  # nothing typed: nothing opens
    assert combobox_state(page)["expanded"] == "false"


def test_a_screen_reader_hears_how_many_results(browser_page, fixture_sites):
    page = open_entry(browser_page, fixture_sites["public"])
    type_into_the_box(page, "integriteit")
    status = page.eval_on_selector_all(".mk-header-search [role=status]", "s => s.map(e => e.textContent)")
    assert len(status) == 1 and re.match("\\d+ resultaten?\\. Kies met pijltje omlaag", status[0])
    type_into_the_box(page, "xylofoonkwartet")
    status = page.eval_on_selector_all(".mk-header-search [role=status]", "s => s.map(e => e.textContent)")
    assert status == ["Geen resultaten. Enter opent de zoekpagina."]


def test_axe_finds_nothing_on_the_open_combobox(browser_page, fixture_sites):
    page = open_entry(browser_page, fixture_sites["public"])
    type_into_the_box(page, "vergunning")
    page.keyboard.press("ArrowDown")
    assert axe_violations(page) == []
    assert combobox_state(page)["expanded"] == "true", "axe looked at the open list"


@pytest.mark.parametrize("width", [320, 1280])
def test_the_open_list_fits_the_screen(browser_page, fixture_sites, width):
    page = browser_page.page
    page.set_viewport_size({"width": width, "height": 700})
    open_entry(browser_page, fixture_sites["public"], "index.html")
    type_into_the_box(page, "vergunning")
    box = page.evaluate("(() => { const r = document.getElementById('mk-header-results').getBoundingClientRect();"
                        " return [r.left, r.right, r.top, r.bottom, innerWidth]; })()")
    left, right, top, bottom, inner = box
    assert 0 <= left and right <= inner and top > 0 and bottom > top
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


def test_results_open_from_a_page_in_a_folder_and_from_the_top(browser_page, fixture_sites):
    """Result addresses are relative to the site's root, wherever the box is."""
    page = open_entry(browser_page, fixture_sites["public"], "index.html")
    type_into_the_box(page, "integriteit")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/maatregelen/bibob-toets.html")
    type_into_the_box(page, "toegankelijkheidsverklaring")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/toegankelijkheid.html")
