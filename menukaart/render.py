"""Render the catalogue into pages with Jinja2 (one template per page kind).

Two kinds of template, told apart by their name:
- `*.html.j2`: pages written as HTML (entry pages, the measures overview, the printable
  menukaart: the pages that grow with the catalogue). Every printed value is HTML-escaped
  (autoescape); page_shells splits them into a shell for the generator and the content it
  fills in afterwards.
- `*.md.j2`: Markdown pages for the generator (the overviews of the whole catalogue). Every
  printed value is escaped for Markdown (markdown_text.finalize).
Only links and fragments built here are trusted.
"""
from __future__ import annotations

import functools
import posixpath
import re
from urllib.parse import urlencode
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import html_text, markdown_text, page_shells
from .abbreviations import Abbreviations
from . import field_reference, fields
from .catalogue import Catalogue
from .changes import ChangeReport
from .exports import ExportResult
from .kinds import BY_NAME, PAGE_KINDS
from .outputs import Outputs
from .resources import TEMPLATE_DIR
from .review import review_report
from . import site_paths
from .site_paths import SCRIPTS


# The editors' review list: only in the internal edition (and its navigation).
INTERNAL_ONLY_PAGE = "redactie.md"

# Pages over the whole catalogue: template → output path (relative to the docs folder).
# A kind's own overview (<folder>/index.md) is declared with the kind.
OVERVIEWS = {
    "facets.md.j2": "menukaart.md",
    "matrix.html.j2": "barrieremodel.md",
    "glossary.html.j2": "begrippen.md",
    "search.md.j2": "zoeken.md",
    "signals.html.j2": "signalenwijzer.md",
    "plan.html.j2": "plan.md",
}
SEARCH_PAGE = "zoeken.md"  # the search does not list itself

# The printable menukaart: one page up to this many measures; beyond it (a page of thousands
# of measures is more than a browser prints, and costs the generator the most), the page
# lists one printable page per category, in PRINT_PARTS_FOLDER (kept out of the navigation).
PRINT_PAGE = "menukaart-afdrukken.md"
PRINT_PARTS_FOLDER = "afdrukken"
PRINT_WHOLE_UP_TO = 400


@dataclass
class RenderedSite:
    pages: int
    entry_pages: int
    entry_pages_by_kind: dict[str, int]  # "measure" → pages written
    html_pages: list[page_shells.Page]   # the pages written as HTML, filled in after the generator
    shells: dict[str, str]               # docs path → Markdown of each shell (before its abbreviations)
    abbreviations: Abbreviations
    markdown_pages: list[str]            # docs paths of the pages rendered as Markdown
    searched_pages: dict[str, str]       # docs path → how the search reads it (page_search.HOW)

    def whole_pages(self, convert=None) -> dict[str, str]:
        """Each page written as HTML as one Markdown file: what a generator would get without
        shells (`convert`: see page_shells.whole_page)."""
        return {p.target: self.abbreviations.append_to(page_shells.whole_page(p, self.shells[p.shell], convert))
                for p in self.html_pages}


@functools.lru_cache(maxsize=None)
def environment(as_html: bool = False) -> Environment:
    """One per kind of template and process: the live preview keeps the compiled templates
    (Jinja reloads a template whose file changed)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        # Autoescape on, so macro output stays trusted; for Markdown pages, finalize escapes
        # every printed value for Markdown (not just HTML) before Jinja sees it.
        autoescape=True,
        finalize=_as_html_text if as_html else markdown_text.finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    # Labels come from the schemas: label("measure", "aim") → "Doel"; labelled("measure",
    # "category") → (value, label) pairs; a value's label with the filter `choice`.
    env.globals.update(label=fields.label, labelled=fields.labelled, kinds=BY_NAME, scripts=SCRIPTS)
    if as_html:
        env.filters["paragraphs"] = lambda text: Markup(html_text.paragraphs(text))
        env.filters["attr"] = lambda text: Markup(markdown_text.attribute(text))
    else:
        env.filters["paragraphs"] = lambda text: Markup(markdown_text.paragraphs(text))
        env.filters["attr"] = lambda text: Markup(markdown_text.attribute(text))
        env.filters["code_spans"] = lambda text: Markup(markdown_text.with_code_and_bold(text))
    env.filters["choice"] = lambda value, kind, name: fields.choice_label(kind, name, value)
    env.filters["kind_label"] = lambda key: BY_NAME[key].label
    env.filters["date_nl"] = date_nl
    env.filters["plural"] = lambda n, one, many: f"{n} {one if n == 1 else many}"
    return env


def _as_html_text(value: object) -> object:
    """Jinja finalize of HTML pages: text from YAML with its whitespace collapsed (autoescape
    escapes it next); markup made here as it is."""
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return " ".join(value.split())
    return value


def render_all(cat: Catalogue, out: Outputs, exports: ExportResult, changes: ChangeReport | None = None) -> RenderedSite:
    """Add every generated page to the outputs.

    `exports` describes the files written for the downloads page; `changes` compares this
    release with the previous one (None when the build was given no previous export).
    """
    environments = {False: environment(), True: environment(as_html=True)}
    abbreviations = Abbreviations(cat.glossary)
    count = 0
    html_pages: list[page_shells.Page] = []
    markdown_pages: list[str] = []
    shells: dict[str, str] = {}

    searched_pages: dict[str, str] = {}

    def write(template: str, target: str, shared: bool = False, searched: str | None = "lead", **context) -> None:
        """Render one page; `shared`: out of the navigation, its shell may serve other pages too;
        `searched`: how the search reads the page (None: not as a page, see page_search)."""
        nonlocal count
        if searched:
            searched_pages[target] = searched
        as_html = template.endswith(".html.j2")
        helpers = Helpers(cat, target, as_html)
        text = environments[as_html].get_template(template).render(cat=cat, links=cat.links, h=helpers, **context)
        count += 1
        if not as_html:
            out.add(target, abbreviations.append_to(text))
            markdown_pages.append(target)
            return
        page, shell = page_shells.split(target, text, shared, abbreviations.wrap_html)
        page.shell = page_shells.shell_path(target, shell) if shared else target
        if page.shell not in shells:
            shells[page.shell] = shell
            out.add(page.shell, abbreviations.append_to(shell, page_shells.headings_only(shell)))
        html_pages.append(page)

    by_kind = {}
    for kind in PAGE_KINDS:
        before = count
        for entry_id, entry in cat.table(kind.name).items():
            write(kind.template, kind.page_source(entry_id), shared=True, searched=None, entry=entry, entry_id=entry_id)
        by_kind[kind.name] = count - before
    entry_pages = count
    for kind in PAGE_KINDS:
        if kind.overview:
            write(kind.overview, kind.overview_source)
    for template, target in OVERVIEWS.items():
        write(template, target, searched=None if target == SEARCH_PAGE else "lead")
    for target, context in print_pages(cat):
        part = target.startswith(PRINT_PARTS_FOLDER + "/")
        write("print_menukaart.html.j2", target, shared=part, searched=None if part else "lead",
              print_parts=PRINT_PARTS_FOLDER, **context)
    write("fields.md.j2", "velden.md", reference=field_reference.reference(),
          link_sentences=field_reference.link_sentences())
    # A guide: read by section, as the hand-written pages.
    write("downloads.html.j2", "downloads.md", searched="sections", exports=exports)
    write("changes.md.j2", "wijzigingen.md", changes=changes)
    if cat.edition == "internal":  # the editors' list names internal entries too
        write("review.md.j2", INTERNAL_ONLY_PAGE, stale=review_report(cat))
    return RenderedSite(pages=count, entry_pages=entry_pages, entry_pages_by_kind=by_kind,
                        html_pages=html_pages, shells=shells, abbreviations=abbreviations,
                        markdown_pages=markdown_pages, searched_pages=searched_pages)


def print_pages(cat: Catalogue) -> list[tuple[str, dict]]:
    """(page, template context) of the printable menukaart: the whole, or a list and a page per category."""
    in_use = {e["category"] for e in cat.measures.values()}
    categories = [key for key, _ in fields.labelled("measure", "category") if key in in_use]
    if len(cat.measures) <= PRINT_WHOLE_UP_TO:
        return [(PRINT_PAGE, {"shown": categories, "parts": [], "back_to": None})]
    parts = [(key, fields.choice_label("measure", "category", key),
              sum(e["category"] == key for e in cat.measures.values())) for key in categories]
    return [(PRINT_PAGE, {"shown": [], "parts": parts, "back_to": None}),
            *((f"{PRINT_PARTS_FOLDER}/{key}.md", {"shown": [key], "parts": [], "back_to": PRINT_PAGE}) for key in categories)]


def add_handwritten(source_docs: Path, out: Outputs, cat: Catalogue) -> list[str]:
    """The hand-written pages and assets; their abbreviations are explained too. Returns the pages."""
    abbreviations = Abbreviations(cat.glossary)
    pages = []
    for path in sorted(source_docs.rglob("*")):
        if path.is_dir():
            continue
        target = path.relative_to(source_docs).as_posix()
        if path.suffix == ".md":
            out.add(target, abbreviations.append_to(path.read_text(encoding="utf-8")))
            pages.append(target)
        else:
            out.add(target, path.read_bytes())
    return pages


class Helpers:
    """Links between pages, relative to the page being rendered, as HTML or as Markdown."""

    def __init__(self, cat: Catalogue, target: str, as_html: bool = False):
        self.cat, self.as_html = cat, as_html
        self.folder = posixpath.dirname(target)
        self.prefix = "../" * target.count("/")
        self.text = html_text.inline if as_html else markdown_text.inline

    def title(self, kind: str, entry_id: str) -> str:
        return self.cat.entry(kind, entry_id).title

    def label(self, kind: str, entry_id: str) -> str:
        """How the entry is named: a partner or law with its abbreviation."""
        return self.cat.entry(kind, entry_id).label

    def link(self, kind: str, entry_id: str, label: str | None = None) -> Markup:
        """A link to an entry's page, as HTML on every page: entry pages are filled in after the
        generator ran (page_shells), so a Markdown link to them would point at nothing it knows."""
        text = self.text(label if label is not None else self.title(kind, entry_id))
        badge = ' <span class="mk-badge mk-badge--internal">intern</span>' if self.is_internal(kind, entry_id) else ""
        return Markup(f'<a href="{self.url(kind, entry_id)}">{text}</a>{badge}')

    def url(self, kind: str, entry_id: str) -> str:
        """HTML link target of an entry's page."""
        url = self.cat.entry(kind, entry_id).url
        folder, _, name = url.rpartition("/")
        return name if folder == self.folder else self.prefix + url  # what relpath says, for pages one folder deep

    def page(self, target: str) -> str:
        """Link target of another page, e.g. 'maatregelen/index.md' (.html in an HTML page)."""
        if self.as_html and target.endswith(".md"):
            target = target[:-3] + ".html"
        return self.prefix + target

    def heading(self, level: int, title: str, id: str | None = None, css_class: str | None = None,
                in_toc: bool = True) -> Markup:
        return page_shells.heading(level, title, id, css_class, in_toc)

    def is_internal(self, kind: str, entry_id: str) -> bool:
        return self.cat.entry(kind, entry_id).is_internal

    def glossary_anchor(self, term: str) -> str:
        return site_paths.glossary_anchor(term)

    def external(self, url: str, label: str) -> Markup:
        return Markup(f'<a href="{markdown_text.attribute(url)}">{self.text(label)}</a>')

    def filtered(self, facet: str, value: str, count: int, text: str | None = None) -> Markup:
        """A link to the menukaart filtered on one facet value, where the reader can narrow further."""
        if not count:
            return Markup("")
        query = urlencode({facet: value})
        label = text or f"Bekijk {'deze maatregel' if count == 1 else f'deze {count} maatregelen'} in de menukaart en filter verder"
        return Markup(f'<p class="mk-filter-link"><a href="{self.prefix}menukaart.html?{markdown_text.attribute(query)}">'
                      f'{self.text(label)}</a></p>')

    def folder(self, kind: str) -> str:
        return BY_NAME[kind].folder


_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"]


def date_nl(value: str) -> str:
    year, month, day = (int(p) for p in str(value).split("-"))
    return f"{day} {_MONTHS[month - 1]} {year}"
