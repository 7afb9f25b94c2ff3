"""Facet data for the filterable menukaart and the matrix views.

The browser filters measures by phase, barrier, partner, competent authority,
category, law and status. This module lists each facet's values (only those
that occur in the edition) and, per measure, the indexes of its values (with its id and
whether it is internal, for "Aan plan toevoegen"), in one
compact script: `window.MENUKAART_FACETS`. Titles and snippets are not repeated
here; the page takes them from the search documents by `ref`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from .catalogue import Catalogue
from .fields import label, labelled
from .kinds import BARRIER, LAW, PARTNER
from .outputs import Outputs
from .search_index import measure_refs
from .site_paths import FACETS_SCRIPT



@dataclass(frozen=True)
class Facet:
    key: str     # URL parameter, e.g. ?partner=kmar
    label: str   # what the reader sees


# The keys are also the URL parameters other pages link with (render.Helpers.filtered).
FACETS = (
    Facet("fase", label("barrier", "phase")),
    Facet("barriere", BARRIER.label),
    Facet("partner", PARTNER.label),
    Facet("bevoegd", label("measure", "authority")),
    Facet("soort", label("measure", "category")),
    Facet("wet", LAW.label),
    Facet("status", label("measure", "status")),
)


def facet_data(cat: Catalogue) -> dict:
    """Facet values in reading order, and per measure its value indexes per facet."""
    def partner_label(pid: str) -> str:
        return cat.entry("partner", pid).label

    def law_label(lid: str) -> str:
        return cat.entry("law", lid).short_label

    def values_of(mid: str, m: dict) -> dict[str, list[str]]:
        return {
            "fase": cat.links.phases_of_measure(cat, mid),
            "barriere": list(m["barriers"]),
            "partner": list(dict.fromkeys([m["authority"], *m["partners"]])),
            "bevoegd": [m["authority"]],
            "soort": [m["category"]],
            "wet": list(dict.fromkeys(b["law"] for b in m["legal_basis"])),
            "status": [m["status"]],
        }

    per_measure = {mid: values_of(mid, m) for mid, m in cat.measures.items()}
    used = {f.key: set() for f in FACETS}
    for values in per_measure.values():
        for key, ids in values.items():
            used[key].update(ids)

    # Reading order: phases and barriers in chain order, the rest alphabetically or as defined.
    barriers_in_chain = [b for p in cat.phases for b in cat.links.barriers_by_phase.get(p, [])]
    candidates = {
        "fase": [(p, cat.phases[p]["title"], None) for p in cat.phases],
        "barriere": [(b, cat.barriers[b]["title"], cat.phases[cat.barriers[b]["phase"]]["title"]) for b in barriers_in_chain],
        "partner": sorted(((p, partner_label(p), None) for p in cat.partners), key=lambda v: v[1].casefold()),
        "bevoegd": sorted(((p, partner_label(p), None) for p in cat.partners), key=lambda v: v[1].casefold()),
        "soort": [(k, text, None) for k, text in labelled("measure", "category")],
        "wet": sorted(((law, law_label(law), None) for law in cat.laws), key=lambda v: v[1].casefold()),
        "status": [(k, text, None) for k, text in labelled("measure", "status")],
    }
    facets, position = [], {}
    for facet in FACETS:
        values = [v for v in candidates[facet.key] if v[0] in used[facet.key]]
        position[facet.key] = {v[0]: i for i, v in enumerate(values)}
        facets.append({"key": facet.key, "label": facet.label,
                       "values": [[vid, label] + ([group] if group else []) for vid, label, group in values]})

    refs = measure_refs(cat)
    measures = [
        [refs[mid], [sorted(position[f.key][v] for v in per_measure[mid][f.key]) for f in FACETS], mid,
         int(cat.entry("measure", mid).is_internal)]
        for mid in cat.measures
    ]
    return {"facets": facets, "measures": measures}


def add(cat: Catalogue, out: Outputs) -> None:
    payload = json.dumps(facet_data(cat), ensure_ascii=False, separators=(",", ":"))
    out.add(FACETS_SCRIPT, f"window.MENUKAART_FACETS=JSON.parse({json.dumps(payload)});\n")
