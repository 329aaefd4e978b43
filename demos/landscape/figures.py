"""Each landscape picture as one call that returns a Figure, for a notebook.

    derivative_figure()       loss against one weight, with tangent lines
    learning_rates_figure()   descent with a small, a good, a too-large step
    gradient_figure()         contours over two weights, -gradient arrows
    two_valleys_figure()      the worse valley, and shuffled steps beside it
    guessing_figure()         random guessing against gradient descent

With no arguments each draws the demo's own picture. The first three also
take your own loss function: `loss_fn(weights) -> Value`, where weights is
a list of Values, [w] for the 1-D pictures and [w, b] for the 2-D one (see
`surfaces.neuron_loss`). `guessing_figure` takes your model's parameters
and a `loss_fn()` of no arguments. Nothing is saved or shown: the last line
of a notebook cell shows the Figure inline.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from matplotlib.figure import Figure

from demos.landscape import cautions, plots
from demos.landscape.guessing import guess_against_descent
from demos.landscape.scenes import (
    B_RANGE,
    LEARNING_RATES,
    LR_2D,
    LR_START,
    LR_STEPS,
    MOONS_LR,
    MOONS_SPREAD,
    STARTS_2D,
    STEPS_2D,
    TANGENT_POINTS,
    VALLEY_BATCH,
    VALLEY_LR,
    W_RANGE,
    GuessPanel,
    Results,
    Settings,
    _guess_note,
    _loss_with_zero_weights,
    gradient_field,
    guessing,
    learning_rate_runs,
    two_valleys,
)
from demos.landscape.surfaces import (
    TWO_LINE_POINTS,
    LossFunction,
    linspace,
    loss_at,
    neuron_loss,
    tangents,
)
from engine import Value


def _model_note(loss_fn: LossFunction, ours: str) -> str:
    """The picture's one-line note on the model: ours, or none for yours."""
    return ours if loss_fn is neuron_loss else ""


def derivative_figure(
    loss_fn: LossFunction = neuron_loss,
    w_range: tuple[float, float] = W_RANGE,
    at: Sequence[float] = tuple(TANGENT_POINTS),
    points: int = 301,
) -> Figure:
    """loss_fn([w]) for w across `w_range`, with the tangent at each w in `at`."""
    ws = linspace(*w_range, points)
    losses = [loss_at(loss_fn, [w]) for w in ws]
    note = _model_note(loss_fn, "model: ŷ = tanh(w·x) on 6 points")
    return plots.draw_derivative(ws, losses, tangents(loss_fn, at), model=note)


def learning_rates_figure(
    loss_fn: LossFunction = neuron_loss,
    start: float = LR_START,
    learning_rates: Sequence[float] = tuple(lr for _, lr in LEARNING_RATES),
    steps: int = LR_STEPS,
    w_range: tuple[float, float] = W_RANGE,
    points: int = 301,
) -> Figure:
    """`steps` steps of descent on loss_fn([w]) from `start`, one panel per lr."""
    verdicts = {lr: verdict for verdict, lr in LEARNING_RATES}
    ours = loss_fn is neuron_loss and start == LR_START and steps == LR_STEPS
    runs = [(verdicts.get(lr, "") if ours else "", lr) for lr in learning_rates]
    ws = linspace(*w_range, points)
    losses = [loss_at(loss_fn, [w]) for w in ws]
    runs = learning_rate_runs(loss_fn, start, runs, steps)
    return plots.draw_learning_rates(ws, losses, runs)


def gradient_figure(
    loss_fn: LossFunction = neuron_loss,
    w_range: tuple[float, float] = W_RANGE,
    b_range: tuple[float, float] = B_RANGE,
    starts: Sequence[tuple[float, float]] = tuple(STARTS_2D),
    lr: float = LR_2D,
    steps: int = STEPS_2D,
    grid_points: int = 81,
    arrows: int = 13,
) -> Figure:
    """Contours of loss_fn([w, b]), -gradient arrows, descent from `starts`."""
    (w_values, b_values, grid, field, paths), _ = gradient_field(
        loss_fn, w_range, b_range, starts, lr, steps, grid_points, arrows
    )
    note = _model_note(loss_fn, "model ŷ = tanh(w·x + b) on 6 points")
    return plots.draw_gradient_field(
        w_values, b_values, grid, field, paths, lr, model=note
    )


def two_valleys_figure(seed: int = 0, shuffles: int = 20) -> Figure:
    """The talk's two-valley landscape (fixed data: the story must not change)."""
    results = Results()
    two_valleys(Settings(shuffles=shuffles), seed, results)
    return two_valleys_from(results)


def guessing_figure(
    parameters: Sequence[Value] | None = None,
    loss_fn: Callable[[], Value] | None = None,
    budget: int = 200,
    lr: float = MOONS_LR,
    spread: float = MOONS_SPREAD,
    seed: int = 0,
    title: str = "",
) -> Figure:
    """Random guessing against gradient descent, `budget` evaluations each.

    With no parameters and no loss_fn: the demo's two panels (a 2-weight
    neuron, the 337-weight moons network). With your model's
    `parameters()` and a `loss_fn()` that computes your loss from their
    current values: one panel for your model. Guesses draw every weight
    from U(-spread, spread). Your parameters get their values back after.
    """
    if (parameters is None) != (loss_fn is None):
        raise ValueError("give both parameters and loss_fn, or neither")
    if parameters is None or loss_fn is None:
        results = Results()
        guessing(Settings(budget=budget), seed, results)
        return guessing_from(results)
    parameters = list(parameters)
    kept = [(p.data, p.grad) for p in parameters]
    try:
        race = guess_against_descent(
            parameters, loss_fn, budget, lr, random.Random(seed), spread
        )
        zero_loss = _loss_with_zero_weights(parameters, loss_fn)
    finally:
        for p, (data, grad) in zip(parameters, kept, strict=True):
            p.data, p.grad = data, grad
    panel = GuessPanel(
        title or f"your model: {len(parameters)} weights",
        _guess_note(spread, lr),
        race,
        zero_loss,
    )
    heading = f"Why not just guess the weights?  {len(parameters)} of them"
    return cautions.draw_guessing([_panel(panel)], heading=heading)


# ------------------------------------------- shared with the landscape demo
def two_valleys_from(results: Results) -> Figure:
    """The two-valley picture from numbers `scenes.two_valleys` computed."""
    w_values, b_values, grid, bottoms, full, mini, steps = results.valleys
    subtitles = (
        f"full batch: all {len(TWO_LINE_POINTS)} examples every step\n"
        f"learning rate {VALLEY_LR:g}, {steps} steps",
        f"minibatches of {VALLEY_BATCH} shuffled examples, same start\n"
        f"learning rate {VALLEY_LR:g}, {steps} steps: {results.escapes} of "
        f"{results.shuffles} runs end in the better valley",
    )
    return cautions.draw_two_valleys(
        w_values, b_values, grid, TWO_LINE_POINTS, bottoms, full, mini, subtitles
    )


def guessing_from(results: Results) -> Figure:
    """The guessing picture from numbers `scenes.guessing` computed."""
    return cautions.draw_guessing([_panel(panel) for panel in results.guessing])


def _panel(panel: GuessPanel) -> tuple:
    labels = ["random guessing", "gradient descent"]
    if panel.accuracies:
        labels = [
            f"{label}, {accuracy:.0%} of points right"
            for label, accuracy in zip(labels, panel.accuracies, strict=True)
        ]
    curves = list(zip(labels, panel.race[:2], strict=True))
    return (panel.title, panel.note, curves, panel.zero_loss)
