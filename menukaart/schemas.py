"""The JSON Schemas in `schema/`: the one written model, used for validation and by editors.

Errors from jsonschema are turned into short Dutch messages tied to a field and a line.
"""
from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

from .problems import shown
from .sources import SourceFile, dotted

from .resources import SCHEMA_DIR

MISSING = "verplicht veld ontbreekt"

_TYPE_NAMES = {
    "string": "tekst", "integer": "een geheel getal", "number": "een getal", "boolean": "true of false",
    "array": "een lijst", "object": "een blok met velden", "null": "leeg",
}


def schema_files() -> list[Path]:
    return sorted(SCHEMA_DIR.glob("*.schema.json"))


# What is read from the schemas is kept per process; a process that lives on (the live
# preview) calls refresh() before each build, which forgets it when a schema file changed.
_FORGET_ON_CHANGE: list = []  # caches of modules that derive from the schemas (fields.py)
_seen_stamps: tuple = ()


def forget_on_change(cached_function) -> None:
    _FORGET_ON_CHANGE.append(cached_function)


def schema_stamps() -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in schema_files())


def refresh() -> None:
    global _seen_stamps
    stamps = schema_stamps()
    if stamps != _seen_stamps:
        for cached in (_schema, inlined_schema, validator, *_FORGET_ON_CHANGE):
            cached.cache_clear()
        _seen_stamps = stamps


@lru_cache(maxsize=None)
def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


_ANNOTATIONS = {"description", "title", "$comment", "examples", "default"}


def _inlined(node, file: str):
    """The schema with every $ref replaced by what it points to.

    Resolving a reference costs more than checking the value it guards; the model's
    references are plain definitions (no recursion), so they are resolved once here
    instead of once per value. A $ref beside other rules keeps its meaning (allOf)."""
    if isinstance(node, list):
        return [_inlined(item, file) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" not in node:
        return {key: _inlined(value, file) for key, value in node.items()}
    target_file, _, pointer = node["$ref"].partition("#")
    target_file = target_file or file
    target = _schema(target_file)
    for part in filter(None, pointer.split("/")):
        target = target[part]
    target = _inlined(target, target_file)
    siblings = {key: _inlined(value, file) for key, value in node.items() if key != "$ref"}
    if set(siblings) & set(target) - _ANNOTATIONS:
        return {"allOf": [target, siblings]}
    return {**target, **siblings}


# JSON Schema counts 1.0 as an integer; the model means a whole number written as one
# ('number: 1.0' would print as "uitgave 1.0").
_StrictValidator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda checker, value: isinstance(value, int) and not isinstance(value, bool)),
)


@lru_cache(maxsize=None)
def inlined_schema(name: str) -> dict:
    """A schema file (e.g. 'measure.schema.json') with its references resolved."""
    return _inlined(_schema(name), name)


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    return _StrictValidator(inlined_schema(name), format_checker=FormatChecker())


def schema_problems(schema: str, source: SourceFile) -> Iterator[tuple[int, str, str]]:
    """Yield (line, field, message) for every way the file breaks its schema.

    A misspelt field gives one message ("onbekend veld 'titel'; bedoelt u 'title'?"),
    not a second one saying that 'title' is missing.
    """
    check = validator(schema)
    found, seen = [], set()
    for error in check.iter_errors(source.data):
        for line, field_name, message in _describe(error, source, check.schema):
            if (line, field_name) not in seen:  # one message per field (a date can fail pattern and format)
                seen.add((line, field_name))
                found.append((line, field_name, message))
    suggested = {(line_field[1].rsplit(".", 1)[0] if "." in line_field[1] else "", hint)
                 for line_field, hint in ((p[:2], _suggestion(p[2])) for p in found) if hint}
    for line, field_name, message in found:
        parent, _, name = field_name.rpartition(".")
        if message == MISSING and (parent, name) in suggested:
            continue
        yield line, field_name, message


def _suggestion(message: str) -> str | None:
    match = re.search(r"bedoelt u '([^']+)'\?$", message)
    return match.group(1) if match else None


def _describe(error: ValidationError, source: SourceFile, root: dict) -> Iterator[tuple[int, str, str]]:
    path = tuple(error.absolute_path)
    kind, value, schema = error.validator, error.instance, error.schema

    if kind == "required":
        line = source.line_of(_condition_path(error, root, path) or path)
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                yield line, dotted(path + (name,)), MISSING
        return
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        unknown = [name for name in value if name not in allowed]
        for n, name in enumerate(unknown):
            if n < 10 and len(name) <= 40:  # a suggestion costs time; a file of unknown fields needs none
                hint = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
            else:
                hint = []
            suggestion = f"; bedoelt u '{hint[0]}'?" if hint else f"; toegestaan: {', '.join(allowed)}"
            yield (source.line_of(path + (name,)), dotted(path + (name,)),
                   f"onbekend veld '{shown(name, 40)}'{suggestion}")
        return

    where = source.line_of(path), dotted(path)
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " of ".join(_TYPE_NAMES.get(t, t) for t in expected)
        yield *where, f"moet {wanted} zijn, maar is {_describe_value(value)}"
    elif kind == "enum" or (kind == "oneOf" and all("const" in c for c in error.validator_value)):
        allowed = error.validator_value if kind == "enum" else [c["const"] for c in error.validator_value]
        yield *where, f"{_describe_value(value)} is geen toegestane waarde; kies uit: {', '.join(map(str, allowed))}"
    elif kind == "format" and error.validator_value == "date":
        if isinstance(value, str) and re.fullmatch(schema.get("pattern", r"\d{4}-\d{2}-\d{2}"), value):
            yield *where, f"'{shown(value)}' is geen bestaande datum (schrijf JJJJ-MM-DD)"
        else:  # not even the form of a date: the same message as its pattern gives
            yield *where, _pattern_message(value, schema)
    elif kind == "pattern":
        yield *where, _pattern_message(value, schema)
    elif kind == "minItems":
        n = error.validator_value
        yield *where, "mag niet leeg zijn" if n == 1 else f"moet minstens {n} items bevatten"
    elif kind == "minLength":
        yield *where, "mag niet leeg zijn"
    elif kind == "maxLength":
        yield *where, f"is te lang: {len(value)} tekens, hoogstens {error.validator_value}"
    elif kind == "uniqueItems":
        yield *where, "bevat dezelfde waarde meer dan eens"
    elif kind == "minimum":
        yield *where, f"moet minstens {error.validator_value} zijn, maar is {_describe_value(value)}"
    elif kind == "maximum":
        yield *where, f"mag hoogstens {error.validator_value} zijn, maar is {_describe_value(value)}"
    else:  # a rule the messages above do not know yet: still Dutch, still one line
        yield *where, f"voldoet niet aan de regel '{kind}' van het schema"


def _condition_path(error: ValidationError, root: dict, path: tuple) -> tuple | None:
    """For a field required by an `if`/`then` rule: the path of the field that the `if` tests.

    "status_checked" is required when "status" is "in-voorbereiding"; the message then points
    at the line of `status`, where the reason is, rather than at the top of the file.
    """
    schema_path = list(error.absolute_schema_path)
    if "then" not in schema_path:
        return None
    rule = root
    for step in schema_path[:schema_path.index("then")]:
        rule = rule[step]
    present = [name for name in rule.get("if", {}).get("properties", {})
               if isinstance(error.instance, dict) and name in error.instance]
    return path + (present[0],) if present else None


def _pattern_message(value: object, schema: dict) -> str:
    pattern = schema.get("pattern", "")
    quoted = f"'{shown(value)}'"
    if pattern.startswith("^https?://"):
        return f"{quoted} is geen webadres; het moet beginnen met http:// of https:// en mag geen spaties bevatten"
    if pattern == "\\S":
        return "mag niet leeg zijn"
    if pattern.startswith("^[a-z0-9]+(-"):
        return f"{quoted} is geen geldige id: alleen kleine letters, cijfers en koppeltekens (bijv. 'sluiting-woning')"
    if pattern.startswith("^[A-Za-z"):
        return f"{quoted} is geen geldige afkorting: gebruik letters, cijfers, spaties en de tekens & / . ' -"
    if schema.get("format") == "date":
        return f"{quoted} is geen datum; schrijf JJJJ-MM-DD, met een jaar van 1800 tot 2199"
    if pattern.startswith("^ECLI"):
        return f"{quoted} is geen geldig ECLI-nummer (bijv. ECLI:NL:RVS:2020:1234)"
    return f"{quoted} heeft niet de verwachte vorm"


def _describe_value(value: object) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return f"{str(value).lower()} (ja/nee-waarde; zet tekst tussen aanhalingstekens)"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    return f"'{shown(value)}'"
