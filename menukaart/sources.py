"""Read YAML content files into plain data, keeping the line of every field.

Parsing goes through PyYAML's C composer (fast, and it keeps each node's line) and
builds Python values ourselves, so that duplicate keys and object-constructing tags
are refused instead of silently accepted, and dates stay the text the author wrote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problems

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

Path_ = tuple  # a path into the data: keys and list indexes


@dataclass
class SourceFile:
    """One content file: its data and the line (1-based) of every path into it."""

    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """Line of a path, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class _Refused(Exception):
    def __init__(self, line: int, field_name: str, message: str):
        super().__init__(message)
        self.line, self.field_name, self.message = line, field_name, message


def read_yaml(path: Path, problems: Problems) -> SourceFile | None:
    """Parse one file; on any problem record it and return None."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(path, line, "-", f"bestand is geen UTF-8 (byte {error.start}); sla het op als UTF-8")
        return None

    tab_lines = [n for n, line in enumerate(text.splitlines(), start=1) if "\t" in line]
    for n in tab_lines:
        problems.add(path, n, "-", "tab gevonden; gebruik spaties om in te springen")
    if tab_lines:
        return None

    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        column = f" (kolom {mark.column + 1})" if mark else ""
        detail = " ".join(filter(None, [error.context, error.problem]))
        problems.add(path, line, "-", f"YAML-syntaxfout{column}: {detail}")
        return None
    except yaml.YAMLError as error:
        problems.add(path, 1, "-", f"YAML-syntaxfout: {error}")
        return None

    if root is None:
        problems.add(path, 1, "-", "bestand is leeg")
        return None

    source = SourceFile(path=path, data=None)
    try:
        source.data = _build(root, (), source.lines)
    except _Refused as refused:
        problems.add(path, refused.line, refused.field_name, refused.message)
        return None
    if not isinstance(source.data, dict):
        problems.add(path, 1, "-", "het bestand moet velden bevatten (veld: waarde), geen losse waarde of lijst")
        return None
    return source


def dotted(path: Path_) -> str:
    """`legal_basis[0].url` style name of a path, for messages."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "-"


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> Any:
    line = node.start_mark.line + 1
    lines.setdefault(path, line)
    if node.tag == _MAP and isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                raise _Refused(key_line, dotted(path), "een veldnaam moet gewone tekst zijn")
            key = key_node.value
            if key in result:
                raise _Refused(key_line, dotted(path + (key,)),
                               f"veld '{key}' staat twee keer in hetzelfde blok (eerder op regel {lines[path + (key,)]})")
            lines[path + (key,)] = key_line
            result[key] = _build(value_node, path + (key,), lines)
        return result
    if node.tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
        return _scalar(node)
    raise _Refused(line, dotted(path),
                   f"YAML-tag '{node.tag}' is niet toegestaan; schrijf gewone tekst, lijsten en velden")


_PLAIN_INT = re.compile(r"[-+]?[0-9]+")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


def _scalar(node: yaml.ScalarNode) -> Any:
    """Scalars as an author means them.

    YAML 1.1 reads '3:3' as the number 183 (base 60) and '0x1f' as 31; an article
    number such as 3:3 Awb must stay text, so only plain decimals become numbers.
    """
    value, tag = node.value, node.tag
    if tag == "tag:yaml.org,2002:int":
        return int(value) if _PLAIN_INT.fullmatch(value) else value
    if tag == "tag:yaml.org,2002:float":
        return float(value) if _PLAIN_FLOAT.fullmatch(value) else value
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() in ("yes", "true", "on", "y")
    if tag == "tag:yaml.org,2002:null":
        return None
    return value  # text, and dates, which stay text; the schema checks their form
