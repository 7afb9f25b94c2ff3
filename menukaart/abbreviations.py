"""Abbreviations from the glossary, explained wherever a page uses them (a tooltip on <abbr>).

Markdown pages get `*[ABBR]: meaning` lines for the abbreviations they use (Markdown's abbr
extension marks them); pages written as HTML get the <abbr> elements themselves.
"""
from __future__ import annotations

import html
import re


class Abbreviations:
    """Appends `*[ABBR]: meaning` lines for the abbreviations a page uses (shown as tooltips)."""

    def __init__(self, glossary: list[dict]):
        self.meaning, self.plain_meaning = {}, {}
        for term in glossary:
            if term.get("abbreviation"):
                self.plain_meaning.setdefault(term["abbreviation"], " ".join(term["term"].split()))
                # The meaning becomes a title attribute: '&' is written as '&amp;', so that a term
                # typed as '&lt;b&gt;' shows exactly that (the serializer keeps entities as they are).
                meaning = " ".join(term["term"].split()).replace("&", "&amp;")
                self.meaning.setdefault(term["abbreviation"], meaning)
        names = sorted(self.meaning, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w&#])(" + _alternatives(names) + r")(?!\w)") if names else None
        # The same names as they stand in escaped HTML, for the pages written as HTML: with
        # quotes as they are (html_text) and as autoescape writes them (&#39; and &#34;).
        self.in_html = {}
        for name in names:
            escaped = html.escape(name, quote=False)
            self.in_html.setdefault(escaped, name)
            self.in_html.setdefault(escaped.replace("'", "&#39;").replace('"', "&#34;"), name)
        self.html_pattern = re.compile(r"(?<![\w&#])(" + _alternatives(self.in_html) + r")(?!\w)") if names else None
        # Not inside a tag either: no '>' comes before the next '<' (attribute values hold neither).
        self.outside_tags = re.compile(self.html_pattern.pattern + r"(?![^<>]*>)") if names else None

    def append_to(self, text: str, looked_in: str | None = None) -> str:
        """`looked_in`: the part of the text whose abbreviations are explained (a shell's
        headings, without its placeholders), when it is not the whole text."""
        if not self.pattern:
            return text
        used = dict.fromkeys(self.pattern.findall(text if looked_in is None else looked_in))
        if not used:
            return text
        lines = [f"*[{abbr}]: {self.meaning[abbr]}" for abbr in used]
        return text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"

    # Text inside these elements is left as it is (as Markdown's abbr extension does for code;
    # an <option> holds text only).
    _SKIP = re.compile(r"<(/?)(script|style|code|pre|abbr|textarea|select)\b", re.IGNORECASE)
    _TAG = re.compile(r"(<[^>]*>)")

    def wrap_html(self, text: str) -> str:
        """Every abbreviation in the text of an HTML fragment as <abbr title="meaning"> (a tooltip)."""
        if not self.html_pattern or not self.html_pattern.search(text):
            return text
        if not self._SKIP.search(text):  # the usual case: one pass over the whole fragment
            return self.outside_tags.sub(self._abbr, text)
        parts = self._TAG.split(text)
        inside = 0
        for i, part in enumerate(parts):
            if i % 2:  # a tag
                skip = self._SKIP.match(part)
                if skip:
                    inside = max(0, inside + (-1 if skip.group(1) else 1))
            elif part and not inside:
                parts[i] = self.html_pattern.sub(self._abbr, part)
        return "".join(parts)

    def _abbr(self, match: re.Match) -> str:
        meaning = html.escape(self.plain_meaning[self.in_html[match.group(1)]], quote=True)
        return f'<abbr title="{meaning}">{match.group(1)}</abbr>'


def _alternatives(names) -> str:
    """A regular expression matching any of the names, longest first, written as a tree of
    their shared beginnings ("B(?:RP|ibob)"): a flat list of a hundred names is tried one by
    one at every position of every page."""
    tree: dict = {}
    for name in names:
        node = tree
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items(), key=_longest_first) if char]
        ends = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return pattern(tree)


def _longest_first(item) -> tuple:
    char, child = item
    return (-_depth(child), char)


def _depth(node: dict) -> int:
    return max((1 + _depth(child) for char, child in node.items() if char), default=0)

