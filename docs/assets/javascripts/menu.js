/* The navigation menu on narrow screens and at high zoom (below 76.25em), where Material
   shows the navigation as a drawer. Material opens the drawer with a <label>, which a
   keyboard cannot reach; here a real button opens and closes it, says whether it is open
   (aria-expanded), moves focus into the drawer and back, keeps Tab inside it while it is
   open, and closes it with Escape or its own "Menu sluiten" button. The CSS keeps a closed
   drawer hidden, so its links take no focus. */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".mk-menu-button");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var nav = sidebar && sidebar.querySelector(".md-nav--primary");
  if (!toggle || !button || !nav) { return; }
  var drawerMode = window.matchMedia("(max-width: 76.234375em)");

  sidebar.id = sidebar.id || "mk-navigatie";
  button.setAttribute("aria-controls", sidebar.id);
  var close = document.createElement("button");
  close.type = "button";
  close.className = "md-button mk-drawer-close";
  close.textContent = "Menu sluiten";
  nav.insertBefore(close, nav.firstChild);

  function focusables() {
    return Array.prototype.filter.call(
      sidebar.querySelectorAll("a[href], button, input:not([type=checkbox]), [tabindex='0']"),
      function (el) { return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden"; });
  }

  function sync() { button.setAttribute("aria-expanded", String(toggle.checked && drawerMode.matches)); }

  function setOpen(open) {
    if (toggle.checked === open) { return; }
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));   // Material reacts to the drawer toggle too
    sync();
    if (open) {
      getComputedStyle(close).visibility;   // apply the drawer's new style first (Firefox), or the focus is refused
      close.focus();
    } else {
      button.focus();
    }
  }

  button.addEventListener("click", function () { setOpen(!toggle.checked); });
  close.addEventListener("click", function () { setOpen(false); });
  toggle.addEventListener("change", sync);       // the overlay still closes it on a click
  drawerMode.addEventListener("change", function () { if (!drawerMode.matches) { toggle.checked = false; } sync(); });
  document.addEventListener("keydown", function (event) {
    if (!toggle.checked || !drawerMode.matches) { return; }
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
    } else if (event.key === "Tab") {
      var stops = focusables();
      var inside = sidebar.contains(document.activeElement);
      var at = stops.indexOf(document.activeElement);
      var next = event.shiftKey ? (!inside || at === 0 ? stops.length - 1 : -1)
                                : (!inside || at === stops.length - 1 ? 0 : -1);
      if (next >= 0) {
        event.preventDefault();
        stops[next].focus();
      }
    }
  });
  sync();
})();
