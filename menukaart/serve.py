"""Live preview for editors: serve the site on localhost and rebuild when content changes.

Watching is done by polling modification times (twenty times a second): no extra dependency,
and it behaves the same on every file system. The preview survives every failed
build: it keeps serving the last good site, and every page shows the problems in a
banner at the top until they are fixed. A page asks the preview for news and reloads itself
as soon as a good build finished.
"""
from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs

from . import build
from .problems import shown
from .generator_cache import GeneratorCache
from .resources import BUILD_INPUTS
from .validate import CheckedFiles

WATCHED_SUFFIXES = {".yaml", ".md", ".j2", ".json", ".css", ".js", ".html", ".yml"}
STATUS_PATH = "/__build"
BANNER_HEADING = "Laatste bouw mislukt; u ziet de vorige versie."
BANNER_STYLE = ("position:sticky;top:0;z-index:10;background:#fff4f0;color:#1f1f1f;border-bottom:3px solid #a3340f;"
                "padding:.6rem 1rem;font:14px/1.4 sans-serif;white-space:pre-wrap")

# Asks the preview for news and waits for the answer (the preview answers when a build
# finished, or after a while): reloads after a new good build, shows or hides the problems.
RELOAD_SCRIPT = """<script>
(function () {
  var seen = %(build)s, version = %(version)s;
  function banner(problems) {
    var box = document.getElementById("mk-preview-problems");
    if (!problems.length) { if (box) { box.remove(); } return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "mk-preview-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = %(style)s;
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.textContent = %(heading)s + "\\n" + problems.join("\\n");
  }
  function ask() {
    fetch("%(status)s?after=" + version).then(function (r) { return r.json(); }).then(function (state) {
      if (state.build !== seen) { location.reload(); return; }
      version = state.version;
      banner(state.problems);
      ask();
    }).catch(function () { setTimeout(ask, 1000); });
  }
  ask();
})();
</script>"""
WATCH_INTERVAL = 0.05  # seconds between looks at the files: a save is seen at once
LONGEST_WAIT = 20     # seconds a page's question waits for news before it is answered anyway


class PreviewState:
    """The last build's number and problems, shared by the watcher and the request handlers."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.build = 0    # number of the last good build; pages reload when it changes
        self.version = 0  # counts every finished build, good or not; a waiting page is answered when it moves
        self.problems: list[str] = []

    def snapshot(self) -> tuple[int, list[str]]:
        with self.changed:
            return self.build, list(self.problems)

    def news_after(self, version: int, timeout: float = LONGEST_WAIT) -> dict:
        """The state once a build finished after `version` (or after `timeout`)."""
        with self.changed:
            self.changed.wait_for(lambda: self.version > version, timeout)
            return {"build": self.build, "problems": list(self.problems), "version": self.version}

    def record(self, ok: bool, problems: list[str]) -> None:
        with self.changed:
            if ok:
                self.build += 1
            self.problems = problems
            self.version += 1
            self.changed.notify_all()


class Preview:
    """Builds into the preview folder and remembers the outcome for the pages."""

    def __init__(self, content: Path, edition: str, out: Path):
        self.content, self.edition, self.out = Path(content), edition, Path(out)
        self.state = PreviewState()
        # The generator's last output, beside the preview folder: reused while its input is the same.
        self.cache = GeneratorCache(self.out.with_name(self.out.name + ".generator-cache"))
        self.checked = CheckedFiles()  # content files that passed, not parsed again while unchanged

    def rebuild(self) -> None:
        print(time.strftime("%H:%M:%S"), "bouwen...", flush=True)
        try:
            outcome = build.run(self.content, self.edition, self.out, dist=None, cache=self.cache,
                                checked=self.checked)
            ok, problems = outcome.ok, outcome.problems
        except Exception as error:  # the preview must outlive any failure of one build
            ok, problems = False, [f"interne fout bij het bouwen ({type(error).__name__}: {shown(error, 200)})"]
        for line in problems:
            print(line, flush=True)
        if ok:
            print(time.strftime("%H:%M:%S"), "klaar", flush=True)
        self.state.record(ok, problems)

    def watched(self) -> list[Path]:
        return [self.content, *BUILD_INPUTS]


def serve(content: Path, edition: str, port: int, out: Path) -> int:
    preview = Preview(content, edition, out)
    preview.rebuild()
    handler = functools.partial(PreviewHandler, state=preview.state, directory=str(preview.out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Voorbeeld op http://127.0.0.1:{port}/ (stoppen met Ctrl+C)", flush=True)

    snapshot = _snapshot(preview.watched(), preview.out)
    try:
        while True:
            time.sleep(WATCH_INTERVAL)
            current = _snapshot(preview.watched(), preview.out)
            if current != snapshot:
                snapshot = current
                preview.rebuild()
    finally:
        server.shutdown()


def _snapshot(roots: list[Path], ignore: Path) -> dict[Path, float]:
    """Modification time of every watched file (hidden folders and the preview's own output
    left out). With os.scandir, which needs no extra system call per directory entry: it runs
    twenty times a second."""
    files: dict[Path, float] = {}
    ignored = os.path.realpath(ignore)

    def look(folder: str) -> None:
        if os.path.realpath(folder) == ignored:
            return
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir():
                        look(entry.path)
                    elif os.path.splitext(entry.name)[1] in WATCHED_SUFFIXES:
                        files[Path(entry.path)] = entry.stat().st_mtime
        except OSError:  # a file saved or removed while we looked: the next look sees it
            pass

    for root in roots:
        if root.is_dir():
            look(str(root))
        elif root.suffix in WATCHED_SUFFIXES:
            try:
                files[root] = root.stat().st_mtime
            except OSError:
                pass
    return files


NO_SITE_YET = """<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>Nog geen voorbeeld</title></head><body><h1>Nog geen voorbeeld</h1>
<p>De eerste bouw is mislukt. Los de problemen hierboven op; de pagina ververst vanzelf.</p></body></html>"""


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, state: PreviewState, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        try:
            self._get()
        except ValueError:  # e.g. %00 in the path: not a file name
            self.send_error(400, "Ongeldig verzoek")

    def do_HEAD(self) -> None:
        try:
            super().do_HEAD()
        except ValueError:
            self.send_error(400, "Ongeldig verzoek")

    def _get(self) -> None:
        path, _, query = self.path.partition("?")
        if path == STATUS_PATH:
            after = parse_qs(query).get("after", [""])[0]
            version = int(after) if after.isdigit() else self.state.version
            news = self.state.news_after(version, LONGEST_WAIT if after.isdigit() else 0)
            self._send(json.dumps(news).encode(), "application/json")
            return
        number, problems = self.state.snapshot()
        version = self.state.version
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file() or not Path(self.directory).is_dir():
            page = path.read_text(encoding="utf-8") if path.is_file() else NO_SITE_YET
            self._send(_with_preview(page, number, problems, version).encode("utf-8"), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # keep the terminal for build output
        pass


def _with_preview(page: str, number: int, problems: list[str], version: int) -> str:
    """The page with the reload script, and the problems banner already in place (no flash)."""
    script = RELOAD_SCRIPT % {"build": number, "version": version, "status": STATUS_PATH, "style": json.dumps(BANNER_STYLE),
                              "heading": json.dumps(BANNER_HEADING)}
    if problems:
        text = html.escape(BANNER_HEADING + "\n" + "\n".join(problems))
        banner = f'<div id="mk-preview-problems" role="alert" style="{BANNER_STYLE}">{text}</div>'
        page = re.sub(r"<body[^>]*>", lambda m: m.group() + banner, page, count=1)
    return page.replace("</body>", script + "</body>", 1) if "</body>" in page else page + script
