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

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .sources import SourceFile, dotted

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"

# Schema file per kind of content file.
SCHEMA_FOR = {
    "measure": "measure.schema.json",
    "barrier": "barrier.schema.json",
    "phases": "phases.schema.json",
    "partners": "partners.schema.json",
    "laws": "laws.schema.json",
    "glossary": "glossary.schema.json",
    "edition": "edition.schema.json",
}

MISSING = "verplicht veld ontbreekt"

_TYPE_NAMES = {
    "string": "tekst", "integer": "een geheel getal", "number": "een getal", "boolean": "true of false",
    "array": "een lijst", "object": "een blok met velden", "null": "leeg",
}


def schema_files() -> list[Path]:
    return sorted(SCHEMA_DIR.glob("*.schema.json"))


@lru_cache(maxsize=None)
def _registry() -> Registry:
    resources = [(p.name, Resource.from_contents(json.loads(p.read_text(encoding="utf-8")))) for p in schema_files()]
    return Registry().with_resources(resources)


@lru_cache(maxsize=None)
def validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / SCHEMA_FOR[kind]).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def schema_problems(kind: str, source: SourceFile) -> Iterator[tuple[int, str, str]]:
    """Yield (line, field, message) for every way the file breaks its schema.

    A misspelt field gives one message ("onbekend veld 'titel'; bedoelt u 'title'?"),
    not a second one saying that 'title' is missing.
    """
    check = validator(kind)
    found = [p for error in check.iter_errors(source.data) for p in _describe(error, source, check.schema)]
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
        for name in value:
            if name not in allowed:
                hint = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
                suggestion = f"; bedoelt u '{hint[0]}'?" if hint else f"; toegestaan: {', '.join(allowed)}"
                yield source.line_of(path + (name,)), dotted(path + (name,)), f"onbekend veld '{name}'{suggestion}"
        return

    where = source.line_of(path), dotted(path)
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " of ".join(_TYPE_NAMES.get(t, t) for t in expected)
        yield *where, f"moet {wanted} zijn, maar is {_describe_value(value)}"
    elif kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        yield *where, f"'{value}' is geen toegestane waarde; kies uit: {options}"
    elif kind == "format" and error.validator_value == "date":
        yield *where, f"'{value}' is geen bestaande datum (schrijf JJJJ-MM-DD)"
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
    else:
        yield *where, error.message


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
    if pattern.startswith("^https?://"):
        return f"'{value}' is geen webadres; het moet beginnen met http:// of https://"
    if pattern == "\\S":
        return "mag niet leeg zijn"
    if pattern.startswith("^[a-z0-9]+(-"):
        return f"'{value}' is geen geldige id: alleen kleine letters, cijfers en koppeltekens (bijv. 'sluiting-woning')"
    if pattern.startswith("^[0-9]{4}"):
        return f"'{value}' is geen datum; schrijf JJJJ-MM-DD"
    if pattern.startswith("^ECLI"):
        return f"'{value}' is geen geldig ECLI-nummer (bijv. ECLI:NL:RVS:2020:1234)"
    return f"'{value}' heeft niet de verwachte vorm"


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
    return f"'{value}'"
