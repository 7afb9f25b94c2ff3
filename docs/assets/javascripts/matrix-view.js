/* Coverage views on the barrier matrix (barrieremodel.html?partner=...&soort=...).
   Pick a partner or a category: each barrier then counts only the measures of that
   partner or category, and barriers without one are marked as gaps, as the ATT&CK
   Navigator colours techniques by coverage. The counts link to the filtered menukaart. */
(function () {
  "use strict";

  var form = document.getElementById("mk-matrix-view");
  var data = window.MENUKAART_FACETS;
  if (!form || !data) { return; }
  var status = document.getElementById("mk-matrix-status");
  var selects = { partner: document.getElementById("mk-view-partner"), soort: document.getElementById("mk-view-soort") };
  var facetOf = {};
  data.facets.forEach(function (facet, f) { facetOf[facet.key] = f; });
  var barrierFacet = facetOf.barriere;
  var cells = Array.prototype.slice.call(document.querySelectorAll(".mk-matrix__cell[data-barrier]"));
  var prefix = "menukaart.html";

  function valueIndex(key, id) {
    var values = data.facets[facetOf[key]].values;
    for (var v = 0; v < values.length; v++) { if (values[v][0] === id) { return v; } }
    return -1;
  }

  function chosen() {
    var picks = [];
    ["partner", "soort"].forEach(function (key) {
      var id = selects[key].value;
      if (id) {
        picks.push({ key: key, id: id, index: valueIndex(key, id),
                     label: selects[key].options[selects[key].selectedIndex].text });
      }
    });
    return picks;
  }

  function countPerBarrier(picks) {
    var counts = Object.create(null);
    data.measures.forEach(function (m) {
      var values = m[1];
      var fits = picks.every(function (p) { return values[facetOf[p.key]].indexOf(p.index) >= 0; });
      if (!fits) { return; }
      values[barrierFacet].forEach(function (b) {
        var id = data.facets[barrierFacet].values[b][0];
        counts[id] = (counts[id] || 0) + 1;
      });
    });
    return counts;
  }

  function filteredLink(barrier, picks) {
    var parts = ["barriere=" + encodeURIComponent(barrier)];
    picks.forEach(function (p) { parts.push(p.key + "=" + encodeURIComponent(p.id)); });
    return prefix + "?" + parts.join("&");
  }

  function hidden(text) {
    var span = document.createElement("span");
    span.className = "mk-visually-hidden";
    span.textContent = text;
    return span;
  }

  function show() {
    var picks = chosen();
    var counts = countPerBarrier(picks);
    var covered = 0;
    var who = picks.length ? picks.map(function (p) { return p.label; }).join(" en ") : "Alle maatregelen";
    cells.forEach(function (cell) {
      var id = cell.dataset.barrier;
      var n = counts[id] || 0;
      if (n) { covered++; }
      var text = n === 0 ? "Witte vlek: geen maatregel" : n === 1 ? "1 maatregel" : n + " maatregelen";
      var href = n ? filteredLink(id, picks) : null;
      var state = text + " " + href;
      if (cell.dataset.shown === state) { return; }  // touch only what changed
      cell.dataset.shown = state;
      var badge = document.createElement(n ? "a" : "span");
      badge.className = "mk-count" + (n ? "" : " mk-count--gap");
      badge.textContent = text;
      if (href) {
        // The link's name says what it opens, not only "5 maatregelen".
        badge.href = href;
        var name = cell.querySelector("a").textContent;
        badge.appendChild(hidden(" voor de barrière \u2018" + name + "\u2019" + (picks.length ? " (" + who + ")" : "") + " in de menukaart"));
      }
      cell.querySelector(".mk-count").replaceWith(badge);
      cell.classList.toggle("mk-matrix__cell--gap", n === 0);
    });
    var gaps = cells.length - covered;
    status.textContent = who + ": " + covered + " van de " + cells.length + (cells.length === 1 ? " barrière" : " barrières") +
      " gedekt, " + gaps + (gaps === 1 ? " witte vlek." : " witte vlekken.");
    remember(picks);
  }

  function remember(picks) {
    var search = picks.length ? "?" + picks.map(function (p) { return p.key + "=" + encodeURIComponent(p.id); }).join("&") : "";
    if (search === window.location.search) { return; }
    try {
      window.history.replaceState(null, "", window.location.pathname + search);
    } catch (e) { /* some file:// setups refuse history changes; the view still works */ }
  }

  var params = new URLSearchParams(window.location.search);
  Object.keys(selects).forEach(function (key) {
    var wanted = params.get(key);
    if (wanted && selects[key].querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
      selects[key].value = wanted;
    }
    selects[key].addEventListener("change", show);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  show();
})();
