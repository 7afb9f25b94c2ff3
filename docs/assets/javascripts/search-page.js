/* The results page: zoeken.html?q=... lists results, best first. */
(function () {
  "use strict";

  var PAGE_SIZE = 50;
  var form = document.querySelector(".mk-search-form");
  var input = document.getElementById("mk-search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var searcher = null;
  var shown = [];
  var terms = [];
  var timer = null;

  function load() {
    if (!searcher) {
      searcher = new window.MenukaartSearch.Searcher(window.MENUKAART_INDEX, window.MENUKAART_DOCS);
    }
    return searcher;
  }

  function item(result) {
    var li = document.createElement("li");
    li.className = "mk-search-result";
    var link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.title;
    var kind = document.createElement("span");
    kind.className = "mk-search-result__kind";
    kind.textContent = result.kind;
    var heading = document.createElement("p");
    heading.className = "mk-search-result__title";
    heading.appendChild(link);
    heading.appendChild(document.createTextNode(" "));
    heading.appendChild(kind);
    var snippet = document.createElement("p");
    snippet.className = "mk-search-result__snippet";
    window.MenukaartSearch.appendHighlighted(snippet, load().highlight(result.snippet, terms));
    li.appendChild(heading);
    li.appendChild(snippet);
    return li;
  }

  function renderMore(button) {
    var start = list.children.length;
    shown.slice(start, start + PAGE_SIZE).forEach(function (r) { list.appendChild(item(r)); });
    if (button) {
      button.hidden = list.children.length >= shown.length;
    }
  }

  /* "Bedoelde u ...?" above the results found for words one letter away from the query's. */
  function suggest(words) {
    var line = document.getElementById("search-suggestion");
    if (!words) { if (line) { line.remove(); } return; }
    if (!line) {
      line = document.createElement("p");
      line.id = "search-suggestion";
      line.className = "mk-search-suggestion";
      status.insertAdjacentElement("afterend", line);
    }
    line.textContent = "Bedoelde u ";
    var link = document.createElement("a");
    link.href = "zoeken.html?q=" + encodeURIComponent(words);
    link.textContent = words;
    line.appendChild(link);
    line.appendChild(document.createTextNode("?"));
  }

  function run(query) {
    list.textContent = "";
    suggest(null);
    var more = document.getElementById("search-more");
    if (more) { more.remove(); }
    query = query.trim();
    if (!query) {
      status.textContent = "Typ een zoekterm, bijvoorbeeld 'vergunning', 'Bibob' of '174a'.";
      return;
    }
    var outcome = load().search(query);
    shown = outcome.results;
    terms = outcome.terms;
    if (!shown.length) {
      status.textContent = "Geen resultaten voor \u201c" + query + "\u201d. Probeer een ander woord of bekijk de menukaart.";
      return;
    }
    var count = shown.length === 1 ? "1 resultaat" : shown.length + " resultaten";
    if (outcome.suggestion) {
      status.textContent = "Geen resultaten voor \u201c" + query + "\u201d. " + count + " voor woorden die erop lijken.";
      suggest(outcome.suggestion);
    } else {
      var partial = shown.length - outcome.complete;
      status.textContent = !outcome.allWords
        ? "Geen pagina bevat alle woorden. " + count + " met een of meer van de woorden uit \u201c" + query + "\u201d."
        : partial > 0
          ? count + " voor \u201c" + query + "\u201d: eerst " + outcome.complete + " met alle woorden, dan " + partial + " met een deel ervan."
          : count + " voor \u201c" + query + "\u201d.";
    }
    renderMore(null);
    if (shown.length > PAGE_SIZE) {
      var button = document.createElement("button");
      button.type = "button";
      button.id = "search-more";
      button.className = "md-button";
      button.textContent = "Meer resultaten tonen";
      button.addEventListener("click", function () { renderMore(button); });
      list.insertAdjacentElement("afterend", button);
    }
  }

  function remember(query) {
    try {
      var url = new URL(window.location.href);
      url.searchParams.set("q", query);
      window.history.replaceState(null, "", url.toString());
    } catch (e) { /* some file:// setups refuse history changes; the results still show */ }
  }

  // After a search (here, or in the header of any page), focus goes to the count, so a
  // screen reader reads it and the results follow; typing alone leaves the focus alone.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    remember(input.value);
    run(input.value);
    status.focus();
  });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { remember(input.value); run(input.value); }, 200);
  });

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  run(initial);
  if (initial) { status.focus(); } else { input.focus(); }
})();
