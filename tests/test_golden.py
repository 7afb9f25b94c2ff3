"""Golden output: everything the fixture catalogue becomes before the site generator runs
(generated pages, exports, search and facet data, redirect pages), compared file
by file with the snapshot in tests/golden/, as Pelican's functional tests do.

A redesign of the code must not change a byte of it unless it means to. When a change is
meant, regenerate the snapshot and explain the difference in the commit:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""
from __future__ import annotations

import difflib
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from menukaart import site_build
from menukaart.exports import export_data
from menukaart.validate import load_catalogue
from tests.support import FIXTURE_CONTENT, REPO

GOLDEN = Path(__file__).resolve().parent / "golden"
HANDWRITTEN = REPO / "docs"


def previous_export() -> dict:
    """A previous release that differs from the fixture: one measure renamed, one title changed,
    one measure gone, one extra glossary term, so the change page has something in every part."""
    cat, problems = load_catalogue(FIXTURE_CONTENT)
    assert not problems
    data = export_data(cat.for_edition("public"))
    data["edition"] = {**data["edition"], "number": 0, "date": "2026-06-01"}
    measures = {m["id"]: m for m in data["measures"]}
    measures["bibob-toets"]["title"] = "Bibob-toets (oude titel)"
    measures["mobiel-toezicht"]["id"] = "controles-onderweg"
    del measures["grensmelding"]
    data["measures"] = list(measures.values())
    data["glossary"].append({"term": "Vervallen begrip", "meaning": "Staat niet meer in de lijst."})
    return data


CASES = {"public": ("public", None), "internal": ("internal", None), "public-changes": ("public", previous_export)}


def staged_files(edition: str, previous, tmp_path: Path) -> dict[str, bytes]:
    cat, problems = load_catalogue(FIXTURE_CONTENT)
    assert not problems
    staged = site_build.staged_outputs(cat.for_edition(edition), previous() if previous else None, HANDWRITTEN)
    copied = {p.relative_to(HANDWRITTEN).as_posix() for p in HANDWRITTEN.rglob("*") if p.is_file()}
    # A page written as HTML is kept as the whole page (its shell with the content in place),
    # so that a change shows in the page where it happens; the shells themselves are left out.
    whole = {name: text.encode("utf-8") for name, text in staged.rendered.whole_pages().items()}
    files = {name: data for name, data in staged.outputs.files.items()
             if name not in copied and name not in staged.rendered.shells and not name.startswith(site_build.VENDOR_DIR)}
    return dict(sorted({**files, **whole}.items()))


def readable(name: str, data: bytes) -> str:
    """Text to compare and show; an XLSX as its XML parts."""
    if name.endswith(".xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "\n".join(f"--- {member}\n{z.read(member).decode('utf-8')}" for member in z.namelist())
    return data.decode("utf-8")


@pytest.mark.parametrize("case", CASES)
def test_generated_output_is_unchanged(case, tmp_path):
    edition, previous = CASES[case]
    produced = staged_files(edition, previous, tmp_path)
    golden = GOLDEN / case
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(golden, ignore_errors=True)
        for name, data in produced.items():
            (golden / name).parent.mkdir(parents=True, exist_ok=True)
            (golden / name).write_bytes(data)
    expected = {p.relative_to(golden).as_posix(): p.read_bytes() for p in sorted(golden.rglob("*")) if p.is_file()}
    assert sorted(produced) == sorted(expected), "files added or missing"
    for name in expected:
        if produced[name] != expected[name]:
            diff = difflib.unified_diff(readable(name, expected[name]).splitlines(),
                                        readable(name, produced[name]).splitlines(), "golden", "now", lineterm="", n=1)
            pytest.fail(f"{case}/{name} differs:\n" + "\n".join(list(diff)[:40]))


def test_two_steps_writing_one_file_is_a_bug_not_a_choice(tmp_path):
    from menukaart.outputs import Outputs
    for out in (Outputs(), Outputs(tmp_path)):
        out.add("maatregelen/a.md", "een")
        with pytest.raises(ValueError, match="two steps of the build write maatregelen/a.md"):
            out.add("maatregelen/a.md", "twee")
    assert (tmp_path / "maatregelen/a.md").read_text(encoding="utf-8") == "een"
