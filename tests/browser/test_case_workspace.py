"""The case workspace from file://, in Chromium and Firefox ESR: from the signals seen in a case
to a plan van aanpak, kept in the browser, saved as a file and opened again.

What the pages should show is worked out here from the fixture catalogue (which barriers the
ticked signals belong to, which measures raise the most of them), and every plan file the page
writes is checked against the published schema (schema/plan.schema.json).
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import jsonschema
import pytest

from menukaart.resources import SCHEMA_DIR
from menukaart.validate import load_catalogue
from tests.browser.a11y import axe_violations, focus_problems, horizontal_overflow, walk_focus
from tests.browser.conftest import url_of
from tests.support import FIXTURE_CONTENT

STORE = "menukaart-mensensmokkel-plannen"


@pytest.fixture(scope="module")
def catalogue():
    cat, problems = load_catalogue(FIXTURE_CONTENT)
    assert not problems
    return cat


@pytest.fixture(scope="module")
def plan_schema():
    """The published schema, with the shared definitions it refers to."""
    from referencing import Registry, Resource
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.schema.json")}
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemas.items())
    return jsonschema.Draft202012Validator(schemas["plan.schema.json"], registry=registry,
                                           format_checker=jsonschema.FormatChecker())


def stored(page) -> dict | None:
    return page.evaluate(f"JSON.parse(localStorage.getItem('{STORE}'))")


def fresh(browser_page, site: Path, path: str = "plan.html", query: str = ""):
    """A page of the site with no plans kept (Firefox keeps one profile for the whole session)."""
    page = browser_page.page
    page.goto(url_of(site / "plan.html"))
    page.evaluate("localStorage.clear()")
    page.goto(url_of(site / path, query))
    wait_ready(page, path)
    return page


def wait_ready(page, path: str) -> None:
    if path.startswith("plan.html"):
        page.wait_for_function("!document.getElementById('mk-plan').hidden")
    elif path.startswith("signalenwijzer.html"):
        page.wait_for_function("!document.querySelector('.mk-signals__search').hidden")
    elif path.startswith("menukaart.html"):
        page.wait_for_function("document.getElementById('mk-facets').dataset.results !== undefined")
    else:
        page.wait_for_function("document.readyState === 'complete' && !!window.MenukaartPlan")


def goto(page, site: Path, path: str, query: str = "") -> None:
    page.goto(url_of(site / path, query))
    wait_ready(page, path)


def saved_file(browser_page, selector: str, tmp_path: Path) -> Path:
    """Click a button that downloads a file; the file as the browser saved it."""
    page = browser_page.page
    if browser_page.name == "chromium":
        with page.expect_download() as download:
            page.click(selector)
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        return target
    from tests.browser.firefox import DOWNLOADS, TIMEOUT
    before = set(DOWNLOADS.iterdir())
    page.click(selector)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        present = set(DOWNLOADS.iterdir())
        new = [p for p in present - before if not p.name.endswith(".part")]
        if new and not any(p.name.endswith(".part") for p in present) and new[0].stat().st_size:
            return new[0]
        time.sleep(0.05)  # polling interval while Firefox writes the file
    raise TimeoutError("Firefox saved no file")


def open_file(page, path: Path) -> None:
    before = page.text_content("#mk-plan-message")
    page.set_input_files("#mk-plan-file", str(path))
    page.wait_for_function(f"document.getElementById('mk-plan-message').textContent !== {json.dumps(before)}")


def expected_outcome(cat, ticked: list[tuple[str, int]]):
    """The barriers of the ticked signals, and the measures raising them, most of them first."""
    barriers = {b for b, _ in ticked}
    hits = {}
    for mid, m in cat.measures.items():
        hit = [b for b in m["barriers"] if b in barriers]
        if hit:
            hits[mid] = (len(hit), sum(1 for b, _ in ticked if b in hit))
    order = sorted(hits, key=lambda mid: (-hits[mid][0], -hits[mid][1], cat.measures[mid]["title"].casefold()))
    return barriers, [cat.measures[mid]["title"] for mid in order]


def set_date(browser_page, selector: str, value: str) -> None:
    """A date chosen in a date field. Playwright fills it as the date picker would; over
    WebDriver, typing into Firefox's date field depends on the locale, so the value is set
    as the picker sets it, with the change event it sends."""
    page = browser_page.page
    if browser_page.name == "chromium":
        page.fill(selector, value)
        return
    page.evaluate("""([selector, value]) => { const field = document.querySelector(selector); field.focus();
        field.value = value; field.dispatchEvent(new Event("input", {bubbles: true}));
        field.dispatchEvent(new Event("change", {bubbles: true})); }""", [selector, value])


def control_state(page, selector: str) -> str:
    return page.inner_text(selector + " .mk-plan-control__button")


# ---- the whole flow ----------------------------------------------------------------------------

def test_from_signals_to_a_plan_and_back_from_its_file(browser_page, fixture_sites, catalogue, plan_schema, tmp_path):
    site = fixture_sites["public"]
    cat = catalogue.for_edition("public")
    page = fresh(browser_page, site, "signalenwijzer.html")

    # Tick two signals: the outcome names their barriers and ranks the measures by coverage.
    ticked = [("safehouses", 1), ("adresfraude", 1)]
    for barrier, n in ticked:
        page.check(f"#signaal-{barrier}-{n}")
    barriers, titles = expected_outcome(cat, ticked)
    page.wait_for_function("document.querySelectorAll('#mk-signals-barriers > li').length === 2")
    assert page.eval_on_selector_all("#mk-signals-measures .mk-search-result__title a", "els => els.map(e => e.textContent)") == titles
    shown_barriers = page.eval_on_selector_all("#mk-signals-barriers .mk-search-result__title a", "els => els.map(e => e.textContent)")
    assert sorted(shown_barriers) == sorted(cat.barriers[b]["title"] for b in barriers)
    assert page.text_content("#mk-signals-status").startswith(f"2 signalen aangevinkt, bij 2 barrières. {len(titles)} maatregel")
    assert page.url.endswith("?signalen=adresfraude.1,safehouses.1")   # in the page's order

    # The ticks live in the address: opened again, the same outcome.
    goto(page, site, "signalenwijzer.html", "?signalen=safehouses.1,adresfraude.1,bestaat-niet.3")
    assert page.is_checked("#signaal-safehouses-1") and page.is_checked("#signaal-adresfraude-1")
    assert "genegeerd: ‘bestaat-niet.3’" in page.text_content("#mk-signals-status")

    # Add the best covered measure and a barrier to the plan.
    first = "#mk-signals-measures > li:first-child .mk-plan-control"
    assert control_state(page, first).startswith("Aan plan toevoegen")
    page.click(first + " button")
    page.wait_for_function(f"document.querySelector('{first}').classList.contains('mk-plan-control--in')")
    assert control_state(page, first).startswith("Uit plan halen")
    assert "Staat in het plan" in page.text_content(first)
    page.click("#mk-signals-barriers > li:first-child .mk-plan-control button")
    added_barrier = page.text_content("#mk-signals-barriers > li:first-child .mk-search-result__title a")

    # From a measure's own page, and from the menukaart's results.
    goto(page, site, "maatregelen/vervolging-smokkel.html")
    page.click(".mk-plan-control button")
    page.wait_for_function("document.querySelector('.mk-plan-control').classList.contains('mk-plan-control--in')")
    goto(page, site, "menukaart.html")
    in_plan = page.eval_on_selector_all("#mk-facets-results .mk-plan-control--in", "els => els.length")
    assert in_plan == 2   # the two measures added so far, known on this page too

    plan = stored(page)["plans"][0]
    assert [(i["kind"], i["id"], i["status"]) for i in plan["items"]] == [
        ("measure", "sluiting-woning", "overwegen"),
        ("barrier", next(b for b in barriers if cat.barriers[b]["title"] == added_barrier), "overwegen"),
        ("measure", "vervolging-smokkel", "overwegen")]

    # The plan page: grouped by phase and barrier, with legal basis and competent authority.
    goto(page, site, "plan.html")
    phases = page.eval_on_selector_all("#mk-plan-items h3", "els => els.map(e => e.textContent)")
    chain = [p["title"] for p in cat.phases.values()]
    assert phases == sorted(phases, key=chain.index)
    article = page.inner_text("#mk-plan-items article:has(a[href$='sluiting-woning.html'])")
    assert "Gemeentewet, artikel 174a" in article and "Bevoegd gezag" in article
    page.fill("#mk-plan-title", "Casus 2026-041")
    fields = "#mk-plan-items article:has(a[href$='sluiting-woning.html']) "
    page.select_option(fields + ".mk-plan-item__field:nth-child(1) select", "gekozen")
    partner_select = fields + ".mk-plan-item__field:nth-child(2) select"
    page.select_option(partner_select, "gemeente")
    set_date(browser_page, fields + "input[type=date]", "2026-12-15")
    page.fill(fields + "textarea", "Bestuurlijke rapportage vragen; <b>geen</b> HTML")
    page.press(fields + "textarea", "Tab")

    # Reloaded, the plan is still there.
    goto(page, site, "plan.html")
    assert page.input_value("#mk-plan-title") == "Casus 2026-041"
    assert page.input_value(fields + "select") == "gekozen"
    assert page.input_value(partner_select) == "gemeente"
    assert page.input_value(fields + "input[type=date]") == "2026-12-15"
    assert page.input_value(fields + "textarea") == "Bestuurlijke rapportage vragen; <b>geen</b> HTML"
    assert page.evaluate("document.querySelectorAll('#mk-plan-items b').length") == 0   # a note is text
    partners = page.inner_text("#mk-plan-partners")
    gemeente = cat.partners["gemeente"]["name"]
    assert partners.count(gemeente) == 1 and "verantwoordelijk voor Woning sluiten" in partners
    raised = {b for b in cat.measures["sluiting-woning"]["barriers"]} | {b for b in cat.measures["vervolging-smokkel"]["barriers"]} | barriers
    assert page.text_content("#mk-plan-coverage-status").startswith(f"Het plan pakt {len(raised)} van de {len(cat.barriers)} barrières aan")
    assert page.eval_on_selector_all(".mk-plan-coverage__cell--in", "els => els.length") == len(raised)
    before = stored(page)["plans"][0]

    # Saved as a file: what the schema describes, ids and the reader's own fields only.
    path = saved_file(browser_page, "#mk-plan-save", tmp_path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert list(plan_schema.iter_errors(written)) == []
    assert written["release"] == {"number": cat.release["number"], "date": str(cat.release["date"]), "edition": "public"}
    assert written["title"] == "Casus 2026-041"
    assert written["items"][0] == {"kind": "measure", "id": "sluiting-woning", "status": "gekozen", "partner": "gemeente",
                                   "date": "2026-12-15", "note": "Bestuurlijke rapportage vragen; <b>geen</b> HTML"}
    assert "Woning sluiten" not in path.read_text(encoding="utf-8")   # titles come from the catalogue

    # Wiped: asked first, then gone.
    page.click("#mk-plan-wipe")
    assert page.is_visible("#mk-plan-confirm")
    page.click("#mk-plan-confirm-no")
    assert stored(page)["plans"] != []
    page.click("#mk-plan-wipe")
    page.click("#mk-plan-confirm-yes")
    page.wait_for_function("document.getElementById('mk-plan-message').textContent.includes('gewist')")
    assert stored(page)["plans"] == []
    assert page.text_content("#mk-plan-choice") == "Nog geen plan"
    assert "nog leeg" in page.text_content("#mk-plan-items")

    # Opened from the file: the same plan.
    open_file(page, path)
    assert "geopend" in page.text_content("#mk-plan-message")
    after = stored(page)["plans"][0]
    assert after["title"] == before["title"] and after["items"] == before["items"]
    assert page.input_value(fields + "textarea") == "Bestuurlijke rapportage vragen; <b>geen</b> HTML"


# ---- files from elsewhere ----------------------------------------------------------------------

def plan_file(items: list[dict], release: dict | None = None, **top) -> dict:
    return {"format": "menukaart-mensensmokkel-plan", "version": 1,
            "release": release or {"number": 1, "date": "2026-01-15", "edition": "public"},
            "title": "Casus oud", "items": items, **top}


def test_a_plan_of_an_older_release_follows_renamed_ids_and_lists_what_is_gone(browser_page, fixture_sites, catalogue,
                                                                               plan_schema, tmp_path):
    site = fixture_sites["public"]
    old = plan_file([
        {"kind": "measure", "id": "woningsluiting", "status": "ingezet", "partner": "riec-oud", "note": "loopt"},
        {"kind": "barrier", "id": "onderdak-adressen", "status": "gekozen"},
        {"kind": "measure", "id": "bestaat-niet-meer", "status": "afgerond"},
    ])
    assert list(plan_schema.iter_errors(old)) == []
    path = tmp_path / "oud.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    page = fresh(browser_page, site)
    open_file(page, path)
    said = page.text_content("#mk-plan-message")
    assert "uitgave 1 van 15 januari 2026" in said
    assert f"‘woningsluiting’ heet nu “{catalogue.measures['sluiting-woning']['title']}”" in said
    assert f"‘onderdak-adressen’ heet nu “{catalogue.barriers['safehouses']['title']}”" in said
    assert "Niet meer in deze menukaart: ‘bestaat-niet-meer’" in said
    items = stored(page)["plans"][0]["items"]
    assert items[0] == {"kind": "measure", "id": "sluiting-woning", "status": "ingezet", "partner": "riec", "note": "loopt"}
    assert items[1]["id"] == "safehouses"
    assert items[2]["id"] == "bestaat-niet-meer"   # kept: saved again, nothing is lost
    assert "‘bestaat-niet-meer’ bestaat niet meer" in page.text_content(".mk-plan__missing")
    resaved = json.loads(saved_file(browser_page, "#mk-plan-save", tmp_path).read_text(encoding="utf-8"))
    assert list(plan_schema.iter_errors(resaved)) == []
    assert resaved["release"]["number"] == catalogue.release["number"]


BROKEN = {
    "not json": "{ dit is geen json",
    "another JSON file": json.dumps({"measures": [], "barriers": []}),
    "unknown status": json.dumps(plan_file([{"kind": "measure", "id": "sluiting-woning", "status": "misschien"}])),
    "newer format": json.dumps({**plan_file([]), "version": 7}),
    "damaged item": json.dumps(plan_file([{"kind": "measure", "id": "Sluiting Woning!", "status": "gekozen"}])),
    "far too large": json.dumps(plan_file([{"kind": "measure", "id": "sluiting-woning", "status": "gekozen",
                                            "note": "x" * 2000}] * 6000)),
    "impossible date": json.dumps(plan_file([{"kind": "measure", "id": "sluiting-woning", "status": "gekozen",
                                              "date": "2026-02-30"}])),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_file_that_is_not_a_plan_or_is_damaged_changes_nothing(browser_page, fixture_sites, plan_schema, tmp_path, case):
    text = BROKEN[case]
    try:  # the published schema refuses it too
        assert list(plan_schema.iter_errors(json.loads(text))) != []
    except json.JSONDecodeError:
        pass
    site = fixture_sites["public"]
    page = fresh(browser_page, site, "maatregelen/sluiting-woning.html")
    page.click(".mk-plan-control button")
    goto(page, site, "plan.html")
    page.fill("#mk-plan-title", "Lopende casus")
    before = page.evaluate(f"localStorage.getItem('{STORE}')")
    path = tmp_path / "kapot.json"
    path.write_text(text, encoding="utf-8")
    open_file(page, path)
    said = page.text_content("#mk-plan-message")
    assert "niet geopend; er is niets veranderd" in said
    assert "nieuwere versie" in said if case == "newer format" else True
    assert page.evaluate("document.getElementById('mk-plan-message').classList.contains('mk-plan__message--problem')")
    assert page.evaluate(f"localStorage.getItem('{STORE}')") == before
    assert page.input_value("#mk-plan-title") == "Lopende casus"


def test_an_internal_measure_shows_as_unavailable_in_the_public_edition(browser_page, fixture_sites, catalogue,
                                                                      plan_schema, tmp_path):
    internal_title = catalogue.measures["zwaluw-werkwijze"]["title"]
    page = fresh(browser_page, fixture_sites["internal"], "maatregelen/zwaluw-werkwijze.html")
    page.click(".mk-plan-control button")
    goto(page, fixture_sites["internal"], "maatregelen/sluiting-woning.html")
    page.click(".mk-plan-control button")
    goto(page, fixture_sites["internal"], "plan.html")
    assert internal_title in page.text_content("#mk-plan-items")
    path = saved_file(browser_page, "#mk-plan-save", tmp_path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert list(plan_schema.iter_errors(written)) == []
    assert written["release"]["edition"] == "internal"
    assert written["items"][0] == {"kind": "measure", "id": "zwaluw-werkwijze", "status": "overwegen", "internal": True}

    page = fresh(browser_page, fixture_sites["public"])
    open_file(page, path)
    assert "1 intern onderdeel is in de openbare editie niet beschikbaar" in page.text_content("#mk-plan-message")
    shown = page.text_content("#mk-plan-items")
    assert "Een interne maatregel: alleen te zien in de interne editie" in shown
    assert internal_title not in shown and "zwaluw" not in shown.lower()
    again = json.loads(saved_file(browser_page, "#mk-plan-save", tmp_path).read_text(encoding="utf-8"))
    assert again["items"][0] == written["items"][0]   # kept for the internal edition


# ---- print, keyboard, accessibility --------------------------------------------------------------

def a_plan(browser_page, site: Path):
    page = fresh(browser_page, site, "signalenwijzer.html", "?signalen=safehouses.1,online-aanbod.1")
    page.click("#mk-signals-measures > li:first-child .mk-plan-control button")
    page.click("#mk-signals-barriers > li:first-child .mk-plan-control button")
    goto(page, site, "plan.html")
    page.fill("#mk-plan-title", "Casus 7")
    page.fill("#mk-plan-items textarea", "Afspraak")
    return page


def test_the_plan_prints_as_a_meeting_document(watched, fixture_sites):
    page = a_plan(watched, fixture_sites["public"])
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", "#mk-plan-save", "#mk-plan-choice", "#mk-plan-title",
                   ".mk-plan-item__fields", ".mk-plan-control", ".admonition"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.inner_text("#mk-plan-print-title") == "Plan van aanpak: Casus 7"
    assert "menukaart uitgave 1 van" in page.inner_text("#mk-plan-meta")
    assert page.inner_text("#mk-plan-printed").startswith("Afgedrukt op ")
    summaries = page.locator(".mk-plan-item__summary")
    assert summaries.count() == 2 and all(summaries.nth(i).is_visible() for i in range(2))
    assert "Status: Overwegen. Verantwoordelijk: nog niet gekozen." in summaries.nth(0).inner_text()
    assert "Notitie: Afspraak" in summaries.nth(0).inner_text()
    assert page.locator("#mk-plan-coverage").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_signals_can_be_found_and_ticked_by_keyboard(browser_page, fixture_sites):
    site = fixture_sites["public"]
    page = fresh(browser_page, site, "signalenwijzer.html")
    page.fill("#mk-signal-query", "matrassen")
    page.wait_for_function("document.querySelectorAll('.mk-signals__barrier:not([hidden])').length === 1")
    assert page.text_content("#mk-signals-found").startswith("1 signaal met “matrassen”")
    page.focus("#mk-signal-query")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "signaal-safehouses-1"
    page.keyboard.press("Space")
    page.wait_for_function("document.getElementById('mk-signals-status').textContent.startsWith('1 signaal aangevinkt')")
    # The add buttons are named for what they add, for a screen reader in a list of them.
    names = page.eval_on_selector_all("#mk-signals-results .mk-plan-control__button", "els => els.map(e => e.textContent)")
    assert names and all(n.startswith("Aan plan toevoegen: ") and len(n) > 20 for n in names)
    page.focus("#mk-signals-results .mk-plan-control__button")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#mk-signals-results [role=status]').textContent.startsWith('Toegevoegd')")
    assert page.evaluate("document.activeElement.textContent").startswith("Uit plan halen")


@pytest.mark.parametrize("path", ["signalenwijzer.html?signalen=safehouses.1,online-aanbod.1", "plan.html"])
def test_workspace_pages_in_use_pass_axe_focus_and_reflow(browser_page, fixture_sites, path):
    """The pages with a case in them (the empty pages are in test_accessibility's page kinds)."""
    site = fixture_sites["internal"]
    page = a_plan(browser_page, site)
    file, _, query = path.partition("?")
    goto(page, site, file, "?" + query if query else "")
    assert axe_violations(page) == []
    for width, height in ((1280, 900), (320, 640)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_function(f"innerWidth === {width}")
        assert horizontal_overflow(page) <= 0, f"{path} scrolls sideways at {width} px"
        stops = walk_focus(page)
        assert focus_problems(stops) == [], f"{path} at {width} px"


def test_plan_openen_asks_for_a_file(watched, fixture_sites):
    page = fresh(watched, fixture_sites["public"])
    with page.expect_file_chooser() as chooser:
        page.click("#mk-plan-open")
    assert chooser.value.element.evaluate("el => el.id") == "mk-plan-file"


def test_several_plans_side_by_side(browser_page, fixture_sites):
    site = fixture_sites["public"]
    page = fresh(browser_page, site, "maatregelen/sluiting-woning.html")
    page.click(".mk-plan-control button")
    goto(page, site, "plan.html")
    page.fill("#mk-plan-title", "Casus A")
    page.click("#mk-plan-new")
    assert page.evaluate("document.activeElement.id") == "mk-plan-title"
    page.fill("#mk-plan-title", "Casus B")
    # The buttons add to the plan last chosen, and say which.
    goto(page, site, "maatregelen/vervolging-smokkel.html")
    page.click(".mk-plan-control button")
    page.wait_for_function("document.querySelector('.mk-plan-control__state').textContent.includes('Casus B')")
    goto(page, site, "maatregelen/sluiting-woning.html")
    assert control_state(page, ".mk-plan-control").startswith("Aan plan toevoegen")
    goto(page, site, "plan.html")
    options = page.eval_on_selector_all("#mk-plan-choice option", "els => els.map(e => e.textContent)")
    assert options == ["Casus A (1 onderdeel)", "Casus B (1 onderdeel)"]
    assert page.eval_on_selector_all("#mk-plan-items article h5 a", "els => els.map(e => e.textContent)") == ["Vervolging van smokkelaars"]
    key_a = stored(page)["plans"][0]["key"]
    page.select_option("#mk-plan-choice", key_a)
    page.wait_for_function("document.getElementById('mk-plan-title').value === 'Casus A'")
    titles = page.eval_on_selector_all("#mk-plan-items article h5 a", "els => els.map(e => e.textContent)")
    assert titles == ["Woning sluiten"]
    assert stored(page)["current"] == key_a
