"""Tests for demos/landscape/figures.py: each picture in English or Finnish.

The pictures' numbers are tested in test_landscape.py; here: lang="fi"
leaves no English word in any of them, and a language we lack is refused.
"""

from __future__ import annotations

import pytest

from demos.landscape import figures
from demos.landscape.surfaces import neuron_loss
from demos.landscape.words import SLIDES, WORDS
from engine import Value
from tests.demos.figure_words import finnish_figures_without_english


def _parabola(weights):
    return sum(((w - 1) ** 2 for w in weights), Value(0.0))


def _each_figure(lang: str):
    """Every landscape figure, small and quick, drawn in `lang`."""
    yield "derivative", figures.derivative_figure(neuron_loss, points=21, lang=lang)
    yield "yours", figures.derivative_figure(_parabola, points=21, lang=lang)
    yield "rates", figures.learning_rates_figure(neuron_loss, points=21, lang=lang)
    yield "gradient", figures.gradient_figure(grid_points=9, arrows=4, lang=lang)
    yield "valleys", figures.two_valleys_figure(shuffles=2, lang=lang)
    yield "guessing", figures.guessing_figure(budget=4, lang=lang)
    w = [Value(0.5), Value(-0.5)]
    mine = figures.guessing_figure(w, lambda: _parabola(w), budget=4, lang=lang)
    yield "your guessing", mine


def test_a_finnish_figure_has_no_english_word_left():
    finnish = finnish_figures_without_english(_each_figure, WORDS)
    assert "virhe" in finnish["valleys"]  # the colour key
    assert "hyvä: asettuu pohjalle\noppimisnopeus 1.5" in finnish["rates"]


def test_the_finnish_title_stands_above_the_talks_slide_name():
    fig = figures.derivative_figure(points=21, lang="fi")
    assert fig.get_suptitle() == WORDS["fi"]["title.derivative"]
    assert SLIDES["derivative"] in [t.get_text() for t in fig.texts]
    # in English the slide's name stays Finnish under the English title
    fig = figures.derivative_figure(points=21)
    assert fig.get_suptitle() == WORDS["en"]["title.derivative"]
    assert SLIDES["derivative"] in [t.get_text() for t in fig.texts]


def test_every_figure_refuses_a_language_it_does_not_have():
    calls = [
        lambda: figures.derivative_figure(lang="sv"),
        lambda: figures.learning_rates_figure(lang="sv"),
        lambda: figures.gradient_figure(lang="sv"),
        lambda: figures.two_valleys_figure(lang="sv"),
        lambda: figures.guessing_figure(lang="sv"),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="lang must be 'en' or 'fi', got 'sv'"):
            call()
