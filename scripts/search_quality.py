#!/usr/bin/env python3
"""Search quality: run the queries of tests/search_queries.yaml through the site's own search
in headless Chromium (from file://, as a reader uses it) and print how many find one of their
pages among the first five results, and the mean reciprocal rank (MRR).

    python scripts/search_quality.py [--site site/] [--check]

Without --site it builds the public edition of the real catalogue first. --check exits with 1
when a figure is below the floor recorded in the queries file.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
QUERIES = REPO / "tests/search_queries.yaml"
TOP = 5

# The search as the search page runs it; the pages it finds, best first.
RUN = """queries => { const s = new MenukaartSearch.Searcher(window.MENUKAART_INDEX, window.MENUKAART_DOCS);
    return queries.map(q => s.search(q).results.map(r => r.url)); }"""


def load(path: Path = QUERIES) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def page_of(url: str) -> str:
    """'maatregelen/x.html#kop' → 'maatregelen/x': how the queries file names a page."""
    return url.split("#", 1)[0].removesuffix(".html")


def evaluate(site: Path, queries: list[dict], page=None) -> list[tuple[dict, int | None, list[str]]]:
    """(query, position of its first expected page or None, the first results) per query;
    in `page` (a Playwright page, as the browser tests have one) or in a Chromium of its own."""
    if page is None:
        from playwright.sync_api import sync_playwright
        from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            rows = evaluate(site, queries, browser.new_page())
            browser.close()
            return rows
    page.goto((site / "zoeken.html").as_uri())
    found = page.evaluate(RUN, [q["q"] for q in queries])
    rows = []
    for query, urls in zip(queries, found):
        pages = [page_of(u) for u in urls]
        ranks = [pages.index(e) + 1 for e in query["expect"] if e in pages]
        rows.append((query, min(ranks) if ranks else None, pages[:TOP]))
    return rows


def figures(rows) -> tuple[int, float]:
    top = sum(1 for _, rank, _ in rows if rank is not None and rank <= TOP)
    mrr = sum(1 / rank for _, rank, _ in rows if rank) / len(rows)
    return top, mrr


def report(rows) -> list[str]:
    lines = []
    for query, rank, first in rows:
        if rank is None or rank > TOP:
            where = f"op plaats {rank}" if rank else "niet gevonden"
            lines.append(f"  mis: {query['q']!r}: {where}; eerste resultaten: {', '.join(first[:3]) or 'geen'}")
    top, mrr = figures(rows)
    lines.append(f"search quality: {top} of {len(rows)} queries find one of their pages in the first {TOP} "
                 f"({100 * top / len(rows):.0f}%); MRR {mrr:.3f}")
    return lines


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--site", type=Path, help="a built public site (default: build the real catalogue)")
    p.add_argument("--check", action="store_true", help="exit 1 below the floor in the queries file")
    args = p.parse_args()
    site = args.site
    if site is None:
        from menukaart import build
        site = Path(tempfile.mkdtemp(prefix="menukaart-quality-")) / "site"
        outcome = build.run(REPO, "public", site, dist=None)
        if not outcome.ok:
            sys.exit("\n".join(outcome.problems))
    data = load()
    rows = evaluate(site.resolve(), data["queries"])
    print("\n".join(report(rows)))
    top, mrr = figures(rows)
    floor = data["floor"]
    if args.check and (top < floor["top5"] or mrr < floor["mrr"]):
        print(f"below the floor: top 5 at least {floor['top5']}, MRR at least {floor['mrr']}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
