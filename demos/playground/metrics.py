"""How well the model does on a set of points: loss and accuracy.

The loss is the one training minimises, computed by nn's own loss functions
(binary cross-entropy on the score, hinge, or softmax + cross-entropy for
three or more classes) on the model's outputs; the accuracy counts the
points put in the right class (score > 0 means class 1; with k classes,
the largest score wins). L2 is not part of these numbers: it acts on the
gradient (the optimizer's weight_decay), so the loss shown is the data's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import nn
from demos.playground.data import Point
from demos.playground.forward import scores
from engine import Value, no_grad


def loss_of(outputs: list, labels: list[int], loss_name: str) -> Value:
    """The mean loss of a batch: outputs are Values (2 classes) or lists."""
    if loss_name == "bce":
        return nn.binary_cross_entropy(outputs, labels)
    if loss_name == "hinge":
        return nn.hinge(outputs, [1 if label == 1 else -1 for label in labels])
    return nn.cross_entropy(outputs, labels)


def answer(output: Sequence[float]) -> int:
    """The class an output stands for: score > 0, or the largest score."""
    if len(output) == 1:
        return int(output[0] > 0.0)
    return list(output).index(max(output))


def evaluate(
    model: nn.MLP, points: Sequence[Point], loss_name: str
) -> tuple[float | None, float | None]:
    """(mean loss, accuracy) on `points`, or (None, None) when there are none.

    A loss that is not a finite number (weights that have blown up) is
    reported as None instead of a silent nan.
    """
    if not points:
        return None, None
    outputs = scores(model, [(x, y) for x, y, _ in points])
    labels = [label for _, _, label in points]
    correct = sum(answer(o) == t for o, t in zip(outputs, labels, strict=True))
    if not all(math.isfinite(v) for o in outputs for v in o):
        return None, correct / len(points)
    with no_grad():
        values = [[Value(v) for v in o] for o in outputs]
        batch = [v[0] for v in values] if len(values[0]) == 1 else values
        loss = loss_of(batch, labels, loss_name).data
    return (loss if math.isfinite(loss) else None), correct / len(points)
