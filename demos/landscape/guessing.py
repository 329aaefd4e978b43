""" "Arvataan?" — why not just guess the weights? Guessing against descent.

Both methods get the same budget of *loss evaluations*. We count one
forward pass plus one backward() as one evaluation, for both: guessing only
needs the forward pass, so this count is generous to guessing.

    random guessing    every evaluation draws *all* weights anew at random
                       and keeps the best loss seen so far;
    gradient descent   every evaluation computes the loss and its gradient
                       and moves all weights a small step downhill.

With two weights, a few hundred guesses cover the landscape well. With the
moons network's 337 weights they do not: the number of places to try grows
like (guesses per weight) ** (number of weights), the talk's "h × k is a lot".
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import NamedTuple

from engine import Value, no_grad

LossOfParameters = Callable[[], Value]


class Race(NamedTuple):
    """The outcome of guessing against descent under one budget.

    guessing, descent: the best loss so far after each evaluation;
    best_guess, best_descent: the weights that gave each method's best loss.
    """

    guessing: list[float]
    descent: list[float]
    best_guess: list[float]
    best_descent: list[float]


def random_guessing(
    parameters: Sequence[Value],
    loss_fn: LossOfParameters,
    budget: int,
    rng: random.Random,
    spread: float,
) -> tuple[list[float], list[float]]:
    """`budget` guesses, every weight from U(-spread, spread) each time.

    Returns the loss of every guess and the weights of the best one.
    """
    losses: list[float] = []
    best: list[float] = []
    for _ in range(budget):
        for p in parameters:
            p.data = rng.uniform(-spread, spread)
        with no_grad():  # a guess needs no gradient
            losses.append(loss_fn().data)
        if losses[-1] <= min(losses):
            best = [p.data for p in parameters]
    return losses, best


def gradient_descent(
    parameters: Sequence[Value],
    loss_fn: LossOfParameters,
    budget: int,
    lr: float,
) -> tuple[list[float], list[float]]:
    """`budget` steps of w ← w - lr · dL/dw, the gradient from backward().

    Returns the loss before every step and the weights of the lowest one.
    """
    losses: list[float] = []
    best: list[float] = []
    for _ in range(budget):
        for p in parameters:
            p.grad = 0.0
        loss = loss_fn()
        loss.backward()
        losses.append(loss.data)
        if loss.data <= min(losses):
            best = [p.data for p in parameters]
        for p in parameters:
            p.data -= lr * p.grad
    return losses, best


def best_so_far(losses: Sequence[float]) -> list[float]:
    """The running minimum: after k evaluations, the best loss among them."""
    best = []
    for loss in losses:
        best.append(min(loss, best[-1]) if best else loss)
    return best


def guess_against_descent(
    parameters: Sequence[Value],
    loss_fn: LossOfParameters,
    budget: int,
    lr: float,
    rng: random.Random,
    spread: float,
) -> Race:
    """Guessing and descent, each with `budget` loss evaluations.

    Descent starts from the first random guess, so both begin at the same
    loss and differ only in how they use the rest of the budget.
    """
    if budget < 1:
        raise ValueError(f"the budget must be at least 1 evaluation, got {budget}")
    start = [rng.uniform(-spread, spread) for _ in parameters]
    guesses_rng = random.Random(rng.random())
    for p, w in zip(parameters, start, strict=True):
        p.data = w
    descent, best_descent = gradient_descent(parameters, loss_fn, budget, lr)
    # The first guess is the descent's start; the other budget - 1 are fresh.
    for p, w in zip(parameters, start, strict=True):
        p.data = w
    with no_grad():
        first = loss_fn().data
    guesses, best_guess = random_guessing(
        parameters, loss_fn, budget - 1, guesses_rng, spread
    )
    if not guesses or first <= min(guesses):
        best_guess = start
    return Race(
        best_so_far([first, *guesses]), best_so_far(descent), best_guess, best_descent
    )


def moons_problem(
    n_points: int, seed: int
) -> tuple[list[Value], LossOfParameters, Callable[[], float], str]:
    """The moons demo's network MLP(2, [16, 16, 1]) and its hinge loss.

    Returns (parameters, loss function, accuracy function, the network's
    name "MLP(2, [16, 16, 1])"); both functions use the parameters' current
    values.
    """
    from demos.datasets import make_moons
    from nn import MLP, hinge

    X, y = make_moons(n=n_points, noise=0.1, seed=seed)
    labels = [2 * label - 1 for label in y]  # hinge wants -1 / +1
    model = MLP(2, [16, 16, 1], seed=seed)

    def loss_fn() -> Value:
        return hinge([model(x) for x in X], labels)

    def accuracy() -> float:
        with no_grad():
            scores = [model(x).data for x in X]
        right = sum((s > 0) == (t > 0) for s, t in zip(scores, labels, strict=True))
        return right / len(X)

    return model.parameters(), loss_fn, accuracy, "MLP(2, [16, 16, 1])"


def accuracy_at(
    parameters: Sequence[Value], weights: Sequence[float], accuracy: Callable[[], float]
) -> float:
    """The accuracy with `weights` loaded into `parameters`."""
    for p, w in zip(parameters, weights, strict=True):
        p.data = w
    return accuracy()
