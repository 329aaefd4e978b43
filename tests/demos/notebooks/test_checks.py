"""The check cells without a kernel: right answers say "right"/"oikein",
placeholders say what is missing, and common mistakes get their own hint."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from demos.notebooks.checks import Checks
from demos.notebooks.verdicts import Verdict
from engine import Value

en, fi = Checks("en"), Checks("fi")


def not_yet(verdict: str, *words: str) -> bool:
    return verdict.startswith("not yet: ") and all(w in verdict for w in words)


def test_a_verdict_shows_as_plain_text():
    class Printer:
        def text(self, s):
            self.shown = s

    printer = Printer()
    Verdict("right")._repr_pretty_(printer, False)
    assert printer.shown == "right" and Verdict("oikein").right


def test_unknown_language():
    with pytest.raises(ValueError, match="lang must be 'en' or 'fi', got 'sv'"):
        Checks("sv")


def test_placeholders_say_the_dots_are_still_there():
    assert not_yet(en.pixels(...), "pixels is still `...`")
    assert fi.pixels(...).startswith("ei vielä: pixels on vielä `...`")
    assert not_yet(en.neuron(...), "neuron is still `...`")
    assert not_yet(en.neuron(lambda w, x, b: ...), "neuron still returns `...`")


def test_pixels_and_wrong_types():
    assert en.pixels(64) == "right" and fi.pixels(8 * 8) == "oikein"
    assert not_yet(en.pixels(63), "63.0000", "64.0000")
    assert not_yet(en.pixels("64"), "should be a number", "str")


IMAGE = [[8 * r + c for c in range(8)] for r in range(8)]


def test_flatten():
    assert en.flatten(IMAGE, [p for row in IMAGE for p in row]) == "right"
    by_columns = [row[c] for c in range(8) for row in IMAGE]
    assert not_yet(en.flatten(IMAGE, by_columns), "column by column")
    assert not_yet(en.flatten(IMAGE, IMAGE[0]), "has 8 numbers", "64")
    assert not_yet(en.flatten(IMAGE, 5), "should be a list")


@given(st.lists(st.integers(0, 16), min_size=1, max_size=64))
def test_scale(pixels):
    assert en.scale(pixels, [p / 16 for p in pixels]) == "right"


def test_weighted_sum_must_be_built_from_values():
    w, x, b = [Value(0.5), Value(1.5), Value(-2.0)], [2.0, -1.0, 0.5], Value(0.25)
    z = w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b
    assert en.weighted_sum(z, w, x, b) == "right"
    assert not_yet(en.weighted_sum(z.data, w, x, b), "not made from the Values")
    assert not_yet(en.weighted_sum(z + 1, w, x, b), "should be")


def test_neuron():
    def neuron(w, x, b):
        return sum((wi * xi for wi, xi in zip(w, x, strict=True)), b).tanh()

    def relu_neuron(w, x, b):
        return sum((wi * xi for wi, xi in zip(w, x, strict=True)), b).relu()

    def broken(w, x, b):
        return w[5]

    assert en.neuron(neuron) == "right"
    assert not_yet(en.neuron(relu_neuron), "relu", "tanh")
    assert not_yet(en.neuron(broken), "raised IndexError")
    assert not_yet(en.neuron(42), "should be a function")


def test_parameter_count_and_probabilities():
    assert en.parameter_count(64 * 16 + 16 + 16 * 10 + 10) == "right"
    assert not_yet(en.parameter_count(64 * 16 + 16 * 10), "bias")
    scores = [2.0, 1.0, -1.0]
    total = sum(math.exp(s) for s in scores)
    assert en.probabilities(scores, [math.exp(s) / total for s in scores]) == "right"
    assert not_yet(en.probabilities(scores, [0.5, 0.3, 0.2]), "probs2[0]")


def test_losses():
    def mean_sq(y, t):
        return sum((a - b) ** 2 for a, b in zip(y, t, strict=True)) / len(y)

    def sum_sq(y, t):
        return sum((a - b) ** 2 for a, b in zip(y, t, strict=True))

    assert en.squared_error(mean_sq) == "right"
    assert not_yet(en.squared_error(sum_sq), "that is the sum")
    probs = [0.7, 0.2, 0.1]
    assert en.cross_entropy(probs, 1, -math.log(0.2)) == "right"
    assert not_yet(en.cross_entropy(probs, 1, math.log(0.2)), "minus")
    assert not_yet(en.cross_entropy(probs, 1, -math.log(0.7)), "should be 1.6094")


def test_slope_and_gradient():
    def slope(f, w, h=1e-5):
        return (f(w + h) - f(w - h)) / (2 * h)

    assert en.slope(slope) == "right"
    assert not_yet(en.slope(lambda f, w: f(w)), "slope(w**3, 2.0) is 8.0000")
    w, b = Value(1.0), Value(3.0)
    assert not_yet(en.gradient([0, 0], w, b), "run L.backward() first")
    L = w * b + b
    L.backward()
    assert en.gradient([w.grad, b.grad], w, b) == "right"
    assert not_yet(en.gradient([b.grad, w.grad], w, b), "grad[0]")


def test_chain_rule_and_one_step():
    assert en.chain(42) == "right" and en.chain(2 * (3 * 2 + 1) * 3) == "right"
    assert not_yet(en.chain(14), "inner")
    a, b = Value(2.0), Value(3.0)
    assert en.contribution(a, b, 0.5, 1.5) == "right"
    assert not_yet(en.contribution(a, b, 0.5, 1.0), "is b, not a")


def test_sgd_step():
    def step(params, lr):
        for p in params:
            p.data -= lr * p.grad

    def uphill(params, lr):
        for p in params:
            p.data += lr * p.grad

    assert en.sgd_step(step) == "right"
    assert not_yet(en.sgd_step(lambda params, lr: None), "left every weight")
    assert not_yet(en.sgd_step(uphill), "up the hill")


def test_train_one_epoch():
    from demos.datasets import minibatches
    from nn import hinge

    def epoch(model, X, y, lr, batch_size=20, seed=0):
        for X_batch, y_batch in minibatches(X, y, batch_size, rng=seed):
            loss = hinge([model(x) for x in X_batch], y_batch)
            model.zero_grad()
            loss.backward()
            for p in model.parameters():
                p.data -= lr * p.grad

    def no_zero_grad_uphill(model, X, y, lr, batch_size=20, seed=0):
        for X_batch, y_batch in minibatches(X, y, batch_size, rng=seed):
            hinge([model(x) for x in X_batch], y_batch).backward()
            for p in model.parameters():
                p.data += lr * p.grad

    assert en.train_one_epoch(epoch) == "right"
    assert not_yet(en.train_one_epoch(lambda *args: None), "no weight has moved")
    assert not_yet(en.train_one_epoch(no_zero_grad_uphill), "not down")


def test_digits():
    def predicted(scores):
        numbers = [s.data if isinstance(s, Value) else s for s in scores]
        return numbers.index(max(numbers))

    def accuracy(model, X, y):
        right = sum(predicted(model(x)) == t for x, t in zip(X, y, strict=True))
        return right / len(y)

    def count(model, X, y):
        return accuracy(model, X, y) * len(y)

    assert en.predicted_digit(predicted) == "right"
    assert not_yet(en.predicted_digit(lambda s: max(s)), "its place")
    assert en.accuracy(accuracy) == "right"
    assert not_yet(en.accuracy(count), "divide by len(y) = 30")


def test_every_message_has_its_finnish():
    """The same wrong answers in Finnish: never an English word left over."""
    assert fi.chain(14).startswith("ei vielä: ") and "sisemmän" in fi.chain(14)
    assert fi.sgd_step(lambda params, lr: None).startswith("ei vielä: ")
    assert "epookin" in fi.train_one_epoch(lambda *args: None)
    assert "ei a" in fi.contribution(Value(2.0), Value(3.0), 0.5, 1.0)
