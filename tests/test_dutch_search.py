"""Dutch text processing of the index (the browser side is tested in tests/browser)."""
from __future__ import annotations

import json
import re

from menukaart.outputs import Outputs
from menukaart import dutch, page_search, search_index
from menukaart.site_paths import glossary_anchor
from menukaart.validate import load_catalogue
from tests.support import FIXTURE_CONTENT


def test_tokenize_folds_accents_and_keeps_article_numbers():
    assert dutch.tokenize("Barrières (art. 197b Sr), 174a; auto's — 3:3 Awb") == \
        ["barrieres", "artikel", "197b", "sr", "174a", "autos", "3:3", "awb"]


def test_inflections_share_a_stem():
    # The stems the Snowball Dutch stemmer gives (lunr.nl.js gives the same, tests/browser checks it).
    assert [dutch.stem(w) for w in ("vergunningen", "vergunning", "aanvragen", "aanvraag", "woningen",
                                    "smokkelaars", "gemeentelijke")] == \
        ["vergunn", "vergunn", "aanvrag", "aanvrag", "woning", "smokkelar", "gemeent"]
    assert dutch.terms("vergunningen") == dutch.terms("vergunning") == ["vergunn"]
    assert dutch.terms("aanvragen") == dutch.terms("aanvraag") == ["aanvrag"]


def test_stop_words_come_from_lunr_nl():
    stops = dutch.stop_words()
    assert {"de", "het", "een", "om", "van"} <= stops
    assert "vergunning" not in stops
    assert dutch.terms("de vergunning van het college") == dutch.terms("vergunning college") == ["vergunn", "colleg"]


def test_index_documents_match_entry_pages(tmp_path):
    catalogue, problems = load_catalogue(FIXTURE_CONTENT)
    assert not problems
    public = catalogue.for_edition("public")
    out = Outputs(tmp_path)
    counts = search_index.build(public, out)
    assert sorted(out.paths) == [search_index.DOCUMENTS_SCRIPT, search_index.INDEX_SCRIPT]
    assert counts == {"measure": 6, "barrier": 7, "phase": 4, "partner": 4, "law": 3, "term": len(public.glossary)}
    assert sum(counts.values()) - counts["term"] == public.entry_count
    payload = documents_payload(tmp_path)
    urls = [d[0] for d in payload["docs"]]
    assert len(urls) == len(set(urls)) == sum(counts.values())
    assert "maatregelen/sluiting-woning.html" in urls and "wetten/gemeentewet.html" in urls
    # Each glossary term opens its own row of the glossary page.
    assert f"begrippen.html#{glossary_anchor(public.glossary[0]['term'])}" in urls
    assert payload["abbreviations"]["kmar"] == ["koninklijke", "marechaussee"]


def test_abbreviations_expand_both_ways():
    expander = search_index.AbbreviationExpander([
        {"term": "Koninklijke Marechaussee", "abbreviation": "KMar"},
        {"term": "Openbaar Ministerie", "abbreviation": "OM"},
    ])
    assert expander.expansions("De KMar controleert.") == ["KMar", "Koninklijke Marechaussee"]
    assert expander.expansions("de koninklijke marechaussee en het Openbaar Ministerie") == \
        ["KMar", "Koninklijke Marechaussee", "OM", "Openbaar Ministerie"]
    # 'om' the Dutch word is not the abbreviation OM.
    assert expander.expansions("om te kunnen") == []


def test_a_law_reference_is_written_one_way():
    assert dutch.tokenize("art. 174a lid 2 Gemeentewet") == ["artikel", "174a", "lid", "2", "gemeentewet"]
    assert dutch.tokenize("Artikelen 2 en 3, leden 1") == ["artikel", "2", "en", "3", "lid", "1"]
    assert dutch.tokenize("de kunst (art)") == ["de", "kunst", "artikel"]  # the word alone, too: one rule


def documents_payload(folder) -> dict:
    script = (folder / search_index.DOCUMENTS_SCRIPT).read_text(encoding="utf-8")
    return json.loads(json.loads(re.match(r"window.MENUKAART_DOCS=JSON.parse\((.*)\);\n$", script, re.S).group(1)))


# ---- compounds ----

def test_compounds_split_into_words_of_the_vocabulary():
    split = dutch.Decompounder(["bewustwording", "campagne", "horeca", "vergunning", "kamer", "verhuur",
                                "kamerverhuur", "bedrijf", "paspoort", "controle", "mensen", "smokkel"]).parts
    assert split("bewustwordingscampagne") == ["bewustwording", "campagne"]   # linking s
    assert split("horecavergunning") == ["horeca", "vergunning"]
    assert split("kamerverhuurbedrijf") == ["kamer", "verhuur", "bedrijf"]    # a part that is a compound too
    assert split("paspoortcontrole") == ["paspoort", "controle"]
    assert split("mensensmokkel") == ["mensen", "smokkel"]
    # Not compounds of known words, or too short to split.
    assert split("vergunning") is None and split("horecabaas") is None and split("kamer") is None
    assert split("197bhoreca") is None  # letters only


def test_the_vocabulary_is_the_catalogues_own_words():
    words = dutch.vocabulary(["De Horeca-vergunning van het college", "art. 174a", "Één WOORD"])
    assert words == sorted(words)
    assert "horeca" in words and "vergunning" in words and "college" in words and "woord" in words
    assert "van" not in words and "174a" not in words and "het" not in words  # stop words, digits
    assert all(len(w) >= dutch.PART_FROM for w in words)


def test_a_compound_in_an_entry_is_indexed_by_its_parts(tmp_path):
    catalogue, _ = load_catalogue(FIXTURE_CONTENT)
    public = catalogue.for_edition("public")
    search_index.build(public, Outputs(tmp_path))
    vocabulary = documents_payload(tmp_path)["vocabulary"]
    assert dutch.Decompounder(vocabulary).parts("grenscontrole") == ["grens", "controle"]
    index = json.loads(json.loads(re.match(r"window.MENUKAART_INDEX=JSON.parse\((.*)\);\n$",
                                           (tmp_path / search_index.INDEX_SCRIPT).read_text(encoding="utf-8"), re.S).group(1)))
    assert "parts" in index["fields"]
    # The barrier that says "grenscontrole" holds "grens" as a part (the browser test searches by it).
    grens = next(entry for term, entry in index["invertedIndex"] if term == dutch.stem("grens"))
    assert grens["parts"], "some page has 'grens' only inside a compound"


def test_glossary_anchors_are_unique_in_the_real_catalogue():
    from tests.support import REPO
    catalogue, problems = load_catalogue(REPO)
    assert not problems
    anchors = [glossary_anchor(t["term"]) for t in catalogue.glossary]
    assert len(anchors) > 100 and len(set(anchors)) == len(anchors)
    assert all(re.fullmatch("begrip-[a-z0-9]+(-[a-z0-9]+)*", a) for a in anchors)


# ---- pages, read from the built site ----

PAGE = """<html><body><nav><a href="x">Menu</a></nav><article class="md-content__inner">
<h1 id="titel">Over <abbr title="Regionaal">RIEC</abbr>s<a class="headerlink" href="#titel">¶</a></h1>
<p>Eerste alinea &amp; meer.</p><script>var verborgen = 1;</script>
<h2 id="deel-een">Deel een<a class="headerlink" href="#deel-een">¶</a></h2><p>Tekst <em>van</em> deel een.</p>
<form><button>Zoeken</button></form>
<h3 id="deel-twee">Deel twee</h3><ul><li>punt</li></ul>
<h2>Zonder id</h2><p>hoort bij deel twee</p>
</article><footer>voet</footer></body></html>"""


def test_a_built_page_is_read_by_section_without_scripts_or_permalinks(tmp_path):
    (tmp_path / "over.html").write_text(PAGE, encoding="utf-8")
    page = page_search.read(tmp_path / "over.html")
    assert page.title == "Over RIECs"
    assert [(s.anchor, s.heading, s.body) for s in page.sections] == [
        ("", "", "Eerste alinea & meer."),
        ("deel-een", "Deel een", "Tekst van deel een."),
        ("deel-twee", "Deel twee", "punt Zonder id hoort bij deel twee"),
    ]
    docs = page_search.documents(tmp_path, {"over.md": "sections"})
    assert [(d.url, d.title, d.label) for d in docs] == [
        ("over.html", "Over RIECs", "Pagina"),
        ("over.html#deel-een", "Deel een", "Onderdeel van: Over RIECs"),
        ("over.html#deel-twee", "Deel twee", "Onderdeel van: Over RIECs"),
    ]
    assert docs[1].body == "Over RIECs Tekst van deel een."  # the page's title is a word of each section
    assert [d.url for d in page_search.documents(tmp_path, {"over.md": "lead"})] == ["over.html"]


def test_a_listing_page_read_for_its_opening_only_gives_what_a_whole_reading_gives(fixture_sites):
    """Reading stops at the first section heading of a page searched by its opening: the same
    title and opening text as reading the whole page, on every such page of both editions."""
    from menukaart import site_build
    checked = 0
    for edition in ("public", "internal"):
        cat = load_catalogue(FIXTURE_CONTENT)[0].for_edition(edition)
        staged = site_build.staged_outputs(cat)
        for target, how in staged.searched_pages.items():
            if how != "lead":
                continue
            page = fixture_sites[edition] / (target[:-3] + ".html")
            whole, opening = page_search.read(page), page_search.read(page, lead_only=True)
            assert (opening.title, opening.lead()) == (whole.title, whole.lead()), target
            assert whole.title
            checked += 1
    assert checked > 20


def lunr_py_index(indexed) -> dict:
    """What lunr.py's own Builder makes of the same terms (the reference for lunr_index)."""
    import logging
    from lunr.builder import Builder
    from lunr.pipeline import Pipeline
    logging.getLogger("lunr").setLevel(logging.ERROR)  # it warns when a name is registered again
    for name in search_index.SEARCH_PIPELINE:
        Pipeline.register_function(lambda token, i, tokens: token, name)
    builder = Builder()
    builder.search_pipeline.add(*(Pipeline.registered_functions[name] for name in search_index.SEARCH_PIPELINE))
    builder.ref("r")
    for field, boost in search_index.FIELDS.items():
        builder.field(field, boost=boost)
    for ref, fields in indexed:
        builder.add({"r": ref, **fields})
    return builder.build().serialize()


def test_the_index_is_the_one_lunr_py_builds_from_the_same_terms(fixture_sites):
    """Byte for byte, for the fixture (entries, glossary terms, pages and sections) and the real catalogue."""
    from menukaart import lunr_index, site_build
    from tests.support import REPO
    for content in (FIXTURE_CONTENT, REPO):
        cat = load_catalogue(content)[0].for_edition("internal")
        pages = []
        if content == FIXTURE_CONTENT:
            pages = page_search.documents(fixture_sites["internal"], site_build.staged_outputs(cat).searched_pages)
            assert any("#" in p.url for p in pages)
        docs = search_index.documents(cat) + pages
        _, indexed = search_index.indexed_fields(cat, docs, search_index.AbbreviationExpander(cat.glossary))
        ours = lunr_index.build(search_index.FIELDS, indexed, search_index.SEARCH_PIPELINE)
        assert json.dumps(ours, ensure_ascii=False) == json.dumps(lunr_py_index(indexed), ensure_ascii=False)
        assert len(ours["fieldVectors"]) == len(docs) * len(search_index.FIELDS)
