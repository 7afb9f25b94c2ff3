"""The live preview's copy of the generator's last output, reused while its input is the same.

After an editor saves one YAML file, most of what the generator gets is unchanged: the pages
written as HTML reach it as shells (page_shells), which hold no content, and the data files
(exports, search index, facets) it only copies. So the generator's output depends only on
the Markdown it reads, the names of the files beside it, the site configuration, the theme
overrides, the generator and the libraries it uses (by version) and generators.py; when none of those changed, its last output is copied
back and the new data files are put over it, instead of running it again (a second or more
of the preview's wait). The full build never uses this: it stays the reference, and a test
checks that a preview build that reused the output is the same as a full build.
"""
from __future__ import annotations

import hashlib
import shutil
from importlib import metadata
from pathlib import Path

from . import generators
from .resources import MKDOCS_CONFIG, OVERRIDES_DIR

KEY_FILE = "input.sha256"


class GeneratorCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.hits = 0  # builds that reused the output (for tests and the benchmark)

    def key(self, generator: str, settings: object, docs_dir: Path) -> str:
        digest = hashlib.sha256()
        digest.update(f"{generator}\n{settings!r}\n{_versions()}\n".encode())
        # The config, the theme overrides and the code that hands them to the generator.
        inputs = [MKDOCS_CONFIG, Path(generators.__file__), *sorted(p for p in OVERRIDES_DIR.rglob("*") if p.is_file())]
        for path in inputs:
            name = path.relative_to(OVERRIDES_DIR).as_posix() if path.is_relative_to(OVERRIDES_DIR) else path.name
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
        for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
            name = path.relative_to(docs_dir).as_posix()
            digest.update(name.encode() + b"\0")
            if path.suffix == ".md":  # what the generator reads; other files it only copies
                digest.update(path.read_bytes() + b"\0")
        return digest.hexdigest()

    def restore(self, key: str, docs_dir: Path, site_dir: Path) -> bool:
        """The last output into site_dir, with this build's copied files; False if the input changed."""
        try:
            if (self.folder / KEY_FILE).read_text(encoding="utf-8") != key:
                return False
        except OSError:
            return False
        shutil.copytree(self.folder / "site", site_dir)
        for path in docs_dir.rglob("*"):
            copied = site_dir / path.relative_to(docs_dir)
            # the files the generator copied last time (the names are the same): now with this build's bytes
            if path.is_file() and path.suffix != ".md" and copied.is_file():
                shutil.copyfile(path, copied)
        self.hits += 1
        return True

    def store(self, key: str, site_dir: Path) -> None:
        (self.folder / KEY_FILE).unlink(missing_ok=True)  # never a key beside a half-written copy
        shutil.rmtree(self.folder / "site", ignore_errors=True)
        shutil.copytree(site_dir, self.folder / "site")
        (self.folder / KEY_FILE).write_text(key, encoding="utf-8")


def _versions() -> str:
    found = []
    for name in ("mkdocs", "mkdocs-material", "properdocs", "zensical", "markdown", "pymdown-extensions",
                 "jinja2", "pygments", "babel"):
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return ", ".join(found)
