"""Read YAML content files into plain data, keeping the line of every field.

Parsing goes through PyYAML's C composer (fast, and it keeps each node's line) and
builds Python values ourselves, so that duplicate keys and object-constructing tags
are refused instead of silently accepted, and dates stay the text the author wrote.

Whatever a file holds, reading it is bounded: control characters, anchors and aliases
(a 500-byte alias bomb expands to gigabytes), nesting deeper than the model needs,
more values than a content file can sensibly have, and numbers too long to be numbers
are each reported at their line, never expanded or evaluated.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .content_files import Unreadable, read_bytes
from .problems import FORBIDDEN, Problems, character_name, shown

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

# The model nests four levels deep (a list of blocks holding a list); ten is generous.
MAX_DEPTH = 10
# Values (every field, list item and text) in one file: a measure has at most about 200 and the
# glossary about 1,100; these bounds keep a check of the whole content root within seconds.
MAX_VALUES_ENTRY = 1_000
MAX_VALUES_LIST = 10_000
MAX_KEY_LENGTH = 60
MAX_DIGITS = 15  # a longer number is not a number an author means (and int() of 5,000 digits fails)

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


class _TooBig(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


def read_yaml(path: Path, root: Path, problems: Problems, max_values: int = MAX_VALUES_ENTRY,
              raw: bytes | None = None) -> SourceFile | None:
    """Parse one file (or `raw`, its bytes as already read); on any problem record every one
    found and return None."""
    raw = read_bytes(path, root) if raw is None else raw
    if isinstance(raw, Unreadable):
        problems.add(path, 1, "-", raw.message)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(path, line, "-", f"bestand is geen UTF-8 (byte {error.start}); sla het op als UTF-8")
        return None

    if _character_problems(path, text, problems):
        return None
    if ("&" in text or "*" in text) and _reference_problems(path, text, problems):
        return None

    try:
        root_node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        column = f" (kolom {mark.column + 1})" if mark else ""
        detail = " ".join(filter(None, [error.context, error.problem]))
        problems.add(path, line, "-", f"YAML-syntaxfout{column}: {detail}")
        return None
    except yaml.YAMLError as error:
        problems.add(path, 1, "-", f"YAML-syntaxfout: {' '.join(str(error).split())}")
        return None

    if root_node is None:
        problems.add(path, 1, "-", "bestand is leeg")
        return None

    builder = _Builder(max_values)
    try:
        data = builder.build(root_node, ())
    except _TooBig as too_big:
        problems.add(path, too_big.line, "-", too_big.message)
        return None
    for line, field_name, message in builder.refused:
        problems.add(path, line, field_name, message)
    if builder.refused:
        return None
    if not isinstance(data, dict):
        problems.add(path, 1, "-", "het bestand moet velden bevatten (veld: waarde), geen losse waarde of lijst")
        return None
    return SourceFile(path=path, data=data, lines=builder.lines)


def dotted(path: Path_) -> str:
    """`legal_basis[0].url` style name of a path, for messages."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "-"


def _character_problems(path: Path, text: str, problems: Problems) -> bool:
    """Tabs and control characters, each at its real line and column (the YAML parser
    would report only the first, on line 1, in English)."""
    found = False
    for number, line in enumerate(text.split("\n"), start=1):
        if "\t" in line:
            problems.add(path, number, "-", "tab gevonden; gebruik spaties om in te springen")
            found = True
        for match in FORBIDDEN.finditer(line.rstrip("\r")):
            problems.add(path, number, "-", f"verboden teken {character_name(match.group())} in kolom "
                                            f"{match.start() + 1}; verwijder het (het is onzichtbaar in de meeste editors)")
            found = True
    return found


def _reference_problems(path: Path, text: str, problems: Problems) -> bool:
    """Anchors (&naam) and aliases (*naam): the catalogue does not need them, and an alias
    bomb of a few hundred bytes would expand to gigabytes. Found in the event stream,
    before anything is built; reported once per file, at the first one."""
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                problems.add(path, event.start_mark.line + 1, "-",
                             f"YAML-ankers en -verwijzingen (hier {sign}{shown(event.anchor, 30)}) zijn niet toegestaan; "
                             "schrijf elke waarde voluit")
                return True
    except yaml.YAMLError:
        pass  # a syntax error: compose reports it, with its line
    return False


_PLAIN_INT = re.compile(r"[-+]?[0-9]+")
_PLAIN_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


class _Builder:
    """Python values from composed nodes, refusing what the model does not allow."""

    def __init__(self, max_values: int):
        self.max_values = max_values
        self.values = 0
        self.lines: dict[Path_, int] = {}
        self.refused: list[tuple[int, str, str]] = []

    def refuse(self, line: int, path: Path_, message: str) -> None:
        self.refused.append((line, dotted(path), message))

    def build(self, node: yaml.Node, path: Path_) -> Any:
        line = node.start_mark.line + 1
        self.values += 1
        if self.values > self.max_values:
            raise _TooBig(line, f"bestand bevat meer dan {self.max_values:,} waarden".replace(",", ".")
                          + "; een inhoudsbestand is veel kleiner (is er iets dubbel geplakt?)")
        if len(path) > MAX_DEPTH:
            raise _TooBig(line, f"te diep genest (meer dan {MAX_DEPTH} niveaus); controleer de inspringing")
        self.lines.setdefault(path, line)
        if node.tag == _MAP and isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if node.tag == _SEQ and isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
            return self._scalar(node, path)
        self.refuse(line, path, f"YAML-tag '{shown(node.tag, 80)}' is niet toegestaan; schrijf gewone tekst, "
                                "lijsten en velden")
        return None

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                self.refuse(key_line, path, "een veldnaam moet gewone tekst zijn")
                continue
            key = key_node.value
            if FORBIDDEN.search(key) or "\n" in key or "\t" in key:
                self.refuse(key_line, path, f"veldnaam '{shown(key, 40)}' bevat een regeleinde of verboden teken")
                continue
            if len(key) > MAX_KEY_LENGTH:
                self.refuse(key_line, path, f"veldnaam '{shown(key, 40)}' is te lang (hoogstens {MAX_KEY_LENGTH} tekens)")
                continue
            if key in result:
                self.refuse(key_line, path + (key,),
                            f"veld '{key}' staat twee keer in hetzelfde blok (eerder op regel {self.lines[path + (key,)]})")
                continue
            self.lines[path + (key,)] = key_line
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        """Scalars as an author means them.

        YAML 1.1 reads '3:3' as the number 183 (base 60) and '0x1f' as 31; an article
        number such as 3:3 Awb must stay text, so only plain decimals become numbers.
        """
        value, tag, line = node.value, node.tag, node.start_mark.line + 1
        if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and \
                len(value.lstrip("+-").replace(".", "")) > MAX_DIGITS:
            self.refuse(line, path, f"getal '{shown(value, 20)}' is te lang (hoogstens {MAX_DIGITS} cijfers); "
                                    "zet tekst tussen aanhalingstekens")
            return None
        if tag == "tag:yaml.org,2002:int":
            return int(value) if _PLAIN_INT.fullmatch(value) else value
        if tag == "tag:yaml.org,2002:float":
            if not _PLAIN_FLOAT.fullmatch(value):
                return value
            number = float(value)
            if not math.isfinite(number):
                self.refuse(line, path, f"getal '{shown(value, 20)}' is te groot")
                return None
            return number
        if tag == "tag:yaml.org,2002:bool":
            return value.lower() in ("yes", "true", "on", "y")
        if tag == "tag:yaml.org,2002:null":
            return None
        # Text (and dates, which stay text; the schema checks their form). Escapes in
        # double-quoted text ("\x1b", "\0") can still carry a control character.
        bad = FORBIDDEN.search(value)
        if bad:
            self.refuse(line, path, f"tekst bevat het verboden teken {character_name(bad.group())}; verwijder het")
            return None
        return value
