"""Whatever a content folder holds, `--check` answers: exit 1, exactly one line per problem
(`file:line: field: message`), never a traceback, and within 5 s of CPU time, also for a
content root of the real catalogue's size filled with the worst the limits allow.

Each check runs as a separate process under a memory limit, as a user would run it,
so a hang, a memory blow-up or a crash fails the test instead of the test run.
CPU time is measured, not wall time, so a loaded machine cannot make a test fail.
"""
from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.corpus import CASES, Case, MEASURE
from tests.support import FIXTURE_CONTENT, REPO

CPU_SECONDS = 5.0
MEMORY_BYTES = 1536 * 1024 * 1024  # an alias bomb expanded would need gigabytes
HANG_SECONDS = 120  # far above any real run; only a hang gets here


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def run_check(content: Path) -> tuple[int, list[str], float]:
    """(exit status, stderr lines, CPU seconds) of `build_site.py --check` on a content folder."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run([sys.executable, str(REPO / "build_site.py"), "--check", "--content", str(content)],
                         capture_output=True, text=True, timeout=HANG_SECONDS, preexec_fn=_limit_memory, cwd=REPO)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return run.returncode, run.stderr.rstrip("\n").split("\n"), cpu


def planted(tmp_path: Path, case: Case) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    case.plant(root)
    return root


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_gets_one_exact_line_per_problem(tmp_path, case):
    status, lines, cpu = run_check(planted(tmp_path, case))
    assert status == 1, lines
    assert "Traceback" not in "\n".join(lines)
    assert lines[:-1] == list(case.expected)
    n = len(case.expected)
    assert lines[-1] == ("1 fout gevonden." if n == 1 else f"{n} fouten gevonden.")
    assert cpu < CPU_SECONDS, f"{case.name}: {cpu:.1f} s CPU"


# Cases that add files of their own (rather than edit an existing one) can all be planted in
# one content folder: it must report every one of them, in one run.
NEW_FILE_CASES = ["alias bomb", "recursive alias", "named pipe named like an entry", "link to /dev/zero",
                  "link to /etc", "folder named like an entry", "sub-folder in measures/", "file over the size limit",
                  "binary file named like an entry", "a file that is a list"]


def worst_case_files(measures: Path, count: int) -> None:
    """Entry files at the limits: lists just under the value limit, 1 MB texts, hundreds of unknown fields."""
    base = (FIXTURE_CONTENT / MEASURE).read_text(encoding="utf-8")
    for i in range(count):
        body = base.replace("id: bibob-toets", f"id: zwaar-{i:03d}")
        if i % 4 < 2:
            body = body.replace("status: in-werking\n", "status: in-werking\nkeywords:\n"
                                + "".join(f"  - woord {j}\n" for j in range(950)))
        elif i % 4 == 2:
            body = body.replace("summary: De gemeente", "summary: " + "woord " * 170_000 + "De gemeente")
        else:
            body += "".join(f"veld{j}: x\n" for j in range(470))
        (measures / f"zwaar-{i:03d}.yaml").write_text(body, encoding="utf-8")


def test_a_real_sized_content_root_of_hostile_files_answers_within_the_bound(tmp_path):
    """The real catalogue's list files, and as many entry files as it has, all hostile or at the
    limits: every problem reported in one run, within the CPU bound."""
    root = tmp_path / "content"
    root.mkdir()
    for name in ("phases.yaml", "partners.yaml", "laws.yaml", "glossary.yaml", "edition.yaml"):
        shutil.copyfile(REPO / name, root / name)
    (root / "measures").mkdir()
    shutil.copytree(REPO / "barriers", root / "barriers")
    cases = [c for c in CASES if c.name in NEW_FILE_CASES]
    assert len(cases) == len(NEW_FILE_CASES)
    for case in cases:
        case.plant(root)
    real_size = len(list((REPO / "measures").glob("*.yaml"))) + len(list((REPO / "barriers").glob("*.yaml")))
    worst_case_files(root / "measures", real_size - len(list((root / "barriers").iterdir())) - len(cases))

    status, lines, cpu = run_check(root)
    assert status == 1
    assert "Traceback" not in "\n".join(lines)
    for case in cases:
        for line in case.expected:
            assert line in lines, case.name
    assert len([line for line in lines if "zwaar-" in line]) > 100  # the worst-case files were all read
    assert cpu < CPU_SECONDS, f"{cpu:.1f} s CPU"


def test_previous_export_that_is_not_a_regular_file_is_refused(fixture_sites, tmp_path):
    """--previous pointing at a named pipe gets an answer, not a build waiting forever."""
    import os
    pipe = tmp_path / "vorige.json"
    os.mkfifo(pipe)
    started = time.monotonic()
    run = subprocess.run([sys.executable, str(REPO / "build_site.py"), "--content", str(FIXTURE_CONTENT),
                          "--out", str(tmp_path / "site"), "--no-zip", "--previous", str(pipe)],
                         capture_output=True, text=True, timeout=HANG_SECONDS, cwd=REPO)
    assert run.returncode == 1
    assert run.stderr.split("\n")[0] == (f"{pipe.as_posix()}:1: -: vorige export: is geen gewoon bestand (maar "
                                         "bijvoorbeeld een pipe of apparaat); zet hier een gewoon tekstbestand")
    assert time.monotonic() - started < HANG_SECONDS
    assert not (tmp_path / "site").exists()
