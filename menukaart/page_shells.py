"""Pages written as HTML: the generator lays out a shell, the build fills in the content.

A site generator spends most of its time parsing Markdown and laying out every page in the
theme. Our generated pages are rendered from the catalogue as HTML already (Jinja, escaped),
so the generator gets only what it must lay out: a shell per page with the title, the
headings (it ids them and lists them in the table of contents) and one placeholder (an HTML
comment) per piece of content between them. After the generator ran, `fill` puts the content
in place of the placeholders.

Pages that are not in the navigation (entry pages, the parts of the printable menukaart) look
the same apart from their title and content, so pages of one folder with the same headings
share one shell, with a placeholder title: the generator lays out a handful of shells instead
of thousands of pages. A shell is written as `<folder>/mk_shell_<hash>.md` and its HTML is
removed after the fill.

What the generator would make of the whole page (`whole_page`: the shell with the content in
place, as raw HTML) is the reference: tests check that a filled page is the same, byte for
byte, for each generator.
"""
from __future__ import annotations

import hashlib
import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from . import markdown_text

TITLE = "MKTITLE"          # the placeholder title of a shared shell
TITLE_ID = "titel"         # the id of every shared shell's h1, so no heading's id depends on the title
# The placeholder of the n-th piece of content: an HTML comment, which Markdown passes on as
# it is and content cannot write (every '<' it holds is escaped).
SLOT = "<!--mk-slot-{}-->"
_PLACEHOLDERS = re.compile(re.escape(SLOT).replace(r"\{\}", r"\d+") + "|" + TITLE)
SHELL_NAME = "mk_shell_"   # shells are "<folder>/mk_shell_<hash>.md": no id has an underscore
TOC_LEVELS = 3             # headings up to h3 are the generator's (mkdocs.yml: toc_depth 3)

# A heading in the rendered HTML. Content cannot write one: every '<' it holds is escaped.
_MARKER = re.compile(r'^<mk-heading data-level="(\d)"(?: data-id="([^"]*)")?(?: data-class="([^"]*)")?>(.*)</mk-heading>\n?',
                     re.MULTILINE)


# One blank line between the top-level elements of a piece of content, as Markdown writes raw
# HTML blocks: the filled page is then the same as what the generator makes of the whole page.
_BETWEEN_BLOCKS = re.compile(r"(</(?:p|ul|ol|table|div|h[1-6])>)\n+(?=<(?:p|ul|ol|table|div|h[1-6])\b)")


# Settings for the generator at the very start of a template's output (`hide: [toc]`): the shell keeps them.
_FRONT_MATTER = re.compile(r"\A---\n(?:[a-z_]+:.*\n|  - [a-z_]+\n)*---\n")


def heading(level: int, title: str, id: str | None = None, css_class: str | None = None,
            in_toc: bool = True) -> Markup:
    """A heading of a page written as HTML: a marker for the shell up to h3, an h4 and deeper
    as HTML. `in_toc=False`: written as HTML at any level, out of the table of contents, so that
    the shell does not change with it (the measure titles of the printable menukaart)."""
    text = html.escape(" ".join(str(title).split()), quote=False)
    attrs = (f' id="{html.escape(id)}"' if id else "") + (f' class="{html.escape(css_class)}"' if css_class else "")
    if level > TOC_LEVELS or not in_toc:
        return Markup(f"<h{level}{attrs}>{text}</h{level}>")
    marker = f'<mk-heading data-level="{level}"'
    marker += f' data-id="{html.escape(id)}"' if id else ""
    marker += f' data-class="{html.escape(css_class)}"' if css_class else ""
    return Markup(f"{marker}>{text}</mk-heading>")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str                 # plain text
    id: str | None = None
    css_class: str | None = None

    def markdown(self, text: str | None = None) -> str:
        attrs = " ".join([*([f"#{self.id}"] if self.id else []), *([f".{self.css_class}"] if self.css_class else [])])
        line = "#" * self.level + " " + (markdown_text.inline(self.text) if text is None else text)
        return line + (f" {{ {attrs} }}" if attrs else "")


@dataclass
class Page:
    """One generated page written as HTML, split for its shell."""
    target: str                # its Markdown path in the docs folder: "<folder>/<id>.md"
    title: str                 # plain text of its h1
    title_html: str            # the h1's content as the generator would write it (abbreviations wrapped)
    shell: str = ""            # the docs path of its shell
    slots: list[str] = field(default_factory=list)  # HTML of each placeholder, in order

    @property
    def html_path(self) -> str:
        return self.target[:-3] + ".html"


def split(target: str, body: str, shared: bool, wrap) -> tuple[Page, str]:
    """(the page, the Markdown of its shell) from the rendered HTML of a page.

    `shared`: the page is out of the navigation and gets a placeholder title, so that it can
    share its shell. `wrap` marks abbreviations in HTML (abbreviations.Abbreviations.wrap_html)."""
    front_matter = _FRONT_MATTER.match(body)
    position = front_matter.end() if front_matter else 0
    headings: list[Heading] = []
    pieces: list[str] = []
    for match in _MARKER.finditer(body, position):
        pieces.append(body[position:match.start()])
        level, id, css_class, text = match.groups()
        headings.append(Heading(int(level), html.unescape(text), id, css_class))
        position = match.end()
    pieces.append(body[position:])
    lines = [front_matter.group().rstrip("\n")] if front_matter else []
    if not headings or headings[0].level != 1 or pieces[0].strip():
        raise ValueError(f"{target}: a page written as HTML starts with its h1")
    title = headings[0].text
    page = Page(target, title, wrap(markdown_text.inline(title)))
    for number, (head, piece) in enumerate(zip(headings, pieces[1:])):
        if number == 0 and shared:
            lines.append(Heading(1, "", TITLE_ID).markdown(TITLE))
        else:
            lines.append(head.markdown())
        piece = _BETWEEN_BLOCKS.sub(r"\1\n\n", piece.strip("\n"))
        if piece.strip():
            lines.append(SLOT.format(len(page.slots)))
            page.slots.append(wrap(piece))
    return page, "\n\n".join(lines) + "\n"


def shell_path(target: str, shell_markdown: str) -> str:
    folder = posixpath.dirname(target)
    digest = hashlib.sha256(shell_markdown.encode("utf-8")).hexdigest()[:12]
    return posixpath.join(folder, f"{SHELL_NAME}{digest}.md")


def headings_only(shell_markdown: str) -> str:
    """A shell's text without its placeholders: where its abbreviations are looked for."""
    return _PLACEHOLDERS.sub("", shell_markdown)


def is_shell(path: str) -> bool:
    return posixpath.basename(path).startswith(SHELL_NAME)


def whole_page(page: Page, shell_markdown: str, convert=None) -> str:
    """The page as one Markdown file: what the generator would get without shells; `convert`
    turns each piece of content into something else than HTML (the benchmark's plain Markdown)."""
    text = shell_markdown
    if page.shell != page.target:
        text = text.replace(f"# {TITLE} ", f"# {markdown_text.inline(page.title)} ", 1)
    for number, slot in enumerate(page.slots):
        text = text.replace(f"\n{SLOT.format(number)}\n", f"\n{convert(slot) if convert else slot}\n", 1)
    return text


class FillError(Exception):
    """The generator's output of a shell is not what the fill expects; the message says why."""


def fill(site_dir: Path, pages: list[Page]) -> list[str]:
    """Write every page into the generated site; returns the site paths written."""
    laid_out: dict[str, str] = {}
    written = []
    for page in pages:
        shell_html = posixpath.splitext(page.shell)[0] + ".html"
        if shell_html not in laid_out:
            try:
                laid_out[shell_html] = (site_dir / shell_html).read_text(encoding="utf-8")
            except OSError:
                raise FillError(f"{page.target}: de generator schreef {shell_html} niet") from None
        text = laid_out[shell_html]
        if page.shell != page.target:
            text = _titled(text, page)
        for number, slot in enumerate(page.slots):
            placeholder = SLOT.format(number)
            if text.count(placeholder) != 1:
                raise FillError(f"{page.target}: plaats {number} voor de inhoud ontbreekt in {shell_html}")
            text = text.replace(placeholder, slot, 1)
        target = site_dir / page.html_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(page.html_path)
    for shell_html in laid_out:
        if is_shell(shell_html):  # a page's own shell is that page
            (site_dir / shell_html).unlink()
    return written


def _titled(text: str, page: Page) -> str:
    h1 = f'<h1 id="{TITLE_ID}">{TITLE}</h1>'
    if text.count(h1) != 1:
        raise FillError(f"{page.target}: de titel ontbreekt in de opmaak van de generator")
    # One pass over the generator's text: a title that itself says MKTITLE stays as it is.
    before, after = text.split(h1, 1)
    title = html.escape(page.title)
    return before.replace(TITLE, title) + f'<h1 id="{TITLE_ID}">{page.title_html}</h1>' + after.replace(TITLE, title)


_TAG = re.compile(r"<[a-z][^>]*>")  # our own tags: content cannot write '<'
_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#)", re.IGNORECASE)  # another site, mail, or this page
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)


def broken_links(site_dir: Path, pages: list[Page], laid_out: list[str] = ()) -> list[str]:
    """Links the generator never checked to a file the site does not have: in the filled-in
    content, and in the article of each page in `laid_out` (generated Markdown pages, whose
    links to entry pages are HTML)."""
    contents = [(page.target, page.html_path, page.slots) for page in pages]
    for html_path in laid_out:
        text = (site_dir / html_path).read_text(encoding="utf-8")
        contents.append((html_path[:-5] + ".md", html_path, _ARTICLE.findall(text)))
    problems, exists = [], {}
    for target, html_path, pieces in contents:
        folder = posixpath.dirname(html_path)
        for piece in pieces:
            for tag in _TAG.findall(piece):
                for href in _LINK.findall(tag):
                    if _OUTSIDE.match(href):
                        continue
                    path = posixpath.normpath(posixpath.join(folder, html.unescape(href).split("#")[0].split("?")[0]))
                    if path not in exists:
                        exists[path] = not path.startswith("..") and _is_file(site_dir / path)
                    if not exists[path]:
                        problems.append(f"{target}: link naar {href}: dat bestand staat niet in de site")
    return problems


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name longer than the file system allows is not in the site either
        return False
