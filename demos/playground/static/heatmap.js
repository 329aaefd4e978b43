// heatmap.js — the plane: the network's answer as colours, the points on top.
//
// Draws only what it is handed: frame.grid holds, for each of n x n cells
// (row 0 at the top, column 0 at the left), the class probabilities that
// takaisin computed; frame.points and frame.predicted hold the data and the
// model's class for each point. The one calculation here is the reverse of
// drawing: which plane coordinates (x1, x2) lie under a mouse pixel, and
// which drawn point (if any) is within a few pixels of it.
"use strict";

const Heatmap = (() => {
  const CLASS_COLORS = ["#f59322", "#0877bd", "#2ca02c"];
  const WHITE = [255, 255, 255];
  const NEGATIVE = hexToRgb(CLASS_COLORS[0]); // orange
  const POSITIVE = hexToRgb(CLASS_COLORS[1]); // blue

  function hexToRgb(hex) {
    const n = parseInt(hex.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }

  function mix(from, to, t) {
    return [0, 1, 2].map((i) => Math.round(from[i] + (to[i] - from[i]) * t));
  }

  function classColor(k) {
    return CLASS_COLORS[k % CLASS_COLORS.length];
  }

  // The colour of one cell: the likeliest class's colour, pale where the
  // network is unsure (probability near 1/k) and strong where it is sure.
  function cellColor(cell) {
    const probs = cell.length === 1 ? [1 - cell[0], cell[0]] : cell;
    let best = 0;
    for (let c = 1; c < probs.length; c++) {
      if (probs[c] > probs[best]) best = c;
    }
    const k = probs.length;
    const sure = Math.max(0, Math.min(1, (probs[best] - 1 / k) / (1 - 1 / k)));
    return mix(WHITE, hexToRgb(classColor(best)), 0.08 + 0.5 * sure);
  }

  // A value in -1..1 as colour: orange negative, white zero, blue positive
  // (used for neuron tiles and weights too).
  function diverging(v) {
    const t = Math.max(-1, Math.min(1, v));
    return t < 0 ? mix(WHITE, NEGATIVE, -t) : mix(WHITE, POSITIVE, t);
  }

  function rgb(c) {
    return "rgb(" + c[0] + "," + c[1] + "," + c[2] + ")";
  }

  // Paint an n x n array of colours (row 0 top) over the whole canvas,
  // smoothly scaled so the boundary between classes reads as a curve.
  function paintCells(canvas, n, colorOf) {
    const small = document.createElement("canvas");
    small.width = n;
    small.height = n;
    const sctx = small.getContext("2d");
    const image = sctx.createImageData(n, n);
    for (let i = 0; i < n * n; i++) {
      const c = colorOf(i);
      image.data.set([c[0], c[1], c[2], 255], 4 * i);
    }
    sctx.putImageData(image, 0, 0);
    const ctx = canvas.getContext("2d");
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(small, 0, 0, canvas.width, canvas.height);
  }

  function toPixel(canvas, extent, x, y) {
    const [xmin, xmax, ymin, ymax] = extent;
    return [
      ((x - xmin) / (xmax - xmin)) * canvas.width,
      ((ymax - y) / (ymax - ymin)) * canvas.height,
    ];
  }

  // Mouse position -> plane coordinates, through the frame's extent.
  function toPlane(canvas, extent, clientX, clientY) {
    const box = canvas.getBoundingClientRect();
    const [xmin, xmax, ymin, ymax] = extent;
    const fx = (clientX - box.left) / box.width;
    const fy = (clientY - box.top) / box.height;
    return [xmin + fx * (xmax - xmin), ymax - fy * (ymax - ymin)];
  }

  // The drawn point nearest to the mouse, if it is within `radius` screen
  // pixels: {set: "train"|"test", index}, else null. Test points count only
  // when they are drawn (showTest).
  function pointAt(canvas, frame, clientX, clientY, radius, showTest) {
    const box = canvas.getBoundingClientRect();
    const mx = clientX - box.left;
    const my = clientY - box.top;
    let best = null;
    let bestD = radius * radius;
    for (const which of showTest ? ["train", "test"] : ["train"]) {
      (frame.points[which] || []).forEach((p, i) => {
        const [px, py] = toPixel(box, frame.extent, p[0], p[1]);
        const d = (px - mx) * (px - mx) + (py - my) * (py - my);
        if (d <= bestD) {
          bestD = d;
          best = { set: which, index: i };
        }
      });
    }
    return best;
  }

  // A dark ring around the point the "why?" panel is about.
  function drawRing(ctx, canvas, frame, chosen, scale) {
    const p = (frame.points[chosen.set] || [])[chosen.index];
    if (!p) return;
    const [px, py] = toPixel(canvas, frame.extent, p[0], p[1]);
    ctx.save();
    ctx.beginPath();
    ctx.arc(px, py, 9 * scale, 0, 2 * Math.PI);
    ctx.lineWidth = 3 * scale;
    ctx.strokeStyle = "#ffffff";
    ctx.stroke();
    ctx.lineWidth = 1.6 * scale;
    ctx.strokeStyle = "#1f2328";
    ctx.stroke();
    ctx.restore();
  }

  function drawAxes(ctx, canvas, extent, scale) {
    const [xmin, xmax, ymin, ymax] = extent;
    ctx.save();
    ctx.strokeStyle = "rgba(0,0,0,0.12)";
    ctx.fillStyle = "rgba(0,0,0,0.55)";
    ctx.lineWidth = scale;
    ctx.font = 10 * scale + "px sans-serif";
    for (let x = Math.ceil(xmin); x <= xmax; x++) {
      const [px] = toPixel(canvas, extent, x, 0);
      ctx.beginPath();
      ctx.moveTo(px, 0);
      ctx.lineTo(px, canvas.height);
      ctx.stroke();
      ctx.fillText(String(x), px + 2 * scale, canvas.height - 3 * scale);
    }
    for (let y = Math.ceil(ymin); y <= ymax; y++) {
      const [, py] = toPixel(canvas, extent, 0, y);
      ctx.beginPath();
      ctx.moveTo(0, py);
      ctx.lineTo(canvas.width, py);
      ctx.stroke();
      ctx.fillText(String(y), 2 * scale, py - 2 * scale);
    }
    ctx.restore();
  }

  function drawPoint(ctx, px, py, label, hollow, wrong, scale) {
    const r = 4 * scale;
    ctx.beginPath();
    ctx.arc(px, py, r, 0, 2 * Math.PI);
    if (hollow) {
      ctx.fillStyle = "rgba(255,255,255,0.9)";
      ctx.fill();
      ctx.lineWidth = 2.4 * scale;
      ctx.strokeStyle = classColor(label);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(px, py, r + 1.2 * scale, 0, 2 * Math.PI);
      ctx.lineWidth = 0.8 * scale;
      ctx.strokeStyle = "rgba(0,0,0,0.6)";
      ctx.stroke();
    } else {
      ctx.fillStyle = classColor(label);
      ctx.fill();
      ctx.lineWidth = 1 * scale;
      ctx.strokeStyle = "rgba(0,0,0,0.6)";
      ctx.stroke();
    }
    if (wrong) {
      const d = r * 0.9;
      ctx.beginPath();
      ctx.moveTo(px - d, py - d);
      ctx.lineTo(px + d, py + d);
      ctx.moveTo(px - d, py + d);
      ctx.lineTo(px + d, py - d);
      ctx.lineWidth = 1.3 * scale;
      ctx.strokeStyle = "rgba(0,0,0,0.8)";
      ctx.stroke();
    }
  }

  function drawPoints(ctx, canvas, frame, which, hollow, scale) {
    const points = frame.points[which] || [];
    const predicted = (frame.predicted || {})[which];
    points.forEach((p, i) => {
      const [px, py] = toPixel(canvas, frame.extent, p[0], p[1]);
      const wrong = predicted !== undefined && predicted[i] !== p[2];
      drawPoint(ctx, px, py, p[2], hollow, wrong, scale);
    });
  }

  // The whole picture. options.showTest: draw the test points (hollow);
  // options.chosen: {set, index} of the point to ring (the inspected one).
  function draw(canvas, frame, options) {
    const scale = canvas.width / canvas.getBoundingClientRect().width || 1;
    const grid = frame.grid;
    paintCells(canvas, grid.n, (i) => cellColor(grid.probs[i]));
    const ctx = canvas.getContext("2d");
    drawAxes(ctx, canvas, frame.extent, scale);
    drawPoints(ctx, canvas, frame, "train", false, scale);
    if (options && options.showTest) {
      drawPoints(ctx, canvas, frame, "test", true, scale);
    }
    if (options && options.chosen) drawRing(ctx, canvas, frame, options.chosen, scale);
  }

  return {
    draw: draw,
    paintCells: paintCells,
    toPlane: toPlane,
    pointAt: pointAt,
    classColor: classColor,
    diverging: diverging,
    rgb: rgb,
  };
})();
