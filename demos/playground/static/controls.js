// controls.js — one control per row of the settings table from /api/boot.
//
// The page knows no setting by name: a row's kind says which control it
// gets (a list of choices, a number box, a tick box, or +/- buttons for the
// hidden layers), its group says where it goes, and `hide` hides it. Each
// change is handed to onChange(name, value); the server checks the value.
"use strict";

const Controls = (() => {
  let made = {}; // name -> {row, input}
  let words = null; // {t(key, vars), has(key)}

  function valueText(row, value) {
    const key = "choice." + row.name + "." + value;
    return words.has(key) ? words.t(key) : String(value);
  }

  function pmButton(text, titleKey, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "pm";
    b.textContent = text;
    b.dataset.title = titleKey;
    b.addEventListener("click", onClick);
    return b;
  }

  // "- 2 +": the number of hidden layers (the neurons' buttons are drawn
  // above each layer by network.js).
  function layersControl(row, onChange) {
    const box = document.createElement("span");
    box.className = "layers";
    let layers = row.default.slice();
    const count = document.createElement("span");
    count.className = "count";
    const minus = pmButton("−", "ui.remove_layer", () => onChange(row.name, layers.slice(0, -1)));
    const plus = pmButton("+", "ui.add_layer", () =>
      onChange(row.name, layers.concat([layers.length ? layers[layers.length - 1] : 4])));
    box.append(minus, count, plus);
    box.update = (value) => {
      layers = value.slice();
      count.textContent = String(layers.length);
      minus.disabled = layers.length <= 0;
      plus.disabled = layers.length >= (row.max_layers || 4);
    };
    return box;
  }

  function numberBox(row, onChange) {
    const input = document.createElement("input");
    input.type = "number";
    if (row.min !== null && row.min !== undefined) input.min = row.min;
    if (row.max !== null && row.max !== undefined) input.max = row.max;
    input.step = row.kind === "int" ? "1" : "any";
    input.addEventListener("change", () => onChange(row.name, input.value));
    return input;
  }

  function buildOne(row, hidden, onChange) {
    const box = document.createElement("div");
    box.className = "control kind-" + row.kind;
    box.dataset.setting = row.name;
    if (hidden) box.classList.add("hidden");
    if (words.has("help." + row.name)) box.dataset.title = "help." + row.name;
    const label = document.createElement("label");
    const name = document.createElement("span");
    name.className = "name";
    name.dataset.text = "setting." + row.name;
    label.appendChild(name);
    let input;
    if (row.kind === "layers") {
      input = layersControl(row, onChange);
      box.append(name, input); // buttons inside a <label> would all share one click
    } else if (row.kind === "bool") {
      input = document.createElement("input");
      input.type = "checkbox";
      input.addEventListener("change", () => onChange(row.name, input.checked));
      label.prepend(input);
      label.classList.add("check");
      box.appendChild(label);
    } else {
      if (row.choices && row.choices.length) {
        input = document.createElement("select");
        input.addEventListener("change", () => onChange(row.name, input.value));
      } else {
        input = numberBox(row, onChange);
      }
      label.appendChild(input);
      box.appendChild(label);
    }
    input.id = "setting-" + row.name;
    made[row.name] = { row: row, input: input };
    return box;
  }

  // containers: group -> element; hide: names whose controls are hidden.
  function build(table, containers, hide, onChange, wordsGiven) {
    words = wordsGiven;
    made = {};
    for (const row of table) {
      const where = containers[row.group] || containers.training;
      where.appendChild(buildOne(row, hide.includes(row.name), onChange));
    }
  }

  function fillSelect(row, select, value) {
    const shown = String(value) + "|" + document.documentElement.lang;
    if (select.dataset.shown === shown) return; // keep an open list open
    select.dataset.shown = shown;
    const values = row.choices.slice();
    if (!values.some((c) => String(c) === String(value))) values.push(value);
    select.textContent = "";
    for (const c of values) {
      const option = document.createElement("option");
      option.value = String(c);
      option.textContent = valueText(row, c);
      select.appendChild(option);
    }
    select.value = String(value);
  }

  // Show the frame's settings in the controls (not in the box being typed in).
  function update(settings) {
    for (const [name, { row, input }] of Object.entries(made)) {
      const value = settings[name];
      if (value === undefined) continue;
      if (input.update) input.update(value);
      else if (input.type === "checkbox") input.checked = !!value;
      else if (input.tagName === "SELECT") fillSelect(row, input, value);
      else if (document.activeElement !== input) input.value = String(value);
    }
  }

  function row(name) {
    return made[name] ? made[name].row : null;
  }

  // A control that does not apply now (the loss with three classes, which
  // always use cross-entropy) stays in place, greyed out.
  function disable(name, off) {
    if (made[name] && made[name].input.disabled !== off) made[name].input.disabled = off;
  }

  return { build: build, update: update, row: row, disable: disable };
})();
