"""Command line: check, build (site + offline zip) and serve (live preview)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .catalogue import EDITIONS
from .problems import one_line, shown
from .validate import load_catalogue

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = {"public": "site", "internal": "site-intern"}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build_site.py",
        description="Controleer de inhoud en bouw de Menukaart mensensmokkel (site en offline zip).",
    )
    p.add_argument("command", nargs="?", choices=["build", "serve"], default="build",
                   help="build (standaard) of serve: live voorbeeld dat opnieuw bouwt bij elke wijziging")
    p.add_argument("--check", action="store_true", help="alleen controleren, niet bouwen")
    p.add_argument("--edition", choices=EDITIONS, default="public",
                   help="public (standaard, zonder interne items) of internal")
    p.add_argument("--content", type=Path, default=REPO_ROOT,
                   help="map met measures/, barriers/ en de kleine YAML-bestanden (standaard: deze repository)")
    p.add_argument("--out", type=Path, help="uitvoermap van de site (standaard site/ of site-intern/)")
    p.add_argument("--dist", type=Path, default=REPO_ROOT / "dist", help="map voor de offline zip")
    p.add_argument("--no-zip", action="store_true", help="geen offline zip maken")
    p.add_argument("--previous", type=Path, metavar="JSON",
                   help="JSON-export van de vorige uitgave; de site krijgt dan een pagina 'Wat is er veranderd'")
    p.add_argument("--port", type=int, default=8000, help="poort voor serve (standaard 8000)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    out = args.out or REPO_ROOT / DEFAULT_OUT[args.edition]
    try:
        if args.command == "serve":
            from .serve import serve
            return serve(args.content, args.edition, args.port, out if args.out else None)
        if args.check:
            return check(args.content)
        return build(args.content, args.edition, out, None if args.no_zip else args.dist, args.previous)
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


def build(content: Path, edition: str, out: Path, dist: Path | None, previous: Path | None = None) -> int:
    """Validate, then build; on any problem the previous site stays as it was."""
    from .build import run

    outcome = run(content, edition, out, dist, previous)
    for line in outcome.warnings + outcome.problems:
        print(line, file=sys.stderr)
    for line in outcome.summary:
        print(line)
    return 0 if outcome.ok else 1
