"""The live preview rebuilds when a YAML file changes, and keeps the last good site on errors."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from tests.support import REPO


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_serve_rebuilds_on_yaml_change(content, tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(REPO / "build_site.py"), "serve", "--content", str(content),
         "--out", str(tmp_path / "preview"), "--port", str(port)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        page = f"http://127.0.0.1:{port}/maatregelen/sluiting-woning.html"
        first = wait_for(lambda: fetch(page))
        assert "<h1 id=\"woning-sluiten\">Woning sluiten</h1>" in first
        assert 'fetch("/__build")' in first  # the page reloads itself after a rebuild

        measure = content / "measures/sluiting-woning.yaml"
        measure.write_text(measure.read_text(encoding="utf-8").replace("title: Woning sluiten", "title: Pand dicht"),
                           encoding="utf-8")
        wait_for(lambda: "Pand dicht</h1>" in fetch(page))

        measure.write_text(measure.read_text(encoding="utf-8").replace("title: Pand dicht", "titel: Kapot"),
                           encoding="utf-8")
        time.sleep(3)
        assert "Pand dicht</h1>" in fetch(page)  # the last good site stays up
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert "titel: onbekend veld 'titel'; bedoelt u 'title'?" in output
