"""The numbers behind the error-landscape pictures, all from takaisin's engine.

A *loss function* here is any Python function that takes a list of weights
(Values) and returns the loss (one Value). From that one function we get

    the height of the landscape   loss_at(fn, [w, b])        a forward pass
    the slope / gradient there    loss_and_gradient(fn, ...)  forward + backward()
    a walk downhill               descend(fn, start, lr, steps)

and nothing else: no derivative in this file is written by hand. The
gradient a picture shows is exactly the `.grad` that `backward()` filled in.

Two small problems live here:

- a tanh neuron `ŷ = tanh(w·x + b)` fitted to six points with the mean
  squared error (the 1-D picture fixes b = 0, the 2-D picture frees b);
- a line `ŷ = w·x + b` fitted with a forgiving (robust) loss to points that
  lie on two different lines: its landscape has two valleys, a deep one
  (the line most points follow) and a shallow one (the minority's line).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import NamedTuple

from engine import Value, mean, no_grad

LossFunction = Callable[[Sequence[Value]], Value]

# ------------------------------------------------------------ the tanh neuron
# Six points (x, y), roughly on y = tanh(0.6·x), with a little noise.
NEURON_X = [-2.0, -1.2, -0.5, 0.3, 0.9, 1.6]
NEURON_Y = [-0.784, -0.697, -0.231, 0.128, 0.563, 0.704]


def neuron_loss(weights: Sequence[Value]) -> Value:
    """L(w, b) = mean over the points of (tanh(w·x + b) - y)².

    With one weight [w] the bias is fixed at b = 0 (the 1-D landscape).
    """
    if len(weights) not in (1, 2):
        raise ValueError(f"neuron_loss takes [w] or [w, b], got {len(weights)}")
    w = weights[0]
    b = weights[1] if len(weights) == 2 else 0.0
    errors = [
        ((w * x + b).tanh() - y) ** 2 for x, y in zip(NEURON_X, NEURON_Y, strict=True)
    ]
    return mean(errors)


# ------------------------------------------------- the two-valley landscape
ROBUST_SCALE = 0.3  # residuals much larger than this count only a little


def _two_line_points() -> list[tuple[float, float]]:
    """14 points near y = 1.5·x - 0.5 and 6 points near y = -x + 1."""
    rng = random.Random(2021)  # fixed: the story of the picture must not change
    majority = [-1 + 2 * i / 13 for i in range(14)]
    minority = [-0.95 + 2 * i / 5 for i in range(6)]
    points = [(x, 1.5 * x - 0.5 + rng.gauss(0, 0.08)) for x in majority]
    points += [(x, -1.0 * x + 1.0 + rng.gauss(0, 0.08)) for x in minority]
    return points


TWO_LINE_POINTS = _two_line_points()
BETTER_LINE = (1.5, -0.5)  # (w, b) of the line most points follow
WORSE_LINE = (-1.0, 1.0)  # (w, b) of the minority's line


def two_valley_loss(
    weights: Sequence[Value], points: Sequence[tuple[float, float]] | None = None
) -> Value:
    """L(w, b) = mean of log(1 + (r/s)²), r = y - (w·x + b), s = ROBUST_SCALE.

    Squared error would punish a far-off point without limit; this loss
    grows only like log(r²), so a line can ignore the points it does not
    pass through. That is why there are two valleys: one line per group.
    `points` picks a minibatch (all points when None).
    """
    w, b = weights
    if points is None:
        points = TWO_LINE_POINTS
    terms = [(1 + ((y - (w * x + b)) / ROBUST_SCALE) ** 2).log() for x, y in points]
    return mean(terms)


# ------------------------------------------------------ heights and slopes
def loss_at(fn: LossFunction, weights: Sequence[float]) -> float:
    """The height of the landscape at `weights`: one forward pass, no graph."""
    with no_grad():
        return fn([Value(w) for w in weights]).data


def loss_and_gradient(
    fn: LossFunction, weights: Sequence[float]
) -> tuple[float, list[float]]:
    """The loss at `weights` and its gradient [dL/dw1, dL/dw2, ...].

    The weights become leaf Values, the loss is computed forward, and
    `backward()` fills every leaf's `.grad`: that is the gradient.
    """
    leaves = [Value(w, label=f"w{i + 1}") for i, w in enumerate(weights)]
    loss = fn(leaves)
    loss.backward()
    return loss.data, [leaf.grad for leaf in leaves]


class Tangent(NamedTuple):
    """The tangent line of a 1-D curve at w: height loss, slope dL/dw."""

    w: float
    loss: float
    slope: float


def tangents(fn: LossFunction, ws: Sequence[float]) -> list[Tangent]:
    """The tangent at each w; its slope is the `.grad` from backward()."""
    result = []
    for w in ws:
        loss, (slope,) = loss_and_gradient(fn, [w])
        result.append(Tangent(w, loss, slope))
    return result


def central_difference(
    fn: LossFunction, weights: Sequence[float], i: int, eps: float = 1e-5
) -> float:
    """dL/dw_i estimated without backward(): (L(w + eps) - L(w - eps)) / 2eps.

    Only used to *check* the engine's gradients, never to draw them.
    """
    up = list(weights)
    down = list(weights)
    up[i] += eps
    down[i] -= eps
    return (loss_at(fn, up) - loss_at(fn, down)) / (2 * eps)


# ------------------------------------------------------------ walking down
def descend(
    fn: LossFunction, start: Sequence[float], lr: float, steps: int
) -> list[list[float]]:
    """Gradient descent: `steps` times, w ← w - lr · dL/dw.

    Returns the path: the start and the weights after every step.
    """
    path = [list(start)]
    for _ in range(steps):
        _, gradient = loss_and_gradient(fn, path[-1])
        path.append([w - lr * g for w, g in zip(path[-1], gradient, strict=True)])
    return path


def descend_minibatches(
    start: Sequence[float],
    lr: float,
    epochs: int,
    batch_size: int,
    rng: random.Random,
) -> list[list[float]]:
    """Stochastic gradient descent on the two-valley landscape.

    Every epoch shuffles the points and takes one step per minibatch of
    `batch_size` points, using the gradient of *that minibatch's* loss. Each
    step sees a slightly different landscape: the noise that can shake the
    weights out of a shallow valley.
    """
    points = list(TWO_LINE_POINTS)
    path = [list(start)]
    for _ in range(epochs):
        rng.shuffle(points)
        for first in range(0, len(points), batch_size):
            batch = points[first : first + batch_size]
            _, gradient = loss_and_gradient(
                lambda wb, batch=batch: two_valley_loss(wb, batch), path[-1]
            )
            path.append([w - lr * g for w, g in zip(path[-1], gradient, strict=True)])
    return path


def valley_of(weights: Sequence[float]) -> str:
    """Which valley the weights are in: "better" or "worse" (the nearer one)."""
    w, b = weights

    def distance2(line: tuple[float, float]) -> float:
        return (w - line[0]) ** 2 + (b - line[1]) ** 2

    return "better" if distance2(BETTER_LINE) < distance2(WORSE_LINE) else "worse"


def loss_grid(
    fn: LossFunction, w_values: Sequence[float], b_values: Sequence[float]
) -> list[list[float]]:
    """Heights on a grid: row j, column i is fn([w_values[i], b_values[j]])."""
    return [[loss_at(fn, [w, b]) for w in w_values] for b in b_values]


def linspace(low: float, high: float, n: int) -> list[float]:
    """n evenly spaced numbers from low to high, both included."""
    if n < 2:
        raise ValueError(f"linspace needs n >= 2 points, got {n}")
    return [low + (high - low) * i / (n - 1) for i in range(n)]
