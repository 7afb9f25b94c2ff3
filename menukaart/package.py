"""The offline copy: one zip with a start page at its root, for a USB drive.

The zip is the same bytes for the same site: members in name order, all with the
release date as their time (see archive.py).
"""
from __future__ import annotations

from pathlib import Path

from .archive import fixed_time, is_debris, write_zip as write_archive
from .output_folder import locked

SITE_FOLDER = "menukaart"
START_PAGE = "start.html"

_START_HTML = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Menukaart mensensmokkel{suffix}</title>
<meta http-equiv="refresh" content="0; url={folder}/index.html">
</head>
<body>
<h1>Menukaart mensensmokkel{suffix}</h1>
<p><a href="{folder}/index.html">Open de menukaart</a>. Alles werkt zonder internet, ook zoeken.</p>
</body>
</html>
"""


def zip_name(edition: str) -> str:
    return "menukaart-mensensmokkel.zip" if edition == "public" else "menukaart-mensensmokkel-intern.zip"


def write_zip(site_dir: Path, dist_dir: Path, edition: str, release_date: str | None) -> Path:
    """Zip the built site; the zip is replaced only once it is complete, one writer at a time."""
    target = dist_dir / zip_name(edition)
    suffix = " (interne editie)" if edition == "internal" else ""
    members: list[tuple[str, bytes | Path]] = [
        (START_PAGE, _START_HTML.format(folder=SITE_FOLDER, suffix=suffix).encode("utf-8"))]
    files = sorted((p.relative_to(site_dir).as_posix(), p) for p in site_dir.rglob("*") if p.is_file())
    members += [(f"{SITE_FOLDER}/{name}", path) for name, path in files]
    with locked(target):
        for debris in dist_dir.glob(f".{target.name}.*"):
            if is_debris(debris, target.name):
                debris.unlink(missing_ok=True)  # left by a build that was killed while zipping
        return write_archive(target, members, fixed_time(release_date))
