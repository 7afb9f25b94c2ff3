"""One build, start to end, as one visible pipeline:

    load and validate → previous export → edition → site (generate, MkDocs, counts, swap) → zip

`run` returns what happened (BuildOutcome) and prints nothing: the command line
prints it, the live preview shows it in the browser. On any problem the last good
site stays as it was.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from . import counts
from .previous_export import load_previous
from .output_folder import locked, tidy
from .package import write_zip
from .problems import count_line
from .generators import DEFAULT as DEFAULT_GENERATOR
from .generator_cache import GeneratorCache
from .site_build import SiteBuildError, build as build_site
from .validate import CheckedFiles, load_catalogue

NOT_BUILT = "De site is niet gebouwd; de vorige versie is ongewijzigd."


@dataclass
class BuildOutcome:
    ok: bool
    problems: list[str] = field(default_factory=list)  # one line each (on failure), the last says how many
    warnings: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)  # what was built (on success)
    site: Path | None = None
    zip: Path | None = None


def run(content: Path, edition: str, out: Path, dist: Path | None, previous: Path | None = None,
        generator: str = DEFAULT_GENERATOR, cache: GeneratorCache | None = None,
        checked: CheckedFiles | None = None) -> BuildOutcome:
    """One build. The live preview passes what it keeps between builds: `cache` reuses the
    generator's output while its input is the same, `checked` skips files that passed before."""
    out = Path(out).resolve()
    # One build at a time per output folder; the lock also covers validation, so that a
    # site that a killed build left moved aside is put back even when this build fails.
    with locked(out, f"Er loopt al een bouw naar {out}; wachten tot die klaar is..."):
        tidy(out)
        return _run(content, edition, out, dist, previous, generator, cache, checked)


def _run(content: Path, edition: str, out: Path, dist: Path | None, previous: Path | None,
         generator: str, cache: GeneratorCache | None, checked: CheckedFiles | None) -> BuildOutcome:
    started = time.perf_counter()
    catalogue, problems = load_catalogue(content, checked)
    previous_data, previous_problems = load_previous(previous, edition) if previous else (None, [])
    if problems or previous_problems:
        # The previous export's problems first, then the content's, then how many in all.
        lines = [*previous_problems, *problems.lines(), count_line(len(previous_problems) + len(problems))]
        return BuildOutcome(False, problems=[*lines, NOT_BUILT])
    validated = time.perf_counter()

    outcome = BuildOutcome(True)
    number = catalogue.release["number"]
    if previous_data and previous_data["edition"]["number"] >= number:
        outcome.warnings.append(f"Let op: de vorige export is uitgave {previous_data['edition']['number']}, deze "
                                f"uitgave heeft nummer {number}. Verhoog 'number' in edition.yaml.")
    c = catalogue.for_edition(edition)
    try:
        result = build_site(c, out, previous_data, generator=generator, cache=cache)
    except SiteBuildError as error:
        return BuildOutcome(False, problems=["De sitegenerator weigerde de pagina's:", *str(error).split("\n"),
                                             NOT_BUILT], warnings=outcome.warnings)
    built = time.perf_counter()
    outcome.site = result.out_dir
    outcome.zip = write_zip(result.out_dir, Path(dist), edition, c.release["date"]) if dist else None
    done = time.perf_counter()

    outcome.summary = [
        f"Editie: {edition}",
        f"Inhoud: {len(c.measures)} maatregelen, {len(c.barriers)} barrières, {len(c.phases)} fasen, "
        f"{len(c.partners)} partners, {len(c.laws)} wetten = {c.entry_count} items",
        f"Pagina's: {sum(result.entry_pages.values())} itempagina's, {result.pages} gegenereerde pagina's in totaal, "
        f"{result.redirects} doorverwijzingen van oude ids",
        f"Zoekindex: {sum(result.search_documents.values())} documenten",
        counts.report(result.counts),
        "Tellingen kloppen: inhoud = pagina's = zoekindex = elke export.",
        f"Site: {result.out_dir}",
        *([f"Offline zip: {outcome.zip}"] if outcome.zip else []),
        f"Tijd: controle {validated - started:.1f} s, site {built - validated:.1f} s, "
        f"zip {done - built:.1f} s, totaal {done - started:.1f} s",
    ]
    return outcome
