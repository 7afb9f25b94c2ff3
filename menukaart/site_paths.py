"""Paths inside the built site that Python writes and pages load: one name for each.

Templates get SCRIPTS (render.environment), so a page never spells a script's path itself.
"""
from __future__ import annotations

import re
import unicodedata

VENDOR_DIR = "assets/vendor/lunr"
INDEX_SCRIPT = "assets/search/index.js"
DOCUMENTS_SCRIPT = "assets/search/documents.js"
FACETS_SCRIPT = "assets/menukaart/facets.js"
PLAN_DATA_SCRIPT = "assets/plan/catalogue.js"

# What a page needs, in load order (plain <script> files: fetch does not work from file://).
SCRIPTS = {
    "lunr": [f"{VENDOR_DIR}/lunr.js", f"{VENDOR_DIR}/lunr.stemmer.support.js", f"{VENDOR_DIR}/lunr.nl.js"],
    "documents": DOCUMENTS_SCRIPT,
    "index": INDEX_SCRIPT,
    "facets": FACETS_SCRIPT,
    "search_core": "assets/javascripts/search-core.js",
    "search_page": "assets/javascripts/search-page.js",
    "facets_page": "assets/javascripts/facets-page.js",
    "matrix_view": "assets/javascripts/matrix-view.js",
    "plan_data": PLAN_DATA_SCRIPT,
    "plan_file": "assets/javascripts/plan-file.js",
    "signals_page": "assets/javascripts/signals-page.js",
    "plan_page": "assets/javascripts/plan-page.js",
}

# What the search as you type in every page's header loads when the box first gets focus.
HEADER_SEARCH_SCRIPTS = [*SCRIPTS["lunr"], DOCUMENTS_SCRIPT, INDEX_SCRIPT, SCRIPTS["search_core"]]

GLOSSARY_PAGE = "begrippen.html"


def glossary_anchor(term: str) -> str:
    """The id of a term's row on the glossary page, which search results link to."""
    folded = "".join(c for c in unicodedata.normalize("NFD", term.lower()) if not unicodedata.combining(c))
    return "begrip-" + re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
