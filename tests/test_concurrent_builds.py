"""Builds into the same folders take turns; killed builds leave nothing that the next one
does not clean up; a swap that a kill cut short is repaired."""
from __future__ import annotations

import fcntl
import subprocess
import sys
import zipfile
from pathlib import Path

from menukaart import output_folder
from tests.support import FIXTURE_CONTENT, REPO, build


def start_build(out: Path, dist: Path, content: Path = FIXTURE_CONTENT) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(REPO / "build_site.py"), "--content", str(content),
                             "--out", str(out), "--dist", str(dist)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_build_waits_while_another_holds_the_folder(tmp_path):
    out, dist = tmp_path / "site", tmp_path / "dist"
    with open(output_folder.lock_path(out), "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running build does
        waiting = start_build(out, dist)
        first_line = waiting.stderr.readline()  # printed once the lock is found taken
        assert first_line.startswith(f"Er loopt al een bouw naar {out}; wachten")
        assert waiting.poll() is None and not out.exists()
        fcntl.flock(held, fcntl.LOCK_UN)
    stdout, stderr = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, stderr
    assert f"Site: {out}" in stdout and (out / "index.html").is_file()


def test_two_builds_at_once_into_the_same_folders_give_one_whole_site_and_zip(tmp_path):
    reference_site, reference_dist = tmp_path / "ref/site", tmp_path / "ref/dist"
    assert build(FIXTURE_CONTENT, reference_site, dist=reference_dist) == 0
    reference_zip = (reference_dist / "menukaart-mensensmokkel.zip").read_bytes()
    out, dist = tmp_path / "site", tmp_path / "dist"
    for _ in range(3):
        builds = [start_build(out, dist) for _ in range(2)]
        for b in builds:
            stdout, stderr = b.communicate(timeout=300)
            assert b.returncode == 0, stderr
            assert f"Site: {out}" in stdout and f"Offline zip: {dist / 'menukaart-mensensmokkel.zip'}" in stdout
        with zipfile.ZipFile(dist / "menukaart-mensensmokkel.zip") as archive:
            assert archive.testzip() is None
        assert (dist / "menukaart-mensensmokkel.zip").read_bytes() == reference_zip
        assert site_files(out) == site_files(reference_site)
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [".site.lock"]
        assert sorted(p.name for p in dist.iterdir()) == [".menukaart-mensensmokkel.zip.lock",
                                                          "menukaart-mensensmokkel.zip"]


def test_the_next_build_removes_what_killed_builds_left(tmp_path):
    out, dist = tmp_path / "site", tmp_path / "dist"
    assert build(FIXTURE_CONTENT, out, dist=dist) == 0
    # What a build killed at various moments leaves: a staging folder, a site moved aside
    # after a completed swap, a partial zip.
    (tmp_path / ".site-build-k1ll3d/site").mkdir(parents=True)
    (tmp_path / ".site-old-12345").mkdir()
    (dist / ".menukaart-mensensmokkel.zip.a1b2c3.partial").write_bytes(b"PK\x03\x04half")
    assert build(FIXTURE_CONTENT, out, dist=dist) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "dist", "site"]
    assert sorted(p.name for p in dist.iterdir()) == [".menukaart-mensensmokkel.zip.lock", "menukaart-mensensmokkel.zip"]


def test_a_swap_cut_short_is_repaired_even_by_a_failing_build(tmp_path, content, capsys):
    out = tmp_path / "site"
    assert build(FIXTURE_CONTENT, out) == 0
    good = site_files(out)
    # Killed between the two renames of a swap: the last good site moved aside, no site/.
    out.rename(tmp_path / ".site-old-999")
    (tmp_path / ".site-build-999/site").mkdir(parents=True)
    (content / "edition.yaml").unlink()
    assert build(content, out) == 1
    assert site_files(out) == good
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [".site.lock"]


def test_swap_exchanges_atomically_and_falls_back_to_two_renames(tmp_path, monkeypatch):
    for exchange in (True, False):
        base = tmp_path / str(exchange)
        (base / "site").mkdir(parents=True)
        (base / "site/oud.txt").write_text("oud")
        (base / "nieuw").mkdir()
        (base / "nieuw/nieuw.txt").write_text("nieuw")
        if not exchange:
            monkeypatch.setattr(output_folder, "_exchange", lambda a, b: False)
        output_folder.swap_into_place(base / "nieuw", base / "site")
        assert sorted(p.name for p in base.iterdir()) == ["site"]
        assert [p.name for p in (base / "site").iterdir()] == ["nieuw.txt"]


def test_build_output_is_ignored_by_git():
    ignored = subprocess.run(["git", "check-ignore", ".site.lock", ".site-build-x/", ".site-old-1/", "site/",
                              "dist/"], capture_output=True, text=True, cwd=REPO).stdout.split()
    assert ignored == [".site.lock", ".site-build-x/", ".site-old-1/", "site/", "dist/"]
