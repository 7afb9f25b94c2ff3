"""The catalogue of one edition as files to download: JSON, CSV per kind, XLSX and the JSON Schemas.

`export_data` is the JSON document (a stable shape: other code compares two of them).
`add_exports` adds every file under `downloads/` and reports what it added, with the
rows counted as the files were made, so the build can check that every
format holds every entry.

The spreadsheet formats hold text only: a cell that a spreadsheet would read as a
formula (=, +, -, @) gets a leading apostrophe in CSV and is stored as text in XLSX.
"""
from __future__ import annotations

import csv
import json
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from .catalogue import Catalogue
from .export_columns import Column, columns
from .kinds import KINDS, Kind
from .schemas import schema_files
from .outputs import Outputs
from .xlsx import Sheet, xlsx_bytes

FORMAT = "menukaart-mensensmokkel"
FORMAT_VERSION = 1
DOWNLOADS = "downloads"
EXCEL_CELL_LIMIT = 32_767  # characters Excel shows in one cell
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DUTCH_NUMBER = str.maketrans(",.", ".,")


@dataclass(frozen=True)
class ExportFile:
    path: str  # relative to downloads/, e.g. "menukaart-mensensmokkel.json" or "schema/measure.schema.json"
    description: str  # Dutch, for the downloads page
    size: int  # bytes
    format: str  # "json", "csv", "xlsx" or "schema"

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def href(self) -> str:
        """Link target from the docs root, e.g. 'downloads/menukaart-mensensmokkel.json'."""
        return f"{DOWNLOADS}/{self.path}"

    @property
    def size_label(self) -> str:
        """'12,3 kB' or '1.024,0 kB' (Dutch separators; at least 0,1 kB)."""
        return f"{max(self.size / 1024, 0.1):,.1f}".translate(_DUTCH_NUMBER) + " kB"


@dataclass
class ExportResult:
    edition: str
    files: list[ExportFile] = field(default_factory=list)
    rows: dict[str, dict[str, int]] = field(default_factory=dict)  # "json"/"csv"/"xlsx" → kind → rows written

    def of_format(self, fmt: str) -> list[ExportFile]:
        return [f for f in self.files if f.format == fmt]

    @property
    def per_kind(self) -> list[tuple[str, int]]:
        """(Dutch label, rows) per kind, as in the JSON file."""
        return [(kind.plural, self.rows["json"][kind.table]) for kind in KINDS]

    def disagreements(self, expected: dict[str, int]) -> list[str]:
        """Where a format holds another number of rows than expected (kind → count); empty when all agree."""
        return [f"{fmt}: {kind} heeft {counts.get(kind)} rijen, verwacht {n}"
                for fmt, counts in self.rows.items() for kind, n in expected.items() if counts.get(kind) != n]


def expected_counts(cat: Catalogue) -> dict[str, int]:
    return {kind.table: len(cat.table(kind.name)) for kind in KINDS}


def export_data(cat: Catalogue) -> dict:
    """The JSON document: edition, counts and every record (as validated, plus its page URL)."""
    release = cat.release or {}
    data: dict = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "edition": {"number": release.get("number"), "date": _plain(release.get("date")), "kind": cat.edition},
        "counts": expected_counts(cat),
    }
    for kind in KINDS:
        data[kind.table] = [{**_plain(record), **({"page": kind.page_url(entry_id)} if kind.has_pages else {})}
                            for entry_id, record in _entries(cat, kind)]
    return data


def add_exports(cat: Catalogue, out: Outputs) -> ExportResult:
    """Add the JSON, CSV, XLSX and schema files under downloads/; report what they hold."""
    base = FORMAT + ("-intern" if cat.edition == "internal" else "")
    result = ExportResult(edition=cat.edition)

    def add(path: str, content: bytes | str, description: str, fmt: str) -> None:
        data = out.add(f"{DOWNLOADS}/{path}", content)
        result.files.append(ExportFile(path, description, len(data), fmt))

    data = export_data(cat)
    add(f"{base}.json", json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n",
        "De hele menukaart in één bestand, met alle velden", "json")
    result.rows["json"] = {kind.table: len(data[kind.table]) for kind in KINDS}

    tables = {kind: _sheet(cat, kind) for kind in KINDS}
    result.rows["csv"] = {}
    for kind in KINDS:
        content, result.rows["csv"][kind.table] = _csv(*tables[kind])
        add(f"{base}-{kind.file_part}.csv", content, f"{kind.plural}, één per regel", "csv")

    content, result.rows["xlsx"] = _xlsx(tables, cat)
    add(f"{base}.xlsx", content, "Alles in één Excel-bestand, elke soort op een eigen tabblad", "xlsx")

    for source in schema_files():
        title = json.loads(source.read_text(encoding="utf-8")).get("title", source.stem)
        add(f"schema/{source.name}", source.read_bytes(), f"Velden van: {title}", "schema")
    return result


# --- records -----------------------------------------------------------------------------------

def _entries(cat: Catalogue, kind: Kind) -> list[tuple[str, dict]]:
    """Entries in catalogue order: by id for entry folders, as written for lists, the glossary alphabetically."""
    return list(cat.table(kind.name).items())


def _plain(value):
    """A JSON-ready copy: dicts, lists, text, numbers, booleans; dates as YYYY-MM-DD; the rest as text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


# --- rows for CSV and XLSX ---------------------------------------------------------------------

def _sheet(cat: Catalogue, kind: Kind) -> tuple[list[Column], list[list[str]]]:
    found = columns(cat, kind)
    return found, [[_text(c.value(i, r)) for c in found] for i, r in _entries(cat, kind)]


def _text(value: object) -> str:
    """One cell: lists of names joined with '; ', yes/no in Dutch, whitespace of folded YAML tidied."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (list, tuple)):
        return "; ".join(_text(v) for v in value)
    return str(value).strip()


# --- writers -----------------------------------------------------------------------------------

def _csv_safe(text: str) -> str:
    """OWASP CSV injection: text a spreadsheet could run as a formula starts with an apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(columns: list[Column], rows: list[list[str]]) -> tuple[bytes, int]:
    """The file (UTF-8 with a byte order mark, so Excel shows accents) and its number of rows."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)  # RFC 4180: comma, double quotes, CRLF
    writer.writerow([_csv_safe(c.header) for c in columns])
    count = 0
    for row in rows:
        writer.writerow([_csv_safe(cell) for cell in row])
        count += 1
    return text.getvalue().encode("utf-8-sig"), count


def _xlsx(tables: dict[Kind, tuple[list[Column], list[list[str]]]], cat: Catalogue) -> tuple[bytes, dict[str, int]]:
    sheets = []
    for kind in KINDS:
        found, rows = tables[kind]
        sheets.append(Sheet(kind.plural, [c.width for c in found], [c.header for c in found],
                            [[_excel_cell(value) for value in row] for row in rows]))
    content = xlsx_bytes(sheets, "Menukaart mensensmokkel", (cat.release or {}).get("date"))
    return content, {kind.table: len(tables[kind][1]) for kind in KINDS}


def _excel_cell(value: str) -> str:
    """A cell's text, shortened to what Excel shows in one cell."""
    if len(value) > EXCEL_CELL_LIMIT:
        note = " … (ingekort; zie het CSV- of JSON-bestand)"
        value = value[:EXCEL_CELL_LIMIT - len(note)] + note
    return value
