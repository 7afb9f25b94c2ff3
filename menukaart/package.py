"""The offline copy: one zip with a start page at its root, for a USB drive."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

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


def write_zip(site_dir: Path, dist_dir: Path, edition: str) -> Path:
    """Zip the built site; the zip is replaced only once it is complete."""
    dist_dir.mkdir(parents=True, exist_ok=True)
    target = dist_dir / zip_name(edition)
    partial = target.with_name(target.name + ".partial")
    suffix = " (interne editie)" if edition == "internal" else ""
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(START_PAGE, _START_HTML.format(folder=SITE_FOLDER, suffix=suffix))
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                archive.write(path, f"{SITE_FOLDER}/{path.relative_to(site_dir).as_posix()}")
    os.replace(partial, target)
    return target
