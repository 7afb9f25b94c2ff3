/* The plan file: writing a plan as JSON, and reading one back with the rules of its schema
   (schema/plan.schema.json, shipped as MENUKAART_PLAN_DATA.rules), so that a file that is not
   a plan, or is damaged, is refused as a whole, and a plan of an older release is brought
   up to date: renamed ids through former_ids, items that no longer exist listed. */
(function () {
  "use strict";

  var data = window.MENUKAART_PLAN_DATA;
  var rules = data.rules;
  var known = { measure: new Map(), barrier: new Map() };
  data.measures.forEach(function (m, i) { known.measure.set(m[0], i); });
  data.barriers.forEach(function (b, i) { known.barrier.set(b[0], i); });
  var partners = new Set(data.partners.map(function (p) { return p[0]; }));
  var idPattern = new RegExp(rules.idPattern);
  var datePattern = new RegExp(rules.datePattern);
  var statuses = new Set(rules.statuses.map(function (s) { return s[0]; }));
  var kinds = new Set(rules.kinds.map(function (k) { return k[0]; }));
  var itemFields = new Set(rules.itemFields);
  var topFields = new Set(rules.topFields);
  // A measure or barrier record: [id, title, url, ..., internal as the last value].
  function isInternal(kind, id) {
    var record = kind === "measure" ? data.measures[known.measure.get(id)] : data.barriers[known.barrier.get(id)];
    return record[record.length - 1] === 1;
  }

  // plan-store.js (on every page, loaded after this script) knows what day it is.
  function today() { return window.MenukaartPlan.today(); }

  function isDate(value) {
    if (typeof value !== "string" || !datePattern.test(value)) { return false; }
    var d = new Date(value + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === value;
  }

  function isId(value) {
    return typeof value === "string" && value.length <= rules.idMaxLength && idPattern.test(value);
  }

  function plain(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  /* What is wrong with one item, or "" (the schema's rules, in words). */
  function itemProblem(item) {
    if (!plain(item)) { return "is geen onderdeel"; }
    var extra = Object.keys(item).filter(function (k) { return !itemFields.has(k); });
    if (extra.length) { return "onbekend veld \u2018" + extra[0] + "\u2019"; }
    var missing = rules.requiredItemFields.filter(function (k) { return !(k in item); });
    if (missing.length) { return "veld \u2018" + missing[0] + "\u2019 ontbreekt"; }
    if (!kinds.has(item.kind)) { return "soort \u2018" + String(item.kind) + "\u2019 bestaat niet"; }
    if (!isId(item.id)) { return "ongeldige id"; }
    if (!statuses.has(item.status)) { return "status \u2018" + String(item.status) + "\u2019 bestaat niet"; }
    if ("partner" in item && !isId(item.partner)) { return "ongeldige partner"; }
    if ("date" in item && !isDate(item.date)) { return "ongeldige datum (verwacht JJJJ-MM-DD)"; }
    if ("note" in item && (typeof item.note !== "string" || item.note.length > rules.noteMaxLength)) {
      return "notitie is geen tekst of langer dan " + rules.noteMaxLength + " tekens";
    }
    if ("internal" in item && item.internal !== true) { return "ongeldige waarde bij \u2018internal\u2019"; }
    return "";
  }

  /* What is wrong with the whole file, or "". */
  function fileProblem(file) {
    if (!plain(file) || file.format !== rules.format) { return "Dit bestand is geen plan van de menukaart."; }
    if (typeof file.version === "number" && file.version > rules.version) {
      return "Dit plan is gemaakt met een nieuwere versie van de menukaart (bestandsversie " + file.version +
        "). Open het in die versie.";
    }
    if (file.version !== rules.version) { return "Dit plan heeft een onbekende bestandsversie."; }
    var extra = Object.keys(file).filter(function (k) { return !topFields.has(k); });
    if (extra.length) { return "Het plan is beschadigd: onbekend veld \u2018" + extra[0] + "\u2019."; }
    var missing = rules.requiredTopFields.filter(function (k) { return !(k in file); });
    if (missing.length) { return "Het plan is beschadigd: veld \u2018" + missing[0] + "\u2019 ontbreekt."; }
    var r = file.release;
    if (!plain(r) || !Number.isInteger(r.number) || r.number < 1 || !isDate(r.date) ||
        rules.editions.indexOf(r.edition) < 0 || Object.keys(r).length !== 3) {
      return "Het plan is beschadigd: de uitgave van de menukaart is onleesbaar.";
    }
    if (typeof file.title !== "string" || file.title.length > rules.titleMaxLength) {
      return "Het plan is beschadigd: de titel is geen tekst of te lang.";
    }
    if ("saved" in file && !isDate(file.saved)) { return "Het plan is beschadigd: de datum van opslaan is onleesbaar."; }
    if (!Array.isArray(file.items) || file.items.length > rules.maxItems) {
      return "Het plan is beschadigd: de lijst van onderdelen is onleesbaar.";
    }
    for (var i = 0; i < file.items.length; i++) {
      var problem = itemProblem(file.items[i]);
      if (problem) { return "Het plan is beschadigd: onderdeel " + (i + 1) + ": " + problem + "."; }
    }
    return "";
  }

  /* Items brought up to this release: renamed ids followed, doubles merged, the internal mark
     as this edition knows it; unknown partners cleared. Returns the items and what changed. */
  function normalise(items) {
    var report = { renamed: [], partners: [] };
    var seen = new Set();
    var result = [];
    items.forEach(function (original) {
      var item = {};
      rules.itemFields.forEach(function (k) { if (k in original) { item[k] = original[k]; } });
      var table = known[item.kind];
      if (!table.has(item.id) && data.renamed[item.kind][item.id]) {
        report.renamed.push({ kind: item.kind, from: item.id, to: data.renamed[item.kind][item.id] });
        item.id = data.renamed[item.kind][item.id];
      }
      if (table.has(item.id)) {
        if (isInternal(item.kind, item.id)) { item.internal = true; } else { delete item.internal; }
      }
      if (item.partner && !partners.has(item.partner) && data.renamed.partner[item.partner]) {
        item.partner = data.renamed.partner[item.partner];
      }
      if (item.partner && !partners.has(item.partner)) {
        report.partners.push(item.partner);
        delete item.partner;
      }
      var key = item.kind + " " + item.id;
      if (seen.has(key)) { return; }
      seen.add(key);
      result.push(item);
    });
    return { items: result, report: report };
  }

  /* The file of a plan: ids, statuses, partners, dates and notes, with the release it was made with. */
  function write(plan) {
    var file = {
      format: rules.format,
      version: rules.version,
      release: { number: data.release.number, date: data.release.date, edition: data.release.edition },
      title: plan.title,
      saved: today(),
      items: plan.items.map(function (item) {
        var out = {};
        rules.itemFields.forEach(function (k) { if (k in item) { out[k] = item[k]; } });
        return out;
      })
    };
    return JSON.stringify(file, null, 2) + "\n";
  }

  /* An opened file: {problem} when it cannot be opened, else {title, items, report, release}. */
  function read(text) {
    var file;
    try { file = JSON.parse(text); } catch (e) {
      return { problem: "Dit bestand is geen plan van de menukaart, of het is beschadigd (geen leesbare JSON)." };
    }
    var problem = fileProblem(file);
    if (problem) { return { problem: problem }; }
    var outcome = normalise(file.items);
    return { title: file.title, items: outcome.items, report: outcome.report, release: file.release };
  }

  function fileName(plan) {
    var slug = plan.title.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
    return "plan-" + (slug || "zonder-titel") + "-" + today() + ".json";
  }

  window.MenukaartPlanFile = { write: write, read: read, normalise: normalise, fileName: fileName, isDate: isDate,
                               known: function (kind, id) { return known[kind].has(id); },
                               index: function (kind, id) { return known[kind].get(id); } };
})();
