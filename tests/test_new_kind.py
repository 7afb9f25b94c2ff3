"""Adding a kind of content is one declaration, a schema and a template.

In a copy of the project, a new kind "casus" (a worked case, kept in one list file)
is declared in kinds.py, with a link to partners declared in relations.py, a
small schema and one page template. The copy then builds a site in which the new
kind has its pages, search documents, export rows and counts, without any other
change to the code.
"""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.support import FIXTURE_CONTENT, REPO

DECLARATION = '''CASE = Kind("case", "cases", "case.schema.json", "cases.yaml", "Casus", "Casussen", "casussen",
            folder="casussen", template="case.md.j2", list_key="cases")
'''
RELATION = '''    Relation("case", "partners", "partner", "cases_by_partner", "Casussen",
             "Een **casus** noemt de **partners** die eraan werkten (`partners`)."),
'''
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "case.schema.json",
    "title": "Casussen",
    "type": "object",
    "additionalProperties": False,
    "required": ["cases"],
    "properties": {"cases": {"type": "array", "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "title", "summary", "partners"],
        "properties": {
            "id": {"title": "Id", "$ref": "common.schema.json#/$defs/id"},
            "title": {"title": "Titel", "$ref": "common.schema.json#/$defs/text", "maxLength": 120},
            "summary": {"title": "Samenvatting", "$ref": "common.schema.json#/$defs/text",
                        "description": "Wat er gebeurde, in een paar zinnen."},
            "partners": {"title": "Betrokken partners", "$ref": "common.schema.json#/$defs/id_list"},
        },
    }}},
}
TEMPLATE = """# {{ entry.title }}

{{ entry.summary | paragraphs }}

## {{ label("case", "partners") }}

{% for pid in entry.partners %}
- {{ h.link("partner", pid, h.label("partner", pid)) }}
{% endfor %}
"""
CASES = """cases:
  - id: bus-naar-calais
    title: Bus naar Calais
    summary: Een busbedrijf meldde steeds dezelfde groep reizigers zonder bagage.
    partners: [kmar, gemeente]
"""


def project_copy(tmp_path: Path) -> Path:
    """The code, schemas, pages and site configuration, as a fresh clone has them."""
    project = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("menukaart", "schema", "docs", "overrides"):
        shutil.copytree(REPO / name, project / name, symlinks=True, ignore=ignore)
    for name in ("mkdocs.yml", "build_site.py"):
        shutil.copy2(REPO / name, project / name)
    return project


def insert(path: Path, before: str, text: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert before in source, f"{before!r} not in {path}"
    path.write_text(source.replace(before, text + before, 1), encoding="utf-8")


def add_case_kind(project: Path) -> None:
    code = project / "menukaart"
    insert(code / "kinds.py", "\nKINDS: tuple[Kind, ...] =", DECLARATION)
    kinds = code / "kinds.py"
    kinds.write_text(kinds.read_text(encoding="utf-8").replace("LAW, TERM)", "LAW, TERM, CASE)"), encoding="utf-8")
    insert(code / "relations.py", ")\n\n\n@dataclass(frozen=True)\nclass Through", RELATION)
    (project / "schema" / "case.schema.json").write_text(json.dumps(SCHEMA, indent=2), encoding="utf-8")
    (code / "templates" / "case.md.j2").write_text(TEMPLATE, encoding="utf-8")


def run_build(project: Path, content: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project)}  # the copy's code, not the installed package
    return subprocess.run([sys.executable, "build_site.py", "--content", str(content), "--out", str(out), *extra],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


def test_a_new_kind_gets_pages_search_exports_and_counts(tmp_path):
    project = project_copy(tmp_path)
    add_case_kind(project)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    (content / "cases.yaml").write_text(CASES, encoding="utf-8")
    site, dist = tmp_path / "site", tmp_path / "dist"

    result = run_build(project, content, site, "--dist", str(dist))
    assert result.returncode == 0, result.stderr
    assert re.search(r"^Casussen +1 +1 +1 +1 +1 +1$", result.stdout, re.MULTILINE), result.stdout

    page = (site / "casussen/bus-naar-calais.html").read_text(encoding="utf-8")
    assert "<h1" in page and "Bus naar Calais" in page and "Betrokken partners" in page
    assert 'href="../partners/kmar.html"' in page

    documents = (site / "assets/search/documents.js").read_text(encoding="utf-8")
    assert '\\"casussen/bus-naar-calais.html\\", \\"Bus naar Calais\\", \\"Casus\\"' in documents

    with (site / "downloads/menukaart-mensensmokkel-casussen.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows == [{"Id": "bus-naar-calais", "Titel": "Bus naar Calais",
                     "Samenvatting": "Een busbedrijf meldde steeds dezelfde groep reizigers zonder bagage.",
                     "Betrokken partners": "Koninklijke Marechaussee (KMar); Gemeente",
                     "Pagina": "casussen/bus-naar-calais.html"}]
    # The reverse link, derived: the partner's row names the case.
    with (site / "downloads/menukaart-mensensmokkel-partners.csv").open(encoding="utf-8-sig", newline="") as f:
        partners = {row["Id"]: row for row in csv.DictReader(f)}
    assert partners["kmar"]["Casussen"] == "Bus naar Calais" and partners["om"]["Casussen"] == ""
    data = json.loads((site / "downloads/menukaart-mensensmokkel.json").read_text(encoding="utf-8"))
    assert data["counts"]["cases"] == 1 and data["cases"][0]["page"] == "casussen/bus-naar-calais.html"
    with zipfile.ZipFile(site / "downloads/menukaart-mensensmokkel.xlsx") as workbook:
        assert '<sheet name="Casussen"' in workbook.read("xl/workbook.xml").decode("utf-8")
    reference = (site / "velden.html").read_text(encoding="utf-8")
    assert "Casussen" in reference and "Een <strong>casus</strong> noemt de <strong>partners</strong>" in reference


def test_the_check_knows_the_new_kind(tmp_path):
    project = project_copy(tmp_path)
    add_case_kind(project)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    (content / "cases.yaml").write_text(CASES.replace("[kmar, gemeente]", "[kmar, douane]")
                                        .replace("    title: Bus naar Calais\n", ""), encoding="utf-8")
    result = run_build(project, content, tmp_path / "site", "--check")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "cases.yaml:2: cases[0].title: verplicht veld ontbreekt", "1 fout gevonden.",
    ], "a file that breaks its schema is not checked for references as well"
    (content / "cases.yaml").write_text(CASES.replace("[kmar, gemeente]", "[kmar, douane]"), encoding="utf-8")
    result = run_build(project, content, tmp_path / "site", "--check")
    assert result.stderr.splitlines() == ["cases.yaml:5: cases[0].partners[1]: 'douane' bestaat niet in partners.yaml",
                                          "1 fout gevonden."]
