"""The catalogue of one edition as files to download: JSON, CSV per kind, XLSX and the JSON Schemas.

`export_data` is the JSON document (a stable shape: other code compares two of them).
`write_exports` writes every file into `<docs>/downloads/` and reports what it wrote,
with the rows counted from the files as written, so the build can check that every
format holds every entry.

The spreadsheet formats hold text only: a cell that a spreadsheet would read as a
formula (=, +, -, @) gets a leading apostrophe in CSV and is stored as text in XLSX.
"""
from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable

from .catalogue import CATEGORY_LABELS, STATUS_LABELS, Catalogue, display_name
from .paths import page_url
from .schemas import schema_files
from .xlsx import Sheet, write_xlsx

FORMAT = "menukaart-mensensmokkel"
FORMAT_VERSION = 1
DOWNLOADS = "downloads"
KINDS = ("measures", "barriers", "phases", "partners", "laws", "glossary")
ENTRY_KIND = {"measures": "measure", "barriers": "barrier", "phases": "phase", "partners": "partner", "laws": "law"}
# kind → (part of the file name, sheet name and label)
KIND_NAMES = {
    "measures": ("maatregelen", "Maatregelen"),
    "barriers": ("barrieres", "Barrières"),
    "phases": ("fasen", "Fasen"),
    "partners": ("partners", "Partners"),
    "laws": ("wetten", "Wetten"),
    "glossary": ("begrippen", "Begrippen"),
}
VISIBILITY_LABELS = {"public": "openbaar", "internal": "intern"}
# One entry's kind (the pages group them under plural headings).
PARTNER_KIND_LABELS = {
    "gemeente": "Gemeente", "rijksoverheid": "Rijksoverheid", "opsporing-en-vervolging": "Opsporing en vervolging",
    "toezicht-en-uitvoering": "Toezicht en uitvoering", "samenwerkingsverband": "Samenwerkingsverband",
    "private-partij": "Private partij", "internationaal": "Internationaal",
}
LAW_KIND_LABELS = {
    "wet": "Wet", "amvb": "Algemene maatregel van bestuur", "ministeriele-regeling": "Ministeriële regeling",
    "beleidsregel": "Beleidsregel", "lokale-regelgeving": "Lokale regelgeving", "eu-richtlijn": "Europese richtlijn",
    "eu-verordening": "Europese verordening", "verdrag": "Verdrag",
}
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
        return [(KIND_NAMES[kind][1], self.rows["json"][kind]) for kind in KINDS]

    def disagreements(self, expected: dict[str, int]) -> list[str]:
        """Where a format holds another number of rows than expected (kind → count); empty when all agree."""
        return [f"{fmt}: {kind} heeft {counts.get(kind)} rijen, verwacht {n}"
                for fmt, counts in self.rows.items() for kind, n in expected.items() if counts.get(kind) != n]


def expected_counts(cat: Catalogue) -> dict[str, int]:
    return {kind: len(_table(cat, kind)) for kind in KINDS}


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
        if kind == "glossary":
            data[kind] = [_plain(term) for term in cat.glossary]
        else:
            data[kind] = [{**_plain(record), "page": page_url(ENTRY_KIND[kind], entry_id)}
                          for entry_id, record in _entries(cat, kind)]
    return data


def write_exports(cat: Catalogue, docs_dir: Path) -> ExportResult:
    """Write the JSON, CSV, XLSX and schema files into docs_dir/downloads/."""
    out = Path(docs_dir) / DOWNLOADS
    out.mkdir(parents=True, exist_ok=True)
    base = FORMAT + ("-intern" if cat.edition == "internal" else "")
    result = ExportResult(edition=cat.edition)

    def add(path: Path, description: str, fmt: str) -> None:
        result.files.append(ExportFile(path.relative_to(out).as_posix(), description, path.stat().st_size, fmt))

    data = export_data(cat)
    json_path = out / f"{base}.json"
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    result.rows["json"] = {kind: len(data[kind]) for kind in KINDS}
    add(json_path, "De hele menukaart in één bestand, met alle velden", "json")

    tables = {kind: _sheet(cat, kind) for kind in KINDS}
    result.rows["csv"] = {}
    for kind in KINDS:
        path = out / f"{base}-{KIND_NAMES[kind][0]}.csv"
        result.rows["csv"][kind] = _write_csv(path, *tables[kind])
        add(path, f"{KIND_NAMES[kind][1]}, één per regel", "csv")

    xlsx_path = out / f"{base}.xlsx"
    result.rows["xlsx"] = _write_xlsx(xlsx_path, tables, cat)
    add(xlsx_path, "Alles in één Excel-bestand, elke soort op een eigen tabblad", "xlsx")

    (out / "schema").mkdir(exist_ok=True)
    for source in schema_files():
        target = out / "schema" / source.name
        shutil.copyfile(source, target)
        title = json.loads(source.read_text(encoding="utf-8")).get("title", source.stem)
        add(target, f"Velden van: {title}", "schema")
    return result


# --- records -----------------------------------------------------------------------------------

def _table(cat: Catalogue, kind: str):
    return cat.glossary if kind == "glossary" else getattr(cat, kind)


def _entries(cat: Catalogue, kind: str) -> list[tuple[str, dict]]:
    """Measures and barriers by id; phases, partners and laws in catalogue order."""
    table = _table(cat, kind)
    return sorted(table.items()) if kind in ("measures", "barriers") else list(table.items())


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

@dataclass(frozen=True)
class Column:
    header: str
    width: int  # characters, for the XLSX
    value: Callable[[str, dict], object]


def _sheet(cat: Catalogue, kind: str) -> tuple[list[Column], list[list[str]]]:
    columns = _columns(cat, kind)
    items = [(t["term"], t) for t in cat.glossary] if kind == "glossary" else _entries(cat, kind)
    return columns, [[_text(c.value(i, r)) for c in columns] for i, r in items]


def _columns(cat: Catalogue, kind: str) -> list[Column]:
    links = cat.links
    partner = {pid: display_name(p) for pid, p in cat.partners.items()}
    law = {lid: l.get("abbreviation") or l["name"] for lid, l in cat.laws.items()}
    measure = {mid: m["title"] for mid, m in cat.measures.items()}
    barrier = {bid: b["title"] for bid, b in cat.barriers.items()}
    phase = {pid: p["title"] for pid, p in cat.phases.items()}

    def basis(b: dict) -> str:
        return f"{law[b['law']]} art. {b['article']}" if b.get("article") else law[b["law"]]

    def example(e: dict) -> str:
        extra = [e[k] for k in ("ecli", "url") if e.get(k)]
        return f"{e['title']} ({', '.join(extra)})" if extra else e["title"]

    id_ = Column("id", 28, lambda i, r: i)
    sources = Column("bronnen", 50, lambda i, r: _lines(f"{s['title']} ({s['url']})" for s in r.get("sources", [])))
    reviewed = Column("gecontroleerd", 13, lambda i, r: r["reviewed"])
    visibility = Column("zichtbaarheid", 13, lambda i, r: VISIBILITY_LABELS[r["visibility"]])

    def page(entry_kind: str) -> Column:
        return Column("pagina", 40, lambda i, r: page_url(entry_kind, i))

    if kind == "measures":
        return [
            id_, Column("titel", 40, lambda i, r: r["title"]),
            Column("samenvatting", 60, lambda i, r: r["summary"]),
            Column("soort", 18, lambda i, r: CATEGORY_LABELS[r["category"]]),
            Column("bevoegd", 30, lambda i, r: partner[r["authority"]]),
            Column("bevoegd orgaan", 25, lambda i, r: r.get("authority_role")),
            Column("wettelijke grondslag", 35, lambda i, r: [basis(b) for b in r["legal_basis"]]),
            Column("partners", 40, lambda i, r: [partner[p] for p in r["partners"]]),
            Column("barrières", 40, lambda i, r: [barrier[b] for b in r["barriers"]]),
            Column("fasen", 30, lambda i, r: [phase[p] for p in links.phases_of_measure(cat, i)]),
            Column("doel", 50, lambda i, r: r.get("aim")),
            Column("status", 18, lambda i, r: STATUS_LABELS[r["status"]]),
            Column("status sinds", 13, lambda i, r: r.get("status_date")),
            Column("status nagegaan op", 13, lambda i, r: r.get("status_checked")),
            Column("toelichting status", 40, lambda i, r: r.get("status_note")),
            Column("voorwaarden", 60, lambda i, r: _lines(r.get("conditions", []))),
            Column("werkwijze", 60, lambda i, r: _lines(f"{n}. {s}" for n, s in enumerate(r.get("procedure", []), 1))),
            Column("let op", 60, lambda i, r: _lines(r.get("caveats", []))),
            Column("rechtsbescherming", 50, lambda i, r: r.get("legal_protection")),
            Column("voorbeelden", 50, lambda i, r: _lines(example(e) for e in r.get("examples", []))),
            Column("verwante maatregelen", 40, lambda i, r: [measure[m] for m in links.related_by_measure.get(i, [])]),
            Column("zoekwoorden", 30, lambda i, r: r.get("keywords", [])),
            sources, reviewed, visibility, page("measure"),
        ]
    if kind == "barriers":
        return [
            id_, Column("titel", 40, lambda i, r: r["title"]),
            Column("samenvatting", 60, lambda i, r: r["summary"]),
            Column("fase", 30, lambda i, r: phase[r["phase"]]),
            Column("nodig voor het netwerk", 50, lambda i, r: _lines(r.get("needs", []))),
            Column("dienstverleners", 50, lambda i, r: _lines(r.get("service_providers", []))),
            Column("signalen", 60, lambda i, r: _lines(r["signals"])),
            Column("partners", 40, lambda i, r: [partner[p] for p in r["partners"]]),
            Column("maatregelen", 50, lambda i, r: [measure[m] for m in links.measures_by_barrier.get(i, [])]),
            Column("zoekwoorden", 30, lambda i, r: r.get("keywords", [])),
            sources, reviewed, visibility, page("barrier"),
        ]
    if kind == "phases":
        order = {pid: n for n, pid in enumerate(cat.phases, 1)}
        return [
            id_, Column("volgorde", 10, lambda i, r: order[i]),
            Column("titel", 35, lambda i, r: r["title"]),
            Column("samenvatting", 60, lambda i, r: r["summary"]),
            Column("toelichting", 60, lambda i, r: r.get("description")),
            Column("doorlopend thema", 12, lambda i, r: bool(r.get("cross_cutting"))),
            Column("barrières", 50, lambda i, r: [barrier[b] for b in links.barriers_by_phase.get(i, [])]),
            Column("maatregelen", 50, lambda i, r: [measure[m] for m in links.measures_by_phase.get(i, [])]),
            sources, page("phase"),
        ]
    if kind == "partners":
        return [
            id_, Column("naam", 35, lambda i, r: r["name"]),
            Column("afkorting", 12, lambda i, r: r.get("abbreviation")),
            Column("soort", 25, lambda i, r: PARTNER_KIND_LABELS[r["kind"]]),
            Column("rol", 60, lambda i, r: r["role"]),
            Column("website", 35, lambda i, r: r.get("url")),
            Column("maatregelen", 50, lambda i, r: [measure[m] for m in links.measures_by_partner.get(i, [])]),
            Column("barrières", 50, lambda i, r: [barrier[b] for b in links.barriers_by_partner.get(i, [])]),
            sources, page("partner"),
        ]
    if kind == "laws":
        def cited(i: str) -> list[str]:
            return [f"{measure[m]} (art. {a})" if a else measure[m] for a, m in links.measures_by_law.get(i, [])]
        return [
            id_, Column("naam", 45, lambda i, r: r["name"]),
            Column("afkorting", 12, lambda i, r: r.get("abbreviation")),
            Column("soort", 25, lambda i, r: LAW_KIND_LABELS[r["kind"]]),
            Column("samenvatting", 60, lambda i, r: r.get("summary")),
            Column("officiële tekst", 40, lambda i, r: r["url"]),
            Column("maatregelen", 50, lambda i, r: cited(i)),
            page("law"),
        ]
    return [
        Column("begrip", 35, lambda i, r: r["term"]),
        Column("afkorting", 12, lambda i, r: r.get("abbreviation")),
        Column("betekenis", 70, lambda i, r: r["meaning"]),
        Column("meer informatie", 40, lambda i, r: r.get("url")),
    ]


def _lines(items: Iterable[str]) -> str:
    """A list of sentences: one per line in the cell."""
    return "\n".join(" ".join(str(item).split()) for item in items)


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


def _write_csv(path: Path, columns: list[Column], rows: list[list[str]]) -> int:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)  # RFC 4180: comma, double quotes, CRLF
        writer.writerow([_csv_safe(c.header) for c in columns])
        count = 0
        for row in rows:
            writer.writerow([_csv_safe(cell) for cell in row])
            count += 1
    return count


def _write_xlsx(path: Path, tables: dict[str, tuple[list[Column], list[list[str]]]], cat: Catalogue) -> dict[str, int]:
    sheets = []
    for kind in KINDS:
        columns, rows = tables[kind]
        sheets.append(Sheet(KIND_NAMES[kind][1], [c.width for c in columns], [c.header for c in columns],
                            [[_excel_cell(value) for value in row] for row in rows]))
    write_xlsx(path, sheets, "Menukaart mensensmokkel", (cat.release or {}).get("date"))
    return {kind: len(tables[kind][1]) for kind in KINDS}


def _excel_cell(value: str) -> str:
    """A cell's text, shortened to what Excel shows in one cell."""
    if len(value) > EXCEL_CELL_LIMIT:
        note = " … (ingekort; zie het CSV- of JSON-bestand)"
        value = value[:EXCEL_CELL_LIMIT - len(note)] + note
    return value
