// network.js — the network as columns of neurons joined by weighted edges.
//
// Each neuron is a small tile showing its own output over the whole plane
// (frame.network ... tile: 20 x 20 values in -1..1, computed by takaisin);
// the two inputs' tiles are just the coordinates x1 and x2. An edge's colour
// is its weight's sign (orange negative, blue positive) and its width the
// weight's size. Hovering a tile or an edge shows its exact numbers. While
// the "why?" panel is open, clicking an edge picks that weight (clicking a
// neuron picks its bias) and the picked one is drawn outlined.
"use strict";

const Network = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  const HEADER = 46; // room above the columns for each layer's +/- buttons
  const INPUT_TILE = 20;
  const MAX_HEIGHT = 330; // px: sixteen neurons still fit on a laptop screen

  let built = null; // {key, tiles, edges, ...} of the picture on the page

  // Four decimals; a number that has blown up in four significant digits.
  function fmt(v) {
    if (typeof v !== "number") return String(v);
    return Math.abs(v) >= 1e6 ? v.toExponential(4) : v.toFixed(4);
  }

  function svg(name, attrs) {
    const el = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  }

  // The input tiles: x1 grows left to right, x2 bottom to top.
  function inputTile(extent, which) {
    const [xmin, xmax, ymin, ymax] = extent;
    const out = [];
    const reach = which === 0 ? Math.max(Math.abs(xmin), Math.abs(xmax))
      : Math.max(Math.abs(ymin), Math.abs(ymax));
    for (let r = 0; r < INPUT_TILE; r++) {
      for (let c = 0; c < INPUT_TILE; c++) {
        const x = xmin + ((c + 0.5) / INPUT_TILE) * (xmax - xmin);
        const y = ymax - ((r + 0.5) / INPUT_TILE) * (ymax - ymin);
        out.push((which === 0 ? x : y) / (reach || 1));
      }
    }
    return out;
  }

  function edgeColor(w) {
    const t = Math.sign(w) * (0.3 + 0.7 * Math.min(1, Math.abs(w)));
    return Heatmap.rgb(Heatmap.diverging(t));
  }

  function edgeWidth(w) {
    return Math.min(7, 0.6 + 1.8 * Math.abs(w));
  }

  // Where every tile sits. The box grows with the tallest column (up to
  // MAX_HEIGHT), so a small network does not float in empty space.
  function layoutOf(columns, width) {
    const most = Math.max(...columns.map((c) => c.count));
    const tile = Math.max(14, Math.min(34, Math.floor((MAX_HEIGHT - HEADER) / most) - 8));
    const pitch = tile + Math.min(14, Math.max(6, tile / 3));
    const height = HEADER + most * pitch + 4;
    const left = 24;
    const step = columns.length > 1 ? (width - left - tile - 8) / (columns.length - 1) : 0;
    const places = columns.map((col, ci) => {
      const top = HEADER + ((most - col.count) * pitch) / 2;
      const ys = [];
      for (let i = 0; i < col.count; i++) ys.push(top + i * pitch);
      return { x: left + ci * step, ys: ys, tile: tile };
    });
    return { places: places, height: height };
  }

  function columnsOf(frame) {
    const cols = [{ kind: "input", count: frame.network.inputs.length }];
    frame.network.layers.forEach((layer, li) => {
      const last = li === frame.network.layers.length - 1;
      cols.push({ kind: last ? "output" : "hidden", count: layer.neurons.length, layer: li });
    });
    return cols;
  }

  function keyOf(frame, editable, width) {
    const sizes = frame.network.layers.map((l) => l.neurons.length).join(",");
    return sizes + "|" + frame.network.inputs.length + "|" + editable + "|" + width;
  }

  function build(box, frame, options) {
    box.textContent = "";
    const width = box.clientWidth;
    const columns = columnsOf(frame);
    const { places, height } = layoutOf(columns, width);
    box.style.height = height + "px";
    const lines = svg("svg", { width: width, height: height, class: "edges" });
    box.appendChild(lines);
    const tiles = [];
    const edges = [];
    columns.forEach((col, ci) => {
      const place = places[ci];
      box.appendChild(header(col, place, frame, options));
      tiles.push(place.ys.map((y, i) => {
        const canvas = document.createElement("canvas");
        canvas.className = "tile kind-" + col.kind;
        const scale = window.devicePixelRatio || 1;
        canvas.width = canvas.height = Math.round(place.tile * scale);
        canvas.style.left = place.x + "px";
        canvas.style.top = y + "px";
        canvas.style.width = canvas.style.height = place.tile + "px";
        canvas.dataset.column = String(ci);
        canvas.dataset.index = String(i);
        if (col.kind === "input") {
          const label = document.createElement("span");
          label.className = "input-label";
          label.textContent = frame.network.inputs[i];
          label.style.left = place.x - 22 + "px";
          label.style.top = y + place.tile / 2 - 8 + "px";
          box.appendChild(label);
        }
        hover(canvas, options, () => neuronText(built.frame, ci, i, options));
        if (ci > 0) canvas.addEventListener("click", () => pick(neuronOf(built.frame, ci, i).label + ".b"));
        box.appendChild(canvas);
        return canvas;
      }));
      if (ci === 0) return;
      const prev = places[ci - 1];
      edges.push(place.ys.map((y, i) => prev.ys.map((py, j) => {
        const x0 = prev.x + prev.tile;
        const y0 = py + prev.tile / 2;
        const x1 = place.x;
        const y1 = y + place.tile / 2;
        const mid = (x0 + x1) / 2;
        const d = `M${x0},${y0} C${mid},${y0} ${mid},${y1} ${x1},${y1}`;
        const path = svg("path", { d: d, fill: "none", class: "edge" });
        const hit = svg("path", { d: d, fill: "none", class: "edge-hit" });
        hit.dataset.layer = String(ci - 1);
        hit.dataset.to = String(i);
        hit.dataset.from = String(j);
        hover(hit, options, () => edgeText(built.frame, ci - 1, i, j, options));
        hit.addEventListener("click", () =>
          pick(built.frame.network.layers[ci - 1].neurons[i].label + ".w" + (j + 1)));
        lines.appendChild(path);
        lines.appendChild(hit);
        return path;
      })));
    });
    return { tiles: tiles, edges: edges };
  }

  // Above each hidden column: its neuron count with - and + buttons.
  function header(col, place, frame, options) {
    const head = document.createElement("div");
    head.className = "column-head";
    head.style.left = place.x + place.tile / 2 + "px";
    if (col.kind === "hidden" && options.editable) {
      const n = col.count;
      const minus = document.createElement("button");
      minus.type = "button";
      minus.className = "pm";
      minus.textContent = "−";
      minus.title = options.text("ui.remove_neuron");
      minus.disabled = n <= options.minNeurons;
      minus.addEventListener("click", () => options.onNeurons(col.layer, -1));
      const plus = document.createElement("button");
      plus.type = "button";
      plus.className = "pm";
      plus.textContent = "+";
      plus.title = options.text("ui.add_neuron");
      plus.disabled = n >= options.maxNeurons;
      plus.addEventListener("click", () => options.onNeurons(col.layer, +1));
      const buttons = document.createElement("div");
      buttons.append(minus, plus);
      head.appendChild(buttons);
    }
    const label = document.createElement("div");
    label.className = "column-label";
    label.textContent = col.kind === "input" ? options.text("ui.input")
      : col.kind === "output" ? options.text("ui.output") : String(col.count);
    head.appendChild(label);
    return head;
  }

  function neuronOf(frame, ci, i) {
    return frame.network.layers[ci - 1].neurons[i];
  }

  // A number and, when the frame has it, its last gradient dL/dw.
  function withGrad(value, grad, options) {
    const g = typeof grad === "number" ? "   (" + options.text("ui.gradient") + " " + fmt(grad) + ")" : "";
    return fmt(value) + g;
  }

  function neuronText(frame, ci, i, options) {
    if (ci === 0) return frame.network.inputs[i];
    const n = neuronOf(frame, ci, i);
    const inputs = ci === 1 ? frame.network.inputs
      : frame.network.layers[ci - 2].neurons.map((m) => m.label);
    const lines = [options.text("ui.neuron") + " " + n.label + " (" +
      frame.network.layers[ci - 1].activation + ")",
      options.text("ui.bias") + " = " + withGrad(n.bias, n.bias_grad, options)];
    n.weights.forEach((w, j) => lines.push(options.text("ui.weight") + " " + inputs[j] +
      " → " + n.label + " = " + withGrad(w, (n.grads || [])[j], options)));
    return lines.join("\n");
  }

  function edgeText(frame, layer, i, j, options) {
    const n = frame.network.layers[layer].neurons[i];
    const from = layer === 0 ? frame.network.inputs[j]
      : frame.network.layers[layer - 1].neurons[j].label;
    return options.text("ui.weight") + " " + from + " → " + n.label + " = " +
      withGrad(n.weights[j], (n.grads || [])[j], options);
  }

  // A weight's name as the model calls it: "L1.N2.w1" (from x1 into L1.N2),
  // "L1.N2.b" (its bias). Only while someone listens (the panel is open).
  function pick(name) {
    if (built.options.onPick) built.options.onPick(name);
  }

  function hover(el, options, textOf) {
    const tip = options.tooltip;
    el.addEventListener("mouseenter", () => {
      tip.textContent = textOf();
      tip.classList.remove("hidden");
    });
    el.addEventListener("mousemove", (event) => {
      tip.textContent = textOf(); // the numbers change while training runs
      // Beside the mouse, on whichever side has room on the screen.
      const right = event.clientX + 14 + tip.offsetWidth < window.innerWidth;
      const below = event.clientY + 12 + tip.offsetHeight < window.innerHeight;
      tip.style.left = (right ? event.pageX + 14 : event.pageX - 10 - tip.offsetWidth) + "px";
      tip.style.top = (below ? event.pageY + 12 : event.pageY - 8 - tip.offsetHeight) + "px";
    });
    el.addEventListener("mouseleave", () => tip.classList.add("hidden"));
  }

  // Draw (or update) the picture in box from frame.network.
  // options: {tooltip, text(key, vars), editable, minNeurons, maxNeurons,
  //           onNeurons(layerIndex, +1|-1),
  //           onPick(weightName) or null, picked: the weight name to outline}
  function draw(box, frame, options) {
    const key = keyOf(frame, options.editable, box.clientWidth);
    if (!built || built.key !== key || !box.contains(built.tiles[0][0])) {
      built = Object.assign(build(box, frame, options), { key: key });
    }
    built.frame = frame;
    built.options = options;
    box.classList.toggle("picking", Boolean(options.onPick));
    built.tiles.forEach((column, ci) => column.forEach((canvas, i) => {
      const values = ci === 0 ? inputTile(frame.extent, i) : neuronOf(frame, ci, i).tile;
      const n = Math.round(Math.sqrt(values.length));
      Heatmap.paintCells(canvas, n, (k) => Heatmap.diverging(values[k]));
      if (ci > 0) {
        const n = neuronOf(frame, ci, i);
        canvas.dataset.bias = String(n.bias);
        canvas.dataset.weightName = n.label + ".b";
        canvas.classList.toggle("picked", options.picked === n.label + ".b");
      }
    }));
    built.edges.forEach((layer, li) => layer.forEach((row, i) => row.forEach((path, j) => {
      const w = frame.network.layers[li].neurons[i].weights[j];
      path.setAttribute("stroke", edgeColor(w));
      path.setAttribute("stroke-width", String(edgeWidth(w)));
      path.dataset.weight = String(w);
      const name = frame.network.layers[li].neurons[i].label + ".w" + (j + 1);
      path.dataset.weightName = name;
      path.nextSibling.dataset.weightName = name; // its wide invisible hit line
      path.classList.toggle("picked", options.picked === name);
    })));
  }

  return { draw: draw, fmt: fmt };
})();
