"""Where each kind of page lives in the site (one place, used by pages, search and exports)."""
from __future__ import annotations

# kind → folder of its pages, and the Dutch label users see.
FOLDERS = {
    "measure": "maatregelen",
    "barrier": "barrieres",
    "phase": "fases",
    "partner": "partners",
    "law": "wetten",
}
KIND_LABELS = {
    "measure": "Maatregel",
    "barrier": "Barrière",
    "phase": "Fase",
    "partner": "Partner",
    "law": "Wet of regeling",
}


def page_source(kind: str, entry_id: str) -> str:
    """Markdown path of an entry page inside the docs folder."""
    return f"{FOLDERS[kind]}/{entry_id}.md"


def page_url(kind: str, entry_id: str) -> str:
    """Site-relative URL of the built page (the site uses .html links, for file://)."""
    return f"{FOLDERS[kind]}/{entry_id}.html"
