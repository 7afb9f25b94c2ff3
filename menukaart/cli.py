"""Command line: check, build (site + offline zip) and serve (live preview)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .catalogue import EDITIONS
from .generators import DEFAULT as DEFAULT_GENERATOR, GENERATORS
from .kinds import KINDS
from .problems import one_line, shown
from .validate import load_catalogue

DEFAULT_OUT = {"public": "site", "internal": "site-intern"}
ENTRY_FOLDERS = " en ".join(kind.source for kind in KINDS if kind.one_file_per_entry)


def parser(root: Path) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build_site.py",
        description="Controleer de inhoud en bouw de Menukaart mensensmokkel (site en offline zip).",
    )
    p.add_argument("command", nargs="?", choices=["build", "serve"], default="build",
                   help="build (standaard) of serve: live voorbeeld dat opnieuw bouwt bij elke wijziging")
    p.add_argument("--check", action="store_true", help="alleen controleren, niet bouwen")
    p.add_argument("--edition", choices=EDITIONS, default="public",
                   help="public (standaard, zonder interne items) of internal")
    p.add_argument("--content", type=Path, default=root,
                   help=f"map met {ENTRY_FOLDERS} en de kleine YAML-bestanden (standaard: {root})")
    p.add_argument("--out", type=Path, help="uitvoermap van de site (standaard site/ of site-intern/)")
    p.add_argument("--dist", type=Path, default=root / "dist", help="map voor de offline zip")
    p.add_argument("--no-zip", action="store_true", help="geen offline zip maken")
    p.add_argument("--previous", type=Path, metavar="JSON",
                   help="JSON-export van de vorige uitgave; de site krijgt dan een pagina 'Wat is er veranderd'")
    p.add_argument("--port", type=int, default=8000, help="poort voor serve (standaard 8000)")
    p.add_argument("--generator", choices=GENERATORS, default=DEFAULT_GENERATOR,
                   help="sitegenerator: mkdocs (standaard, met Material for MkDocs), properdocs of zensical")
    return p


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    """`root` holds the content and receives site/ and dist/: build_site.py passes its own
    folder, the installed command (`menukaart`, `python -m menukaart`) the current one."""
    root = Path(root) if root is not None else Path.cwd()
    args = parser(root).parse_args(argv)
    out = args.out or root / DEFAULT_OUT[args.edition]
    try:
        if args.command == "serve":
            from .serve import serve
            return serve(args.content, args.edition, args.port, args.out or root / ".preview")
        if args.check:
            return check(args.content)
        return build(args.content, args.edition, out, None if args.no_zip else args.dist, args.previous, args.generator)
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        print(f"fout: {one_line(error.strerror or str(error))} ({one_line(str(error.filename or ''))})", file=sys.stderr)
        return 1
    except Exception as error:  # a bug, not bad content: still one line, and a way to see more
        if os.environ.get("MENUKAART_DEBUG"):
            raise
        print(f"interne fout ({type(error).__name__}: {shown(error, 200)}); meld dit aan de beheerders, "
              "met MENUKAART_DEBUG=1 ziet u de details", file=sys.stderr)
        return 2


def check(content: Path) -> int:
    catalogue, problems = load_catalogue(content)
    if problems:
        print(problems.report(), file=sys.stderr)
        return 1
    print(f"In orde: {len(catalogue.measures)} maatregelen, {len(catalogue.barriers)} barrières, "
          f"{len(catalogue.phases)} fasen, {len(catalogue.partners)} partners, {len(catalogue.laws)} wetten, "
          f"{len(catalogue.glossary)} begrippen.")
    return 0


def build(content: Path, edition: str, out: Path, dist: Path | None, previous: Path | None = None,
          generator: str = DEFAULT_GENERATOR) -> int:
    """Validate, then build; on any problem the previous site stays as it was."""
    from .build import run

    outcome = run(content, edition, out, dist, previous, generator)
    for line in outcome.warnings + outcome.problems:
        print(line, file=sys.stderr)
    for line in outcome.summary:
        print(line)
    return 0 if outcome.ok else 1
