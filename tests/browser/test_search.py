"""Dutch search in Chromium and Firefox ESR, from file://, on the test catalogue."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from menukaart import dutch
from tests.browser.conftest import url_of


def results(browser_page, site, query: str) -> list[str]:
    from urllib.parse import quote
    page = browser_page.page
    page.goto(url_of(site / "zoeken.html", "?q=" + quote(query)))
    page.wait_for_function("document.getElementById('search-status').textContent.length > 0")
    return page.eval_on_selector_all("#search-results a", "links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("query, expected", [
    ("vergunningen", "maatregelen/bibob-toets.html"),          # plural finds singular
    ("aanvragen", "maatregelen/bibob-toets.html"),             # verb form finds noun
    ("barrieres safehouses", "barrieres/safehouses.html"),     # no accent finds 'Barrières'
    ("Barrières tegen safehouses", "barrieres/safehouses.html"),
    ("197b", "maatregelen/illegale-tewerkstelling.html"),      # article numbers
    ("174a", "maatregelen/sluiting-woning.html"),
    ("KMar", "maatregelen/illegale-tewerkstelling.html"),      # page says 'Koninklijke Marechaussee'
    ("Koninklijke Marechaussee", "maatregelen/mobiel-toezicht.html"),  # page says 'KMar'
    ("om", "maatregelen/illegale-tewerkstelling.html"),        # abbreviation that is also a stop word
    ("integriteit", "maatregelen/bibob-toets.html"),           # prefix of a title word
    ("artikel 174a", "maatregelen/sluiting-woning.html"),      # law references: 'artikel' need not be on the page
    ("art. 174a", "maatregelen/sluiting-woning.html"),
    ("174a Gemeentewet", "maatregelen/sluiting-woning.html"),  # with the law's name
    ("artikel 197b lid 1", "maatregelen/illegale-tewerkstelling.html"),
])
def test_dutch_query_finds_entry(browser_page, fixture_sites, query, expected):
    found = results(browser_page, fixture_sites["public"], query)
    assert expected in found, f"{query!r} → {found}"


def test_results_are_ranked_and_require_every_word(browser_page, fixture_sites):
    site = fixture_sites["public"]
    # 'woning' is in the measure's title and in a signal of the safehouses barrier; only the
    # measure also says 'sluiten' (as 'sluit' and 'sluiten').
    assert sorted(results(browser_page, site, "woning")) == ["barrieres/safehouses.html", "maatregelen/sluiting-woning.html"]
    assert results(browser_page, site, "woning sluiten") == ["maatregelen/sluiting-woning.html"]
    assert browser_page.page.text_content("#search-status") == "1 resultaat voor \u201cwoning sluiten\u201d."
    # When no page holds every word, the pages with some of them are shown, and the status says so.
    assert sorted(results(browser_page, site, "woning xylofoon")) == ["barrieres/safehouses.html",
                                                                 "maatregelen/sluiting-woning.html"]
    assert browser_page.page.text_content("#search-status").startswith("Geen pagina bevat alle woorden. 2 resultaten")


def test_no_result_says_so(browser_page, fixture_sites):
    assert results(browser_page, fixture_sites["public"], "xylofoonkwartet") == []
    assert "Geen resultaten" in browser_page.page.text_content("#search-status")


def test_internal_entries_are_only_found_in_the_internal_edition(browser_page, fixture_sites):
    assert results(browser_page, fixture_sites["public"], "zwaluwstaart") == []
    assert "maatregelen/zwaluw-werkwijze.html" in results(browser_page, fixture_sites["internal"], "zwaluwstaart")


def test_clicking_a_result_opens_the_entry(browser_page, fixture_sites):
    results(browser_page, fixture_sites["public"], "174a")
    browser_page.page.click("#search-results a[href='maatregelen/sluiting-woning.html']")
    browser_page.page.wait_for_url("**/maatregelen/sluiting-woning.html")
    assert browser_page.page.text_content("h1") == "Woning sluiten"


def test_header_search_box_opens_results_page(browser_page, fixture_sites):
    page = browser_page.page
    page.goto(url_of(fixture_sites["public"] / "barrieres/safehouses.html"))
    page.fill("#mk-header-query", "vergunningen")
    page.press("#mk-header-query", "Enter")
    page.wait_for_function("document.getElementById('search-status') && "
                           "document.getElementById('search-status').textContent.length > 0")
    assert re.search(r"/zoeken\.html\?q=vergunningen$", page.url)
    assert page.get_attribute("#search-results a", "href") == "maatregelen/bibob-toets.html"


def test_typing_updates_results_and_the_address(browser_page, fixture_sites):
    page = browser_page.page
    page.goto(url_of(fixture_sites["public"] / "zoeken.html"))
    page.fill("#mk-search-query", "197b")
    page.wait_for_function("document.querySelectorAll('#search-results a').length > 0")
    assert page.get_attribute("#search-results a", "href") == "maatregelen/illegale-tewerkstelling.html"
    assert page.url.endswith("zoeken.html?q=197b")


def real_lines() -> set[str]:
    """Every line of the repository's content and hand-written pages."""
    repo = Path(__file__).resolve().parents[2]
    found: set[str] = set()
    for pattern in ("measures/*.yaml", "barriers/*.yaml", "*.yaml", "docs/*.md"):
        for path in repo.glob(pattern):
            found.update(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return found


def test_browser_tokenises_and_stems_like_python(browser_page, fixture_sites, real_vocabulary):
    """The same words give the same index terms in lunr.nl.js as in the Python build."""
    page = browser_page.page
    page.goto(url_of(fixture_sites["public"] / "zoeken.html"))
    samples = ["Barrières (art. 197b Sr), 174a; auto's — 3:3 Awb", "Koninklijke Marechaussee/KMar-controle",
               "Ñandú café-eigenaar; 'vergunning'", " meer\tspaties\n"]
    # The rules reach the page with the documents; the page builds its tokenizer from them.
    assert page.evaluate("MENUKAART_DOCS.tokenizer") == dutch.TOKENIZER_RULES
    browser_tokens = page.evaluate("texts => texts.map(t => MenukaartSearch.tokenize(t))", samples)
    assert browser_tokens == [dutch.tokenize(t) for t in samples]
    # Every line of the real content, tokenised on both sides.
    lines = sorted(real_lines())
    assert len(lines) > 2000
    browser_lines = page.evaluate("texts => texts.map(t => MenukaartSearch.tokenize(t))", lines)
    assert [(l, b) for l, b in zip(lines, browser_lines) if b != dutch.tokenize(l)] == []
    words = sorted(real_vocabulary)
    browser_stems = page.evaluate(
        "words => words.map(w => lunr.nl.stemmer(new lunr.Token(w)).toString())", words)
    mismatches = [(w, b, dutch.stem(w)) for w, b in zip(words, browser_stems) if b != dutch.stem(w)]
    assert len(words) > 500
    assert mismatches == []


def test_a_typo_finds_the_page_and_says_what_it_read_instead(browser_page, fixture_sites):
    site = fixture_sites["public"]
    found = results(browser_page, site, "Integriteitstoest")  # letters swapped: nothing matches exactly
    page = browser_page.page
    assert found[0] == "maatregelen/bibob-toets.html"
    assert page.text_content("#search-status").startswith("Geen resultaten voor \u201cIntegriteitstoest\u201d.")
    assert page.text_content("#search-suggestion") == "Bedoelde u integriteitstoets?"
    page.click("#search-suggestion a")
    page.wait_for_function("document.getElementById('mk-search-query').value === 'integriteitstoets'")
    assert re.fullmatch("\\d+ resultaten? voor \u201cintegriteitstoets\u201d\\.", page.text_content("#search-status"))
    assert page.eval_on_selector_all("#search-suggestion", "found => found.length") == 0
    # a short word is not read as a neighbour of another
    assert results(browser_page, site, "wnig") == []
