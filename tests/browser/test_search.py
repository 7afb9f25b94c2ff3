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


def test_results_with_every_word_come_first_then_those_with_most(browser_page, fixture_sites):
    site = fixture_sites["public"]
    page = browser_page.page
    # The measure says 'woning' and 'sluiten'; the safehouses barrier only 'woning' (in a signal).
    found = results(browser_page, site, "woning sluiten")
    assert found[0] == "maatregelen/sluiting-woning.html"
    assert found.index("maatregelen/sluiting-woning.html") < found.index("barrieres/safehouses.html")
    complete, partial = map(int, re.fullmatch(
        r"\d+ resultaten voor \u201cwoning sluiten\u201d: eerst (\d+) met alle woorden, dan (\d+) met een deel ervan\.",
        page.text_content("#search-status")).groups())
    assert complete >= 1 and partial >= 1 and complete + partial == len(found)
    # When no page holds every word, the pages with some of them are shown, and the status says so.
    found = results(browser_page, site, "woning xylofoon")
    assert {"barrieres/safehouses.html", "maatregelen/sluiting-woning.html"} <= set(found)
    assert page.text_content("#search-status").startswith(f"Geen pagina bevat alle woorden. {len(found)} resultaten")


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
    page.fill("#mk-header-query", "integriteitstoets")
    page.press("#mk-header-query", "Enter")
    page.wait_for_function("document.getElementById('search-status') && "
                           "document.getElementById('search-status').textContent.length > 0")
    assert re.search(r"/zoeken\.html\?q=integriteitstoets$", page.url)
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


# ---- the whole site, compounds, highlighting (issue 14) ----

def kinds_of(browser_page) -> list[str]:
    return browser_page.page.eval_on_selector_all(".mk-search-result__kind", "spans => spans.map(s => s.textContent)")


@pytest.mark.parametrize("query, expected, kind", [
    ("toegankelijkheidsverklaring", "toegankelijkheid.html", "Pagina"),                      # a hand-written page
    ("excel downloaden", "downloads.html#voor-spreadsheets-excel-en-csv", "Onderdeel van: Downloads"),  # by section
    ("maatregel toevoegen", "bijdragen.html", "Pagina"),
    ("menukaart afdrukken", "menukaart-afdrukken.html", "Pagina"),                           # an overview
    ("barrièremodel", "barrieremodel.html", "Pagina"),
])
def test_pages_and_their_sections_are_found_with_their_kind(browser_page, fixture_sites, query, expected, kind):
    found = results(browser_page, fixture_sites["public"], query)
    assert found[:1] == [expected], f"{query!r} → {found[:5]}"
    assert kinds_of(browser_page)[0] == kind


def test_a_section_result_opens_its_heading(browser_page, fixture_sites):
    page = browser_page.page
    results(browser_page, fixture_sites["public"], "excel downloaden")
    page.click("#search-results a[href='downloads.html#voor-spreadsheets-excel-en-csv']")
    page.wait_for_url("**/downloads.html#voor-spreadsheets-excel-en-csv")
    assert page.text_content("h2#voor-spreadsheets-excel-en-csv").strip().startswith("Voor spreadsheets")


def test_the_kind_of_an_entry_is_a_word_of_it(browser_page, fixture_sites):
    """'barrieres' finds every barrier, not only those that say the word."""
    site = fixture_sites["public"]
    barriers = {f"barrieres/{p.name}" for p in (site / "barrieres").glob("*.html")
                if p.name != "index.html" and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")}  # not a former id
    found = set(results(browser_page, site, "barrieres"))
    assert len(barriers) >= 5 and barriers <= found


def test_compounds_are_split_in_the_query_and_in_the_pages(browser_page, fixture_sites):
    site = fixture_sites["public"]
    measure = (Path(__file__).resolve().parents[1] / "fixtures/content/measures/sluiting-woning.yaml").read_text(encoding="utf-8")
    words = set(dutch.tokenize(measure))
    # The page says "adresfraude", never "fraude" alone, and nowhere "woningfraude".
    assert "adresfraude" in words and "fraude" not in words and "woningfraude" not in words
    assert "maatregelen/sluiting-woning.html" in results(browser_page, site, "fraude")       # split in the page
    assert results(browser_page, site, "woningfraude")[0] == "maatregelen/sluiting-woning.html"  # split in the query
    assert browser_page.page.text_content("#search-status").startswith("Geen pagina") is False


def test_browser_splits_compounds_like_python(browser_page, fixture_sites, real_vocabulary):
    page = browser_page.page
    page.goto(url_of(fixture_sites["public"] / "zoeken.html"))
    vocabulary = page.evaluate("MENUKAART_DOCS.vocabulary")
    assert len(vocabulary) > 500
    words = sorted(set(vocabulary) | real_vocabulary | {"bewustwordingscampagne", "horecavergunning",
                                                          "kamerverhuurbedrijf", "paspoortcontrole", "woningfraude"})
    python = dutch.Decompounder(vocabulary)
    browser = page.evaluate("""words => {
      const d = new MenukaartSearch.Decompounder(MENUKAART_DOCS.vocabulary);
      return words.map(w => d.parts(w));
    }""", words)
    assert [(w, b) for w, b in zip(words, browser) if b != python.parts(w)] == []
    assert sum(1 for b in browser if b) > 50  # there are compounds to agree on


def test_matched_words_are_highlighted_as_text(browser_page, fixture_sites):
    page = browser_page.page
    results(browser_page, fixture_sites["public"], "vergunningen")
    marks = page.eval_on_selector_all(
        "#search-results li:has(a[href='maatregelen/bibob-toets.html']) .mk-search-result__snippet mark",
        "marks => marks.map(m => m.textContent)")
    assert marks == ["vergunning"]
    # Only <mark> elements and text inside a snippet: nothing from the content becomes markup.
    assert page.eval_on_selector_all(".mk-search-result__snippet *", "els => els.every(e => e.tagName === 'MARK')")


def test_a_glossary_term_is_found_at_its_row(browser_page, fixture_sites):
    page = browser_page.page
    found = results(browser_page, fixture_sites["public"], "samenwerkingsverband")  # in RIEC's meaning
    row = "begrippen.html#begrip-regionaal-informatie-en-expertisecentrum"
    assert row in found[:3]
    at = found.index(row)
    assert kinds_of(browser_page)[at] == "Begrip"
    titles = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.textContent)")
    assert titles[at] == "Regionaal Informatie- en Expertisecentrum (RIEC)"
    page.click(f"#search-results a[href='{row}']")
    page.wait_for_url("**/" + row)
    assert page.evaluate("location.hash") == "#begrip-regionaal-informatie-en-expertisecentrum"
    assert "Samenwerkingsverband" in page.text_content("tr#begrip-regionaal-informatie-en-expertisecentrum")
