"""Drawing the slopes and gradients: the 1-D and 2-D landscape pictures.

Every function here only draws numbers it is given; they were computed by
takaisin's engine (see `scenes.py`). The two cautions of the talk
(the worse valley, guessing) are drawn in `cautions.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from matplotlib import rc_context
from matplotlib.figure import Figure

from demos.common.files import write_atomically
from demos.landscape.style import (
    ARROW_COLOR,
    CURVE_COLOR,
    RUN_COLORS,
    STYLE,
    Path2D,
    contours,
    draw_path,
    slide_title,
    subplots,
)
from demos.landscape.words import words


# --------------------------------------------------------------- 1-D
def draw_derivative(
    ws: Sequence[float],
    losses: Sequence[float],
    tangents: Sequence[tuple[float, float, float]],
    model: str | None = None,
    lang: str = "en",
) -> Figure:
    """The loss curve L(w) with a tangent line at a few points.

    `tangents` are (w, L(w), dL/dw) triples; dL/dw is the slope that
    backward() returned, and it is the slope of the line drawn there.
    `model` says in one line what the loss is of (None: the demo's own
    neuron, "" for nothing). Every word drawn is in `lang`, "en" or "fi".
    """
    say = words(lang)
    model = say["model_1d"] if model is None else model
    with rc_context(STYLE):
        fig, ax = subplots(figsize=(10, 6.2))
        fig.subplots_adjust(top=0.84, bottom=0.12, left=0.09, right=0.97)
        slide_title(fig, "derivative", lang)
        ax.plot(ws, losses, color=CURVE_COLOR, lw=3, label=say["loss_w"])
        span_w = max(ws) - min(ws)
        span_l = max(losses) - min(losses)
        for k, (w, loss, slope) in enumerate(tangents):
            # The same visible length for every tangent, however steep.
            stretch = (slope * span_w / span_l) ** 2
            half = 0.11 * span_w / (1 + stretch) ** 0.5
            color = RUN_COLORS[k % len(RUN_COLORS)]
            ax.plot(
                [w - half, w + half],
                [loss - slope * half, loss + slope * half],
                color=color,
                lw=3.5,
                solid_capstyle="round",
            )
            ax.plot([w], [loss], "o", color=color, ms=11, zorder=3, mec="white")
            if abs(slope) < 0.005:
                text = say["flat"]
            else:
                way = say["go_left"] if slope > 0 else say["go_right"]
                text = f"dL/dw = {slope:+.2f}\n{way}"
            # Steep, falling tangents get their label to the right (the
            # space above them is the curve); the others above the point.
            beside = slope < -0.3
            ax.annotate(
                text,
                (w, loss),
                xytext=(22, -4) if beside else (0, 24),
                textcoords="offset points",
                ha="left" if beside else "center",
                va="center" if beside else "bottom",
                fontsize=13,
                color=color,
                fontweight="bold",
            )
        ax.set_xlabel(say["weight_w"])
        ax.set_ylabel(say["loss_mse"])
        ax.set_ylim(min(losses) - 0.12 * span_l, max(losses) + 0.2 * span_l)
        ax.text(
            0.99,
            0.02,
            (f"{model}\n" if model else "") + say["slope_note"],
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=11,
            color="0.3",
        )
    return fig


def draw_learning_rates(
    ws: Sequence[float],
    losses: Sequence[float],
    runs: Sequence[tuple[str, float, Sequence[float], Sequence[float]]],
    lang: str = "en",
) -> Figure:
    """Gradient descent on the 1-D curve, one panel per learning rate.

    `runs` are (verdict, learning rate, weights visited, their losses).
    Every word drawn is in `lang`, "en" or "fi".
    """
    say = words(lang)
    with rc_context(STYLE):
        fig, axes = subplots(1, len(runs), figsize=(14, 5.4), sharey=True)
        fig.subplots_adjust(top=0.78, bottom=0.15, left=0.07, right=0.98, wspace=0.08)
        slide_title(fig, "learning_rates", lang)
        # Zoom in on the valley: the steps are what this picture is about.
        visited_w = [w for run in runs for w in run[2]]
        visited_l = [loss for run in runs for loss in run[3]]
        low_w, high_w = min(visited_w) - 0.35, max(visited_w) + 0.35
        shown = [
            (w, loss)
            for w, loss in zip(ws, losses, strict=True)
            if low_w <= w <= high_w
        ]
        for ax, (verdict, lr, path_w, path_l), color in zip(
            axes, runs, RUN_COLORS, strict=False
        ):
            ax.plot(*zip(*shown, strict=True), color=CURVE_COLOR, lw=2.5, alpha=0.8)
            for k in range(len(path_w) - 1):
                ax.annotate(
                    "",
                    xy=(path_w[k + 1], path_l[k + 1]),
                    xytext=(path_w[k], path_l[k]),
                    arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.6},
                )
            ax.scatter(path_w, path_l, s=55, color=color, zorder=3, ec="white")
            ax.plot(path_w[:1], path_l[:1], "s", color="black", ms=10, zorder=4)
            ax.annotate(
                say["start"],
                (path_w[0], path_l[0]),
                xytext=(0, 12),
                textcoords="offset points",
                ha="center",
            )
            heading = say["learning_rate"].format(lr=lr)
            heading = f"{verdict}\n{heading}" if verdict else heading
            ax.set_title(heading, color=color)
            ax.text(
                0.03,
                0.95,
                say["after_steps"].format(
                    steps=len(path_w) - 1, w=path_w[-1], loss=path_l[-1]
                ),
                transform=ax.transAxes,
                va="top",
                fontsize=12,
            )
            ax.set_xlabel(say["weight_w"])
            ax.set_xlim(low_w, high_w)
            ax.set_ylim(-0.004, 1.5 * max(visited_l))
        axes[0].set_ylabel(say["loss_w"])
        fig.text(
            0.5,
            0.015,
            say["step_rule"],
            ha="center",
            fontsize=12,
            color="0.3",
        )
    return fig


# --------------------------------------------------------------- 2-D
def draw_gradient_field(
    w_values: Sequence[float],
    b_values: Sequence[float],
    grid: Sequence[Sequence[float]],
    arrows: Sequence[tuple[float, float, float, float]],
    paths: Sequence[tuple[str, Path2D]],
    lr: float,
    model: str | None = None,
    lang: str = "en",
) -> Figure:
    """Contours of L(w, b), arrows of -gradient, and descent paths.

    `arrows` are (w, b, dL/dw, dL/db) from backward(); each arrow is drawn
    as the negative gradient: the steepest way down from that point.
    `model` says in one line what the loss is of (None: the demo's own
    neuron, "" for nothing). Every word drawn is in `lang`, "en" or "fi".
    """
    say = words(lang)
    model = say["model_2d"] if model is None else model
    with rc_context(STYLE):
        fig, ax = subplots(figsize=(10, 7.4))
        fig.subplots_adjust(top=0.84, bottom=0.1, left=0.09, right=0.99)
        slide_title(fig, "gradient", lang)
        contours(ax, w_values, b_values, grid, lang=lang)
        ax.quiver(
            [a[0] for a in arrows],
            [a[1] for a in arrows],
            [-a[2] for a in arrows],
            [-a[3] for a in arrows],
            color=ARROW_COLOR,
            angles="xy",
            width=0.0035,
        )
        # A legend entry that looks like an arrow (quiver's own is a block).
        ax.plot(
            [],
            [],
            ls="none",
            marker=r"$\rightarrow$",
            ms=22,
            color=ARROW_COLOR,
            label=say["minus_gradient"],
        )
        for (label, path), color in zip(paths, RUN_COLORS, strict=False):
            draw_path(ax, path, color, label)
        title = say["learning_rate"].format(lr=lr)
        ax.legend(loc="lower right", framealpha=0.9, title=title)
        marks = say["marks"]
        ax.set_title(f"{model};  {marks}" if model else marks, fontsize=13)
    return fig


# --------------------------------------------------------------- animation
def save_descent_gif(
    w_values: Sequence[float],
    b_values: Sequence[float],
    grid: Sequence[Sequence[float]],
    paths: Sequence[tuple[str, Path2D]],
    lr: float,
    path: Path,
    fps: int = 6,
    lang: str = "en",
) -> Path:
    """An animated GIF: the descent paths of the 2-D picture, step by step."""
    from matplotlib.animation import FuncAnimation, PillowWriter

    say = words(lang)
    with rc_context(STYLE):
        fig, ax = subplots(figsize=(8, 5.6))
        fig.subplots_adjust(top=0.88, bottom=0.12, left=0.1, right=0.99)
        contours(ax, w_values, b_values, grid, lang=lang)
        lines = []
        for (label, run), color in zip(paths, RUN_COLORS, strict=False):
            ax.plot(run[0][0], run[0][1], "s", color=color, ms=10, mec="black")
            (line,) = ax.plot([], [], "-o", color=color, lw=2.2, ms=4, label=label)
            lines.append((line, run))
        ax.legend(loc="lower right", framealpha=0.9, fontsize=11)
        steps = max(len(run) for _, run in paths) - 1
        title = ax.set_title("")

        def show(step: int) -> list:
            for line, run in lines:
                shown = run[: step + 1]
                line.set_data([p[0] for p in shown], [p[1] for p in shown])
            title.set_text(say["animation"].format(lr=lr, step=step, steps=steps))
            return [line for line, _ in lines] + [title]

        # Hold the last frame a little before the loop starts again.
        frames = list(range(steps + 1)) + [steps] * fps
        animation = FuncAnimation(fig, show, frames=frames, blit=False)
        write_atomically(
            path,
            lambda temp: animation.save(temp, writer=PillowWriter(fps=fps), dpi=70),
        )
    return path
