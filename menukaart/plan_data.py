"""What the case workspace (signalenwijzer and plan van aanpak) needs in the browser.

One script, `window.MENUKAART_PLAN_DATA`: the release and edition, the chain of phases,
every barrier with its signals, every measure with its barriers, competent authority and
legal basis, the partners, the ids renamed since earlier releases (former_ids), and the
rules of the plan file, read from its schema (schema/plan.schema.json), so that the page
checks an opened file by the same rules the published schema states.

A plan itself holds only ids, statuses, dates and notes; titles always come from here.
"""
from __future__ import annotations

import json

from .catalogue import Catalogue
from .fields import choice_label
from .outputs import Outputs
from .schemas import inlined_schema
from .site_paths import PLAN_DATA_SCRIPT

PLAN_SCHEMA = "plan.schema.json"
PLANNED_KINDS = ("measure", "barrier")  # what a plan can hold
RENAMED_KINDS = (*PLANNED_KINDS, "partner")  # ids a plan holds (a responsible partner too)


def file_rules() -> dict:
    """The plan file's rules as the page applies them, from the one schema."""
    schema = inlined_schema(PLAN_SCHEMA)
    top, item = schema["properties"], schema["properties"]["items"]["items"]["properties"]

    def choices(node: dict) -> list[list[str]]:
        return [[c["const"], c["title"]] for c in node["oneOf"]]

    return {
        "format": top["format"]["const"],
        "version": top["version"]["const"],
        "editions": [c[0] for c in choices(top["release"]["properties"]["edition"])],
        "kinds": choices(item["kind"]),
        "statuses": choices(item["status"]),
        "itemFields": sorted(item),
        "requiredItemFields": schema["properties"]["items"]["items"]["required"],
        "topFields": sorted(top),
        "requiredTopFields": schema["required"],
        "idPattern": item["id"]["pattern"],
        "idMaxLength": item["id"]["maxLength"],
        "datePattern": item["date"]["pattern"],
        "titleMaxLength": top["title"]["maxLength"],
        "noteMaxLength": item["note"]["maxLength"],
        "maxItems": schema["properties"]["items"]["maxItems"],
    }


def plan_data(cat: Catalogue) -> dict:
    phases = list(cat.phases)
    partners = sorted(cat.partners, key=lambda pid: cat.entry("partner", pid).label.casefold())
    partner_index = {pid: i for i, pid in enumerate(partners)}
    barriers = [b for p in phases for b in cat.links.barriers_by_phase.get(p, [])]
    barrier_index = {bid: i for i, bid in enumerate(barriers)}

    def legal_basis(measure: dict) -> list[str]:
        return [cat.entry("law", b["law"]).label + (f", artikel {b['article']}" if "article" in b else "")
                for b in measure["legal_basis"]]

    def renamed(kind: str) -> dict[str, str]:
        return {old: entry_id for entry_id, record in cat.table(kind).items() for old in record.get("former_ids", [])}

    return {
        "release": {"number": cat.release["number"], "date": str(cat.release["date"]), "edition": cat.edition},
        "rules": file_rules(),
        "phases": [[pid, cat.phases[pid]["title"], cat.entry("phase", pid).url] for pid in phases],
        "partners": [[pid, cat.entry("partner", pid).label, cat.entry("partner", pid).url] for pid in partners],
        "barriers": [[bid, record["title"], cat.entry("barrier", bid).url, phases.index(record["phase"]),
                      list(record["signals"]), int(cat.entry("barrier", bid).is_internal)]
                     for bid in barriers for record in [cat.barriers[bid]]],
        "measures": [[mid, m["title"], cat.entry("measure", mid).url,
                      [barrier_index[b] for b in m["barriers"] if b in barrier_index],
                      partner_index[m["authority"]], m.get("authority_role", ""), legal_basis(m),
                      choice_label("measure", "category", m["category"]), int(cat.entry("measure", mid).is_internal)]
                     for mid, m in cat.measures.items()],
        "renamed": {kind: renamed(kind) for kind in RENAMED_KINDS},
    }


def add(cat: Catalogue, out: Outputs) -> None:
    payload = json.dumps(plan_data(cat), ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    out.add(PLAN_DATA_SCRIPT, f"window.MENUKAART_PLAN_DATA=JSON.parse({json.dumps(payload)});\n")
