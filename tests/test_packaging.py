"""A non-editable install builds a site from any folder: the schemas, templates,
hand-written pages, theme overrides and mkdocs.yml travel inside the package."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.support import FIXTURE_CONTENT, REPO

PROJECT_FILES = ("menukaart", "schema", "docs", "overrides", "mkdocs.yml", "pyproject.toml", "README.md")


def test_installed_package_builds_from_another_folder(tmp_path):
    source = tmp_path / "source"  # a clean copy, so the build leaves nothing in the repository
    for name in PROJECT_FILES:
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy2
        copy(REPO / name, source / name, **({"symlinks": True, "ignore": shutil.ignore_patterns("__pycache__")}
                                            if (REPO / name).is_dir() else {}))
    target = tmp_path / "installed"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                              "--target", str(target), str(source)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr[-2000:]
    project = target / "menukaart" / "project"
    assert (project / "mkdocs.yml").is_file() and not (project / "mkdocs.yml").is_symlink()
    assert {p.name for p in (project / "schema").glob("*.json")} == {p.name for p in (REPO / "schema").glob("*.json")}
    assert (project / "overrides" / "main.html").is_file() and (project / "docs" / "bijdragen.md").is_file()

    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(FIXTURE_CONTENT, elsewhere)
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run([sys.executable, "-c", "import menukaart; print(menukaart.__file__)"], cwd=elsewhere,
                           env=env, capture_output=True, text=True)
    assert where.stdout.strip() == str(target / "menukaart" / "__init__.py")
    build = subprocess.run([sys.executable, "-m", "menukaart", "--no-zip"], cwd=elsewhere, env=env,
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    site = elsewhere / "site"  # the current folder is the content root and gets the site
    assert (site / "maatregelen/sluiting-woning.html").is_file() and (site / "velden.html").is_file()
    assert (site / "downloads/schema/measure.schema.json").read_bytes() == (REPO / "schema/measure.schema.json").read_bytes()
