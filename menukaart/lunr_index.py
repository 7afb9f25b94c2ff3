"""A search index in lunr's serialised form (lunr.js 2.3.9 loads it with `lunr.Index.load`),
built from terms that are already made.

It computes what lunr.py's `Builder` computes for terms handed over as lists, with an empty
indexing pipeline and no metadata (BM25 with k1 1.2 and b 0.75, scores rounded to three
decimals), and gives the same bytes (tests/test_dutch_search.py compares the two). lunr.py
copies a metadata dictionary for every token and builds a token set that serialising drops;
that was half of the live preview's rebuild after one saved file.
"""
from __future__ import annotations

import math
from typing import Iterable, Sequence

LUNR_VERSION = "2.3.9"  # the lunr.js the site ships
K1, B = 1.2, 0.75        # lunr's defaults


def build(fields: dict[str, float], documents: Iterable[tuple[str, dict[str, Sequence[str]]]],
          search_pipeline: Sequence[str]) -> dict:
    """`fields`: name → boost, in order; `documents`: (ref, field → terms); `search_pipeline`:
    the names of the functions the browser runs on a query."""
    inverted: dict[str, dict] = {}
    frequencies: list[tuple[str, str, dict[str, int], int]] = []  # (field ref, field, term → count, length)
    lengths = dict.fromkeys(fields, 0)
    count = 0
    for ref, values in documents:
        count += 1
        for field in fields:
            terms = [str(term).lower() for term in values.get(field) or ()]
            counted: dict[str, int] = {}
            for term in terms:
                counted[term] = counted.get(term, 0) + 1
                posting = inverted.get(term)
                if posting is None:
                    posting = inverted[term] = {name: {} for name in fields}
                    posting["_index"] = len(inverted) - 1
                posting[field].setdefault(ref, {})
            lengths[field] += len(terms)
            frequencies.append((f"{field}/{ref}", field, counted, len(terms)))
    average = {field: total / count for field, total in lengths.items()} if count else lengths

    idf: dict[str, float] = {}
    vectors = []
    for field_ref, field, counted, length in frequencies:
        boost = fields[field]
        elements = []
        for term, tf in counted.items():
            if term not in idf:
                with_term = sum(len(docs) for name, docs in inverted[term].items() if name != "_index")
                idf[term] = math.log(1 + abs((count - with_term + 0.5) / (with_term + 0.5)))
            score = idf[term] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / average[field])) + tf) * boost
            elements.append((inverted[term]["_index"], round(score, 3)))
        elements.sort()
        vectors.append([field_ref, [round(value, 3) for pair in elements for value in pair]])
    return {
        "version": LUNR_VERSION,
        "fields": list(fields),
        "fieldVectors": vectors,
        "invertedIndex": [[term, inverted[term]] for term in sorted(inverted)],
        "pipeline": list(search_pipeline),
    }
