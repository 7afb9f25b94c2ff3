"""Bad and hostile content, one case each: what a careful tester (or an attacker) puts in a
content folder, and the exact lines `build_site.py --check` must answer with.

Each case plants its input in a fresh copy of the test catalogue (tests/fixtures/content).
`expected` holds every problem line of the report, in the report's order (sorted by file
and line); the last line, "N fout(en) gevonden.", is checked separately.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

MEASURE = "measures/bibob-toets.yaml"  # line 3 is its title, line 5 its category, line 17 reviewed


@dataclass(frozen=True)
class Case:
    name: str
    plant: Callable[[Path], None]
    expected: tuple[str, ...]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit(old: str, new: str, file: str = MEASURE) -> Callable[[Path], None]:
    return lambda root: replace_in(root / file, old, new)


def write(file: str, data: str | bytes) -> Callable[[Path], None]:
    def plant(root: Path) -> None:
        path = root / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return plant


def raw_edit(old: bytes, new: bytes, file: str = MEASURE) -> Callable[[Path], None]:
    def plant(root: Path) -> None:
        path = root / file
        data = path.read_bytes()
        assert old in data
        path.write_bytes(data.replace(old, new, 1))
    return plant


def both(*plants: Callable[[Path], None]) -> Callable[[Path], None]:
    def plant(root: Path) -> None:
        for p in plants:
            p(root)
    return plant


# A billion laughs: 498 bytes that a naive loader expands to 9^9 strings.
ALIAS_BOMB = """id: bom
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def fifo(file: str) -> Callable[[Path], None]:
    return lambda root: os.mkfifo(root / file)


def symlink(file: str, target: str) -> Callable[[Path], None]:
    return lambda root: os.symlink(target, root / file)


def mkdir(folder: str) -> Callable[[Path], None]:
    return lambda root: (root / folder).mkdir()


def unlink(file: str) -> Callable[[Path], None]:
    return lambda root: (root / file).unlink()


def rename(old: str, new: str) -> Callable[[Path], None]:
    return lambda root: (root / old).rename(root / new)


def big_value_in_category(root: Path) -> None:
    replace_in(root / MEASURE, "category: bestuursrechtelijk", "category: " + "x" * 200_000)


def many_values(root: Path) -> None:
    items = "".join(f"  - woord {i}\n" for i in range(1500))
    replace_in(root / MEASURE, "status: in-werking\n", "status: in-werking\nkeywords:\n" + items)


def deep_nesting(root: Path) -> None:
    lines = "".join("  " * depth + f"n{depth}:\n" for depth in range(1, 15))
    replace_in(root / MEASURE, "status: in-werking\n", "status: in-werking\nextra:\n" + lines + "  " * 15 + "x\n")


CASES = [
    # --- what the check refused already (the earlier validation list), now as exact lines
    Case("syntax error with line and column", edit("title: Integriteitstoets", "title: [Integriteitstoets"),
         (f"{MEASURE}:4: -: YAML-syntaxfout (kolom 8): while parsing a flow sequence did not find expected ',' or ']'",)),
    Case("tab", edit("partners: [riec]", "partners:\t[riec]"),
         (f"{MEASURE}:11: -: tab gevonden; gebruik spaties om in te springen",)),
    Case("duplicate key", edit("status: in-werking", "status: in-werking\nstatus: in-werking"),
         (f"{MEASURE}:14: status: veld 'status' staat twee keer in hetzelfde blok (eerder op regel 13)",)),
    Case("unknown field (typo)", edit("title: Integriteitstoets", "titel: Integriteitstoets"),
         (f"{MEASURE}:3: titel: onbekend veld 'titel'; bedoelt u 'title'?",)),
    Case("missing field", edit("summary: De gemeente toetst", "aim: De gemeente toetst"),
         (f"{MEASURE}:2: summary: verplicht veld ontbreekt",)),
    Case("mistyped field", edit("barriers: [online-aanbod, ronselaars]", "barriers: online-aanbod"),
         (f"{MEASURE}:12: barriers: moet een lijst zijn, maar is 'online-aanbod'",)),
    Case("id does not match file name", edit("id: bibob-toets", "id: bibob"),
         (f"{MEASURE}:2: id: id 'bibob' moet gelijk zijn aan de bestandsnaam 'bibob-toets'",)),
    Case("duplicate id", edit("  - id: om\n", "  - id: kmar\n", "partners.yaml"),
         ("measures/grensmelding.yaml:10: partners[0]: 'om' bestaat niet in partners.yaml",
          "measures/illegale-tewerkstelling.yaml:9: authority: 'om' bestaat niet in partners.yaml",
          "measures/vervolging-smokkel.yaml:9: authority: 'om' bestaat niet in partners.yaml",
          "partners.yaml:11: partners[2].id: id 'kmar' komt twee keer voor")),
    Case("reference to an id that does not exist",
         edit("barriers: [online-aanbod, ronselaars]", "barriers: [online-aanbod, ronselaar]"),
         (f"{MEASURE}:12: barriers[1]: 'ronselaar' bestaat niet in barriers/",)),
    Case("date that does not exist", edit("reviewed: 2026-11-01", "reviewed: 2026-02-30"),
         (f"{MEASURE}:17: reviewed: '2026-02-30' is geen bestaande datum (schrijf JJJJ-MM-DD)",)),
    Case("date in the wrong form", edit("reviewed: 2026-11-01", "reviewed: 1-11-2026"),
         (f"{MEASURE}:17: reviewed: '1-11-2026' is geen datum; schrijf JJJJ-MM-DD, met een jaar van 1800 tot 2199",)),
    Case("date in year 1", edit("reviewed: 2026-11-01", "reviewed: 0001-01-01"),
         (f"{MEASURE}:17: reviewed: '0001-01-01' is geen datum; schrijf JJJJ-MM-DD, met een jaar van 1800 tot 2199",)),
    Case("value outside an enum", edit("category: bestuursrechtelijk", "category: bestuurlijk"),
         (f"{MEASURE}:5: category: 'bestuurlijk' is geen toegestane waarde; kies uit: bestuursrechtelijk, "
          "strafrechtelijk, fiscaal, privaat-publiek, informatie, internationaal",)),
    Case("url that is not http(s)", edit("url: https://example.org/bron", "url: javascript:alert(1)"),
         (f"{MEASURE}:16: sources[0].url: 'javascript:alert(1)' is geen webadres; het moet beginnen met "
          "http:// of https:// en mag geen spaties bevatten",)),
    Case("empty file", write(MEASURE, "# alleen commentaar\n"),
         (f"{MEASURE}:1: -: bestand is leeg",)),
    Case("not UTF-8", raw_edit(b"title: Integriteitstoets", "title: Barrière".encode("latin-1")),
         (f"{MEASURE}:3: -: bestand is geen UTF-8 (byte 99); sla het op als UTF-8",)),
    Case("YAML tag that constructs an object",
         edit("title: Integriteitstoets", "title: !!python/object/apply:os.system ['true']"),
         (f"{MEASURE}:3: title: YAML-tag 'tag:yaml.org,2002:python/object/apply:os.system' is niet toegestaan; "
          "schrijf gewone tekst, lijsten en velden",)),
    Case("file with the wrong extension", rename(MEASURE, "measures/bibob-toets.yml"),
         ("measures/bibob-toets.yml:1: -: alleen .yaml-bestanden horen in deze map (hernoem .yml naar .yaml)",)),
    Case("former id that is still a current id", edit("id: bibob-toets", "id: bibob-toets\nformer_ids: [mobiel-toezicht]"),
         (f"{MEASURE}:3: former_ids[0]: 'mobiel-toezicht' is nog de id van een bestaand item; een oude id moet vrij zijn",)),
    Case("former id claimed by two entries", edit("id: bibob-toets", "id: bibob-toets\nformer_ids: [woningsluiting]"),
         ("measures/sluiting-woning.yaml:3: former_ids[0]: 'woningsluiting' staat ook als oude id bij 'bibob-toets'",)),
    Case("missing edition.yaml", unlink("edition.yaml"),
         ("edition.yaml:1: -: bestand ontbreekt: edition.yaml (nummer en datum van de uitgave)",)),
    Case("in preparation without the date its status was checked",
         edit("status_checked: 2026-10-01\n", "", "measures/illegale-tewerkstelling.yaml"),
         ("measures/illegale-tewerkstelling.yaml:12: status_checked: verplicht veld ontbreekt",)),
    Case("edition number that is not a number", edit("number: 1", "number: eerste", "edition.yaml"),
         ("edition.yaml:3: number: moet een geheel getal zijn, maar is 'eerste'",)),

    # --- the rules docs/bijdragen.md promises, each with its exact line
    Case("a measure related to itself", edit("status: in-werking", "related: [bibob-toets]\nstatus: in-werking"),
         (f"{MEASURE}:13: related[0]: een maatregel kan niet aan zichzelf verwant zijn",)),
    Case("title longer than 120 characters", edit("title: Integriteitstoets", "title: " + "t" * 121),
         (f"{MEASURE}:3: title: is te lang: 121 tekens, hoogstens 120",)),
    Case("summary longer than 600 characters",
         edit("summary: De gemeente toetst", "summary: " + "s" * 580 + " De gemeente toetst"),
         (f"{MEASURE}:4: summary: is te lang: 664 tekens, hoogstens 600",)),
    Case("a measure without barriers", edit("barriers: [online-aanbod, ronselaars]", "barriers: []"),
         (f"{MEASURE}:12: barriers: mag niet leeg zijn",)),
    Case("a measure without sources",
         edit("sources:\n  - title: Testbron\n    url: https://example.org/bron\n", "sources: []\n"),
         (f"{MEASURE}:14: sources: mag niet leeg zijn",)),
    Case("a barrier without signals",
         edit("signals:\n  - Advertenties op sociale media\n", "signals: []\n", "barriers/online-aanbod.yaml"),
         ("barriers/online-aanbod.yaml:6: signals: mag niet leeg zijn",)),
    Case("a barrier without partners", edit("partners: [gemeente]", "partners: []", "barriers/online-aanbod.yaml"),
         ("barriers/online-aanbod.yaml:8: partners: mag niet leeg zijn",)),
    Case("a glossary term twice, in another case",
         edit("  - term: Wetboek van Strafrecht\n", "  - term: openbaar ministerie\n", "glossary.yaml"),
         ("glossary.yaml:11: terms[3].term: 'openbaar ministerie' staat al in de begrippenlijst (item 2)",)),
    Case("an abbreviation twice", edit("abbreviation: Sr", "abbreviation: OM", "glossary.yaml"),
         ("glossary.yaml:12: terms[3].abbreviation: 'OM' staat al in de begrippenlijst (item 2)",)),
    Case("an unknown partner", edit("authority: gemeente", "authority: gemeenten"),
         (f"{MEASURE}:9: authority: 'gemeenten' bestaat niet in partners.yaml",)),
    Case("an unknown law", edit("  - law: wet-bibob", "  - law: wet-bibop"),
         (f"{MEASURE}:7: legal_basis[0].law: 'wet-bibop' bestaat niet in laws.yaml",)),
    Case("an unknown related measure", edit("status: in-werking", "related: [bibob]\nstatus: in-werking"),
         (f"{MEASURE}:13: related[0]: 'bibob' bestaat niet in measures/",)),
    Case("an unknown phase", edit("phase: werving", "phase: wervingen", "barriers/online-aanbod.yaml"),
         ("barriers/online-aanbod.yaml:5: phase: 'wervingen' bestaat niet in phases.yaml",)),
    Case("an ECLI number in the wrong form",
         edit("status: in-werking", "examples:\n  - title: Uitspraak\n    ecli: ECLI-NL-RVS-2020-1\nstatus: in-werking"),
         (f"{MEASURE}:15: examples[0].ecli: 'ECLI-NL-RVS-2020-1' is geen geldig ECLI-nummer (bijv. "
          "ECLI:NL:RVS:2020:1234)",)),
    Case("phases.yaml missing", unlink("phases.yaml"),
         ("phases.yaml:1: -: bestand ontbreekt: phases.yaml hoort naast measures/ en barriers/",)),
    Case("barriers/ missing, and the references to it not reported again",
         lambda root: __import__("shutil").rmtree(root / "barriers"),
         ("barriers:1: -: map barriers/ ontbreekt",)),

    # --- hostile input: the check must answer, in one line per problem, and never hang
    Case("alias bomb", write("measures/bom.yaml", ALIAS_BOMB),
         ("measures/bom.yaml:2: -: YAML-ankers en -verwijzingen (hier &a) zijn niet toegestaan; schrijf elke waarde voluit",)),
    Case("recursive alias", write("measures/lus.yaml", "id: lus\nloop: &r [*r]\n"),
         ("measures/lus.yaml:2: -: YAML-ankers en -verwijzingen (hier &r) zijn niet toegestaan; schrijf elke waarde voluit",)),
    Case("named pipe named like an entry", fifo("measures/pijp.yaml"),
         ("measures/pijp.yaml:1: -: is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); zet hier een "
          "gewoon tekstbestand",)),
    Case("link to /dev/zero", symlink("measures/nul.yaml", "/dev/zero"),
         ("measures/nul.yaml:1: -: is een snelkoppeling (symlink) naar iets buiten de inhoudsmap; zet het bestand zelf "
          "in de inhoudsmap",)),
    Case("link to /etc", symlink("measures/etc", "/etc"),
         ("measures/etc:1: -: is een snelkoppeling (symlink) naar iets buiten de inhoudsmap; zet het bestand zelf in "
          "de inhoudsmap",)),
    Case("dangling link, and every other problem still reported",
         both(symlink("measures/weg.yaml", "bestaat-niet.yaml"), edit("category: bestuursrechtelijk", "category: x")),
         (f"{MEASURE}:5: category: 'x' is geen toegestane waarde; kies uit: bestuursrechtelijk, strafrechtelijk, "
          "fiscaal, privaat-publiek, informatie, internationaal",
          "measures/weg.yaml:1: -: is een snelkoppeling (symlink) naar iets dat niet bestaat")),
    Case("folder named like an entry", mkdir("measures/map.yaml"),
         ("measures/map.yaml:1: -: is een map, geen bestand",)),
    Case("sub-folder in measures/", mkdir("measures/oud"),
         ("measures/oud:1: -: is een map; zet de bestanden zelf in deze map, submappen worden niet gelezen",)),
    Case("edition.yaml is a folder", both(unlink("edition.yaml"), mkdir("edition.yaml")),
         ("edition.yaml:1: -: is een map, geen bestand",)),
    Case("5,000-digit number", edit("number: 1", "number: " + "1" * 5000, "edition.yaml"),
         ("edition.yaml:3: number: getal '1111111111111111111…' is te lang (hoogstens 15 cijfers); zet tekst tussen "
          "aanhalingstekens",)),
    Case("number 1.0 where the model says integer", edit("number: 1", "number: 1.0", "edition.yaml"),
         ("edition.yaml:3: number: moet een geheel getal zijn, maar is het getal 1.0",)),
    Case("edition number 0", edit("number: 1", "number: 0", "edition.yaml"),
         ("edition.yaml:3: number: moet minstens 1 zijn, maar is het getal 0",)),
    Case("raw NUL, ESC and DEL, each at its real line",
         both(raw_edit(b"title: Integriteitstoets", b"title: Integ\x00riteitstoets"),
              raw_edit(b"authority: gemeente", b"authority: gemeente\x1b"),
              raw_edit(b"status: in-werking", b"status: in-\x7fwerking")),
         (f"{MEASURE}:3: -: verboden teken U+0000 (NUL) in kolom 13; verwijder het (het is onzichtbaar in de meeste editors)",
          f"{MEASURE}:9: -: verboden teken U+001B (ESC) in kolom 20; verwijder het (het is onzichtbaar in de meeste editors)",
          f"{MEASURE}:13: -: verboden teken U+007F (DEL) in kolom 12; verwijder het (het is onzichtbaar in de meeste editors)")),
    Case("control character written as an escape in a title",
         edit("title: Integriteitstoets", 'title: "Integriteits\\x07toets"'),
         (f"{MEASURE}:3: title: tekst bevat het verboden teken U+0007 (BEL); verwijder het",)),
    Case("line separator U+2028 in a text", edit("title: Integriteitstoets", "title: Integriteits\u2028toets"),
         (f"{MEASURE}:3: -: verboden teken U+2028 (LINE SEPARATOR) in kolom 20; verwijder het (het is onzichtbaar in "
          "de meeste editors)",)),
    Case("newline in a key", edit("title: Integriteitstoets", 'title: Integriteitstoets\n"sta\\nrt": x'),
         (f"{MEASURE}:4: -: veldnaam 'sta<U+000A>rt' bevat een regeleinde of verboden teken",)),
    Case("newline in a file name", rename(MEASURE, "measures/twee\nregels.yaml"),
         ("measures/twee<U+000A>regels.yaml:2: id: id 'bibob-toets' moet gelijk zijn aan de bestandsnaam "
          "'twee<U+000A>regels'",)),
    Case("newline in a URL", edit("url: https://example.org/bron", 'url: "https://example.org/\\nbron"'),
         (f"{MEASURE}:16: sources[0].url: 'https://example.org/<U+000A>bron' is geen webadres; het moet beginnen met "
          "http:// of https:// en mag geen spaties bevatten",)),
    Case("a 200 kB value is not echoed whole", big_value_in_category,
         (f"{MEASURE}:5: category: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is geen toegestane "
          "waarde; kies uit: bestuursrechtelijk, strafrechtelijk, fiscaal, privaat-publiek, informatie, internationaal",)),
    Case("file over the size limit", write("measures/groot.yaml", "id: groot\nsummary: " + "woord " * 200_000),
         ("measures/groot.yaml:1: -: bestand is groter dan 1 MB; een inhoudsbestand is gewone tekst van hooguit "
          "enkele tientallen kB",)),
    Case("more values than a content file can hold", many_values,
         (f"{MEASURE}:997: -: bestand bevat meer dan 1.000 waarden; een inhoudsbestand is veel kleiner (is er iets "
          "dubbel geplakt?)",)),
    Case("nesting deeper than the model", deep_nesting,
         (f"{MEASURE}:25: -: te diep genest (meer dan 10 niveaus); controleer de inspringing",)),
    Case("deep flow nesting", edit("status: in-werking", "status: in-werking\nx: " + "[" * 5000 + "]" * 5000),
         (f"{MEASURE}:14: -: YAML-syntaxfout (kolom 1003): while increasing flow level exceeded maximum nesting depth",)),
    Case("binary file named like an entry", write("measures/binair.yaml", bytes(range(256)) * 4),
         ("measures/binair.yaml:2: -: bestand is geen UTF-8 (byte 128); sla het op als UTF-8",)),
    Case("a file that is a list", write("measures/lijst.yaml", "- id: lijst\n"),
         ("measures/lijst.yaml:1: -: het bestand moet velden bevatten (veld: waarde), geen losse waarde of lijst",)),
    Case("a key that is not text", edit("title: Integriteitstoets", "title: Integriteitstoets\n[a, b]: c"),
         (f"{MEASURE}:4: -: een veldnaam moet gewone tekst zijn",)),
    Case("an id that would overwrite the overview page",
         both(rename(MEASURE, "measures/index.yaml"), edit("id: bibob-toets", "id: index", "measures/index.yaml"),
              edit("related: [bibob-toets]", "related: [index]", "measures/sluiting-woning.yaml")),
         ("measures/index.yaml:2: id: 'index' kan geen id zijn: zo heet de overzichtspagina van de map; kies een "
          "andere id",)),
    Case("a former id that would overwrite the overview page",
         edit("  - id: om\n", "  - id: om\n    former_ids: [index]\n", "partners.yaml"),
         ("partners.yaml:12: partners[2].former_ids[0]: 'index' kan geen oude id zijn: zo heet de overzichtspagina van "
          "de map",)),
    Case("missing content folder", lambda root: os.rename(root / "measures", root / "maatregelen"),
         ("measures:1: -: map measures/ ontbreekt",)),
]
