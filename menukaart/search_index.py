"""The search index, built once the site is built (in lunr's form, lunr_index.py), and loaded in the page by lunr.js.

One index over everything a reader can open: the entries (from the catalogue), then the
other pages by section (page_search reads them from the built site). The site ships two
scripts (plain <script> files, because `fetch` does not work from file://): the serialised
index and the documents (URL, title, kind, snippet) it refers to by short refs.
Abbreviations from the glossary are expanded at index time, so that 'KMar' finds
'Koninklijke Marechaussee' and back.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Iterator

from . import dutch, lunr_index
from .catalogue import Catalogue, EntryView
from .fields import fields
from .kinds import BY_NAME, PAGE_KINDS
from .outputs import Outputs
from .relations import relations_of
from .site_paths import DOCUMENTS_SCRIPT, GLOSSARY_PAGE, INDEX_SCRIPT, glossary_anchor

SNIPPET_LENGTH = 220
# Fields a reader does not search for: where an entry comes from, who may see it, its sources.
NOT_SEARCHED = frozenset({"id", "former_ids", "visibility", "sources", "reviewed", "url"})
# Fields that count as keywords (boosted): written to be found by.
KEYWORD_FIELDS = ("keywords", "abbreviation")

# The index holds the terms _terms makes (stop words out, stemmed), so it needs no indexing
# pipeline; the browser runs these functions of lunr.nl.js on a query, by these names.
SEARCH_PIPELINE = ("stopWordFilter-nl", "stemmer-nl")
# Fields and their boosts.
FIELDS = {
    "title": 10,
    "keywords": 5,
    "body": 1,
    "aliases": 2,
    "parts": 1,       # the words of its compounds: "horecavergunning" is found by "vergunning"
    # The text of the other pages weighs less than an entry's: a page that mentions a word
    # ten times in passing must not outrank the measure about it (its title weighs in full).
    "page_text": 0.1,
    # A section's heading weighs less than a page's title: "barrièremodel" finds the page
    # "Barrièremodel mensensmokkel" before the section "Wat is een barrièremodel?".
    "heading": 5,
}


@dataclass
class SearchDocument:
    kind: str        # entry kind ("measure"), or PAGE for the other pages
    url: str
    title: str
    label: str       # the kind as the result shows it
    summary: str
    keywords: str
    body: str


PAGE = "page"
GLOSSARY_TERM = "term"


def documents(cat: Catalogue) -> list[SearchDocument]:
    """One document per entry page, in a stable order: measures first, in catalogue order;
    then one per glossary term."""
    return list(_documents(cat))


def measure_refs(cat: Catalogue) -> dict[str, int]:
    """Search document ref of each measure (the facet page finds titles and snippets by it)."""
    return {mid: ref for ref, mid in enumerate(cat.measures)}


def _documents(cat: Catalogue) -> Iterator[SearchDocument]:
    for kind in PAGE_KINDS:
        for entry in cat.entries(kind.name):
            record = entry.record
            keywords = []
            for name in KEYWORD_FIELDS:
                value = record.get(name, [])
                keywords += value if isinstance(value, list) else [value]
            summary = record.get(kind.summary_field, "") if kind.summary_field else ""
            # The kind's own name is a word of the entry: "barrières" finds every barrier (both
            # forms: the stemmer does not make "barrières" and "barrière" one word).
            yield SearchDocument(kind.name, kind.page_url(entry.id), entry.title, kind.label, summary,
                                 " ".join(keywords), _join([kind.label, kind.plural, *_body(cat, entry)]))
    yield from _glossary_documents(cat)


def _glossary_documents(cat: Catalogue) -> Iterator[SearchDocument]:
    """Each term of the glossary, found at its row of the glossary page."""
    for term in cat.glossary:
        abbreviation = term.get("abbreviation", "")
        title = f"{term['term']} ({abbreviation})" if abbreviation else term["term"]
        yield SearchDocument(GLOSSARY_TERM, f"{GLOSSARY_PAGE}#{glossary_anchor(term['term'])}", title, "Begrip",
                             term["meaning"], abbreviation, term["meaning"])


def _body(cat: Catalogue, entry: EntryView) -> Iterator[str]:
    """Every text of the entry a reader may search for, and the names of what it links to."""
    record, kind = entry.record, entry.kind
    links = {r.field: r for r in relations_of(kind.name)}
    for f in fields(kind.name):
        if f.name in NOT_SEARCHED or f.name in KEYWORD_FIELDS or f.name == kind.title_field or f.name not in record:
            continue
        value = record[f.name]
        if f.name in links:
            for _, target, detail in links[f.name].targets(record):
                label = cat.entry(links[f.name].target, target).label
                yield f"{label} art. {detail}" if detail else label
        elif f.choices:
            yield next(c.label for c in f.choices if c.value == value)
        elif f.subfields:  # blocks (examples): their titles
            yield from (block.get("title", "") for block in value)
        elif f.is_text:
            yield value
        elif f.is_text_list:
            yield from value


def build(cat: Catalogue, out: Outputs, pages: list[SearchDocument] = ()) -> dict[str, int]:
    """Add the index and documents scripts over the entries and `pages`; return the number
    of documents per kind."""
    docs = documents(cat) + list(pages)
    expander = AbbreviationExpander(cat.glossary)
    vocabulary, indexed = indexed_fields(cat, docs, expander)
    index = lunr_index.build(FIELDS, indexed, SEARCH_PIPELINE)

    records = [[d.url, d.title, d.label, _snippet(d.summary)] for d in docs]
    payload = {"docs": records, "abbreviations": expander.browser_table(), "edition": cat.edition,
               "tokenizer": dutch.TOKENIZER_RULES, "optional": list(dutch.OPTIONAL_WORDS),
               "vocabulary": vocabulary}

    index_json = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    # JSON.parse of a string literal loads faster than the same data as a JS object literal.
    out.add(INDEX_SCRIPT, f"window.MENUKAART_INDEX=JSON.parse({json.dumps(index_json)});\n")
    out.add(DOCUMENTS_SCRIPT, f"window.MENUKAART_DOCS=JSON.parse({json.dumps(json.dumps(payload, ensure_ascii=False))});\n")
    per_kind: dict[str, int] = {}
    for doc in docs:
        per_kind[doc.kind] = per_kind.get(doc.kind, 0) + 1
    return per_kind


def indexed_fields(cat: Catalogue, docs: list[SearchDocument], expander: "AbbreviationExpander"):
    """The catalogue's vocabulary (for splitting compounds in the browser too), and per document
    its ref and the terms of each field of FIELDS."""
    texts = [" ".join([doc.title, doc.keywords, doc.body]) for doc in docs]
    # The folded words of each text are remembered (_folded): the live preview does not fold
    # the same texts again after each save.
    vocabulary = dutch.vocabulary([*texts, *(t["term"] for t in cat.glossary)], lambda text: _folded(text).split())
    decompounder = dutch.Decompounder(vocabulary)
    indexed = []
    for ref, (doc, raw) in enumerate(zip(docs, texts)):
        fields = {
            "title": _terms(doc.title),
            "keywords": _terms(doc.keywords),
            "body": _terms(doc.body),
            "aliases": _terms(" ".join(expander.expansions(raw))),
            "parts": _part_terms(raw, decompounder),
        }
        page_text, heading = (), ()
        if doc.kind in (PAGE, GLOSSARY_TERM):  # found, but after the entries about the same words
            page_text, fields["body"], fields["parts"] = (*fields["body"], *fields["parts"]), (), ()
            if doc.kind == GLOSSARY_TERM:  # explains a word, after the entries that are about it
                page_text = (*fields["title"], *fields["keywords"], *page_text)
                fields["title"] = fields["keywords"] = ()
            elif "#" in doc.url:  # a section: a part of a page
                heading, fields["title"] = fields["title"], ()
        indexed.append((str(ref), {**fields, "page_text": page_text, "heading": heading}))
    return vocabulary, indexed


class AbbreviationExpander:
    """Adds the full term to a text that uses an abbreviation, and the abbreviation to one that spells it out."""

    def __init__(self, glossary: list[dict]):
        self.pairs = [(t["abbreviation"], t["term"]) for t in glossary if t.get("abbreviation")]
        by_length = sorted({a for a, _ in self.pairs}, key=len, reverse=True)
        self._abbr_pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, by_length)) + r")(?!\w)") if by_length else None
        self._term_for = {}
        for abbr, term in self.pairs:
            self._term_for.setdefault(abbr, []).append(term)
        self._term_phrases = [(" " + " ".join(dutch.tokenize(term)) + " ", abbr, term) for abbr, term in self.pairs]

    def expansions(self, text: str) -> list[str]:
        found: list[str] = []
        if self._abbr_pattern:
            for abbr in dict.fromkeys(self._abbr_pattern.findall(text)):
                found += [abbr, *self._term_for[abbr]]
        folded = _folded(text)
        for phrase, abbr, term in self._term_phrases:
            if phrase in folded:
                found += [abbr, term]
        return list(dict.fromkeys(found))

    def browser_table(self) -> dict[str, list[str]]:
        """Folded abbreviation → folded words of its full term, for the query side."""
        table: dict[str, list[str]] = {}
        for abbr, term in self.pairs:
            key = " ".join(dutch.tokenize(abbr))
            table.setdefault(key, dutch.tokenize(term))
        return table


@functools.lru_cache(maxsize=1 << 16)
def _terms(text: str) -> tuple[str, ...]:
    """The terms of a field, as lunr's Dutch pipeline makes them from the folded words (split
    as lunr splits a string, on spaces and '-'), handed to lunr as a list: its own splitting
    goes character by character. Remembered per text, so that the live preview does not
    fold the same texts again after each save."""
    words = " ".join(dutch.tokenize(text)).replace("-", " ").replace("\xa0", " ").split()
    stops = dutch.stop_words()
    return tuple(term for term in (dutch.stem(w) for w in words if w not in stops) if term)


def _part_terms(text: str, decompounder: dutch.Decompounder) -> list[str]:
    stops = dutch.stop_words()
    parts = [part for word in _folded(text).split() for part in (decompounder.parts(word) or ())]
    return [dutch.stem(part) for part in dict.fromkeys(parts) if part not in stops]


@functools.lru_cache(maxsize=1 << 16)
def _folded(text: str) -> str:
    return " " + " ".join(dutch.tokenize(text)) + " "


def _join(parts) -> str:
    return " ".join(p for p in parts if p)


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_LENGTH else text[: SNIPPET_LENGTH].rsplit(" ", 1)[0] + " …"
