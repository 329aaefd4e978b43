// app.js — wires the page: the session, the buttons, the pictures.
//
// Nothing here is computed: the controls come from the settings table that
// /api/boot sends (controls.js), every number shown comes from a frame that
// Python made, and heatmap.js, chart.js and network.js draw it. Clicking on
// a point opens the "why?" panel (why.js, weight.js).
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const state = {
    boot: null, lang: "en", session: null, hide: [], frame: null,
    version: -1, klass: 0, polling: false, story: null, query: "",
  };
  const missing = new Set();

  // ------------------------------------------------------------- words
  function t(key, vars) {
    const text = state.boot.text;
    let s = (text[state.lang] || {})[key];
    if (s === undefined) s = text.en[key];
    if (s === undefined) {
      missing.add(key);
      document.body.dataset.missingText = [...missing].join(",");
      s = key;
    }
    return s.replace(/\{(\w+)\}/g, (m, name) => (vars && name in vars ? vars[name] : m));
  }

  function has(key) {
    return key in (state.boot.text[state.lang] || {}) || key in state.boot.text.en;
  }

  function applyText() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-text]").forEach((el) => (el.textContent = t(el.dataset.text)));
    document.querySelectorAll("[data-title]").forEach((el) => (el.title = t(el.dataset.title)));
    document.querySelectorAll("[data-label]").forEach((el) =>
      el.setAttribute("aria-label", t(el.dataset.label)));
    document.title = t("ui.title");
    buildPresets();
    if (state.frame) render(state.frame);
  }

  // ----------------------------------------------------------- messages
  // kind "request": a refused or failed request (stays until the next one
  // succeeds or it is closed); kind "frame": the session's own error, e.g.
  // an overflow (stays while the frame has it).
  function showMessage(kind, err) {
    let text;
    if (err.code === "network") text = t("ui.server_gone");
    else if (err.code === "reply") text = t("ui.error") + " (HTTP " + err.status + ")";
    else text = (state.lang === "fi" && err.message_fi) || err.message_en || err.message || err.code;
    $("message-text").textContent = text;
    $("message").dataset.kind = kind;
    $("message").dataset.code = err.code || "";
    $("message").classList.remove("hidden");
  }

  function clearMessage(kind) {
    if ($("message").dataset.kind === kind) $("message").classList.add("hidden");
  }

  async function call(name, body) {
    try {
      const reply = await Api.post(name, Object.assign({ session: state.session }, body));
      if (name !== "frame") clearMessage("request");
      if (typeof reply.query === "string") setQuery(reply.query);
      if (reply.frame) show(reply.frame);
      return reply;
    } catch (err) {
      showMessage("request", err);
      return null;
    }
  }

  // ----------------------------------------------------------- the URL
  // token first, then the server's canonical query; hide and lang are the page's.
  function link(query, lang) {
    const parts = ["token=" + Api.token];
    for (const part of query.split("&")) {
      if (part && !part.startsWith("lang=") && !part.startsWith("hide=")) parts.push(part);
    }
    if (state.hide.length) parts.push("hide=" + state.hide.join(","));
    if (lang !== "en") parts.push("lang=" + lang);
    return "?" + parts.join("&");
  }

  function setQuery(query) {
    state.query = query;
    history.replaceState(null, "", link(query, state.lang));
  }

  // ------------------------------------------------------------- presets
  function buildPresets() {
    const links = $("preset-links");
    links.textContent = "";
    for (const preset of state.boot.presets) {
      const a = document.createElement("a");
      a.href = link(preset.query, state.lang);
      a.textContent = preset.title[state.lang] || preset.title.en;
      a.title = preset.story[state.lang] || preset.story.en;
      a.dataset.preset = preset.id;
      a.classList.toggle("active", preset.id === state.story);
      a.addEventListener("click", (event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        applyPreset(preset);
      });
      links.appendChild(a);
    }
    const story = state.boot.presets.find((p) => p.id === state.story);
    $("story").textContent = story ? story.story[state.lang] || story.story.en : "";
    $("story").classList.toggle("hidden", !story);
  }

  // A preset is a whole setup: its settings, every other one at its default.
  async function applyPreset(preset) {
    const settings = {};
    for (const row of state.boot.table) settings[row.name] = row.default;
    for (const [k, v] of new URLSearchParams(preset.query)) {
      if (k !== "hide" && k !== "lang") settings[k] = v;
    }
    state.story = preset.id;
    buildPresets();
    if (await call("settings", { settings: settings })) await call("control", { action: "reset" });
  }

  // ------------------------------------------------------------- drawing
  function show(frame) {
    if (frame.version < state.version) return; // an older answer, overtaken
    state.version = frame.version;
    state.frame = frame;
    render(frame);
    Why.frameArrived(frame);
    if (frame.playing) poll();
  }

  // A canvas draws sharply at its shown size times the screen's pixel ratio.
  function fit(canvas) {
    const scale = window.devicePixelRatio || 1;
    const w = Math.round(canvas.clientWidth * scale);
    const h = Math.round(canvas.clientHeight * scale);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
  }

  function render(frame) {
    fit($("plane"));
    fit($("chart"));
    if (frame.error) showMessage("frame", frame.error);
    else clearMessage("frame");
    Controls.update(frame.settings);
    Controls.disable("loss", frame.classes > 2);
    $("play").textContent = t(frame.playing ? "ui.pause" : "ui.play");
    $("play").classList.toggle("playing", frame.playing);
    $("counter").textContent = t("ui.step_count") + " " + frame.step + " · " +
      t("ui.epoch") + " " + frame.epoch;
    $("counter").dataset.step = String(frame.step);
    const chosen = Why.chosen();
    Heatmap.draw($("plane"), frame, { showTest: frame.settings.show_test, chosen: chosen });
    $("plane").dataset.version = String(frame.version);
    $("plane").dataset.extent = JSON.stringify(frame.extent);
    Chart.draw($("chart"), frame.curves, {
      trainLoss: t("ui.train_loss"), testLoss: t("ui.test_loss"),
      trainAccuracy: t("ui.train_accuracy"), testAccuracy: t("ui.test_accuracy"),
      lossCaption: t("ui.step_count"), accuracyCaption: t("ui.step_count"),
    });
    $("loss-name").textContent = "· " + t("choice.loss." + frame.loss_name);
    const hidden = Controls.row("hidden");
    Network.draw($("network"), frame, {
      tooltip: $("tooltip"), text: t, editable: hidden !== null && !state.hide.includes("hidden"),
      minNeurons: hidden ? hidden.min : 1, maxNeurons: hidden ? hidden.max : 16,
      onNeurons: changeNeurons,
      onPick: chosen ? Why.pickWeight : null, picked: chosen ? chosen.weight : null,
    });
    $("source-csv").classList.toggle("hidden", frame.source !== "csv");
    renderMetrics(frame.metrics);
    renderClasses(frame.classes);
    $("export-model").href = Api.exportUrl("model", state.session);
    $("export-history").href = Api.exportUrl("history", state.session);
  }

  function renderMetrics(m) {
    const box = $("metrics");
    box.textContent = "";
    for (const name of ["train_loss", "test_loss", "train_accuracy", "test_accuracy"]) {
      const item = document.createElement("div");
      item.className = "metric " + name;
      const label = document.createElement("span");
      label.textContent = t("ui." + name);
      const value = document.createElement("strong");
      value.id = "metric-" + name;
      const v = m[name];
      value.dataset.value = String(v);
      if (typeof v !== "number") value.textContent = t("ui.none");
      else if (name.endsWith("accuracy")) value.textContent = (100 * v).toFixed(1) + " %";
      else value.textContent = v.toFixed(4);
      item.append(label, value);
      box.appendChild(item);
    }
  }

  function renderClasses(k) {
    if (state.klass >= k) state.klass = 0;
    const box = $("class-buttons");
    box.textContent = "";
    for (let c = 0; c < k; c++) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "klass" + (c === state.klass ? " active" : "");
      b.dataset.klass = String(c);
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = Heatmap.classColor(c);
      b.append(swatch, t("ui.class") + " " + c);
      b.addEventListener("click", () => {
        state.klass = c;
        $("tool-add").checked = true;
        renderClasses(k);
      });
      box.appendChild(b);
    }
  }

  function changeNeurons(layer, delta) {
    const layers = state.frame.settings.hidden.slice();
    layers[layer] += delta;
    call("settings", { settings: { hidden: layers } });
  }

  // While the session plays, ask for a fresh frame ten times a second: the
  // wait counts from when a request went out, so a slow answer does not
  // also delay the next one.
  async function poll() {
    if (state.polling) return;
    state.polling = true;
    while (state.frame && state.frame.playing) {
      const sent = performance.now();
      if (!(await call("frame", { since: state.version }))) break; // message shown
      const left = 100 - (performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, left)));
    }
    state.polling = false;
  }

  // -------------------------------------------------------------- events
  function wire() {
    $("play").addEventListener("click", () =>
      call("control", { action: state.frame && state.frame.playing ? "pause" : "play" }));
    $("step").addEventListener("click", () => call("control", { action: "step", steps: 1 }));
    $("reset").addEventListener("click", () => call("control", { action: "reset" }));
    $("message-close").addEventListener("click", () => $("message").classList.add("hidden"));
    $("language").addEventListener("click", () => {
      state.lang = state.lang === "fi" ? "en" : "fi";
      applyText();
      setQuery(state.query);
      Why.refresh(); // its sentences come from Python in the new language
    });
    $("copy-link").addEventListener("click", () => {
      if (navigator.clipboard) navigator.clipboard.writeText(location.href).catch(() => {});
    });
    $("plane").addEventListener("click", (event) => {
      if (!state.frame) return;
      const [x, y] = Heatmap.toPlane($("plane"), state.frame.extent, event.clientX, event.clientY);
      // On a point (within 8 px) and not removing: why is it where it is?
      const hit = Heatmap.pointAt($("plane"), state.frame, event.clientX, event.clientY, 8,
        state.frame.settings.show_test);
      if (hit && !event.shiftKey && !$("tool-remove").checked) Why.inspect(hit.set, hit.index);
      else if (event.shiftKey || $("tool-remove").checked) call("point", { action: "remove", x: x, y: y });
      else call("point", { action: "add", x: x, y: y, label: state.klass, test: false });
    });
    $("csv").addEventListener("change", async () => {
      const file = $("csv").files[0];
      $("csv").value = ""; // the same file may be picked again after a fix
      if (file) call("csv", { text: await file.text() });
    });
    $("export-png").addEventListener("click", () => $("plane").toBlob((blob) => {
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "playground-boundary.png";
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    }, "image/png"));
    window.addEventListener("resize", () => state.frame && render(state.frame));
  }

  // ---------------------------------------------------------------- start
  async function newSession(ask) {
    try {
      return await Api.post("session", ask);
    } catch (err) {
      showMessage("request", err);
      return null;
    }
  }

  async function start() {
    const params = new URLSearchParams(location.search);
    try {
      state.boot = await Api.post("boot", {});
    } catch (err) {
      // No words yet: index.html's own two-language sentence, or the server's.
      if (err.code !== "network" && err.code !== "reply") {
        $("message-text").textContent = err.message_en + " / " + err.message_fi;
      }
      $("message").classList.remove("hidden");
      return;
    }
    state.lang = params.get("lang") === "fi" ? "fi" : "en";
    const settings = {};
    for (const [k, v] of params) if (!["token", "lang", "hide"].includes(k)) settings[k] = v;
    const ask = { settings: settings, hide: params.get("hide") || "", lang: state.lang };
    // A bad link still gives a working page: the message, and the defaults.
    const reply = (await newSession(ask)) ||
      (await newSession({ settings: {}, hide: "", lang: state.lang }));
    if (!reply) return;
    state.session = reply.session;
    state.hide = reply.hide;
    state.lang = reply.lang;
    wire();
    Why.init({
      call: call, t: t, has: has, lang: () => state.lang, frame: () => state.frame,
      changed: () => state.frame && render(state.frame),
    });
    Controls.build(state.boot.table, {
      data: $("controls-data"), network: $("controls-network"), training: $("controls-training"),
    }, state.hide, (name, value) => {
      const update = {};
      update[name] = value;
      call("settings", { settings: update });
    }, { t: t, has: has });
    applyText();
    setQuery(reply.query);
    show(reply.frame);
    document.body.dataset.session = state.session;
  }

  start();
})();
