"""The built site: reverse links, editions, escaping and the offline zip (no browser needed)."""
from __future__ import annotations

import re
import zipfile
from html import unescape
from pathlib import Path

from tests.support import build


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def article(html: str) -> str:
    """The page's own content, without navigation."""
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def test_barrier_lists_the_measures_that_raise_it(fixture_sites):
    html = article(page(fixture_sites["public"], "barrieres/online-aanbod.html"))
    assert 'href="../maatregelen/bibob-toets.html"' in html
    assert 'href="../maatregelen/vervolging-smokkel.html"' in html
    assert "maatregelen/sluiting-woning.html" not in html


def test_partner_lists_its_measures_and_barriers(fixture_sites):
    html = article(page(fixture_sites["public"], "partners/riec.html"))
    for measure in ("sluiting-woning", "bibob-toets", "illegale-tewerkstelling", "mobiel-toezicht"):
        assert f'href="../maatregelen/{measure}.html"' in html
    for barrier in ("ronselaars", "informatie-delen"):
        assert f'href="../barrieres/{barrier}.html"' in html
    authority = article(page(fixture_sites["public"], "partners/om.html")).split('id="betrokken-bij-maatregelen"')[0]
    assert "vervolging-smokkel.html" in authority and "illegale-tewerkstelling.html" in authority


def test_law_lists_measures_by_article(fixture_sites):
    html = article(page(fixture_sites["public"], "wetten/wetboek-van-strafrecht.html"))
    rows = re.findall(r"<tr>\s*<td>([^<]*)</td>\s*<td><a href=\"../maatregelen/([^\"]+)\.html\"", html)
    assert rows == [("197a", "vervolging-smokkel"), ("197b", "illegale-tewerkstelling")]


def test_related_measures_link_both_ways(fixture_sites):
    assert 'href="bibob-toets.html"' in article(page(fixture_sites["public"], "maatregelen/sluiting-woning.html"))
    assert 'href="sluiting-woning.html"' in article(page(fixture_sites["public"], "maatregelen/bibob-toets.html"))


def test_matrix_shows_phases_in_chain_order_with_counts(fixture_sites):
    html = article(page(fixture_sites["public"], "barrieremodel.html"))
    phases = re.findall(r'href="fases/([^"]+)\.html"', html)
    assert phases == ["werving", "vervoer", "verblijf", "informatie"]
    online = html.split('href="barrieres/online-aanbod.html"', 1)[1]
    assert re.match(r'[^<]*</a>\s*<span class="mk-count">2 maatregelen</span>', online)


def test_menukaart_groups_measures_by_category(fixture_sites):
    html = article(page(fixture_sites["public"], "maatregelen/index.html"))
    sections = re.split(r"<h2 ", html)[1:]
    names = [re.search(r'id="([^"]+)"', s).group(1) for s in sections]
    assert names == ["bestuursrechtelijk", "strafrechtelijk", "privaat-publiek", "informatie"]
    assert "sluiting-woning.html" in sections[0] and "vervolging-smokkel.html" in sections[1]


def status_row(html: str) -> str:
    """The text of a measure card's Status row."""
    cell = re.search(r"<td>Status</td>\s*<td>(.*?)</td>", html, re.S).group(1)
    return unescape(re.sub(r"<[^>]+>", "", cell)).strip()


def test_status_row_says_what_its_dates_are(fixture_sites):
    site = fixture_sites["public"]
    preparing = status_row(article(page(site, "maatregelen/illegale-tewerkstelling.html")))
    assert preparing == "In voorbereiding, verwacht per 1 januari 2027; stand van zaken op 1 oktober 2026"
    in_force = status_row(article(page(site, "maatregelen/vervolging-smokkel.html")))
    assert in_force == "In werking; stand van zaken op 1 mei 2026"
    assert status_row(article(page(site, "maatregelen/sluiting-woning.html"))) == "In werking"
    for html_page in site.rglob("*.html"):
        assert "sinds of per" not in html_page.read_text(encoding="utf-8"), html_page


def test_status_text_for_every_status_and_date():
    from menukaart.render import environment
    macro = environment().from_string("{% import '_macros.j2' as m %}{{ m.status_text(e) }}")
    def text(**e):
        return macro.render(e=e)
    assert text(status="in-werking", status_date="2023-07-01") == "In werking sinds 1 juli 2023"
    assert text(status="in-voorbereiding", status_date="2027-01-01", status_checked="2026-12-02") == \
        "In voorbereiding, verwacht per 1 januari 2027; stand van zaken op 2 december 2026"
    assert text(status="in-voorbereiding", status_checked="2026-12-02") == \
        "In voorbereiding; stand van zaken op 2 december 2026"
    assert text(status="te-controleren", status_date="2016-07-01") == \
        "Nog te controleren (datum nog niet bevestigd: 1 juli 2016)"
    assert text(status="te-controleren") == "Nog te controleren"


def test_abbreviations_are_explained_where_they_appear(fixture_sites):
    html = article(page(fixture_sites["public"], "maatregelen/vervolging-smokkel.html"))
    assert '<abbr title="Openbaar Ministerie">OM</abbr>' in html


def test_entry_pages_keep_entries_out_of_the_navigation(fixture_sites):
    html = page(fixture_sites["public"], "maatregelen/sluiting-woning.html")
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "bibob-toets" not in nav and "safehouses" not in nav


def test_public_edition_has_no_trace_of_internal_entries(fixture_sites):
    site = fixture_sites["public"]
    assert not (site / "maatregelen/zwaluw-werkwijze.html").exists()
    assert not (site / "barrieres/zwaluw-route.html").exists()
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            assert b"zwaluw" not in data, f"internal entry leaks into {path.relative_to(site)}"
    with zipfile.ZipFile(fixture_sites["dist"] / "menukaart-mensensmokkel.zip") as archive:
        for name in archive.namelist():
            assert b"zwaluw" not in archive.read(name).lower(), name


def test_internal_edition_includes_and_marks_internal_entries(fixture_sites):
    site = fixture_sites["internal"]
    html = page(site, "maatregelen/zwaluw-werkwijze.html")
    assert "Interne informatie" in article(html)
    assert "Interne editie" in html
    barrier = article(page(site, "barrieres/grenscontrole.html"))
    assert re.search(r'href="../maatregelen/zwaluw-werkwijze.html">[^<]+</a> <span class="mk-badge mk-badge--internal">intern</span>', barrier)
    assert "zwaluw" in page(site, "assets/search/documents.js").lower()


def test_offline_zip_has_a_start_page_and_the_whole_site(fixture_sites):
    site = fixture_sites["public"]
    with zipfile.ZipFile(fixture_sites["dist"] / "menukaart-mensensmokkel.zip") as archive:
        names = set(archive.namelist())
        start = archive.read("start.html").decode()
    assert 'url=menukaart/index.html' in start and 'href="menukaart/index.html"' in start
    built = {f"menukaart/{p.relative_to(site).as_posix()}" for p in site.rglob("*") if p.is_file()}
    assert built <= names and names - built == {"start.html"}


def test_no_page_refers_to_anything_outside_the_site(fixture_sites):
    """Scripts, styles, fonts and images all come from the site itself (links to sources are fine)."""
    site = fixture_sites["public"]
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), f"{path.name}: {tag}"
        assert "fonts.googleapis" not in html and "unpkg.com" not in html


def test_yaml_text_is_shown_not_interpreted(content, tmp_path):
    measure = content / "measures/bibob-toets.yaml"
    text = measure.read_text(encoding="utf-8")
    hostile = ('"<script>alert(1)</script> [klik](javascript:alert(2)) <img src=x onerror=alert(3)> '
               '**vet** | kolom | &amp; {: .x}"')
    measure.write_text(text.replace(
        "summary: De gemeente toetst een aanvraag voor een vergunning op ernstig gevaar van misbruik.",
        f"summary: {hostile}").replace("title: Integriteitstoets", 'title: "# Kop <b>dik</b>"'), encoding="utf-8")
    out = tmp_path / "site"
    assert build(content, out) == 0
    html = article(page(out, "maatregelen/bibob-toets.html"))
    # Nothing became markup: no script, image, bold, emphasis or link to javascript.
    for tag in ("<script", "<img", "<b>", "<strong>vet", 'href="javascript'):
        assert tag not in html
    # ...and the reader sees exactly what the adviser typed.
    shown = unescape(re.sub(r"<[^>]+>", "", html))
    assert "<script>alert(1)</script> [klik](javascript:alert(2)) <img src=x onerror=alert(3)>" in shown
    assert "**vet** | kolom | &amp; {: .x}" in shown
    assert "# Kop <b>dik</b>" in shown
    for other in (out / "maatregelen/index.html", out / "barrieres/online-aanbod.html"):
        assert "<script>alert" not in other.read_text(encoding="utf-8")


def links_in(site: Path, path: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', article(page(site, path)))


def test_phase_pages_list_measures_reached_through_any_of_their_barriers(fixture_sites):
    """mobiel-toezicht reaches 'informatie' through its second barrier (informatie-delen), and
    vervolging-smokkel reaches 'werving' through its second barrier (online-aanbod)."""
    site = fixture_sites["public"]
    assert [h for h in links_in(site, "fases/informatie.html") if "maatregelen/" in h] == \
        ["../maatregelen/mobiel-toezicht.html"]
    assert [h for h in links_in(site, "fases/werving.html") if "maatregelen/" in h] == \
        ["../maatregelen/bibob-toets.html", "../maatregelen/vervolging-smokkel.html",
         "../maatregelen/illegale-tewerkstelling.html"]
    assert [h for h in links_in(site, "fases/vervoer.html") if "maatregelen/" in h] == \
        ["../maatregelen/mobiel-toezicht.html", "../maatregelen/vervolging-smokkel.html"]
    import csv
    with (site / "downloads/menukaart-mensensmokkel-fasen.csv").open(encoding="utf-8-sig", newline="") as f:
        phases = {row["Id"]: row["Maatregelen"] for row in csv.DictReader(f)}
    assert phases["werving"] == ("Integriteitstoets; Vervolging van smokkelaars; "
                                 "Werkgevers van gesmokkelde werknemers aanpakken")
    assert phases["informatie"] == "Controles in treinen en bussen"


def test_barrier_phase_and_law_pages_link_to_the_filtered_menukaart(fixture_sites):
    site = fixture_sites["public"]
    for path, link, label in [
        ("barrieres/online-aanbod.html", "../menukaart.html?barriere=online-aanbod",
         "Bekijk deze 2 maatregelen in de menukaart en filter verder"),
        ("fases/werving.html", "../menukaart.html?fase=werving",
         "Bekijk deze 3 maatregelen in de menukaart en filter verder"),
        ("wetten/wetboek-van-strafrecht.html", "../menukaart.html?wet=wetboek-van-strafrecht",
         "Bekijk deze 2 maatregelen in de menukaart en filter verder"),
        ("fases/informatie.html", "../menukaart.html?fase=informatie",
         "Bekijk deze maatregel in de menukaart en filter verder"),
    ]:
        html = article(page(site, path))
        assert f'<a href="{link}">{label}</a>' in html, path


def test_a_public_measure_whose_only_barrier_is_internal(fixture_sites):
    public = article(page(fixture_sites["public"], "maatregelen/grensmelding.html"))
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", public)).split())
    assert "Fasen van de keten geen" in text and "Geen barrières in deze editie." in text
    assert "barrieres/" not in public and "fases/" not in public
    internal = article(page(fixture_sites["internal"], "maatregelen/grensmelding.html"))
    assert 'href="../barrieres/zwaluw-route.html"' in internal and 'href="../fases/vervoer.html"' in internal


def test_text_items_that_look_like_markdown_lists_stay_text(content, tmp_path):
    measure = content / "measures/sluiting-woning.yaml"
    text = measure.read_text(encoding="utf-8").replace(
        "  - Er is een ernstige verstoring van de openbare orde.\n",
        "  - 1. eerste stap\n  - '- streepje'\n  - '+ plus'\n  - 2) tweede stap\n")
    measure.write_text(text.replace("aim: Het netwerk verliest zijn onderdak.", "aim: '1. Het netwerk verliest'"),
                       encoding="utf-8")
    out = tmp_path / "site"
    assert build(content, out) == 0
    html = article(page(out, "maatregelen/sluiting-woning.html"))
    conditions = html.split('id="wanneer-inzetten"', 1)[1].split("<h2", 1)[0]
    items = [unescape(re.sub(r"<[^>]+>", "", li)).strip() for li in re.findall(r"<li>(.*?)</li>", conditions, re.S)]
    assert items == ["1. eerste stap", "- streepje", "+ plus", "2) tweede stap"]
    assert "<ol" not in conditions and conditions.count("<ul>") == 1
    aim = html.split('id="doel"', 1)[1].split("<h2", 1)[0]
    assert "<ol" not in aim and "1. Het netwerk verliest" in unescape(re.sub(r"<[^>]+>", "", aim))


def test_internal_edition_says_so_on_every_page_and_public_pages_never(fixture_sites):
    for edition, expected in (("internal", True), ("public", False)):
        for path in fixture_sites[edition].rglob("*.html"):
            html = path.read_text(encoding="utf-8")
            if 'name="menukaart-redirect"' in html:
                continue
            assert ("<strong>Interne editie.</strong>" in html) is expected, path.name


def test_article_numbers_such_as_3_3_stay_text(content, tmp_path):
    measure = content / "measures/bibob-toets.yaml"
    measure.write_text(measure.read_text(encoding="utf-8").replace("    article: 3\n", "    article: 3:3\n"),
                       encoding="utf-8")
    out = tmp_path / "site"
    assert build(content, out) == 0
    assert "Wet Bibob</a>, artikel 3:3" in article(page(out, "maatregelen/bibob-toets.html"))
    assert "183" not in article(page(out, "maatregelen/bibob-toets.html"))  # YAML 1.1 reads 3:3 as 183


def test_a_name_that_holds_its_abbreviation_does_not_repeat_it():
    from menukaart.catalogue import display_name
    assert display_name({"name": "Openbaar Ministerie", "abbreviation": "OM"}) == "Openbaar Ministerie (OM)"
    frontex = "Frontex (Europees Grens- en kustwachtagentschap)"
    assert display_name({"name": frontex, "abbreviation": "Frontex"}) == frontex
    assert display_name({"name": "Internationale Criminele Politieorganisatie (Interpol)", "abbreviation": "Interpol"}) \
        == "Internationale Criminele Politieorganisatie (Interpol)"
    assert display_name({"name": "Romeinse Orde", "abbreviation": "OM"}) == "Romeinse Orde (OM)"  # not inside a word
    assert display_name({"name": "Gemeente"}) == "Gemeente"


def test_real_partner_labels_name_the_abbreviation_once(real_site):
    for path in ("partners/frontex.html", "partners/index.html", "barrieremodel.html", "assets/menukaart/facets.js"):
        text = (real_site / path).read_text(encoding="utf-8")
        assert "(Frontex)" not in text and "(Interpol) (Interpol)" not in text and "(Europol)" not in text, path
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page(real_site, "partners/frontex.html")).group(1)
    assert re.sub(r"<[^>]+>", "", heading) == "Frontex (Europees Grens- en kustwachtagentschap)"
