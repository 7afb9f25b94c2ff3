"""Releases: the edition line, redirects at former ids, the change page built from the
previous export, and the editors' review list (built sites, no browser)."""
from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

from tests.support import build
from tests.test_site_output import article, page


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_every_page_names_its_release_and_edition(fixture_sites):
    assert "uitgave 1 van 23 november 2026 (openbare editie)" in page(fixture_sites["public"], "maatregelen/bibob-toets.html")
    assert "uitgave 1 van 23 november 2026 (interne editie)" in page(fixture_sites["internal"], "index.html")


def test_former_ids_redirect_to_the_current_page(fixture_sites):
    site = fixture_sites["public"]
    for old in ("woningsluiting", "pand-sluiten"):
        html = page(site, f"maatregelen/{old}.html")
        assert '<meta http-equiv="refresh" content="0; url=sluiting-woning.html">' in html
        assert '<a href="sluiting-woning.html">Woning sluiten</a>' in html
    # Every kind keeps its old ids: barrier, phase, partner and law pages too.
    for old, target, title in [("barrieres/onderdak-adressen", "safehouses", "Barrières tegen safehouses"),
                               ("fases/signalen-delen", "informatie", "Informatiedeling"),
                               ("partners/riec-oud", "riec", "Regionaal Informatie- en Expertisecentrum"),
                               ("wetten/bibob-wet", "wet-bibob", "Wet Bibob")]:
        html = page(site, f"{old}.html")
        assert f'<meta http-equiv="refresh" content="0; url={target}.html">' in html, old
        assert f'<a href="{target}.html">{title}</a>' in html, old
    # An internal entry's old id is part of that entry: only the internal edition has it.
    assert not (site / "maatregelen/zwaluw-oud.html").exists()
    assert "zwaluw-werkwijze.html" in page(fixture_sites["internal"], "maatregelen/zwaluw-oud.html")


def test_review_list_is_internal_and_lists_stale_entries(fixture_sites):
    assert not (fixture_sites["public"] / "redactie.html").exists()
    assert "redactie.html" not in page(fixture_sites["public"], "index.html")
    internal = page(fixture_sites["internal"], "redactie.html")
    listed = text_of(article(internal))
    # edition.yaml: 23 November 2026, interval 12 months → reviewed before 23 November 2025 is stale.
    assert 'href="barrieres/adresfraude.html"' in internal and "1 juni 2025" in listed
    assert 'href="maatregelen/zwaluw-werkwijze.html"' in internal
    assert "maatregelen/bibob-toets.html" not in article(internal)  # reviewed 1 November 2026
    assert 'href="redactie.html"' in page(fixture_sites["internal"], "index.html")  # in the internal navigation


def test_without_a_previous_export_the_change_page_says_so(fixture_sites):
    public = text_of(article(page(fixture_sites["public"], "wijzigingen.html")))
    assert "niet vergeleken met een eerdere uitgave" in public
    assert "--previous" not in public and "build_site" not in public  # no editors' instructions
    assert "--previous" in text_of(article(page(fixture_sites["internal"], "wijzigingen.html")))


def previous_export(site: Path, tmp_path: Path) -> Path:
    target = tmp_path / "vorige.json"
    shutil.copyfile(site / "downloads/menukaart-mensensmokkel.json", target)
    return target


def test_change_page_lists_new_changed_renamed_and_removed(fixture_sites, content, tmp_path, capsys):
    previous = previous_export(fixture_sites["public"], tmp_path)
    (content / "edition.yaml").write_text(
        (content / "edition.yaml").read_text(encoding="utf-8").replace("number: 1", "number: 2"), encoding="utf-8")
    bibob = content / "measures/bibob-toets.yaml"
    bibob.write_text(bibob.read_text(encoding="utf-8").replace("title: Integriteitstoets", "title: Bibob-toets"),
                     encoding="utf-8")
    # Rename mobiel-toezicht → grenstoezicht (the old id becomes a redirect).
    old = content / "measures/mobiel-toezicht.yaml"
    (content / "measures/grenstoezicht.yaml").write_text(
        old.read_text(encoding="utf-8").replace("id: mobiel-toezicht", "id: grenstoezicht\nformer_ids: [mobiel-toezicht]"),
        encoding="utf-8")
    old.unlink()
    # Remove one measure (nothing refers to it), add one.
    (content / "measures/illegale-tewerkstelling.yaml").unlink()
    shutil.copyfile(content / "measures/sluiting-woning.yaml", content / "measures/sluiting-bedrijf.yaml")
    new = content / "measures/sluiting-bedrijf.yaml"
    new.write_text(new.read_text(encoding="utf-8").replace("id: sluiting-woning", "id: sluiting-bedrijf")
                   .replace("former_ids: [woningsluiting, pand-sluiten]\n", "").replace("title: Woning sluiten", "title: Bedrijfspand sluiten"),
                   encoding="utf-8")

    out = tmp_path / "site"
    status = build(content, out, previous=previous)
    err = capsys.readouterr().err
    assert status == 0, err
    html = article(page(out, "wijzigingen.html"))
    listed = text_of(html)
    assert "uitgave 2" in listed and "uitgave 1" in listed
    assert 'href="maatregelen/sluiting-bedrijf.html"' in html            # new
    assert re.search(r"Bibob-toets.{0,80}titel", listed)                   # changed, with the field
    assert "mobiel-toezicht" in listed and 'href="maatregelen/grenstoezicht.html"' in html  # renamed
    assert "Werkgevers van gesmokkelde werknemers aanpakken" in listed
    assert "maatregelen/illegale-tewerkstelling.html" not in html  # removed: listed without a link
    assert "zwaluw" not in html.lower()
    assert "Let op" not in err and "Verhoog" not in err  # numbers were raised: no warning about the number
    assert '<meta http-equiv="refresh" content="0; url=grenstoezicht.html">' in page(out, "maatregelen/mobiel-toezicht.html")


def test_broken_previous_export_is_reported_and_the_site_kept(fixture_sites, content, tmp_path, capsys):
    out = tmp_path / "site"
    assert build(content, out) == 0
    before = (out / "index.html").read_bytes()
    broken = tmp_path / "vorige.json"
    broken.write_text('{\n  "format": "menukaart-mensensmokkel",\n  "format_version": 1,\n  oeps\n}\n', encoding="utf-8")
    capsys.readouterr()
    assert build(content, out, previous=broken) == 1
    err = capsys.readouterr().err
    assert re.search(r"vorige\.json:4: .*JSON", err), err
    assert "Traceback" not in err and "niet gebouwd" in err
    assert (out / "index.html").read_bytes() == before


def test_internal_export_cannot_feed_the_public_change_page(fixture_sites, content, tmp_path, capsys):
    internal = tmp_path / "intern.json"
    shutil.copyfile(fixture_sites["internal"] / "downloads/menukaart-mensensmokkel-intern.json", internal)
    assert json.loads(internal.read_text(encoding="utf-8"))["edition"]["kind"] == "internal"
    assert build(content, tmp_path / "site", previous=internal) == 1
    err = capsys.readouterr().err.split("\n")
    assert err[0] == (f"{internal.as_posix()}:1: edition.kind: de vorige export bevat interne informatie (2 items zijn "
                      "niet openbaar, het eerste is measures[6]); een openbare editie mag daar niet mee worden "
                      "vergeleken, want dan komen interne items op de openbare site. Gebruik de export van de vorige "
                      "openbare editie.")
    assert err[1:3] == ["1 fout gevonden.", "De site is niet gebouwd; de vorige versie is ongewijzigd."]


def test_a_previous_export_of_the_same_release_number_gets_a_warning(fixture_sites, content, tmp_path, capsys):
    previous = previous_export(fixture_sites["public"], tmp_path)
    assert build(content, tmp_path / "site", previous=previous) == 0
    assert capsys.readouterr().err.split("\n")[0] == ("Let op: de vorige export is uitgave 1, deze uitgave heeft "
                                                      "nummer 1. Verhoog 'number' in edition.yaml.")


def test_bad_previous_export_and_bad_content_are_reported_together(fixture_sites, content, tmp_path, capsys):
    broken = tmp_path / "vorige.json"
    broken.write_text("{oeps", encoding="utf-8")
    (content / "measures/bibob-toets.yaml").write_text("id: [\n", encoding="utf-8")
    assert build(content, tmp_path / "site", previous=broken) == 1
    err = capsys.readouterr().err.split("\n")
    assert err[0] == f"{broken.as_posix()}:1: -: geen geldige JSON (kolom 2): Expecting property name enclosed in double quotes"
    assert err[1].startswith("measures/bibob-toets.yaml:2: -: YAML-syntaxfout")
    assert err[2:] == ["2 fouten gevonden.", "De site is niet gebouwd; de vorige versie is ongewijzigd.", ""]
    assert not (tmp_path / "site").exists()
