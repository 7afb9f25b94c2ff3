"""Helpers shared by the tests: where things are, and building the test catalogue."""
from __future__ import annotations

from pathlib import Path

from menukaart import cli

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURE_CONTENT = TESTS / "fixtures" / "content"


def build(content_dir: Path, out: Path, edition: str = "public", dist: Path | None = None,
          previous: Path | None = None, generator: str = "mkdocs") -> int:
    args = ["--content", str(content_dir), "--out", str(out), "--edition", edition, "--generator", generator]
    args += ["--dist", str(dist)] if dist else ["--no-zip"]
    args += ["--previous", str(previous)] if previous else []
    return cli.main(args)
