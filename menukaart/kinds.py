"""The kinds of content, each declared once.

A kind says where its entries are written (one file per entry in a folder, or a list
in one file), which schema checks them, where their pages live and what they are
called. Every step of the build loops over KINDS; adding a kind is one declaration
here, a schema in schema/ and, if it has pages, a template. Its fields, their Dutch
labels and its links to other kinds are read from the schema and from relations.py.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str             # "measure": used in templates (h.link("measure", id)) and search results
    table: str            # "measures": the catalogue's table, the export's list
    schema: str           # file in schema/
    source: str           # "measures/" (a folder, one file per entry) or "phases.yaml" (a list)
    label: str            # one entry, as readers see it: "Maatregel"
    plural: str           # several: "Maatregelen" (headings, spreadsheet tabs, count tables)
    file_part: str        # in export file names: menukaart-mensensmokkel-<file_part>.csv
    title_field: str = "title"
    folder: str | None = None    # URL folder of its pages; None: the kind has no pages of its own
    template: str | None = None  # template of an entry's page
    overview: str | None = None  # template of the folder's own page (<folder>/index.md), listing the entries
    list_key: str | None = None  # a list file: the key that holds the list
    key_field: str = "id"        # what identifies an entry ("term" for the glossary)
    summary_field: str | None = "summary"  # the text shown under a search result
    ordered: bool = False  # the order of the list is meaning (the chain of phases), shown as a number
    named_with_abbreviation: bool = False  # shown as "Openbaar Ministerie (OM)" wherever it is named

    @property
    def one_file_per_entry(self) -> bool:
        return self.source.endswith("/")

    @property
    def has_pages(self) -> bool:
        return self.folder is not None

    def page_source(self, entry_id: str) -> str:
        """Markdown path of an entry's page inside the docs folder."""
        return f"{self.folder}/{entry_id}.md"

    @property
    def overview_source(self) -> str:
        return f"{self.folder}/index.md"

    def page_url(self, entry_id: str) -> str:
        """Site-relative URL of the built page (.html links, so the site works from file://)."""
        return f"{self.folder}/{entry_id}.html"


MEASURE = Kind("measure", "measures", "measure.schema.json", "measures/", "Maatregel", "Maatregelen", "maatregelen",
               folder="maatregelen", template="measure.html.j2", overview="menukaart.html.j2")
BARRIER = Kind("barrier", "barriers", "barrier.schema.json", "barriers/", "Barrière", "Barrières", "barrieres",
               folder="barrieres", template="barrier.html.j2")
PHASE = Kind("phase", "phases", "phases.schema.json", "phases.yaml", "Fase", "Fasen", "fasen",
             folder="fases", template="phase.html.j2", overview="phases.html.j2", list_key="phases", ordered=True)
PARTNER = Kind("partner", "partners", "partners.schema.json", "partners.yaml", "Partner", "Partners", "partners",
               title_field="name", folder="partners", template="partner.html.j2", overview="partners.html.j2", list_key="partners",
               summary_field="role", named_with_abbreviation=True)
LAW = Kind("law", "laws", "laws.schema.json", "laws.yaml", "Wet of regeling", "Wetten", "wetten",
           title_field="name", folder="wetten", template="law.html.j2", overview="laws.html.j2", list_key="laws",
           named_with_abbreviation=True)
TERM = Kind("term", "glossary", "glossary.schema.json", "glossary.yaml", "Begrip", "Begrippen", "begrippen",
            title_field="term", list_key="terms", key_field="term", summary_field="meaning")

KINDS: tuple[Kind, ...] = (MEASURE, BARRIER, PHASE, PARTNER, LAW, TERM)
PAGE_KINDS = tuple(k for k in KINDS if k.has_pages)
BY_NAME = {k.name: k for k in KINDS}
BY_TABLE = {k.table: k for k in KINDS}

# edition.yaml is not a kind of entry: one release, checked by its own schema.
EDITION_FILE, EDITION_SCHEMA = "edition.yaml", "edition.schema.json"
