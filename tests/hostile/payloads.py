"""The test catalogue with script, markup and Markdown payloads in every text field of every
kind: content that `--check` accepts (it is only text) and that must build, and show as
the text it is, on every page.

Which fields are text is read from the schemas themselves (a string that must hold a
non-space character, or a list of them), so a field added to the model is covered too.
Every payload that would run sets `window.__x` to its own number.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from menukaart.kinds import KINDS
from menukaart.schemas import inlined_schema

PAYLOADS = [
    "</title><script>window.__x=1</script>",
    "<img src=x onerror=window.__x=2>",
    "&lt;img src=x onerror=window.__x=3&gt;",
    '!!! danger "Gehackt"',
    "<style>body{display:none}</style>",
    "[klik](javascript:window.__x=4)",
    "<svg onload=window.__x=5>",
    '"><script>window.__x=6</script>',
    "'><img src=x onerror=window.__x=7>",
    "{{ 7*7 }} {% raw %} ${7*7}",
    "*[OM]: <img src=x onerror=window.__x=8>",
    '<a href="javascript:window.__x=9">klik</a>',
    "<iframe src=javascript:window.__x=10>",
    "<details open ontoggle=window.__x=11>",
    "</textarea><script>window.__x=12</script>",
    "</script><script>window.__x=13</script>",
    "&#60;script&#62;window.__x=14&#60;/script&#62;",
    "1. lijst",
    "- lijst",
    "# kop",
    "> citaat",
    "| a | b |",
    "---",
    "`code` **vet** _schuin_ <!-- {: .x} [TOC]",
    "=SUM(A1) @cmd +1 -1",
]
# Each payload, as a whole line, as the start of a line and in running text.
MARKERS = ("window.__x", "onerror", "onload", "ontoggle", "javascript:")


class _Filler:
    def __init__(self) -> None:
        self.n = 0

    def text(self, limit: int | None) -> str:
        payload = PAYLOADS[self.n % len(PAYLOADS)]
        self.n += 1
        value = payload if self.n % 3 else f"Gewone tekst {payload} en verder"
        return value[:limit] if limit else value

    def paragraphs(self) -> str:
        return "\n\n".join(self.text(None) for _ in range(3))


def _is_text(schema: dict) -> bool:
    return schema.get("type") == "string" and schema.get("pattern") == "\\S"


def _fill(value, schema: dict, filler: _Filler):
    """The value with every text in it replaced by payloads, following the schema."""
    if "allOf" in schema:  # a $ref beside other rules, or if/then rules beside the properties
        merged = {key: value for key, value in schema.items() if key != "allOf"}
        for part in schema["allOf"]:
            merged.update({key: value for key, value in part.items() if key not in merged})
        schema = merged
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return {key: _fill(item, properties.get(key, {}), filler) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill(item, schema.get("items", {}), filler) for item in value]
    if isinstance(value, str) and _is_text(schema):
        limit = schema.get("maxLength")
        return filler.text(limit) if limit and limit < 200 else filler.paragraphs()
    if isinstance(value, str) and schema.get("pattern") == "^\\S.*$":  # an article number
        return filler.text(schema.get("maxLength"))
    return value


def payload_content(target: Path, source: Path) -> Path:
    """Copy `source` (a content folder) to `target` with payloads in every text field."""
    shutil.copytree(source, target)
    filler = _Filler()
    files = []
    for kind in KINDS:
        paths = sorted((target / kind.source).glob("*.yaml")) if kind.one_file_per_entry else [target / kind.source]
        files += [(path, kind.schema) for path in paths]
    for path, schema_name in files:
        schema = inlined_schema(schema_name)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = _fill(data, schema, filler)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return target
