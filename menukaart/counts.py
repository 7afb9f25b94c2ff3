"""Count agreement: every entry in the content has one page, one search document and one
row in each export. The build prints the table, and refuses to put a site in place when
they differ (site_build checks before the swap)."""
from __future__ import annotations

from .catalogue import Catalogue
from .exports import expected_counts
from .kinds import KINDS

FORMATS = ("json", "csv", "xlsx")


def count_rows(cat: Catalogue, entry_pages: dict[str, int], search_documents: dict[str, int],
               export_rows: dict[str, dict[str, int]]) -> list[tuple[str, dict[str, int | None]]]:
    """(Dutch kind label, {source: count}) per kind; None where a kind has no such thing (glossary pages).

    entry_pages and search_documents are keyed by entry kind ("measure"), export_rows by format
    and then by table ("measures"), as the modules that wrote them count them."""
    content = expected_counts(cat)
    rows = []
    for kind in KINDS:
        counts: dict[str, int | None] = {
            "inhoud": content[kind.table],
            "pagina's": entry_pages.get(kind.name, 0) if kind.has_pages else None,
            "zoekindex": search_documents.get(kind.name, 0) if kind.has_pages else None,
        }
        for fmt in FORMATS:
            counts[fmt.upper()] = export_rows.get(fmt, {}).get(kind.table, 0)
        rows.append((kind.plural, counts))
    return rows


def disagreements(rows) -> list[str]:
    problems = []
    for label, counts in rows:
        values = {v for v in counts.values() if v is not None}
        if len(values) > 1:
            problems.append(f"{label}: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v is not None))
    return problems


def report(rows) -> str:
    """A small table: one line per kind, every count side by side."""
    headers = list(rows[0][1])
    width = max(len(label) for label, _ in rows)
    lines = ["Tellingen".ljust(width) + "  " + "  ".join(f"{h:>9}" for h in headers)]
    for label, counts in rows:
        cells = ["-" if v is None else str(v) for v in counts.values()]
        lines.append(label.ljust(width) + "  " + "  ".join(f"{c:>9}" for c in cells))
    return "\n".join(lines)
