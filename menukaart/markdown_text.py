"""Turn text from YAML into Markdown that shows exactly that text.

Authors type plain text. Anything that Markdown or HTML would interpret (tags,
links, emphasis, tables, headings, lists) is written as a character reference, so
`<script>` or `[x](javascript:...)` in a YAML file is shown, never run or linked.
"""
from __future__ import annotations

import html
import re

from markupsafe import Markup

# Every character that Markdown or its extensions read as markup; '!' because a line
# starting with '!!!' opens an admonition box.
_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_[]{}#|<>&!"}
_TABLE = str.maketrans(_SPECIAL)
_LEADING_MARKER = re.compile(r"^(\d+)([.)])")


def inline(text: object) -> str:
    """One paragraph of text: whitespace collapsed, every Markdown/HTML character escaped."""
    value = " ".join(str(text).split()).translate(_TABLE)
    value = _LEADING_MARKER.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", value)
    if value[:1] in ("-", "+"):
        value = f"&#{ord(value[0])};" + value[1:]
    return value


def paragraphs(text: object) -> str:
    """Text that may hold blank-line separated paragraphs."""
    parts = re.split(r"\n\s*\n", str(text).strip())
    return "\n\n".join(inline(p) for p in parts if p.strip())


def finalize(value: object) -> Markup:
    """Jinja finalize hook: everything printed is escaped unless it is Markup made by us."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(inline(value))


def attribute(value: object) -> str:
    """A value inside a quoted HTML attribute."""
    return html.escape(str(value), quote=True)


_PROJECT_MARKUP = re.compile(r"(`[^`\n]+`|\*\*[^*\n]+\*\*)")


def with_code_and_bold(text: object) -> str:
    """Text written by the project (schema descriptions, relation sentences), not by content
    authors: its `code` spans and **bold** words stay markup; everything else is escaped."""
    parts = _PROJECT_MARKUP.split(" ".join(str(text).split()))
    out = []
    for i, part in enumerate(parts):
        if i % 2:  # a code span or bold words, as written
            out.append(part if part.startswith("`") else "**" + part[2:-2].translate(_TABLE) + "**")
        else:
            out.append(part.translate(_TABLE))
    return "".join(out)
