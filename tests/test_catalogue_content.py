"""Coverage rules of the real catalogue, so that they cannot silently break later."""
from __future__ import annotations

import re

import pytest

from menukaart.validate import load_catalogue
from tests.support import REPO, build

# Capitalised words in entry texts that are names, not abbreviations.
NOT_ABBREVIATIONS = {"TeamWork", "MasterCard", "IJsland", "IJmuiden", "EenVandaag", "VreemdelingenVisie",
                     "KMarMagazine", "FlixBus", "WhatsApp", "TikTok", "YouTube", "PayPal", "LinkedIn",
                     "MijnOverheid"}
# Fields whose text the site shows as the entry's own words (titles of cited documents are not ours).
TEXT_FIELDS = ("title", "summary", "aim", "conditions", "procedure", "caveats", "legal_protection", "status_note",
               "needs", "service_providers", "signals", "description", "role", "name")

# Instruments the Beleidskader names or implies, by the law (and article) they rest on.
REQUIRED_LEGAL_BASES = [
    ("wet-bibob", None), ("apv", None), ("gemeentewet", "174a"), ("woningwet", "17"), ("gemeentewet", "125"),
    ("awb", None), ("wet-goed-verhuurderschap", None), ("wet-brp", None), ("wav", None), ("wwft", None),
    ("wetboek-van-strafrecht", "197a"), ("wetboek-van-strafrecht", "197b"), ("richtlijn-2009-52-eg", None),
    ("richtlijn-2011-36-eu", None), ("vreemdelingenwet-2000", None), ("wgs", None),
    ("schengenuitvoeringsovereenkomst", "26"), ("richtlijn-2004-82-eg", None),
]
# Partners the framework asks to cooperate with: each takes part in at least one measure.
REQUIRED_PARTNERS = ["luchtvaartmaatschappijen", "spoorvervoerders", "creditcardmaatschappijen", "banken",
                     "woningcorporaties", "kvk", "emm", "belastingdienst", "fiu-nederland", "riec", "liec", "ind"]


@pytest.fixture(scope="module")
def catalogue():
    cat, problems = load_catalogue(REPO)
    assert not problems, problems.report()
    return cat


def test_chain_has_ordered_phases_each_with_4_to_8_barriers(catalogue):
    steps = [p for p in catalogue.phases.values() if not p.get("cross_cutting")]
    assert 7 <= len(steps) <= 8
    for pid in catalogue.phases:
        assert 4 <= len(catalogue.links.barriers_by_phase.get(pid, [])) <= 8, pid


def test_counts(catalogue):
    assert len(catalogue.barriers) >= 40
    assert len(catalogue.measures) >= 40
    assert len(catalogue.partners) >= 20
    assert len(catalogue.glossary) >= 40


def test_every_barrier_raised_and_every_measure_placed(catalogue):
    assert [b for b in catalogue.barriers if not catalogue.links.measures_by_barrier.get(b)] == []
    assert [m for m, e in catalogue.measures.items() if not e["barriers"]] == []


def test_every_partner_and_law_used(catalogue):
    links = catalogue.links
    assert [p for p in catalogue.partners if p not in links.measures_by_partner and p not in links.barriers_by_partner] == []
    assert [law for law in catalogue.laws if law not in links.measures_by_law] == []


def test_framework_instruments_are_present(catalogue):
    bases = {(b["law"], b.get("article")) for m in catalogue.measures.values() for b in m["legal_basis"]}
    missing = [(law, art) for law, art in REQUIRED_LEGAL_BASES
               if not any(lb == law and (art is None or a == art) for lb, a in bases)]
    assert missing == []
    assert [p for p in REQUIRED_PARTNERS if p not in catalogue.links.measures_by_partner] == []
    assert "fiscaal" in {m["category"] for m in catalogue.measures.values()}


def test_every_measure_is_complete(catalogue):
    incomplete = []
    for mid, m in catalogue.measures.items():
        for field in ("aim", "conditions", "procedure", "caveats", "legal_protection"):
            if not m.get(field):
                incomplete.append((mid, field))
        if m["status"] != "te-controleren" and not (m.get("status_date") or m.get("status_note")):
            incomplete.append((mid, "status_date"))
        for basis in m["legal_basis"]:
            assert catalogue.laws[basis["law"]]["url"].startswith("https://")
    assert incomplete == []


def test_every_entry_has_a_source_and_a_review_date(catalogue):
    for table in (catalogue.measures, catalogue.barriers):
        for eid, entry in table.items():
            assert entry["sources"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["reviewed"]), eid


def test_some_entries_are_internal(catalogue):
    assert sum(m["visibility"] == "internal" for m in catalogue.measures.values()) >= 2
    assert sum(b["visibility"] == "internal" for b in catalogue.barriers.values()) >= 2


def test_every_abbreviation_is_in_the_glossary(catalogue):
    # A multi-word abbreviation ('Wet LB 1964', 'Vw 2000') explains each of its words.
    known = {word for t in catalogue.glossary if t.get("abbreviation") for word in t["abbreviation"].split()}
    unexplained: dict[str, str] = {}

    def scan(where: str, value) -> None:
        if isinstance(value, list):
            for item in value:
                scan(where, item)
        elif isinstance(value, str):
            for word in re.findall(r"(?<![\w-])([A-Z][A-Za-z]*[A-Z][A-Za-z]*)(?![\w-])", value):
                if word not in known and word not in NOT_ABBREVIATIONS:
                    unexplained.setdefault(word, where)

    tables = {"measures": catalogue.measures, "barriers": catalogue.barriers, "phases": catalogue.phases,
              "partners": catalogue.partners}
    for kind, table in tables.items():
        for eid, entry in table.items():
            for field in TEXT_FIELDS:
                scan(f"{kind}/{eid}.{field}", entry.get(field))
    assert unexplained == {}


def test_editions_differ_exactly_by_the_internal_entries(catalogue, tmp_path):
    sites = {}
    for edition in ("public", "internal"):
        sites[edition] = tmp_path / edition
        assert build(REPO, sites[edition], edition) == 0
    pages = {e: {p.relative_to(s).as_posix() for p in s.rglob("*.html")} for e, s in sites.items()}
    internal = {f"maatregelen/{m}.html" for m, e in catalogue.measures.items() if e["visibility"] == "internal"} | \
               {f"barrieres/{b}.html" for b, e in catalogue.barriers.items() if e["visibility"] == "internal"}
    # Besides the internal entries, only the editors' review list is internal-only.
    assert pages["internal"] - pages["public"] == internal | {"redactie.html"}
    assert pages["public"] <= pages["internal"]
    index = (sites["public"] / "assets/search/documents.js").read_text(encoding="utf-8")
    for page in internal:
        assert page not in index


# A status that depends on a bill: the word, a Kamerstuk, or a parliamentary number such as 36 414.
BILL = re.compile(r"wetsvoorstel|kamerstuk|\b\d{2} \d{3}\b|\b3\d{4}\b", re.IGNORECASE)


def test_every_status_that_depends_on_a_bill_says_when_it_was_checked(catalogue):
    unchecked = []
    for mid, m in catalogue.measures.items():
        depends_on_a_bill = m["status"] == "in-voorbereiding" or BILL.search(m.get("status_note", ""))
        if depends_on_a_bill and not m.get("status_checked"):
            unchecked.append(mid)
    assert unchecked == []

