/* Abbreviations from the glossary (<abbr title="...">) explained on hover and on keyboard
   focus. The explanation goes in as text (textContent), never as HTML. The first time an
   abbreviation appears on a page it takes keyboard focus; more stops per abbreviation would
   make long pages tiresome to Tab through, and every occurrence still explains itself on
   hover and to screen readers (aria-describedby). The tooltip stays while the pointer is
   on it and closes with Escape (WCAG 1.4.13). */
(function () {
  "use strict";

  var abbrs = document.querySelectorAll(".md-content abbr[title]");
  if (!abbrs.length) { return; }
  var tips = new Map();        // abbreviation + meaning → its tooltip element
  var focusable = new Set();   // abbreviations that already have their keyboard stop
  var open = null;
  var closing = null;

  function tipFor(abbr, meaning) {
    var key = abbr.textContent + "\u0000" + meaning;
    var tip = tips.get(key);
    if (!tip) {
      tip = document.createElement("span");
      tip.className = "mk-tooltip";
      tip.id = "mk-afkorting-" + (tips.size + 1);
      tip.setAttribute("role", "tooltip");
      tip.textContent = meaning;
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { window.clearTimeout(closing); });
      tip.addEventListener("mouseleave", hideSoon);
      document.body.appendChild(tip);
      tips.set(key, tip);
    }
    return tip;
  }

  function show(abbr, tip) {
    window.clearTimeout(closing);
    if (open && open !== tip) { open.hidden = true; }
    tip.hidden = false;
    open = tip;
    var box = abbr.getBoundingClientRect();
    var room = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left, room - tip.offsetWidth - 8));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 4) + "px";
  }

  function hide() {
    window.clearTimeout(closing);
    if (open) { open.hidden = true; open = null; }
  }

  function hideSoon() {
    window.clearTimeout(closing);
    closing = window.setTimeout(hide, 300);   // time to move the pointer onto the tooltip
  }

  Array.prototype.forEach.call(abbrs, function (abbr) {
    var meaning = abbr.getAttribute("title");
    var tip = tipFor(abbr, meaning);
    abbr.removeAttribute("title");             // one explanation, not the browser's and ours
    abbr.setAttribute("aria-describedby", tip.id);
    var name = abbr.textContent;
    if (!focusable.has(name) && !abbr.closest("a, button, label, summary")) {
      abbr.tabIndex = 0;
      focusable.add(name);
    }
    abbr.addEventListener("mouseenter", function () { show(abbr, tip); });
    abbr.addEventListener("mouseleave", hideSoon);
    abbr.addEventListener("focus", function () { show(abbr, tip); });
    abbr.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) { hide(); }
  });
})();
