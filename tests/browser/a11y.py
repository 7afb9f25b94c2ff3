"""Checks of a page as a keyboard user meets it, the same in Chromium and Firefox.

The focus walk presses Tab until the focus comes back to the first stop, and records every
stop as it gets focus: its focus indicator (computed style) and whether it is on the screen.
Transitions are switched off first, so what is recorded is the final state, not a moment in
an animation.
"""
from __future__ import annotations

from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page, tags=AXE_TAGS) -> list[tuple[str, list]]:
    """What axe finds on the page as it is now: (rule, first three elements) per violation.
    preload: false, because axe would fetch the stylesheets with XHR, which file:// refuses."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, preload: false})", tags)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]

RECORDER = r"""() => {
  if (window.__mkFocus) { window.__mkFocus.stops = []; window.__mkFocus.seen = []; window.__mkFocus.wrapped = false; window.__mkFocus.still = 0; window.__mkFocus.previous = null; return; }
  const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }";
  document.head.appendChild(style);
  const record = window.__mkFocus = { stops: [], seen: [], wrapped: false };

  function clippedBy(el, box) {
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === "visible" && s.overflowY === "visible") { continue; }
      const b = a.getBoundingClientRect();
      if (box.right <= b.left || box.left >= b.right || box.bottom <= b.top || box.top >= b.bottom) { return true; }
    }
    return false;
  }

  // Past the last stop the focus may leave the page for the browser's own controls: the
  // walk is round then too.
  window.addEventListener("blur", () => { if (record.stops.length) { record.wrapped = true; } });
  document.addEventListener("focusin", (event) => {
    const el = event.target;
    if (el.tabIndex < 0 && !el.closest(".md-sidebar--primary") && el.tagName === "SPAN") { return; }  // the walk's start mark
    if (record.seen.includes(el)) { record.wrapped = true; return; }
    record.seen.push(el);
    // Where the browser would show it: scrolled into view (instantly), then measured.
    el.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
    const box = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const visible = el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const onScreen = visible && box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth
      && box.bottom > 0 && box.top < innerHeight && !clippedBy(el, box);
    const width = parseFloat(s.outlineWidth) || 0;
    const transparent = /^(transparent|rgba\(.*,\s*0\))$/.test(s.outlineColor);
    record.stops.push({
      what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " +
            (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\s+/g, " ").slice(0, 50),
      indicator: s.outlineStyle !== "none" && width >= 2 && !transparent,
      outline: s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor,
      onScreen: onScreen,
      inDrawer: Boolean(el.closest(".md-sidebar--primary")),
      menuButton: el.classList.contains("mk-menu-button"),
    });
  }, true);
}"""


def press_tab(page, times: int = 1, shift: bool = False) -> None:
    """Tab presses as a person makes them; Firefox gets them in one batch (one round trip)."""
    from tests.browser.firefox import KEYS, FirefoxPage
    if isinstance(page, FirefoxPage):
        from selenium.webdriver.common.action_chains import ActionChains
        actions = ActionChains(page.driver)
        for _ in range(times):
            if shift:
                actions.key_down(KEYS["Shift"])
            actions.send_keys(KEYS["Tab"])
            if shift:
                actions.key_up(KEYS["Shift"])
        actions.perform()
    else:
        # Raw key events over the DevTools protocol: half the round trips of keyboard.press.
        session = getattr(page, "_mk_cdp", None)
        if session is None:
            session = page._mk_cdp = page.context.new_cdp_session(page)
        key = {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9, "modifiers": 8 if shift else 0}
        for _ in range(times):
            session.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", **key})
            session.send("Input.dispatchKeyEvent", {"type": "keyUp", **key})


# Firefox sends Tab from the page's last stop into its own controls, and WebDriver's keys do
# not bring it back: its walk stops at the last stop instead of going round. Which stop is last
# can change under the walk (Material shows its back-to-top button after a scroll up), so a
# focus that two Tab presses no longer move counts as past the end too. Evaluated once per press.
TAB_STOPS = """Array.from(document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'))
  .filter(el => el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]') && el.checkVisibility({ visibilityProperty: true }))"""

AT_LAST_STOP = """() => {
  const record = window.__mkFocus;
  if (record.stops.length && !document.hasFocus()) { return true; }  // Tab left the page
  record.still = record.stops.length && document.activeElement === record.previous ? (record.still || 0) + 1 : 0;
  record.previous = document.activeElement;
  if (record.still >= 2) { return true; }
  const stops = %s;
  return record.wrapped || (stops.length > 0 && stops[stops.length - 1] === document.activeElement);
}""" % TAB_STOPS


WHERE_THE_FOCUS_IS = """() => ({
  pageHasFocus: document.hasFocus(),
  active: document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : null,
  lastStops: window.__mkFocus.stops.slice(-4).map(s => s.what),
  lastOfThePage: %s.slice(-3).map(el => el.outerHTML.slice(0, 160)),
})""" % TAB_STOPS


def walk_focus(page, limit: int = 800) -> list[dict]:
    """Every Tab stop of the page, in order, from the top."""
    from tests.browser.firefox import FirefoxPage
    # The focus may still be in the browser's own controls where the last walk left it: give it
    # back to the page, or no blur or focus event would tell where Tab went.
    page.bring_to_front()
    page.evaluate(RECORDER)
    # Start from the top, like a page just opened: focus a mark before everything (not a
    # stop itself), which goes away once the first Tab has left it.
    page.evaluate("""() => {
      const mark = document.createElement("span");
      mark.tabIndex = -1;
      mark.addEventListener("blur", () => mark.remove());
      document.body.prepend(mark);
      mark.focus();
      window.scrollTo(0, 0);
    }""")
    firefox = isinstance(page, FirefoxPage)
    done = AT_LAST_STOP if firefox else "window.__mkFocus.wrapped"
    presses = 0
    while not page.evaluate(done) and presses < limit:
        batch = 1 if firefox else 10
        press_tab(page, batch)
        presses += batch
    assert page.evaluate(done), (f"the focus did not come back round within {limit} Tab presses: "
                                 + str(page.evaluate(WHERE_THE_FOCUS_IS)))
    return page.evaluate("window.__mkFocus.stops")


def horizontal_overflow(page) -> int:
    """How far the page scrolls sideways (0: it reflows)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def focus_problems(stops: list[dict]) -> list[str]:
    return [f"{s['what']}: {'no focus indicator (' + s['outline'] + ')' if not s['indicator'] else ''}"
            f"{' off-screen' if not s['onScreen'] else ''}"
            for s in stops if not s["indicator"] or not s["onScreen"]]
