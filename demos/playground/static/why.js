// why.js — the "why?" panel: one data point, seen through the network.
//
// Clicking on a point asks the server to inspect it (/api/inspect, which
// pauses training). The answer is shown as it is: its forward pass (the
// point's inputs, every neuron's weighted sum s and output g(s), the class
// probabilities, its label and loss: drawn by forward.js), its computation
// graph (the SVG text that takaisin drew, shown as an <img> from a blob:
// URL, never inserted as HTML) and the link to the stepper page for exactly
// this example. The chosen weight's part (/api/weight: the chain rule, the
// next step) is drawn by weight.js. This file asks, and wires it together.
// Nothing is computed here: numbers are only formatted.
"use strict";

const Why = (() => {
  const $ = (id) => document.getElementById(id);
  // env: {call(name, body) -> answer | null, t(key, vars), lang(), frame(),
  //       changed() (redraw the plane and the network)}
  let env = null;
  const now = {
    open: false, set: null, index: null, weight: null,
    inspect: null, answer: null, version: -1, busy: false,
    promised: null, // {name, value}: what the panel said the next step gives
    blob: null,
  };

  function fmt(v) {
    return Network.fmt(v);
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // -------------------------------------------------------------- asking
  // Inspect the point again (and its chosen weight): after a step, a
  // language switch, or when the playground changed while it was paused.
  async function refresh() {
    if (!now.open || now.busy) return;
    now.busy = true;
    $("why").classList.add("busy");
    try {
      const reply = await env.call("inspect", {
        set: now.set, index: now.index, focus: now.weight, lang: env.lang(),
      });
      if (!reply || !now.open) return;
      now.inspect = reply.inspect;
      $("why").classList.remove("stale");
      now.version = reply.frame ? reply.frame.version : now.version;
      showInspect(reply.inspect);
      const names = reply.inspect.weights.map((w) => w.name);
      if (!names.includes(now.weight)) now.weight = reply.inspect.graph.focus || names[0];
      const answer = await env.call("weight", {
        set: now.set, index: now.index, weight: now.weight, lang: env.lang(),
      });
      if (!answer || !now.open) return;
      now.version = answer.frame ? answer.frame.version : now.version;
      showWeight(answer.weight);
    } finally {
      now.busy = false;
      $("why").classList.remove("busy");
      env.changed();
    }
    // Something may have changed while we were asking.
    const frame = env.frame();
    if (now.open && frame && frame.version !== now.version && !frame.playing) refresh();
  }

  function inspect(set, index) {
    const same = now.open && now.set === set && now.index === index;
    Object.assign(now, { open: true, set: set, index: index, promised: null });
    if (!same) now.weight = null;
    document.body.classList.add("inspecting");
    $("why").classList.remove("hidden", "stale");
    $("why-took").classList.add("hidden");
    env.changed();
    refresh();
  }

  function close() {
    now.open = false;
    document.body.classList.remove("inspecting");
    $("why").classList.add("hidden");
    $("why-big").classList.add("hidden");
    env.changed();
  }

  async function pickWeight(name) {
    if (!now.open || now.busy || name === now.weight) return;
    now.weight = name;
    now.promised = null;
    $("why-took").classList.add("hidden");
    env.changed();
    now.busy = true;
    try {
      const answer = await env.call("weight", {
        set: now.set, index: now.index, weight: name, lang: env.lang(),
      });
      if (answer && now.open) {
        now.version = answer.frame ? answer.frame.version : now.version;
        showWeight(answer.weight);
      }
    } finally {
      now.busy = false;
    }
    $("why-chain").scrollIntoView({ block: "nearest" });
  }

  // The panel's "one step": the real training step; then the panel asks
  // again and shows the weight at the value it promised.
  async function oneStep() {
    if (!now.answer || now.busy) return;
    const promised = { name: now.answer.name, value: now.answer.preview.after };
    const reply = await env.call("control", { action: "step", steps: 1 });
    if (!reply) return;
    now.promised = promised;
    await refresh();
  }

  // A new frame from the playground: the panel's numbers may be old now.
  function frameArrived(frame) {
    if (!now.open || now.busy) return;
    const points = frame.points[now.set] || [];
    if (now.index >= points.length) return close(); // the point is gone
    if (frame.version === now.version) return;
    if (frame.playing) {
      $("why").classList.add("stale");
      $("why-stale").textContent = env.t("why.stale", { step: String(frame.step) });
    } else {
      $("why").classList.remove("stale");
      refresh();
    }
  }

  // ------------------------------------------------------------- showing
  function showInspect(answer) {
    const r = answer.report;
    const [x, y] = answer.point;
    const where = $("why-where");
    where.textContent = env.t(answer.set === "test" ? "why.point_test" : "why.point_train",
      { index: String(answer.index) }) + " · x1 = " + fmt(x) + ", x2 = " + fmt(y);
    const verdict = $("why-verdict");
    verdict.textContent = env.t(r.correct ? "why.correct" : "why.wrong");
    verdict.className = "verdict " + (r.correct ? "right" : "wrong");
    $("why").dataset.correct = String(r.correct);
    ForwardView.show(
      { summary: $("why-summary"), layers: $("why-forward"), probabilities: $("why-probs") },
      r, { t: env.t, has: env.has, fmt: fmt },
    );
    showGraph(answer.graph);
    $("why-stepper").href = answer.stepper;
    showWeightList(answer.weights);
  }

  // The SVG text becomes a picture through a blob: URL (an <img> runs no
  // script, whatever the text holds).
  function showGraph(graph) {
    if (!graph) return;
    if (now.blob) URL.revokeObjectURL(now.blob);
    now.blob = URL.createObjectURL(new Blob([graph.svg], { type: "image/svg+xml" }));
    $("why-graph").src = now.blob;
    $("why-graph").alt = env.t("why.graph") + (graph.focus ? " · " + graph.focus : "");
    $("why-big-img").src = now.blob;
    $("why-graph").dataset.focus = graph.focus || "";
    const note = graph.nodes_left_out > 0
      ? env.t("why.graph_focus", { focus: graph.focus, left: String(graph.nodes_left_out) })
      : env.t("why.graph_whole", { n: String(graph.nodes_drawn) });
    $("why-graph-note").textContent = note + " · " + env.t("why.enlarge");
  }

  function showWeightList(weights) {
    const select = $("why-weight");
    select.textContent = "";
    for (const w of weights) {
      const option = el("option", "", w.name + "    dL/dw = " + fmt(w.grad));
      option.value = w.name;
      option.dataset.grad = String(w.grad);
      select.appendChild(option);
    }
    if (now.weight) select.value = now.weight;
  }

  function showWeight(weight) {
    now.answer = weight;
    $("why-weight").value = weight.name;
    WeightView.show($("why-chain"), $("why-step"), weight, {
      t: env.t, fmt: fmt, has: env.has, outputs: outputNames(), label: now.inspect.report.label,
    });
    showGraph(weight.graph);
    showTook(weight);
    // The stepper then offers "next step on the path to w" for this weight.
    const link = new URL(now.inspect.stepper, location.href);
    link.searchParams.set("focus", weight.name);
    $("why-stepper").href = link.pathname + link.search;
  }

  function outputNames() {
    const layers = now.inspect.report.layers;
    return layers[layers.length - 1].neurons.map((n) => n.label);
  }

  // After the panel's own step: does w hold the value the panel said?
  function showTook(weight) {
    const took = $("why-took");
    const promised = now.promised;
    if (!promised || promised.name !== weight.name) {
      took.classList.add("hidden");
      return;
    }
    const same = weight.value === promised.value;
    took.textContent = env.t(same ? "why.took" : "why.differs", {
      w: weight.name, value: fmt(weight.value), expected: fmt(promised.value),
    });
    took.className = "took " + (same ? "same" : "differs");
    took.dataset.value = String(weight.value);
    took.dataset.promised = String(promised.value);
    $("why-value").classList.toggle("took", same); // the value in the rule's line, too
  }

  // ---------------------------------------------------------------- wiring
  function init(options) {
    env = options;
    $("why-close").addEventListener("click", close);
    $("why-weight").addEventListener("change", () => pickWeight($("why-weight").value));
    $("why-one-step").addEventListener("click", oneStep);
    $("why-graph").addEventListener("click", () => $("why-big").classList.remove("hidden"));
    $("why-big").addEventListener("click", () => $("why-big").classList.add("hidden"));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") $("why-big").classList.add("hidden");
    });
  }

  // What the plane rings and the network outlines (null when closed).
  function chosen() {
    return now.open ? { set: now.set, index: now.index, weight: now.weight } : null;
  }

  return {
    init: init, inspect: inspect, close: close, pickWeight: pickWeight,
    frameArrived: frameArrived, refresh: refresh, chosen: chosen,
  };
})();
