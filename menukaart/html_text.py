"""Text from YAML as HTML that shows exactly that text (the pages written as HTML).

The HTML counterpart of markdown_text: whitespace collapsed and every markup character
escaped, so `<script>` in a YAML file is shown, never run.
"""
from __future__ import annotations

import html
import re


def inline(text: object) -> str:
    """One paragraph of text from YAML as HTML: whitespace collapsed, every markup character escaped."""
    return html.escape(" ".join(str(text).split()), quote=False)


def paragraphs(text: object) -> str:
    parts = re.split(r"\n\s*\n", str(text).strip())
    return "\n".join(f"<p>{inline(p)}</p>" for p in parts if p.strip())
