/* Search as you type in the header of every page: the search box is a combobox (the ARIA 1.2
   pattern, list popup) whose list shows the best results while you type. Arrow keys move
   through the list, Enter opens the chosen page, Escape closes the list (and, when it is
   closed, empties the box). Enter without a choice sends the form: zoeken.html?q=... with
   every result. The index is loaded the first time the box gets focus (plain <script>
   files, because fetch does not work from file://). */
(function () {
  "use strict";

  var SHOWN = 7;  // results under the box; all of them are on the results page
  var form = document.querySelector(".mk-header-search");
  var input = document.getElementById("mk-header-query");
  if (!form || !input) { return; }
  var base = new URL(".", form.action).href;  // result URLs are relative to the site's root

  var list = document.createElement("ul");
  list.id = "mk-header-results";
  list.className = "mk-header-results";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Zoekresultaten");
  list.hidden = true;
  var status = document.createElement("p");
  status.className = "mk-visually-hidden";
  status.setAttribute("role", "status");
  form.appendChild(list);
  form.appendChild(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  var searcher = null;
  var loading = false;
  var options = [];   // [{url, element}]
  var active = -1;

  /* ---- the index, loaded once ---- */

  function ready() {
    return window.MenukaartSearch && window.MENUKAART_INDEX && window.MENUKAART_DOCS;
  }

  function load() {
    if (searcher || loading) { return; }
    if (ready()) { start(); return; }
    loading = true;
    var present = Array.prototype.map.call(document.scripts, function (s) { return s.src; });
    var scripts = form.dataset.scripts.split(" ").map(function (src) { return new URL(src, document.baseURI).href; })
      .filter(function (src) { return present.indexOf(src) < 0; });
    (function next(i) {
      if (i === scripts.length) { loading = false; start(); return; }
      var script = document.createElement("script");
      script.src = scripts[i];
      script.onload = function () { next(i + 1); };
      script.onerror = function () { loading = false; status.textContent = "De zoekindex kon niet worden geladen."; };
      document.body.appendChild(script);
    })(0);
  }

  function start() {
    if (!ready()) { return; }
    searcher = new window.MenukaartSearch.Searcher(window.MENUKAART_INDEX, window.MENUKAART_DOCS);
    if (document.activeElement === input && input.value.trim()) { update(); }
  }

  /* ---- the list ---- */

  function open(isOpen) {
    list.hidden = !isOpen;
    input.setAttribute("aria-expanded", isOpen ? "true" : "false");
    if (!isOpen) { choose(-1); }
  }

  function choose(i) {
    if (active >= 0 && options[active]) { options[active].element.setAttribute("aria-selected", "false"); }
    active = i;
    if (i < 0) { input.removeAttribute("aria-activedescendant"); return; }
    var element = options[i].element;
    element.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", element.id);
    element.scrollIntoView({ block: "nearest" });
  }

  function option(i, url, title, kind, pieces) {
    var li = document.createElement("li");
    li.id = "mk-header-result-" + i;
    li.className = "mk-header-results__option";
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    var name = document.createElement("span");
    name.className = "mk-header-results__title";
    if (pieces) { window.MenukaartSearch.appendHighlighted(name, pieces); } else { name.textContent = title; }
    li.appendChild(name);
    if (kind) {
      var label = document.createElement("span");
      label.className = "mk-header-results__kind";
      label.textContent = kind;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(label);
    }
    // The mouse chooses without taking the focus from the box.
    li.addEventListener("mousedown", function (event) { event.preventDefault(); });
    li.addEventListener("click", function () { go(url); });
    list.appendChild(li);
    options.push({ url: url, element: li });
  }

  function update() {
    var query = input.value.trim();
    list.textContent = "";
    options = [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (!query) { open(false); status.textContent = ""; return; }
    if (!searcher) { load(); status.textContent = "Zoekindex laden\u2026"; return; }
    var outcome = searcher.search(query);
    var results = outcome.results.slice(0, SHOWN);
    results.forEach(function (r, i) {
      option(i, new URL(r.url, base).href, r.title, r.kind, searcher.highlight(r.title, outcome.terms));
    });
    var all = new URL("zoeken.html?q=" + encodeURIComponent(query), base).href;
    var count = outcome.results.length;
    option(results.length, all, count > 1
      ? "Alle " + count + " resultaten voor \u201c" + query + "\u201d"
      : "Naar de zoekpagina voor \u201c" + query + "\u201d", "", null);
    open(true);
    status.textContent = !count ? "Geen resultaten. Enter opent de zoekpagina."
      : (outcome.suggestion ? "Bedoelde u " + outcome.suggestion + "? " : "")
        + (count === 1 ? "1 resultaat" : count + " resultaten") + ". Kies met pijltje omlaag, open met Enter.";
  }

  function go(url) {
    open(false);
    window.location.href = url;
  }

  /* ---- keys and focus ---- */

  input.addEventListener("focus", load);
  input.addEventListener("input", update);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden) {
        if (!input.value.trim()) { return; }
        update();  // opens the list; Alt+arrow only opens it
        if (event.altKey) { return; }
      }
      var n = options.length;
      if (!n) { return; }
      var down = event.key === "ArrowDown";
      choose(active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : n - 1)) % n);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      go(options[active].url);
    } else if (event.key === "Escape") {
      if (!list.hidden) { event.preventDefault(); open(false); } else if (input.value) { event.preventDefault(); input.value = ""; update(); }
    }
  });
  input.addEventListener("blur", function () { open(false); });
})();
