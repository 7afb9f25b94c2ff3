"""What changed since the previous edition, and what the editors should check again."""
from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path

import markdown
import pytest

from menukaart import changes, review
from menukaart.exports import export_data
from menukaart.changes import (ChangedEntry, EditionInfo, EntryRef, FieldChange, FormerEntry, KindChanges,
                               RenamedEntry, compare)
from menukaart.previous_export import load_previous
from menukaart.render import Helpers, environment
from menukaart.review import (CheckEntry, StaleEntry, StatusCheckEntry, months_before, months_between, review_report,
                              stale_entries, status_checks)
from menukaart.validate import load_catalogue
from tests.support import FIXTURE_CONTENT


HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1))"


@pytest.fixture(scope="module")
def full():
    cat, problems = load_catalogue(FIXTURE_CONTENT)
    assert not problems, problems.report()
    return cat


@pytest.fixture
def public(full):
    return full.for_edition("public")


def export(cat) -> dict:
    """The catalogue in the export shape: the very JSON a build writes, and --previous reads back."""
    return export_data(cat)


def by_id(data: dict, kind: str) -> dict[str, dict]:
    return {r["id"]: r for r in data[kind]}


def remove(data: dict, kind: str, entry_id: str) -> dict:
    record = by_id(data, kind)[entry_id]
    data[kind].remove(record)
    return record


def edited(public) -> tuple[dict, dict]:
    """(previous, current): current is the fixture's public edition; previous is edited to differ.

    measures: mobiel-toezicht is new; bibob-toets had another title and summary;
    cameratoezicht is removed; vervolging was renamed to vervolging-smokkel (and its
    title changed); woningsluiting and pand-sluiten were merged into sluiting-woning.
    barriers: ronselaars-online was merged into the existing ronselaars.
    phases: werving had another summary. glossary: one term changed case and meaning,
    one term is removed. partners and laws are unchanged.
    """
    current = export(public)
    previous = copy.deepcopy(current)
    previous["edition"].update(number=1, date="2026-05-01")
    current["edition"].update(number=2, date="2026-11-23")

    remove(previous, "measures", "mobiel-toezicht")
    bibob = by_id(previous, "measures")["bibob-toets"]
    bibob.update(title="Bibob-toets", summary="Oude samenvatting.", page="ergens/anders.html")
    previous["measures"].append({**bibob, "id": "cameratoezicht", "title": "Cameratoezicht",
                                 "page": "maatregelen/cameratoezicht.html"})

    vervolging = remove(previous, "measures", "vervolging-smokkel")
    previous["measures"].append({**vervolging, "id": "vervolging", "title": "Smokkelaars vervolgen"})
    by_id(current, "measures")["vervolging-smokkel"]["former_ids"] = ["vervolging"]

    woning = remove(previous, "measures", "sluiting-woning")
    previous["measures"].append({**woning, "id": "woningsluiting", "former_ids": ["heel-oud"]})
    previous["measures"].append({**woning, "id": "pand-sluiten", "title": "Pand sluiten",
                                 "reviewed": "2025-01-01", "related": []})
    by_id(current, "measures")["sluiting-woning"]["former_ids"] = ["woningsluiting", "pand-sluiten"]

    ronselaars = by_id(previous, "barriers")["ronselaars"]
    previous["barriers"].append({**ronselaars, "id": "ronselaars-online", "title": "Ronselaars online",
                                 "keywords": ["sociale media"]})
    by_id(current, "barriers")["ronselaars"]["former_ids"] = ["ronselaars-online"]

    by_id(previous, "phases")["werving"]["summary"] = "Anders."

    om = next(t for t in previous["glossary"] if t["term"] == "Openbaar Ministerie")
    om.update(term="openbaar ministerie", meaning="Oud.")
    previous["glossary"].append({"term": "Vreemdelingenpolitie", "meaning": "Afdeling van de politie."})
    return previous, current


# The words the change page uses: each field's schema title, in a sentence.
LABELS = {"title": "titel", "summary": "samenvatting", "related": "verwante maatregelen",
          "reviewed": "laatst gecontroleerd", "keywords": "zoekwoorden", "term": "begrip", "meaning": "betekenis"}


def fields(*keys: str) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(k, LABELS[k]) for k in keys)


# --- compare ---------------------------------------------------------------------------------------

def test_compare_reports_new_changed_renamed_merged_and_removed(public):
    previous, current = edited(public)
    report = compare(previous, current)

    assert report.previous == EditionInfo(1, "2026-05-01", "public")
    assert report.current == EditionInfo(2, "2026-11-23", "public")
    assert [k.kind for k in report.kinds] == ["measures", "barriers", "phases", "partners", "laws", "glossary"]
    assert report.kind("measures") == KindChanges(
        kind="measures", entry_kind="measure", label="Maatregelen",
        new=[EntryRef("mobiel-toezicht", "Controles in treinen en bussen")],
        changed=[ChangedEntry("bibob-toets", "Integriteitstoets", fields("title", "summary"))],
        renamed=[
            RenamedEntry("vervolging-smokkel", "Vervolging van smokkelaars", "hernoemd", (
                FormerEntry("vervolging", "Smokkelaars vervolgen", fields("title")),
            )),
            RenamedEntry("sluiting-woning", "Woning sluiten", "samengevoegd", (
                FormerEntry("pand-sluiten", "Pand sluiten", fields("title", "related", "reviewed")),
                FormerEntry("woningsluiting", "Woning sluiten", ()),
            )),
        ],
        removed=[EntryRef("cameratoezicht", "Cameratoezicht")],
    )
    # Merged into an entry that already existed: both old entries now live under its id.
    assert report.kind("barriers") == KindChanges(
        kind="barriers", entry_kind="barrier", label="Barrières",
        renamed=[RenamedEntry("ronselaars", "Ronselaars in beeld", "samengevoegd", (
            FormerEntry("ronselaars-online", "Ronselaars online", fields("title", "keywords")),
        ))],
    )
    assert report.kind("phases").changed == [ChangedEntry("werving", "Werving en aanbod", fields("summary"))]
    assert report.kind("phases").new == report.kind("phases").removed == []
    assert report.kind("partners").empty and report.kind("laws").empty
    # Glossary terms are matched on the term, ignoring case: a new capital is a change, not new + removed.
    assert report.kind("glossary") == KindChanges(
        kind="glossary", entry_kind=None, label="Begrippen",
        changed=[ChangedEntry("Openbaar Ministerie", "Openbaar Ministerie", fields("term", "meaning"))],
        removed=[EntryRef("Vreemdelingenpolitie", "Vreemdelingenpolitie")],
    )
    assert report.has_changes
    assert report.totals() == {"new": 1, "changed": 3, "renamed": 3, "removed": 2}


def test_same_export_has_no_changes_and_page_and_former_ids_are_ignored(public):
    current = export(public)
    previous = copy.deepcopy(current)
    for record in previous["measures"]:
        record["page"] = "oud/" + record["id"] + ".html"
        record["former_ids"] = ["iets-anders"]
    report = compare(previous, current)
    assert not report.has_changes
    assert all(k.empty for k in report.kinds)


def test_missing_field_equals_empty_field_and_fields_follow_schema_order():
    before = {"id": "a", "title": "A", "related": [], "reviewed": "2026-01-01", "zz_new": 1}
    after = {"id": "a", "title": "B", "reviewed": "2026-02-01", "summary": "S", "legal_basis": [{"law": "x"}]}
    assert changes.changed_fields("measures", before, after) == (
        FieldChange("title", "titel"), FieldChange("summary", "samenvatting"),
        FieldChange("legal_basis", "wettelijke grondslag"), FieldChange("reviewed", "laatst gecontroleerd"),
        FieldChange("zz_new", "zz_new"),  # a field the schema does not know (an older export) keeps its key
    )
    partner = changes.changed_fields("partners", {"id": "p", "kind": "gemeente"}, {"id": "p", "kind": "internationaal"})
    assert partner == (FieldChange("kind", "soort organisatie"),)


def test_rename_of_a_gone_id_that_nobody_claims_is_a_removal():
    def data(measures):
        return {"edition": {"number": 1, "date": "2026-01-01", "kind": "public"}, "measures": measures}
    previous = data([{"id": "oud", "title": "Oud"}])
    current = data([{"id": "nieuw", "title": "Nieuw", "former_ids": ["iets-anders"]}])
    m = compare(previous, current).kind("measures")
    assert m.new == [EntryRef("nieuw", "Nieuw")] and m.removed == [EntryRef("oud", "Oud")] and not m.renamed


def test_order_is_by_title_ignoring_case():
    def data(ids_titles):
        return {"edition": {"number": 1, "date": "2026-01-01", "kind": "public"},
                "laws": [{"id": i, "name": t} for i, t in ids_titles]}
    report = compare(data([]), data([("c", "beta"), ("a", "Gamma"), ("b", "alfa")]))
    assert [e.id for e in report.kind("laws").new] == ["b", "c", "a"]


def test_every_schema_field_has_a_dutch_label():
    """Every field of every kind, and every field of a block, carries its Dutch title in the schema."""
    from menukaart.fields import fields as schema_fields
    from menukaart.kinds import KINDS
    found = {}
    for kind in KINDS:
        for f in schema_fields(kind.name):
            found[f"{kind.name}.{f.name}"] = f.label
            found.update({f"{kind.name}.{f.name}.{s.name}": s.label for s in f.subfields})
    assert all(label.strip() for label in found.values())
    assert found["measure.legal_basis"] == "Wettelijke grondslag" and found["measure.examples"] == "Voorbeelden en rechtspraak"
    assert found["measure.legal_basis.article"] == "Artikel" and found["term.meaning"] == "Betekenis"


# --- load_previous ---------------------------------------------------------------------------------

def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "vorige.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_load_previous_reads_an_export(tmp_path, public):
    data = export(public)
    loaded, problems = load_previous(write(tmp_path, data), "public")
    assert problems == []
    assert loaded == json.loads(json.dumps(data))
    assert not compare(loaded, data).has_changes


def test_load_previous_missing_file(tmp_path):
    path = tmp_path / "bestaat-niet.json"
    assert load_previous(path, "public") == (None, [f"{path.as_posix()}:1: -: vorige export bestaat niet; geef het "
                                                    "pad naar het JSON-bestand van de vorige uitgave"])
    data, problems = load_previous(tmp_path, "public")
    assert data is None and "is een map" in problems[0]


def test_load_previous_broken_json_names_line_and_column(tmp_path):
    path = write(tmp_path, '{\n  "format": "menukaart-mensensmokkel",\n  "format_version": 1\n  "edition": {}\n}\n')
    data, problems = load_previous(path, "public")
    assert data is None
    assert problems == [f"{path.as_posix()}:4: -: geen geldige JSON (kolom 3): Expecting ',' delimiter"]


def test_load_previous_not_utf8(tmp_path):
    path = tmp_path / "vorige.json"
    path.write_bytes(b'{\n"format": "\xff"}')
    data, problems = load_previous(path, "public")
    assert data is None and problems[0].startswith(f"{path.as_posix()}:2: -: bestand is geen UTF-8 (byte 13)")


@pytest.mark.parametrize("content, expected", [
    ([1, 2], "format: dit is geen export van de menukaart"),
    ({"format": "iets-anders"}, "format: dit is geen export van de menukaart"),
    ({"format": "menukaart-mensensmokkel", "format_version": 2}, "format_version: onbekende versie 2"),
    ({"format": "menukaart-mensensmokkel"}, "format_version: onbekende versie null"),
])
def test_load_previous_refuses_other_files(tmp_path, content, expected):
    path = write(tmp_path, content)
    data, problems = load_previous(path, "public")
    assert data is None and len(problems) == 1
    assert problems[0].startswith(f"{path.as_posix()}:1: {expected}")


def test_load_previous_names_every_missing_or_broken_part(tmp_path, public):
    data = export(public)
    del data["laws"]
    data["glossary"] = {}
    data["edition"]["date"] = "23-11-2026"
    data["measures"][1] = "tekst"
    data["barriers"][0].pop("id")
    data["phases"].append(dict(data["phases"][0]))
    path = write(tmp_path, data)
    loaded, problems = load_previous(path, "public")
    assert loaded is None
    p = path.as_posix()
    assert problems == [
        f"{p}:1: edition.date: ontbreekt of is geen datum JJJJ-MM-DD",
        f"{p}:1: measures[1]: is geen object",
        f"{p}:1: barriers[0].id: ontbreekt of is geen tekst",
        f"{p}:1: phases[{len(data['phases']) - 1}].id: '{data['phases'][0]['id']}' komt twee keer voor",
        f"{p}:1: laws: lijst ontbreekt",
        f"{p}:1: glossary: lijst ontbreekt",
    ]


def test_internal_export_is_refused_for_a_public_build(tmp_path, full):
    path = write(tmp_path, export(full.for_edition("internal")))
    data, problems = load_previous(path, "public")
    assert data is None
    assert len(problems) == 1 and problems[0].startswith(f"{path.as_posix()}:1: edition.kind: de vorige export bevat "
                                                         "interne informatie (")
    assert "interne items op de openbare site" in problems[0]
    assert load_previous(path, "internal")[1] == []
    assert load_previous(write(tmp_path, export(full.for_edition("public"))), "internal")[1] == []


def test_internal_records_are_refused_even_when_the_flag_says_public(tmp_path, full):
    """Every record is judged, not the edition flag: an internal export edited to say 'public'."""
    data = export(full.for_edition("internal"))
    data["edition"]["kind"] = "public"
    first = next(i for i, m in enumerate(data["measures"]) if m["visibility"] == "internal")
    internal = sum(r["visibility"] == "internal" for kind in ("measures", "barriers") for r in data[kind])
    path = write(tmp_path, data)
    loaded, problems = load_previous(path, "public")
    assert loaded is None
    assert problems == [f"{path.as_posix()}:1: measures[{first}].visibility: de vorige export bevat interne informatie "
                        f"({internal} items zijn niet openbaar, het eerste is measures[{first}]); een openbare editie "
                        "mag daar niet mee worden vergeleken, want dan komen interne items op de openbare site. "
                        "Gebruik de export van de vorige openbare editie."]
    # A record without its visibility is not taken for public either.
    data = export(full.for_edition("public"))
    del data["barriers"][0]["visibility"]
    assert "barriers[0].visibility" in load_previous(write(tmp_path, data), "public")[1][0]


# --- review ----------------------------------------------------------------------------------------

def reviewed_on(cat, release_date: str, interval: int, measures: dict[str, str] = {},
                barriers: dict[str, str] = {}, changes: dict[str, dict] = {}):
    """The catalogue with a release, some review dates set (id → date) and some measures changed."""
    measures = {k: {**m, **changes.get(k, {}), "reviewed": measures.get(k, m["reviewed"])}
                for k, m in cat.measures.items()}
    barriers = {k: {**b, "reviewed": barriers.get(k, b["reviewed"])} for k, b in cat.barriers.items()}
    release = {"number": 3, "date": release_date, "review_interval_months": interval}
    return replace(cat.with_tables(measures=measures, barriers=barriers), release=release)


def test_months_before_and_between_at_month_ends():
    from datetime import date
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2028, 3, 31), 1) == date(2028, 2, 29)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)
    assert months_before(date(2026, 11, 23), 12) == date(2025, 11, 23)
    assert months_between(date(2025, 11, 23), date(2026, 11, 23)) == 12
    assert months_between(date(2025, 11, 24), date(2026, 11, 23)) == 11
    assert months_between(date(2026, 2, 28), date(2026, 3, 31)) == 1
    assert months_between(date(2026, 3, 1), date(2026, 3, 31)) == 0
    assert months_between(date(2027, 1, 1), date(2026, 1, 1)) == 0


def test_stale_entries_limit_is_exclusive_and_oldest_come_first(public):
    cat = reviewed_on(public, "2026-11-23", 12, measures={
        "bibob-toets": "2025-11-23",  # exactly on the limit: not stale
        "mobiel-toezicht": "2025-11-22",  # one day older: stale
        "sluiting-woning": "2025-11-22",
    }, barriers={"adresfraude": "2024-10-01", "online-aanbod": "2025-11-23"})
    assert stale_entries(cat) == [
        StaleEntry("barrier", "adresfraude", "Adresfraude in de basisregistratie", "2024-10-01", 25),
        StaleEntry("measure", "mobiel-toezicht", "Controles in treinen en bussen", "2025-11-22", 12),
        StaleEntry("measure", "sluiting-woning", "Woning sluiten", "2025-11-22", 12),
    ]
    report = review_report(cat)
    assert (report.edition_date, report.interval_months, report.limit) == ("2026-11-23", 12, "2025-11-23")
    assert [e.id for e in report.measures] == ["mobiel-toezicht", "sluiting-woning"]
    assert [e.id for e in report.barriers] == ["adresfraude"]


def test_stale_entries_at_the_end_of_a_month(public):
    # 31 March minus one month is 28 February (2026 is no leap year).
    cat = reviewed_on(public, "2026-03-31", 1, {"bibob-toets": "2026-02-28", "mobiel-toezicht": "2026-02-27"},
                      {k: "2026-03-01" for k in public.barriers})
    assert review.review_limit(cat).isoformat() == "2026-02-28"
    assert [(e.id, e.months) for e in stale_entries(cat)] == [("mobiel-toezicht", 1)]
    recent = {k: "2028-03-01" for k in public.measures}
    leap = reviewed_on(public, "2028-03-31", 1,
                       {**recent, "bibob-toets": "2028-02-29", "mobiel-toezicht": "2028-02-28"},
                       {k: "2028-03-01" for k in public.barriers})
    assert [(e.id, e.months) for e in stale_entries(leap)] == [("mobiel-toezicht", 1)]


def test_stale_entries_count_from_the_edition_date_not_today(public):
    dates = {"bibob-toets": "2020-01-01"}
    assert stale_entries(reviewed_on(public, "2020-06-01", 12, dates)) == []
    assert [e.months for e in stale_entries(reviewed_on(public, "2021-06-01", 12, dates))] == [17]


def test_measures_to_check_are_listed_separately(public):
    cat = reviewed_on(public, "2026-11-23", 12, barriers={"adresfraude": "2026-11-01"}, changes={
        "vervolging-smokkel": {"status": "te-controleren", "status_note": "Artikel nagaan."},
        "bibob-toets": {"status": "te-controleren"},
    })
    report = review_report(cat)
    assert report.stale == ()
    assert report.to_check == (
        CheckEntry("bibob-toets", "Integriteitstoets", "2026-11-01", None),
        CheckEntry("vervolging-smokkel", "Vervolging van smokkelaars", "2026-11-01", "Artikel nagaan."),
    )


def test_status_checks_older_than_three_months_are_listed_oldest_first(public):
    # Fixture: vervolging-smokkel checked 2026-05-01 (old), illegale-tewerkstelling 2026-10-01 (recent).
    cat = reviewed_on(public, "2026-11-23", 12)
    report = review_report(cat)
    assert (report.status_months, report.status_limit) == (3, "2026-08-23")
    assert report.status_checks == (
        StatusCheckEntry("vervolging-smokkel", "Vervolging van smokkelaars", "in-werking", "2026-05-01", 6),)
    older = reviewed_on(public, "2026-11-23", 12, changes={
        "illegale-tewerkstelling": {"status_checked": "2026-08-22"},  # one day before the limit: listed
        "bibob-toets": {"status_checked": "2026-08-23"},  # exactly on the limit: not listed
    })
    assert [(e.id, e.months) for e in status_checks(older)] == [("vervolging-smokkel", 6),
                                                                ("illegale-tewerkstelling", 3)]


def test_status_checks_count_from_the_edition_date_not_today(public):
    assert status_checks(reviewed_on(public, "2026-06-01", 12)) == []
    assert [e.id for e in status_checks(reviewed_on(public, "2027-06-01", 12))] == [
        "vervolging-smokkel", "illegale-tewerkstelling"]


def test_measure_in_preparation_without_status_check_is_listed_first(public):
    measures = {k: dict(m) for k, m in public.measures.items()}
    del measures["illegale-tewerkstelling"]["status_checked"]
    cat = reviewed_on(public, "2026-11-23", 12).with_tables(measures=measures)
    assert status_checks(cat)[0] == StatusCheckEntry(
        "illegale-tewerkstelling", "Werkgevers van gesmokkelde werknemers aanpakken", "in-voorbereiding", None, None)


def test_review_needs_an_edition(public):
    with pytest.raises(ValueError, match="edition.yaml"):
        stale_entries(replace(public, release=None, links=None))


# --- pages -----------------------------------------------------------------------------------------

def render(template: str, cat, **context) -> str:
    return environment().get_template(template).render(cat=cat, h=Helpers(cat, ""), **context)


def html_of(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", "admonition", "attr_list", "md_in_html", "tables"])


def section(text: str, heading: str) -> str:
    """One `## heading` section of a page."""
    return text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_changes_page_lists_every_kind_of_change(public):
    previous, current = edited(public)
    text = render("changes.md.j2", public, changes=compare(previous, current))
    assert text.startswith("# Wat is er veranderd\n")
    assert "uitgave 2 van 23 november 2026, vergeleken met uitgave 1 van 1 mei 2026" in text
    measures = section(text, "Maatregelen")
    headings = [line for line in measures.splitlines() if line.startswith("### ")]
    assert headings == ["### Nieuw", "### Gewijzigd", "### Hernoemd of samengevoegd", "### Verwijderd"]
    assert "- <a href=\"maatregelen/mobiel-toezicht.html\">Controles in treinen en bussen</a>\n" in measures
    assert "- <a href=\"maatregelen/bibob-toets.html\">Integriteitstoets</a>: gewijzigd: titel, samenvatting\n" in measures
    assert ("- Smokkelaars vervolgen (oude id: vervolging) → <a href=\"maatregelen/vervolging-smokkel.html\">"
            "Vervolging van smokkelaars</a>: hernoemd; gewijzigd: titel\n") in measures
    assert ("- Pand sluiten (oude id: pand-sluiten) → <a href=\"maatregelen/sluiting-woning.html\">Woning sluiten</a>: "
            "samengevoegd; gewijzigd: titel, verwante maatregelen, laatst gecontroleerd\n") in measures
    assert ("- Woning sluiten (oude id: woningsluiting) → <a href=\"maatregelen/sluiting-woning.html\">Woning sluiten</a>: "
            "samengevoegd\n") in measures
    assert "- Cameratoezicht (id: cameratoezicht)\n" in measures
    assert "cameratoezicht.html" not in text and "maatregelen/vervolging.html" not in text  # gone: no links
    assert ("- Ronselaars online (oude id: ronselaars-online) → <a href=\"barrieres/ronselaars.html\">Ronselaars in beeld</a>: "
            "samengevoegd; gewijzigd: titel, zoekwoorden\n") in section(text, "Barrières")
    assert "- <a href=\"fases/werving.html\">Werving en aanbod</a>: gewijzigd: samenvatting\n" in section(text, "Fasen")
    glossary = section(text, "Begrippen")
    assert "- Openbaar Ministerie: gewijzigd: begrip, betekenis\n" in glossary
    assert "- Vreemdelingenpolitie\n" in glossary and "(begrippen.md)" in glossary
    assert "\n## Partners\n" not in text and "\n## Wetten en regels\n" not in text  # nothing changed there
    assert 'href="maatregelen/mobiel-toezicht.html"' in html_of(text)


def test_changes_page_without_previous_export_says_how_to_the_editors_only(full, public):
    text = render("changes.md.j2", public, changes=None)
    assert "niet vergeleken met een eerdere uitgave" in text
    assert "uitgave 1 van 23 november 2026" in text
    # The public reads no editors' command line; the internal edition keeps it.
    assert "--previous" not in text and "Voor de redactie" not in text
    internal = render("changes.md.j2", full.for_edition("internal"), changes=None)
    assert "niet vergeleken met een eerdere uitgave" in internal
    assert "<code>python build_site.py --previous pad/naar/vorige-export.json</code>" in html_of(internal)


def test_changes_page_when_nothing_changed(public):
    data = export(public)
    text = render("changes.md.j2", public, changes=compare(data, data))
    assert "Er is niets veranderd sinds de vorige uitgave." in text
    assert "\n## " not in text


def test_changes_page_mentions_comparing_an_internal_build_with_a_public_export(full):
    internal = full.for_edition("internal")
    report = compare(export(full.for_edition("public")), export(internal))
    text = render("changes.md.j2", internal, changes=report)
    assert "Interne onderdelen die toen al bestonden" in text
    assert "<a href=\"maatregelen/zwaluw-werkwijze.html\">Zwaluwstaart-werkwijze</a> <span" in section(text, "Maatregelen")


def test_changes_page_escapes_hostile_text(public):
    cat = public.with_tables(measures={**public.measures, "bibob-toets": {**public.measures["bibob-toets"],
                                                                        "title": HOSTILE}})
    previous, current = edited(cat)
    previous["measures"].append({"id": "<b>x</b>", "title": HOSTILE})
    previous["glossary"].append({"term": HOSTILE, "meaning": "x"})
    text = render("changes.md.j2", cat, changes=compare(previous, current))
    assert "<script>" not in text and "](javascript:" not in text and "<b>" not in text
    assert "&#60;script&#62;alert(1)&#60;/script&#62; &#91;x&#93;(javascript:alert(1))" in text
    html = html_of(text)
    assert "<script" not in html and 'href="javascript' not in html and "<b>" not in html
    assert '.html">&#60;script&#62;' in text  # the link text is escaped inside a real link
    assert 'href="maatregelen/bibob-toets.html"' in text


def test_review_page_lists_stale_entries_and_facts_to_check(full):
    internal = full.for_edition("internal")
    cat = reviewed_on(internal, "2026-11-23", 12, measures={"zwaluw-werkwijze": "2025-01-31",
                                                            "bibob-toets": "2025-11-23"},
                      barriers={"adresfraude": "2024-10-01"},
                      changes={"vervolging-smokkel": {"status": "te-controleren", "status_note": HOSTILE}})
    text = render("review.md.j2", cat, stale=review_report(cat))
    assert text.startswith("# Redactie: te controleren\n")
    assert "na 12 maanden opnieuw" in text and "vóór 23 november 2025" in text and "23 november 2026" in text
    measures = section(text, "Maatregelen")
    assert ("| <a href=\"maatregelen/zwaluw-werkwijze.html\">Zwaluwstaart-werkwijze</a> "
            '<span class="mk-badge mk-badge--internal">intern</span> | 31 januari 2025 | 21 maanden |') in measures
    assert "bibob-toets" not in measures
    assert ("| <a href=\"barrieres/adresfraude.html\">Adresfraude in de basisregistratie</a> | 1 oktober 2024 | 25 maanden |"
            in section(text, "Barrières"))
    to_check = section(text, "Feiten die nog gecontroleerd moeten worden")
    assert "- <a href=\"maatregelen/vervolging-smokkel.html\">Vervolging van smokkelaars</a> (laatst gecontroleerd " \
           "1 november 2026): &#60;script&#62;" in to_check
    status = section(text, "Status opnieuw nagaan")
    assert "vóór 23 augustus 2026 was: meer dan 3 maanden vóór de datum van deze uitgave" in status
    assert ("| <a href=\"maatregelen/vervolging-smokkel.html\">Vervolging van smokkelaars</a> | Nog te controleren "
            "| 1 mei 2026 | 6 maanden |") in status
    assert "illegale-tewerkstelling" not in status  # checked 1 October 2026: recent enough
    html = html_of(text)
    assert "<script" not in html and 'href="javascript' not in html
    assert html.count("<table>") == 3


def test_review_page_says_when_every_status_is_recent(public):
    cat = reviewed_on(public, "2026-11-23", 12, changes={"vervolging-smokkel": {"status_checked": "2026-11-01"}})
    text = render("review.md.j2", cat, stale=review_report(cat))
    assert "Bij alle maatregelen is de status op tijd nagegaan." in section(text, "Status opnieuw nagaan")


def test_review_page_when_nothing_is_stale(public):
    public = reviewed_on(public, "2026-11-23", 12, barriers={"adresfraude": "2026-11-01"},  # the stale fixture entry
                         changes={"vervolging-smokkel": {"status_checked": "2026-11-01"}})  # and the old status check
    text = render("review.md.j2", public, stale=review_report(public))
    assert "Alle maatregelen zijn op tijd gecontroleerd." in text
    assert "Alle barrières zijn op tijd gecontroleerd." in text
    assert 'Er zijn geen maatregelen met de status "Nog te controleren".' in text
    assert "Bij alle maatregelen is de status op tijd nagegaan." in text
    assert "<table>" not in html_of(text)
