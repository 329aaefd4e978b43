"""Tests for the error-landscape demo (demos/landscape*.py).

What a student sees must be what the engine computes: every tangent slope
and every gradient arrow is checked against central differences of the very
curve or surface that is drawn, and the stories the pictures tell (the worse
valley, guessing losing to descent) are checked to really happen.
"""

from __future__ import annotations

import itertools
import random
import re
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from demos.landscape import landscape
from demos.landscape.guessing import (
    best_so_far,
    guess_against_descent,
    moons_problem,
)
from demos.landscape.scenes import (
    BETTER_START,
    TANGENT_POINTS,
    VALLEY_BATCH,
    VALLEY_EPOCHS,
    VALLEY_LR,
    WORSE_START,
    Results,
    Settings,
    guessing,
    one_dimensional,
    two_dimensional,
    two_valleys,
)
from demos.landscape.surfaces import (
    BETTER_LINE,
    NEURON_X,
    NEURON_Y,
    TWO_LINE_POINTS,
    WORSE_LINE,
    central_difference,
    descend,
    descend_minibatches,
    linspace,
    loss_and_gradient,
    loss_at,
    neuron_loss,
    two_valley_loss,
    valley_of,
)
from engine import Value

EPS = 1e-5  # central-difference step: error ~ eps² · L''' ≈ 1e-10 here


def slope_of_curve(fn, weights: list[float], i: int) -> float:
    """dL/dw_i by central differences of the plotted function itself."""
    up, down = list(weights), list(weights)
    up[i] += EPS
    down[i] -= EPS
    return (loss_at(fn, up) - loss_at(fn, down)) / (2 * EPS)


@pytest.fixture(scope="module")
def quick_results() -> Results:
    """The quick scenes, computed once for the whole file (about a second)."""
    settings = Settings.quick()
    results = Results()
    one_dimensional(settings, results)
    two_dimensional(settings, results)
    two_valleys(settings, 0, results)
    guessing(settings, 0, results)
    return results


# ------------------------------------------------------------------ 1-D
def test_tangent_slopes_are_the_slopes_of_the_plotted_curve(quick_results):
    ws, losses = quick_results.curve
    assert len(quick_results.tangents) == len(TANGENT_POINTS)
    for tangent in quick_results.tangents:
        assert tangent.loss == pytest.approx(loss_at(neuron_loss, [tangent.w]))
        expected = slope_of_curve(neuron_loss, [tangent.w], 0)
        assert tangent.slope == pytest.approx(expected, abs=1e-6)
    # The curve drawn is the same function, point by point.
    for w, loss in zip(ws[::10], losses[::10], strict=True):
        assert loss == loss_at(neuron_loss, [w])


def test_tangents_point_downhill_towards_the_bottom(quick_results):
    """Left of the bottom the slope is negative (go right), right of it positive."""
    bottom = min(zip(*quick_results.curve, strict=True), key=lambda p: p[1])[0]
    for tangent in quick_results.tangents:
        if tangent.w < bottom - 0.1:
            assert tangent.slope < 0
        elif tangent.w > bottom + 0.1:
            assert tangent.slope > 0
        else:
            assert abs(tangent.slope) < 0.01


def test_reported_slope_error_is_tiny(quick_results):
    assert 0 <= quick_results.slope_error < 1e-8


def test_learning_rates_tell_the_story(quick_results):
    """Too small crawls, good settles at the bottom, too large bounces back."""
    (_, _, small, _), (_, _, good, good_l), (_, _, large, _) = quick_results.lr_runs
    bottom = min(zip(*quick_results.curve, strict=True), key=lambda p: p[1])[0]
    assert abs(small[-1] - small[0]) < abs(small[0] - bottom) / 2
    assert good[-1] == pytest.approx(bottom, abs=0.02)
    assert good_l == sorted(good_l, reverse=True)  # never goes uphill
    # The large steps jump past the bottom more than once.
    sides = [w > bottom for w in large]
    assert sum(a != b for a, b in itertools.pairwise(sides)) >= 3


def test_descent_steps_use_the_gradient_from_backward():
    lr = 0.7
    path = descend(neuron_loss, [1.8, 0.3], lr, 3)
    for before, after in itertools.pairwise(path):
        _, gradient = loss_and_gradient(neuron_loss, before)
        assert after == [w - lr * g for w, g in zip(before, gradient, strict=True)]


# ------------------------------------------------------------------ 2-D
def test_gradient_arrows_are_central_differences_of_the_surface(quick_results):
    w_values, b_values, grid, arrows, _ = quick_results.field2d
    assert len(arrows) == (Settings.quick().arrows - 2) ** 2
    for w, b, dw, db in arrows:
        assert dw == pytest.approx(slope_of_curve(neuron_loss, [w, b], 0), abs=1e-6)
        assert db == pytest.approx(slope_of_curve(neuron_loss, [w, b], 1), abs=1e-6)
    # The contours are drawn from the same surface.
    assert grid[3][5] == loss_at(neuron_loss, [w_values[5], b_values[3]])
    assert quick_results.gradient_error < 1e-8


def test_every_2d_path_ends_lower_than_it_starts(quick_results):
    *_, paths = quick_results.field2d
    for _, path in paths:
        assert loss_at(neuron_loss, path[-1]) < loss_at(neuron_loss, path[0])


def test_gradients_agree_with_pytorch():
    torch = pytest.importorskip("torch")
    for w0, b0 in [(-1.0, 0.5), (0.6, 0.0), (2.5, -1.5)]:
        w = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
        b = torch.tensor(b0, dtype=torch.float64, requires_grad=True)
        x = torch.tensor(NEURON_X, dtype=torch.float64)
        y = torch.tensor(NEURON_Y, dtype=torch.float64)
        loss = ((torch.tanh(w * x + b) - y) ** 2).mean()
        loss.backward()
        ours, (dw, db) = loss_and_gradient(neuron_loss, [w0, b0])
        assert ours == pytest.approx(loss.item(), abs=1e-12)
        assert dw == pytest.approx(w.grad.item(), abs=1e-12)
        assert db == pytest.approx(b.grad.item(), abs=1e-12)


@given(
    st.floats(-3, 3, allow_nan=False),
    st.floats(-3, 3, allow_nan=False),
    st.sampled_from([neuron_loss, two_valley_loss]),
)
def test_backward_matches_central_differences_anywhere(w, b, fn):
    _, gradient = loss_and_gradient(fn, [w, b])
    for i in range(2):
        assert gradient[i] == pytest.approx(
            central_difference(fn, [w, b], i), rel=1e-5, abs=1e-7
        )


@given(st.floats(-2, 4, allow_nan=False), st.floats(-2, 2, allow_nan=False))
def test_a_small_step_never_goes_uphill(w, b):
    before, after = descend(neuron_loss, [w, b], 0.05, 1)
    assert loss_at(neuron_loss, after) <= loss_at(neuron_loss, before) + 1e-15


# ------------------------------------------------------------ two valleys
def test_the_documented_start_ends_in_the_worse_valley(quick_results):
    assert valley_of(quick_results.worse_end) == "worse"
    assert valley_of(quick_results.better_end) == "better"
    worse = loss_at(two_valley_loss, quick_results.worse_end)
    better = loss_at(two_valley_loss, quick_results.better_end)
    assert better < worse - 0.5


def test_both_valley_floors_are_real_minima(quick_results):
    """The gradient vanishes at both ends: descent has stopped, not stalled."""
    for end in (quick_results.worse_end, quick_results.better_end):
        _, gradient = loss_and_gradient(two_valley_loss, end)
        assert max(abs(g) for g in gradient) < 1e-6
    # Near the lines the data was drawn from (a little noise moves them).
    assert quick_results.better_end == pytest.approx(list(BETTER_LINE), abs=0.3)
    assert quick_results.worse_end == pytest.approx(list(WORSE_LINE), abs=0.3)


def test_shuffled_minibatches_leave_the_worse_valley(quick_results):
    assert quick_results.shuffles == Settings.quick().shuffles
    assert quick_results.escapes >= quick_results.shuffles // 2


def test_minibatch_descent_is_seeded_and_counts_its_steps():
    def run(seed: int) -> list[list[float]]:
        return descend_minibatches(
            WORSE_START, VALLEY_LR, VALLEY_EPOCHS, VALLEY_BATCH, random.Random(seed)
        )

    path = run(3)
    steps = VALLEY_EPOCHS * len(TWO_LINE_POINTS) // VALLEY_BATCH
    assert len(path) == steps + 1
    assert path == run(3)
    assert path != run(4)
    assert BETTER_START != WORSE_START


# --------------------------------------------------------------- guessing
def test_guessing_loses_to_descent_on_the_moons_network(quick_results):
    _, moons = quick_results.guessing
    budget = Settings.quick().budget
    assert "337 weights" in moons.title
    guess, descent = moons.race.guessing, moons.race.descent
    assert len(guess) == len(descent) == budget
    assert guess[0] == descent[0]  # both start from the same first guess
    assert descent[-1] < guess[-1]
    guess_accuracy, descent_accuracy = moons.accuracies
    assert descent_accuracy >= guess_accuracy
    assert moons.zero_loss == pytest.approx(1.0)  # hinge of all-zero scores


def test_guessing_is_fine_with_two_weights(quick_results):
    neuron, _ = quick_results.guessing
    assert neuron.race.guessing[-1] < neuron.zero_loss / 3


def test_best_weights_reproduce_the_best_losses():
    parameters, loss_fn, _, _ = moons_problem(20, 1)
    race = guess_against_descent(
        parameters, loss_fn, 8, 0.1, random.Random(1), spread=1.0
    )
    for weights, best in [
        (race.best_guess, race.guessing[-1]),
        (race.best_descent, race.descent[-1]),
    ]:
        for p, w in zip(parameters, weights, strict=True):
            p.data = w
        assert loss_fn().data == pytest.approx(best)


@given(st.lists(st.floats(0, 10, allow_nan=False), min_size=1, max_size=30))
def test_best_so_far_is_the_running_minimum(losses):
    best = best_so_far(losses)
    assert best == [min(losses[: k + 1]) for k in range(len(losses))]


def test_bad_input_gets_a_clear_error():
    weights = [Value(0.0)]
    with pytest.raises(ValueError, match="at least 1 evaluation"):
        guess_against_descent(
            weights, lambda: weights[0] ** 2, 0, 0.1, random.Random(0), 1.0
        )
    with pytest.raises(ValueError, match="n >= 2"):
        linspace(0, 1, 1)
    with pytest.raises(ValueError, match="takes \\[w\\] or \\[w, b\\]"):
        neuron_loss([Value(1.0)] * 3)


# ------------------------------------------------------------------ the demo
SUMMARY = re.compile(
    r"^landscape: (?P<pictures>\d+) pictures in (?P<out>.+)/, "
    r"1-D slope check max error (?P<slope>\S+), "
    r"2-D gradient check max error (?P<gradient>\S+), "
    r"two-valley start \(.+\) ends in the (?P<valley>worse|better) valley, "
    r"minibatch descent from it ends in the better valley in "
    r"(?P<escapes>\d+) of (?P<shuffles>\d+) shuffles, "
    r"guessing best loss (?P<guess>\S+) vs gradient descent (?P<descent>\S+) "
    r"after (?P<budget>\d+) evaluations$"
)

PICTURES = [
    "landscape_1d_derivative.png",
    "landscape_1d_learning_rates.png",
    "landscape_2d_gradient.png",
    "landscape_two_valleys.png",
    "landscape_guessing.png",
]


def test_demo_writes_its_pictures(tmp_path, capsys):
    assert landscape.main(["--quick", "--no-gif", "--out", str(tmp_path)]) == 0
    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    match = SUMMARY.match(last_line)
    assert match, last_line
    assert int(match["pictures"]) == len(PICTURES)
    assert float(match["slope"]) < 1e-8
    assert match["valley"] == "worse"
    assert float(match["descent"]) < float(match["guess"])
    assert int(match["budget"]) == Settings.quick().budget
    for name in PICTURES:
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), name
        assert len(data) > 10_000, name  # a real picture, not an empty canvas


def test_no_plot_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    assert landscape.main(["--quick", "--no-plot", "--out", str(out)]) == 0
    assert not out.exists()
    assert capsys.readouterr().out.startswith("landscape: no pictures, ")


def test_steps_sets_the_guessing_budget(tmp_path, capsys):
    landscape.main(["--quick", "--no-plot", "--steps", "7"])
    assert capsys.readouterr().out.rstrip().endswith("after 7 evaluations")


def test_descent_gif_is_an_animation(tmp_path, quick_results):
    from PIL import Image

    from demos.landscape.plots import save_descent_gif

    w_values, b_values, grid, _, paths = quick_results.field2d
    short = [(label, path[:4]) for label, path in paths]
    gif = save_descent_gif(w_values, b_values, grid, short, 1.0, tmp_path / "d.gif")
    with Image.open(gif) as image:
        assert image.format == "GIF"
        assert image.n_frames >= 4


def test_a_budget_of_one_evaluation_draws_without_a_warning():
    # --steps 1 used to print matplotlib's "identical low and high xlims" warning
    from demos.landscape.cautions import draw_guessing

    curves = [("random guessing", [0.5]), ("gradient descent", [0.4])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figure = draw_guessing([("one neuron", "note", curves, 0.6)])
    assert figure.axes[0].get_xlim() == (1.0, 2.0)


def test_help_says_what_steps_and_out_mean_here(capsys):
    # the shared help said "training steps to take" and "the saved model";
    # the landscape trains no model and saves none
    with pytest.raises(SystemExit):
        landscape.main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--steps STEPS loss evaluations for guessing and for descent, each" in text
    assert "--out DIR folder for the pictures (default: ./out)" in text
    assert "training steps" not in text and "saved model" not in text


def test_each_landscape_picture_takes_the_learners_own_loss():
    from matplotlib.figure import Figure

    from demos.landscape import figures
    from engine import Value

    def parabola(weights):
        return sum(((w - 1) ** 2 for w in weights), Value(0.0))

    assert isinstance(figures.derivative_figure(parabola, points=21), Figure)
    fig = figures.learning_rates_figure(parabola, start=3.0, learning_rates=[0.1, 0.9])
    assert [ax.get_title() for ax in fig.axes] == [
        "learning rate 0.1",
        "learning rate 0.9",
    ]
    fig = figures.gradient_figure(
        parabola, starts=[(2.0, 0.0)], grid_points=9, arrows=4
    )
    assert isinstance(fig, Figure)
    w = [Value(0.5), Value(-0.5)]
    fig = figures.guessing_figure(w, lambda: parabola(w), budget=5)
    assert isinstance(fig, Figure)
    assert [p.data for p in w] == [0.5, -0.5]  # the learner's weights come back
