/* The plan van aanpak (plan.html): the current plan's items grouped by phase and barrier,
   with each measure's legal basis and competent authority from the catalogue and the
   reader's own status, responsible partner, date and note; the partners the plan needs,
   listed once; the plan's coverage on the barrier model; several plans side by side, saved
   as and opened from a file. Everything stays in this browser (plan-store.js). */
/* plan-store.js comes with every page, after the page's own scripts: start once it is there. */
(function (start) {
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})(function () {
  "use strict";

  var store = window.MenukaartPlan;
  var files = window.MenukaartPlanFile;
  var data = window.MENUKAART_PLAN_DATA;
  var rules = data.rules;
  var statusLabel = new Map(rules.statuses);
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december"];
  var EDITION = { "public": "openbare editie", "internal": "interne editie" };
  var REJECTED = "afgewezen";
  // The largest plan the schema allows is a few MB; anything far beyond it is not read at all.
  var LARGEST_FILE = 10 * 1024 * 1024;

  var root = document.getElementById("mk-plan");
  var choice = document.getElementById("mk-plan-choice");
  var titleInput = document.getElementById("mk-plan-title");
  var printTitle = document.getElementById("mk-plan-print-title");
  var meta = document.getElementById("mk-plan-meta");
  var message = document.getElementById("mk-plan-message");
  var itemsBox = document.getElementById("mk-plan-items");
  var partnersBox = document.getElementById("mk-plan-partners");
  var coverageBox = document.getElementById("mk-plan-coverage");
  var coverageStatus = document.getElementById("mk-plan-coverage-status");
  var fileInput = document.getElementById("mk-plan-file");
  var confirmBox = document.getElementById("mk-plan-confirm");
  var writing = false;   // this page is changing the store: its own change needs no new drawing

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function link(url, text) {
    var a = el("a", "", text);
    a.href = url;
    return a;
  }

  function dateNl(value) {
    if (!value) { return ""; }
    var p = value.split("-");
    return Number(p[2]) + " " + MONTHS[Number(p[1]) - 1] + " " + p[0];
  }

  var today = store.today;

  function own(fn) {
    writing = true;
    try { return fn(); } finally { writing = false; }
  }

  function say(text, problem) {
    message.textContent = text;
    message.classList.toggle("mk-plan__message--problem", Boolean(problem));
  }

  function plan() { return store.current() || { key: null, title: "", items: [], created: "", changed: "" }; }

  /* ---- the catalogue's side of an item ---- */

  function measure(id) { var i = files.index("measure", id); return i === undefined ? null : data.measures[i]; }
  function barrier(id) { var i = files.index("barrier", id); return i === undefined ? null : data.barriers[i]; }
  function entryOf(item) { return item.kind === "measure" ? measure(item.id) : barrier(item.id); }
  function partnerLabel(index) { return data.partners[index][1]; }
  function partnerIndex(id) {
    for (var i = 0; i < data.partners.length; i++) { if (data.partners[i][0] === id) { return i; } }
    return -1;
  }

  /* ---- plans side by side ---- */

  function showChoice() {
    var state = store.state();
    var current = store.current();
    choice.textContent = "";
    if (!state.plans.length) {
      choice.appendChild(el("option", "", "Nog geen plan"));
      choice.disabled = true;
      return;
    }
    choice.disabled = false;
    state.plans.forEach(function (p) {
      var option = el("option", "", store.name(p) + " (" + p.items.length + (p.items.length === 1 ? " onderdeel)" : " onderdelen)"));
      option.value = p.key;
      option.selected = current && p.key === current.key;
      choice.appendChild(option);
    });
  }

  function showHead() {
    var p = plan();
    if (document.activeElement !== titleInput) { titleInput.value = p.title; }
    printTitle.textContent = "Plan van aanpak: " + store.name(p);
    document.getElementById("mk-plan-printed").textContent = "Afgedrukt op " + dateNl(today()) + ".";
    var parts = [];
    if (p.created) { parts.push("Gemaakt op " + dateNl(p.created)); }
    if (p.changed) { parts.push("laatst gewijzigd op " + dateNl(p.changed)); }
    parts.push("menukaart uitgave " + data.release.number + " van " + dateNl(data.release.date) + ", " +
               EDITION[data.release.edition]);
    meta.textContent = parts.join(" \u00b7 ") + ".";
  }

  /* ---- the items, grouped by phase and barrier ---- */

  function groups(items) {
    var inPlanBarriers = new Set();
    items.forEach(function (item) { if (item.kind === "barrier" && barrier(item.id)) { inPlanBarriers.add(files.index("barrier", item.id)); } });
    var byBarrier = new Map();   // barrier index (or -1: none) → {barrierItem, measures: [item]}
    var missing = [];
    function group(b) {
      if (!byBarrier.has(b)) { byBarrier.set(b, { barrierItem: null, measures: [] }); }
      return byBarrier.get(b);
    }
    items.forEach(function (item) {
      var entry = entryOf(item);
      if (!entry) { missing.push(item); return; }
      if (item.kind === "barrier") { group(files.index("barrier", item.id)).barrierItem = item; return; }
      var raised = entry[3];
      var planned = raised.filter(function (b) { return inPlanBarriers.has(b); });
      var home = planned.length ? Math.min.apply(null, planned) : raised.length ? Math.min.apply(null, raised) : -1;
      group(home).measures.push(item);
    });
    var order = Array.from(byBarrier.keys()).sort(function (a, b) { return (a < 0 ? 1e9 : a) - (b < 0 ? 1e9 : b); });
    return { order: order, byBarrier: byBarrier, missing: missing };
  }

  var counter = 0;

  function controls(item, headingId) {
    var box = el("div", "mk-plan-item__fields mk-no-print");
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", headingId);
    var n = ++counter;

    function field(labelText, control, wide) {
      var wrap = el("div", "mk-plan-item__field" + (wide ? " mk-plan-item__field--wide" : ""));
      control.id = "mk-item-" + n + "-" + labelText.toLowerCase().replace(/[^a-z]+/g, "-");
      var label = el("label", "", labelText);
      label.htmlFor = control.id;
      wrap.appendChild(label);
      wrap.appendChild(control);
      box.appendChild(wrap);
      return control;
    }

    var status = field("Status", choices(rules.statuses, item.status));
    var partner = field("Verantwoordelijke partner", choices([["", "Nog niet gekozen"]].concat(data.partners), item.partner || ""));
    var date = el("input");
    date.type = "date";
    date.value = item.date || "";
    field("Datum", date);
    var note = el("textarea");
    note.rows = 2;
    note.maxLength = rules.noteMaxLength;
    note.value = item.note || "";
    field("Notitie", note, true);

    function save(name, value) {
      var fields = {};
      fields[name] = value;
      own(function () { store.update(item.kind, item.id, fields); });
      item[name] = value;
      if (!value) { delete item[name]; }
      summary.textContent = summaryText(item);
      showChoice();
      showHead();
      showPartners();
      showCoverage();
    }
    status.addEventListener("change", function () { save("status", status.value); });
    partner.addEventListener("change", function () { save("partner", partner.value); });
    date.addEventListener("change", function () { save("date", date.value && files.isDate(date.value) ? date.value : ""); });
    note.addEventListener("input", function () { save("note", note.value); });

    var remove = el("button", "md-button mk-plan-item__remove");
    remove.type = "button";
    remove.appendChild(document.createTextNode("Uit plan halen"));
    remove.appendChild(el("span", "mk-visually-hidden", ": " + nameOf(item)));
    remove.addEventListener("click", function () { removeItem(item); });
    box.appendChild(remove);

    var summary = el("p", "mk-plan-item__summary mk-print-only", summaryText(item));
    return [box, summary];
  }

  /* A list to choose from: [value, label, ...] pairs, `chosen` selected. */
  function choices(values, chosen) {
    var select = el("select");
    values.forEach(function (v) {
      var option = el("option", "", v[1]);
      option.value = v[0];
      option.selected = v[0] === chosen;
      select.appendChild(option);
    });
    return select;
  }

  function summaryText(item) {
    var parts = ["Status: " + statusLabel.get(item.status)];
    var p = item.partner ? partnerIndex(item.partner) : -1;
    parts.push("Verantwoordelijk: " + (p >= 0 ? partnerLabel(p) : "nog niet gekozen"));
    if (item.date) { parts.push("Datum: " + dateNl(item.date)); }
    return parts.join(". ") + "." + (item.note ? " Notitie: " + item.note : "");
  }

  function nameOf(item) {
    var entry = entryOf(item);
    if (entry) { return entry[1]; }
    return item.internal && data.release.edition !== "internal" ? "interne " + kindWord(item) : kindWord(item) + " " + item.id;
  }

  function kindWord(item) { return item.kind === "measure" ? "maatregel" : "barrière"; }

  function measureArticle(item) {
    var m = measure(item.id);
    var article = el("article", "mk-plan-item mk-plan-item--" + item.status);
    var headingId = "mk-plan-item-" + (counter + 1) + "-titel";
    var heading = el("h5", "mk-plan-item__title");
    heading.id = headingId;
    heading.appendChild(link(m[2], m[1]));
    if (m[8]) { heading.appendChild(document.createTextNode(" ")); heading.appendChild(el("span", "mk-badge mk-badge--internal", "intern")); }
    article.appendChild(heading);
    var facts = el("dl", "mk-plan-item__facts");
    function fact(term, value) {
      facts.appendChild(el("dt", "", term));
      var dd = el("dd");
      if (typeof value === "string") { dd.textContent = value; } else { dd.appendChild(value); }
      facts.appendChild(dd);
    }
    fact("Soort", m[7]);
    var authority = el("span");
    authority.appendChild(link(data.partners[m[4]][2], partnerLabel(m[4])));
    if (m[5]) { authority.appendChild(document.createTextNode(": " + m[5])); }
    fact("Bevoegd gezag", authority);
    fact("Wettelijke grondslag", m[6].length ? m[6].join("; ") : "geen specifieke wettelijke grondslag");
    var others = m[3].map(function (b) { return data.barriers[b][1]; });
    if (others.length > 1) { fact("Werpt op", others.join("; ")); }
    article.appendChild(facts);
    var parts = controls(item, headingId);
    article.appendChild(parts[0]);
    article.appendChild(parts[1]);
    return article;
  }

  function showItems() {
    counter = 0;
    itemsBox.textContent = "";
    var p = plan();
    if (!p.items.length) {
      var emptyLine = el("p", "mk-plan__empty");
      emptyLine.appendChild(document.createTextNode("Dit plan is nog leeg. Voeg maatregelen en barrières toe vanuit de "));
      emptyLine.appendChild(link("signalenwijzer.html", "signalenwijzer"));
      emptyLine.appendChild(document.createTextNode(", de "));
      emptyLine.appendChild(link("menukaart.html", "menukaart"));
      emptyLine.appendChild(document.createTextNode(" of de pagina van een maatregel."));
      itemsBox.appendChild(emptyLine);
      return;
    }
    var g = groups(p.items);
    var phaseShown = -2;
    g.order.forEach(function (b) {
      var group = g.byBarrier.get(b);
      var phase = b >= 0 ? data.barriers[b][3] : -1;
      if (phase !== phaseShown) {
        phaseShown = phase;
        var h3 = el("h3", "mk-plan__phase");
        if (phase >= 0) { h3.appendChild(link(data.phases[phase][2], data.phases[phase][1])); }
        else { h3.textContent = "Zonder barrière"; }
        itemsBox.appendChild(h3);
      }
      var section = el("section", "mk-plan__barrier");
      if (b >= 0) {
        var bar = data.barriers[b];
        var headingId = "mk-plan-barriere-" + (counter + 1);
        var h4 = el("h4", "mk-plan__barrier-title");
        h4.id = headingId;
        h4.appendChild(document.createTextNode("Barrière: "));
        h4.appendChild(link(bar[2], bar[1]));
        if (bar[5]) { h4.appendChild(document.createTextNode(" ")); h4.appendChild(el("span", "mk-badge mk-badge--internal", "intern")); }
        section.appendChild(h4);
        if (group.barrierItem) {
          var parts = controls(group.barrierItem, headingId);
          section.appendChild(parts[0]);
          section.appendChild(parts[1]);
        } else {
          section.appendChild(el("p", "mk-plan__note", "Deze barrière staat niet zelf in het plan; de maatregelen hieronder werpen haar op."));
        }
      }
      group.measures.forEach(function (item) { section.appendChild(measureArticle(item)); });
      itemsBox.appendChild(section);
    });
    if (g.missing.length) { itemsBox.appendChild(missingSection(g.missing)); }
  }

  /* Items this release does not show: internal ones in the public edition (no title: the
     public site does not know it), and ids that no longer exist. */
  function missingSection(items) {
    var section = el("section", "mk-plan__missing");
    section.appendChild(el("h3", "", "Niet beschikbaar in deze menukaart"));
    var list = el("ul");
    items.forEach(function (item) {
      var li = el("li");
      var text = item.internal && data.release.edition !== "internal"
        ? "Een interne " + kindWord(item) + ": alleen te zien in de interne editie van de menukaart."
        : "De " + kindWord(item) + " \u2018" + item.id + "\u2019 bestaat niet meer in uitgave " + data.release.number + " van de menukaart.";
      li.appendChild(document.createTextNode(text + " Status: " + statusLabel.get(item.status) + ". "));
      var remove = el("button", "md-button mk-no-print");
      remove.type = "button";
      remove.appendChild(document.createTextNode("Uit plan halen"));
      remove.appendChild(el("span", "mk-visually-hidden", ": " + nameOf(item)));
      remove.addEventListener("click", function () { removeItem(item); });
      li.appendChild(remove);
      list.appendChild(li);
    });
    section.appendChild(list);
    return section;
  }

  function removeItem(item) {
    var name = nameOf(item);
    own(function () { store.remove(item.kind, item.id); });
    showAll();
    say("Uit het plan gehaald: " + name + ".");
    message.focus();
  }

  /* ---- the partners the plan needs, each once ---- */

  function showPartners() {
    partnersBox.textContent = "";
    var roles = new Map();   // partner index → {responsible: [names], authority: [names]}
    function role(index) {
      if (!roles.has(index)) { roles.set(index, { responsible: [], authority: [] }); }
      return roles.get(index);
    }
    plan().items.forEach(function (item) {
      var entry = entryOf(item);
      if (!entry || item.status === REJECTED) { return; }
      if (item.partner && partnerIndex(item.partner) >= 0) { role(partnerIndex(item.partner)).responsible.push(entry[1]); }
      if (item.kind === "measure") { role(entry[4]).authority.push(entry[1]); }
    });
    if (!roles.size) {
      partnersBox.appendChild(el("p", "", "Nog geen partners: voeg maatregelen toe en kies per onderdeel een verantwoordelijke partner."));
      return;
    }
    var list = el("ul", "mk-plan-partners");
    Array.from(roles.keys()).sort(function (a, b) { return a - b; }).forEach(function (index) {
      var r = roles.get(index);
      var li = el("li");
      li.appendChild(link(data.partners[index][2], partnerLabel(index)));
      var said = [];
      if (r.responsible.length) { said.push("verantwoordelijk voor " + r.responsible.join("; ")); }
      if (r.authority.length) { said.push("bevoegd gezag bij " + r.authority.join("; ")); }
      li.appendChild(document.createTextNode(": " + said.join("; ") + "."));
      list.appendChild(li);
    });
    partnersBox.appendChild(list);
  }

  /* ---- coverage on the barrier model ---- */

  function showCoverage() {
    var addressed = new Map();   // barrier index → measures in the plan that raise it
    plan().items.forEach(function (item) {
      var entry = entryOf(item);
      if (!entry || item.status === REJECTED) { return; }
      if (item.kind === "barrier") {
        var b = files.index("barrier", item.id);
        if (!addressed.has(b)) { addressed.set(b, 0); }
      } else {
        entry[3].forEach(function (b) { addressed.set(b, (addressed.get(b) || 0) + 1); });
      }
    });
    coverageBox.textContent = "";
    var phasesHit = new Set();
    data.phases.forEach(function (phase, p) {
      var section = el("section", "mk-plan-coverage__phase");
      var h3 = el("h3", "mk-plan-coverage__title");
      h3.appendChild(link(phase[2], phase[1]));
      section.appendChild(h3);
      var list = el("ul");
      data.barriers.forEach(function (b, i) {
        if (b[3] !== p) { return; }
        var n = addressed.get(i);
        var hit = n !== undefined;
        if (hit) { phasesHit.add(p); }
        var li = el("li", "mk-plan-coverage__cell mk-plan-coverage__cell--" + (hit ? "in" : "gap"));
        li.appendChild(link(b[2], b[1]));
        li.appendChild(el("span", "mk-plan-coverage__state",
          !hit ? "Niet in het plan" : n === 0 ? "In het plan (nog zonder maatregel)" : "In het plan: " + n + (n === 1 ? " maatregel" : " maatregelen")));
        list.appendChild(li);
      });
      if (!list.children.length) { return; }
      section.appendChild(list);
      coverageBox.appendChild(section);
    });
    var total = data.barriers.length;
    var gaps = total - addressed.size;
    coverageStatus.textContent = "Het plan pakt " + addressed.size + " van de " + total + (total === 1 ? " barrière" : " barrières") +
      " aan, in " + phasesHit.size + " van de " + data.phases.length + " fasen; " + gaps +
      (gaps === 1 ? " barrière is" : " barrières zijn") + " niet in het plan (afgewezen onderdelen tellen niet mee).";
  }

  function showAll() {
    showChoice();
    showHead();
    showItems();
    showPartners();
    showCoverage();
  }

  /* ---- plans: new, choose, wipe, save, open ---- */

  document.getElementById("mk-plan-new").addEventListener("click", function () {
    own(function () { store.create(""); });
    showAll();
    say("Nieuw plan gemaakt. Geef het een titel; maatregelen voegt u toe met \u201cAan plan toevoegen\u201d.");
    titleInput.focus();
  });

  choice.addEventListener("change", function () {
    own(function () { store.select(choice.value); });
    showAll();
    say("Getoond: het plan \u201c" + store.name(store.current()) + "\u201d.");
  });

  titleInput.addEventListener("input", function () {
    own(function () { store.setTitle(titleInput.value); });
    showChoice();
    showHead();
  });

  var wipe = document.getElementById("mk-plan-wipe");
  var confirmYes = document.getElementById("mk-plan-confirm-yes");
  var confirmNo = document.getElementById("mk-plan-confirm-no");
  wipe.addEventListener("click", function () {
    if (!store.current()) { say("Er is geen plan om te wissen."); message.focus(); return; }
    document.getElementById("mk-plan-confirm-text").textContent = "Het plan \u201c" + store.name(store.current()) +
      "\u201d wissen uit deze browser? Heeft u het als bestand opgeslagen, dan staat het daarna alleen nog in dat bestand.";
    confirmBox.hidden = false;
    confirmNo.focus();
  });
  confirmNo.addEventListener("click", function () { confirmBox.hidden = true; wipe.focus(); });
  confirmYes.addEventListener("click", function () {
    var name = store.name(store.current());
    own(function () { store.wipe(); });
    confirmBox.hidden = true;
    showAll();
    say("Het plan \u201c" + name + "\u201d is gewist uit deze browser.");
    message.focus();
  });

  document.getElementById("mk-plan-save").addEventListener("click", function () {
    var p = store.current();
    if (!p) { say("Er is nog geen plan om op te slaan."); message.focus(); return; }
    var blob = new Blob([files.write(p)], { type: "application/json" });
    var a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = files.fileName(p);
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
    say("Het plan is opgeslagen als bestand " + a.download + " (in de map voor downloads van uw browser).");
  });

  document.getElementById("mk-plan-open").addEventListener("click", function () { fileInput.click(); });
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) { return; }
    if (file.size > LARGEST_FILE) {
      say("Het bestand " + file.name + " is te groot voor een plan van aanpak. Het is niet geopend; er is niets veranderd.", true);
      fileInput.value = "";
      message.focus();
      return;
    }
    var reader = new FileReader();
    reader.onload = function () { opened(file.name, String(reader.result)); fileInput.value = ""; };
    reader.onerror = function () { say("Het bestand " + file.name + " kon niet worden gelezen. Er is niets veranderd.", true); message.focus(); };
    reader.readAsText(file);
  });

  function opened(name, text) {
    var outcome = files.read(text);
    if (outcome.problem) {
      say(outcome.problem + " Het bestand " + name + " is niet geopend; er is niets veranderd.", true);
      message.focus();
      return;
    }
    own(function () { store.create(outcome.title, outcome.items); });
    showAll();
    var r = outcome.release;
    var lines = ["Plan \u201c" + store.name(store.current()) + "\u201d geopend uit " + name + ": " + outcome.items.length +
      (outcome.items.length === 1 ? " onderdeel" : " onderdelen") + ", gemaakt met uitgave " + r.number + " van " +
      dateNl(r.date) + " (" + EDITION[r.edition] + ")."];
    lines = lines.concat(changes(outcome.report, outcome.items));
    say(lines.join(" "));
    message.focus();
  }

  /* What bringing a plan up to this release changed, in words. */
  function changes(report, items) {
    var lines = [];
    report.renamed.forEach(function (r) {
      var entry = r.kind === "measure" ? measure(r.to) : barrier(r.to);
      lines.push("De " + (r.kind === "measure" ? "maatregel" : "barrière") + " \u2018" + r.from + "\u2019 heet nu \u201c" + entry[1] + "\u201d.");
    });
    var missing = items.filter(function (item) { return !entryOf(item); });
    var hidden = missing.filter(function (item) { return item.internal && data.release.edition !== "internal"; });
    var gone = missing.filter(function (item) { return hidden.indexOf(item) < 0; });
    if (gone.length) {
      lines.push("Niet meer in deze menukaart: " + gone.map(function (item) { return "\u2018" + item.id + "\u2019"; }).join(", ") + ".");
    }
    if (hidden.length) {
      lines.push(hidden.length + (hidden.length === 1 ? " intern onderdeel is" : " interne onderdelen zijn") +
        " in de openbare editie niet beschikbaar.");
    }
    if (report.partners.length) {
      lines.push("Niet meer in de menukaart, dus leeggemaakt als verantwoordelijke partner: " +
        report.partners.map(function (p) { return "\u2018" + p + "\u2019"; }).join(", ") + ".");
    }
    return lines;
  }

  document.getElementById("mk-plan-print").addEventListener("click", function () { window.print(); });

  /* A plan kept from an earlier release: brought up to date when the page opens. */
  function bringUpToDate() {
    var p = store.current();
    if (!p) { return; }
    var outcome = files.normalise(p.items);
    if (JSON.stringify(outcome.items) !== JSON.stringify(p.items)) {
      own(function () { store.replaceItems(outcome.items); });
      var lines = changes(outcome.report, outcome.items);
      if (lines.length) { say("Dit plan is bijgewerkt naar uitgave " + data.release.number + " van de menukaart. " + lines.join(" ")); }
    }
  }

  store.onChange(function () { if (!writing) { showAll(); } });   // another tab, or a control on this page
  if (!store.persistent()) { document.getElementById("mk-plan-storage").hidden = false; }
  bringUpToDate();
  showAll();
  root.hidden = false;
});
