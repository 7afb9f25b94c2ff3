"""Headless Chromium (Debian's) driven by Playwright, and Firefox ESR (Debian's) driven by
Selenium, opening the built site through file://.

Every page a test opens is watched: a request that is not file:// (or the test's own local
server), a file that fails to load or a console error fails the test. `watched` is Chromium;
`browser_page` runs the same test body in Chromium and in Firefox.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BROWSERS = ["chromium", "firefox"]
SITE_SCHEMES = ("file://", "data:", "about:")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium not found: install Debian's chromium (make test does this) to run the browser tests")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class WatchedPage:
    """A page plus what it asked for and what it complained about."""

    name = "chromium"

    def __init__(self, page):
        self.page = page
        self.local: tuple[str, ...] = ()   # a test's own server on 127.0.0.1 is part of the site
        self.outside_requests: list[str] = []
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(SITE_SCHEMES + self.local)
                else self.outside_requests.append(r.url))
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("requestfailed", self._failed)

    def _failed(self, request) -> None:
        # A request cut short by the next navigation (ERR_ABORTED) is not a missing file.
        if request.failure != "net::ERR_ABORTED":
            self.failed_requests.append(f"{request.url} from {request.frame.url}: {request.failure}")


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = WatchedPage(context.new_page())
    yield watched
    context.close()
    assert watched.outside_requests == [], "requests outside the site"
    assert watched.failed_requests == [], "missing files"
    assert watched.console_errors == [], "console errors"


@pytest.fixture(scope="session")
def firefox():
    from tests.browser.firefox import FIREFOX, FirefoxBrowser
    if not Path(FIREFOX).exists():
        pytest.fail("Firefox ESR not found: install Debian's firefox-esr (make test does this) to run the browser tests")
    firefox = FirefoxBrowser()
    yield firefox
    firefox.quit()


@pytest.fixture(params=BROWSERS)
def browser_page(request):
    """A watched page, 1280 × 900, in Chromium and (a second run of the test) in Firefox ESR."""
    if request.param == "chromium":
        yield request.getfixturevalue("watched")
        return
    firefox = request.getfixturevalue("firefox")
    watched = firefox.new_page(1280, 900)
    yield watched
    firefox.current = None
    assert watched.outside_requests == [], "requests outside the site"
    assert watched.failed_requests == [], "missing files"
    assert watched.console_errors == [], "console errors"


def url_of(path: Path, query: str = "") -> str:
    return path.resolve().as_uri() + query


_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


def open_settled(page, path: Path) -> None:
    """Open a built page; a redirect page (former id) is followed until its target has loaded,
    so that its refresh cannot interrupt the next navigation."""
    page.goto(url_of(path))
    forward = _REFRESH.search(path.read_text(encoding="utf-8"))
    if forward and 'name="menukaart-redirect"' in path.read_text(encoding="utf-8"):
        page.wait_for_url(url_of(path.parent / forward.group(1)), wait_until="load")


@pytest.fixture(scope="session")
def real_vocabulary() -> set[str]:
    """Every word in the repository's content and pages: what users will search for."""
    from menukaart import dutch
    repo = Path(__file__).resolve().parents[2]
    words: set[str] = set()
    for pattern in ("measures/*.yaml", "barriers/*.yaml", "*.yaml", "docs/*.md", "tests/fixtures/content/**/*.yaml"):
        for path in repo.glob(pattern):
            words.update(dutch.tokenize(path.read_text(encoding="utf-8")))
    return words
