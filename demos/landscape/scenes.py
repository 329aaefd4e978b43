"""The scenes of the landscape demo: every number its pictures show.

Each function below computes one picture's worth of numbers with takaisin's
engine (via `surfaces.py` and `guessing.py`) and stores them in a
`Results`, with the pictures' labels in the language asked for (see
words.py); `landscape.py` draws them and prints the summary. The
constants are the settings each picture was tuned for, so that it tells the
talk's story: change them and look again.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from demos.landscape.guessing import (
    Race,
    accuracy_at,
    guess_against_descent,
    moons_problem,
)
from demos.landscape.surfaces import (
    TWO_LINE_POINTS,
    LossFunction,
    Tangent,
    central_difference,
    descend,
    descend_minibatches,
    linspace,
    loss_and_gradient,
    loss_at,
    loss_grid,
    neuron_loss,
    tangents,
    two_valley_loss,
    valley_of,
)
from demos.landscape.words import words
from engine import Value, no_grad

# The settings each picture is tuned for (see the docstrings in surfaces.py).
# 1-D: where the tangents touch, and one start for three learning rates
# (each with its verdict: the words "verdict.<key>").
TANGENT_POINTS = [-1.0, -0.3, 0.6, 1.9, 3.2]
LR_START = 1.8  # on the right slope of the 1-D valley
LEARNING_RATES = [
    ("too_small", 0.3),
    ("good", 1.5),
    ("too_large", 5.0),  # back at the start after 12
]
LR_STEPS = 12
# 2-D: the window over (w, b) and three starts for descent.
W_RANGE, B_RANGE = (-2.0, 4.0), (-2.0, 2.0)
STARTS_2D = [(-1.2, 1.6), (-1.5, -1.2), (2.5, 1.5)]
LR_2D, STEPS_2D = 1.0, 40
# Two valleys: the documented start that full-batch descent takes into the
# worse valley, one that reaches the better one, and the shared settings.
# (At lr 0.2 full-batch descent zigzags in the narrow better valley instead
# of settling; with minibatches of 4 the noise is too small to escape.)
VALLEY_W, VALLEY_B = (-3.0, 3.5), (-3.0, 3.0)
WORSE_START, BETTER_START = (-2.5, 2.0), (2.5, -2.5)
VALLEY_LR, VALLEY_EPOCHS, VALLEY_BATCH = 0.14, 40, 2
# Guessing: each guess draws every weight from U(-spread, spread).
MOONS_LR, MOONS_SPREAD = 0.1, 1.0
NEURON_SPREAD = 2.0


@dataclass
class Settings:
    """How fine the pictures are; `quick()` is for tests."""

    curve_points: int = 301  # points on the 1-D curve
    grid_points: int = 81  # grid points per side of the 2-D surfaces
    arrows: int = 13  # arrows per side (the outermost row is left out)
    shuffles: int = 20  # shuffled minibatch runs on the two-valley surface
    budget: int = 200  # loss evaluations for guessing and for descent, each
    moons_points: int = 100  # examples in the moons data

    @classmethod
    def quick(cls) -> Settings:
        return cls(
            curve_points=61,
            grid_points=25,
            arrows=7,
            shuffles=4,
            budget=30,
            moons_points=30,
        )


@dataclass
class Results:
    """Everything the pictures show and the summary line reports."""

    curve: tuple[list[float], list[float]] = ([], [])  # (ws, losses)
    tangents: list[Tangent] = field(default_factory=list)
    lr_runs: list[tuple] = field(default_factory=list)  # (verdict, lr, ws, losses)
    slope_error: float = 0.0  # max |backward - central difference|, 1-D
    field2d: tuple = ()  # (w_values, b_values, grid, arrows, paths)
    gradient_error: float = 0.0  # the same check for the 2-D arrows
    valleys: tuple = ()  # (w_values, b_values, grid, bottoms, full, mini, steps)
    worse_end: list[float] = field(default_factory=list)
    better_end: list[float] = field(default_factory=list)
    escapes: int = 0  # shuffled runs that ended in the better valley
    shuffles: int = 0
    guessing: list[GuessPanel] = field(default_factory=list)


def one_dimensional(settings: Settings, results: Results, lang: str = "en") -> None:
    """The loss curve of ŷ = tanh(w·x), its tangents and three descents."""
    ws = linspace(W_RANGE[0], W_RANGE[1], settings.curve_points)
    results.curve = (ws, [loss_at(neuron_loss, [w]) for w in ws])
    results.tangents = tangents(neuron_loss, TANGENT_POINTS)
    results.lr_runs = learning_rate_runs(
        neuron_loss, LR_START, verdicts(LEARNING_RATES, lang)
    )
    checked = [t.w for t in results.tangents] + ws[:: max(1, len(ws) // 30)]
    results.slope_error = max(
        abs(
            loss_and_gradient(neuron_loss, [w])[1][0]
            - central_difference(neuron_loss, [w], 0)
        )
        for w in checked
    )


def verdicts(
    learning_rates: Sequence[tuple[str, float]], lang: str
) -> list[tuple[str, float]]:
    """(verdict key, lr) pairs -> (the verdict in `lang`, lr)."""
    say = words(lang)
    return [(say[f"verdict.{key}"], lr) for key, lr in learning_rates]


def learning_rate_runs(
    loss_fn: LossFunction,
    start: float,
    learning_rates: Sequence[tuple[str, float]],
    steps: int = LR_STEPS,
) -> list[tuple[str, float, list[float], list[float]]]:
    """Descent on a 1-D loss from `start`, once per (verdict, learning rate).

    Each run is (verdict, lr, the weights visited, their losses).
    """
    runs = []
    for verdict, lr in learning_rates:
        path = [p[0] for p in descend(loss_fn, [start], lr, steps)]
        runs.append((verdict, lr, path, [loss_at(loss_fn, [w]) for w in path]))
    return runs


def gradient_field(
    loss_fn: LossFunction,
    w_range: tuple[float, float] = W_RANGE,
    b_range: tuple[float, float] = B_RANGE,
    starts: Sequence[tuple[float, float]] = STARTS_2D,
    lr: float = LR_2D,
    steps: int = STEPS_2D,
    grid_points: int = 81,
    arrows: int = 13,
    lang: str = "en",
) -> tuple[tuple, float]:
    """Heights of a 2-weight loss, -gradient arrows, descent paths.

    Returns ((w_values, b_values, grid, arrows, paths), the largest
    difference between an arrow's gradient and its central difference);
    each path is labelled with its start, in `lang`.
    """
    start = words(lang)["path_start"]
    w_values = linspace(*w_range, grid_points)
    b_values = linspace(*b_range, grid_points)
    grid = loss_grid(loss_fn, w_values, b_values)
    field, error = [], 0.0
    for b in linspace(*b_range, arrows)[1:-1]:
        for w in linspace(*w_range, arrows)[1:-1]:
            _, (dw, db) = loss_and_gradient(loss_fn, [w, b])
            field.append((w, b, dw, db))
            error = max(
                error,
                abs(dw - central_difference(loss_fn, [w, b], 0)),
                abs(db - central_difference(loss_fn, [w, b], 1)),
            )
    paths = [
        (start.format(w=w, b=b), descend(loss_fn, [w, b], lr, steps)) for w, b in starts
    ]
    return (w_values, b_values, grid, field, paths), error


def two_dimensional(settings: Settings, results: Results, lang: str = "en") -> None:
    """Contours of L(w, b), -gradient arrows and three descent paths."""
    results.field2d, results.gradient_error = gradient_field(
        neuron_loss,
        grid_points=settings.grid_points,
        arrows=settings.arrows,
        lang=lang,
    )


def two_valleys(
    settings: Settings, seed: int, results: Results, lang: str = "en"
) -> None:
    """Full-batch descent from two starts; minibatch descent from the first."""
    say = words(lang)
    w_values = linspace(*VALLEY_W, settings.grid_points)
    b_values = linspace(*VALLEY_B, settings.grid_points)
    grid = loss_grid(two_valley_loss, w_values, b_values)
    steps = VALLEY_EPOCHS * len(TWO_LINE_POINTS) // VALLEY_BATCH
    worse = descend(two_valley_loss, WORSE_START, VALLEY_LR, steps)
    better = descend(two_valley_loss, BETTER_START, VALLEY_LR, steps)
    results.worse_end, results.better_end = worse[-1], better[-1]
    shuffled = [
        descend_minibatches(
            WORSE_START, VALLEY_LR, VALLEY_EPOCHS, VALLEY_BATCH, random.Random(seed + k)
        )
        for k in range(settings.shuffles)
    ]
    results.shuffles = len(shuffled)
    results.escapes = sum(valley_of(path[-1]) == "better" for path in shuffled)
    full = [
        (_valley_label(WORSE_START, worse[-1], say), worse),
        (_valley_label(BETTER_START, better[-1], say), better),
    ]
    bottoms = [
        (say["valley.better"], better[-1], loss_at(two_valley_loss, better[-1])),
        (say["valley.worse"], worse[-1], loss_at(two_valley_loss, worse[-1])),
    ]
    mini = (say["one_shuffled"], shuffled[0], [path[-1] for path in shuffled])
    results.valleys = (w_values, b_values, grid, bottoms, full, mini, steps)


def _valley_label(start: tuple[float, float], end: list[float], say) -> str:
    return say["from_start"].format(
        w=start[0],
        b=start[1],
        valley=say[f"valley.{valley_of(end)}"],
        loss=loss_at(two_valley_loss, end),
    )


class GuessPanel(NamedTuple):
    """One model's race: what the guessing picture shows in one panel."""

    title: str
    note: str
    race: Race
    zero_loss: float  # the loss with every weight 0: a model that knows nothing
    accuracies: tuple[float, float] | None = None  # (best guess, descent)


def guessing(settings: Settings, seed: int, results: Results, lang: str = "en") -> None:
    """Guessing against descent: the 2-weight neuron, then the moons network."""
    say = words(lang)
    weights = [Value(0.0), Value(0.0)]
    race = guess_against_descent(
        weights,
        lambda: neuron_loss(weights),
        settings.budget,
        LR_2D,
        random.Random(seed),
        spread=NEURON_SPREAD,
    )
    note = _guess_note(NEURON_SPREAD, LR_2D, lang)
    neuron = GuessPanel(
        say["panel.neuron"],
        note,
        race,
        loss_at(neuron_loss, [0.0, 0.0]),
    )
    parameters, loss_fn, accuracy, network = moons_problem(settings.moons_points, seed)
    race = guess_against_descent(
        parameters,
        loss_fn,
        settings.budget,
        MOONS_LR,
        random.Random(seed),
        spread=MOONS_SPREAD,
    )
    accuracies = (
        accuracy_at(parameters, race.best_guess, accuracy),
        accuracy_at(parameters, race.best_descent, accuracy),
    )
    zero_loss = _loss_with_zero_weights(parameters, loss_fn)
    note = _guess_note(MOONS_SPREAD, MOONS_LR, lang)
    title = say["panel.moons"].format(network=network, n=len(parameters))
    moons = GuessPanel(title, note, race, zero_loss, accuracies)
    results.guessing = [neuron, moons]


def _loss_with_zero_weights(parameters: list[Value], loss_fn) -> float:
    for p in parameters:
        p.data = 0.0
    with no_grad():
        return loss_fn().data


def _guess_note(spread: float, lr: float, lang: str = "en") -> str:
    return words(lang)["guess_note"].format(spread=spread, lr=lr)
