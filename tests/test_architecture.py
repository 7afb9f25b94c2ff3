"""The shape of the code, as the README promises it: small modules, no import cycle, a
layout section that matches the tree, and no kind named outside its declaration."""
from __future__ import annotations

import ast
import re

from tests.support import REPO

PACKAGE = REPO / "menukaart"
MAX_LINES = 300


def modules() -> dict[str, ast.Module]:
    return {p.stem: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.glob("*.py"))}


def imports_of(tree: ast.Module) -> set[str]:
    """The package's own modules a module imports, wherever in the module the import stands."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("menukaart."):
            found.add(node.module.split(".")[1])
    return found


def test_no_module_is_longer_than_300_lines():
    lengths = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.glob("*.py")}
    assert {name: n for name, n in lengths.items() if n > MAX_LINES} == {}


def test_the_modules_import_each_other_without_a_cycle():
    graph = {name: imports_of(tree) - {name} for name, tree in modules().items()}
    assert set().union(*graph.values()) <= set(graph), "an import of a module that does not exist"
    done, path = set(), []

    def visit(name: str) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " → ".join(path[path.index(name):] + [name]))
        if name in done:
            return
        path.append(name)
        for other in sorted(graph[name]):
            visit(other)
        path.pop()
        done.add(name)

    for name in graph:
        visit(name)


def test_readme_layout_names_every_module_and_folder():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Hoe het in elkaar zit"):]
    layout = layout[:layout.index("```", layout.index("```") + 3)]
    named = set(re.findall(r"^  ([a-z_]+\.py|[a-z_]+/)", layout, re.MULTILINE))
    named |= {n for n in re.findall(r"^  ([a-z_]+\.py) \+", layout, re.MULTILINE)}
    present = {p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py" and p.name != "__main__.py"}
    present |= {p.name + "/" for p in PACKAGE.iterdir() if p.is_dir() and p.name not in ("__pycache__", "templates")}
    assert present - named == set(), "in the tree, not in the README"
    assert named - present == set(), "in the README, not in the tree"


def test_kind_vocabulary_lives_in_the_declarations():
    """Outside kinds.py, relations.py and the schemas, no module spells a kind's source,
    page folder or export file name: they all loop over the declarations."""
    from menukaart.kinds import KINDS
    words = {k.source for k in KINDS} | {f'"{k.folder}/' for k in KINDS if k.folder}
    allowed = {"kinds.py", "relations.py"}
    found = {}
    for path in PACKAGE.glob("*.py"):
        if path.name in allowed:
            continue
        text = path.read_text(encoding="utf-8")
        hits = sorted(w for w in words if w in text)
        if hits:
            found[path.name] = hits
    assert found == {}
