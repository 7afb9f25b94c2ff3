/* Dutch search over the prebuilt lunr index. Tokenising and folding follow
   menukaart/dutch.py: its patterns come with the documents (MENUKAART_DOCS.tokenizer),
   which every page loads before this script. */
(function (global) {
  "use strict";

  var rules = global.MENUKAART_DOCS.tokenizer;
  var SEPARATOR = new RegExp(rules.separator);
  var APOSTROPHES = new RegExp(rules.apostrophes, "g");
  var COMBINING = new RegExp(rules.combining, "g");
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var SAME = rules.same_word;
  var OPTIONAL = global.MENUKAART_DOCS.optional || [];

  function sameWord(t) {
    return Object.prototype.hasOwnProperty.call(SAME, t) ? SAME[t] : t;
  }

  function fold(text) {
    return text.normalize("NFD").replace(COMBINING, "").toLowerCase();
  }

  function tokenize(text) {
    return fold(text).replace(APOSTROPHES, "").split(SEPARATOR)
      .map(function (t) { return t.replace(EDGES, ""); })
      .filter(function (t) { return t.length > 0; })
      .map(sameWord);
  }

  /* Compound words, split as menukaart/dutch.py's Decompounder splits them (same rules,
     same vocabulary: the catalogue's own words, which come with the documents). */
  var COMPOUND_FROM = 8, PART_FROM = 4, LINKS = ["", "s", "en", "e"];
  var LETTERS_ONLY = /^\p{L}+$/u;

  function Decompounder(vocabulary) {
    this.words = new Set(vocabulary || []);
    this.memo = new Map();
  }

  Decompounder.prototype.parts = function (word) {
    if (!this.memo.has(word)) {
      this.memo.set(word, word.length >= COMPOUND_FROM && LETTERS_ONLY.test(word) ? this.split(word) : null);
    }
    return this.memo.get(word);
  };

  Decompounder.prototype.split = function (word) {
    for (var end = word.length - PART_FROM; end >= PART_FROM; end -= 1) {
      var head = word.slice(0, end), rest = word.slice(end);
      if (!this.words.has(head)) { continue; }
      for (var i = 0; i < LINKS.length; i += 1) {
        var tail = rest.slice(LINKS[i].length);
        if (rest.indexOf(LINKS[i]) !== 0 || tail.length < PART_FROM) { continue; }
        if (this.words.has(tail)) { return this.whole(head).concat(this.whole(tail)); }
        var splitTail = this.split(tail);
        if (splitTail) { return this.whole(head).concat(splitTail); }
      }
    }
    return null;
  };

  Decompounder.prototype.whole = function (word) {
    return (word.length >= COMPOUND_FROM ? this.parts(word) : null) || [word];
  };

  function Searcher(serializedIndex, payload) {
    this.index = global.lunr.Index.load(serializedIndex);
    this.docs = payload.docs;
    this.abbreviations = payload.abbreviations || {};
    this.decompounder = new Decompounder(payload.vocabulary);
  }

  /* A term as the index stores it (stem), plus the folded word for prefix matching. */
  Searcher.prototype.term = function (token) {
    var stems = this.index.pipeline.runString(token);
    return stems.length ? { stem: stems[0], prefix: token } : null;
  };

  /* Each query word becomes a requirement: one of its alternatives must match fully.
     An abbreviation may also be met by the words of its full term, a compound by the
     words it is made of ("bewustwordingscampagne": "bewustwording" and "campagne"). A word of a law
     reference ("artikel", "lid") counts when it matches, but is not required, unless the
     query holds nothing else. */
  Searcher.prototype.analyse = function (query) {
    var self = this;
    var requirements = [];
    var tokens = tokenize(query);
    var required = tokens.filter(function (t) { return OPTIONAL.indexOf(t) < 0; });
    tokens.forEach(function (token) {
      var alternatives = [];
      var own = self.term(token);
      if (own) { alternatives.push([own]); }
      var expansion = self.abbreviations[token];
      if (expansion) {
        var words = expansion.map(function (w) { return self.term(w); }).filter(Boolean);
        if (words.length) { alternatives.push(words); }
      }
      var parts = self.decompounder.parts(token);
      if (parts) {
        var partTerms = parts.map(function (w) { return self.term(w); }).filter(Boolean);
        if (partTerms.length === parts.length) { alternatives.push(partTerms); }
      }
      if (alternatives.length) {
        var optional = required.length > 0 && OPTIONAL.indexOf(token) >= 0;
        requirements.push({ word: token, alternatives: alternatives, optional: optional });
      }
    });
    return requirements;
  };

  /* What the index finds for the query; when it finds nothing, the pages with words one
     letter away from the longer query words (a typo), with the words it read instead. */
  Searcher.prototype.search = function (query) {
    var exact = this.exact(query);
    if (exact.results.length) { return exact; }
    return this.close(query) || exact;
  };

  var CLOSE_FROM = 5;  // letters: shorter words are too often one letter away from another word
  var PREFIX_FROM = 4;  // letters before a word's beginning counts as a match

  Searcher.prototype.close = function (query) {
    var self = this;
    var requirements = this.analyse(query);
    var terms = [];
    requirements.forEach(function (r) { r.alternatives.forEach(function (a) { terms = terms.concat(a); }); });
    if (!terms.some(function (t) { return t.prefix.length >= CLOSE_FROM; })) { return null; }
    var found = this.index.query(function (q) {
      terms.forEach(function (t) {
        q.term(t.stem, { usePipeline: false, boost: 10 });
        if (t.prefix.length >= CLOSE_FROM) { q.term(t.stem, { usePipeline: false, editDistance: 1 }); }
      });
    });
    if (!found.length) { return null; }
    var best = this.docs[Number(found[0].ref)];
    var matched = Object.keys(found[0].matchData.metadata);
    var words = tokenize(best[1] + " " + best[3]);
    var read = requirements.map(function (r) {
      var stem = r.alternatives[0][0].stem;
      if (matched.indexOf(stem) >= 0 || r.word.length < CLOSE_FROM) { return r.word; }
      var near = matched.filter(function (m) { return oneApart(m, stem); })[0];
      if (!near) { return r.word; }
      var word = words.filter(function (w) { return self.index.pipeline.runString(w)[0] === near; })[0];
      return word || near;
    });
    var docs = this.docs;
    return {
      results: found.map(function (hit) {
        var d = docs[Number(hit.ref)];
        return { ref: Number(hit.ref), url: d[0], title: d[1], kind: d[2], snippet: d[3], score: hit.score };
      }),
      complete: found.length,
      allWords: false,
      words: requirements.map(function (r) { return r.word; }),
      // The words the pages hold instead, to highlight.
      terms: found.slice(0, 50).reduce(function (all, hit) {
        Object.keys(hit.matchData.metadata).forEach(function (m) { all.push({ stem: m, prefix: "" }); });
        return all;
      }, []),
      suggestion: read.join(" ") !== requirements.map(function (r) { return r.word; }).join(" ") ? read.join(" ") : null
    };
  };

  /* Two words that differ by one letter added, dropped or changed. */
  function oneApart(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) { i += 1; }
    if (a.length === b.length) { return a.slice(i + 1) === b.slice(i + 1); }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  Searcher.prototype.exact = function (query) {
    var requirements = this.analyse(query);
    if (!requirements.length) { return { results: [], complete: 0, allWords: true, words: [], terms: [] }; }
    var terms = [];
    requirements.forEach(function (r) { r.alternatives.forEach(function (a) { terms = terms.concat(a); }); });
    var found = this.index.query(function (q) {
      terms.forEach(function (t) {
        q.term(t.stem, { usePipeline: false, boost: 10 });
        // A word's beginning matches from four letters: "ver" would match half the index
        // (and cost most of a keystroke at 5,000 measures) without finding anything meant.
        if (t.prefix.length >= PREFIX_FROM) {
          q.term(t.prefix, { usePipeline: false, boost: 1, wildcard: global.lunr.Query.wildcard.TRAILING });
        }
      });
    });
    var docs = this.docs;
    // How many of the query's words a page holds: all of them first, then most, then fewer;
    // within the same number, lunr's score.
    var ranked = found.map(function (hit) {
      var matched = Object.keys(hit.matchData.metadata);
      var met = requirements.filter(function (r) {
        return !r.optional && r.alternatives.some(function (alt) {
          return alt.every(function (t) {
            return matched.some(function (m) { return m === t.stem || m.indexOf(t.prefix) === 0; });
          });
        });
      }).length;
      var d = docs[Number(hit.ref)];
      return { ref: Number(hit.ref), url: d[0], title: d[1], kind: d[2], snippet: d[3], score: hit.score, met: met };
    });
    var needed = requirements.filter(function (r) { return !r.optional; }).length || requirements.length;
    ranked.sort(function (a, b) { return b.met - a.met || b.score - a.score || a.ref - b.ref; });
    var complete = ranked.filter(function (r) { return r.met >= needed || needed === 0; }).length;
    return {
      results: ranked,
      complete: requirements.length === 1 ? ranked.length : complete,
      allWords: complete > 0 || requirements.length === 1,
      words: requirements.map(function (r) { return r.word; }),
      terms: terms
    };
  };

  /* A text in pieces, each {text, match}: the words that match the query are marked, so a
     page can show them highlighted (as text nodes and <mark> elements, never as HTML). */
  var WORD_RUN = /[\p{L}\p{N}'\u2019]+/gu;

  Searcher.prototype.highlight = function (text, terms) {
    var self = this;
    var stems = new Set(), prefixes = [];
    (terms || []).forEach(function (t) {
      stems.add(t.stem);
      if (t.prefix.length >= 3) { prefixes.push(t.prefix); }
    });
    var pieces = [], last = 0, match;
    WORD_RUN.lastIndex = 0;
    while ((match = WORD_RUN.exec(text)) !== null) {
      var word = sameWord(fold(match[0]).replace(APOSTROPHES, ""));
      var stem = self.index.pipeline.runString(word)[0];
      var hit = (stem && stems.has(stem)) || prefixes.some(function (p) { return word.indexOf(p) === 0; });
      if (!hit) { continue; }
      if (match.index > last) { pieces.push({ text: text.slice(last, match.index), match: false }); }
      pieces.push({ text: match[0], match: true });
      last = match.index + match[0].length;
    }
    if (last < text.length) { pieces.push({ text: text.slice(last), match: false }); }
    return pieces;
  };

  /* Pieces from Searcher.highlight into an element: text nodes, the matches in <mark>. */
  function appendHighlighted(element, pieces) {
    pieces.forEach(function (piece) {
      if (!piece.match) { element.appendChild(document.createTextNode(piece.text)); return; }
      var mark = document.createElement("mark");
      mark.textContent = piece.text;
      element.appendChild(mark);
    });
  }

  global.MenukaartSearch = { appendHighlighted: appendHighlighted,  fold: fold, tokenize: tokenize, Searcher: Searcher, Decompounder: Decompounder };
})(window);
