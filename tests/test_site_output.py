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
    assert names == ["bestuursrechtelijk", "strafrechtelijk", "informatie"]
    assert "sluiting-woning.html" in sections[0] and "vervolging-smokkel.html" in sections[1]


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
