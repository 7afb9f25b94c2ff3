"""Whatever `--check` accepts must build: the test catalogue with script, markup and Markdown
payloads in every text field passes the check and builds in both editions with the zip
(the `payload_sites` fixture), and no page holds the payloads as markup (the browser test
opens them: tests/browser/test_payloads.py)."""
from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

import pytest
import yaml


class MarkupFinder(HTMLParser):
    """The elements and attributes of a page, as a browser parses them (text stays text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("iframe", "details") or (tag == "img" and attributes.get("src") == "x"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if (name.startswith("on") and "__x" in (value or "")) or (value or "").strip().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        self._in = tag if tag in ("script", "style") else None

    def handle_data(self, data):
        if self._in == "script" and "__x" in data or self._in == "style" and "display:none" in data:
            self.found.append(f"<{self._in}>{data[:40]}")

    def handle_endtag(self, tag):
        self._in = None


def markup_of_payloads(html: str) -> list[str]:
    finder = MarkupFinder()
    finder.feed(html)
    return finder.found


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_payloads_are_never_markup_on_any_page(payload_sites, edition):
    pages = sorted(payload_sites[edition].rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = markup_of_payloads(html)
        assert found == [], f"{page.name}: {found[:3]}"
        assert 'class="admonition danger"' not in html, page.name
    # The page title is the entry's title as text (Material's own template would unescape it).
    checked = 0
    for source in sorted((payload_sites["content"] / "measures").glob("*.yaml")):
        title = yaml.safe_load(source.read_text(encoding="utf-8"))["title"]
        page = payload_sites[edition] / f"maatregelen/{source.stem}.html"
        if "<" in title and page.exists():
            shown = page.read_text("utf-8").split("<title>", 1)[1].split("</title>", 1)[0]
            assert "<" not in shown and unescape(shown) == f"{title} - Menukaart mensensmokkel"
            checked += 1
    assert checked
