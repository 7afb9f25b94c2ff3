"""Pages at former ids that send the reader on to the entry's current page.

An entry that is renamed or merged lists its old ids in `former_ids`; the old
URL keeps working (bookmarks, links in mails and reports), as ATT&CK and OSCAL
keep their identifiers stable. The pages are plain HTML, copied as they are by
the site generator, and work from file:// (meta refresh plus a visible link).
"""
from __future__ import annotations

from html import escape

from .catalogue import Catalogue
from .kinds import PAGE_KINDS
from .outputs import Outputs

MARKER = '<meta name="menukaart-redirect" content="1">'

TEMPLATE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
{marker}
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
<title>Verplaatst: {title}</title>
<style>body{{font-family:sans-serif;line-height:1.5;margin:1rem;max-width:40rem}}a:focus-visible{{outline:3px solid #1a237e;outline-offset:2px}}</style>
</head>
<body>
<main>
<h1>Deze pagina is verplaatst</h1>
<p>Wat hier stond, staat nu op de pagina <a href="{target}">{title}</a>.
Werk uw bladwijzer of link bij.</p>
</main>
</body>
</html>
"""


def redirects(cat: Catalogue) -> dict[str, tuple[str, str]]:
    """Old page path → (new page file name, title), for every former id in this edition."""
    found = {}
    for kind in PAGE_KINDS:
        for entry in cat.entries(kind.name):
            for old in entry.record.get("former_ids", []):
                found[kind.page_url(old)] = (f"{entry.id}.html", entry.title)
    return found


def add_redirects(cat: Catalogue, out: Outputs) -> int:
    pages = redirects(cat)
    for old_path, (target, title) in pages.items():
        out.add(old_path, TEMPLATE.format(marker=MARKER, target=escape(target), title=escape(title)))
    return len(pages)
