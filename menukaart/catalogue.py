"""The validated catalogue, its editions and the links derived from it.

Links are written once in the content (measure → barriers, entry → partners,
measure → laws); every reverse link is computed here, never stored.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

EDITIONS = ("public", "internal")

CATEGORY_LABELS = {
    "bestuursrechtelijk": "Bestuursrechtelijk",
    "strafrechtelijk": "Strafrechtelijk",
    "fiscaal": "Fiscaal",
    "privaat-publiek": "Privaat-publiek",
    "informatie": "Informatie en signalering",
    "internationaal": "Internationaal",
}
STATUS_LABELS = {
    "in-werking": "In werking",
    "in-voorbereiding": "In voorbereiding",
    "te-controleren": "Nog te controleren",
}


def display_name(entry: dict) -> str:
    """A partner's or law's name with its abbreviation, "Openbaar Ministerie (OM)"; the name
    alone when it already holds the abbreviation, "Frontex (Europees Grens- en kustwachtagentschap)"."""
    name, abbreviation = entry["name"], entry.get("abbreviation")
    if not abbreviation or re.search(rf"(?<!\w){re.escape(abbreviation)}(?!\w)", name, re.IGNORECASE):
        return name
    return f"{name} ({abbreviation})"


@dataclass
class Catalogue:
    phases: dict[str, dict]
    partners: dict[str, dict]
    laws: dict[str, dict]
    glossary: list[dict]
    measures: dict[str, dict]
    barriers: dict[str, dict]
    release: dict | None = None  # edition.yaml: number, date, review_interval_months
    edition: str = "internal"  # the full content holds everything until an edition is chosen
    links: "Links" = field(default=None, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.links is None:
            self.links = Links.derive(self)

    def for_edition(self, edition: str) -> "Catalogue":
        """The catalogue as one edition shows it; public drops every internal entry and every link to it."""
        if edition not in EDITIONS:
            raise ValueError(f"unknown edition {edition!r}")
        if edition == "internal":
            return replace(self, edition=edition, links=None)
        measures = {k: v for k, v in self.measures.items() if v["visibility"] == "public"}
        barriers = {k: v for k, v in self.barriers.items() if v["visibility"] == "public"}
        measures = {
            k: {**m, "barriers": [b for b in m["barriers"] if b in barriers],
                **({"related": [r for r in m["related"] if r in measures]} if "related" in m else {})}
            for k, m in measures.items()
        }
        return replace(self, measures=measures, barriers=barriers, edition=edition, links=None)

    @property
    def entry_count(self) -> int:
        """Entries that get a page and a search document."""
        return len(self.measures) + len(self.barriers) + len(self.phases) + len(self.partners) + len(self.laws)


@dataclass
class Links:
    measures_by_barrier: dict[str, list[str]]
    barriers_by_phase: dict[str, list[str]]
    measures_by_phase: dict[str, list[str]]
    measures_by_partner: dict[str, list[str]]
    barriers_by_partner: dict[str, list[str]]
    measures_by_law: dict[str, list[tuple[str, str]]]  # law → [(article, measure id)]
    related_by_measure: dict[str, list[str]]  # both directions of `related`

    @classmethod
    def derive(cls, cat: Catalogue) -> "Links":
        measures_by_barrier = defaultdict(list)
        measures_by_partner = defaultdict(list)
        barriers_by_partner = defaultdict(list)
        barriers_by_phase = defaultdict(list)
        measures_by_phase = defaultdict(list)
        measures_by_law = defaultdict(list)
        related = defaultdict(set)

        for bid, barrier in cat.barriers.items():
            barriers_by_phase[barrier["phase"]].append(bid)
            for pid in barrier["partners"]:
                barriers_by_partner[pid].append(bid)
        for mid, measure in cat.measures.items():
            for bid in measure["barriers"]:
                measures_by_barrier[bid].append(mid)
            phases = {cat.barriers[b]["phase"] for b in measure["barriers"] if b in cat.barriers}
            for phase in phases:
                measures_by_phase[phase].append(mid)
            for pid in dict.fromkeys([measure["authority"], *measure["partners"]]):
                measures_by_partner[pid].append(mid)
            for basis in measure["legal_basis"]:
                measures_by_law[basis["law"]].append((str(basis.get("article", "")), mid))
            for other in measure.get("related", []):
                if other in cat.measures and other != mid:
                    related[mid].add(other)
                    related[other].add(mid)

        def by_title(ids, table):
            return sorted(dict.fromkeys(ids), key=lambda i: table[i]["title"].casefold())

        return cls(
            measures_by_barrier={k: by_title(v, cat.measures) for k, v in measures_by_barrier.items()},
            barriers_by_phase={k: by_title(v, cat.barriers) for k, v in barriers_by_phase.items()},
            measures_by_phase={k: by_title(v, cat.measures) for k, v in measures_by_phase.items()},
            measures_by_partner={k: by_title(v, cat.measures) for k, v in measures_by_partner.items()},
            barriers_by_partner={k: by_title(v, cat.barriers) for k, v in barriers_by_partner.items()},
            measures_by_law={k: sorted(set(v), key=lambda am: (_article_key(am[0]), cat.measures[am[1]]["title"].casefold()))
                             for k, v in measures_by_law.items()},
            related_by_measure={k: by_title(v, cat.measures) for k, v in related.items()},
        )

    def phases_of_measure(self, cat: Catalogue, mid: str) -> list[str]:
        """Phases a measure reaches through its barriers, in chain order."""
        wanted = {cat.barriers[b]["phase"] for b in cat.measures[mid]["barriers"] if b in cat.barriers}
        return [p for p in cat.phases if p in wanted]


def _article_key(article: str) -> tuple:
    """Sort '2', '3', '7a', '13b', '174a', '' naturally."""
    parts = re.findall(r"\d+|\D+", article)
    return (article == "",) + tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)
