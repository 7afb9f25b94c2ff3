"""Dutch text processing of the index (the browser side is tested in tests/browser)."""
from __future__ import annotations

import json
import re

from menukaart.outputs import Outputs
from menukaart import dutch, search_index
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
    assert counts == {"measure": 6, "barrier": 7, "phase": 4, "partner": 4, "law": 3}
    assert sum(counts.values()) == public.entry_count
    script = (tmp_path / search_index.DOCUMENTS_SCRIPT).read_text(encoding="utf-8")
    payload = json.loads(json.loads(re.match(r"window.MENUKAART_DOCS=JSON.parse\((.*)\);\n$", script, re.S).group(1)))
    urls = [d[0] for d in payload["docs"]]
    assert len(urls) == len(set(urls)) == sum(counts.values())
    assert "maatregelen/sluiting-woning.html" in urls and "wetten/gemeentewet.html" in urls
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
