"""The digits picture: each image above the network's ten probabilities.

    digits_figure(model, images, labels)        run the model, draw the answers
    predictions_figure(images, labels, probs)   draw probabilities already known
    plot_digit_predictions(..., path)           the same, saved as a PNG

"cat 0.99, dog 0.01, sloth 0.0": the talk's class probabilities, one bar
per digit 0-9, softmax of the network's ten scores.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from matplotlib.figure import Figure

import nn
from demos.classify.style import CLASS_COLORS, WRONG, save_figure
from demos.classify.words import words
from engine import Value, no_grad


def digits_figure(
    model: Callable[[Sequence[float]], Sequence[Value]],
    images: Sequence[Sequence[float]],
    labels: Sequence[int],
    title: str = "",
    columns: int = 6,
    lang: str = "en",
) -> Figure:
    """Run `model` on each image and draw its probabilities; returns the Figure.

    `images` are what the model takes, 64 pixel values each (0..1 as the
    digits demo feeds them, or 0..16 as `load_digits()` gives them); the
    model's ten scores go through softmax to become the bars. Nothing is
    saved or shown: in a notebook the Figure shows where it is returned.
    Every word drawn is in `lang`, "en" or "fi" (see words.py).
    """
    words(lang)  # a bad lang is refused before the model runs
    with no_grad():  # only looking: no graph needed
        probabilities = [
            [p.data for p in nn.softmax(list(model(list(image))))] for image in images
        ]
    return predictions_figure(images, labels, probabilities, title, columns, lang)


def plot_digit_predictions(
    images: Sequence[Sequence[float]],
    labels: Sequence[int],
    probabilities: Sequence[Sequence[float]],
    path: Path | str,
    title: str = "",
    columns: int = 6,
) -> Path:
    """`predictions_figure(...)` saved as a PNG at `path`; returns the path."""
    figure = predictions_figure(images, labels, probabilities, title, columns)
    return save_figure(figure, path)


def predictions_figure(
    images: Sequence[Sequence[float]],
    labels: Sequence[int],
    probabilities: Sequence[Sequence[float]],
    title: str = "",
    columns: int = 6,
    lang: str = "en",
) -> Figure:
    """Each image above a bar chart of its 10 given probabilities.

    The picture is what the network sees (64 numbers, drawn as 8x8 pixels,
    values 0..16, or 0..1 if no pixel is above 1); the bars are what it
    answers: one probability per digit, summing to 1. Above each image: the
    true digit and the guess with its probability. Wrong guesses are red,
    with a red frame; the bar of the true digit is outlined in green.
    Every word drawn is in `lang`, "en" or "fi" (see words.py).
    """
    say = words(lang)
    if len(images) == 0:
        raise ValueError("no images to draw: give at least one")
    n = len(images)
    # load_digits() gives pixels 0..16; the digits demo feeds the network 0..1
    brightest = 16 if max(max(image) for image in images) > 1 else 1
    rows = (n + columns - 1) // columns
    # Layout in inches, per cell: title, square image, bars, tick labels.
    cell_w, cell_h, image, bars = 1.8, 2.75, 1.25, 0.55
    top = 0.75  # room for the figure's title and key
    width, height = columns * cell_w, rows * cell_h + top
    figure = Figure(figsize=(width, height))
    figure.suptitle(title, y=1 - 0.12 / height, fontsize=12)
    figure.text(
        0.5,
        1 - 0.5 / height,
        say["digits_key"],
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
        ax_img.imshow(rows_of_pixels, cmap="gray_r", vmin=0, vmax=brightest)
        ax_img.set_title(
            say["digit_title"].format(
                label=label, guess=guess, probability=probs[guess]
            ),
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
    return figure


def _fraction(box: tuple[float, float, float, float], width: float, height: float):
    """(left, bottom, w, h) in inches -> fractions of the figure, for add_axes."""
    left, bottom, w, h = box
    return (left / width, bottom / height, w / width, h / height)
