/* The filterable menukaart (menukaart.html): facets with live counts, combined with the
   full-text search. The state lives in the address (?fase=a,b&partner=c&q=woord), so a
   filtered view can be bookmarked, mailed or linked from another page.

   Counting follows the usual faceted-search rule: values within one facet are
   alternatives (OR), facets combine (AND), and a value's count is the number of measures
   it would show if it were added, given the choices in the other facets. */
(function () {
  "use strict";

  var PAGE_SIZE = 50;
  var root = document.getElementById("mk-facets");
  var data = window.MENUKAART_FACETS;
  var docs = window.MENUKAART_DOCS.docs;
  var facets = data.facets;
  var measures = data.measures;              // [search ref, [[value index, ...] per facet], id, internal]
  var measureRefs = new Set(measures.map(function (m) { return m[0]; }));
  var categoryFacet = indexOfFacet("soort");
  var statusFacet = indexOfFacet("status");

  var groupsBox = document.getElementById("mk-facet-groups");
  var input = document.getElementById("mk-facet-query");
  var statusBox = document.getElementById("mk-facets-status");
  var clearButton = document.getElementById("mk-facets-clear");
  var activeList = document.getElementById("mk-facets-active");
  var resultList = document.getElementById("mk-facets-results");
  var moreButton = document.getElementById("mk-facets-more");
  var toggleButton = document.getElementById("mk-facets-toggle");
  var panel = document.getElementById("mk-facet-panel");
  var showButton = document.getElementById("mk-facets-show");
  var chosenLine = document.getElementById("mk-facets-chosen");
  var narrow = window.matchMedia("(max-width: 48em)");
  var panelOpen = false;                     // on a phone the filters start folded away

  var selected = facets.map(function () { return new Set(); });
  var valueIndex = facets.map(function (f) {
    var table = Object.create(null);
    f.values.forEach(function (v, i) { table[v[0]] = i; });
    return table;
  });
  var countNodes = [];                       // [facet][value] → {item, text}
  var checkboxes = [];                       // [facet][value] → input
  var byTitle = measures.map(function (m, i) { return i; }).sort(function (a, b) {
    return docs[measures[a][0]][1].localeCompare(docs[measures[b][0]][1], "nl");
  });

  var query = "";
  var textTerms = [];                        // the query's terms, to highlight in snippets
  var textRank = null;                       // null: no words typed; else Map(search ref → rank)
  var textNote = "";
  var searcher = null;
  var unknown = [];
  var shown = [];
  var timer = null;
  var rememberTimer = null;

  function indexOfFacet(key) {
    for (var i = 0; i < facets.length; i++) { if (facets[i].key === key) { return i; } }
    return -1;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* ---- facet controls ---- */

  function buildFacets() {
    facets.forEach(function (facet, f) {
      var details = el("details", "mk-facet");
      details.dataset.facet = facet.key;
      if (facet.values.length <= 8) { details.open = true; }
      var summary = el("summary", "mk-facet__title", facet.label);
      details.appendChild(summary);
      var fieldset = el("fieldset", "mk-facet__fieldset");
      fieldset.appendChild(el("legend", "mk-visually-hidden", facet.label));
      var list = el("ul", "mk-facet__values");
      countNodes[f] = [];
      checkboxes[f] = [];
      var group = null;
      facet.values.forEach(function (value, v) {
        if (value[2] && value[2] !== group) {
          group = value[2];
          list.appendChild(el("li", "mk-facet__group", group));
        }
        var id = "mk-f-" + facet.key + "-" + v;
        var item = el("li", "mk-facet__value");
        var box = el("input");
        box.type = "checkbox";
        box.id = id;
        box.value = value[0];
        box.addEventListener("change", function () {
          if (box.checked) { selected[f].add(v); } else { selected[f].delete(v); }
          update();
        });
        var label = el("label");
        label.htmlFor = id;
        label.appendChild(document.createTextNode(value[1] + " "));
        // Seen: "(12)"; heard: "(12 maatregelen)", with the right plural.
        var count = el("span", "mk-facet__count");
        count.setAttribute("aria-hidden", "true");
        var number = document.createTextNode("");
        count.appendChild(number);
        label.appendChild(count);
        var spoken = el("span", "mk-visually-hidden", "");
        label.appendChild(spoken);
        item.appendChild(box);
        item.appendChild(label);
        list.appendChild(item);
        countNodes[f][v] = { item: item, text: number, spoken: spoken, last: -1 };
        checkboxes[f][v] = box;
      });
      fieldset.appendChild(list);
      details.appendChild(fieldset);
      groupsBox.appendChild(details);
    });
  }

  /* ---- filtering ---- */

  function filter() {
    var active = [];
    for (var f = 0; f < facets.length; f++) { if (selected[f].size) { active.push(f); } }
    var counts = facets.map(function (facet) { return new Int32Array(facet.values.length); });
    var result = [];
    for (var n = 0; n < byTitle.length; n++) {
      var i = byTitle[n];
      var m = measures[i];
      if (textRank && !textRank.has(m[0])) { continue; }
      var values = m[1];
      var fails = 0, failed = -1;
      for (var a = 0; a < active.length && fails < 2; a++) {
        var g = active[a], wanted = selected[g], own = values[g], hit = false;
        for (var k = 0; k < own.length; k++) { if (wanted.has(own[k])) { hit = true; break; } }
        if (!hit) { fails++; failed = g; }
      }
      if (fails === 0) {
        result.push(i);
        for (var h = 0; h < values.length; h++) {
          var vs = values[h], c = counts[h];
          for (var j = 0; j < vs.length; j++) { c[vs[j]]++; }
        }
      } else if (fails === 1) {
        var missed = values[failed], cf = counts[failed];
        for (var x = 0; x < missed.length; x++) { cf[missed[x]]++; }
      }
    }
    if (textRank) {
      result.sort(function (p, q) { return textRank.get(measures[p][0]) - textRank.get(measures[q][0]); });
    }
    return { result: result, counts: counts };
  }

  function showCounts(counts) {
    for (var f = 0; f < facets.length; f++) {
      var nodes = countNodes[f], c = counts[f];
      for (var v = 0; v < nodes.length; v++) {
        var node = nodes[v];
        if (node.last === c[v]) { continue; }
        node.last = c[v];
        node.text.nodeValue = String(c[v]);
        node.spoken.textContent = "(" + measuresLabel(c[v]) + ")";
        node.item.classList.toggle("mk-facet__value--empty", c[v] === 0);
      }
    }
  }

  function resultItem(i) {
    var m = measures[i];
    var d = docs[m[0]];
    var li = el("li", "mk-search-result");
    var title = el("p", "mk-search-result__title");
    var link = el("a", "", d[1]);
    link.href = d[0];
    title.appendChild(link);
    var meta = [];
    if (categoryFacet >= 0) { meta.push(facets[categoryFacet].values[m[1][categoryFacet][0]][1]); }
    if (statusFacet >= 0) { meta.push(facets[statusFacet].values[m[1][statusFacet][0]][1]); }
    title.appendChild(document.createTextNode(" "));
    title.appendChild(el("span", "mk-search-result__kind", meta.join(" \u00b7 ")));
    li.appendChild(title);
    var snippet = el("p", "mk-search-result__snippet", textRank && searcher ? "" : d[3]);
    if (textRank && searcher) { window.MenukaartSearch.appendHighlighted(snippet, searcher.highlight(d[3], textTerms)); }
    li.appendChild(snippet);
    if (window.MenukaartPlan) { li.appendChild(window.MenukaartPlan.control("measure", m[2], d[1], m[3] === 1)); }
    return li;
  }

  function listResults(result) {
    shown = result;
    resultList.textContent = "";
    showMore();
    if (printing.matches) { showAll(); }
  }

  /* On paper every chosen measure is listed, not only the first page of them. */
  function showAll() {
    while (resultList.children.length < shown.length) { showMore(); }
  }

  function showMore() {
    var start = resultList.children.length;
    var fragment = document.createDocumentFragment();
    shown.slice(start, start + PAGE_SIZE).forEach(function (i) { fragment.appendChild(resultItem(i)); });
    resultList.appendChild(fragment);
    moreButton.hidden = resultList.children.length >= shown.length;
  }

  function measuresLabel(n) {
    return n + (n === 1 ? " maatregel" : " maatregelen");
  }

  function describe(count) {
    var total = measures.length;
    var text = count === total && !isFiltered()
      ? "Alle " + total + " maatregelen."
      : count + " van de " + total + " maatregelen" + (count ? "." : ". Haal een keuze weg of zoek op een ander woord.");
    if (textNote) { text += " " + textNote; }
    if (unknown.length) {
      text += " Niet gevonden in deze menukaart, dus genegeerd: " + unknown.join(", ") + ".";
    }
    return text;
  }

  function isFiltered() {
    return Boolean(textRank) || selected.some(function (s) { return s.size > 0; });
  }

  function showActive() {
    activeList.textContent = "";
    facets.forEach(function (facet, f) {
      selected[f].forEach(function (v) {
        var item = el("li");
        var button = el("button", "mk-chip");
        button.type = "button";
        button.appendChild(document.createTextNode(facet.label + ": " + facet.values[v][1]));
        button.appendChild(el("span", "mk-visually-hidden", " (filter verwijderen)"));
        button.appendChild(el("span", "mk-chip__x", " \u00d7"));
        button.querySelector(".mk-chip__x").setAttribute("aria-hidden", "true");
        button.addEventListener("click", function () {
          // The chips are rebuilt: focus the one now at the same place, or the search field.
          var position = Array.prototype.indexOf.call(activeList.children, item);
          selected[f].delete(v);
          checkboxes[f][v].checked = false;
          update();
          var chips = activeList.querySelectorAll("button");
          var target = chips.length ? chips[Math.min(position, chips.length - 1)] : input;
          target.focus();
        });
        item.appendChild(button);
        activeList.appendChild(item);
      });
    });
    activeList.hidden = !activeList.children.length;
    clearButton.hidden = !isFiltered();
    var chosen = [];
    if (query) { chosen.push("zoekwoorden \u201c" + query + "\u201d"); }
    facets.forEach(function (facet, f) {
      var names = [];
      facet.values.forEach(function (value, v) { if (selected[f].has(v)) { names.push(value[1]); } });
      if (names.length) { chosen.push(facet.label + ": " + names.join(" of ")); }
    });
    chosenLine.textContent = chosen.length ? "Gekozen filters: " + chosen.join("; ") + "." : "Geen filters gekozen.";
    toggleButton.textContent = chosen.length ? "Filters (" + chosen.length + " gekozen)" : "Filters";
  }

  /* ---- on a phone: the filters in a panel that opens and closes ---- */

  function layout() {
    var folded = narrow.matches && !panelOpen;
    toggleButton.hidden = !narrow.matches;
    toggleButton.setAttribute("aria-expanded", String(!folded));
    panel.hidden = folded;
  }

  function showResults() {
    if (narrow.matches) { panelOpen = false; layout(); }
    statusBox.focus();
  }

  function update() {
    var started = performance.now();
    var outcome = filter();
    showCounts(outcome.counts);
    listResults(outcome.result);
    showActive();
    statusBox.textContent = describe(outcome.result.length);
    // Seen where the filter is changed, also when the results are out of view.
    showButton.textContent = outcome.result.length
      ? measuresLabel(outcome.result.length) + " tonen" : "Geen maatregelen: haal een keuze weg";
    root.dataset.filterMs = (performance.now() - started).toFixed(2);
    root.dataset.results = String(outcome.result.length);
    // The address follows a moment later: the reader sees the results first, and quick
    // successive clicks update it once.
    window.clearTimeout(rememberTimer);
    rememberTimer = window.setTimeout(remember, 0);
  }

  /* ---- words: the search index is loaded only when someone types ---- */

  function loadSearch(done) {
    if (searcher) { done(); return; }
    // The header's search may have loaded the index already.
    var loaded = window.MenukaartSearch && window.MENUKAART_INDEX;
    var scripts = loaded ? [] : root.dataset.indexScripts.split(" ");
    statusBox.textContent = "Zoekindex laden\u2026";
    (function next(i) {
      if (i === scripts.length) {
        searcher = new window.MenukaartSearch.Searcher(window.MENUKAART_INDEX, window.MENUKAART_DOCS);
        done();
        return;
      }
      var script = document.createElement("script");
      script.src = scripts[i];
      script.onload = function () { next(i + 1); };
      script.onerror = function () { statusBox.textContent = "De zoekindex kon niet worden geladen."; };
      document.body.appendChild(script);
    })(0);
  }

  function setQuery(words, done) {
    query = words.trim();
    if (!query) {
      textRank = null;
      textNote = "";
      done();
      return;
    }
    loadSearch(function () {
      var outcome = searcher.search(query);
      textTerms = outcome.terms;
      textRank = new Map();
      // Measures with all the words; only when none has them all, those with some.
      outcome.results.slice(0, outcome.allWords ? outcome.complete : undefined).forEach(function (r, rank) {
        if (measureRefs.has(r.ref) && !textRank.has(r.ref)) { textRank.set(r.ref, rank); }
      });
      textNote = outcome.suggestion
        ? "Geen maatregel bevat deze woorden; getoond: maatregelen met \u201c" + outcome.suggestion + "\u201d."
        : outcome.allWords ? "" : "Geen maatregel bevat alle woorden; getoond: maatregelen met een of meer ervan.";
      done();
    });
  }

  /* ---- state in the address ---- */

  function remember() {
    var parts = [];
    if (query) { parts.push("q=" + encodeURIComponent(query)); }
    facets.forEach(function (facet, f) {
      if (!selected[f].size) { return; }
      var ids = [];
      facet.values.forEach(function (value, v) { if (selected[f].has(v)) { ids.push(encodeURIComponent(value[0])); } });
      parts.push(facet.key + "=" + ids.join(","));
    });
    var search = parts.length ? "?" + parts.join("&") : "";
    if (search === window.location.search) { return; }
    try {
      window.history.replaceState(null, "", window.location.pathname + search + window.location.hash);
    } catch (e) { /* some file:// setups refuse history changes; the filters still work */ }
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    unknown = [];
    facets.forEach(function (facet, f) {
      selected[f].clear();
      var raw = params.get(facet.key);
      if (!raw) { return; }
      raw.split(",").forEach(function (id) {
        id = id.trim();
        if (!id) { return; }
        var v = valueIndex[f][id];
        if (v === undefined) { unknown.push(facet.label.toLowerCase() + " \u2018" + id + "\u2019"); return; }
        selected[f].add(v);
      });
    });
    facets.forEach(function (facet, f) {
      checkboxes[f].forEach(function (box, v) { box.checked = selected[f].has(v); });
      if (selected[f].size) { groupsBox.children[f].open = true; }
    });
    input.value = params.get("q") || "";
  }

  /* ---- wiring ---- */

  var printing = window.matchMedia("print");
  buildFacets();
  restore();
  layout();
  narrow.addEventListener("change", layout);
  printing.addEventListener("change", function () { if (printing.matches) { showAll(); } });
  window.addEventListener("beforeprint", showAll);
  toggleButton.addEventListener("click", function () {
    panelOpen = toggleButton.getAttribute("aria-expanded") !== "true";
    layout();
  });
  showButton.addEventListener("click", showResults);
  input.closest("form").addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    // After a search, focus goes to the count, so it is read out and the results follow.
    setQuery(input.value, function () { update(); showResults(); });
  });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { setQuery(input.value, update); }, 200);
  });
  clearButton.addEventListener("click", function () {
    selected.forEach(function (s) { s.clear(); });
    checkboxes.forEach(function (boxes) { boxes.forEach(function (box) { box.checked = false; }); });
    input.value = "";
    unknown = [];
    setQuery("", update);
    input.focus();
  });
  moreButton.addEventListener("click", showMore);
  // The results carry "Aan plan toevoegen": plan-store.js comes with every page, after this script.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setQuery(input.value, update); });
  } else { setQuery(input.value, update); }
})();
