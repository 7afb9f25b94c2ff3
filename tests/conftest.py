"""Shared fixtures: the small test catalogue, built once per test session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import FIXTURE_CONTENT, build


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private, editable copy of the test catalogue."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture(scope="session")
def fixture_sites(tmp_path_factory) -> dict[str, Path]:
    """The test catalogue built as both editions, with their offline zips."""
    root = tmp_path_factory.mktemp("sites")
    sites = {}
    for edition in ("public", "internal"):
        out = root / edition
        assert build(FIXTURE_CONTENT, out, edition, dist=root / "dist") == 0
        sites[edition] = out
    sites["dist"] = root / "dist"
    return sites


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The repository's own catalogue, internal edition (a superset of the public one)."""
    from tests.support import REPO
    out = tmp_path_factory.mktemp("real") / "site"
    assert build(REPO, out, "internal") == 0
    return out


@pytest.fixture(scope="session")
def payload_sites(tmp_path_factory) -> dict[str, Path]:
    """The test catalogue with payloads in every text field (tests/hostile/payloads.py): it must
    pass the check and build, in both editions, with the zip."""
    from menukaart import cli
    from tests.hostile.payloads import payload_content
    root = tmp_path_factory.mktemp("payload")
    content = payload_content(root / "content", FIXTURE_CONTENT)
    import yaml
    from tests.hostile.payloads import PAYLOADS
    titles = [yaml.safe_load(p.read_text(encoding="utf-8"))["title"] for p in (content / "measures").glob("*.yaml")]
    assert titles and all(any(payload in title for payload in PAYLOADS) for title in titles)  # the filler filled
    assert cli.main(["--check", "--content", str(content)]) == 0
    sites = {"content": content}
    for edition in ("public", "internal"):
        assert build(content, root / edition, edition, dist=root / "dist") == 0
        sites[edition] = root / edition
    return sites
