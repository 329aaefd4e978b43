"""Tests for demos/datasets.py: shapes, seeds, class balance, the digits file."""

from __future__ import annotations

import collections
import hashlib
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from demos import datasets
from demos.datasets import (
    load_digits,
    make_blobs,
    make_circles,
    make_moons,
    make_spiral,
    make_xor,
    minibatches,
    train_test_split,
)

GENERATORS = [make_moons, make_circles, make_xor, make_blobs, make_spiral]


def _is_plain(X, y, width):
    return (
        type(X) is list
        and type(y) is list
        and all(type(row) is list and len(row) == width for row in X)
        and all(type(v) is float and math.isfinite(v) for row in X for v in row)
        and all(type(label) is int for label in y)
    )


@pytest.mark.parametrize("make", GENERATORS)
def test_generators_return_plain_lists_of_the_asked_size(make):
    X, y = make(n=60, seed=1)
    assert len(X) == len(y) == 60
    assert _is_plain(X, y, 2)


@pytest.mark.parametrize("make", GENERATORS)
def test_same_seed_same_data_other_seed_other_data(make):
    assert make(n=50, seed=7) == make(n=50, seed=7)
    assert make(n=50, seed=7) != make(n=50, seed=8)


@pytest.mark.parametrize("make", GENERATORS)
def test_a_random_generator_can_be_passed_as_seed(make):
    assert make(n=30, seed=random.Random(3)) == make(n=30, seed=3)


@settings(max_examples=25, deadline=None)
@given(n=st.integers(2, 201))
def test_two_class_sets_are_balanced(n):
    for make in (make_moons, make_circles):
        counts = collections.Counter(make(n=n, seed=0)[1])
        assert sorted(counts) == [0, 1]
        assert abs(counts[0] - counts[1]) <= 1


@settings(max_examples=25, deadline=None)
@given(n=st.integers(3, 200), k=st.integers(2, 5))
def test_multiclass_sets_share_points_out_evenly(n, k):
    for X, y in (make_spiral(n=n, classes=k), make_blobs(n=n, centers=k)):
        counts = collections.Counter(y)
        assert len(X) == n
        assert set(counts) <= set(range(k))
        assert max(counts.values()) - min(counts.values()) <= 1


def test_moons_without_noise_lie_on_the_two_half_circles():
    X, y = make_moons(n=40, noise=0.0)
    for (x1, x2), label in zip(X, y, strict=True):
        if label == 0:  # upper moon: unit circle around (0, 0), y >= 0
            assert math.hypot(x1, x2) == pytest.approx(1.0)
            assert x2 >= -1e-12
        else:  # lower moon: unit circle around (1, 0.5), y <= 0.5
            assert math.hypot(x1 - 1.0, x2 - 0.5) == pytest.approx(1.0)
            assert x2 <= 0.5 + 1e-12


def test_moons_without_noise_are_scikit_learns_evenly_spaced_points():
    # scikit-learn: outer (cos t, sin t), inner (1 - cos t, 1 - sin t - 0.5),
    # t = linspace(0, pi, n // 2) and linspace(0, pi, n - n // 2)
    X, y = make_moons(n=7, noise=0.0)
    upper = [(math.cos(math.pi * i / 2), math.sin(math.pi * i / 2)) for i in range(3)]
    lower = [
        (1 - math.cos(math.pi * i / 3), 1 - math.sin(math.pi * i / 3) - 0.5)
        for i in range(4)
    ]
    got = sorted(
        (round(a, 12), round(b, 12), c) for (a, b), c in zip(X, y, strict=True)
    )
    want = sorted(
        [(round(a, 12), round(b, 12), 0) for a, b in upper]
        + [(round(a, 12), round(b, 12), 1) for a, b in lower]
    )
    assert got == want


def test_circles_without_noise_have_radius_1_and_factor():
    X, y = make_circles(n=20, noise=0.0, factor=0.3)
    for point, label in zip(X, y, strict=True):
        assert math.hypot(*point) == pytest.approx(0.3 if label else 1.0)


def test_xor_labels_are_xor_of_the_signs_and_keep_off_the_axes():
    X, y = make_xor(n=200)
    for (x1, x2), label in zip(X, y, strict=True):
        assert label == int((x1 < 0) != (x2 < 0))
        assert abs(x1) >= 0.1 and abs(x2) >= 0.1


def test_blobs_with_given_centers_cluster_around_them():
    centers = [[-5.0, 0.0], [5.0, 0.0]]
    X, y = make_blobs(n=400, centers=centers, std=0.5)
    for label, (cx, cy) in enumerate(centers):
        points = [p for p, c in zip(X, y, strict=True) if c == label]
        assert sum(p[0] for p in points) / len(points) == pytest.approx(cx, abs=0.2)
        assert sum(p[1] for p in points) / len(points) == pytest.approx(cy, abs=0.2)


def test_spiral_points_stay_within_the_unit_disc():
    X, _ = make_spiral(n=300)
    assert all(math.hypot(*p) <= 1.0 + 1e-12 for p in X)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: make_moons(n=1), "n must be at least 2"),
        (lambda: make_moons(n=10.5), "n must be an int"),
        (lambda: make_moons(noise=-0.1), "noise must be"),
        (lambda: make_moons(noise=float("nan")), "noise must be"),
        (lambda: make_circles(factor=1.5), "factor"),
        (lambda: make_spiral(classes=1), "classes must be at least 2"),
        (lambda: make_blobs(centers=0), "centers must be at least 1"),
        (lambda: make_blobs(centers=[]), "empty"),
    ],
)
def test_bad_arguments_raise_clear_errors(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


# ------------------------------------------------------------------ digits
def test_digits_file_is_the_documented_one():
    digest = hashlib.sha256(datasets.DIGITS_FILE.read_bytes()).hexdigest()
    assert digest == "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22"


def test_digits_checksum_shape_classes_and_pixel_range():
    X, y = load_digits()
    assert len(X) == len(y) == 1797
    assert _is_plain(X, y, 64)
    pixels = [v for row in X for v in row]
    assert min(pixels) == 0.0 and max(pixels) == 16.0
    assert all(v == int(v) for v in pixels)
    assert sum(pixels) == 561718
    counts = collections.Counter(y)
    assert sorted(counts) == list(range(10))
    assert counts == {0: 178, 1: 182, 2: 177, 3: 183, 4: 181,
                      5: 182, 6: 181, 7: 179, 8: 174, 9: 180}  # fmt: skip


def test_first_digit_is_a_zero():
    X, y = load_digits()
    assert y[0] == 0
    # the outline of a 0: the middle of row 3 is empty, its sides are inked
    row3 = X[0][24:32]
    assert row3[3] == row3[4] == 0.0 and row3[1] > 0 and row3[6] > 0


# ------------------------------------------------------- train_test_split
def test_split_is_a_seeded_partition():
    X = [[float(i), 0.0] for i in range(20)]
    y = list(range(20))
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_fraction=0.25, seed=3
    )
    assert len(y_test) == 5 and len(y_train) == 15
    assert sorted(y_train + y_test) == y
    assert all(
        row[0] == label
        for row, label in zip(X_train + X_test, y_train + y_test, strict=True)
    )
    assert train_test_split(X, y, 0.25, seed=3) == (X_train, X_test, y_train, y_test)
    assert train_test_split(X, y, 0.25, seed=4)[3] != y_test


def test_split_rejects_bad_input():
    with pytest.raises(ValueError, match="3 examples but y has 2"):
        train_test_split([[0.0]] * 3, [0, 1])
    with pytest.raises(ValueError, match="between 0 and 1"):
        train_test_split([[0.0]] * 3, [0, 1, 0], test_fraction=1.0)
    with pytest.raises(ValueError, match="both parts"):
        train_test_split([[0.0]] * 3, [0, 1, 0], test_fraction=0.01)


# ------------------------------------------------------------- minibatches
@settings(max_examples=50, deadline=None)
@given(n=st.integers(1, 50), batch_size=st.integers(1, 60))
def test_an_epoch_of_minibatches_uses_every_example_once(n, batch_size):
    X = [[float(i)] for i in range(n)]
    y = list(range(n))
    batches = list(minibatches(X, y, batch_size, random.Random(0)))
    seen = [label for _, yb in batches for label in yb]
    assert sorted(seen) == y
    sizes = [len(yb) for _, yb in batches]
    assert max(sizes) <= batch_size
    assert max(sizes) - min(sizes) <= 1  # as equal as possible
    assert len(batches) == -(-n // batch_size)
    assert all(xb[i][0] == yb[i] for xb, yb in batches for i in range(len(yb)))


def test_minibatches_are_reshuffled_each_epoch():
    X = [[float(i)] for i in range(30)]
    y = list(range(30))
    rng = random.Random(0)
    first = [yb for _, yb in minibatches(X, y, 10, rng)]
    second = [yb for _, yb in minibatches(X, y, 10, rng)]
    assert first != second
    assert [yb for _, yb in minibatches(X, y, 10, random.Random(0))] == first


def test_full_batch_keeps_the_order():
    X = [[1.0], [2.0], [3.0]]
    assert list(minibatches(X, [0, 1, 0], None)) == [(X, [0, 1, 0])]


def test_minibatches_reject_bad_input():
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        list(minibatches([[0.0]] * 3, [0, 0, 0], 0))
    with pytest.raises(ValueError, match="at least one example"):
        list(minibatches([], [], 4))
    with pytest.raises(ValueError, match="2 examples but y has 1"):
        list(minibatches([[0.0]] * 2, [0], 1))
