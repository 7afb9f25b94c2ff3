"""Every page kind as a person meets it, in Chromium and Firefox ESR, at 1280, 390 and 320 px
(320 CSS px is also what a 1280 px screen shows at 400 % zoom):

- every Tab stop shows a focus indicator (computed style) and is on the screen, so a closed
  menu takes no focus;
- the page does not scroll sideways;
- the navigation menu is reachable and works by keyboard: the sidebar at 1280 px, the menu
  button and drawer on narrow screens (opens with Enter, keeps the focus, closes with Escape);
- axe finds no violation of WCAG 2.1 A/AA nor of its best-practice rules.
"""
from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest

from tests.browser.a11y import axe_violations, focus_problems, horizontal_overflow, press_tab, walk_focus
from tests.browser.conftest import url_of
from tests.browser.test_pages import PAGE_KINDS, open_page

WIDTHS = {1280: 900, 390: 844, 320: 640}
KINDS = {**PAGE_KINDS, "redirect page": "maatregelen/woningsluiting.html", "404 from a web server": "404"}


class SiteWithErrorPage(http.server.SimpleHTTPRequestHandler):
    """A plain static server that answers a missing address with the site's 404.html, as web
    servers are set up to do (nginx error_page, Apache ErrorDocument)."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(fixture_sites):
    """The public fixture site over HTTP on 127.0.0.1 (a free port)."""
    handler = functools.partial(SiteWithErrorPage, directory=str(fixture_sites["public"]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def forgive_the_404_itself(watched) -> None:
    """Chromium logs the page's own 404 status as a console error; everything the page loads
    must still be there."""
    errors = [e for e in watched.console_errors if "404 (Not Found)" in e]
    assert len(errors) <= 1
    for e in errors:
        watched.console_errors.remove(e)
    statuses = watched.page.evaluate("performance.getEntriesByType('resource').map(e => [e.name, e.responseStatus])")
    assert statuses and all(status == 200 for _, status in statuses), statuses


def open_kind(watched, fixture_sites, served, tmp_path, kind: str):
    page, path = watched.page, KINDS[kind]
    if kind == "404 from a web server":
        watched.local = (served + "/",)
        page.goto(served + "/maatregelen/bestaat-niet.html")
        page.wait_for_function("document.readyState === 'complete'")
        forgive_the_404_itself(watched)
    elif kind == "redirect page":
        # Looked at without its refresh: the page itself, not the one it forwards to.
        old = fixture_sites["public"] / path
        still = tmp_path / "maatregelen" / old.name
        still.parent.mkdir(parents=True, exist_ok=True)
        still.write_text(old.read_text(encoding="utf-8").replace('http-equiv="refresh"', 'data-refresh="off"'),
                         encoding="utf-8")
        page.goto(url_of(still))
    else:
        open_page(watched, fixture_sites["internal"], path)
    return page


def check_menu_by_keyboard(page, stops: list[dict], width: int) -> None:
    if width > 1220:  # wide: the navigation is the sidebar, always open
        assert any(s["inDrawer"] for s in stops), "the navigation's links take focus"
        return
    assert any(s["menuButton"] for s in stops), "the menu button takes focus"
    page.focus(".mk-menu-button")
    assert page.get_attribute(".mk-menu-button", "aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert page.get_attribute(".mk-menu-button", "aria-expanded") == "true"
    inside = walk_focus(page)
    assert all(s["inDrawer"] for s in inside), "Tab stays in the open menu"
    assert len(inside) > 10 and any("Zoeken" in s["what"] for s in inside)
    assert focus_problems(inside) == []
    page.keyboard.press("Escape")
    page.wait_for_function("document.activeElement.classList.contains('mk-menu-button')")
    page.wait_for_function("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'hidden'")
    assert page.get_attribute(".mk-menu-button", "aria-expanded") == "false"


@pytest.mark.parametrize("kind", KINDS)
def test_focus_reflow_and_menu_at_every_width(browser_page, fixture_sites, served, tmp_path, kind):
    """One page, opened at 390 px and then resized to each width, as a phone turned or a
    window made narrower and wider."""
    page = browser_page.page
    page.set_viewport_size({"width": 390, "height": WIDTHS[390]})
    open_kind(browser_page, fixture_sites, served, tmp_path, kind)
    for width in (390, 320, 1280):
        page.set_viewport_size({"width": width, "height": WIDTHS[width]})
        page.wait_for_function(f"innerWidth === {width}")
        assert horizontal_overflow(page) <= 0, f"{kind} scrolls sideways at {width} px"
        stops = walk_focus(page)
        assert len(stops) >= (1 if kind == "redirect page" else 3)
        assert focus_problems(stops) == [], f"{kind} at {width} px"
        if kind != "redirect page":
            check_menu_by_keyboard(page, stops, width)


@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_violation_including_best_practice(browser_page, fixture_sites, served, tmp_path, kind):
    page = open_kind(browser_page, fixture_sites, served, tmp_path, kind)
    violations = axe_violations(page)
    assert violations == [], f"{kind}: {violations}"


def test_404_page_from_a_web_server_is_dutch_styled_and_leads_on(browser_page, served):
    browser_page.local = (served + "/",)
    page = browser_page.page
    page.goto(served + "/fases/bestaat-niet.html")
    page.wait_for_function("document.readyState === 'complete'")
    forgive_the_404_itself(browser_page)
    assert page.text_content("h1") == "Pagina niet gevonden"
    assert page.title().startswith("Pagina niet gevonden")
    assert page.evaluate("document.documentElement.lang") == "nl"
    # Styled: Material's stylesheet and ours loaded from the site root (the header is a coloured bar).
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.click("article a[href='/index.html']")
    page.wait_for_url(served + "/index.html")
    assert page.text_content("h1") == "Menukaart mensensmokkel"


def test_no_empty_banner_or_landmark_in_the_public_edition(browser_page, fixture_sites):
    page = browser_page.page
    page.goto(url_of(fixture_sites["public"] / "index.html"))
    assert page.evaluate("document.querySelectorAll('.md-banner, aside').length") == 0
    empty = page.evaluate("""Array.from(document.querySelectorAll('main, nav, aside, header, footer, form, [role]'))
        .filter(el => /^(banner|main|navigation|complementary|contentinfo|search|region|form)$/.test(el.getAttribute('role') || el.tagName.toLowerCase()))
        .filter(el => !el.textContent.trim() && !el.querySelector('input, a, button')).map(el => el.outerHTML.slice(0, 80))""")
    assert empty == []
    page.goto(url_of(fixture_sites["internal"] / "index.html"))
    assert page.text_content(".md-banner").strip().startswith("Interne editie.")


def test_abbreviation_explained_on_keyboard_focus_as_text(browser_page, fixture_sites):
    page = browser_page.page
    page.goto(url_of(fixture_sites["public"] / "maatregelen/vervolging-smokkel.html"))
    abbr = "article abbr[tabindex='0']"
    assert page.text_content(abbr) == "OM"
    assert page.get_attribute(abbr, "title") is None  # one explanation, not the browser's as well
    tip = "#" + page.get_attribute(abbr, "aria-describedby")
    assert page.get_attribute(tip, "role") == "tooltip" and page.is_hidden(tip)
    # Reached with Tab, like any other stop: the walk passes it and shows its focus.
    stops = walk_focus(page)
    assert any(s["what"].startswith("abbr OM") and s["indicator"] for s in stops)
    page.focus(abbr)
    page.wait_for_function(f"!document.querySelector('{tip}').hidden")
    assert page.text_content(tip) == "Openbaar Ministerie"
    assert page.evaluate(f"document.querySelector('{tip}').children.length") == 0  # text, never HTML
    page.keyboard.press("Escape")
    page.wait_for_function(f"document.querySelector('{tip}').hidden")
    # Each abbreviation has one keyboard stop per page, however often it occurs.
    assert page.evaluate("""(() => { const seen = {}; for (const a of document.querySelectorAll("article abbr[tabindex='0']"))
        { seen[a.textContent] = (seen[a.textContent] || 0) + 1; } return Math.max(...Object.values(seen)); })()""") == 1


def test_search_from_the_header_puts_focus_on_the_count(browser_page, fixture_sites):
    page = browser_page.page
    page.goto(url_of(fixture_sites["public"] / "barrieres/safehouses.html"))
    page.fill("#mk-header-query", "vergunningen")
    page.press("#mk-header-query", "Enter")
    page.wait_for_function("document.getElementById('search-status') && "
                           "document.activeElement === document.getElementById('search-status')")
    assert re.fullmatch("\\d+ resultaten? voor \u201cvergunningen\u201d\\.", page.text_content("#search-status"))
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    # Two search forms on the results page, each with its own name.
    names = page.eval_on_selector_all("[role=search]", "forms => forms.map(f => f.getAttribute('aria-label'))")
    assert len(names) == 2 and all(names) and len(set(names)) == 2
    # The skip link lands on the count too.
    page.click(".mk-skip-results a")
    page.wait_for_function("document.activeElement === document.getElementById('search-status')")


def test_matrix_count_links_say_what_they_open(browser_page, fixture_sites):
    page = browser_page.page
    page.goto(url_of(fixture_sites["public"] / "barrieremodel.html"))
    page.wait_for_function("document.querySelector('.mk-matrix__cell a.mk-count') !== null")
    names = page.eval_on_selector_all(
        ".mk-matrix__cell a.mk-count", "as => as.map(a => a.textContent.replace(/\\s+/g, ' ').trim())")
    assert names and all(" voor de barrière \u2018" in n and n.endswith("in de menukaart") for n in names)
    assert any(n.startswith("1 maatregel voor") for n in names) or all(not n.startswith("1 ") for n in names)
    assert page.evaluate("document.querySelector('.mk-matrix').tabIndex") == -1  # no scroll box to focus


@pytest.mark.parametrize("width", [390, 320])
def test_matrix_is_usable_on_a_phone_and_whole_on_a_wide_screen(browser_page, fixture_sites, width):
    page = browser_page.page
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    page.goto(url_of(fixture_sites["public"] / "barrieremodel.html"))
    assert horizontal_overflow(page) <= 0
    lefts = page.eval_on_selector_all(".mk-matrix__phase", "ps => ps.map(p => Math.round(p.getBoundingClientRect().left))")
    assert len(set(lefts)) == 1, "on a phone the phases are stacked"
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function("innerWidth === 1280")
    boxes = page.eval_on_selector_all(".mk-matrix__phase", """ps => ps.map(p => {
        const b = p.getBoundingClientRect(); return [b.left, b.right, p.scrollWidth > p.clientWidth]; })""")
    width_now = page.evaluate("document.documentElement.clientWidth")
    assert all(left >= 0 and right <= width_now and not overflows for left, right, overflows in boxes), boxes
    assert len({round(left) for left, _, _ in boxes}) >= 3, "several phases side by side"
    # No word is broken off: every barrier name is no wider than its column.
    broken = page.evaluate("""Array.from(document.querySelectorAll('.mk-matrix__cell > a')).flatMap(a => {
        const text = a.firstChild, words = [], range = document.createRange();
        for (const m of text.data.matchAll(/\\S+/g)) {
          range.setStart(text, m.index); range.setEnd(text, m.index + m[0].length);
          if (range.getClientRects().length > 1) { words.push(m[0]); }
        }
        return words; })""")
    assert broken == []
