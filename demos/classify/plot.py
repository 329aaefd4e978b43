"""Pictures of what a network has learned, saved as PNG files.

    plot_decision_boundary   2-D data: which class the network answers
                             everywhere in the plane, with the data points
    plot_history             loss and accuracy, step by step
    plot_digit_predictions   test images, each with the network's
                             probability for every digit ("cat 0.99,
                             dog 0.01, sloth 0.0")

matplotlib draws off-screen (the Agg backend), so this works on a server or
in CI with no display. Each function writes one file and returns its path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw into files, never open a window

import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap

from demos.classify.train import History

# One colour per class (matplotlib's tab10), light for regions, full for points.
CLASS_COLORS = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
]
WRONG = "#d62728"  # red: marks misclassified examples


def _save(figure, path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(figure)
    return path


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


def plot_decision_boundary(
    scores: Callable[[list[float]], Sequence[float]],
    X: Sequence[Sequence[float]],
    y: Sequence[int],
    path: Path | str,
    title: str = "",
    resolution: int = 100,
    margin: float = 0.25,
) -> Path:
    """Colour the plane by the class the network answers; add the data points.

    `scores(point)` gives the network's output for a point [x1, x2] as a list
    of numbers: one score (class 1 when it is > 0) or one per class (the
    largest wins). It is called resolution² times, so run it under
    `engine.no_grad()`. The background colour is the network's answer; each
    dot is an example in its true class's colour. Examples the network gets
    wrong are ringed in red, so a student can see where the boundary is off.
    """
    xs1 = [p[0] for p in X]
    xs2 = [p[1] for p in X]
    lo1, hi1 = min(xs1) - margin, max(xs1) + margin
    lo2, hi2 = min(xs2) - margin, max(xs2) + margin
    grid1 = [lo1 + (hi1 - lo1) * i / (resolution - 1) for i in range(resolution)]
    grid2 = [lo2 + (hi2 - lo2) * j / (resolution - 1) for j in range(resolution)]
    # margins[j][i][c]: how strongly grid point (grid1[i], grid2[j]) is class c
    margins = [[_margins(scores([a, b])) for a in grid1] for b in grid2]
    k = len(margins[0][0])

    figure, ax = plt.subplots(figsize=(5.5, 5))
    for c in range(k):
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
    colors = ListedColormap(CLASS_COLORS[:k])
    ax.scatter(
        xs1,
        xs2,
        c=list(y),
        cmap=colors,
        vmin=-0.5,
        vmax=k - 0.5,
        s=22,
        edgecolors="k",
        linewidths=0.5,
    )

    def answer(point: Sequence[float]) -> int:
        m = _margins(scores(list(point)))
        return m.index(max(m))

    wrong = [p for p, label in zip(X, y, strict=True) if answer(p) != label]
    if wrong:
        ax.scatter(
            [p[0] for p in wrong],
            [p[1] for p in wrong],
            s=110,
            facecolors="none",
            edgecolors=WRONG,
            linewidths=1.5,
            label=f"wrong ({len(wrong)})",
        )
        ax.legend(loc="upper right", fontsize=8)
    correct = len(y) - len(wrong)
    ax.set_title(f"{title}\n{correct}/{len(y)} training points right", fontsize=10)
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.set_xlim(lo1, hi1)
    ax.set_ylim(lo2, hi2)
    ax.set_aspect("equal")
    return _save(figure, path)


def _running_mean(values: Sequence[float], window: int) -> list[float]:
    """Mean of the last `window` values at each position (fewer at the start)."""
    means, total = [], 0.0
    for i, v in enumerate(values):
        total += v
        if i >= window:
            total -= values[i - window]
        means.append(total / min(i + 1, window))
    return means


def plot_history(history: History, path: Path | str, title: str = "") -> Path:
    """Loss (left) and accuracy (right) after every training step.

    With minibatches both curves are measured on each step's small batch, so
    they jitter; held-out test accuracy, when recorded, is drawn as dots.
    """
    steps = list(range(1, history.steps + 1))
    accuracy = [100 * a for a in history.accuracy]
    # Minibatch numbers jump from batch to batch: draw them faintly and a
    # running average over `window` steps on top, so the trend shows.
    window = 1 if history.batch_size is None else max(5, history.steps // 25)
    faint = 0.3 if window > 1 else 1.0
    figure, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 3.8))
    ax_loss.plot(steps, history.loss, color=CLASS_COLORS[0], linewidth=1, alpha=faint)
    if window > 1:
        ax_loss.plot(
            steps,
            _running_mean(history.loss, window),
            color=CLASS_COLORS[0],
            label=f"average of {window} steps",
        )
        ax_loss.legend(loc="upper right", fontsize=8)
    ax_loss.set_xlabel("step")
    ax_loss.set_ylabel("loss")
    ax_loss.set_title("loss (lower is better)", fontsize=10)
    if history.loss and min(history.loss) > 0:
        ax_loss.set_yscale("log")  # late progress is small: show it on a log scale
    ax_loss.grid(alpha=0.3, which="both")

    full = history.batch_size is None
    ax_acc.plot(
        steps,
        accuracy,
        color=CLASS_COLORS[1],
        linewidth=1,
        alpha=faint,
        label="training set" if full else "training batch",
    )
    if window > 1:
        ax_acc.plot(
            steps,
            _running_mean(accuracy, window),
            color=CLASS_COLORS[1],
            label=f"training, average of {window} steps",
        )
    if history.test_accuracy:
        ax_acc.plot(
            history.test_steps,
            [100 * a for a in history.test_accuracy],
            "o-",
            color=CLASS_COLORS[2],
            label="test set",
        )
    ax_acc.set_xlabel("step")
    ax_acc.set_ylabel("accuracy (%)")
    ax_acc.set_ylim(0, 102)
    ax_acc.set_title("accuracy (higher is better)", fontsize=10)
    ax_acc.grid(alpha=0.3)
    ax_acc.legend(loc="lower right", fontsize=8)
    if history.interrupted:
        title += f" (stopped by Ctrl-C after {history.steps} steps)"
    figure.suptitle(title)
    figure.tight_layout()
    return _save(figure, path)


def plot_digit_predictions(
    images: Sequence[Sequence[float]],
    labels: Sequence[int],
    probabilities: Sequence[Sequence[float]],
    path: Path | str,
    title: str = "",
    columns: int = 6,
) -> Path:
    """Each test image above a bar chart of the network's 10 probabilities.

    The picture is what the network sees (64 numbers, drawn as 8x8 pixels,
    values 0..16); the bars are what it answers: one probability per digit,
    summing to 1. Above each image: the true digit and the guess with its
    probability. Wrong guesses are red, with a red frame; the bar of the
    true digit is outlined in green.
    """
    n = len(images)
    rows = (n + columns - 1) // columns
    # Layout in inches, per cell: title, square image, bars, tick labels.
    cell_w, cell_h, image, bars = 1.8, 2.75, 1.25, 0.55
    top = 0.75  # room for the figure's title and key
    width, height = columns * cell_w, rows * cell_h + top
    figure = plt.figure(figsize=(width, height))
    figure.suptitle(title, y=1 - 0.12 / height, fontsize=12)
    figure.text(
        0.5,
        1 - 0.5 / height,
        "bars: the network's probability for each digit 0-9 · green outline: "
        "the true digit · red: a wrong guess",
        ha="center",
        fontsize=9,
        color="#444444",
    )
    examples = zip(images, labels, probabilities, strict=True)
    for i, (pixels, label, probs) in enumerate(examples):
        row, col = divmod(i, columns)
        cell_left = col * cell_w
        cell_top = height - top - row * cell_h
        image_box = (
            cell_left + (cell_w - image) / 2,
            cell_top - 0.45 - image,
            image,
            image,
        )
        bars_box = (cell_left + 0.25, cell_top - 0.6 - image - bars, cell_w - 0.4, bars)
        ax_img = figure.add_axes(_fraction(image_box, width, height))
        ax_bar = figure.add_axes(_fraction(bars_box, width, height))

        guess = max(range(len(probs)), key=probs.__getitem__)
        color = "k" if guess == label else WRONG
        rows_of_pixels = [list(pixels[r * 8 : r * 8 + 8]) for r in range(8)]
        ax_img.imshow(rows_of_pixels, cmap="gray_r", vmin=0, vmax=16)
        ax_img.set_title(
            f"true {label} · guess {guess} ({probs[guess]:.0%})",
            fontsize=9,
            color=color,
        )
        ax_img.set_xticks([])
        ax_img.set_yticks([])
        for spine in ax_img.spines.values():
            spine.set_edgecolor(WRONG if guess != label else "#cccccc")
            spine.set_linewidth(3 if guess != label else 0.8)

        bar_colors = [color if d == guess else "#b0b0b0" for d in range(len(probs))]
        drawn = ax_bar.bar(range(len(probs)), probs, color=bar_colors)
        drawn[label].set_edgecolor(CLASS_COLORS[2])
        drawn[label].set_linewidth(2)
        ax_bar.set_ylim(0, 1)
        ax_bar.set_xticks(range(len(probs)))
        ax_bar.set_yticks([0, 1])
        ax_bar.tick_params(labelsize=7, length=0)
        for spine in ("top", "right"):
            ax_bar.spines[spine].set_visible(False)
    return _save(figure, path)


def _fraction(box: tuple[float, float, float, float], width: float, height: float):
    """(left, bottom, w, h) in inches -> fractions of the figure, for add_axes."""
    left, bottom, w, h = box
    return (left / width, bottom / height, w / width, h / height)
