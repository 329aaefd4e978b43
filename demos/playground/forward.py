"""The network's outputs at many points at once, without building a graph.

The boundary is the model evaluated at 40 x 40 = 1,600 points, several
times a second, while another thread trains. Building Values for that
(`model(x)` under `no_grad()`) costs about 120 ms per picture on a
2-core machine, which leaves no time for training; this file computes the
very same numbers in about 18 ms, by reading the model's weights and doing,
for each neuron, the engine's own arithmetic on plain floats:

    z = sum(w_i * x_i) + b            as engine.dot: same order, same sum()
    g(z) = tanh / sigmoid / relu / z  as Value.tanh, .sigmoid, .relu

one neuron over all points at a time (`map` over lists runs in C). The
results are equal to the engine's bit for bit (tests/demos/playground/
test_forward.py checks `==` against `model(x)` for every activation), so
every number the page shows is one that takaisin computes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import repeat
from operator import add, mul

import nn

Column = list[float]  # one number per point


def _sigmoid(z: float) -> float:
    """Value.sigmoid's formula: exp only ever of a number <= 0."""
    if z >= 0.0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _relu(z: float) -> float:
    """Value.relu's rule: 0 for z <= 0, else z (so a NaN stays NaN)."""
    return 0.0 if z <= 0.0 else z


_G = {"tanh": math.tanh, "sigmoid": _sigmoid, "relu": _relu}


def layer_outputs(
    model: nn.MLP, points: Sequence[Sequence[float]]
) -> list[list[Column]]:
    """outputs[layer][neuron][point]: every neuron's output at every point.

    The last layer's columns are the model's raw outputs (scores/logits).
    """
    columns: list[Column] = [[float(p[i]) for p in points] for i in range(model.nin)]
    result = []
    for layer in model.layers:
        g = _G.get(layer.activation)
        outputs = []
        for neuron in layer.neurons:
            products = [
                list(map(mul, repeat(w.data), column))
                for w, column in zip(neuron.w, columns, strict=True)
            ]
            # sum() of each point's products, then + b: engine.dot's order
            z = list(
                map(add, map(sum, zip(*products, strict=True)), repeat(neuron.b.data))
            )
            outputs.append(z if g is None else list(map(g, z)))
        result.append(outputs)
        columns = outputs
    return result


def scores(model: nn.MLP, points: Sequence[Sequence[float]]) -> list[list[float]]:
    """The model's outputs for each point: [[s], ...] or [[z0, z1, z2], ...]."""
    last = layer_outputs(model, points)[-1]
    return [list(row) for row in zip(*last, strict=True)] if points else []
