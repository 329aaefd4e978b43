"""Shared look of the landscape pictures: fonts, colours, titles, contours.

Large fonts and plain titles, so that every PNG can go on a slide as it is;
the Finnish line under each title names the talk's slide it belongs to.
Every word drawn comes from `words.py`, in the language asked for.
Every picture is a plain matplotlib `Figure`, made without pyplot: it opens
no window, needs no display, and in a notebook it shows once, where it is
returned (pyplot would also show it by itself at the end of the cell).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from demos.common.files import write_atomically
from demos.landscape.words import SLIDES, words

STYLE = {
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.labelsize": 14,
    "legend.fontsize": 12,
    "figure.titlesize": 18,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
CURVE_COLOR = "#1f4e79"
ARROW_COLOR = "#333333"
RUN_COLORS = ["#c0392b", "#00798c", "#6a4c93", "#d35400", "#2e7d32"]

Path2D = Sequence[Sequence[float]]


def slide_title(fig: Figure, scene: str, lang: str, title: str = "") -> None:
    """A big title in `lang` with the talk's Finnish slide name below it.

    `scene` names both: words "title.<scene>" and SLIDES[scene]; `title`,
    if given, is the big title instead.
    """
    title = title or words(lang)[f"title.{scene}"]
    fig.suptitle(title, fontweight="bold", y=0.98)
    fig.text(0.5, 0.905, SLIDES[scene], ha="center", style="italic", color="0.35")


def subplots(*grid: int, figsize: tuple[float, float], **options):
    """A new Figure and its axes, like pyplot's `subplots`, without pyplot."""
    fig = Figure(figsize=figsize)
    return fig, fig.subplots(*grid, **options)


def save(fig: Figure, path: Path) -> Path:
    """Write the figure as a PNG, whole or not at all (see common/files.py)."""
    return write_atomically(path, lambda temp: fig.savefig(temp, dpi=100))


def contours(
    ax: Axes,
    w_values: Sequence[float],
    b_values: Sequence[float],
    grid: Sequence[Sequence[float]],
    levels: int = 18,
    colorbar: bool = True,
    lang: str = "en",
):
    """Filled contours of the loss over (w, b), darker = lower; returns them.

    The levels are spaced more tightly near the lowest loss, so the shape
    of a valley's floor shows as clearly as its steep walls.
    """
    low = min(min(row) for row in grid)
    high = max(max(row) for row in grid)
    heights = [low + (high - low) * (k / levels) ** 2 for k in range(levels + 1)]
    filled = ax.contourf(w_values, b_values, grid, levels=heights, cmap="Blues_r")
    ax.contour(w_values, b_values, grid, levels=heights, colors="white", linewidths=0.5)
    if colorbar:
        loss_colorbar(filled, ax, lang, shrink=0.9)
    ax.set_xlim(w_values[0], w_values[-1])
    ax.set_ylim(b_values[0], b_values[-1])
    ax.set_xlabel(words(lang)["weight"])
    ax.set_ylabel(words(lang)["bias"])
    return filled


def draw_path(
    ax: Axes, path: Path2D, color: str, label: str, lw: float = 2.2, dots: bool = True
) -> None:
    """A descent path: ■ at the start, a dot per step, ★ at the end."""
    ws = [p[0] for p in path]
    bs = [p[1] for p in path]
    ax.plot(ws, bs, "-", color=color, lw=lw, label=label)
    if dots:
        ax.plot(ws, bs, "o", color=color, ms=3.5)
    ax.plot(ws[:1], bs[:1], "s", color=color, ms=11, mec="black")
    ax.plot(ws[-1:], bs[-1:], "*", color=color, ms=20, mec="black")


def loss_colorbar(filled, ax, lang: str = "en", **options) -> None:
    """A colour key for the loss with a few round numbers on it.

    `ax` is the axes (or a list of axes) the key belongs to.
    """
    label = words(lang)["loss"]
    bar = filled.axes.figure.colorbar(filled, ax=ax, label=label, **options)
    bar.set_ticks(MaxNLocator(6).tick_values(filled.levels[0], filled.levels[-1]))
    bar.ax.set_ylim(filled.levels[0], filled.levels[-1])
