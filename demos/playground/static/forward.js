// forward.js — the clicked point's forward pass, in the "why?" panel.
//
// Draws the report of /api/inspect as it is: the point's label, the class
// the network predicts and its loss; one small table per layer with every
// neuron's weighted sum s and output g(s), the inputs first; and the class
// probabilities as bars. Nothing is computed here: numbers are only
// formatted (the bars' widths are pixels, from the probabilities given).
"use strict";

const ForwardView = (() => {
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function swatch(c) {
    const s = el("span", "swatch");
    s.style.background = Heatmap.classColor(c);
    return s;
  }

  function activationName(name, words) {
    const key = "choice.activation." + name;
    return words.has(key) ? words.t(key) : name;
  }

  function showSummary(box, r, words) {
    box.textContent = "";
    const label = el("span", "item");
    label.append(words.t("why.label") + " ", swatch(r.label), " " + r.label);
    const said = el("span", "item");
    said.append(words.t("why.predicted") + " ", swatch(r.predicted), " " + r.predicted);
    const loss = el("span", "item loss");
    const value = el("strong", "", words.fmt(r.loss));
    value.id = "why-loss";
    value.dataset.value = String(r.loss);
    loss.append(words.t("why.loss") + " ", value);
    box.append(label, said, loss);
  }

  // One small table per layer: neuron, s, g(s); the inputs first.
  function showLayers(box, r, words) {
    box.textContent = "";
    const inputs = el("table", "layer");
    const head = inputs.createTHead().insertRow();
    head.append(el("th", "", words.t("ui.input")), el("th"));
    for (const input of r.inputs) {
      const row = inputs.insertRow();
      row.append(el("td", "name", input.name), el("td", "num", words.fmt(input.value)));
    }
    box.appendChild(inputs);
    r.layers.forEach((layer, k) => {
      const table = el("table", "layer");
      const caption = table.createCaption();
      caption.textContent = words.t("why.layer", {
        k: String(k + 1), activation: activationName(layer.activation, words),
      });
      const h = table.createTHead().insertRow();
      h.append(el("th"), el("th", "num", "s"), el("th", "num", "g(s)"));
      h.cells[1].title = words.t("why.sum");
      h.cells[2].title = words.t("why.activated");
      for (const n of layer.neurons) {
        const row = table.insertRow();
        row.append(el("td", "name", n.label), el("td", "num", words.fmt(n.sum)),
          el("td", "num", words.fmt(n.output)));
      }
      box.appendChild(table);
    });
  }

  function showProbabilities(box, r, words) {
    box.textContent = "";
    box.appendChild(el("div", "caption", words.t("why.probabilities")));
    r.probabilities.forEach((p, c) => {
      const row = el("div", "prob" + (c === r.label ? " right" : "") + (c === r.predicted ? " said" : ""));
      const name = el("span", "name");
      name.append(swatch(c), " " + words.t("ui.class") + " " + c);
      const bar = el("span", "bar");
      const fill = el("span", "fill");
      fill.style.width = Math.max(0, Math.min(100, 100 * p)) + "%"; // pixels only
      fill.style.background = Heatmap.classColor(c);
      bar.appendChild(fill);
      const value = el("span", "num", words.fmt(p));
      value.dataset.value = String(p);
      row.append(name, bar, value);
      if (c === r.label) row.appendChild(el("span", "tag", words.t("why.label")));
      box.appendChild(row);
    });
  }

  // boxes: {summary, layers, probabilities}, the elements to fill;
  // report: /api/inspect's "report"; words: {t, has, fmt}.
  function show(boxes, report, words) {
    showSummary(boxes.summary, report, words);
    showLayers(boxes.layers, report, words);
    showProbabilities(boxes.probabilities, report, words);
  }

  return { show: show };
})();
