"""Assemble the docs in a staging folder and build the site with the chosen generator
(generators.py knows them). The site is built next to the
output folder and swapped in only when the build succeeded, so a failed build
leaves the last good site untouched (the caller holds the folder's lock, see
output_folder).
"""
from __future__ import annotations

import calendar
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import counts, exports, facets, generators, page_search, page_shells, plan_data, redirects, render, search_index
from .archive import fixed_time
from .changes import compare
from .catalogue import Catalogue
from .dutch import LUNR_FILES
from .generator_cache import GeneratorCache
from .kinds import PAGE_KINDS
from .output_folder import staging_prefix, swap_into_place
from .outputs import Outputs
from .resources import HANDWRITTEN_DOCS
from .site_paths import VENDOR_DIR

# Entry pages are reached from their overview pages, not from the navigation.
# So are the parts of the printable menukaart, reached from its page.
ENTRY_PAGES_NOT_IN_NAV = "\n".join([*(f"/{kind.folder}/*.md" for kind in PAGE_KINDS), f"/{render.PRINT_PARTS_FOLDER}/*.md"])


class SiteBuildError(Exception):
    """The generator refused the pages (broken link, bad Markdown); messages say why."""


@dataclass
class BuildResult:
    out_dir: Path
    entry_pages: dict[str, int]  # kind → entry pages
    pages: int
    search_documents: dict[str, int]  # kind → documents in the search index
    redirects: int
    exports: exports.ExportResult
    counts: list  # counts.count_rows: per kind, content = pages = index = exports


def build(cat: Catalogue, out_dir: Path, previous: dict | None = None,
          docs_source: Path = HANDWRITTEN_DOCS, generator: str = generators.DEFAULT,
          cache: GeneratorCache | None = None) -> BuildResult:
    """Build the site of one edition; `previous` is the last release's JSON export, if given;
    `cache` (the live preview's) reuses the generator's output while its input is the same."""
    out_dir = Path(out_dir).resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(out_dir), dir=out_dir.parent))
    try:
        docs_dir, site_dir = staging / "docs", staging / "site"
        staged = stage(cat, docs_dir, previous, docs_source)
        _generate(generator, docs_dir, site_dir, cat, cache)
        documents = _fill(site_dir, staged, cat)
        entry_pages = entry_pages_in_site(site_dir, cat)
        table = counts.count_rows(cat, entry_pages, documents, staged.exported.rows)
        mismatches = counts.disagreements(table)
        if mismatches:
            raise SiteBuildError(counts.report(table) + "\nDe tellingen kloppen niet:\n" + "\n".join(mismatches))
        swap_into_place(site_dir, out_dir)
        return BuildResult(out_dir, entry_pages, staged.rendered.pages, documents,
                           staged.redirects, staged.exported, table)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@dataclass
class Staged:
    rendered: render.RenderedSite
    exported: exports.ExportResult
    searched_pages: dict[str, str]  # docs path → how the search reads it, besides the entries
    redirects: int
    outputs: Outputs


def stage(cat: Catalogue, docs_dir: Path, previous: dict | None = None, docs_source: Path = HANDWRITTEN_DOCS) -> Staged:
    """Everything the site generator gets, written into docs_dir."""
    return staged_outputs(cat, previous, docs_source, Outputs(docs_dir))


def stage_whole_pages(cat: Catalogue, docs_dir: Path, previous: dict | None = None,
                      docs_source: Path = HANDWRITTEN_DOCS, convert=None) -> Staged:
    """The docs as a generator would get them without shells: each page written as HTML as one
    Markdown file with its content in place. The reference that tests compare the filled pages
    with, and that the benchmark builds with a bare MkDocs (`convert`: the content as plain
    Markdown, see page_shells.whole_page)."""
    staged = stage(cat, docs_dir, previous, docs_source)
    for path in staged.rendered.shells:
        (docs_dir / path).unlink()
    for target, text in staged.rendered.whole_pages(convert).items():
        (docs_dir / target).write_text(text, encoding="utf-8")
    return staged


def staged_outputs(cat: Catalogue, previous: dict | None = None, docs_source: Path = HANDWRITTEN_DOCS,
                   out: Outputs | None = None) -> Staged:
    """Hand-written and generated pages, exports and facet data (in memory unless `out` is bound).
    The search index is made from the built pages (see _fill)."""
    out = Outputs() if out is None else out
    handwritten = render.add_handwritten(docs_source, out, cat)
    exported = exports.add_exports(cat, out)
    changes = compare(previous, exports.export_data(cat)) if previous else None
    rendered = render.render_all(cat, out, exported, changes)
    for name, path in LUNR_FILES.items():
        out.add(f"{VENDOR_DIR}/{name}", path.read_bytes())
    facets.add(cat, out)
    plan_data.add(cat, out)
    redirect_pages = redirects.add_redirects(cat, out)
    searched = {**dict.fromkeys(handwritten, "sections"), **rendered.searched_pages}
    return Staged(rendered, exported, searched, redirect_pages, out)


def _generate(generator: str, docs_dir: Path, site_dir: Path, cat: Catalogue,
              cache: GeneratorCache | None = None) -> None:
    settings = generators.Settings(
        edition=cat.edition, copyright=release_line(cat), not_in_nav=ENTRY_PAGES_NOT_IN_NAV,
        extra_nav=(("Redactie: te controleren", render.INTERNAL_ONLY_PAGE),) if cat.edition == "internal" else ())
    key = cache.key(generator, settings, docs_dir) if cache else None
    if cache and cache.restore(key, docs_dir, site_dir):
        return
    with _build_time(cat):
        try:
            generators.generate(generator, docs_dir, site_dir, settings)
        except generators.GeneratorError as error:
            raise SiteBuildError(str(error)) from None
    if cache:
        cache.store(key, site_dir)


def _fill(site_dir: Path, staged: Staged, cat: Catalogue) -> dict[str, int]:
    """Put the pages written as HTML into the generated site, add the search index over the
    pages as built, and check the links the generator did not see (in that content, and the
    HTML links of the Markdown pages). Returns the search documents per kind."""
    rendered = staged.rendered
    try:
        page_shells.fill(site_dir, rendered.html_pages)
    except page_shells.FillError as error:
        raise SiteBuildError(str(error)) from None
    documents = search_index.build(cat, Outputs(site_dir), page_search.documents(site_dir, staged.searched_pages))
    laid_out = [target[:-3] + ".html" for target in rendered.markdown_pages]
    broken = page_shells.broken_links(site_dir, rendered.html_pages, laid_out)
    if broken:
        raise SiteBuildError("\n".join(broken))
    return documents


def entry_pages_in_site(site_dir: Path, cat: Catalogue) -> dict[str, int]:
    """Per kind, how many of its entries have a page in the built site (counted, not assumed)."""
    return {kind.name: sum((site_dir / kind.page_url(entry_id)).is_file() for entry_id in cat.table(kind.name))
            for kind in PAGE_KINDS}


def release_line(cat: Catalogue) -> str:
    """Footer line on every page: which release and which edition the reader holds."""
    edition = "interne editie" if cat.edition == "internal" else "openbare editie"
    return f"Menukaart mensensmokkel, uitgave {cat.release['number']} van {render.date_nl(cat.release['date'])} ({edition})"


@contextmanager
def _build_time(cat: Catalogue):
    """MkDocs stamps the build date into the sitemap; the release date makes it the same every build."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    year, month, day, hour, minute, second = fixed_time((cat.release or {}).get("date"))
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm((year, month, day, hour, minute, second)))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
