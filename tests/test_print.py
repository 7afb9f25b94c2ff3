"""Printing: the page with the whole menukaart, and the print stylesheet (no browser needed)."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from tests.support import REPO

PRINT_PAGE = "menukaart-afdrukken.html"


def article(site: Path, path: str) -> str:
    html = (site / path).read_text(encoding="utf-8")
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# The menukaart's order, written out: category (bestuursrechtelijk, strafrechtelijk, fiscaal,
# privaat-publiek, informatie, internationaal), then title.
PUBLIC_ORDER = ["bibob-toets", "sluiting-woning", "vervolging-smokkel", "illegale-tewerkstelling", "grensmelding",
                "mobiel-toezicht"]
INTERNAL_ORDER = PUBLIC_ORDER + ["zwaluw-werkwijze"]  # "Zwaluwstaart-werkwijze", after "Controles in ..."


def expected_order(edition: str) -> list[str]:
    return PUBLIC_ORDER if edition == "public" else INTERNAL_ORDER


# What the fixture's sluiting-woning.yaml says, as a reader sees it below the title: its own
# page and its section of the print page must both show exactly this.
SLUITING_WONING_TEXT = (
    "De burgemeester sluit een woning die als safehouse dient. Kenmerk Gegevens Soort maatregel Bestuursrechtelijk "
    "Bevoegd gezag Gemeente : burgemeester Wettelijke grondslag Gemeentewet , artikel 174a Status In werking Fasen van de "
    "keten Verblijf en identiteit Doel Het netwerk verliest zijn onderdak. Wanneer inzetten Er is een ernstige "
    "verstoring van de openbare orde. Werkwijze Waarschuwen. Sluiten. Let op Gebruik toezicht niet voor "
    "strafrechtelijk onderzoek. Wettelijke grondslag Gemeentewet , artikel 174a ( officiële tekst ) "
    "Rechtsbescherming Bezwaar en beroep. Barrières die deze maatregel opwerpt Barrières tegen safehouses (fase: "
    "Verblijf en identiteit ) Adresfraude in de basisregistratie (fase: Verblijf en identiteit ) Partners "
    "Regionaal Informatie- en Expertisecentrum ( RIEC ) Verwante maatregelen Integriteitstoets Bronnen Testbron "
    "Laatst gecontroleerd: 1 november 2026")
SLUITING_WONING_SECTIONS = ["Doel", "Wanneer inzetten", "Werkwijze", "Let op", "Wettelijke grondslag",
                            "Rechtsbescherming", "Barrières die deze maatregel opwerpt", "Partners",
                            "Verwante maatregelen", "Bronnen"]


def measures_on_print_page(site: Path) -> list[str]:
    return re.findall(r'<h3 id="maatregel-([a-z0-9-]+)">', article(site, PRINT_PAGE))


def sections(html: str, level: int) -> list[str]:
    return [text(h) for h in re.findall(rf"<h{level}\b[^>]*>(.*?)</h{level}>", html, re.S)]


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_print_page_holds_every_measure_once_in_menukaart_order(fixture_sites, edition):
    found = measures_on_print_page(fixture_sites[edition])
    assert found == expected_order(edition)
    assert len(found) == len(set(found))


def test_internal_measures_only_in_the_internal_edition(fixture_sites):
    public, internal = measures_on_print_page(fixture_sites["public"]), measures_on_print_page(fixture_sites["internal"])
    assert "zwaluw-werkwijze" in internal and "zwaluw-werkwijze" not in public
    assert set(public) < set(internal)
    assert "zwaluw" not in (fixture_sites["public"] / PRINT_PAGE).read_text(encoding="utf-8").lower()


def test_print_page_says_which_edition_and_warns_in_the_internal_one(fixture_sites):
    public, internal = article(fixture_sites["public"], PRINT_PAGE), article(fixture_sites["internal"], PRINT_PAGE)
    assert "Uitgave 1 van 23 november 2026, openbare editie." in text(public)
    assert "Uitgave 1 van 23 november 2026, interne editie." in text(internal)
    assert "Interne editie: bevat interne informatie" in internal and "admonition warning" in internal
    assert "interne informatie" not in text(public).lower()
    # The internal measure itself is marked, in the contents and in its own text.
    assert re.search(r'href="#maatregel-zwaluw-werkwijze">[^<]+</a> <span class="mk-badge mk-badge--internal">intern</span>',
                     internal)
    zwaluw = internal.split('id="maatregel-zwaluw-werkwijze"', 1)[1].split("<h3 ", 1)[0]
    assert "Interne informatie" in zwaluw


def test_categories_start_new_printed_pages_and_the_contents_link_to_every_measure(fixture_sites):
    html = article(fixture_sites["public"], PRINT_PAGE)
    categories = re.findall(r'<h2 class="mk-print-category" id="soort-([a-z-]+)">', html)
    assert categories == ["bestuursrechtelijk", "strafrechtelijk", "privaat-publiek", "informatie"]
    contents = html.split('id="inhoud"', 1)[1].split("<h2 ", 1)[0]
    assert re.findall(r'href="#soort-([a-z-]+)"', contents) == categories
    assert re.findall(r'href="#maatregel-([a-z0-9-]+)"', contents) == expected_order("public")


def test_measure_on_print_page_has_the_same_sections_as_its_own_page_one_level_deeper(fixture_sites):
    site = fixture_sites["internal"]
    printed = article(site, PRINT_PAGE)
    own = article(site, "maatregelen/sluiting-woning.html")
    part = printed.split('<h3 id="maatregel-sluiting-woning">', 1)[1].split("</h3>", 1)[1]
    part = re.split(r"<h[23] ", part, maxsplit=1)[0]
    assert sections(own, 2) == SLUITING_WONING_SECTIONS
    assert sections(part, 4) == SLUITING_WONING_SECTIONS
    assert sections(part, 2) == sections(part, 3) == []
    assert text(own.split("</h1>", 1)[1]) == SLUITING_WONING_TEXT
    assert text(part) == SLUITING_WONING_TEXT
    for mid in expected_order("internal"):  # every measure: its own sections, one level deeper
        own = article(site, f"maatregelen/{mid}.html")
        part = printed.split(f'<h3 id="maatregel-{mid}">', 1)[1].split("</h3>", 1)[1]
        part = re.split(r"<h[23] ", part, maxsplit=1)[0]
        assert sections(own, 2) and sections(part, 4) == sections(own, 2), mid


def test_entry_page_keeps_its_structure(fixture_sites):
    """The entry page's content now comes from the shared macro; its headings did not move."""
    html = article(fixture_sites["public"], "maatregelen/sluiting-woning.html")
    assert sections(html, 1) == ["Woning sluiten"]
    assert sections(html, 2) == ["Doel", "Wanneer inzetten", "Werkwijze", "Let op", "Wettelijke grondslag",
                                 "Rechtsbescherming", "Barrières die deze maatregel opwerpt", "Partners",
                                 "Verwante maatregelen", "Bronnen"]
    assert sections(html, 3) == sections(html, 4) == []
    assert 'id="doel"' in html and 'id="bronnen"' in html
    assert re.search(r"<table>\s*<thead>\s*<tr>\s*<th>Kenmerk</th>", html)
    assert 'href="../partners/gemeente.html"' in html


def test_print_page_ids_are_unique_and_links_lead_to_pages_that_exist(fixture_sites):
    site = fixture_sites["internal"]
    html = (site / PRINT_PAGE).read_text(encoding="utf-8")
    body = article(site, PRINT_PAGE)
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    # section headings carry their measure's id, not Markdown's numbered ones ("doel_1")
    sections_ids = re.findall(r'<h4 id="([^"]+)"', body)
    assert sections_ids and all(re.fullmatch(r"maatregel-[a-z0-9-]+-[a-z-]+", i) for i in sections_ids)
    assert 'id="maatregel-sluiting-woning-doel"' in body
    assert not re.search(r'id="[^"]*_\d+"', body)
    for href in set(re.findall(r'href="([^"#]+)(?:#[^"]*)?"', body)):
        if href.startswith(("http://", "https://")):
            continue
        assert not href.startswith(("../", "/")), href
        assert (site / href).is_file(), href
    for anchor in set(re.findall(r'href="#([^"]+)"', body)):
        assert f'id="{anchor}"' in html, anchor


def test_print_page_is_in_the_navigation_with_a_print_button(fixture_sites):
    site = fixture_sites["public"]
    nav = (site / "index.html").read_text(encoding="utf-8").split('<nav class="md-nav md-nav--primary"', 1)[1]
    assert f'<a href="{PRINT_PAGE}" class="md-nav__link">' in nav
    button = re.search(r"<button [^>]*>Afdrukken of opslaan als pdf</button>", article(site, PRINT_PAGE)).group(0)
    assert 'type="button"' in button and "mk-no-print" in button and 'onclick="window.print()"' in button


def test_every_page_loads_the_print_stylesheet(fixture_sites):
    site = fixture_sites["public"]
    assert (site / "assets/stylesheets/print.css").is_file()
    for path in ("index.html", "maatregelen/sluiting-woning.html", PRINT_PAGE):
        prefix = "../" * path.count("/")
        assert f'href="{prefix}assets/stylesheets/print.css"' in (site / path).read_text(encoding="utf-8"), path


def test_print_stylesheet_only_applies_to_print():
    css = re.sub(r"/\*.*?\*/", "", (REPO / "docs/assets/stylesheets/print.css").read_text(encoding="utf-8"), flags=re.S)
    css = css.strip()
    assert css.startswith("@media print {") and css.endswith("}")
    depth = 0
    for position, char in enumerate(css):
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth > 0 or position == len(css) - 1 or position < len("@media print {") - 1, \
            f"a rule outside @media print, near: {css[position:position + 60]!r}"
    assert depth == 0


def test_the_sidebar_of_the_print_page_lists_categories_and_measures_not_their_sections(fixture_sites):
    """An h4 per section of every measure in the sidebar made the page unusably slow at scale."""
    html = (fixture_sites["public"] / PRINT_PAGE).read_text(encoding="utf-8")
    sidebar = html.split('<nav class="md-nav md-nav--secondary"', 1)[1].split("</nav>\n</div>", 1)[0]
    targets = sorted(set(re.findall(r'href="#([^"]+)"', sidebar)))
    assert targets == sorted(["inhoud", "soort-bestuursrechtelijk", "soort-strafrechtelijk", "soort-privaat-publiek",
                              "soort-informatie", *(f"maatregel-{mid}" for mid in PUBLIC_ORDER)])


# Beyond render.PRINT_WHOLE_UP_TO measures the printable menukaart is split per category. The
# fixture is small, so the test lowers the limit below its size and builds it for real.
FIXTURE_CATEGORIES = {"bestuursrechtelijk": "Bestuursrechtelijk", "strafrechtelijk": "Strafrechtelijk",
                      "privaat-publiek": "Privaat-publiek", "informatie": "Informatie en signalering"}


@pytest.fixture(scope="module")
def split_print_site(tmp_path_factory):
    from menukaart import render
    limit = render.PRINT_WHOLE_UP_TO
    render.PRINT_WHOLE_UP_TO = 3
    try:
        out = tmp_path_factory.mktemp("split") / "site"
        from tests.support import FIXTURE_CONTENT, build
        assert build(FIXTURE_CONTENT, out, "internal") == 0
        return out
    finally:
        render.PRINT_WHOLE_UP_TO = limit


def test_a_large_menukaart_prints_per_category_from_a_list_of_parts(split_print_site):
    site = split_print_site
    listing = article(site, PRINT_PAGE)
    parts = re.findall(r'<a href="afdrukken/([a-z-]+)\.html">([^<]+)</a>: (\d+) maatregel', listing)
    assert [(key, label) for key, label, _ in parts] == list(FIXTURE_CATEGORIES.items())
    assert "te veel om als één pagina af te drukken" in text(listing)
    assert "Uitgave 1 van 23 november 2026, interne editie." in text(listing)
    assert "maatregel-" not in listing and "Afdrukken of opslaan als pdf" not in listing
    printed = []
    for key, label, count in parts:
        page = article(site, f"afdrukken/{key}.html")
        assert sections(page, 1) == [f"Menukaart afdrukken: {label}"]
        assert re.findall(r'<h2 class="mk-print-category" id="soort-([a-z-]+)">', page) == [key]
        found = re.findall(r'<h3 id="maatregel-([a-z0-9-]+)">', page)
        assert len(found) == int(count), key
        assert "Afdrukken of opslaan als pdf" in page and 'href="../menukaart-afdrukken.html"' in page
        assert "Interne editie: bevat interne informatie" in page
        for href in set(re.findall(r'href="([^"#]+)(?:#[^"]*)?"', page)) - {"../menukaart-afdrukken.html"}:
            if not href.startswith(("http://", "https://")):
                assert (site / "afdrukken" / href).resolve().is_file(), href
        printed += found
    assert printed == expected_order("internal")  # every measure once, in the menukaart's order
    nav = (site / "index.html").read_text(encoding="utf-8").split('<nav class="md-nav md-nav--primary"', 1)[1]
    assert "afdrukken/" not in nav  # the parts are reached from the list, not from the menu
