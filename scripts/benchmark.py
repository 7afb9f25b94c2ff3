#!/usr/bin/env python3
"""Build a synthetic catalogue of N measures and print what it costs:
build time per step, site size, entry page size, search index size, and in headless
Chromium from file:// the time to load the index, to answer a query, to filter the
menukaart by facets (target: under 50 ms at 5,000 measures) and to switch a matrix view.

    python scripts/benchmark.py --count 5000
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--count", type=int, default=5000)
    p.add_argument("--queries", nargs="*", default=["vergunning", "aanvragen woning", "197b", "KMar"])
    p.add_argument("--site", type=Path, help="measure an already built site (skips generating and building)")
    args = p.parse_args()
    if args.site:
        browser_figures(args.site, args.queries)
        facet_figures(args.site)
        return 0
    work = Path(tempfile.mkdtemp(prefix="menukaart-bench-"))
    content, site = work / "content", work / "site"

    subprocess.run([sys.executable, str(REPO / "scripts/generate_catalogue.py"), "--count", str(args.count),
                    "--out", str(content)], check=True)
    started = time.perf_counter()
    build = subprocess.run([sys.executable, str(REPO / "build_site.py"), "--content", str(content), "--out", str(site),
                            "--dist", str(work / "dist")], capture_output=True, text=True)
    total = time.perf_counter() - started
    print(build.stdout.strip())
    if build.returncode:
        print(build.stderr, file=sys.stderr)
        return 1
    size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    pages = sorted((site / "maatregelen").glob("maatregel-*.html"))
    print(f"build (wall, incl. start-up): {total:.1f} s")
    print(f"site: {size / 1e6:.1f} MB; entry page: median {statistics.median(f.stat().st_size for f in pages) / 1e3:.1f} KB")
    print(f"search index: {(site / 'assets/search/index.js').stat().st_size / 1e6:.1f} MB, "
          f"documents: {(site / 'assets/search/documents.js').stat().st_size / 1e6:.1f} MB")
    browser_figures(site, args.queries)
    facet_figures(site)
    return 0


def browser_figures(site: Path, queries: list[str]) -> None:
    from playwright.sync_api import sync_playwright
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        loads = []
        for _ in range(3):
            page.goto((site / "zoeken.html").as_uri())
            loads.append(page.evaluate("""() => {
                const t0 = performance.now();
                new MenukaartSearch.Searcher(window.MENUKAART_INDEX, window.MENUKAART_DOCS);
                return performance.now() - t0; }"""))
            nav = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        print(f"browser: page load until load event {nav:.0f} ms; Index.load {statistics.median(loads):.0f} ms (median of 3)")
        for query in queries:
            times = page.evaluate("""q => {
                const s = new MenukaartSearch.Searcher(window.MENUKAART_INDEX, window.MENUKAART_DOCS);
                const out = [];
                for (let i = 0; i < 5; i++) { const t0 = performance.now(); s.search(q); out.push(performance.now() - t0); }
                return out; }""", query)
            hits = page.evaluate("q => new MenukaartSearch.Searcher(window.MENUKAART_INDEX, window.MENUKAART_DOCS).search(q).results.length", query)
            print(f"browser: query {query!r}: {hits} results, median {statistics.median(times):.1f} ms")
        browser.close()


# One click on a facet value, timed from the click until the counts, the first results and the
# layout are updated (the change handler runs synchronously; offsetHeight forces the layout).
CLICK = """sel => { const box = document.querySelector(sel); const t0 = performance.now();
    box.click(); document.body.offsetHeight; return performance.now() - t0; }"""


def facet_figures(site: Path) -> None:
    from playwright.sync_api import sync_playwright
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
    steps = [
        ("soort: one category", 'details[data-facet="soort"] input'),
        ("partner: add one", 'details[data-facet="partner"] input'),
        ("fase: add one", 'details[data-facet="fase"] input'),
        ("barriere: add one", 'details[data-facet="barriere"] input'),
        ("status: add one", 'details[data-facet="status"] input'),
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto((site / "menukaart.html").as_uri())
        page.wait_for_function("document.getElementById('mk-facets').dataset.results !== undefined")
        measures = page.evaluate("window.MENUKAART_FACETS.measures.length")
        nav = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        print(f"facets: {measures} measures; menukaart page load until load event {nav:.0f} ms; "
              f"first filter {float(page.get_attribute('#mk-facets', 'data-filter-ms')):.1f} ms")
        worst = 0.0
        for label, selector in steps:
            times = []
            for _ in range(5):  # tick and untick, five times each, median of the ticks
                times.append(page.evaluate(CLICK, selector))
                page.evaluate(CLICK, selector)
            page.evaluate(CLICK, selector)  # leave it ticked: the next step combines with it
            results = page.get_attribute("#mk-facets", "data-results")
            worst = max(worst, max(times))
            print(f"facets: {label}: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms, {results} results")
        print(f"facets: slowest filter step {worst:.1f} ms (target < 50 ms)")
        page.goto((site / "barrieremodel.html").as_uri())
        partner = page.evaluate("document.querySelector('#mk-view-partner option:nth-child(2)').value")
        times = []
        for value in (partner, "", partner, "", partner):
            times.append(page.evaluate("""v => { const s = document.getElementById('mk-view-partner'); s.value = v;
                const t0 = performance.now(); s.dispatchEvent(new Event('change')); document.body.offsetHeight;
                return performance.now() - t0; }""", value))
        print(f"matrix view: switch partner median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
