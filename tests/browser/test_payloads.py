"""Script payloads in every text field of every kind never run: every page of both editions
is opened, every abbreviation hovered, the search shows the payload titles, facets and the
matrix view are used, and nothing a payload would do happens.

A MutationObserver installed before any page script records every element that carries a
payload as markup the moment it is inserted (by the parser or by a script, such as a
tooltip), so the test does not wait and hope: an insertion is seen when it happens.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import url_of

WATCH = """(() => {
  window.__injected = [];
  const bad = el => {
    if (el.nodeType !== 1) return false;
    if (el.tagName === "IFRAME") return true;
    if (el.tagName === "IMG" && el.getAttribute("src") === "x") return true;
    if ((el.tagName === "SCRIPT" || el.tagName === "STYLE") &&
        /__x|display:none/.test(el.textContent)) return true;
    return [...el.attributes].some(a => (/^on/i.test(a.name) && /__x/.test(a.value)) ||
                                        /^\\s*javascript:/i.test(a.value));
  };
  const look = node => {
    if (bad(node)) window.__injected.push(node.outerHTML.slice(0, 120));
    if (node.querySelectorAll) node.querySelectorAll("*").forEach(child => {
      if (bad(child)) window.__injected.push(child.outerHTML.slice(0, 120));
    });
  };
  new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(look)))
    .observe(document, {childList: true, subtree: true});
})();"""


def assert_nothing_ran(page, where: str) -> None:
    state = page.evaluate("""() => ({ ran: window.__x, injected: window.__injected || [],
        visible: document.body.getBoundingClientRect().height > 0
                 && getComputedStyle(document.body).display !== "none",
        danger: document.querySelectorAll(".admonition.danger").length })""")
    assert state == {"ran": None, "injected": [], "visible": True, "danger": 0}, where


@pytest.fixture
def payload_page(watched):
    watched.page.add_init_script(WATCH)
    return watched.page


def still(path: Path, tmp_path: Path) -> Path:
    """A redirect page without its refresh, so its own content can be looked at."""
    copy = tmp_path / path.name
    copy.write_text(path.read_text(encoding="utf-8").replace('http-equiv="refresh"', 'data-refresh="off"'),
                    encoding="utf-8")
    return copy


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_no_payload_runs_on_any_page_even_when_hovered(payload_page, payload_sites, edition, tmp_path):
    site = payload_sites[edition]
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 40
    hovered = 0
    for path in pages:
        if 'name="menukaart-redirect"' in path.read_text(encoding="utf-8"):
            path = still(path, tmp_path)
        payload_page.goto(url_of(path))
        for abbr in payload_page.locator("article abbr").all()[:5]:
            abbr.hover()
            abbr.focus()
            hovered += 1
        assert_nothing_ran(payload_page, str(path.relative_to(site)) if site in path.parents else path.name)
    assert hovered > 20


def test_search_results_facets_and_matrix_show_payloads_as_text(payload_page, payload_sites):
    site = payload_sites["internal"]
    page = payload_page
    for query in ("script", "kop", "img onerror", "gewone tekst"):
        page.goto(url_of(site / "zoeken.html", f"?q={query}"))
        page.wait_for_function("document.querySelectorAll('#search-results li').length > 0")
        assert_nothing_ran(page, f"zoeken.html?q={query}")
    titles = page.eval_on_selector_all("#search-results a", "as => as.map(a => a.textContent)")
    assert any("<" in title for title in titles)  # the payload title, shown as its text

    page.goto(url_of(site / "menukaart.html"))
    page.wait_for_function("document.getElementById('mk-facets').dataset.results !== undefined")
    # A facet with many values starts folded: open it as a reader would, then tick.
    for summary in page.locator(".mk-facet:not([open]) > summary").all():
        summary.click()
    for box in page.locator(".mk-facet input[type=checkbox]").all()[:12]:
        box.check()
    page.fill("#mk-facet-query", "script")
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'script'")  # filtered and shown
    assert_nothing_ran(page, "menukaart.html")

    page.goto(url_of(site / "barrieremodel.html"))
    for value in page.eval_on_selector_all("#mk-view-partner option", "os => os.map(o => o.value)"):
        page.select_option("#mk-view-partner", value)
    assert_nothing_ran(page, "barrieremodel.html")
