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

  function Searcher(serializedIndex, payload) {
    this.index = global.lunr.Index.load(serializedIndex);
    this.docs = payload.docs;
    this.abbreviations = payload.abbreviations || {};
  }

  /* A term as the index stores it (stem), plus the folded word for prefix matching. */
  Searcher.prototype.term = function (token) {
    var stems = this.index.pipeline.runString(token);
    return stems.length ? { stem: stems[0], prefix: token } : null;
  };

  /* Each query word becomes a requirement: one of its alternatives must match fully.
     An abbreviation may also be met by the words of its full term. A word of a law
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
      allWords: false,
      words: requirements.map(function (r) { return r.word; }),
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
    if (!requirements.length) { return { results: [], allWords: true, words: [] }; }
    var terms = [];
    requirements.forEach(function (r) { r.alternatives.forEach(function (a) { terms = terms.concat(a); }); });
    var found = this.index.query(function (q) {
      terms.forEach(function (t) {
        q.term(t.stem, { usePipeline: false, boost: 10 });
        if (t.prefix.length >= 2) {
          q.term(t.prefix, { usePipeline: false, boost: 1, wildcard: global.lunr.Query.wildcard.TRAILING });
        }
      });
    });
    var docs = this.docs;
    var toResult = function (hit) {
      var d = docs[Number(hit.ref)];
      return { ref: Number(hit.ref), url: d[0], title: d[1], kind: d[2], snippet: d[3], score: hit.score };
    };
    var complete = found.filter(function (hit) {
      var matched = Object.keys(hit.matchData.metadata);
      return requirements.every(function (r) {
        return r.optional || r.alternatives.some(function (alt) {
          return alt.every(function (t) {
            return matched.some(function (m) { return m === t.stem || m.indexOf(t.prefix) === 0; });
          });
        });
      });
    });
    var allWords = complete.length > 0 || requirements.length === 1;
    return {
      results: (allWords ? complete : found).map(toResult),
      allWords: allWords,
      words: requirements.map(function (r) { return r.word; })
    };
  };

  global.MenukaartSearch = { fold: fold, tokenize: tokenize, Searcher: Searcher };
})(window);
