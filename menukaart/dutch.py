"""Dutch text processing for search, identical in Python (index) and in the browser (query).

The browser half is `docs/assets/javascripts/search-core.js`; both must tokenise and fold
the same way. Stop words and the stemmer come from lunr-languages' `lunr.nl.js` (which the
site ships), and NLTK's Snowball Dutch stemmer, which implements the same algorithm.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import mkdocs.contrib.search as _mkdocs_search
from nltk.stem.snowball import SnowballStemmer

LUNR_DIR = Path(_mkdocs_search.__file__).resolve().parent
LUNR_FILES = {
    "lunr.js": LUNR_DIR / "templates" / "search" / "lunr.js",
    "lunr.stemmer.support.js": LUNR_DIR / "lunr-language" / "lunr.stemmer.support.js",
    "lunr.nl.js": LUNR_DIR / "lunr-language" / "lunr.nl.js",
}

# The browser builds its tokenizer from these same patterns: search_index writes them
# into the documents script, search-core.js reads them from there (RegExp syntax and
# Python's agree on these three). Words are trimmed to letters and digits on both sides.
TOKENIZER_RULES = {
    "separator": r"[\s\-\u2010-\u2015/]+",  # between words: white space, hyphens and dashes, slashes
    "apostrophes": r"['\u2019]",  # dropped: "auto's" is one word
    "combining": r"[\u0300-\u036f]",  # accents, after NFD: "é" is "e"
    # One word, written in several ways: law references say "art." as often as "artikel".
    "same_word": {"art": "artikel", "artikelen": "artikel", "leden": "lid"},
}
# Words of a law reference that a query may hold without the page saying them: "artikel 174a"
# finds the page that says "174a Gemeentewet" (search-core.js reads them with the documents).
OPTIONAL_WORDS = ("artikel", "lid")
_SEPARATOR = re.compile(TOKENIZER_RULES["separator"])
_APOSTROPHES = re.compile(TOKENIZER_RULES["apostrophes"])
_COMBINING = re.compile(TOKENIZER_RULES["combining"])


def fold(text: str) -> str:
    """Lower case without accents: 'Barrières' → 'barrieres'."""
    return _COMBINING.sub("", unicodedata.normalize("NFD", text)).lower()


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


def _trim(token: str) -> str:
    start, end = 0, len(token)
    while start < end and not _is_word_char(token[start]):
        start += 1
    while end > start and not _is_word_char(token[end - 1]):
        end -= 1
    return token[start:end]


def tokenize(text: str) -> list[str]:
    """Folded words; digits are kept, so '197b' and '174a' stay searchable."""
    words = _SEPARATOR.split(_APOSTROPHES.sub("", fold(text)))
    same = TOKENIZER_RULES["same_word"]
    return [same.get(t, t) for t in map(_trim, words) if t]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The stop word list of lunr.nl.js, read from the very file the browser loads."""
    source = LUNR_FILES["lunr.nl.js"].read_text(encoding="utf-8")
    match = re.search(r"lunr\.nl\.stopWordFilter\s*=\s*lunr\.generateStopWordFilter\('([^']*)'", source)
    if not match:
        raise RuntimeError("stop words not found in lunr.nl.js")
    return frozenset(w for w in match.group(1).split(" ") if w)


_stemmer = SnowballStemmer("dutch")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stem(word)


def terms(text: str) -> list[str]:
    """What the index holds for a text: tokens without stop words, stemmed."""
    stops = stop_words()
    return [stem(t) for t in tokenize(text) if t not in stops]


# Dutch glues words together ("horecavergunning"). A word of COMPOUND_FROM letters or more
# is read as the words it is made of when each part, of PART_FROM letters or more, is a word
# of the vocabulary (the words the catalogue itself uses), joined directly or by a linking
# "s", "en" or "e" ("bewustwording-s-campagne"). The longest first part wins; search-core.js
# splits the same way (test_dutch_search checks both agree).
COMPOUND_FROM = 8
PART_FROM = 4
LINKS = ("", "s", "en", "e")


def vocabulary(texts, tokens=tokenize) -> list[str]:
    """The words compounds are split into: folded words of letters only, of PART_FROM letters
    or more, not stop words; sorted, so the same texts give the same list. `tokens`: how a
    text is split (tokenize, or a remembered result of it)."""
    stops = stop_words()
    words = set()
    for text in texts:
        words.update(t for t in tokens(text) if len(t) >= PART_FROM and t.isalpha() and t not in stops)
    return sorted(words)


class Decompounder:
    def __init__(self, vocabulary):
        self.words = frozenset(vocabulary)
        self._memo: dict[str, list[str] | None] = {}

    def parts(self, word: str) -> list[str] | None:
        """The words `word` is made of, or None when it is not a compound of known words."""
        if word not in self._memo:
            self._memo[word] = self._split(word) if len(word) >= COMPOUND_FROM and word.isalpha() else None
        return self._memo[word]

    def _split(self, word: str) -> list[str] | None:
        for end in range(len(word) - PART_FROM, PART_FROM - 1, -1):
            head, rest = word[:end], word[end:]
            if head not in self.words:
                continue
            for link in LINKS:
                tail = rest[len(link):]
                if not rest.startswith(link) or len(tail) < PART_FROM:
                    continue
                if tail in self.words:
                    return self._whole(head) + self._whole(tail)
                split_tail = self._split(tail)
                if split_tail:
                    return self._whole(head) + split_tail
        return None

    def _whole(self, word: str) -> list[str]:
        """A part, itself split when it is a compound too ("kamerverhuur")."""
        return (self.parts(word) if len(word) >= COMPOUND_FROM else None) or [word]
