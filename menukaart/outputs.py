"""The files a build gives the site generator: every step adds its files here, and this is
the only place that puts them on disk.

Bound to a folder (`Outputs(docs_dir)`), each file is written as it is added, so a
5,000-measure build never holds all its pages at once; unbound, the files stay in
memory (`files`), for tests that compare what a build produces. A path added twice is
a bug in the build (two steps claiming one file), not a choice.
"""
from __future__ import annotations

from pathlib import Path


class Outputs:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.files: dict[str, bytes] = {}  # unbound: path relative to the docs folder, '/'-separated → content
        self.paths: set[str] = set()

    def add(self, path: str, content: bytes | str) -> bytes:
        if path in self.paths:
            raise ValueError(f"two steps of the build write {path}")
        self.paths.add(path)
        data = content.encode("utf-8") if isinstance(content, str) else content
        if self.folder is None:
            self.files[path] = data
        else:
            target = self.folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return data

    def __contains__(self, path: str) -> bool:
        return path in self.paths
