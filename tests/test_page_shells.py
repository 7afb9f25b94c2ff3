"""Pages written as HTML reach the site through shells (menukaart/page_shells.py): the generator
lays out a shell with the title and headings, the build fills in the content afterwards.

The reference is what each generator makes of the whole page (the shell with the content in
place): a filled page must be that page, byte for byte. The one allowance is the text of
<title>, which each generator escapes in its own way (MkDocs writes ' as &#39;, Zensical / as
&#x2f;): it is compared as the text a browser shows.
"""
from __future__ import annotations

import html
import sys
import re
from pathlib import Path

import pytest

from menukaart import page_shells, site_build
from menukaart.generators import GENERATORS
from menukaart.validate import load_catalogue
from tests.support import FIXTURE_CONTENT, REPO

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def fixture(edition: str = "internal"):
    cat, problems = load_catalogue(FIXTURE_CONTENT)
    assert not problems
    return cat.for_edition(edition)


def built_with_shells(cat, work: Path, generator: str) -> tuple[Path, site_build.Staged]:
    staged = site_build.stage(cat, work / "docs")
    site_build._generate(generator, work / "docs", work / "site", cat)
    site_build._fill(work / "site", staged, cat)
    return work / "site", staged


def built_whole(cat, work: Path, generator: str) -> Path:
    site_build.stage_whole_pages(cat, work / "docs")
    site_build._generate(generator, work / "docs", work / "site", cat)
    return work / "site"


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def as_shown(page: str) -> str:
    return _TITLE.sub(lambda m: "<title>" + html.escape(html.unescape(m.group(1))) + "</title>", page)


@pytest.mark.parametrize("generator", GENERATORS)
def test_a_filled_page_is_what_the_generator_makes_of_the_whole_page(generator, tmp_path):
    cat = fixture("internal")
    filled_site, staged = built_with_shells(cat, tmp_path / "shells", generator)
    whole_site = built_whole(cat, tmp_path / "whole", generator)
    filled, whole = pages(filled_site), pages(whole_site)
    assert sorted(filled) == sorted(whole)
    written_as_html = {p.html_path for p in staged.rendered.html_pages}
    assert {"maatregelen/bibob-toets.html", "maatregelen/index.html", "menukaart-afdrukken.html",
            "partners/gemeente.html"} <= written_as_html
    differ = [name for name in filled if as_shown(filled[name]) != as_shown(whole[name])]
    assert differ == []
    # and the comparison is not empty: the content really was filled in
    assert "mk-slot-" not in "".join(filled.values()) and page_shells.TITLE not in "".join(filled.values())


def test_pages_out_of_the_navigation_share_a_few_shells(tmp_path):
    cat = fixture("public")
    site, staged = built_with_shells(cat, tmp_path, "mkdocs")
    entry_pages = [p for p in staged.rendered.html_pages if p.shell != p.target]
    shells = {p.shell for p in entry_pages}
    assert len(entry_pages) == sum(len(cat.table(k)) for k in ("measure", "barrier", "phase", "partner", "law"))
    assert len(shells) < len(entry_pages) / 2
    assert all(page_shells.is_shell(s) for s in shells)
    assert not list(site.rglob(page_shells.SHELL_NAME + "*"))  # no shell is left in the site
    assert all((site / p.html_path).is_file() for p in entry_pages)


FORGED = '<mk-heading data-level="2">Nep</mk-heading> <!--mk-slot-1--> MKTITLE <p>MKSLOT1</p> href="nergens.html"'


def test_content_cannot_write_a_heading_a_placeholder_or_markup(tmp_path):
    cat = fixture("public")
    measure = {**cat.measures["bibob-toets"], "title": "Toets " + FORGED,
               "summary": FORGED + "\n\nMKSLOT1\n\n<!--mk-slot-2-->\n\n" + "a" * 300 + ".html"}
    # abbreviations that spell a placeholder, or have quotes (written &#39; by autoescape)
    glossary = [*cat.glossary, {"term": "Nep titel", "abbreviation": "MKTITLE", "meaning": "x"},
                {"term": "Nep plaats", "abbreviation": "MKSLOT1", "meaning": "x"},
                {"term": "Aan en uit", "abbreviation": "A'U", "meaning": "x"}]
    measure["caveats"] = ["Vraag het A'U."]
    cat = cat.with_tables(measures={**cat.measures, "bibob-toets": measure}, glossary={t["term"]: t for t in glossary})
    site_build.build(cat, tmp_path / "site")
    page = (tmp_path / "site/maatregelen/bibob-toets.html").read_text(encoding="utf-8")
    article = page.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    h1 = re.sub(r"</?abbr[^>]*>", "", re.search(r'<h1 id="titel">(.*?)</h1>', article).group(1))
    assert "<" not in h1 and html.unescape(h1) == "Toets " + FORGED  # shown as typed
    assert f"<p>{html.escape(FORGED, quote=False)}</p>".replace("MKTITLE", '<abbr title="Nep titel">MKTITLE</abbr>') \
        .replace("MKSLOT1", '<abbr title="Nep plaats">MKSLOT1</abbr>') in article
    assert '<abbr title="Aan en uit">A&#39;U</abbr>' in article
    assert "<mk-heading" not in page and "<h2>Nep" not in page and "<!--mk-slot" not in page
    assert f"<title>Toets {html.escape(FORGED)} - Menukaart mensensmokkel</title>" in page
    headings = re.findall(r"<h2 [^>]*>(.*?)</h2>", article)
    assert "Wettelijke grondslag" in headings and not any("Nep" in h for h in headings)


def test_a_link_in_the_content_to_a_page_that_is_not_there_stops_the_build(tmp_path):
    (tmp_path / "maatregelen").mkdir()
    (tmp_path / "maatregelen/a.html").write_text("x", encoding="utf-8")
    page = page_shells.Page("maatregelen/a.md", "A", "A", "maatregelen/a.md",
                            ['<p><a href="b.html">b</a> <a href="a.html#x">a</a> <a href="https://example.org">e</a></p>'])
    assert page_shells.broken_links(tmp_path, [page]) == [
        "maatregelen/a.md: link naar b.html: dat bestand staat niet in de site"]


def test_a_shell_the_generator_laid_out_without_its_placeholder_stops_the_build(tmp_path):
    (tmp_path / "maatregelen").mkdir()
    (tmp_path / "maatregelen/mk_shell_x.html").write_text('<h1 id="titel">MKTITLE</h1>\n<p>iets anders</p>', encoding="utf-8")
    page = page_shells.Page("maatregelen/a.md", "A", "A", "maatregelen/mk_shell_x.md", ["<p>inhoud</p>"])
    with pytest.raises(page_shells.FillError, match="maatregelen/a.md: plaats 0 voor de inhoud ontbreekt"):
        page_shells.fill(tmp_path, [page])


def test_abbreviations_in_html_are_marked_in_text_only():
    from menukaart.abbreviations import Abbreviations
    abbreviations = Abbreviations([{"term": "Openbaar Ministerie", "abbreviation": "OM"},
                                   {"term": 'Een "term" met <b> & meer', "abbreviation": "TM"}])
    fragment = ('<p title="OM">Het OM en het OMA-team; TM.</p>\n<select><option>OM</option></select>'
                '<code>OM</code><a href="om.html">OM</a>')
    assert abbreviations.wrap_html(fragment) == (
        '<p title="OM">Het <abbr title="Openbaar Ministerie">OM</abbr> en het OMA-team; '
        '<abbr title="Een &quot;term&quot; met &lt;b&gt; &amp; meer">TM</abbr>.</p>\n'
        '<select><option>OM</option></select><code>OM</code>'
        '<a href="om.html"><abbr title="Openbaar Ministerie">OM</abbr></a>')
    # without an element to skip, the one-pass way gives the same
    assert abbreviations.wrap_html('<p title="OM">OM</p>') == '<p title="OM"><abbr title="Openbaar Ministerie">OM</abbr></p>'


def test_the_phases_overview_numbers_each_phase_as_its_own_page_does():
    from menukaart import render
    cat = fixture("public")
    phases = cat.phases
    order = ["werving", "informatie", "vervoer", "verblijf"]  # the cross-cutting theme not last
    assert sorted(order) == sorted(phases) and phases["informatie"].get("cross_cutting")
    cat = cat.with_tables(phases={pid: phases[pid] for pid in order})
    text = render.environment(as_html=True).get_template("phases.html.j2").render(
        cat=cat, links=cat.links, h=render.Helpers(cat, "fases/index.md", True))
    items = re.findall(r'<li(?: value="(\d+)")?><strong><a href="([a-z-]+)\.html"', text)
    assert items == [("", "werving"), ("3", "vervoer"), ("4", "verblijf"), ("", "informatie")]


def test_the_generator_cache_key_follows_every_input(tmp_path, monkeypatch):
    import shutil
    from menukaart import generator_cache, resources
    overrides = tmp_path / "overrides"
    shutil.copytree(resources.OVERRIDES_DIR, overrides)
    monkeypatch.setattr(generator_cache, "OVERRIDES_DIR", overrides)
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    (docs / "assets/data.js").write_text("1", encoding="utf-8")
    cache = generator_cache.GeneratorCache(tmp_path / "cache")
    keys = [cache.key("mkdocs", "settings", docs)]
    (docs / "assets/data.js").write_text("2", encoding="utf-8")  # a copied file's bytes: the same output
    keys.append(cache.key("mkdocs", "settings", docs))
    (docs / "index.md").write_text("# Begin\n", encoding="utf-8")
    keys.append(cache.key("mkdocs", "settings", docs))
    (docs / "assets/more.js").write_text("", encoding="utf-8")  # a new file name
    keys.append(cache.key("mkdocs", "settings", docs))
    moved = next(p for p in overrides.rglob("*.html"))
    (moved.parent / "old").mkdir()
    moved.rename(moved.parent / "old" / moved.name)  # the same file, no longer where the theme looks
    keys.append(cache.key("mkdocs", "settings", docs))
    keys.append(cache.key("mkdocs", "other settings", docs))
    keys.append(cache.key("zensical", "other settings", docs))
    assert keys[0] == keys[1] and len(set(keys[1:])) == 6


def test_checked_files_parse_the_bytes_they_are_kept_by_and_forget_old_versions(tmp_path, monkeypatch):
    import shutil
    from menukaart import validate
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    measure = content / "measures/bibob-toets.yaml"
    good = measure.read_bytes()
    checked = validate.CheckedFiles()
    assert load_catalogue(content, checked)[0] is not None
    versions = len(checked.passed)
    # a save that lands between reading the bytes and parsing them: the bytes read count
    measure.write_text(good.decode("utf-8").replace("category: bestuursrechtelijk", "category: onzin"), encoding="utf-8")
    real_read = validate.read_bytes
    monkeypatch.setattr(validate, "read_bytes", lambda path, root=None: good if path == measure else real_read(path, root))
    cat, problems = load_catalogue(content, checked)
    assert not problems and cat.measures["bibob-toets"]["category"] == "bestuursrechtelijk"
    monkeypatch.undo()
    cat, problems = load_catalogue(content, checked)  # now the new bytes: checked, and refused
    assert cat is None and "onzin" in "\n".join(problems.lines())
    assert len(checked.passed) == versions - 1  # the old version of the file is forgotten


def test_the_benchmark_reference_holds_the_content_as_plain_markdown():
    sys.path.insert(0, str(REPO / "scripts"))
    from plain_markdown import as_markdown
    staged = site_build.staged_outputs(fixture("internal"))
    plain, with_html = staged.rendered.whole_pages(as_markdown), staged.rendered.whole_pages()
    assert sorted(plain) == sorted(with_html)
    for name, text in plain.items():
        # The matrix (its cells are sections) and the case workspace's forms are HTML in any Markdown.
        if name in ("barrieremodel.md", "signalenwijzer.md", "plan.md"):
            continue
        # "Aan plan toevoegen" is an empty element that plan-store.js fills: HTML in any Markdown too.
        text = re.sub(r'<div class="mk-plan-control[^>]*></div>', "", text)
        assert not re.search(r"<(?:table|tr|td|ul|ol|li|strong|em|a|h\d|div)\b|<p>", text), name
        assert text.count("\n## ") == with_html[name].count("\n## ")  # the same sections
    page = plain["maatregelen/sluiting-woning.md"]
    assert "| Wettelijke grondslag | [Gemeentewet](../wetten/gemeentewet.md), artikel 174a |" in page
    assert "- [Integriteitstoets](bibob-toets.md)" in page
