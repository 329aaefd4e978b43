"""Tests for demos/plot.py: the pictures say what the network answers."""

from __future__ import annotations

import matplotlib.image
import pytest

from demos.classify import plot
from demos.classify.plot import _margins, _running_mean, plot_decision_boundary


def test_margins_are_positive_exactly_for_the_answer():
    assert _margins([2.0]) == [-2.0, 2.0]  # one score: class 1 when s > 0
    assert _margins([1.0, 3.0, 2.0]) == [-2.0, 1.0, -1.0]
    # a score of exactly 0 is class 0, as classify.binary_answer says
    assert max(range(2), key=_margins([0.0]).__getitem__) == 0


def test_running_mean_averages_the_last_window_values():
    assert _running_mean([1.0, 3.0, 5.0, 7.0], 2) == [1.0, 2.0, 4.0, 6.0]


def test_the_background_is_the_answer_and_mistakes_are_counted(tmp_path, monkeypatch):
    titles: list[str] = []
    real_save = plot._save

    def keep_title(figure, path):
        titles.append(figure.axes[0].get_title())
        return real_save(figure, path)

    monkeypatch.setattr(plot, "_save", keep_title)

    def right_is_class_1(point):
        return [point[0]]

    X = [[-1.0, 0.0], [1.0, 0.0], [1.0, 1.0]]
    path = plot_decision_boundary(
        right_is_class_1, X, [0, 1, 1], tmp_path / "b.png", resolution=20
    )
    assert titles[-1].endswith("3/3 training points right")
    pixels = matplotlib.image.imread(path)
    height, width = pixels.shape[:2]
    left = pixels[height // 2, width // 4][:3]
    right = pixels[height // 2, 3 * width // 4][:3]
    # class 0 is blue (more blue than red), class 1 orange (more red than blue)
    assert left[2] > left[0] and right[0] > right[2]

    plot_decision_boundary(
        right_is_class_1, X, [0, 1, 0], tmp_path / "c.png", resolution=20
    )
    assert titles[-1].endswith("2/3 training points right")


def test_the_figures_are_returned_for_a_notebook_not_saved(tmp_path, monkeypatch):
    from matplotlib.figure import Figure

    import nn
    from demos.classify.train import History

    monkeypatch.chdir(tmp_path)
    model = nn.MLP(2, [4, 1], seed=0)
    figure = plot.boundary_figure(model, [[0.0, 0.0], [1.0, 1.0]], [0, 1], "mine")
    assert isinstance(figure, Figure)
    legend = figure.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()][:2] == ["class 0", "class 1"]
    history = History(loss=[1.0, 0.5, 0.2], accuracy=[0.5, 0.5, 1.0])
    loss_axis = plot.history_figure(history).axes[0]
    assert "log scale" in loss_axis.get_ylabel()
    digits = nn.MLP(64, [10], seed=0)
    images = [[float(i % 17) for i in range(64)], [0.5] * 64]
    assert isinstance(plot.digits_figure(digits, images, [3, 4]), Figure)
    assert list(tmp_path.iterdir()) == []  # nothing written anywhere


def _each_figure(lang: str):
    """Every classification figure, drawn in `lang`, with all its words."""
    import nn
    from demos.classify.train import History

    model = nn.MLP(2, [4, 3], seed=0)
    X, y = [[0.0, 0.0], [1.0, 1.0], [1.0, 0.0]], [0, 1, 2]
    yield "boundary", plot.boundary_figure(model, X, y, resolution=10, lang=lang)
    # minibatches, a test set and Ctrl-C: every label of the history picture
    history = History(
        loss=[1.0, 0.5, 0.2] * 4,
        accuracy=[0.5, 0.5, 1.0] * 4,
        batch_size=2,
        test_steps=[6, 12],
        test_accuracy=[0.5, 1.0],
        interrupted=True,
    )
    yield "history", plot.history_figure(history, lang=lang)
    digits = nn.MLP(64, [10], seed=0)
    images = [[float(i % 17) for i in range(64)], [0.5] * 64]
    yield "digits", plot.digits_figure(digits, images, [3, 4], lang=lang)
    probabilities = [[0.1] * 10, [0.0] * 9 + [1.0]]
    yield (
        "predictions",
        plot.predictions_figure(images, [3, 9], probabilities, lang=lang),
    )


def test_a_finnish_figure_has_no_english_word_left():
    from demos.classify.words import WORDS
    from tests.demos.figure_words import finnish_figures_without_english

    finnish = finnish_figures_without_english(_each_figure, WORDS)
    assert "luokka 0" in finnish["boundary"]
    assert "virhe, logaritminen asteikko (pienempi on parempi)" in (finnish["history"])


def test_every_figure_refuses_a_language_it_does_not_have():
    import nn
    from demos.classify.train import History

    model = nn.MLP(2, [1], seed=0)
    history = History(loss=[1.0], accuracy=[0.5])
    images = [[0.5] * 64]
    calls = [
        lambda: plot.boundary_figure(model, [[0.0, 0.0]], [0], lang="sv"),
        lambda: plot.history_figure(history, lang="sv"),
        lambda: plot.digits_figure(nn.MLP(64, [10]), images, [1], lang="sv"),
        lambda: plot.predictions_figure(images, [1], [[0.1] * 10], lang="sv"),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="lang must be 'en' or 'fi', got 'sv'"):
            call()
