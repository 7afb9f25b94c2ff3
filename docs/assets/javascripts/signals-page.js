/* The signalenwijzer (signalenwijzer.html): tick the signals seen in a case; the page shows
   the barriers they belong to and the measures that raise those barriers, those raising the
   most of them first, each with "Aan plan toevoegen". The ticked signals live in the address
   (?signalen=<barrier id>.<number>,...), like the menukaart's filters. */
/* plan-store.js comes with every page, after the page's own scripts: start once it is there. */
(function (start) {
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})(function () {
  "use strict";

  var PAGE_SIZE = 30;
  var data = window.MENUKAART_PLAN_DATA;
  var plan = window.MenukaartPlan;
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".mk-signals__barrier input[type=checkbox]"));
  var fieldsets = Array.prototype.slice.call(document.querySelectorAll(".mk-signals__barrier"));
  var phases = Array.prototype.slice.call(document.querySelectorAll(".mk-signals__phase"));
  var form = document.querySelector(".mk-signals__search");
  var queryInput = document.getElementById("mk-signal-query");
  var found = document.getElementById("mk-signals-found");
  var status = document.getElementById("mk-signals-status");
  var clear = document.getElementById("mk-signals-clear");
  var results = document.getElementById("mk-signals-results");
  var barrierList = document.getElementById("mk-signals-barriers");
  var measureList = document.getElementById("mk-signals-measures");
  var more = document.getElementById("mk-signals-more");
  var barrierIndex = new Map();
  data.barriers.forEach(function (b, i) { barrierIndex.set(b[0], i); });
  var measuresOf = data.barriers.map(function () { return 0; });
  data.measures.forEach(function (m) { m[3].forEach(function (b) { measuresOf[b]++; }); });
  var unknown = [];
  var ranked = [];
  var timer = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  /* ---- the outcome ---- */

  function ticked() { return boxes.filter(function (box) { return box.checked; }); }

  function outcome() {
    var perBarrier = new Map();    // barrier index → signals ticked
    ticked().forEach(function (box) {
      var b = barrierIndex.get(box.value.slice(0, box.value.lastIndexOf(".")));
      perBarrier.set(b, (perBarrier.get(b) || 0) + 1);
    });
    var measures = [];
    data.measures.forEach(function (m, i) {
      var hit = m[3].filter(function (b) { return perBarrier.has(b); });
      if (!hit.length) { return; }
      var weight = hit.reduce(function (sum, b) { return sum + perBarrier.get(b); }, 0);
      measures.push({ index: i, hit: hit, weight: weight });
    });
    // Best covered first: the most of the case's barriers, then the most ticked signals, then by title.
    measures.sort(function (a, b) {
      return b.hit.length - a.hit.length || b.weight - a.weight ||
        data.measures[a.index][1].localeCompare(data.measures[b.index][1], "nl");
    });
    var barriers = Array.from(perBarrier.keys()).sort(function (a, b) { return perBarrier.get(b) - perBarrier.get(a) || a - b; });
    return { perBarrier: perBarrier, barriers: barriers, measures: measures };
  }

  /* A result: its title as a link, and what kind of result it is. */
  function result(url, name, kind) {
    var li = el("li", "mk-search-result");
    var title = el("p", "mk-search-result__title");
    var a = el("a", "", name);
    a.href = url;
    title.appendChild(a);
    title.appendChild(document.createTextNode(" "));
    title.appendChild(el("span", "mk-search-result__kind", kind));
    li.appendChild(title);
    return li;
  }

  function barrierItem(b, signals) {
    var bar = data.barriers[b];
    var li = result(bar[2], bar[1], "Barri\u00e8re \u00b7 " + data.phases[bar[3]][1]);
    var n = measuresOf[b];
    li.appendChild(el("p", "mk-search-result__snippet",
      plural(signals, "signaal", "signalen") + " van de " + bar[4].length + " aangevinkt. " +
      (n ? plural(n, "maatregel", "maatregelen") + " op de menukaart werpen deze barri\u00e8re op." : "Witte vlek: geen maatregel op de menukaart werpt deze barri\u00e8re op.")));
    li.appendChild(plan.control("barrier", bar[0], bar[1], bar[5] === 1));
    return li;
  }

  function measureItem(found, total) {
    var m = data.measures[found.index];
    var li = result(m[2], m[1], m[7] + " \u00b7 bevoegd: " + data.partners[m[4]][1]);
    var names = found.hit.map(function (b) { return data.barriers[b][1]; });
    li.appendChild(el("p", "mk-search-result__snippet",
      "Werpt " + found.hit.length + " van de " + plural(total, "barri\u00e8re", "barri\u00e8res") + " op: " + names.join("; ") + "."));
    li.appendChild(plan.control("measure", m[0], m[1], m[8] === 1));
    return li;
  }

  function showMore() {
    var start = measureList.children.length;
    var fragment = document.createDocumentFragment();
    var total = barrierList.children.length;
    ranked.slice(start, start + PAGE_SIZE).forEach(function (f) { fragment.appendChild(measureItem(f, total)); });
    measureList.appendChild(fragment);
    more.hidden = measureList.children.length >= ranked.length;
  }

  function show() {
    var o = outcome();
    var count = ticked().length;
    barrierList.textContent = "";
    measureList.textContent = "";
    o.barriers.forEach(function (b) { barrierList.appendChild(barrierItem(b, o.perBarrier.get(b))); });
    ranked = o.measures;
    showMore();
    results.hidden = count === 0;
    clear.hidden = count === 0;
    var text = count === 0 ? "Vink een of meer signalen aan."
      : plural(count, "signaal", "signalen") + " aangevinkt, bij " + plural(o.barriers.length, "barri\u00e8re", "barri\u00e8res") +
        ". " + (o.measures.length ? plural(o.measures.length, "maatregel werpt", "maatregelen werpen") + " een of meer daarvan op."
                                  : "Geen maatregel op de menukaart werpt deze barri\u00e8res op.");
    if (unknown.length) { text += " Niet gevonden in deze menukaart, dus genegeerd: " + unknown.join(", ") + "."; }
    status.textContent = text;
    remember();
  }

  /* ---- finding a signal ---- */

  function filterList() {
    var words = fold(queryInput.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    boxes.forEach(function (box) {
      var item = box.parentNode;
      var text = item.dataset.folded || (item.dataset.folded = fold(item.textContent + " " + box.closest("fieldset").querySelector("legend").textContent));
      var match = box.checked || words.every(function (w) { return text.indexOf(w) >= 0; });
      item.hidden = !match;
      if (match) { shown++; }
    });
    fieldsets.forEach(function (fieldset) { fieldset.hidden = !fieldset.querySelector("li:not([hidden])"); });
    phases.forEach(function (phase) { phase.hidden = !phase.querySelector(".mk-signals__barrier:not([hidden])"); });
    found.textContent = words.length
      ? plural(shown, "signaal", "signalen") + " met \u201c" + queryInput.value.trim() + "\u201d (aangevinkte signalen blijven staan)."
      : plural(boxes.length, "signaal", "signalen") + " bij " + plural(fieldsets.length, "barri\u00e8re", "barri\u00e8res") + ".";
  }

  /* ---- the address ---- */

  function remember() {
    var values = ticked().map(function (box) { return encodeURIComponent(box.value); });
    var search = values.length ? "?signalen=" + values.join(",") : "";
    if (search === window.location.search) { return; }
    try {
      window.history.replaceState(null, "", window.location.pathname + search + window.location.hash);
    } catch (e) { /* some file:// setups refuse history changes; the page still works */ }
  }

  function restore() {
    var wanted = (new URLSearchParams(window.location.search).get("signalen") || "").split(",");
    var byValue = new Map(boxes.map(function (box) { return [box.value, box]; }));
    unknown = [];
    wanted.forEach(function (value) {
      value = value.trim();
      if (!value) { return; }
      var box = byValue.get(value);
      if (box) { box.checked = true; } else { unknown.push("\u2018" + value + "\u2019"); }
    });
  }

  boxes.forEach(function (box) {
    box.disabled = false;
    box.addEventListener("change", show);
  });
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); filterList(); });
  queryInput.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(filterList, 150);
  });
  clear.addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    unknown = [];
    show();
    filterList();
    status.focus();
  });
  more.addEventListener("click", showMore);
  restore();
  filterList();
  show();
});
