"""Bad input of every kind is rejected with `file:line: field: message`, all in one run."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from menukaart import cli

from tests.support import REPO, build

LINE_FORMAT = re.compile(r"^[^:\s][^:]*:\d+: [^:]+: .+$")


def check(content: Path, capsys) -> tuple[int, list[str]]:
    status = cli.main(["--check", "--content", str(content)])
    err = capsys.readouterr().err.strip().splitlines()
    return status, err


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_valid_content_reports_counts(content, capsys):
    assert cli.main(["--check", "--content", str(content)]) == 0
    assert "In orde: 6 maatregelen, 8 barrières, 4 fasen, 4 partners, 3 wetten, 4 begrippen." in capsys.readouterr().out


@pytest.mark.parametrize("name, edit, expected", [
    ("syntax error with line and column",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "title: Integriteitstoets", "title: [Integriteitstoets"),
     r"^measures/bibob-toets\.yaml:\d+: -: YAML-syntaxfout \(kolom \d+\)"),
    ("tab",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "partners: [riec]", "partners:\t[riec]"),
     r"^measures/bibob-toets\.yaml:11: -: tab gevonden"),
    ("duplicate key",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "status: in-werking", "status: in-werking\nstatus: in-werking"),
     r"^measures/bibob-toets\.yaml:14: status: veld 'status' staat twee keer"),
    ("unknown field (typo)",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "title: Integriteitstoets", "titel: Integriteitstoets"),
     r"^measures/bibob-toets\.yaml:3: titel: onbekend veld 'titel'; bedoelt u 'title'\?"),
    ("missing field",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "summary: De gemeente toetst", "aim: De gemeente toetst"),
     r"^measures/bibob-toets\.yaml:2: summary: verplicht veld ontbreekt"),
    ("mistyped field",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "barriers: [online-aanbod, ronselaars]", "barriers: online-aanbod"),
     r"^measures/bibob-toets\.yaml:12: barriers: moet een lijst zijn, maar is 'online-aanbod'"),
    ("id does not match file name",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "id: bibob-toets", "id: bibob"),
     r"^measures/bibob-toets\.yaml:2: id: id 'bibob' moet gelijk zijn aan de bestandsnaam 'bibob-toets'"),
    ("duplicate id",
     lambda c: replace_in(c / "partners.yaml", "  - id: om\n", "  - id: kmar\n"),
     r"^partners\.yaml:\d+: partners\[2\]\.id: id 'kmar' komt twee keer voor"),
    ("reference to an id that does not exist",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "barriers: [online-aanbod, ronselaars]", "barriers: [online-aanbod, ronselaar]"),
     r"^measures/bibob-toets\.yaml:12: barriers\[1\]: 'ronselaar' bestaat niet in barriers/"),
    ("date that does not exist",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "reviewed: 2026-11-01", "reviewed: 2026-02-30"),
     r"^measures/bibob-toets\.yaml:17: reviewed: '2026-02-30' is geen bestaande datum"),
    ("date in the wrong form",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "reviewed: 2026-11-01", "reviewed: 1-11-2026"),
     r"^measures/bibob-toets\.yaml:17: reviewed: '1-11-2026' is geen datum"),
    ("value outside an enum",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "category: bestuursrechtelijk", "category: bestuurlijk"),
     r"^measures/bibob-toets\.yaml:5: category: 'bestuurlijk' is geen toegestane waarde; kies uit: bestuursrechtelijk"),
    ("url that is not http(s)",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "url: https://example.org/bron", "url: javascript:alert(1)"),
     r"^measures/bibob-toets\.yaml:16: sources\[0\]\.url: 'javascript:alert\(1\)' is geen webadres"),
    ("empty file",
     lambda c: (c / "measures/bibob-toets.yaml").write_text("# alleen commentaar\n", encoding="utf-8"),
     r"^measures/bibob-toets\.yaml:1: -: bestand is leeg"),
    ("not UTF-8",
     lambda c: (c / "measures/bibob-toets.yaml").write_bytes(
         (c / "measures/bibob-toets.yaml").read_text(encoding="utf-8").replace("title: Integriteitstoets", "title: Barrière").encode("latin-1")),
     r"^measures/bibob-toets\.yaml:3: -: bestand is geen UTF-8"),
    ("YAML tag that constructs an object",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "title: Integriteitstoets", "title: !!python/object/apply:os.system ['true']"),
     r"^measures/bibob-toets\.yaml:3: title: YAML-tag 'tag:yaml\.org,2002:python/object/apply:os\.system' is niet toegestaan"),
    ("file with the wrong extension",
     lambda c: (c / "measures/bibob-toets.yaml").rename(c / "measures/bibob-toets.yml"),
     r"^measures/bibob-toets\.yml: -: alleen \.yaml-bestanden"),
    ("former id that is still a current id",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "id: bibob-toets", "id: bibob-toets\nformer_ids: [mobiel-toezicht]"),
     r"^measures/bibob-toets\.yaml:3: former_ids\[0\]: 'mobiel-toezicht' is nog de id van een bestaand item"),
    ("former id claimed by two entries",
     lambda c: replace_in(c / "measures/bibob-toets.yaml", "id: bibob-toets", "id: bibob-toets\nformer_ids: [woningsluiting]"),
     r"^measures/sluiting-woning\.yaml:3: former_ids\[0\]: 'woningsluiting' staat ook als oude id bij 'bibob-toets'"),
    ("missing edition.yaml",
     lambda c: (c / "edition.yaml").unlink(),
     r"^edition\.yaml: -: bestand ontbreekt: edition\.yaml"),
    ("in preparation without the date its status was checked",
     lambda c: replace_in(c / "measures/illegale-tewerkstelling.yaml", "status_checked: 2026-10-01\n", ""),
     r"^measures/illegale-tewerkstelling\.yaml:12: status_checked: verplicht veld ontbreekt$"),
    ("edition number that is not a number",
     lambda c: replace_in(c / "edition.yaml", "number: 1", "number: eerste"),
     r"^edition\.yaml:\d+: number: "),
])
def test_bad_input_is_rejected(content, capsys, name, edit, expected):
    edit(content)
    status, err = check(content, capsys)
    assert status == 1, f"{name}: accepted"
    assert any(re.search(expected, line) for line in err), f"{name}: {err}"
    assert re.fullmatch(r"\d+ (fout|fouten) gevonden\.", err[-1])
    assert not any("Traceback" in line for line in err)


def test_in_preparation_needs_status_checked_with_exactly_one_message(content, capsys):
    replace_in(content / "measures/illegale-tewerkstelling.yaml", "status_checked: 2026-10-01\n", "")
    status, err = check(content, capsys)
    assert status == 1
    assert err == ["measures/illegale-tewerkstelling.yaml:12: status_checked: verplicht veld ontbreekt",
                   "1 fout gevonden."]


def test_status_checked_is_optional_outside_preparation(content, capsys):
    replace_in(content / "measures/vervolging-smokkel.yaml", "status_checked: 2026-05-01\n", "")
    assert check(content, capsys)[0] == 0


def test_misspelt_status_checked_gives_one_message(content, capsys):
    replace_in(content / "measures/illegale-tewerkstelling.yaml", "status_checked:", "status_checkd:")
    status, err = check(content, capsys)
    assert status == 1
    assert err == ["measures/illegale-tewerkstelling.yaml:14: status_checkd: onbekend veld 'status_checkd'; "
                   "bedoelt u 'status_checked'?", "1 fout gevonden."]


def test_every_problem_is_reported_in_one_run(content, capsys):
    replace_in(content / "measures/bibob-toets.yaml", "title: Integriteitstoets", "titel: Integriteitstoets")
    replace_in(content / "measures/sluiting-woning.yaml", "category: bestuursrechtelijk", "category: bestuurlijk")
    replace_in(content / "barriers/safehouses.yaml", "phase: verblijf", "phase: onderdak")
    (content / "barriers/adresfraude.yaml").write_text("id: [\n", encoding="utf-8")
    replace_in(content / "glossary.yaml", "abbreviation: OM", "abbreviation: KMar")
    status, err = check(content, capsys)
    assert status == 1
    problems = err[:-1]
    assert len(problems) == 5, err
    assert err[-1] == "5 fouten gevonden."
    assert all(LINE_FORMAT.match(line) for line in problems), problems
    files = {line.split(":")[0] for line in problems}
    assert files == {"measures/bibob-toets.yaml", "measures/sluiting-woning.yaml", "barriers/safehouses.yaml",
                     "barriers/adresfraude.yaml", "glossary.yaml"}


def test_command_line_exits_1_without_traceback(content):
    replace_in(content / "measures/bibob-toets.yaml", "title: Integriteitstoets", "title: !!python/object/apply:os.system ['echo HACKED']")
    run = subprocess.run([sys.executable, str(REPO / "build_site.py"), "--check", "--content", str(content)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "HACKED" not in run.stdout
    assert "1 fout gevonden." in run.stderr


def test_failed_build_leaves_last_good_site_untouched(content, tmp_path, capsys):
    out = tmp_path / "site"
    assert build(content, out) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    replace_in(content / "measures/sluiting-woning.yaml", "title: Woning sluiten", "title: Nieuwe titel\ntitle: dubbel")
    assert build(content, out) == 1
    assert "de vorige versie is ongewijzigd" in capsys.readouterr().err
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")], "staging left behind"


def test_generator_refusal_also_leaves_last_good_site(content, tmp_path, monkeypatch, capsys):
    """A failure inside the site generator (after validation) must not touch the site either."""
    from menukaart import site_build
    out = tmp_path / "site"
    assert build(content, out) == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*"))

    def refuse(*args, **kwargs):
        raise site_build.SiteBuildError("Doc file 'x.md' contains a link 'y.md', but the target is not found")
    monkeypatch.setattr(site_build, "_mkdocs_build", refuse)
    assert build(content, out) == 1
    assert "De sitegenerator weigerde" in capsys.readouterr().err
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
