// chart.js — the learning curves: loss and accuracy against the step count.
//
// Two small panels side by side, each with the training set (solid line) and
// the test set (dashed line). The numbers come from frame.curves as Python
// recorded them; this file only scales them to pixels.
"use strict";

const Chart = (() => {
  const TRAIN = "#333333";
  const TEST = "#d9480f";

  function finite(values) {
    return values.filter((v) => typeof v === "number" && isFinite(v));
  }

  // A tidy upper end for an axis: 1, 2 or 5 times a power of ten.
  function niceTop(v) {
    if (!(v > 0)) return 1;
    const power = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 5, 10]) {
      if (m * power >= v) return m * power;
    }
    return 10 * power;
  }

  function line(ctx, steps, values, box, xmax, ymax, color, dashed, scale) {
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.6 * scale;
    ctx.setLineDash(dashed ? [4 * scale, 3 * scale] : []);
    ctx.beginPath();
    let started = false;
    for (let i = 0; i < steps.length; i++) {
      const v = values[i];
      if (typeof v !== "number" || !isFinite(v)) {
        started = false;
        continue;
      }
      const x = box.x + (xmax > 0 ? steps[i] / xmax : 0) * box.w;
      const y = box.y + box.h - Math.min(1, v / ymax) * box.h;
      if (started) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      started = true;
    }
    ctx.stroke();
    ctx.restore();
  }

  function legendLine(ctx, x, y, text, color, dashed, scale) {
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.6 * scale;
    ctx.setLineDash(dashed ? [4 * scale, 3 * scale] : []);
    ctx.beginPath();
    ctx.moveTo(x, y - 3.5 * scale);
    ctx.lineTo(x + 16 * scale, y - 3.5 * scale);
    ctx.stroke();
    ctx.fillStyle = "#222222";
    ctx.fillText(text, x + 20 * scale, y);
    ctx.restore();
  }

  // One panel: its two legend lines, the frame, the axis ends, the curves.
  // names: [train, test, caption under the x axis]
  function panel(ctx, box, names, steps, train, test, ymax, yLabel, scale) {
    const xmax = steps.length ? steps[steps.length - 1] : 0;
    ctx.save();
    ctx.font = 10.5 * scale + "px sans-serif";
    legendLine(ctx, box.x, box.y - 20 * scale, names[0], TRAIN, false, scale);
    legendLine(ctx, box.x, box.y - 7 * scale, names[1], TEST, true, scale);
    ctx.strokeStyle = "#999999";
    ctx.lineWidth = scale;
    ctx.strokeRect(box.x, box.y, box.w, box.h);
    ctx.font = 10 * scale + "px sans-serif";
    ctx.fillStyle = "#555555";
    ctx.textAlign = "right";
    ctx.fillText(yLabel(ymax), box.x - 3 * scale, box.y + 8 * scale);
    ctx.fillText(yLabel(0), box.x - 3 * scale, box.y + box.h);
    ctx.fillText(String(xmax), box.x + box.w, box.y + box.h + 12 * scale);
    ctx.textAlign = "left";
    ctx.fillText("0", box.x, box.y + box.h + 12 * scale);
    ctx.textAlign = "center";
    ctx.fillText(names[2], box.x + box.w / 2, box.y + box.h + 12 * scale);
    ctx.restore();
    line(ctx, steps, train, box, xmax, ymax, TRAIN, false, scale);
    line(ctx, steps, test, box, xmax, ymax, TEST, true, scale);
  }

  // labels: {trainLoss, testLoss, trainAccuracy, testAccuracy, lossCaption,
  // accuracyCaption}, already in the page's language.
  function draw(canvas, curves, labels) {
    const ctx = canvas.getContext("2d");
    const scale = canvas.width / canvas.getBoundingClientRect().width || 1;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const steps = curves.step || [];
    const losses = finite((curves.train_loss || []).concat(curves.test_loss || []));
    const lossTop = niceTop(Math.max(0, ...losses));
    const left = 36 * scale;
    const gap = 36 * scale;
    const top = 32 * scale;
    const bottom = 16 * scale;
    const w = (canvas.width - left - gap - 4 * scale) / 2;
    const h = canvas.height - top - bottom;
    const short = (v) => {
      if (v === 0) return "0";
      if (v >= 1e4) return v.toExponential(0).replace("+", ""); // 1e162 after an overflow
      return v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2);
    };
    panel(ctx, { x: left, y: top, w: w, h: h },
      [labels.trainLoss, labels.testLoss, labels.lossCaption], steps,
      curves.train_loss || [], curves.test_loss || [], lossTop, short, scale);
    panel(ctx, { x: left + w + gap, y: top, w: w, h: h },
      [labels.trainAccuracy, labels.testAccuracy, labels.accuracyCaption], steps,
      curves.train_accuracy || [], curves.test_accuracy || [], 1,
      (v) => Math.round(v * 100) + "%", scale);
  }

  return { draw: draw };
})();
