/* Owning It Gently: what the page does in the browser, with no trip to the kernel.
 *
 * 1. Colours. Follow the visitor's system setting (light or dark) unless they pressed
 *    the "Dark mode" button; that choice lasts for this tab only (sessionStorage), so a
 *    shared computer keeps nothing. Both JupyterLab theme style sheets are on the page;
 *    the one not in use has media="not all". The body attributes are the ones JupyterLab
 *    sets, so widgets and charts (--oig-chart-*) follow too.
 * 2. The "Dark mode" button is drawn by a widget (widgets/page.py); this script gives
 *    it its pressed state and handles its clicks (one listener for the whole page).
 *
 * Loaded in <head> without defer, so the colours are right before the first paint.
 */
(function () {
  "use strict";
  var KEY = "oig-theme";
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function chosen() {
    try {
      return window.sessionStorage.getItem(KEY);
    } catch (e) {
      return null;
    }
  }

  function current() {
    var saved = chosen();
    if (saved === "dark" || saved === "light") {
      return saved;
    }
    return media && media.matches ? "dark" : "light";
  }

  function syncButtons(root, theme) {
    var buttons = (root || document).querySelectorAll(".oig-theme-toggle");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", theme === "dark" ? "true" : "false");
    }
  }

  function apply(theme) {
    var dark = theme === "dark";
    var light = document.getElementById("oig-theme-light");
    var darkSheet = document.getElementById("oig-theme-dark");
    if (light) light.media = dark ? "not all" : "all";
    if (darkSheet) darkSheet.media = dark ? "all" : "not all";
    document.documentElement.setAttribute("data-oig-theme", theme);
    document.documentElement.style.colorScheme = theme;
    var body = document.body;
    if (body) {
      body.setAttribute("data-jp-theme-light", dark ? "false" : "true");
      body.setAttribute("data-jp-theme-name", dark ? "JupyterLab Dark" : "JupyterLab Light");
      body.classList.toggle("theme-dark", dark);
      body.classList.toggle("theme-light", !dark);
    }
    syncButtons(document, theme);
  }

  function toggle() {
    var next = current() === "dark" ? "light" : "dark";
    try {
      window.sessionStorage.setItem(KEY, next);
    } catch (e) {
      /* storage blocked: the switch still works until the page changes */
    }
    apply(next);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest(".oig-theme-toggle")) {
      toggle();
    }
  });
  if (media) {
    var onChange = function () {
      if (!chosen()) apply(current());
    };
    if (media.addEventListener) media.addEventListener("change", onChange);
    else if (media.addListener) media.addListener(onChange);
  }

  // ipywidgets leaves the slider's handle (role="slider") without a name: give it the
  // text of the slider's own label, so a screen reader says what is being rated.
  function nameSliders() {
    var handles = document.querySelectorAll(".widget-slider .noUi-handle:not([aria-label])");
    for (var i = 0; i < handles.length; i++) {
      var slider = handles[i].closest(".widget-slider");
      var label = slider && slider.querySelector(".widget-label");
      var text = label ? label.textContent.trim() : "";
      if (!text) {
        var box = slider && slider.closest(".oig-exercise");
        var title = box && box.querySelector("h2, h3, h4");
        text = title ? title.textContent.trim() : "";
      }
      if (text) handles[i].setAttribute("aria-label", text);
    }
  }

  // Choice buttons (.oig-choice: the sorter's piles, the feeling-fit answers) are
  // toggle buttons: the kernel marks the chosen one with the class oig-chosen (and a
  // colour). ipywidgets has no way to set ARIA attributes from the kernel, so here
  // aria-pressed follows that class, and a screen reader says which one is chosen.
  function syncChoices() {
    var buttons = document.querySelectorAll(".oig-choice");
    for (var i = 0; i < buttons.length; i++) {
      var pressed = buttons[i].classList.contains("oig-chosen") ? "true" : "false";
      if (buttons[i].getAttribute("aria-pressed") !== pressed) {
        buttons[i].setAttribute("aria-pressed", pressed);
      }
    }
  }

  // Widgets are drawn after the page loads and change their classes as the visitor
  // goes: give the theme button its state, the sliders their names and the choice
  // buttons their pressed state as they appear and change.
  function watch() {
    apply(current());
    if (!window.MutationObserver) return;
    var queued = false;
    new MutationObserver(function () {
      if (queued) return;
      queued = true;
      window.requestAnimationFrame(function () {
        queued = false;
        syncButtons(document, current());
        nameSliders();
        syncChoices();
      });
    }).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["class"],
    });
  }

  window.oigTheme = { apply: apply, current: current, toggle: toggle };
  apply(current());
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
