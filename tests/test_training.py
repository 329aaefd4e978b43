"""End to end: engine + nn train real (small) networks, as the talk promises.

1. micrograd's moons demo, line for line but on takaisin: MLP(2, [16, 16, 1]),
   hinge loss + 1e-4 * l2, plain gradient steps with lr 1.0 -> 0.1 over 100
   full-batch steps. It must reach >= 97% training accuracy.
2. The talk's class probabilities: a 3-class softmax network trained with
   Adam and cross-entropy separates three Gaussian blobs.
"""

from __future__ import annotations

import random

from demos.datasets import make_blobs, make_moons
from nn import MLP, Adam, cross_entropy, hinge, l2, softmax


def test_micrograd_moons_demo_reaches_97_percent() -> None:
    X, y = make_moons(n=100, noise=0.1, seed=0)
    y = [2 * label - 1 for label in y]  # hinge wants -1 / +1
    model = MLP(2, [16, 16, 1], seed=0)
    assert len(model.parameters()) == 337

    for k in range(100):
        scores = [model(x) for x in X]
        loss = hinge(scores, y) + 1e-4 * l2(model.parameters())
        model.zero_grad()
        loss.backward()
        learning_rate = 1.0 - 0.9 * k / 100
        for p in model.parameters():
            p.data -= learning_rate * p.grad

    scores = [model(x) for x in X]
    accuracy = sum(
        (s.data > 0) == (label > 0) for s, label in zip(scores, y, strict=True)
    )
    assert accuracy >= 97, f"{accuracy}% after 100 steps (loss {loss.data:.4f})"


def test_softmax_classifier_separates_three_blobs_with_adam() -> None:
    centers = [[-2.0, -1.0], [2.0, -1.0], [0.0, 2.5]]
    X, y = make_blobs(n=60, centers=centers, std=0.6, seed=1)
    model = MLP(2, [8, 3], seed=1)
    optimizer = Adam(model.parameters(), lr=0.05)
    rng = random.Random(0)
    order = list(range(len(X)))

    first_loss = None
    for _ in range(20):  # epochs of shuffled minibatches, as the talk says
        rng.shuffle(order)
        for start in range(0, len(order), 20):
            batch = order[start : start + 20]
            loss = cross_entropy([model(X[i]) for i in batch], [y[i] for i in batch])
            first_loss = first_loss if first_loss is not None else loss.data
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

    predictions = [_argmax(model(x)) for x in X]
    accuracy = sum(p == t for p, t in zip(predictions, y, strict=True)) / len(y)
    assert accuracy >= 0.95
    assert loss.data < first_loss / 4
    # Class probabilities, as in the talk (cat 0.99, dog 0.01, sloth 0.0).
    probabilities = [p.data for p in softmax(model(centers[2]))]
    assert probabilities[2] > 0.9
    assert abs(sum(probabilities) - 1.0) < 1e-12


def _argmax(values: list) -> int:
    return max(range(len(values)), key=lambda i: values[i].data)
