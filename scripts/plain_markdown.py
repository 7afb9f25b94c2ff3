"""The content of the pages written as HTML, as plain Markdown: the benchmark's reference is a
bare MkDocs build of the catalogue's pages as a Markdown author would write them (headings,
paragraphs, lists, tables, links, emphasis), the way the build wrote them before the pages
reached the generator as shells. Only the small set of elements our templates write is
converted; anything else (a badge, a button) stays inline HTML, which Markdown allows.
"""
from __future__ import annotations

import re

_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>')
_TABLE = re.compile(r"<table>\n(.*?)</table>", re.DOTALL)
_ROW = re.compile(r"<tr>\n(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>")
_ADMONITION = re.compile(r'<div class="admonition (\w+)">\n<p class="admonition-title">(.*?)</p>\n(.*?)\n</div>', re.DOTALL)


def _link(match: re.Match) -> str:
    href, text = match.groups()
    if not re.match(r"[a-z]+:|#", href):
        href = re.sub(r"\.html(?=$|#)", ".md", href)  # a page of the site, as MkDocs links them
    return f"[{text}]({href})"


def _table(match: re.Match) -> str:
    rows = [" | ".join(_CELL.findall(row)) for row in _ROW.findall(match.group(1))]
    columns = rows[0].count(" | ") + 1
    return "\n".join([f"| {rows[0]} |", "|" + "---|" * columns, *(f"| {row} |" for row in rows[1:])]) + "\n"


def _admonition(match: re.Match) -> str:
    kind, title, body = match.groups()
    body = re.sub(r"</?p>", "", body)
    return f'!!! {kind} "{title}"\n' + "\n".join("    " + line for line in body.splitlines()) + "\n"


def as_markdown(fragment: str) -> str:
    text = re.sub(r'<abbr title="[^"]*">(.*?)</abbr>', r"\1", fragment)
    text = _LINK.sub(_link, text)
    text = re.sub(r"</?strong>", "**", text)
    text = re.sub(r"</?em>", "*", text)
    text = re.sub(r"</?code>", "`", text)
    text = re.sub(r"<h([1-6])[^>]*>(.*?)</h\1>", lambda m: "#" * int(m.group(1)) + " " + m.group(2), text)
    text = _ADMONITION.sub(_admonition, text)
    text = _TABLE.sub(_table, text)
    lines, lists = [], []
    for line in text.split("\n"):
        if line in ("<ul>", "<ol>"):
            lists.append("- " if line == "<ul>" else "1. ")
            continue
        if line in ("</ul>", "</ol>"):
            lists.pop()
            if not lists:
                lines.append("")
            continue
        if line == "</li>":
            continue
        item = re.match(r"<li(?: value=\"\d+\")?>(.*?)(</li>)?$", line)
        if item and lists:
            lines.append("    " * (len(lists) - 1) + lists[-1] + item.group(1))
            continue
        paragraph = re.match(r"<p>(.*)</p>$", line)
        lines.append(paragraph.group(1) if paragraph else line)
    return "\n".join(lines).strip("\n")
