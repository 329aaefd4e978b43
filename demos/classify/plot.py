"""Pictures of what a network has learned: for a notebook, or saved as PNG.

    boundary_figure(model, X, y)          2-D data: which class the network
                                          answers everywhere in the plane
    history_figure(history)               loss and accuracy, step by step
    digits_figure(model, images, labels)  images, each with the network's
                                          probability for every digit
                                          ("cat 0.99, dog 0.01, sloth 0.0")

Each `*_figure` returns a matplotlib `Figure` and neither saves nor shows
it: the last line of a notebook cell shows it inline. The demos save them
with `plot_decision_boundary`, `plot_history` and `plot_digit_predictions`,
which write one PNG each (whole or not at all) and return its path.
No pyplot: nothing opens a window, and no display is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from numbers import Real
from pathlib import Path
from typing import Any

from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from demos.classify.digits_plot import (
    digits_figure,
    plot_digit_predictions,
    predictions_figure,
)
from demos.classify.style import CLASS_COLORS, WRONG, save_figure
from demos.classify.train import History
from demos.classify.words import words
from engine import Value, no_grad

__all__ = [
    "boundary_figure",
    "digits_figure",
    "history_figure",
    "plot_decision_boundary",
    "plot_digit_predictions",
    "plot_history",
    "predictions_figure",
]

# model(point) -> one score (a Value or a number) or one score per class
Model = Callable[[list[float]], Any]


def _save(figure: Figure, path: Path | str) -> Path:
    return save_figure(figure, path)


def _margins(scores: Sequence[float]) -> list[float]:
    """For each class: its score minus the best other score.

    A point belongs to class c exactly where margin c > 0, and the boundary
    of class c is the curve margin c = 0. One score s (a binary problem)
    means class 1 where s > 0: margins -s and s.
    """
    if len(scores) == 1:
        return [-scores[0], scores[0]]
    return [
        s - max(scores[j] for j in range(len(scores)) if j != c)
        for c, s in enumerate(scores)
    ]


def _scores_of(model: Model) -> Callable[[list[float]], list[float]]:
    """model(point) as plain numbers: one Value, a list of Values, or floats."""

    def scores(point: list[float]) -> list[float]:
        with no_grad():  # only looking: no graph is needed
            output = model(point)
        if isinstance(output, (Value, Real)):
            output = [output]
        return [v.data if isinstance(v, Value) else float(v) for v in output]

    return scores


def boundary_figure(
    model: Model,
    X: Sequence[Sequence[float]],
    y: Sequence[int],
    title: str = "",
    resolution: int = 100,
    margin: float = 0.25,
    lang: str = "en",
) -> Figure:
    """Colour the plane by the class the model answers; add the data points.

    `model(point)` for a point [x1, x2] gives one score (a Value or a
    number: class 1 when it is > 0) or one score per class (the largest
    wins); it runs under `no_grad()`, resolution² times. The background
    colour is the model's answer; each dot is an example in its true
    class's colour, as the legend says. Examples the model gets wrong are
    ringed in red, so a student can see where the boundary is off.
    Every word drawn is in `lang`, "en" or "fi" (see words.py).
    """
    say = words(lang)
    if len(X) == 0 or len(X) != len(y):
        raise ValueError(f"need as many labels as points, got {len(X)} and {len(y)}")
    scores = _scores_of(model)
    xs1 = [p[0] for p in X]
    xs2 = [p[1] for p in X]
    lo1, hi1 = min(xs1) - margin, max(xs1) + margin
    lo2, hi2 = min(xs2) - margin, max(xs2) + margin
    grid1 = [lo1 + (hi1 - lo1) * i / (resolution - 1) for i in range(resolution)]
    grid2 = [lo2 + (hi2 - lo2) * j / (resolution - 1) for j in range(resolution)]
    # margins[j][i][c]: how strongly grid point (grid1[i], grid2[j]) is class c
    margins = [[_margins(scores([a, b])) for a in grid1] for b in grid2]
    k = max(len(margins[0][0]), max(y) + 1)

    figure = Figure(figsize=(5.5, 5))
    ax = figure.subplots()
    for c in range(len(margins[0][0])):
        # class c's region is where its margin is above 0; contouring the
        # margin (not the class number) gives smooth boundaries
        region = [[m[c] for m in row] for row in margins]
        top = max(max(row) for row in region)
        if top > 0:
            ax.contourf(
                grid1,
                grid2,
                region,
                levels=[0, top],
                colors=[CLASS_COLORS[c]],
                alpha=0.25,
            )
            ax.contour(grid1, grid2, region, levels=[0], colors="k", linewidths=0.8)
    ax.scatter(
        xs1,
        xs2,
        c=list(y),
        cmap=ListedColormap(CLASS_COLORS[:k]),
        vmin=-0.5,
        vmax=k - 0.5,
        s=22,
        edgecolors="k",
        linewidths=0.5,
    )
    key = [
        Line2D([], [], ls="none", marker="o", markersize=7, markeredgecolor="k",
               markerfacecolor=CLASS_COLORS[c], label=say["class"].format(c=c))
        for c in range(k)
    ]  # fmt: skip

    def answer(point: Sequence[float]) -> int:
        m = _margins(scores(list(point)))
        return m.index(max(m))

    wrong = [p for p, label in zip(X, y, strict=True) if answer(p) != label]
    if wrong:
        key.append(
            ax.scatter(
                [p[0] for p in wrong],
                [p[1] for p in wrong],
                s=110,
                facecolors="none",
                edgecolors=WRONG,
                linewidths=1.5,
                label=say["wrong"].format(n=len(wrong)),
            )
        )
    ax.legend(
        handles=key,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=min(len(key), 4),
        fontsize=9,
        title=say["boundary_key"],
        title_fontsize=9,
        frameon=False,
    )
    correct = len(y) - len(wrong)
    right = say["points_right"].format(right=correct, n=len(y))
    ax.set_title(f"{title}\n{right}", fontsize=10)
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.set_xlim(lo1, hi1)
    ax.set_ylim(lo2, hi2)
    ax.set_aspect("equal")
    return figure


def plot_decision_boundary(
    scores: Model,
    X: Sequence[Sequence[float]],
    y: Sequence[int],
    path: Path | str,
    title: str = "",
    resolution: int = 100,
    margin: float = 0.25,
) -> Path:
    """`boundary_figure(scores, ...)` saved as a PNG at `path`; returns the path."""
    return _save(boundary_figure(scores, X, y, title, resolution, margin), path)


def _running_mean(values: Sequence[float], window: int) -> list[float]:
    """Mean of the last `window` values at each position (fewer at the start)."""
    means, total = [], 0.0
    for i, v in enumerate(values):
        total += v
        if i >= window:
            total -= values[i - window]
        means.append(total / min(i + 1, window))
    return means


def _plain_number(value: float, _position: object = None) -> str:
    return f"{value:g}"


def _plain_number_on_2_5(value: float, _position: object = None) -> str:
    leading = f"{value:.0e}"[0]  # 2e-01 -> "2"
    return f"{value:g}" if leading in "25" else ""


def plot_history(history: History, path: Path | str, title: str = "") -> Path:
    """`history_figure(history, title)` saved as a PNG at `path`."""
    return _save(history_figure(history, title), path)


def history_figure(history: History, title: str = "", lang: str = "en") -> Figure:
    """Loss (left) and accuracy (right) after every training step.

    `history` is what `demos.classify.train.train(...)` returns. With
    minibatches both curves are measured on each step's small batch, so
    they jitter; held-out test accuracy, when recorded, is drawn as dots.
    The loss axis is logarithmic (each grid line a factor of 10), which
    the axis says, so that late, small progress still shows. Every word
    drawn is in `lang`, "en" or "fi" (see words.py).
    """
    say = words(lang)
    steps = list(range(1, history.steps + 1))
    accuracy = [100 * a for a in history.accuracy]
    # Minibatch numbers jump from batch to batch: draw them faintly and a
    # running average over `window` steps on top, so the trend shows.
    window = 1 if history.batch_size is None else max(5, history.steps // 25)
    faint = 0.3 if window > 1 else 1.0
    figure = Figure(figsize=(10, 3.8))
    ax_loss, ax_acc = figure.subplots(1, 2)
    ax_loss.plot(steps, history.loss, color=CLASS_COLORS[0], linewidth=1, alpha=faint)
    if window > 1:
        ax_loss.plot(
            steps,
            _running_mean(history.loss, window),
            color=CLASS_COLORS[0],
            label=say["average"].format(window=window),
        )
        ax_loss.legend(loc="upper right", fontsize=8)
    ax_loss.set_xlabel(say["step"])
    ax_loss.set_ylabel(say["loss"])
    ax_loss.set_title(say["loss_title"], fontsize=10)
    if history.loss and min(history.loss) > 0:
        # late progress is small: on a log scale it still shows, but a
        # student reads the axis as even steps unless it says otherwise
        ax_loss.set_yscale("log")
        ax_loss.set_ylabel(say["loss_log"])
        ax_loss.set_title(say["loss_log_title"], fontsize=10)
        # plain numbers (0.2, not 2×10⁻¹) on the 1, 2 and 5 lines
        ax_loss.yaxis.set_major_formatter(FuncFormatter(_plain_number))
        ax_loss.yaxis.set_minor_formatter(FuncFormatter(_plain_number_on_2_5))
    ax_loss.grid(alpha=0.3, which="both")

    full = history.batch_size is None
    ax_acc.plot(
        steps,
        accuracy,
        color=CLASS_COLORS[1],
        linewidth=1,
        alpha=faint,
        label=say["training_set"] if full else say["training_batch"],
    )
    if window > 1:
        ax_acc.plot(
            steps,
            _running_mean(accuracy, window),
            color=CLASS_COLORS[1],
            label=say["training_average"].format(window=window),
        )
    if history.test_accuracy:
        ax_acc.plot(
            history.test_steps,
            [100 * a for a in history.test_accuracy],
            "o-",
            color=CLASS_COLORS[2],
            label=say["test_set"],
        )
    ax_acc.set_xlabel(say["step"])
    ax_acc.set_ylabel(say["accuracy"])
    ax_acc.set_ylim(0, 102)
    ax_acc.set_title(say["accuracy_title"], fontsize=10)
    ax_acc.grid(alpha=0.3)
    ax_acc.legend(loc="lower right", fontsize=8)
    if history.interrupted:
        title += say["stopped"].format(steps=history.steps)
    figure.suptitle(title)
    figure.tight_layout()
    return figure
