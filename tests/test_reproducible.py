"""The same content builds to the same bytes: site, exports and offline zip, whenever and
wherever it is built (other time, other folder, other hash seed, other working folder)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support import FIXTURE_CONTENT, REPO


def build_in(folder: Path, edition: str, seed: str, cwd: Path) -> tuple[Path, Path]:
    site, dist = folder / "site", folder / "dist"
    env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": "Pacific/Kiritimati" if seed == "1" else "UTC"}
    env.pop("SOURCE_DATE_EPOCH", None)
    run = subprocess.run([sys.executable, str(REPO / "build_site.py"), "--content", str(FIXTURE_CONTENT),
                          "--edition", edition, "--out", str(site), "--dist", str(dist)],
                         capture_output=True, text=True, env=env, cwd=cwd)
    assert run.returncode == 0, run.stderr
    return site, dist


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_two_builds_of_the_same_content_are_byte_identical(tmp_path, edition):
    first_site, first_dist = build_in(tmp_path / "een", edition, seed="1", cwd=REPO)
    time.sleep(1.1)  # a later second: any time stamp that slipped through would differ
    (tmp_path / "elders").mkdir()
    second_site, second_dist = build_in(tmp_path / "twee" / "dieper", edition, seed="2", cwd=tmp_path / "elders")

    first, second = files(first_site), files(second_site)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.endswith(".xlsx") for name in first)  # the exports are part of the site
    zips = [p.name for p in first_dist.iterdir() if p.suffix == ".zip"]
    assert len(zips) == 1
    assert (first_dist / zips[0]).read_bytes() == (second_dist / zips[0]).read_bytes()
    assert sorted(p.name for p in second_dist.iterdir()) == [f".{zips[0]}.lock", zips[0]]  # no partial files left
