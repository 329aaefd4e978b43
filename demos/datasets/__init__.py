"""Small data sets for the demos, as plain Python lists.

Every generator returns `(X, y)`: `X` is a list of examples, each a list of
floats (two numbers for the 2-D problems, 64 pixels for the digits), and `y`
is a list of int class labels, one per example. Nothing here needs numpy or
scikit-learn: randomness comes from `random.Random(seed)`, so the same seed
gives exactly the same points on every machine.

    make_moons     two interleaving half circles      (2 classes)
    make_circles   a small circle inside a large one  (2 classes)
    make_xor       the four quarters of a square      (2 classes)
    make_blobs     round Gaussian clouds              (k classes)
    make_spiral    k arms winding around the origin   (k classes)
    load_digits    8x8 handwritten digits             (10 classes)

The talk's point about randomness: a network learns best when the examples
it sees change from step to step. `minibatches` shuffles the examples and
hands them out a few at a time; `train_test_split` keeps some examples aside
so we can check the network on images it has never seen.
"""

from __future__ import annotations

import csv
import gzip
import math
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

Dataset = tuple[list[list[float]], list[int]]

DIGITS_FILE = Path(__file__).with_name("digits.csv.gz")


def _rng(seed: int | random.Random | None) -> random.Random:
    """A random number generator: a seed (int) or a generator to reuse."""
    if isinstance(seed, random.Random):
        return seed
    return random.Random(seed)


def _check_n(n: int, at_least: int = 1) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n must be an int, got {type(n).__name__}: {n!r}")
    if n < at_least:
        raise ValueError(f"n must be at least {at_least}, got {n}")


def _check_noise(noise: float) -> None:
    if not noise >= 0:  # also catches NaN
        raise ValueError(f"noise must be a number >= 0, got {noise!r}")


def _linspace(start: float, stop: float, n: int, endpoint: bool = True) -> list[float]:
    """n evenly spaced numbers from start to stop (numpy's linspace)."""
    if n == 1:
        return [start]
    steps = n - 1 if endpoint else n
    return [start + (stop - start) * i / steps for i in range(n)]


def _shuffled(X: list[list[float]], y: list[int], rng: random.Random) -> Dataset:
    order = list(range(len(y)))
    rng.shuffle(order)
    return [X[i] for i in order], [y[i] for i in order]


def _add_noise(
    X: list[list[float]], noise: float, rng: random.Random
) -> list[list[float]]:
    """Move every coordinate by a Gaussian amount with standard deviation noise."""
    if noise == 0:
        return X
    return [[v + rng.gauss(0.0, noise) for v in point] for point in X]


def make_moons(n: int = 100, noise: float = 0.1, seed: int | None = 0) -> Dataset:
    """Two interleaving half circles: class 0 on top, class 1 below.

    The construction is scikit-learn's: half of the points lie evenly spaced
    on the upper half circle (cos t, sin t) for t from 0 to pi; the others on
    the lower half circle (1 - cos t, 0.5 - sin t), shifted so that the two
    moons hook into each other. Then every coordinate gets Gaussian noise
    with standard deviation `noise`, and the points are shuffled.
    """
    _check_n(n, 2)
    _check_noise(noise)
    rng = _rng(seed)
    n_upper = n // 2
    n_lower = n - n_upper
    X = [[math.cos(t), math.sin(t)] for t in _linspace(0.0, math.pi, n_upper)]
    X += [
        [1.0 - math.cos(t), 0.5 - math.sin(t)] for t in _linspace(0.0, math.pi, n_lower)
    ]
    y = [0] * n_upper + [1] * n_lower
    X, y = _shuffled(X, y, rng)
    return _add_noise(X, noise, rng), y


def make_circles(
    n: int = 100, noise: float = 0.05, factor: float = 0.5, seed: int | None = 0
) -> Dataset:
    """A circle of radius `factor` (class 1) inside a circle of radius 1 (class 0).

    No straight line separates them: the network has to learn a closed curve.
    Same construction as scikit-learn's make_circles.
    """
    _check_n(n, 2)
    _check_noise(noise)
    if not 0 < factor < 1:
        raise ValueError(
            f"factor (inner radius) must be between 0 and 1, got {factor!r}"
        )
    rng = _rng(seed)
    n_outer = n // 2
    n_inner = n - n_outer
    outer = _linspace(0.0, 2 * math.pi, n_outer, endpoint=False)
    inner = _linspace(0.0, 2 * math.pi, n_inner, endpoint=False)
    X = [[math.cos(t), math.sin(t)] for t in outer]
    X += [[factor * math.cos(t), factor * math.sin(t)] for t in inner]
    y = [0] * n_outer + [1] * n_inner
    X, y = _shuffled(X, y, rng)
    return _add_noise(X, noise, rng), y


def make_xor(n: int = 100, noise: float = 0.0, seed: int | None = 0) -> Dataset:
    """Points spread evenly over the square [-1, 1] x [-1, 1].

    The label is XOR of the two signs: 1 when exactly one of x1, x2 is
    negative (top-left and bottom-right quarters), 0 otherwise. One neuron
    cannot learn this (no single straight line separates the classes); a
    hidden layer can. Points closer than 0.1 to an axis are left out so the
    quarters have a visible gap; `noise` then blurs them.
    """
    _check_n(n)
    _check_noise(noise)
    rng = _rng(seed)
    X: list[list[float]] = []
    y: list[int] = []
    while len(X) < n:
        x1, x2 = rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0)
        if abs(x1) < 0.1 or abs(x2) < 0.1:
            continue
        X.append([x1, x2])
        y.append(int((x1 < 0) != (x2 < 0)))
    return _add_noise(X, noise, rng), y


def make_blobs(
    n: int = 100,
    centers: int | Sequence[Sequence[float]] = 3,
    std: float = 1.0,
    seed: int | None = 0,
) -> Dataset:
    """Round Gaussian clouds, one per class.

    `centers` is either how many clouds to make (their centres are then drawn
    uniformly from the box [-10, 10] x [-10, 10], as scikit-learn does) or a
    list of centre points. The n points are shared out as evenly as possible;
    each is its centre plus Gaussian noise with standard deviation `std`.
    """
    _check_n(n)
    _check_noise(std)
    rng = _rng(seed)
    if isinstance(centers, int):
        if centers < 1:
            raise ValueError(f"centers must be at least 1, got {centers}")
        points = [
            [rng.uniform(-10.0, 10.0), rng.uniform(-10.0, 10.0)] for _ in range(centers)
        ]
    else:
        points = [[float(c) for c in center] for center in centers]
        if not points:
            raise ValueError("centers is an empty list; give at least one centre")
    k = len(points)
    X: list[list[float]] = []
    y: list[int] = []
    for label, center in enumerate(points):
        count = n // k + (1 if label < n % k else 0)
        X += [[c + rng.gauss(0.0, std) for c in center] for _ in range(count)]
        y += [label] * count
    return _shuffled(X, y, rng)


def make_spiral(
    n: int = 300, classes: int = 3, noise: float = 0.2, seed: int | None = 0
) -> Dataset:
    """`classes` arms of a spiral around the origin (the CS231n notes' data).

    Arm j has n / classes points. Point i of an arm sits at radius r from 0
    to 1 and angle t = 4j + 4r (plus Gaussian noise of standard deviation
    `noise` on the angle): (r sin t, r cos t). The arms wind into each other,
    so the decision boundary has to curl.
    """
    _check_n(n)
    _check_noise(noise)
    if classes < 2:
        raise ValueError(f"classes must be at least 2, got {classes}")
    rng = _rng(seed)
    X: list[list[float]] = []
    y: list[int] = []
    for arm in range(classes):
        count = n // classes + (1 if arm < n % classes else 0)
        for r in _linspace(0.0, 1.0, count):
            t = 4.0 * arm + 4.0 * r + rng.gauss(0.0, noise)
            X.append([r * math.sin(t), r * math.cos(t)])
            y.append(arm)
    return _shuffled(X, y, rng)


def load_digits() -> Dataset:
    """The 8x8 handwritten digits: 1,797 images of 0-9, pixels 0 (white) to 16.

    Each image is a list of 64 pixel values, row by row (index 8*row + col);
    y is the digit shown. The data ship with takaisin (`demos/datasets/`, source
    and licence in its README): no download, no scikit-learn.
    """
    X: list[list[float]] = []
    y: list[int] = []
    with gzip.open(DIGITS_FILE, "rt", newline="") as file:
        for row in csv.reader(file):
            *pixels, label = row
            X.append([float(p) for p in pixels])
            y.append(int(label))
    return X, y


def train_test_split(
    X: Sequence[Sequence[float]],
    y: Sequence[int],
    test_fraction: float = 0.25,
    seed: int | None = 0,
) -> tuple[list, list, list, list]:
    """Shuffle, then keep `test_fraction` of the examples aside for testing.

    Returns X_train, X_test, y_train, y_test (scikit-learn's order). The test
    examples are never used for training, so the accuracy on them tells how
    well the network does on data it has not seen.
    """
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} examples but y has {len(y)} labels")
    if not 0 < test_fraction < 1:
        raise ValueError(
            f"test_fraction must be between 0 and 1, got {test_fraction!r}"
        )
    n_test = round(len(y) * test_fraction)
    if n_test == 0 or n_test == len(y):
        raise ValueError(
            f"test_fraction {test_fraction} of {len(y)} examples leaves "
            f"{n_test} for testing; both parts need at least one example"
        )
    order = list(range(len(y)))
    _rng(seed).shuffle(order)
    test, train = order[:n_test], order[n_test:]
    return (
        [list(X[i]) for i in train],
        [list(X[i]) for i in test],
        [y[i] for i in train],
        [y[i] for i in test],
    )


def minibatches(
    X: Sequence[Sequence[float]],
    y: Sequence[int],
    batch_size: int | None,
    rng: random.Random | int | None = 0,
) -> Iterator[tuple[list, list]]:
    """One pass over the data (an epoch) in shuffled batches of `batch_size`.

    Yields (X_batch, y_batch) pairs. Every example appears exactly once.
    When batch_size does not divide the number of examples, the batches are
    made as equal as possible instead of leaving a tiny last one (225
    examples in batches of at most 32: 8 batches of 28 or 29), since a batch
    of one example would give a wild step. `batch_size=None` gives the whole
    data set as one batch ("full batch", in the original order). Pass the
    same `random.Random` on every epoch so that each epoch gets a new order.
    """
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} examples but y has {len(y)} labels")
    if not y:
        raise ValueError("minibatches needs at least one example, got none")
    if batch_size is None or batch_size >= len(y):
        yield list(X), list(y)
        return
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    order = list(range(len(y)))
    _rng(rng).shuffle(order)
    count = -(-len(order) // batch_size)  # how many batches: n / size, rounded up
    for b in range(count):
        batch = order[b * len(order) // count : (b + 1) * len(order) // count]
        yield [X[i] for i in batch], [y[i] for i in batch]
