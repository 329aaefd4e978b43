"""The error landscape: the talk's derivative, gradient and "guess?" pictures.

    python -m demos landscape --out out

draws, from gradients that takaisin's own backward() computes:

    landscape_1d_derivative.png      loss against one weight, tangent lines
    landscape_1d_learning_rates.png  descent with a small, a good, a too-large step
    landscape_2d_gradient.png        contours over two weights, -gradient arrows
    landscape_two_valleys.png        steepest descent ends in the worse valley;
                                     shuffled minibatch steps beside it
    landscape_guessing.png           random guessing against gradient descent
    landscape_descent.gif            (animation of the 2-D descent)

The files of this folder are listed in `demos/landscape/__init__.py`.

The last line printed is a one-line summary with numbers a reader can check
(the slopes against central differences, where each descent ended).
"""

from __future__ import annotations

import sys
from pathlib import Path

from demos.common.cli import make_parser
from demos.landscape.scenes import (
    LR_2D,
    WORSE_START,
    Results,
    Settings,
    guessing,
    one_dimensional,
    two_dimensional,
    two_valleys,
)
from demos.landscape.surfaces import valley_of


def run(settings: Settings, seed: int) -> Results:
    """Compute every picture's numbers (no drawing)."""
    results = Results()
    one_dimensional(settings, results)
    two_dimensional(settings, results)
    two_valleys(settings, seed, results)
    guessing(settings, seed, results)
    return results


def draw_all(results: Results, out: Path, gif: bool) -> list[Path]:
    """Write every picture into `out`; returns the files written."""
    # Imported here so that --no-plot runs without matplotlib.
    from demos.landscape import figures, plots
    from demos.landscape.style import save

    written = []
    ws, losses = results.curve
    fig = plots.draw_derivative(ws, losses, results.tangents)
    written.append(save(fig, out / "landscape_1d_derivative.png"))
    fig = plots.draw_learning_rates(ws, losses, results.lr_runs)
    written.append(save(fig, out / "landscape_1d_learning_rates.png"))
    w_values, b_values, grid, arrows, paths = results.field2d
    fig = plots.draw_gradient_field(w_values, b_values, grid, arrows, paths, LR_2D)
    written.append(save(fig, out / "landscape_2d_gradient.png"))
    if gif:
        gif_path = out / "landscape_descent.gif"
        written.append(
            plots.save_descent_gif(w_values, b_values, grid, paths, LR_2D, gif_path)
        )
    fig = figures.two_valleys_from(results)
    written.append(save(fig, out / "landscape_two_valleys.png"))
    fig = figures.guessing_from(results)
    written.append(save(fig, out / "landscape_guessing.png"))
    return written


def summary(results: Results, pictures: int, out: Path | None) -> str:
    """The one parseable line the demo ends with."""
    where = f"{pictures} pictures in {out}/" if out is not None else "no pictures"
    guess, descent = results.guessing[-1].race[:2]
    w, b = WORSE_START
    return (
        f"landscape: {where}, 1-D slope check max error {results.slope_error:.1e}, "
        f"2-D gradient check max error {results.gradient_error:.1e}, "
        f"two-valley start ({w:g}, {b:g}) ends in the "
        f"{valley_of(results.worse_end)} valley, minibatch descent from it ends in "
        f"the better valley in {results.escapes} of {results.shuffles} shuffles, "
        f"guessing best loss {guess[-1]:.2f} vs gradient descent {descent[-1]:.2f} "
        f"after {len(guess)} evaluations"
    )


def main(argv: list[str] | None = None) -> int:
    parser = make_parser(
        "landscape",
        "Draw the talk's error-landscape pictures from real gradients. "
        "--steps is the budget of the guessing race: that many loss "
        "evaluations for random guessing and for gradient descent each.",
        steps=Settings().budget,
        steps_help="loss evaluations for guessing and for descent, each",
        out_help="folder for the pictures",
    )
    parser.add_argument(
        "--quick", action="store_true", help="coarse pictures, small budget (tests)"
    )
    parser.add_argument(
        "--no-gif", action="store_true", help="skip the animated GIF (slowest part)"
    )
    args = parser.parse_args(argv)
    settings = Settings.quick() if args.quick else Settings()
    if not args.quick or args.steps != parser.get_default("steps"):
        settings.budget = args.steps  # --steps is the guessing/descent budget
    results = run(settings, args.seed)
    written = [] if args.no_plot else draw_all(results, args.out, not args.no_gif)
    print(summary(results, len(written), None if args.no_plot else args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
