"""Live preview for editors: serve the site on localhost and rebuild when content changes.

Watching is done by polling modification times (once a second): no extra dependency,
and it behaves the same on every file system. A page in the browser reloads itself
after a successful rebuild; after a failed one the errors are printed and the last
good site stays up.
"""
from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

from .site_build import HANDWRITTEN_DOCS, MKDOCS_CONFIG, REPO_ROOT

WATCHED_SUFFIXES = {".yaml", ".md", ".j2", ".json", ".css", ".js", ".html", ".yml"}
RELOAD_SCRIPT = b"""<script>
(function () {
  var seen = null;
  setInterval(function () {
    fetch("/__build").then(function (r) { return r.text(); }).then(function (id) {
      if (seen !== null && id !== seen) { location.reload(); }
      seen = id;
    }).catch(function () {});
  }, 1000);
})();
</script>"""


def serve(content: Path, edition: str, port: int, out: Path | None) -> int:
    from . import cli

    out = out or REPO_ROOT / ".preview"
    state = {"build": str(time.time())}

    def rebuild() -> None:
        print(time.strftime("%H:%M:%S"), "bouwen...", flush=True)
        if cli.build(content, edition, out, dist=None) == 0:
            state["build"] = str(time.time())

    rebuild()
    handler = functools.partial(_PreviewHandler, state=state, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Voorbeeld op http://127.0.0.1:{port}/ (stoppen met Ctrl+C)", flush=True)

    roots = [Path(content), HANDWRITTEN_DOCS, REPO_ROOT / "menukaart" / "templates", REPO_ROOT / "schema",
             REPO_ROOT / "overrides", MKDOCS_CONFIG]
    snapshot = _snapshot(roots, out)
    try:
        while True:
            time.sleep(1)
            current = _snapshot(roots, out)
            if current != snapshot:
                snapshot = current
                rebuild()
    finally:
        server.shutdown()


def _snapshot(roots: list[Path], ignore: Path) -> dict[Path, float]:
    files: dict[Path, float] = {}
    for root in roots:
        paths = [root] if root.is_file() else root.rglob("*") if root.is_dir() else []
        for path in paths:
            if path.suffix in WATCHED_SUFFIXES and path.is_file() and not _inside(path, ignore) \
                    and not any(part.startswith(".") for part in path.relative_to(root).parts):
                files[path] = path.stat().st_mtime
    return files


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


class _PreviewHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, state: dict, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        if self.path == "/__build":
            body = self.state["build"].encode()
            self._send(body, "text/plain")
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_bytes().replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)
            self._send(html, "text/html; charset=utf-8")
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
