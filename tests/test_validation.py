"""Bad input of every kind is rejected with `file:line: field: message`, all in one run."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


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
    assert "In orde: 7 maatregelen, 8 barrières, 4 fasen, 4 partners, 3 wetten, 4 begrippen." in capsys.readouterr().out


# Each kind of bad input, with the exact line it must give: tests/hostile/corpus.py and
# tests/test_hostile_input.py.


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
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == [".site.lock"], "staging left behind"


def test_generator_refusal_also_leaves_last_good_site(content, tmp_path, monkeypatch, capsys):
    """A failure inside the site generator (after validation) must not touch the site either."""
    from menukaart import generators
    out = tmp_path / "site"
    assert build(content, out) == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*"))

    def refuse(*args, **kwargs):
        raise generators.GeneratorError("Doc file 'x.md' contains a link 'y.md', but the target is not found")
    monkeypatch.setattr(generators, "generate", refuse)
    assert build(content, out) == 1
    assert "De sitegenerator weigerde" in capsys.readouterr().err
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
