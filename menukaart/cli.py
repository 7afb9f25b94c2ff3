"""Command line: check, build (site + offline zip) and serve (live preview)."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .catalogue import EDITIONS
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
        print(f"fout: {error.strerror or error} ({error.filename or ''})", file=sys.stderr)
        return 1


def check(content: Path) -> int:
    catalogue, problems = load_catalogue(content)
    if problems:
        print(problems.report(), file=sys.stderr)
        return 1
    print(f"In orde: {len(catalogue.measures)} maatregelen, {len(catalogue.barriers)} barrières, "
          f"{len(catalogue.phases)} fasen, {len(catalogue.partners)} partners, {len(catalogue.laws)} wetten, "
          f"{len(catalogue.glossary)} begrippen.")
    return 0


NOT_BUILT = "De site is niet gebouwd; de vorige versie is ongewijzigd."


def build(content: Path, edition: str, out: Path, dist: Path | None, previous: Path | None = None) -> int:
    """Validate, then build; on any problem the previous site stays as it was."""
    from . import counts
    from .changes import load_previous
    from .package import write_zip
    from .site_build import SiteBuildError, build as build_site

    started = time.perf_counter()
    catalogue, problems = load_catalogue(content)
    previous_data, previous_problems = load_previous(previous, edition) if previous else (None, [])
    if problems or previous_problems:
        # The previous export's problems first, then the content's (whose report ends with its count).
        for line in previous_problems:
            print(line, file=sys.stderr)
        print(problems.report() if problems else f"{len(previous_problems)} fout(en) gevonden.", file=sys.stderr)
        print(NOT_BUILT, file=sys.stderr)
        return 1
    validated = time.perf_counter()
    if previous_data and previous_data["edition"]["number"] >= catalogue.release["number"]:
        print(f"Let op: de vorige export is uitgave {previous_data['edition']['number']}, deze uitgave heeft "
              f"nummer {catalogue.release['number']}. Verhoog 'number' in edition.yaml.", file=sys.stderr)
    edition_catalogue = catalogue.for_edition(edition)
    try:
        result = build_site(edition_catalogue, out, previous_data)
    except SiteBuildError as error:
        print(f"De sitegenerator weigerde de pagina's:\n{error}", file=sys.stderr)
        print(NOT_BUILT, file=sys.stderr)
        return 1
    built = time.perf_counter()
    zip_path = write_zip(result.out_dir, dist, edition) if dist else None
    done = time.perf_counter()

    c = edition_catalogue
    print(f"Editie: {edition}")
    print(f"Inhoud: {len(c.measures)} maatregelen, {len(c.barriers)} barrières, {len(c.phases)} fasen, "
          f"{len(c.partners)} partners, {len(c.laws)} wetten = {c.entry_count} items")
    print(f"Pagina's: {sum(result.entry_pages.values())} itempagina's, {result.pages} gegenereerde pagina's in totaal, "
          f"{result.redirects} doorverwijzingen van oude ids")
    print(f"Zoekindex: {sum(result.search_documents.values())} documenten")
    print(counts.report(result.counts))
    print("Tellingen kloppen: inhoud = pagina's = zoekindex = elke export.")
    print(f"Site: {result.out_dir}")
    if zip_path:
        print(f"Offline zip: {zip_path}")
    print(f"Tijd: controle {validated - started:.1f} s, site {built - validated:.1f} s, "
          f"zip {done - built:.1f} s, totaal {done - started:.1f} s")
    return 0
