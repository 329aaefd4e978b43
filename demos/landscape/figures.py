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
and a `loss_fn()` of no arguments. Each takes `lang="en"` or `lang="fi"`:
every word in the picture is in that language (see words.py). Nothing is
saved or shown: the last line of a notebook cell shows the Figure inline.
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
    verdicts,
)
from demos.landscape.surfaces import (
    TWO_LINE_POINTS,
    LossFunction,
    linspace,
    loss_at,
    neuron_loss,
    tangents,
)
from demos.landscape.words import words
from engine import Value


def _model_note(loss_fn: LossFunction) -> str | None:
    """The note on the model: the drawing's own (None) for our neuron, none
    ("") for yours, whose model the picture cannot know."""
    return None if loss_fn is neuron_loss else ""


def derivative_figure(
    loss_fn: LossFunction = neuron_loss,
    w_range: tuple[float, float] = W_RANGE,
    at: Sequence[float] = tuple(TANGENT_POINTS),
    points: int = 301,
    lang: str = "en",
) -> Figure:
    """loss_fn([w]) for w across `w_range`, with the tangent at each w in `at`."""
    words(lang)  # a bad lang is refused before any work
    ws = linspace(*w_range, points)
    losses = [loss_at(loss_fn, [w]) for w in ws]
    note = _model_note(loss_fn)
    return plots.draw_derivative(
        ws, losses, tangents(loss_fn, at), model=note, lang=lang
    )


def learning_rates_figure(
    loss_fn: LossFunction = neuron_loss,
    start: float = LR_START,
    learning_rates: Sequence[float] = tuple(lr for _, lr in LEARNING_RATES),
    steps: int = LR_STEPS,
    w_range: tuple[float, float] = W_RANGE,
    points: int = 301,
    lang: str = "en",
) -> Figure:
    """`steps` steps of descent on loss_fn([w]) from `start`, one panel per lr."""
    verdict_of = {lr: verdict for verdict, lr in verdicts(LEARNING_RATES, lang)}
    ours = loss_fn is neuron_loss and start == LR_START and steps == LR_STEPS
    runs = [(verdict_of.get(lr, "") if ours else "", lr) for lr in learning_rates]
    ws = linspace(*w_range, points)
    losses = [loss_at(loss_fn, [w]) for w in ws]
    runs = learning_rate_runs(loss_fn, start, runs, steps)
    return plots.draw_learning_rates(ws, losses, runs, lang=lang)


def gradient_figure(
    loss_fn: LossFunction = neuron_loss,
    w_range: tuple[float, float] = W_RANGE,
    b_range: tuple[float, float] = B_RANGE,
    starts: Sequence[tuple[float, float]] = tuple(STARTS_2D),
    lr: float = LR_2D,
    steps: int = STEPS_2D,
    grid_points: int = 81,
    arrows: int = 13,
    lang: str = "en",
) -> Figure:
    """Contours of loss_fn([w, b]), -gradient arrows, descent from `starts`."""
    (w_values, b_values, grid, field, paths), _ = gradient_field(
        loss_fn, w_range, b_range, starts, lr, steps, grid_points, arrows, lang
    )
    note = _model_note(loss_fn)
    return plots.draw_gradient_field(
        w_values, b_values, grid, field, paths, lr, model=note, lang=lang
    )


def two_valleys_figure(seed: int = 0, shuffles: int = 20, lang: str = "en") -> Figure:
    """The talk's two-valley landscape (fixed data: the story must not change)."""
    results = Results()
    two_valleys(Settings(shuffles=shuffles), seed, results, lang)
    return two_valleys_from(results, lang)


def guessing_figure(
    parameters: Sequence[Value] | None = None,
    loss_fn: Callable[[], Value] | None = None,
    budget: int = 200,
    lr: float = MOONS_LR,
    spread: float = MOONS_SPREAD,
    seed: int = 0,
    title: str = "",
    lang: str = "en",
) -> Figure:
    """Random guessing against gradient descent, `budget` evaluations each.

    With no parameters and no loss_fn: the demo's two panels (a 2-weight
    neuron, the 337-weight moons network). With your model's
    `parameters()` and a `loss_fn()` that computes your loss from their
    current values: one panel for your model. Guesses draw every weight
    from U(-spread, spread). Your parameters get their values back after.
    """
    say = words(lang)
    if (parameters is None) != (loss_fn is None):
        raise ValueError("give both parameters and loss_fn, or neither")
    if parameters is None or loss_fn is None:
        results = Results()
        guessing(Settings(budget=budget), seed, results, lang)
        return guessing_from(results, lang)
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
        title or say["panel.yours"].format(n=len(parameters)),
        _guess_note(spread, lr, lang),
        race,
        zero_loss,
    )
    heading = say["title.guessing_yours"].format(n=len(parameters))
    return cautions.draw_guessing([_panel(panel, lang)], heading=heading, lang=lang)


# ------------------------------------------- shared with the landscape demo
def two_valleys_from(results: Results, lang: str = "en") -> Figure:
    """The two-valley picture from numbers `scenes.two_valleys` computed.

    `lang` is the language of the words drawn here; the labels inside
    `results` are in the language `two_valleys` was asked for.
    """
    say = words(lang)
    w_values, b_values, grid, bottoms, full, mini, steps = results.valleys
    subtitles = (
        say["full_batch"].format(n=len(TWO_LINE_POINTS), lr=VALLEY_LR, steps=steps),
        say["minibatches"].format(
            batch=VALLEY_BATCH,
            lr=VALLEY_LR,
            steps=steps,
            escapes=results.escapes,
            shuffles=results.shuffles,
        ),
    )
    return cautions.draw_two_valleys(
        w_values, b_values, grid, TWO_LINE_POINTS, bottoms, full, mini, subtitles, lang
    )


def guessing_from(results: Results, lang: str = "en") -> Figure:
    """The guessing picture from numbers `scenes.guessing` computed."""
    panels = [_panel(panel, lang) for panel in results.guessing]
    return cautions.draw_guessing(panels, lang=lang)


def _panel(panel: GuessPanel, lang: str) -> tuple:
    say = words(lang)
    labels = [say["random_guessing"], say["gradient_descent"]]
    if panel.accuracies:
        labels = [
            say["points_right"].format(label=label, accuracy=accuracy)
            for label, accuracy in zip(labels, panel.accuracies, strict=True)
        ]
    curves = list(zip(labels, panel.race[:2], strict=True))
    return (panel.title, panel.note, curves, panel.zero_loss)
