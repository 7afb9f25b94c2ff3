#!/usr/bin/env python3
"""Plant one-line bugs, one at a time, in a temporary copy of the repository, run the fast
(non-browser) tests against each, and report which bugs the tests catch.

    python scripts/mutations.py             # every mutation
    python scripts/mutations.py -k related  # those whose name contains 'related'
    python scripts/mutations.py --jobs 2    # two copies at once

A mutation that survives (all tests pass with the bug in place) shows a hole in the
tests. Each mutation names the file, the exact text it replaces (it must occur exactly
once, so a mutation cannot silently stop applying when the code moves) and the bug.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutation:
    name: str
    file: str
    old: str
    new: str


MUTATIONS = [
    # --- the bugs issue 11 found uncaught
    Mutation("leading '1.' in a text item no longer neutralised", "menukaart/markdown_text.py",
             '    value = _LEADING_MARKER.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", value)\n', ""),
    Mutation("leading '-' and '+' in a text item no longer neutralised", "menukaart/markdown_text.py",
             '    if value[:1] in ("-", "+"):', '    if False:'),
    Mutation("serve never announces a new build", "menukaart/serve.py",
             "                self.build += 1", "                pass"),
    Mutation("the 'Verhoog number' warning for --previous inverted", "menukaart/build.py",
             'if previous_data and previous_data["edition"]["number"] >= number:',
             'if previous_data and previous_data["edition"]["number"] < number:'),
    Mutation("a measure may list itself in related", "menukaart/validate.py",
             "                if relation.symmetric and target == entry_id:", "                if False:"),
    Mutation("duplicate glossary terms differing in case allowed", "menukaart/validate.py",
             "value.casefold() if field_name == 'term' else value", "value"),
    Mutation("redirect pages only for measures", "menukaart/redirects.py",
             "    for kind in PAGE_KINDS:", "    for kind in PAGE_KINDS[:1]:"),
    Mutation("measure title length limit dropped", "schema/measure.schema.json",
             '"maxLength": 120,\n      "description": "Korte naam van de maatregel',
             '"description": "Korte naam van de maatregel'),
    Mutation("barriers: minItems 1 dropped from the measure schema", "schema/measure.schema.json",
             '"minItems": 1,\n      "description": "Ids van de barrières', '"description": "Ids van de barrières'),
    Mutation("a measure placed in a phase only through its first barrier", "menukaart/relations.py",
             "for b in self._cat.table(THROUGH.kind)[mid][THROUGH.via] if b in between}",
             "for b in self._cat.table(THROUGH.kind)[mid][THROUGH.via][:1] if b in between}"),
    Mutation("toc_depth raised from 3 to 6", "mkdocs.yml", "      toc_depth: 3", "      toc_depth: 6"),
    # --- bugs of our own choosing, where a mistake would hurt a reader or an editor
    Mutation("'!' no longer escaped ('!!! danger' becomes a warning box)", "menukaart/markdown_text.py",
             'for c in "\\\\`*_[]{}#|<>&!"}', 'for c in "\\\\`*_[]{}#|<>&"}'),
    Mutation("page title printed unescaped", "overrides/main.html",
             "<title>{{ page.title | striptags | e }} - {{ config.site_name | e }}</title>",
             "<title>{{ page.title | striptags }} - {{ config.site_name | e }}</title>"),
    Mutation("YAML aliases accepted", "menukaart/sources.py",
             '    if ("&" in text or "*" in text) and _reference_problems(path, text, problems):',
             '    if False:'),
    Mutation("1.0 accepted as an integer", "menukaart/schemas.py",
             '"integer", lambda checker, value: isinstance(value, int) and not isinstance(value, bool)),',
             '"integer", lambda checker, value: isinstance(value, (int, float)) and not isinstance(value, bool)),'),
    Mutation("public edition keeps internal measures", "menukaart/catalogue.py",
             'if v.get("visibility", "public") == "public"}', 'if True}'),
    Mutation("a partner's measures leave out those it is the authority for", "menukaart/relations.py",
             "        for relation in RELATIONS:\n            table = cat.table(relation.kind)",
             "        for relation in RELATIONS[1:]:\n            table = cat.table(relation.kind)"),
    Mutation("CSV formula guard removed", "menukaart/exports.py",
             '''    return "'" + text if text.startswith(_FORMULA_START) else text''', "    return text"),
    Mutation("zip members carry the build's time", "menukaart/archive.py",
             "    info = zipfile.ZipInfo(name, date_time=when)",
             "    info = zipfile.ZipInfo(name, date_time=__import__('time').localtime()[:6])"),
    Mutation("builds into one folder no longer take turns", "menukaart/output_folder.py",
             "            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)", "            pass"),
    Mutation("count disagreements ignored", "menukaart/counts.py",
             "        if len(values) > 1:", "        if False:"),
    Mutation("internal records in a 'public' previous export accepted", "menukaart/previous_export.py",
             '        if previous_kind == "internal" or internal:', '        if previous_kind == "internal":'),
    Mutation("an entry reviewed exactly on the limit is listed as stale", "menukaart/review.py",
             "            if reviewed < limit:", "            if reviewed <= limit:"),
    Mutation("accents no longer folded for search", "menukaart/dutch.py",
             '    return _COMBINING.sub("", unicodedata.normalize("NFD", text)).lower()',
             '    return text.lower()'),
    Mutation("control characters in text accepted", "menukaart/sources.py",
             "        bad = FORBIDDEN.search(value)", "        bad = None"),
    Mutation("a killed build's moved-aside site not put back", "menukaart/output_folder.py",
             "    if not folder.exists() and olds:", "    if False:"),
]


# Cheap and broad test files first: most bugs are caught there, before the slow ones
# (which build many sites) are reached; -x then stops at the first failure.
TEST_ORDER = ["test_dutch_search.py", "test_changes.py", "test_exports.py", "test_site_output.py", "test_print.py",
              "test_releases.py", "test_validation.py", "test_cli.py", "test_counts.py", "test_payload_build.py",
              "test_serve.py", "test_hostile_input.py", "test_reproducible.py", "test_concurrent_builds.py"]


def test_files(root: Path) -> list[str]:
    present = sorted(p.name for p in (root / "tests").glob("test_*.py"))
    return [f"tests/{name}" for name in [*(n for n in TEST_ORDER if n in present),
                                        *(n for n in present if n not in TEST_ORDER)]]


def copy_repository(target: Path) -> None:
    """The tracked files as they are in the working tree (uncommitted edits included), in a
    fresh git repository (some tests ask git what it ignores)."""
    names = subprocess.run(["git", "ls-files", "-z"], capture_output=True, text=True, cwd=REPO,
                           check=True).stdout.split("\0")
    for name in filter(None, names):
        source = REPO / name
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():  # menukaart/project/ points at the top-level folders: keep it a link
            os.symlink(os.readlink(source), target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)


def plant(root: Path, mutation: Mutation) -> None:
    path = root / mutation.file
    text = path.read_text(encoding="utf-8")
    found = text.count(mutation.old)
    if found != 1:
        raise SystemExit(f"{mutation.name}: the text to replace occurs {found} times in {mutation.file}; "
                         "update the mutation")
    path.write_text(text.replace(mutation.old, mutation.new), encoding="utf-8")


def run(mutation: Mutation, pristine: Path) -> tuple[Mutation, bool, str, float]:
    """(mutation, caught, first failing test, seconds)."""
    with tempfile.TemporaryDirectory(prefix="menukaart-mutant-") as work:
        root = Path(work) / "repo"
        shutil.copytree(pristine, root, symlinks=True)  # project/ stays links to the copy's own folders
        plant(root, mutation)
        started = time.perf_counter()
        # -x: one failing test is enough; -p no:cacheprovider: leave no .pytest_cache behind.
        tests = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                                *test_files(root)], capture_output=True, text=True, cwd=root)
        seconds = time.perf_counter() - started
        failed = next((line.split(" ", 1)[1].split(" - ")[0] for line in tests.stdout.splitlines()
                       if line.startswith(("FAILED ", "ERROR "))), "")
        return mutation, tests.returncode != 0, failed, seconds


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-k", default="", help="only mutations whose name contains this text")
    p.add_argument("--jobs", type=int, default=1, help="copies tested at once (default 1)")
    args = p.parse_args()
    chosen = [m for m in MUTATIONS if args.k.lower() in m.name.lower()]
    with tempfile.TemporaryDirectory(prefix="menukaart-pristine-") as work:
        pristine = Path(work) / "repo"
        copy_repository(pristine)
        for mutation in chosen:  # every mutation must still apply before any is run
            text = (pristine / mutation.file).read_text(encoding="utf-8")
            if text.count(mutation.old) != 1:
                raise SystemExit(f"{mutation.name}: the text to replace occurs {text.count(mutation.old)} times "
                                 f"in {mutation.file}; update the mutation")
        # The unmutated copy must pass the first test files, or every "caught" would mean nothing.
        baseline = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                                   *test_files(pristine)[:3]], capture_output=True, text=True, cwd=pristine)
        if baseline.returncode:
            raise SystemExit("the unmutated copy fails its tests:\n" + baseline.stdout[-3000:])
        caught = 0
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for mutation, was_caught, failed, seconds in pool.map(lambda m: run(m, pristine), chosen):
                caught += was_caught
                verdict = f"caught by {failed}" if was_caught else "SURVIVED: no test failed"
                print(f"{'ok ' if was_caught else 'NO '} {mutation.name} ({seconds:.0f} s): {verdict}", flush=True)
    print(f"{caught} of {len(chosen)} planted bugs caught by the fast tests.")
    return 0 if caught == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
