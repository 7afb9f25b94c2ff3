"""The files a build gives the site generator, computed in memory and written by one writer.

Every step (pages, exports, search, facets, redirects, copied assets) adds its files
here; `write` is the only place that puts them in the staging docs folder. A path
added twice is a bug in the build (two steps claiming one file), not a choice.
"""
from __future__ import annotations

from pathlib import Path


class Outputs:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}  # path relative to the docs folder, '/'-separated → content

    def add(self, path: str, content: bytes | str) -> bytes:
        if path in self.files:
            raise ValueError(f"two steps of the build write {path}")
        data = content.encode("utf-8") if isinstance(content, str) else content
        self.files[path] = data
        return data

    def __contains__(self, path: str) -> bool:
        return path in self.files

    def write(self, docs_dir: Path) -> None:
        for path, data in sorted(self.files.items()):
            target = docs_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
