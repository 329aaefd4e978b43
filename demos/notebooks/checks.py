"""The course's check cells: each says "right" ("oikein") or what is still wrong.

    from demos.notebooks.checks import Checks
    check = Checks("fi")
    check.flatten(image, vector)        # shows: oikein   (or what to fix)

One method per exercise, in the order of the notebooks. Each works out the
right answer itself, with engine and nn, so this file is also the reference
for what every exercise asks. The shared wording is in `verdicts.py`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from demos.datasets import make_moons
from demos.notebooks.verdicts import Checker, Verdict, _close, _number
from engine import Value, topo_sort
from nn import MLP, hinge, softmax


class Checks(Checker):
    """Every exercise's check; `Checks("en")` or `Checks("fi")`."""

    # ------------------------------------------------ 00 start
    def pixels(self, pixels: object) -> Verdict:
        """How many pixels an 8 × 8 picture has."""
        return self._value("pixels", pixels, 8 * 8)

    # ------------------------------------------------ 01 a picture is a vector
    def flatten(self, image: Sequence[Sequence[float]], vector: object) -> Verdict:
        """The rows of `image` one after another, as one list."""
        expected = [p for row in image for p in row]
        by_columns = [row[c] for c in range(len(image[0])) for row in image]
        if vector is not ... and vector == by_columns and by_columns != expected:
            return self._wrong(
                "you read the picture column by column; read it row by row",
                "luit kuvan sarake kerrallaan; lue se rivi kerrallaan",
            )
        return self._numbers("vector", vector, expected) or self._right()

    def scale(self, vector: Sequence[float], scaled: object) -> Verdict:
        """Pixels 0..16 as numbers 0.0..1.0: each divided by 16."""
        return self._numbers("scaled", scaled, [p / 16 for p in vector]) or (
            self._right()
        )

    # ------------------------------------------------ 02 the neuron g(w·x)
    def weighted_sum(
        self, z: object, w: Sequence[Value], x: Sequence[float], b: Value
    ) -> Verdict:
        """z = w1·x1 + w2·x2 + w3·x3 + b, built from the Values w and b."""
        expected = sum(wi.data * xi for wi, xi in zip(w, x, strict=True)) + b.data
        verdict = self._value("z2", z, expected)
        if verdict.right and not (isinstance(z, Value) and w[0] in topo_sort(z)):
            return self._wrong(
                "z2 has the right number, but it is not made from the Values "
                "w2[0], w2[1], ...: write w2[0] * x2[0] + ..., not their .data",
                "z2:ssa on oikea luku, mutta sitä ei ole laskettu Valueista "
                "w2[0], w2[1], ...: kirjoita w2[0] * x2[0] + ..., ei .data",
            )
        return verdict

    def neuron(self, neuron: object) -> Verdict:
        """neuron(w, x, b) = tanh(w·x + b), for any lengths."""
        problem = self._function("neuron", neuron)
        if problem:
            return problem
        for w, x, b in [
            ([0.5, -1.0], [2.0, 1.0], 0.25),
            ([1.5, 0.3, -0.7], [1, 2, 3], 0),
        ]:
            ws = [Value(wi) for wi in w]
            out, problem = self._call("neuron", neuron, ws, x, Value(b))
            if problem:
                return problem
            s = sum(wi * xi for wi, xi in zip(w, x, strict=True)) + b
            number = _number(out)
            relu = number is not None and _close(number, max(0.0, s))
            if relu and not _close(number, math.tanh(s)):
                return self._wrong(
                    "that is relu; this neuron's g is tanh: (...).tanh()",
                    "tuo on relu; tämän neuronin g on tanh: (...).tanh()",
                )
            verdict = self._value(f"neuron({w}, {x}, {b})", out, math.tanh(s))
            if not verdict.right:
                return verdict
        return self._right()

    # ------------------------------------------------ 03 the network M(x)
    def parameter_count(self, count: object) -> Verdict:
        """MLP(64, [16, 10]): 64·16 + 16 weights and biases, then 16·10 + 10."""
        if _number(count) == 64 * 16 + 16 * 10:
            return self._wrong(
                "those are the weights; every neuron also has a bias b",
                "nuo ovat painot; jokaisella neuronilla on myös bias b",
            )
        return self._value("count", count, len(MLP(64, [16, 10]).parameters()))

    def probabilities(self, scores: Sequence[float], probs: object) -> Verdict:
        """softmax: e**score / (the sum of e**score over all classes)."""
        expected = [p.data for p in softmax([Value(s) for s in scores])]
        return self._numbers("probs2", probs, expected) or self._right()

    # ------------------------------------------------ 04 the loss
    def squared_error(self, squared_error: object) -> Verdict:
        """squared_error(y, y_target) = the mean of (y_i - target_i)**2."""
        problem = self._function("squared_error", squared_error)
        if problem:
            return problem
        for y, t in [([0.9, 0.1, 0.0], [1, 0, 0]), ([2.0, -1.0], [0.5, 0.5])]:
            out, problem = self._call("squared_error", squared_error, y, t)
            if problem:
                return problem
            expected = sum((a - b) ** 2 for a, b in zip(y, t, strict=True)) / len(y)
            total = sum((a - b) ** 2 for a, b in zip(y, t, strict=True))
            if _number(out) is not None and _close(_number(out), total):
                return self._wrong(
                    "that is the sum; divide it by the number of outputs (mean)",
                    "tuo on summa; jaa se ulostulojen määrällä (keskiarvo)",
                )
            verdict = self._value(f"squared_error({y}, {t})", out, expected)
            if not verdict.right:
                return verdict
        return self._right()

    def cross_entropy(self, probs: Sequence[float], right: int, ce: object) -> Verdict:
        """-log(the probability of the right class)."""
        if _number(ce) is not None and _close(_number(ce), math.log(probs[right])):
            return self._wrong(
                "log of a probability is negative; the loss is minus that",
                "todennäköisyyden log on negatiivinen; virhe on sen vastaluku",
            )
        return self._value("ce", ce, -math.log(probs[right]))

    # ------------------------------------------------ 05 the landscape
    def slope(self, slope: object) -> Verdict:
        """slope(f, w) ≈ (f(w + h) - f(w - h)) / (2h), the central difference."""
        problem = self._function("slope", slope)
        if problem:
            return problem
        for name, f, w, expected in [
            ("w**3", lambda w: w**3, 2.0, 12.0),
            ("sin", math.sin, 1.0, math.cos(1.0)),
        ]:
            out, problem = self._call("slope", slope, f, w)
            if problem:
                return problem
            if _number(out) is None:
                return self._not_a_number(f"slope({name}, {w})", out)
            if not math.isclose(_number(out), expected, rel_tol=1e-3, abs_tol=1e-4):
                return self._wrong(
                    f"slope({name}, {w}) is {_number(out):.4f}; "
                    f"the slope there is {expected:.4f}",
                    f"slope({name}, {w}) on {_number(out):.4f}; "
                    f"kulmakerroin siinä on {expected:.4f}",
                )
        return self._right()

    def gradient(self, grad: object, w: Value, b: Value) -> Verdict:
        """The gradient [dL/dw, dL/db], read from the Values after backward()."""
        if w.grad == 0 and b.grad == 0:
            return self._wrong(
                "w.grad and b.grad are still 0: run L.backward() first",
                "w.grad ja b.grad ovat vielä 0: aja ensin L.backward()",
            )
        return self._numbers("grad", grad, [w.grad, b.grad]) or self._right()

    # ------------------------------------------------ 06 backprop
    def chain(self, by_hand: object) -> Verdict:
        """d/dx (3x + 1)**2 at x = 2: 2·(3x + 1) · 3 = 42."""
        if _number(by_hand) == 14:
            return self._wrong(
                "2·(3x + 1) is the outer derivative; multiply by the inner one, "
                "d(3x + 1)/dx",
                "2·(3x + 1) on ulomman funktion derivaatta; kerro vielä "
                "sisemmän derivaatalla d(3x + 1)/dx",
            )
        x = Value(2.0)
        L = (3 * x + 1) ** 2
        L.backward()
        return self._value("by_hand", by_hand, x.grad)

    def contribution(
        self, a: Value, b: Value, upstream: float, share: object
    ) -> Verdict:
        """n = a·b: dL/da gets d(a·b)/da · dL/dn = b · upstream."""
        number = _number(share)
        swapped = number is not None and _close(number, a.data * upstream)
        if swapped and a.data != b.data:
            return self._wrong(
                "the local derivative d(a·b)/da is b, not a",
                "paikallinen derivaatta d(a·b)/da on b, ei a",
            )
        return self._value("share", share, b.data * upstream)

    # ------------------------------------------------ 07 training
    def sgd_step(self, sgd_step: object) -> Verdict:
        """sgd_step(params, lr): every p.data -= lr * p.grad."""
        problem = self._function("sgd_step", sgd_step)
        if problem:
            return problem
        params = [Value(1.0), Value(-2.0)]
        params[0].grad, params[1].grad = 0.5, -4.0
        _, problem = self._call("sgd_step", sgd_step, params, 0.1)
        if problem:
            return problem
        moved = [p.data for p in params]
        if moved == [1.0, -2.0]:
            return self._wrong(
                "sgd_step(params, lr) left every weight where it was",
                "sgd_step(params, lr) jätti jokaisen painon paikalleen",
            )
        if _close(moved[0], 1.05) and _close(moved[1], -2.4):
            return self._wrong(
                "the weights moved up the hill: step AGAINST the gradient (-)",
                "painot liikkuivat ylämäkeen: askel gradienttia VASTAAN (-)",
            )
        return self._numbers("[p.data for p in params]", moved, [0.95, -1.6]) or (
            self._right()
        )

    def train_one_epoch(self, train_one_epoch: object) -> Verdict:
        """One pass over shuffled minibatches makes the loss smaller."""
        problem = self._function("train_one_epoch", train_one_epoch)
        if problem:
            return problem
        X, y = make_moons(40, noise=0.1, seed=1)
        y = [2 * label - 1 for label in y]  # hinge wants -1 / +1
        model = MLP(2, [8, 1], seed=1)
        before = [p.data for p in model.parameters()]
        loss_before = hinge([model(x) for x in X], y).data
        for _epoch in range(3):
            _, problem = self._call(
                "train_one_epoch", train_one_epoch, model, X, y, 0.1
            )
            if problem:
                return problem
        if [p.data for p in model.parameters()] == before:
            return self._wrong(
                "after 3 epochs no weight has moved: is optimizer.step() "
                "(or p.data -= lr * p.grad) inside the loop?",
                "3 epookin jälkeen yksikään paino ei ole liikkunut: onko "
                "optimizer.step() (tai p.data -= lr * p.grad) silmukassa?",
            )
        loss_after = hinge([model(x) for x in X], y).data
        if not loss_after < loss_before:
            return self._wrong(
                f"the loss went from {loss_before:.4f} to {loss_after:.4f}, "
                "not down: zero_grad before backward, and step against the gradient",
                f"virhe muuttui {loss_before:.4f} → {loss_after:.4f}, ei "
                "pienentynyt: zero_grad ennen backwardia, ja askel gradienttia vastaan",
            )
        return self._right()

    # ------------------------------------------------ 08 the digits
    def predicted_digit(self, predicted_digit: object) -> Verdict:
        """The index of the largest score."""
        problem = self._function("predicted_digit", predicted_digit)
        if problem:
            return problem
        for scores in ([0.1, 2.5, -1.0, 0.3], [Value(3.0), Value(-1.0), Value(7.5)]):
            out, problem = self._call("predicted_digit", predicted_digit, scores)
            if problem:
                return problem
            numbers = [_number(s) for s in scores]
            if _number(out) == max(numbers):
                return self._wrong(
                    "that is the largest score; the answer is its place (index)",
                    "tuo on suurin pistemäärä; vastaus on sen paikka (indeksi)",
                )
            verdict = self._value(
                "predicted_digit(...)", out, numbers.index(max(numbers))
            )
            if not verdict.right:
                return verdict
        return self._right()

    def accuracy(self, accuracy: object) -> Verdict:
        """accuracy(model, X, y): the fraction of examples answered right."""
        problem = self._function("accuracy", accuracy)
        if problem:
            return problem
        X, y = make_moons(30, noise=0.2, seed=3)
        model = MLP(2, [4, 2], seed=3)
        right = sum(_best(model(x)) == label for x, label in zip(X, y, strict=True))
        out, problem = self._call("accuracy", accuracy, model, X, y)
        if problem:
            return problem
        if _number(out) == right:
            return self._wrong(
                f"{right} is how many are right; divide by len(y) = {len(y)}",
                f"{right} on oikeiden määrä; jaa se luvulla len(y) = {len(y)}",
            )
        return self._value("accuracy(model, X, y)", out, right / len(y))


def _best(scores: Sequence[Any]) -> int:
    numbers = [s.data for s in scores]
    return numbers.index(max(numbers))
