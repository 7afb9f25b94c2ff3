#!/usr/bin/env python3
"""Write a synthetic but valid catalogue of N measures into a content folder, to build and
measure the site at scale:  python scripts/generate_catalogue.py --count 5000 --out /tmp/synth
then  python build_site.py --content /tmp/synth --out /tmp/synth-site

The small files (phases, partners, laws, glossary) are copied from the real catalogue, so
the links and abbreviations behave as they do in real content. Texts are pseudo-Dutch.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORDS = ("vergunning aanvraag gemeente burgemeester woning pand sluiting toezicht signaal netwerk smokkel "
         "controle adres inschrijving werkgever uitzendbureau boete onderzoek informatie partner grens "
         "reisdocument vervoer onderdak verhuur huurder eigenaar bedrijf handelsregister transactie bank "
         "melding risico integriteit bestuursdwang dwangsom openbare orde veiligheid samenwerking rapportage "
         "bewijs dossier termijn bezwaar beroep rechter advies maatregel barrière fase keten geld contant").split()
CATEGORIES = ["bestuursrechtelijk", "strafrechtelijk", "fiscaal", "privaat-publiek", "informatie", "internationaal"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def text(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--count", type=int, default=5000, help="number of measures (default 5000)")
    p.add_argument("--barriers", type=int, default=None, help="number of barriers (default count/10, at least 8)")
    p.add_argument("--out", type=Path, required=True, help="content folder to write (emptied first)")
    p.add_argument("--seed", type=int, default=42)
    args = p.parse_args()
    rng = random.Random(args.seed)

    if args.out.exists():
        shutil.rmtree(args.out)
    (args.out / "measures").mkdir(parents=True)
    (args.out / "barriers").mkdir()
    for name in ("phases.yaml", "partners.yaml", "laws.yaml", "glossary.yaml", "edition.yaml"):
        shutil.copyfile(REPO / name, args.out / name)
    phases = [p["id"] for p in yaml.safe_load((REPO / "phases.yaml").read_text(encoding="utf-8"))["phases"]]
    partners = [p["id"] for p in yaml.safe_load((REPO / "partners.yaml").read_text(encoding="utf-8"))["partners"]]
    laws = [law["id"] for law in yaml.safe_load((REPO / "laws.yaml").read_text(encoding="utf-8"))["laws"]]
    source = [{"title": "Synthetische bron", "url": "https://example.org/bron"}]

    barrier_ids = [f"barriere-{i:05d}" for i in range(max(8, args.barriers or args.count // 10))]
    for i, bid in enumerate(barrier_ids):
        write(args.out / "barriers" / f"{bid}.yaml", "barrier", {
            "id": bid, "title": sentence(rng, 4)[:-1], "summary": text(rng, 2), "phase": phases[i % len(phases)],
            "signals": [sentence(rng, 8) for _ in range(3)], "partners": rng.sample(partners, 2),
            "sources": source, "reviewed": "2026-11-01", "visibility": "internal" if i % 20 == 0 else "public"})
    for i in range(args.count):
        mid = f"maatregel-{i:05d}"
        write(args.out / "measures" / f"{mid}.yaml", "measure", {
            "id": mid, "title": sentence(rng, 5)[:-1], "summary": text(rng, 2), "category": CATEGORIES[i % 6],
            "legal_basis": [{"law": rng.choice(laws), "article": str(rng.randint(1, 200)) + rng.choice(["", "a", "b"])}],
            "authority": rng.choice(partners), "partners": rng.sample(partners, 2),
            "barriers": rng.sample(barrier_ids, 2), "aim": text(rng, 2),
            "conditions": [sentence(rng, 10) for _ in range(2)], "procedure": [sentence(rng, 8) for _ in range(3)],
            "caveats": [sentence(rng, 10)], "status": "in-werking", "sources": source, "reviewed": "2026-11-01",
            "visibility": "internal" if i % 25 == 0 else "public"})
    print(f"{args.count} maatregelen en {len(barrier_ids)} barrières geschreven in {args.out}")
    return 0


def write(path: Path, kind: str, data: dict) -> None:
    header = f"# yaml-language-server: $schema={REPO / 'schema' / (kind + '.schema.json')}\n"
    path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
