/* Owning It Gently: what the page does in the browser, with no trip to the kernel.
 *
 * 1. Colours. Follow the visitor's system setting (light or dark) unless they pressed
 *    the "Dark mode" button; that choice lasts for this tab only (sessionStorage), so a
 *    shared computer keeps nothing. Both JupyterLab theme style sheets are on the page;
 *    the one not in use has media="not all". The body attributes are the ones JupyterLab
 *    sets, so widgets and charts (--oig-chart-*) follow too.
 * 2. The "Dark mode" button is drawn by a widget (widgets/page/chrome.py); this script gives
 *    it its pressed state and handles its clicks (one listener for the whole page).
 * 3. A lesson page whose kernel stopped (it crashed, was culled, or the server
 *    restarted) says so kindly, with a button to reload it (see the end of this file).
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

/* 3. The page's kernel. A lesson's widgets answer from a kernel on the server. If it
 * stops (it crashed and was restarted empty, the idle culler shut it down, the server
 * restarted), the page still looks fine but nothing answers any more. Then a kind message
 * with a reload button goes at the top of the page (words from data/<lang>/ui.yaml, put
 * in the page as #oig-page-words by the template; shown as text, never as HTML). The new
 * page gets a new kernel, and answers kept in this browser come back.
 *
 * The signs, watched on the page's own kernel websocket (wrapped here, before Voila's
 * scripts load): a "restarting" or "dead" status from the server; the socket closing;
 * or a message sent with no answer for a while. The last two are checked with the
 * server (GET api/kernels/<id>: gone, or no server at all) before anything is shown.
 */
(function () {
  "use strict";
  var Native = window.WebSocket;
  if (!Native || Native.oigWatched) return;
  var KERNEL_SOCKET = /\/api\/kernels\/([0-9a-fA-F-]{8,})\/channels/;
  var STOPPED = /"msg_type"\s*:\s*"status"[\s\S]*"execution_state"\s*:\s*"(restarting|autorestarting|dead)"/;
  var ANSWER_WAIT = 10000; // ms a kernel may take to answer before the server is asked
  var watch = { id: null, base: "/", open: 0, lost: false, leaving: false, checking: false };
  var sentAt = 0;
  var heardAt = 0;
  var waiting = null;
  var retries = 0;

  function words() {
    var el = document.getElementById("oig-page-words");
    try {
      return el ? JSON.parse(el.textContent) : null;
    } catch (e) {
      return null;
    }
  }

  function show() {
    var text = words();
    if (!text || !document.body || document.getElementById("oig-connection-lost")) return;
    var box = document.createElement("div");
    box.id = "oig-connection-lost";
    box.className = "oig-connection-lost";
    box.setAttribute("role", "alert");
    var first = document.createElement("p");
    var title = document.createElement("strong");
    title.textContent = text.lost_title;
    first.appendChild(title);
    first.appendChild(document.createTextNode(" " + text.not_your_fault));
    var help = document.createElement("p");
    help.textContent = text.lost_help;
    var reload = document.createElement("button");
    reload.type = "button";
    reload.className = "oig-reload";
    reload.textContent = text.reload;
    reload.addEventListener("click", function () {
      window.location.reload();
    });
    box.appendChild(first);
    box.appendChild(help);
    box.appendChild(reload);
    document.body.insertBefore(box, document.body.firstChild);
  }

  function lose() {
    if (watch.lost || watch.leaving) return;
    watch.lost = true;
    if (document.body) show();
    else document.addEventListener("DOMContentLoaded", show);
  }

  // Ask the server whether the page's kernel is still there.
  function check() {
    if (watch.lost || watch.leaving || !watch.id || watch.checking || !window.fetch) return;
    watch.checking = true;
    window
      .fetch(watch.base + "api/kernels/" + encodeURIComponent(watch.id), {
        credentials: "same-origin",
        cache: "no-store",
      })
      .then(function (response) {
        watch.checking = false;
        if (!response.ok) {
          lose();
        } else if (watch.open === 0) {
          // The kernel is there but the page is not connected yet: Voila's scripts are
          // reconnecting. Give them a little while.
          retries += 1;
          if (retries > 6) lose();
          else window.setTimeout(check, 5000);
        } else {
          retries = 0;
        }
      })
      .catch(function () {
        watch.checking = false;
        if (!watch.leaving) lose(); // no server at all
      });
  }

  function stopped(data) {
    if (typeof data === "string") return data.length < 4000 && STOPPED.test(data);
    if (data instanceof ArrayBuffer && data.byteLength < 4000 && window.TextDecoder) {
      return STOPPED.test(new TextDecoder().decode(data)); // the binary kernel protocol
    }
    return false;
  }

  function expectAnswer() {
    sentAt = Date.now();
    if (waiting) return;
    waiting = window.setTimeout(function () {
      waiting = null;
      if (heardAt < sentAt) check();
    }, ANSWER_WAIT);
  }

  function follow(socket, url, id) {
    watch.id = id;
    var path = url.replace(/^[a-z]+:\/\/[^/]+/i, "");
    watch.base = path.slice(0, path.indexOf("api/kernels/"));
    var opened = false;
    socket.addEventListener("open", function () {
      opened = true;
      watch.open += 1;
    });
    socket.addEventListener("message", function (event) {
      heardAt = Date.now();
      if (stopped(event.data)) lose();
    });
    socket.addEventListener("close", function () {
      if (opened) watch.open -= 1;
      if (!watch.leaving) window.setTimeout(check, 3000);
    });
    var send = socket.send;
    socket.send = function () {
      expectAnswer();
      return send.apply(socket, arguments);
    };
  }

  function Watched(url, protocols) {
    var socket = arguments.length > 1 ? new Native(url, protocols) : new Native(url);
    var match = KERNEL_SOCKET.exec(String(url));
    if (match) follow(socket, String(url), match[1]);
    return socket;
  }
  Watched.prototype = Native.prototype;
  Watched.CONNECTING = Native.CONNECTING;
  Watched.OPEN = Native.OPEN;
  Watched.CLOSING = Native.CLOSING;
  Watched.CLOSED = Native.CLOSED;
  Watched.oigWatched = true;
  window.WebSocket = Watched;

  function leaving() {
    watch.leaving = true;
  }
  window.addEventListener("beforeunload", leaving);
  window.addEventListener("pagehide", leaving);
  window.addEventListener("pageshow", function () {
    watch.leaving = false;
  });
  // Back from sleep or another tab: the kernel may have been culled meanwhile.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") check();
  });
  window.addEventListener("online", check);
})();

/* 4. Help before the widgets. The template puts a plain "Take a pause" and "Get help now"
 * on every lesson page (#oig-early, a bar at the bottom of the screen: gentle.css), so
 * they work from the first bytes, before any widget or the kernel. Here: the help shows
 * the country the participant chose in the help panel (kept in this browser by the
 * journal, never on the server), and the plain bar goes away once the page's own bar
 * of widgets is there, but never while someone has it open. Text is set as text, never
 * as HTML.
 */
(function () {
  "use strict";
  var JOURNAL = "owning-it-gently:journal:";

  function baseUrl() {
    try {
      var el = document.getElementById("jupyter-config-data");
      var config = el && JSON.parse(el.textContent);
      if (config && config.baseUrl) return config.baseUrl;
    } catch (e) {
      /* the origin's root */
    }
    return "/";
  }

  function chosenRegion() {
    var areas = ["localStorage", "sessionStorage"];
    for (var i = 0; i < areas.length; i++) {
      try {
        var text = window[areas[i]].getItem(JOURNAL + baseUrl());
        if (text === null) continue;
        var mine = JSON.parse(text).answers["help/mine"];
        var region = mine && mine.data && mine.data.region;
        return typeof region === "string" ? region : "";
      } catch (e) {
        /* blocked or unreadable storage: the language's default region */
      }
    }
    return "";
  }

  function line(parent, parts) {
    var p = document.createElement("p");
    parts.forEach(function (part) {
      if (typeof part === "string") p.appendChild(document.createTextNode(part));
      else p.appendChild(part);
    });
    parent.appendChild(p);
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function showRegion(early) {
    var regions;
    try {
      regions = JSON.parse(document.getElementById("oig-early-regions").textContent);
    } catch (e) {
      return;
    }
    var region = chosenRegion();
    var words = regions[region];
    var box = early.querySelector(".oig-early-help .oig-plain-help");
    if (!words || !box || region === early.getAttribute("data-default-region")) return;
    while (box.firstChild) box.removeChild(box.firstChild);
    var title = document.createElement("strong");
    title.textContent = words.title;
    line(box, [title]);
    if (words.phone) line(box, [words.name + ": " + words.how + " ", link(words.tel, words.phone)]);
    line(box, [words.emergency]);
    if (words.directory_url) {
      var dir = link(words.directory_url, words.directory_name);
      dir.rel = "noopener noreferrer";
      line(box, [words.directory_label + ": ", dir]);
    }
    early.setAttribute("data-region", region);
  }

  function open(early) {
    return Array.prototype.some.call(early.querySelectorAll("details"), function (d) {
      return d.open;
    });
  }

  function start() {
    var early = document.getElementById("oig-early");
    if (!early) return;
    showRegion(early);
    var ready = false;
    function putAway() {
      if (ready && !open(early)) early.classList.add("oig-early-done");
    }
    early.addEventListener("toggle", putAway, true);
    new MutationObserver(function (records, observer) {
      if (document.querySelector(".oig-page-header .oig-help-button")) {
        ready = true;
        observer.disconnect();
        putAway();
      }
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
