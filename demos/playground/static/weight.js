// weight.js — the chosen weight's part of the "why?" panel.
//
// Draws /api/weight's answer as it is: every path from the loss back to w
// as a row of local derivatives ∂(node)/∂(parent) with the path's product,
// the sum of the paths (= dL/dw for this point), explain()'s lines, and the
// next optimizer step with its numbers: the batch loss and gradient, the
// update rule (its lines come from Python, in the page's language) and this
// point's outputs and right-class probability before → after that step.
// Nothing is computed here: numbers are only formatted.
"use strict";

const WeightView = (() => {
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // A number with its exact value kept in data-value (tests read it).
  function num(value, words, id) {
    const e = el("strong", "num", words.fmt(value));
    e.dataset.value = String(value);
    if (id) e.id = id;
    return e;
  }

  // One path: (∂a/∂b) · (∂b/∂c) · ... = product.
  function pathRow(path, i, words) {
    const row = el("div", "path");
    row.appendChild(el("span", "path-name", words.t("why.path", { i: String(i + 1) })));
    const factors = el("span", "factors");
    path.edges.forEach((edge, k) => {
      if (k > 0) factors.appendChild(el("span", "times", "·"));
      const factor = el("span", "factor");
      factor.title = "∂" + edge.node + " / ∂" + edge.parent;
      factor.append(el("span", "local", words.fmt(edge.local)),
        el("span", "what", "∂" + edge.node + "/∂" + edge.parent));
      factors.appendChild(factor);
    });
    factors.appendChild(el("span", "times", "="));
    factors.appendChild(num(path.product, words));
    row.appendChild(factors);
    return row;
  }

  function showChain(box, weight, words) {
    box.textContent = "";
    const chain = weight.chain;
    box.appendChild(el("h3", "", words.t("why.chain", { w: weight.name })));
    chain.paths.forEach((path, i) => box.appendChild(pathRow(path, i, words)));
    if (chain.paths_left_out > 0) {
      box.appendChild(el("p", "hint", words.t("why.paths_left_out", { n: String(chain.paths_left_out) })));
    }
    const sum = el("p", "sum");
    sum.append(words.t("why.sum_paths") + " = ", num(chain.sum, words, "why-example-grad"));
    box.appendChild(sum);
    const details = el("details", "explain");
    details.appendChild(el("summary", "", words.t("why.explain", { w: weight.name })));
    details.appendChild(el("pre", "", weight.explain.join("\n")));
    box.appendChild(details);
  }

  function fact(name, value, words, id) {
    const item = el("span", "fact");
    item.append(name + " ", value === null ? "" : num(value, words, id));
    return item;
  }

  function move(key, vars, before, after, words, id) {
    const line = el("p", "move");
    line.id = id;
    line.textContent = words.t(key, Object.assign({ before: words.fmt(before), after: words.fmt(after) }, vars));
    line.dataset.before = String(before);
    line.dataset.after = String(after);
    return line;
  }

  function showStep(box, weight, words) {
    box.textContent = "";
    const p = weight.preview;
    box.appendChild(el("h3", "", words.t("why.step")));
    const facts = el("div", "facts");
    const opt = "choice.optimizer." + weight.optimizer;
    const optimizer = el("span", "fact", words.t("why.optimizer") + " " +
      (words.has(opt) ? words.t(opt) : weight.optimizer));
    facts.append(optimizer, fact(words.t("why.batch_loss"), p.batch_loss, words),
      fact(words.t("why.batch_grad"), p.grad, words, "why-batch-grad"));
    box.appendChild(facts);
    const rule = el("div", "rule");
    p.rule.forEach((line, i) => rule.appendChild(el("div", i === p.rule.length - 1 ? "line last" : "line", line)));
    box.appendChild(rule);
    const now = el("p", "values");
    now.append(weight.name + " = ", num(p.before, words, "why-value"), "  →  ",
      num(p.after, words, "why-after"));
    box.appendChild(now);
    box.appendChild(el("h3", "", words.t("why.after")));
    (p.output_before || []).forEach((before, i) => box.appendChild(move("why.output_move",
      { name: words.outputs[i] || String(i + 1) }, before, p.output_after[i], words, "why-output-" + i)));
    if (typeof p.probability_before === "number") {
      box.appendChild(move("why.prob_move", { c: String(words.label) },
        p.probability_before, p.probability_after, words, "why-probability"));
    }
    if (typeof p.predicted_after === "number") {
      box.appendChild(el("p", "move", words.t("why.predicted_after", { c: String(p.predicted_after) })));
    }
  }

  // chainBox, stepBox: where the two parts go; weight: /api/weight's
  // "weight"; words: {t, fmt, has, outputs: the output neurons' labels,
  // label: this point's right class}.
  function show(chainBox, stepBox, weight, words) {
    showChain(chainBox, weight, words);
    showStep(stepBox, weight, words);
    stepBox.dataset.weight = weight.name;
    stepBox.dataset.value = String(weight.value);
    stepBox.dataset.exampleGrad = String(weight.example_grad);
  }

  return { show: show };
})();
