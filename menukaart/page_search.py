"""What the search finds on the pages that are not entries, read from the built site.

Read from the pages as built, not from their sources, so that a result opens exactly the
heading the generator made (its id) and holds exactly the text a reader sees there.
Hand-written pages and guides are searched by section (h2 and h3); pages that list entries
only by their title and opening paragraphs, or every query would find them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .search_index import PAGE, SearchDocument

SECTION_HEADINGS = ("h2", "h3")
# Text a reader does not read as part of the page: scripts, the permalink signs of headings,
# and forms (the search box of the search page).
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "form", "select", "button", "svg"})
SKIPPED_CLASSES = frozenset({"headerlink", "md-source-file"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass
class Section:
    anchor: str  # id of its heading; "" for the text above the first heading
    heading: str
    text: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return " ".join(" ".join(self.text).split())


@dataclass
class PageText:
    title: str
    sections: list[Section]

    def lead(self) -> str:
        """The paragraphs above the first section heading."""
        return self.sections[0].body if self.sections and not self.sections[0].anchor else ""


# The first section heading inside the article: where a page's opening text ends.
_FIRST_SECTION = re.compile(r"<h[23](?:\s[^>]*)?\sid=")


def read(html_file: Path, lead_only: bool = False) -> PageText:
    """The page's title and sections; `lead_only`: its title and opening text only, so a page
    that lists the whole catalogue is not parsed to its end (it costs the live preview most)."""
    text = html_file.read_text(encoding="utf-8")
    if lead_only:
        start = text.find("<article")
        end = _FIRST_SECTION.search(text, max(start, 0))
        text = text[:end.start()] if start >= 0 and end else text
    parser = _ArticleParser()
    parser.feed(text)
    parser.close()
    sections = [s for s in parser.sections if s.body or s.anchor]
    return PageText(" ".join(parser.title.split()), sections)


class _ArticleParser(HTMLParser):
    """The text of a page's <article>, split at its section headings."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.sections: list[Section] = [Section("", "")]
        self._in_article = False
        self._skipped: str | None = None  # the tag whose content is left out, while inside it
        self._skipped_depth = 0           # nested tags of that same name
        self._heading: str | None = None  # "h1", "h2" or "h3" while inside one
        self._heading_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if not self._in_article:
            self._in_article = tag == "article"
            return
        if tag in VOID_TAGS:
            return
        if self._skipped:
            self._skipped_depth += tag == self._skipped
            return
        attributes = dict(attrs)
        if tag in SKIPPED_TAGS or SKIPPED_CLASSES & set((attributes.get("class") or "").split()):
            self._skipped, self._skipped_depth = tag, 1
            return
        if tag == "h1" or (tag in SECTION_HEADINGS and attributes.get("id")):
            self._heading, self._heading_text = tag, []
            if tag != "h1":
                self.sections.append(Section(attributes["id"], ""))

    def handle_endtag(self, tag):
        if not self._in_article:
            return
        if self._skipped:
            self._skipped_depth -= tag == self._skipped
            if not self._skipped_depth:
                self._skipped = None
            return
        if tag == "article":
            self._in_article = False
        elif tag == self._heading:
            text = " ".join("".join(self._heading_text).split())
            if tag == "h1":
                self.title = self.title or text
            else:
                self.sections[-1].heading = text
            self._heading = None

    def handle_data(self, data):
        if not self._in_article or self._skipped:
            return
        if self._heading:
            self._heading_text.append(data)
        else:
            self.sections[-1].text.append(" " + data)


# How the search reads a page (render.render_all says which page how): every section, or
# only its title and opening paragraphs.
HOW = ("sections", "lead")
LEAD_LENGTH = 600  # characters of a listing page's opening text that are searched
PAGE_LABEL = "Pagina"


def documents(site_dir: Path, searched: dict[str, str]) -> list[SearchDocument]:
    """Search documents of the pages in `searched` (docs path → how), in that order."""
    docs = []
    for target, how in searched.items():
        url = target[:-3] + ".html"
        page = read(site_dir / url, lead_only=how == "lead")
        lead = page.lead()
        if how == "lead" and len(lead) > LEAD_LENGTH:
            lead = lead[:LEAD_LENGTH].rsplit(" ", 1)[0]
        docs.append(SearchDocument(PAGE, url, page.title, PAGE_LABEL, lead, "", lead))
        if how != "sections":
            continue
        for section in page.sections:
            if section.anchor and section.heading:
                # The page's title is a word of each section: "toegankelijkheid testen" finds one.
                docs.append(SearchDocument(PAGE, f"{url}#{section.anchor}", section.heading,
                                           f"Onderdeel van: {page.title}", section.body, "",
                                           f"{page.title} {section.body}"))
    return docs
