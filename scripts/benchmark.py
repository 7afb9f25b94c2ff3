#!/usr/bin/env python3
"""Build a synthetic catalogue of N measures and print what it costs:
build time per step and peak memory, against a bare MkDocs build of the same pages as plain
Markdown with a minimal mkdocs.yml (the ratio; and of the pages with their HTML content), the growth from N/10 to N measures, the
live preview's rebuild after one edited file of the real catalogue and the time from saving
a file to the open page in Chromium showing the change, site size, entry page
size, search index size, and in headless Chromium from file:// the time to load the
index, to answer a query, to filter the menukaart by facets (target: under 50 ms at
5,000 measures) and to switch a matrix view. Every figure comes from this one run.

    python scripts/benchmark.py --count 5000 [--generator mkdocs|properdocs|zensical]
"""
from __future__ import annotations

import argparse
import re
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
    p.add_argument("--generator", default="mkdocs", help="site generator of the build (default mkdocs)")
    args = p.parse_args()
    if args.site:
        args.site = args.site.resolve()
        browser_figures(args.site, args.queries)
        facet_figures(args.site)
        workspace_figures(args.site)
        header_search_figures(args.site, str(args.site))
        return 0
    work = Path(tempfile.mkdtemp(prefix="menukaart-bench-"))
    content, site = work / "content", work / "site"

    generate(args.count, content)
    total, peak, stdout = timed_build(content, site, work / "dist", args.generator)
    print(stdout)
    print(f"build (wall, incl. start-up): {total:.1f} s; peak memory {peak:.0f} MB (target <= 400 MB)")
    reference = bare_mkdocs(content, work / "bare")
    print(f"bare MkDocs of the same pages as plain Markdown, minimal mkdocs.yml: {reference:.1f} s; "
          f"ratio whole build / bare MkDocs {total / reference:.2f} (target <= 1.0)")
    with_html = bare_mkdocs(content, work / "bare-html", plain=False)
    print(f"bare MkDocs of the same pages with their content as HTML in the Markdown: {with_html:.1f} s; "
          f"ratio {total / with_html:.2f}")
    small = work / "small"
    generate(max(args.count // 10, 1), small)
    small_total, _, _ = timed_build(small, work / "small-site", work / "small-dist", args.generator)
    print(f"growth: {args.count // 10} measures {small_total:.1f} s, {args.count} measures {total:.1f} s: "
          f"{total / small_total:.1f}x for 10x the measures (target <= 11x)")
    print(f"preview: rebuild after one edited measure of the real catalogue {preview_rebuild(work):.2f} s")
    waits = preview_in_browser(work, edits=10)
    print(f"preview: from saving a measure's new title to the open page showing it, in Chromium: median "
          f"{statistics.median(waits):.2f} s, slowest {max(waits):.2f} s of {len(waits)} edits (target < 1 s)")
    size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    pages = sorted((site / "maatregelen").glob("maatregel-*.html"))
    print(f"site: {size / 1e6:.1f} MB; entry page: median {statistics.median(f.stat().st_size for f in pages) / 1e3:.1f} KB")
    print(f"search index: {(site / 'assets/search/index.js').stat().st_size / 1e6:.1f} MB, "
          f"documents: {(site / 'assets/search/documents.js').stat().st_size / 1e6:.1f} MB")
    browser_figures(site, args.queries)
    facet_figures(site)
    workspace_figures(site)
    header_search_figures(site, f"{args.count} measures")
    real_site = work / "real-site"
    timed_build(work / "real", real_site, work / "real-dist", args.generator)
    header_search_figures(real_site, "the real catalogue")
    return 0


def generate(count: int, content: Path) -> None:
    subprocess.run([sys.executable, str(REPO / "scripts/generate_catalogue.py"), "--count", str(count),
                    "--out", str(content)], check=True, stdout=subprocess.DEVNULL)


# Run a build in its own process and report that process's peak memory on the last line.
PEAK = ("import resource, runpy, sys; sys.argv = sys.argv[1:]; "
        "code = 0\ntry:\n    runpy.run_path(sys.argv[0], run_name='__main__')\nexcept SystemExit as e:\n    code = e.code\n"
        "print('peak-kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)")


def timed_build(content: Path, site: Path, dist: Path, generator: str) -> tuple[float, float, str]:
    started = time.perf_counter()
    build = subprocess.run([sys.executable, "-c", PEAK, str(REPO / "build_site.py"), "--content", str(content),
                            "--out", str(site), "--dist", str(dist), "--generator", generator],
                           capture_output=True, text=True)
    total = time.perf_counter() - started
    if build.returncode:
        sys.exit(build.stdout + build.stderr)
    peak_kb = int(build.stderr.rsplit("peak-kb ", 1)[1].split()[0])
    return total, peak_kb / 1024, build.stdout.strip()


def bare_mkdocs(content: Path, work: Path, plain: bool = True) -> float:
    """The reference: the pages of the public edition as whole Markdown files, built by MkDocs
    with only the theme and the same navigation (no extensions, overrides, plugins). `plain`:
    the content as plain Markdown (plain_markdown.py; the reference of the target), else as
    the HTML the build writes, in place in each page (what a generator would get without shells)."""
    from plain_markdown import as_markdown
    import yaml
    from menukaart import site_build
    from menukaart.resources import MKDOCS_CONFIG
    from menukaart.validate import load_catalogue
    catalogue, problems = load_catalogue(content)
    assert not problems, problems.report()
    site_build.stage_whole_pages(catalogue.for_edition("public"), work / "docs", convert=as_markdown if plain else None)
    project = yaml.safe_load(MKDOCS_CONFIG.read_text(encoding="utf-8"))
    minimal = {"site_name": project["site_name"], "docs_dir": "docs", "site_dir": "site", "use_directory_urls": False,
               "theme": {"name": "material", "language": "nl", "font": False}, "plugins": [],
               "not_in_nav": site_build.ENTRY_PAGES_NOT_IN_NAV, "nav": project["nav"]}
    (work / "mkdocs.yml").write_text(yaml.safe_dump(minimal, allow_unicode=True, sort_keys=False), encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml")], check=True,
                   env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"}, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def real_catalogue(content: Path) -> Path:
    import shutil
    content.mkdir()
    for folder in ("measures", "barriers"):
        shutil.copytree(REPO / folder, content / folder)
    for path in REPO.glob("*.yaml"):
        shutil.copy2(path, content / path.name)
    return content


def preview_rebuild(work: Path) -> float:
    """The preview's rebuild after one saved file (it reuses the generator's output when it can)."""
    from menukaart.serve import Preview
    content = real_catalogue(work / "real")
    preview = Preview(content, "public", work / "preview")
    preview.rebuild()
    measure = sorted((content / "measures").glob("*.yaml"))[0]
    text = measure.read_text(encoding="utf-8")
    measure.write_text(re.sub(r"^reviewed: .*$", "reviewed: 2026-12-01", text, count=1, flags=re.MULTILINE),
                       encoding="utf-8")
    started = time.perf_counter()
    preview.rebuild()
    took = time.perf_counter() - started
    assert preview.state.snapshot() == (2, []), "the edited catalogue rebuilt without problems"
    return took


def preview_in_browser(work: Path, edits: int = 5) -> list[float]:
    """What an editor sees: `serve` on the real catalogue, a measure's page open in Chromium; from
    saving a new title in its YAML file until the page shows it (the page reloads itself)."""
    import json
    import socket
    import urllib.request
    from playwright.sync_api import sync_playwright
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
    content = real_catalogue(work / "real-serve")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, str(REPO / "build_site.py"), "serve", "--content", str(content),
                               "--out", str(work / "served"), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(base + "/__build", timeout=5) as answer:
                    if json.load(answer)["build"] >= 1:
                        break
            except OSError:
                pass
            time.sleep(0.1)
        measure = sorted((content / "measures").glob("*.yaml"))[0]
        waits = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"{base}/maatregelen/{measure.stem}.html")
            original = measure.read_text(encoding="utf-8")
            for number in range(1, edits + 1):
                title = f"Bewerkte titel {number}"
                # Waited for as events, not by asking the page again and again, which would load
                # the machine the preview builds on; an editor reads the page before saving again.
                time.sleep(1)
                with page.expect_event("domcontentloaded", timeout=30_000):
                    started = time.perf_counter()
                    measure.write_text(re.sub(r"^title: .*$", f"title: {title}", original, count=1, flags=re.MULTILINE),
                                       encoding="utf-8")
                waits.append(time.perf_counter() - started)
                assert page.text_content("h1") == title, "the reloaded page shows the saved title"
            browser.close()
        return waits
    finally:
        server.terminate()
        server.wait()


# The header's search as you type, as a reader meets it on an entry page: from the box getting
# focus (the index starts loading) until the first results are in the list, and then each
# keystroke of a query typed letter by letter, timed from the input event until the list is
# rebuilt and laid out (the handler runs synchronously; offsetHeight forces the layout).
FIRST_RESULTS = """() => new Promise(resolve => {
    const box = document.getElementById("mk-header-query");
    const list = document.getElementById("mk-header-results");
    box.value = "vergunning";
    const t0 = performance.now();
    new MutationObserver((_, observer) => {
      if (list.querySelector("[role=option]")) { observer.disconnect(); resolve(performance.now() - t0); }
    }).observe(list, {childList: true});
    box.focus();
})"""
KEYSTROKES = """words => {
    const box = document.getElementById("mk-header-query");
    const out = [];
    for (let i = 1; i <= words.length; i++) {
      box.value = words.slice(0, i);
      const t0 = performance.now();
      box.dispatchEvent(new Event("input", {bubbles: true}));
      document.body.offsetHeight;
      out.push(performance.now() - t0);
    }
    return out;
}"""


def header_search_figures(site: Path, what: str) -> None:
    from playwright.sync_api import sync_playwright
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
    entry = sorted((site / "maatregelen").glob("*.html"))[1]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        loads, strokes = [], []
        for _ in range(3):
            page.goto(entry.as_uri())
            loads.append(page.evaluate(FIRST_RESULTS))
            for words in ("vergunning aanvragen woning", "kmar controle grens", "artikel 174a gemeentewet"):
                strokes += page.evaluate(KEYSTROKES, words)
        browser.close()
    print(f"header search, {what}: focus to first results (loading the index) median {statistics.median(loads):.0f} ms, "
          f"slowest {max(loads):.0f} ms of 3 (target < 1000 ms at 5000); keystroke to updated list median "
          f"{statistics.median(strokes):.1f} ms, slowest {max(strokes):.1f} ms of {len(strokes)} "
          f"(target < 50 ms at 5000, < 100 ms today)")


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


def workspace_figures(site: Path, ticks: int = 10, planned: int = 100) -> None:
    """The case workspace: ticking signals on the signalenwijzer, and the plan page with many items."""
    from playwright.sync_api import sync_playwright
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
    size = (site / "assets/plan/catalogue.js").stat().st_size
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto((site / "signalenwijzer.html").as_uri())
        page.wait_for_function("!document.querySelector('.mk-signals__search').hidden")
        nav = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        signals = page.evaluate("document.querySelectorAll('.mk-signals__barrier input').length")
        times = page.evaluate("""n => { const boxes = document.querySelectorAll('.mk-signals__barrier input'); const out = [];
            for (let i = 0; i < n; i++) { const box = boxes[Math.floor(i * boxes.length / n)]; const t0 = performance.now();
              box.click(); document.body.offsetHeight; out.push(performance.now() - t0); } return out; }""", ticks)
        measures = page.evaluate("document.getElementById('mk-signals-status').textContent")
        print(f"signalenwijzer: {signals} signals, plan data {size / 1e3:.0f} KB; page load until load event {nav:.0f} ms; "
              f"tick to outcome median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms of {ticks} "
              f"(with {ticks} ticked: {measures})")
        page.evaluate("""n => { const items = window.MENUKAART_PLAN_DATA.measures.slice(0, n).map(m =>
            ({kind: 'measure', id: m[0], status: 'gekozen', note: 'Afspraak'}));
            localStorage.setItem('menukaart-mensensmokkel-plannen', JSON.stringify({version: 1, current: 'plan-1',
              plans: [{key: 'plan-1', title: 'Benchmark', created: '2026-12-03', changed: '2026-12-03', items}]})); }""", planned)
        loads = []
        for _ in range(3):
            page.goto((site / "plan.html").as_uri())
            page.wait_for_function("!document.getElementById('mk-plan').hidden")
            loads.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
        change = page.evaluate("""() => { const s = document.querySelector('#mk-plan-items select'); s.value = 'ingezet';
            const t0 = performance.now(); s.dispatchEvent(new Event('change')); document.body.offsetHeight;
            return performance.now() - t0; }""")
        print(f"plan van aanpak: {planned} measures in the plan: page load until load event median "
              f"{statistics.median(loads):.0f} ms; a status changed {change:.1f} ms")
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
