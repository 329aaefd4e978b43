"""A snapshot of a session as a JSON-ready dict: everything the page draws.

    frame = make_frame(session)     # or cached_frame(session)

holds the points, the plane shown (`extent`), the decision boundary (the
class probabilities at the centres of a GRID x GRID grid, row 0 at the
top), every neuron with its weights, bias, last gradients and a TILE x TILE
picture of its own output over the plane, the losses and accuracies now,
and the curves. The boundary and the tiles come from ONE forward pass per
grid point (forward.py: the engine's arithmetic without a graph); the tiles
are the neurons' outputs at every second row and column of that grid.

Colour scale of a tile (-1..1): tanh as it is, sigmoid as 2g - 1, relu,
linear and the output layer divided by their largest size on the tile
(`tile_range` keeps the real smallest and largest value). Probabilities and
tile values are rounded to 3 decimals (they are colours); weights, biases
and metrics are exact floats. The layout is fixed in PLAYGROUND_API.md.
"""

from __future__ import annotations

import math
from typing import Any

from demos.playground.data import Point
from demos.playground.forward import _sigmoid, layer_outputs, scores
from demos.playground.metrics import answer
from demos.playground.session import Session
from engine import no_grad

GRID = 40
TILE = 20
STRIDE = GRID // TILE
BIG = 1e300  # stands in for an infinite score, so that nothing becomes nan


def extent(session: Session) -> list[float]:
    """[xmin, xmax, ymin, ymax]: a square around all points, with a margin."""
    points = session.points.train + session.points.test
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    size = max(max(xs) - min(xs), max(ys) - min(ys))
    half = 0.6 * size + 0.1
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return [round(v, 3) for v in (cx - half, cx + half, cy - half, cy + half)]


def grid_points(box: list[float], n: int = GRID) -> list[tuple[float, float]]:
    """The centres of n x n cells, row by row from the top (ymax) down."""
    xmin, xmax, ymin, ymax = box
    dx, dy = (xmax - xmin) / n, (ymax - ymin) / n
    return [
        (xmin + (c + 0.5) * dx, ymax - (r + 0.5) * dy)
        for r in range(n)
        for c in range(n)
    ]


def _finite(v: float) -> float:
    if math.isnan(v):
        return 0.0
    return max(-BIG, min(BIG, v))


def probabilities(scores: list[float]) -> list[float]:
    """[p0, p1] = [1 - σ(s), σ(s)] for one score; softmax for k scores."""
    if len(scores) == 1:
        p1 = _sigmoid(_finite(scores[0]))
        return [1.0 - p1, p1]
    zs = [_finite(z) for z in scores]
    top = max(zs)
    es = [math.exp(z - top) for z in zs]
    total = sum(es)
    return [e / total for e in es]


def _tile(values: list[float], activation: str) -> tuple[list[float], list[float]]:
    """The tile's colour values (-1..1, 3 decimals) and its real range."""
    picked = [
        _finite(values[r * GRID + c])
        for r in range(0, GRID, STRIDE)
        for c in range(0, GRID, STRIDE)
    ]
    low, high = min(picked), max(picked)
    if activation == "tanh":
        shown = picked
    elif activation == "sigmoid":
        shown = [2.0 * v - 1.0 for v in picked]
    else:
        size = max(abs(low), abs(high)) or 1.0
        shown = [v / size for v in picked]
    return [round(v, 3) for v in shown], [low, high]


def _grad(g: float) -> float | None:
    return g if math.isfinite(g) else None


def network(session: Session, outputs: list[list[list[float]]]) -> dict[str, Any]:
    """The layers, neurons, weights and tiles, for the network picture."""
    layers = []
    for k, (layer, columns) in enumerate(
        zip(session.model.layers, outputs, strict=True), start=1
    ):
        neurons = []
        for j, (neuron, values) in enumerate(
            zip(layer.neurons, columns, strict=True), start=1
        ):
            tile, tile_range = _tile(values, layer.activation)
            neurons.append(
                {
                    "label": f"L{k}.N{j}",
                    "bias": neuron.b.data,
                    "weights": [w.data for w in neuron.w],
                    "bias_grad": _grad(neuron.b.grad),
                    "grads": [_grad(w.grad) for w in neuron.w],
                    "tile": tile,
                    "tile_range": tile_range,
                }
            )
        layers.append({"activation": layer.activation, "neurons": neurons})
    return {"inputs": ["x1", "x2"], "layers": layers}


def predicted(session: Session, points: list[Point]) -> list[int]:
    """The model's class for each point (to mark the ones it gets wrong)."""
    return [answer(o) for o in scores(session.model, [(x, y) for x, y, _ in points])]


def make_frame(session: Session) -> dict[str, Any]:
    """The frame of the session as it is now (the caller holds its lock)."""
    box = extent(session)
    # Nothing below needs a graph. (Today no_grad() is one flag for the
    # whole process, so a frame of one session made while the worker
    # trains another can switch that one's recording off; the engine's
    # per-thread grad mode, issue 12, makes this safe.
    # tests/demos/playground/test_frame.py catches the interference.)
    with no_grad():
        outputs = layer_outputs(session.model, grid_points(box))
        last = outputs[-1]
        probs = [
            [round(p, 3) for p in probabilities(list(cell))]
            for cell in zip(*last, strict=True)
        ]
        metrics = session.metrics()
        net = network(session, outputs)
    p = session.points
    return {
        "version": session.version,
        "step": session.steps,
        "epoch": session.epoch,
        "playing": session.playing,
        "error": session.error,
        "settings": session.settings.as_dict(),
        "classes": p.classes,
        "loss_name": session.loss_name,
        "source": p.source,
        "points": {
            "train": [list(q) for q in p.train],
            "test": [list(q) for q in p.test],
        },
        "predicted": {
            "train": predicted(session, p.train),
            "test": predicted(session, p.test),
        },
        "extent": box,
        "grid": {"n": GRID, "probs": probs},
        "network": net,
        "metrics": metrics,
        "curves": session.history.curves(),
    }


def cached_frame(session: Session) -> dict[str, Any]:
    """make_frame, made once per version (many polls, one computation)."""
    cache = session.frame_cache
    if cache is None or cache[0] != session.version:
        session.frame_cache = (session.version, make_frame(session))
    return session.frame_cache[1]
