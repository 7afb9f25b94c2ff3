/* The plans of the case workspace, kept in this browser only (localStorage), and the
   "Aan plan toevoegen" control that every measure and barrier page, the menukaart's
   results and the signalenwijzer show. Nothing is sent anywhere: the site has no server.

   Several plans can live side by side; one is the current plan, which the controls add to.
   A plan item holds ids and the reader's own choices only (status, partner, date, note);
   titles come from the catalogue. The item fields are those of the plan file
   (schema/plan.schema.json), so a stored plan is saved as a file as it is. */
(function () {
  "use strict";

  var KEY = "menukaart-mensensmokkel-plannen";
  var FIRST_STATUS = "overwegen";
  var listeners = [];
  var memory = null;          // when the browser keeps nothing (storage blocked): this page only
  // The site's root, from this script's own address: the plan page is found from any folder.
  var here = document.currentScript && document.currentScript.src;
  var root = here ? here.replace(/assets\/javascripts\/plan-store\.js(\?.*)?$/, "") : "";

  function empty() { return { version: 1, current: null, plans: [] }; }

  function storage() {
    try {
      var store = window.localStorage;
      var probe = KEY + "-probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (e) { return null; }
  }

  function read() {
    if (memory) { return memory; }
    var store = storage();
    if (!store) { memory = empty(); return memory; }
    try {
      var state = JSON.parse(store.getItem(KEY) || "null");
      if (state && Array.isArray(state.plans)) { return state; }
    } catch (e) { /* a damaged entry is replaced by the next change */ }
    return empty();
  }

  function write(state) {
    var store = memory ? null : storage();
    if (store) {
      try { store.setItem(KEY, JSON.stringify(state)); } catch (e) { memory = state; }
    } else { memory = state; }
    listeners.forEach(function (listener) { listener(); });
  }

  /* Today in this computer's time zone, as YYYY-MM-DD (the plan's dates and its file's). */
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function newKey(state) {
    var n = state.plans.length + 1;
    var taken = new Set(state.plans.map(function (p) { return p.key; }));
    while (taken.has("plan-" + n)) { n++; }
    return "plan-" + n;
  }

  function findPlan(state, key) {
    for (var i = 0; i < state.plans.length; i++) { if (state.plans[i].key === key) { return state.plans[i]; } }
    return null;
  }

  function current(state) {
    return findPlan(state, state.current) || state.plans[0] || null;
  }

  function createPlan(state, title, items) {
    var plan = { key: newKey(state), title: title || "", created: today(), changed: today(), items: items || [] };
    state.plans.push(plan);
    state.current = plan.key;
    return plan;
  }

  function indexOf(plan, kind, id) {
    for (var i = 0; i < plan.items.length; i++) {
      if (plan.items[i].kind === kind && plan.items[i].id === id) { return i; }
    }
    return -1;
  }

  /* Every change: read the newest state (another tab may have changed it), change, write. */
  function change(fn) {
    var state = read();
    var result = fn(state);
    var plan = current(state);
    if (plan) { plan.changed = today(); }
    write(state);
    return result;
  }

  var api = {
    persistent: function () { return !memory && storage() !== null; },
    state: read,
    current: function () { return current(read()); },
    pageUrl: function () { return root + "plan.html"; },
    today: today,
    onChange: function (listener) { listeners.push(listener); },
    has: function (kind, id) {
      var plan = current(read());
      return Boolean(plan) && indexOf(plan, kind, id) >= 0;
    },
    add: function (kind, id, internal) {
      return change(function (state) {
        var plan = current(state) || createPlan(state, "");
        state.current = plan.key;
        if (indexOf(plan, kind, id) < 0) {
          var item = { kind: kind, id: id, status: FIRST_STATUS };
          if (internal) { item.internal = true; }
          plan.items.push(item);
        }
        return plan;
      });
    },
    remove: function (kind, id) {
      change(function (state) {
        var plan = current(state);
        var i = plan ? indexOf(plan, kind, id) : -1;
        if (i >= 0) { plan.items.splice(i, 1); }
      });
    },
    /* Set (or, with an empty value, clear) the reader's fields of one item. */
    update: function (kind, id, fields) {
      change(function (state) {
        var plan = current(state);
        var i = plan ? indexOf(plan, kind, id) : -1;
        if (i < 0) { return; }
        Object.keys(fields).forEach(function (name) {
          if (fields[name] === "" || fields[name] === null || fields[name] === undefined) { delete plan.items[i][name]; }
          else { plan.items[i][name] = fields[name]; }
        });
      });
    },
    setTitle: function (title) {
      change(function (state) { var plan = current(state) || createPlan(state, ""); plan.title = title; });
    },
    replaceItems: function (items) {
      change(function (state) { var plan = current(state); if (plan) { plan.items = items; } });
    },
    create: function (title, items) {
      return change(function (state) { return createPlan(state, title, items); });
    },
    select: function (key) {
      var state = read();
      if (findPlan(state, key)) { state.current = key; write(state); }
    },
    wipe: function () {
      var state = read();  // not a change of a plan: the one shown next keeps its date
      var plan = current(state);
      if (!plan) { return; }
      state.plans = state.plans.filter(function (p) { return p !== plan; });
      state.current = state.plans.length ? state.plans[state.plans.length - 1].key : null;
      write(state);
    },
    /* How a plan is named in lists and messages. */
    name: function (plan) {
      return plan && plan.title.trim() ? plan.title.trim() : "Plan zonder titel";
    },
    control: control
  };

  /* ---- the "Aan plan toevoegen" control ---- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* A button that adds an entry to the current plan; once it is in, the control says so and
     the button takes it out again. `name` tells buttons in a list apart for screen readers. */
  function control(kind, id, name, internal, box) {
    box = box || el("div");
    box.classList.add("mk-plan-control", "mk-no-print");
    box.textContent = "";
    var button = el("button", "md-button mk-plan-control__button");
    button.type = "button";
    var said = el("span", "mk-plan-control__state");
    var link = el("a", "mk-plan-control__link", "Naar het plan");
    link.href = api.pageUrl();
    var status = el("span", "mk-visually-hidden");
    status.setAttribute("role", "status");
    box.appendChild(button);
    box.appendChild(said);
    box.appendChild(link);
    box.appendChild(status);

    function show() {
      var inPlan = api.has(kind, id);
      var plan = api.current();
      button.textContent = "";
      button.appendChild(document.createTextNode(inPlan ? "Uit plan halen" : "Aan plan toevoegen"));
      button.appendChild(el("span", "mk-visually-hidden", ": " + name));
      said.textContent = inPlan ? "Staat in het plan \u201c" + api.name(plan) + "\u201d." : "";
      link.hidden = !inPlan;
      box.classList.toggle("mk-plan-control--in", inPlan);
    }
    button.addEventListener("click", function () {
      if (api.has(kind, id)) {
        api.remove(kind, id);
        status.textContent = "Uit het plan gehaald: " + name + ".";
      } else {
        var plan = api.add(kind, id, internal);
        status.textContent = "Toegevoegd aan het plan \u201c" + api.name(plan) + "\u201d: " + name + ".";
      }
    });
    box.mkShow = show;
    controls.push(box);
    show();
    return box;
  }

  var controls = [];
  function refreshControls() {
    controls = controls.filter(function (box) { return box.isConnected; });
    controls.forEach(function (box) { box.mkShow(); });
  }
  listeners.push(refreshControls);
  // A change in another tab or page of the site.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) { listeners.forEach(function (listener) { listener(); }); }
  });

  window.MenukaartPlan = api;

  function enhance() {
    var boxes = document.querySelectorAll("[data-plan-kind]");
    Array.prototype.forEach.call(boxes, function (box) {
      control(box.dataset.planKind, box.dataset.planId, box.dataset.planName, box.dataset.planInternal === "1", box);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", enhance); } else { enhance(); }
})();
