"""The search-quality benchmark (scripts/search_quality.py) on the public edition of the real
catalogue, in Chromium from file://: it may not fall below the floor in tests/search_queries.yaml."""
from __future__ import annotations

import sys

from tests.support import REPO, build

sys.path.insert(0, str(REPO / "scripts"))
import search_quality  # noqa: E402


def test_search_quality_stays_at_least_at_its_floor(watched, tmp_path):
    site = tmp_path / "site"
    assert build(REPO, site, "public") == 0
    data = search_quality.load()
    assert len(data["queries"]) >= 60
    rows = search_quality.evaluate(site, data["queries"], watched.page)
    top, mrr = search_quality.figures(rows)
    assert top >= data["floor"]["top5"] and mrr >= data["floor"]["mrr"], "\n".join(search_quality.report(rows))


def test_every_expected_page_of_the_queries_exists(tmp_path):
    site = tmp_path / "site"
    assert build(REPO, site, "public") == 0
    missing = [(q["q"], page) for q in search_quality.load()["queries"] for page in q["expect"]
               if not (site / f"{page}.html").is_file()]
    assert missing == []
