"""The live preview rebuilds when content changes, survives every failed build, keeps the
last good site and shows the problems on every page until they are fixed."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from menukaart import build, serve
from tests.support import REPO


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float = 120.0):
    """Wait for a state (a rebuild on a loaded machine may take long; only a broken preview times out)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_a_build_that_crashes_is_a_problem_shown_not_the_end_of_the_preview(content, tmp_path, monkeypatch, capsys):
    preview = serve.Preview(content, "public", tmp_path / "preview")
    preview.rebuild()
    assert preview.state.snapshot() == (1, [])

    def crash(*args, **kwargs):
        raise RuntimeError("boem\nop twee regels")
    monkeypatch.setattr(build, "run", crash)
    preview.rebuild()
    assert preview.state.snapshot() == (1, ["interne fout bij het bouwen (RuntimeError: boem<U+000A>op twee regels)"])
    assert (tmp_path / "preview/index.html").is_file()  # the last good site


def test_first_build_failing_still_serves_a_page_with_the_problems(content, tmp_path):
    (content / "edition.yaml").unlink()
    preview = serve.Preview(content, "public", tmp_path / "preview")
    preview.rebuild()
    number, problems = preview.state.snapshot()
    assert number == 0 and problems[0] == "edition.yaml:1: -: bestand ontbreekt: edition.yaml (nummer en datum van de uitgave)"
    html = serve._with_preview(serve.NO_SITE_YET, number, problems, preview.state.version)
    assert "Nog geen voorbeeld" in html and "edition.yaml:1: -: bestand ontbreekt" in html


def test_the_preview_watches_content_hand_written_pages_templates_schemas_and_the_site_config(content, tmp_path):
    """An edit to any of them is noticed: the next snapshot differs, so the preview rebuilds."""
    preview = serve.Preview(content, "public", tmp_path / "preview")
    watched = serve._snapshot(preview.watched(), preview.out)
    for path in (content / "measures/bibob-toets.yaml", REPO / "docs/over.md", REPO / "docs/assets/stylesheets/print.css",
                 REPO / "menukaart/templates/measure.html.j2", REPO / "schema/measure.schema.json",
                 REPO / "overrides/main.html", REPO / "mkdocs.yml"):
        assert path in watched, path
    before = dict(watched)
    later = (content / "measures/bibob-toets.yaml")
    later.write_text(later.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    import os
    os.utime(later, (before[later] + 5, before[later] + 5))
    assert serve._snapshot(preview.watched(), preview.out) != before


@pytest.fixture
def preview(content, tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(REPO / "build_site.py"), "serve", "--content", str(content),
         "--out", str(tmp_path / "preview"), "--port", str(port)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        yield base
    finally:
        server.terminate()
        server.communicate(timeout=30)


def status(base: str) -> dict:
    return json.loads(fetch(base + serve.STATUS_PATH))


def test_serve_rebuilds_keeps_the_last_good_site_and_shows_problems(preview, content):
    page = preview + "/maatregelen/sluiting-woning.html"
    first = wait_for(lambda: fetch(page))
    assert "<h1 id=\"titel\">Woning sluiten</h1>" in first
    assert serve.STATUS_PATH in first  # the page polls the preview and reloads itself
    build_number = wait_for(lambda: status(preview))["build"]

    measure = content / "measures/sluiting-woning.yaml"
    measure.write_text(measure.read_text(encoding="utf-8").replace("title: Woning sluiten", "title: Pand dicht"),
                       encoding="utf-8")
    wait_for(lambda: status(preview)["build"] > build_number)
    assert "Pand dicht</h1>" in fetch(page)
    build_number = status(preview)["build"]

    good = measure.read_text(encoding="utf-8")
    measure.write_text(good.replace("category: bestuursrechtelijk", "category: <b>kapot</b>"), encoding="utf-8")
    problems = wait_for(lambda: status(preview)["problems"])
    assert problems[0].startswith("measures/sluiting-woning.yaml:6: category: '<b>kapot</b>' is geen toegestane waarde")
    assert status(preview)["build"] == build_number  # no new build: the pages do not reload
    html = fetch(page)
    assert "Pand dicht</h1>" in html  # the last good site stays up
    banner = html.split('id="mk-preview-problems"', 1)[1].split("</div>", 1)[0]  # on every page, as text
    assert "&lt;b&gt;kapot&lt;/b&gt;" in banner and "<b>" not in banner
    assert 'id="mk-preview-problems"' in fetch(preview + "/index.html")

    measure.write_text(good.replace("title: Pand dicht", "title: Weer goed"), encoding="utf-8")
    wait_for(lambda: status(preview)["build"] > build_number)
    assert status(preview)["problems"] == []
    html = fetch(page)
    assert "Weer goed</h1>" in html and 'id="mk-preview-problems"' not in html


def test_bad_requests_get_400_and_the_preview_keeps_serving(preview):
    wait_for(lambda: fetch(preview + "/index.html"))
    for path in ("/%00", "/maatregelen/%00.html"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            fetch(preview + path)
        assert refused.value.code == 400
    assert "Menukaart mensensmokkel" in fetch(preview + "/index.html")


def test_a_page_asking_for_news_is_answered_when_a_build_finishes():
    state = serve.PreviewState()
    answers = []
    asking = threading.Thread(target=lambda: answers.append(state.news_after(0, timeout=600)))
    asking.start()
    state.record(True, [])
    asking.join(60)  # answered by the build, long before the question's own time runs out
    assert answers == [{"build": 1, "problems": [], "version": 1}]
    assert state.news_after(1, timeout=0) == {"build": 1, "problems": [], "version": 1}  # no news: answered as is


def site_files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_preview_build_that_reused_the_generator_output_is_the_full_build(content, tmp_path):
    preview = serve.Preview(content, "public", tmp_path / "preview")
    preview.rebuild()
    measure = content / "measures/sluiting-woning.yaml"
    measure.write_text(measure.read_text(encoding="utf-8").replace("title: Woning sluiten", "title: Pand dicht")
                       .replace("summary: ", "summary: Nieuw. ", 1), encoding="utf-8")
    preview.rebuild()
    assert preview.state.snapshot() == (2, []) and preview.cache.hits == 1  # the generator did not run again
    assert build.run(content, "public", tmp_path / "full", dist=None).ok
    assert site_files(tmp_path / "preview") == site_files(tmp_path / "full")
    assert "Pand dicht</h1>" in (tmp_path / "preview/maatregelen/sluiting-woning.html").read_text(encoding="utf-8")


def test_a_schema_saved_while_the_preview_runs_counts_from_the_next_build(content, tmp_path, monkeypatch):
    import shutil
    from menukaart import resources, schemas
    schema_dir = tmp_path / "schema"
    shutil.copytree(resources.SCHEMA_DIR, schema_dir)
    monkeypatch.setattr(schemas, "SCHEMA_DIR", schema_dir)
    preview = serve.Preview(content, "public", tmp_path / "preview")
    preview.rebuild()
    page = tmp_path / "preview/maatregelen/sluiting-woning.html"
    assert '<h2 id="wettelijke-grondslag">Wettelijke grondslag</h2>' in page.read_text(encoding="utf-8")
    schema = schema_dir / "measure.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"title": "Wettelijke grondslag"',
                                                                 '"title": "Grondslag in de wet"'), encoding="utf-8")
    preview.rebuild()
    assert preview.state.snapshot() == (2, [])
    assert '<h2 id="grondslag-in-de-wet">Grondslag in de wet</h2>' in page.read_text(encoding="utf-8")
    # a file that passed before is checked again against the changed schema
    schema.write_text(schema.read_text(encoding="utf-8").replace('"required": [', '"required": ["nieuw_veld", ', 1),
                      encoding="utf-8")
    preview.rebuild()
    build_number, problems = preview.state.snapshot()
    assert build_number == 2 and any(p.startswith("measures/sluiting-woning.yaml:") and "nieuw_veld" in p for p in problems)
    monkeypatch.undo()
    schemas.refresh()  # the other tests read the project's schemas again
