// The breathing guide's front end (see widgets/pacer.py). Every timer lives here, in the
// browser: the kernel only holds the settings. Phases are scheduled from the moment each
// one was due (not from when a timer happened to fire), so the rhythm does not drift.

const PARTS = ["inhale", "hold_in", "exhale", "hold_out"];
const PART_WORD = { inhale: "in_label", hold_in: "hold_in_label", exhale: "out_label",
  hold_out: "hold_out_label" };
const PHASE_WORD = { in: "cue_in", hold: "cue_hold", out: "cue_out" };
const SCALE = { rest: 0.55, full: 1 };

let uid = 0;

function make(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

function phasesOf(model) {
  const s = Object.fromEntries(PARTS.map((p) => [p, model.get(p)]));
  return [["in", s.inhale], ["hold", s.hold_in], ["out", s.exhale], ["hold", s.hold_out]]
    .filter(([, secs]) => secs > 0);
}

function clock(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

function render({ model, el }) {
  const words = model.get("words");
  const id = `oig-pacer-${++uid}`;
  const root = make("div", { class: "oig-pacer" });

  // --- settings: preset, seconds for each part, minutes ------------------------------
  const settings = make("details", { class: "oig-pacer-settings" });
  if (model.get("settings_open")) settings.open = true;
  settings.append(make("summary", {}, words.settings_label));
  const presetBox = make("fieldset", { class: "oig-pacer-presets" });
  presetBox.append(make("legend", {}, words.pattern_label));
  const radios = {};
  for (const name of [...Object.keys(model.get("presets")), "custom"]) {
    const label = make("label", { class: "oig-pacer-preset" });
    const radio = make("input", { type: "radio", name: `${id}-preset`, value: name });
    radio.addEventListener("change", () => choosePreset(name));
    radios[name] = radio;
    label.append(radio, document.createTextNode(` ${words[`preset_${name}`] || name}`));
    presetBox.append(label);
  }
  const secondsBox = make("fieldset", { class: "oig-pacer-seconds" });
  secondsBox.append(make("legend", {}, words.seconds_label));
  const inputs = {};
  const limits = model.get("limits");
  for (const part of PARTS) {
    const label = make("label", { class: "oig-pacer-part" });
    const input = make("input", {
      type: "number", min: limits[part][0], max: limits[part][1], step: 1,
      inputmode: "numeric", "data-part": part,
    });
    input.addEventListener("change", () => setSeconds(part, input.value));
    inputs[part] = input;
    label.append(make("span", {}, words[PART_WORD[part]]), input);
    secondsBox.append(label);
  }
  const paceNote = make("p", { class: "oig-pacer-pace" });
  const minutesLabel = make("label", { class: "oig-pacer-minutes" });
  const minutes = make("select");
  for (let m = limits.minutes[0]; m <= limits.minutes[1]; m++) {
    minutes.append(make("option", { value: m }, String(m)));
  }
  minutes.addEventListener("change", () => {
    model.set("minutes", Number(minutes.value));
    model.save_changes();
  });
  minutesLabel.append(make("span", {}, words.minutes_label), minutes);
  settings.append(presetBox, secondsBox, paceNote, minutesLabel);

  // --- the shape, the cue and the controls -------------------------------------------
  const stage = make("div", { class: "oig-pacer-stage", "aria-hidden": "true" });
  const shape = make("div", { class: "oig-pacer-shape" });
  const count = make("span", { class: "oig-pacer-count" });
  shape.append(count);
  stage.append(shape);
  const cue = make("p", { class: "oig-pacer-cue", role: "status", "aria-live": "polite" });
  cue.textContent = words.cue_ready;
  const left = make("p", { class: "oig-pacer-left" });
  const startButton = make("button", { type: "button", class: "oig-pacer-start" }, words.start);
  const stopButton = make("button", { type: "button", class: "oig-pacer-stop" }, words.stop);
  startButton.addEventListener("click", () => setRunning(true));
  stopButton.addEventListener("click", () => setRunning(false));
  const buttons = make("div", { class: "oig-pacer-buttons" });
  buttons.append(startButton, stopButton);
  const anchor = make("p", { class: "oig-pacer-anchor" }, words.anchor_note);
  const eyes = make("p", { class: "oig-pacer-eyes" }, words.eyes_note);
  root.append(anchor, eyes, settings, stage, cue, left, buttons);
  el.append(root);

  // --- motion: the system setting decides; the words carry the rhythm either way -----
  const motionQuery = window.matchMedia("(prefers-reduced-motion: reduce)");
  const still = () => motionQuery.matches;
  const onMotion = () => root.classList.toggle("oig-pacer-still", still());
  onMotion();
  motionQuery.addEventListener("change", onMotion);

  function grow(name, secs) {
    if (still()) return;
    if (name === "hold") return;
    shape.style.transitionDuration = `${secs}s`;
    shape.style.transform = `scale(${name === "in" ? SCALE.full : SCALE.rest})`;
  }
  function settle(secs) {
    shape.style.transitionDuration = `${secs}s`;
    shape.style.transform = `scale(${SCALE.rest})`;
  }

  // --- timing ---------------------------------------------------------------------------
  let run = null;
  let ticker = null;

  function start() {
    const t0 = performance.now();
    run = { t0, end: t0 + model.get("minutes") * 60_000, phases: [], i: 0, due: t0, timer: 0 };
    root.dataset.cycles = "0";
    nextCycle(t0);
    ticker = setInterval(tick, 250);
    tick();
  }

  function nextCycle(at) {
    // The session ends gently: only at the end of a whole breath, never mid-breath.
    if (at >= run.end - 5) return finish();
    run.phases = phasesOf(model);
    run.i = 0;
    enterPhase(at);
  }

  function enterPhase(at) {
    const [name, secs] = run.phases[run.i];
    run.phase = name;
    run.phaseStart = at;
    run.due = at + secs * 1000;
    root.dataset.phase = name;
    cue.textContent = words[PHASE_WORD[name]];
    grow(name, secs);
    tick();
    run.timer = setTimeout(endPhase, Math.max(0, run.due - performance.now()));
  }

  function endPhase() {
    const at = run.due;
    run.i += 1;
    if (run.i < run.phases.length) return enterPhase(at);
    root.dataset.cycles = String(Number(root.dataset.cycles) + 1);
    nextCycle(at);
  }

  function tick() {
    if (!run) return;
    const now = performance.now();
    left.textContent = words.time_left.replace("{time}", clock(run.end - now));
    count.textContent = String(Math.max(1, Math.ceil((run.due - now) / 1000)));
  }

  function halt(message) {
    if (run) clearTimeout(run.timer);
    clearInterval(ticker);
    run = null;
    delete root.dataset.phase;
    cue.textContent = message;
    count.textContent = "";
    left.textContent = "";
    settle(2);
    showRunning(false);
  }

  function finish() {
    halt(words.cue_done);
    model.set("sessions", model.get("sessions") + 1);
    model.set("running", false);
    model.save_changes();
  }

  function setRunning(value) {
    model.set("running", value);
    model.save_changes();
  }

  function showRunning(running) {
    root.classList.toggle("oig-pacer-running", running);
    const hadFocus = document.activeElement;
    startButton.disabled = running;
    stopButton.disabled = !running;
    if (running && hadFocus === startButton) stopButton.focus();
    if (!running && hadFocus === stopButton) startButton.focus();
  }

  function onRunning() {
    const wanted = model.get("running");
    if (wanted && !run) {
      showRunning(true);
      start();
    } else if (!wanted && run) {
      halt(words.cue_stopped);
    }
  }

  // --- settings <-> model ----------------------------------------------------------------
  function choosePreset(name) {
    const seconds = model.get("presets")[name];
    model.set("preset", name);
    if (seconds) for (const part of PARTS) model.set(part, seconds[part]);
    model.save_changes();
  }

  function setSeconds(part, raw) {
    const [low, high] = limits[part];
    const value = Math.min(high, Math.max(low, Math.round(Number(raw) || 0)));
    model.set(part, value);
    const current = Object.fromEntries(PARTS.map((p) => [p, model.get(p)]));
    const match = Object.entries(model.get("presets")).find(([, s]) =>
      PARTS.every((p) => s[p] === current[p]));
    model.set("preset", match ? match[0] : "custom");
    model.save_changes();
    showSettings();
  }

  function showSettings() {
    for (const part of PARTS) inputs[part].value = model.get(part);
    for (const [name, radio] of Object.entries(radios)) {
      radio.checked = model.get("preset") === name;
    }
    minutes.value = String(model.get("minutes"));
    const cycle = PARTS.reduce((sum, p) => sum + model.get(p), 0);
    const perMinute = Math.round((60 / cycle) * 10) / 10;
    paceNote.textContent = words.pace_note
      .replace("{seconds}", String(cycle))
      .replace("{per_minute}", String(perMinute));
  }

  const events = ["change:preset", "change:minutes", ...PARTS.map((p) => `change:${p}`)];
  for (const e of events) model.on(e, showSettings);
  model.on("change:running", onRunning);
  showSettings();
  showRunning(false);
  settle(0);
  if (model.get("running")) onRunning();

  return () => {
    if (run) clearTimeout(run.timer);
    clearInterval(ticker);
    for (const e of events) model.off(e, showSettings);
    model.off("change:running", onRunning);
    motionQuery.removeEventListener("change", onMotion);
  };
}

export default { render };
