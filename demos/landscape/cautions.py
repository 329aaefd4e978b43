"""Drawing the talk's two cautions: the worse valley, and guessing.

"Jyrkimmän pudotuksen suunnan valitseminen ei välttämättä johda parhaimpaan
mahdolliseen lopputulokseen" and "Arvataan?": the numbers come from
`scenes.py`; this file only draws them.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib import rc_context
from matplotlib.figure import Figure

from demos.landscape.style import (
    RUN_COLORS,
    STYLE,
    Path2D,
    contours,
    draw_path,
    loss_colorbar,
    slide_title,
    subplots,
)
from demos.landscape.words import words


def draw_two_valleys(
    w_values: Sequence[float],
    b_values: Sequence[float],
    grid: Sequence[Sequence[float]],
    points: Sequence[tuple[float, float]],
    valleys: Sequence[tuple[str, Sequence[float], float]],
    full_batch: Sequence[tuple[str, Path2D]],
    minibatch: tuple[str, Path2D, Sequence[Sequence[float]]],
    subtitles: tuple[str, str],
    lang: str = "en",
) -> Figure:
    """The data and its two-valley landscape, walked down in two ways.

    Left: the points and the lines (w, b) at the bottoms of the two valleys
    (`valleys` are (name, (w, b), loss)). Middle: full-batch descent from
    two starts. Right: one minibatch run on shuffled examples, plus the end
    points of all the shuffled runs (`minibatch` is (label, path, ends)).
    Every word drawn is in `lang`, "en" or "fi".
    """
    say = words(lang)
    with rc_context(STYLE):
        fig, axes = subplots(
            1, 3, figsize=(18, 6.4), gridspec_kw={"width_ratios": [0.75, 1, 1]}
        )
        fig.subplots_adjust(top=0.8, bottom=0.11, left=0.04, right=0.93, wspace=0.17)
        slide_title(fig, "two_valleys", lang)
        data_ax, full_ax, mini_ax = axes
        data_ax.scatter(*zip(*points, strict=True), color="black", s=30, zorder=3)
        for (name, (w, b), loss), color in zip(
            valleys, ("#2e7d32", "#c0392b"), strict=True
        ):
            data_ax.plot(
                [-1.1, 1.1],
                [b - 1.1 * w, b + 1.1 * w],
                color=color,
                lw=2.5,
                label=say["valley_line"].format(name=name, w=w, b=b, loss=loss),
            )
        data_ax.set_title(say["data_title"], fontsize=13)
        data_ax.set_xlabel("x")
        data_ax.set_ylabel("y")
        data_ax.legend(loc="upper center", fontsize=10.5, framealpha=0.9)
        data_ax.set_ylim(-2.6, 3.9)
        for ax in (full_ax, mini_ax):
            filled = contours(
                ax, w_values, b_values, grid, levels=22, colorbar=False, lang=lang
            )
            for name, (w, b), _loss in valleys:
                ax.annotate(
                    name,
                    (w, b),
                    xytext=(0, -34),
                    textcoords="offset points",
                    ha="center",
                    color="white",
                    fontweight="bold",
                    fontsize=12,
                )
        for (label, path), color in zip(
            full_batch, ("#c0392b", "#2e7d32"), strict=True
        ):
            draw_path(full_ax, path, color, label)
        label, path, ends = minibatch
        draw_path(mini_ax, path, "#d35400", label, lw=1.2, dots=False)
        mini_ax.plot(
            [e[0] for e in ends],
            [e[1] for e in ends],
            "*",
            color="#ffd24d",
            ms=13,
            mec="black",
            label=say["shuffled_ends"],
        )
        for ax, subtitle in zip((full_ax, mini_ax), subtitles, strict=True):
            ax.set_title(subtitle, fontsize=13)
            ax.legend(loc="lower left", framealpha=0.9, fontsize=10.5)
        loss_colorbar(filled, axes, lang, fraction=0.02, pad=0.01)
    return fig


# --------------------------------------------------------------- guessing
def draw_guessing(
    panels: Sequence[tuple[str, str, Sequence[tuple[str, Sequence[float]]], float]],
    heading: str = "",
    lang: str = "en",
) -> Figure:
    """Best loss so far against loss evaluations, one panel per model.

    `panels` are (title, note, [(label, best-so-far curve), ...], zero_loss);
    zero_loss, the loss with every weight 0 (a model that knows nothing),
    sets the scale: a method is only useful well below that line.
    `heading` is the picture's big title ("": the demo's own). Every word
    drawn is in `lang`, "en" or "fi".
    """
    say = words(lang)
    with rc_context(STYLE):
        fig, axes = subplots(1, len(panels), figsize=(7.2 * len(panels), 6))
        if len(panels) == 1:
            axes = [axes]
        fig.subplots_adjust(top=0.76, bottom=0.12, left=0.07, right=0.98, wspace=0.18)
        slide_title(fig, "guessing", lang, title=heading)
        for ax, (title, note, curves, zero_loss) in zip(axes, panels, strict=True):
            for (label, best), color in zip(curves, RUN_COLORS, strict=False):
                steps = range(1, len(best) + 1)
                label = say["best_loss"].format(label=label, loss=best[-1])
                ax.plot(steps, best, color=color, lw=3, label=label)
            ax.axhline(zero_loss, color="0.4", lw=1.5, ls="--")
            ax.text(
                len(curves[0][1]),
                zero_loss,
                say["knows_nothing"].format(loss=zero_loss),
                ha="right",
                va="bottom",
                fontsize=11,
                color="0.3",
            )
            # The scale is set by the know-nothing line; the first guesses
            # can be far worse and would squash the rest of the race.
            ax.set_ylim(0, 1.35 * zero_loss)
            # at least 1..2: a budget of one evaluation (--steps 1) still draws
            ax.set_xlim(1, max(2, len(curves[0][1])))
            ax.set_title(f"{title}\n{note}", fontsize=13)
            ax.set_xlabel(say["evaluations"])
            ax.legend(framealpha=0.95, loc="center right", fontsize=11.5)
        axes[0].set_ylabel(say["best_so_far"])
    return fig
