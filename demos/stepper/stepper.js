// The backprop stepper page (demos/stepper/page.html): shows the steps that
// demos/stepper/stepper.py computed; it computes no number itself.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("stepper-data").textContent);
  var SVG_NS = "http://www.w3.org/2000/svg";
  var ui = DATA.ui;
  var steps = DATA.steps;
  var current = 0;
  var scale = 1;

  function $(id) { return document.getElementById(id); }
  function setText(element, text) { element.textContent = text; }
  // An SVG element with attributes, appended to parent. Values go through
  // setAttribute, so they are never read as markup.
  function svg(tag, attributes, parent) {
    var element = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes).forEach(function (key) {
      element.setAttribute(key, String(attributes[key]));
    });
    parent.appendChild(element);
    return element;
  }
  function svgText(x, y, cls, text, parent, anchor) {
    var element = svg("text", { x: x, y: y, "class": cls }, parent);
    if (anchor) element.setAttribute("text-anchor", anchor);
    setText(element, text);
    return element;
  }

  // ---- static texts
  document.documentElement.lang = DATA.lang;
  document.title = DATA.title + " · " + ui.page_title;
  // No title of its own: the page's name once, not "Backprop: Backprop".
  var ownTitle = DATA.title !== ui.page_title;
  setText($("page-title"), ui.page_title + (ownTitle ? ":" : ""));
  setText($("example-title"), ownTitle ? DATA.title : "");
  setText($("prev"), ui.prev);
  setText($("next"), ui.next);
  setText($("keys"), ui.keys);
  setText($("steps-heading"), ui.steps);
  setText($("zoom-fit"), ui.fit);
  $("zoom-in").title = ui.zoom_in;
  $("zoom-out").title = ui.zoom_out;

  // ---- the key: what each box colour means
  DATA.key.forEach(function (entry) {
    var item = document.createElement("span");
    var swatch = document.createElement("span");
    swatch.className = "swatch " + entry[0];
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(entry[1]));
    $("key").appendChild(item);
  });

  // ---- jumps: to a phase, to the first step touching a layer
  var jump = $("jump");
  [[ui.jump, -1]].concat(DATA.jumps.map(function (j) { return [j.label, j.step]; }))
    .forEach(function (option) {
      var element = document.createElement("option");
      setText(element, option[0]);
      element.value = String(option[1]);
      jump.appendChild(element);
    });
  jump.addEventListener("change", function () {
    var k = Number(jump.value);
    jump.value = "-1";
    if (k >= 0) go(k);
  });

  // ---- the path to one chosen value (focus): its steps, and buttons to them
  var onPath = {};
  if (DATA.focus) {
    DATA.focus.steps.forEach(function (k) { onPath[k] = true; });
    $("focus-nav").hidden = false;
    setText($("focus-next"), DATA.focus.next);
    setText($("focus-prev"), DATA.focus.prev);
    setText($("focus-info"), DATA.focus.info);
    $("focus-next").addEventListener("click", function () {
      var later = DATA.focus.steps.filter(function (k) { return k > current; });
      if (later.length) go(later[0]);
    });
    $("focus-prev").addEventListener("click", function () {
      var earlier = DATA.focus.steps.filter(function (k) { return k < current; });
      if (earlier.length) go(earlier[earlier.length - 1]);
    });
  }

  // ---- the graph
  var graph = $("graph");
  var W = DATA.graph.width, H = DATA.graph.height;
  var BOX_W = DATA.graph.box[0], BOX_H = DATA.graph.box[1];
  graph.setAttribute("viewBox", "0 0 " + W + " " + H);
  var nodeById = {};
  DATA.nodes.forEach(function (node) { nodeById[node.id] = node; });

  // Arrowheads: grey ones point forward (parent -> child); the active
  // backward arrow gets an orange head at its start, pointing back.
  var defs = svg("defs", {}, graph);
  [["arrow", "#b3bac8", "auto", 7], ["arrow-back", "#e07a10", "auto-start-reverse", 14]]
    .forEach(function (m) {
      var marker = svg("marker", { id: m[0], viewBox: "0 0 10 10", refX: 9, refY: 5,
        markerWidth: m[3], markerHeight: m[3], orient: m[2], markerUnits: "userSpaceOnUse" },
        defs);
      svg("path", { d: "M0,0 L10,5 L0,10 z", fill: m[1] }, marker);
    });
  var edgeLayer = svg("g", { "class": "edges" }, graph);
  var nodeLayer = svg("g", { "class": "nodes" }, graph);
  var activeLayer = svg("g", { "class": "active-edge" }, graph);  // over the boxes
  var labelLayer = svg("g", { "class": "labels" }, graph);
  var edgeEls = DATA.edges.map(function (edge) {
    var path = svg("path", { d: edge.d, "class": "edge", "marker-end": "url(#arrow)" },
                   edgeLayer);
    path.setAttribute("data-edge", edge.id);
    path.setAttribute("data-node", nodeById[edge.to].name);
    path.setAttribute("data-parent", nodeById[edge.from].name);
    return path;
  });
  var labelGroup = svg("g", { visibility: "hidden" }, labelLayer);
  var labelBg = svg("rect", { "class": "edge-label-bg", rx: 4, height: 20 }, labelGroup);
  var labelText = svgText(0, 0, "edge-label", "", labelGroup, "middle");

  var nodeEls = DATA.nodes.map(function (node) {
    var focused = DATA.focus && DATA.focus.node === node.id;
    var g = svg("g", { "class": "node " + node.role + (focused ? " focus" : ""),
                       transform: "translate(" + node.x + "," + node.y + ")" }, nodeLayer);
    g.setAttribute("data-name", node.name);
    g.setAttribute("data-id", node.id);
    var tooltip = svg("title", {}, g);
    setText(tooltip, node.name + (node.op ? "  (" + node.op + ")" : ""));
    svg("rect", { width: BOX_W, height: BOX_H, rx: 7 }, g);
    svgText(8, 18, "name", node.short, g);
    if (node.op) svgText(BOX_W - 8, 18, "op", node.op, g, "end");
    return {
      g: g,
      data: svgText(8, 37, "data", "", g),
      grad: svgText(8, 55, "grad", "", g),
    };
  });

  // ---- the step list
  var listEls = steps.map(function (step, i) {
    var li = document.createElement("li");
    setText(li, step.short);
    li.setAttribute("data-phase", step.phase);
    if (onPath[i]) li.setAttribute("data-on-path", "true");
    li.addEventListener("click", function () { go(i); });
    $("steps").appendChild(li);
    return li;
  });

  // ---- showing step k: replay steps 0..k (cheap, and never out of sync)
  function render() {
    var step = steps[current];
    var shown = {}, grads = {}, done = {};
    for (var i = 0; i <= current; i++) {
      steps[i].show.forEach(function (id) { shown[id] = true; });
      steps[i].grads.forEach(function (g) { grads[g[0]] = g; });
      if (steps[i].edge !== null && i < current) done[steps[i].edge] = true;
    }
    DATA.nodes.forEach(function (node, id) {
      var els = nodeEls[id];
      var known = shown[id] === true;
      setText(els.data, ui.data + "  " + (known ? node.data : "?"));
      els.data.setAttribute("class", "data" + (known ? "" : " unknown"));
      var g = grads[id];
      setText(els.grad, ui.grad + "  " + (g ? g[1] : "—"));
      var touched = g && step.phase !== "graph" && g[2] !== "0.0";
      els.grad.setAttribute("class", "grad" + (g ? (touched ? " set" : " zero") : " unknown"));
      els.g.setAttribute("data-grad", g ? g[2] : "");
      els.g.setAttribute("data-data", known ? node.exact_data : "");
      els.g.classList.remove("active", "upstream", "receiving");
    });
    if (step.node !== null) {
      nodeEls[step.node].g.classList.add(step.phase === "forward" ? "active" : "upstream");
    }
    if (step.parent !== null) nodeEls[step.parent].g.classList.add("receiving");
    edgeEls.forEach(function (path, id) {
      var active = id === step.edge;
      path.setAttribute("class", "edge" + (active ? " active" : done[id] ? " done" : ""));
      if (active) path.setAttribute("marker-start", "url(#arrow-back)");
      else path.removeAttribute("marker-start");
      var layer = active ? activeLayer : edgeLayer;
      if (path.parentNode !== layer) layer.appendChild(path);
    });
    if (step.edge !== null) {
      var edge = DATA.edges[step.edge];
      setText(labelText, step.edge_label);
      labelText.setAttribute("x", edge.lx);
      // Just above the arrow's middle, so the arrow itself stays visible.
      labelText.setAttribute("y", edge.ly - 11);
      var width = 9 * step.edge_label.length + 12;
      labelBg.setAttribute("x", edge.lx - width / 2);
      labelBg.setAttribute("y", edge.ly - 26);
      labelBg.setAttribute("width", width);
      labelGroup.setAttribute("visibility", "visible");
    } else {
      labelGroup.setAttribute("visibility", "hidden");
    }

    // The panel. Exact numbers ride along as data-* attributes for checks.
    var panel = $("panel");
    panel.setAttribute("data-phase", step.phase);
    panel.setAttribute("data-step", current);
    panel.setAttribute("data-node", step.node !== null ? nodeById[step.node].name : "");
    panel.setAttribute("data-parent", step.parent !== null ? nodeById[step.parent].name : "");
    ["local", "upstream", "contribution", "grad"].forEach(function (key) {
      panel.setAttribute("data-" + key, step.exact ? step.exact[key] : "");
    });
    setText($("counter"), ui.step_of.replace("{k}", current + 1).replace("{n}", steps.length));
    setText($("phase"), DATA.phases[step.phase]);
    setText($("step-title"), step.title);
    setText($("arith"), step.arith);
    var lines = $("lines");
    while (lines.firstChild) lines.removeChild(lines.firstChild);
    step.lines.forEach(function (line) {
      var p = document.createElement("p");
      setText(p, line);
      lines.appendChild(p);
    });
    $("prev").disabled = current === 0;
    $("next").disabled = current === steps.length - 1;
    listEls.forEach(function (li, i) {
      li.className = (i === current ? "current" : i < current ? "past" : "") +
        (onPath[i] ? " on-path" : "");
    });
    if (DATA.focus) {
      var pathSteps = DATA.focus.steps;
      $("focus-prev").disabled = !(pathSteps.length && pathSteps[0] < current);
      $("focus-next").disabled = !(pathSteps.length && pathSteps[pathSteps.length - 1] > current);
    }
    showInList(listEls[current]);
    var shownNow = [step.node, step.parent].filter(function (id) { return id !== null; });
    reveal(shownNow.map(function (id) { return nodeEls[id].g; }));
  }

  // Scroll the step list itself (never the page: scrollIntoView would move
  // every scrolled box around it, the header and buttons too).
  function showInList(li) {
    var list = $("steps");
    var top = li.offsetTop, bottom = top + li.offsetHeight;
    if (top < list.scrollTop) list.scrollTop = top - 4;
    else if (bottom > list.scrollTop + list.clientHeight) {
      list.scrollTop = bottom - list.clientHeight + 4;
    }
  }

  // Scroll the graph (as little as possible) so the given boxes are in view.
  function reveal(elements) {
    if (!elements.length) return;
    var canvas = $("canvas"), view = canvas.getBoundingClientRect(), pad = 24;
    var box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    elements.forEach(function (element) {
      var r = element.getBoundingClientRect();
      box.left = Math.min(box.left, r.left); box.top = Math.min(box.top, r.top);
      box.right = Math.max(box.right, r.right); box.bottom = Math.max(box.bottom, r.bottom);
    });
    if (box.left - pad < view.left) canvas.scrollLeft -= view.left - box.left + pad;
    else if (box.right + pad > view.right) {
      canvas.scrollLeft += Math.min(box.right + pad - view.right, box.left - pad - view.left);
    }
    if (box.top - pad < view.top) canvas.scrollTop -= view.top - box.top + pad;
    else if (box.bottom + pad > view.bottom) {
      canvas.scrollTop += Math.min(box.bottom + pad - view.bottom, box.top - pad - view.top);
    }
  }

  function go(k) {
    current = Math.max(0, Math.min(steps.length - 1, k));
    render();
    try {  // a sandboxed frame (a notebook's) may refuse; the page works anyway
      history.replaceState(null, "", "#step-" + (current + 1));
    } catch (error) { /* no address to update */ }
  }

  // ---- zoom
  function setScale(s) {
    scale = Math.max(0.05, Math.min(3, s));
    graph.setAttribute("width", Math.round(W * scale));
    graph.setAttribute("height", Math.round(H * scale));
  }
  // The scale at which the whole graph fits in the pane (padding and
  // scroll bars left out).
  function fitScale() {
    var canvas = $("canvas");
    var width = canvas.clientWidth - 20, height = canvas.clientHeight - 20;
    return Math.min(1.4, width / W, height / H);
  }
  function fit() {
    setScale(fitScale());
    $("canvas").scrollLeft = 0;
    $("canvas").scrollTop = 0;
  }
  $("zoom-in").addEventListener("click", function () { setScale(scale * 1.2); });
  $("zoom-out").addEventListener("click", function () { setScale(scale / 1.2); });
  $("zoom-fit").addEventListener("click", fit);

  // ---- controls
  $("prev").addEventListener("click", function () { go(current - 1); });
  $("next").addEventListener("click", function () { go(current + 1); });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var moves = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
    if (event.key in moves) go(current + moves[event.key]);
    else if (event.key === "Home") go(0);
    else if (event.key === "End") go(steps.length - 1);
    else return;
    event.preventDefault();
  });

  // At the start: the whole graph if its numbers can still be read there,
  // else a readable size to scroll around in (Fit shows it all).
  setScale(Math.max(fitScale(), Math.min(0.85, 1.4)));
  var match = /^#step-(\d+)$/.exec(location.hash);
  go(match ? Number(match[1]) - 1 : 0);
})();
