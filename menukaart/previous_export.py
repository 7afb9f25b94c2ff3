"""The previous edition's JSON export, read and checked before a build compares against it.

`load_previous` reports every problem in Dutch, one line each, instead of raising: the
file is handed around and may be anything.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .catalogue import EDITIONS
from .changes import entry_key
from .content_files import Unreadable, read_bytes
from .exports import FORMAT, FORMAT_VERSION
from .fields import has_field
from .kinds import KINDS
from .problems import Problem

FORMAT_VERSIONS = (FORMAT_VERSION,)
# Kinds whose records carry `visibility` (public or internal).
VISIBLE_KINDS = tuple(kind for kind in KINDS if has_field(kind.name, "visibility"))
MAX_EXPORT_BYTES = 200 * 1024 * 1024  # an export of 5,000 measures is about 20 MB

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_previous(path: Path, edition: str) -> tuple[dict | None, list[str]]:
    """Read the previous edition's export for a build of `edition`.

    Returns (data, []) or (None, problems), each problem as `file:line: field: message`.
    """
    path = Path(path)
    name = path.as_posix()

    def fail(message: str, line: int = 0, field_name: str = "-") -> tuple[None, list[str]]:
        return None, [str(Problem(name, line, field_name, message))]

    raw = read_bytes(path, limit=MAX_EXPORT_BYTES)
    if isinstance(raw, Unreadable):
        if raw.message == "bestand ontbreekt":
            return fail("vorige export bestaat niet; geef het pad naar het JSON-bestand van de vorige uitgave")
        if raw.message.startswith("is een map"):
            return fail("dit is een map; geef het JSON-bestand van de vorige uitgave")
        return fail(f"vorige export: {raw.message}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return fail(f"bestand is geen UTF-8 (byte {error.start}); is dit wel een JSON-export van de menukaart?", line)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return fail(f"geen geldige JSON (kolom {error.colno}): {error.msg}", error.lineno)
    except RecursionError:
        return fail("geen bruikbare JSON: te diep genest")
    except ValueError as error:  # e.g. a number of thousands of digits
        return fail(f"geen bruikbare JSON: {' '.join(str(error).split())}")

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return fail(f"dit is geen export van de menukaart (veld 'format' is niet '{FORMAT}')", 0, "format")
    version = data.get("format_version")
    if isinstance(version, bool) or version not in FORMAT_VERSIONS:
        known = ", ".join(map(str, FORMAT_VERSIONS))
        return fail(f"onbekende versie {json.dumps(version)} van het exportformaat; deze versie van de bouw "
                    f"kent versie {known}. Maak de vorige export opnieuw of gebruik een nieuwere bouw.",
                    0, "format_version")

    problems = [str(Problem(name, 0, f, m)) for f, m in _shape_problems(data)]
    if problems:
        return None, problems

    if edition != "internal":
        # Judge every record, not only the flag: an internal export whose flag was edited
        # to "public" would put internal titles on the public change page.
        previous_kind = data["edition"]["kind"]
        internal = [f"{kind.table}[{i}]" for kind in VISIBLE_KINDS for i, item in enumerate(data[kind.table])
                    if item.get("visibility") != "public"]
        if previous_kind == "internal" or internal:
            where = "edition.kind" if previous_kind == "internal" else f"{internal[0]}.visibility"
            also = f" ({len(internal)} items zijn niet openbaar, het eerste is {internal[0]})" if internal else ""
            return fail("de vorige export bevat interne informatie" + also + "; een openbare editie mag daar niet "
                        "mee worden vergeleken, want dan komen interne items op de openbare site. Gebruik de export "
                        "van de vorige openbare editie.", 0, where)
    return data, []


def _shape_problems(data: dict):
    edition = data.get("edition")
    if not isinstance(edition, dict):
        yield "edition", "ontbreekt of is geen object met number, date en kind"
    else:
        number = edition.get("number")
        if isinstance(number, bool) or not isinstance(number, int):
            yield "edition.number", "ontbreekt of is geen geheel getal"
        date = edition.get("date")
        if not isinstance(date, str) or not _DATE.match(date):
            yield "edition.date", "ontbreekt of is geen datum JJJJ-MM-DD"
        if edition.get("kind") not in EDITIONS:
            yield "edition.kind", f"moet een van {', '.join(EDITIONS)} zijn"
    for kind in KINDS:
        items = data.get(kind.table)
        if not isinstance(items, list):
            yield kind.table, "lijst ontbreekt"
            continue
        key_field = kind.key_field
        seen = set()
        for i, item in enumerate(items):
            where = f"{kind.table}[{i}]"
            if not isinstance(item, dict):
                yield where, "is geen object"
                continue
            value = item.get(key_field)
            if not isinstance(value, str) or not value.strip():
                yield f"{where}.{key_field}", "ontbreekt of is geen tekst"
                continue
            key = entry_key(kind, item)
            if key in seen:
                yield f"{where}.{key_field}", f"'{value}' komt twee keer voor"
            seen.add(key)
