"""Tests for nn/losses.py: values, gradients, stability and errors."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import Value, gradcheck
from nn import MLP, binary_cross_entropy, cross_entropy, hinge, l2, mse, softmax
from tests.strategies import reals

TOL = 1e-9  # agreement with PyTorch in float64


def values(numbers: list[float]) -> list[Value]:
    return [Value(x) for x in numbers]


def grads(vs: list[Value]) -> list[float]:
    return [v.grad for v in vs]


@st.composite
def logit_batches(draw: st.DrawFn) -> tuple[list[list[float]], list[int]]:
    """A batch of 1-4 examples, each with 2-5 logits, and its target classes."""
    classes = draw(st.integers(2, 5))
    size = draw(st.integers(1, 4))
    row = st.lists(reals(-6, 6), min_size=classes, max_size=classes)
    logits = draw(st.lists(row, min_size=size, max_size=size))
    targets = draw(st.lists(st.integers(0, classes - 1), min_size=size, max_size=size))
    return logits, targets


# ---------------------------------------------------- values by hand
def test_values_by_hand() -> None:
    assert mse([1.0, 2.0], [0.0, 0.0]).data == 2.5
    assert mse(Value(3.0), 1.0).data == 4.0
    assert mse([[1.0, 2.0], [3.0, 4.0]], [[0.0, 0.0], [0.0, 0.0]]).data == 7.5
    assert hinge([Value(0.5), Value(-2.0)], [1, -1]).data == 0.25
    assert hinge(Value(3.0), 1).data == 0.0
    assert l2([Value(3.0), Value(4.0)]).data == 25.0
    assert binary_cross_entropy(Value(0.0), 1).data == pytest.approx(math.log(2))
    assert cross_entropy(values([0.0, 0.0, 0.0, 0.0]), 2).data == pytest.approx(
        math.log(4)
    )
    probabilities = softmax(values([math.log(1), math.log(3)]))
    assert [p.data for p in probabilities] == pytest.approx([0.25, 0.75])


def test_loss_is_zero_when_the_prediction_is_right() -> None:
    # The talk: L(M(x), y) = 0 when M(x) is exactly right.
    assert mse([1.5, -2.0], [1.5, -2.0]).data == 0.0
    assert hinge([Value(2.0), Value(-1.0)], [1, -1]).data == 0.0
    assert cross_entropy(values([1000.0, 0.0, -5.0]), 0).data == 0.0


def test_one_example_equals_a_batch_of_one() -> None:
    z = values([0.3, -1.2, 2.0])
    assert cross_entropy(z, 1).data == cross_entropy([z], [1]).data
    assert hinge(Value(0.3), -1).data == hinge([Value(0.3)], [-1]).data
    assert binary_cross_entropy(Value(0.3), 1).data == (
        binary_cross_entropy([Value(0.3)], [1]).data
    )


def test_targets_may_be_any_list_like_sequence_of_numbers() -> None:
    # Two targets in a numpy array (or a generator) are not "one target".
    np = pytest.importorskip("numpy")
    z = values([0.5, -2.0])
    expected = (mse(z, [1.0, -1.0]).data, hinge(z, [1, -1]).data)
    for targets in (np.array([1.0, -1.0]), (y for y in [1.0, -1.0]), (1.0, -1.0)):
        assert mse(z, targets).data == expected[0]
    assert hinge(z, np.array([1, -1])).data == expected[1]
    # Class indices from numpy are ints too, one by one or as a batch.
    assert cross_entropy(z, np.int64(1)).data == cross_entropy(z, 1).data
    batch = cross_entropy([z, z], np.array([0, 1])).data
    assert batch == cross_entropy([z, z], [0, 1]).data


def test_batch_loss_is_the_mean_of_example_losses() -> None:
    batch = [values([0.3, -1.2]), values([2.0, 0.5]), values([-1.0, 1.0])]
    targets = [0, 1, 1]
    each = [cross_entropy(z, t).data for z, t in zip(batch, targets, strict=True)]
    assert cross_entropy(batch, targets).data == pytest.approx(sum(each) / 3)


def test_works_on_model_outputs() -> None:
    model = MLP(2, [4, 3], seed=0)
    loss = cross_entropy([model([0.1, 0.2]), model([1.0, -1.0])], [2, 0])
    loss.backward()
    assert any(p.grad != 0.0 for p in model.parameters())
    l2(model).backward()  # a Module is accepted too
    assert l2(model).data == pytest.approx(sum(p.data**2 for p in model.parameters()))


# ----------------------------------------------- central differences
@given(st.lists(reals(-3, 3), min_size=3, max_size=3), st.integers(0, 2))
def test_cross_entropy_gradcheck(z: list[float], t: int) -> None:
    assert gradcheck(lambda *zs: cross_entropy(list(zs), t), z)


@given(st.lists(reals(-3, 3), min_size=3, max_size=3), st.integers(0, 2))
def test_softmax_gradcheck(z: list[float], i: int) -> None:
    assert gradcheck(lambda *zs: softmax(list(zs))[i], z)


@given(st.lists(reals(-3, 3), min_size=2, max_size=2), st.floats(0, 1))
def test_bce_gradcheck(z: list[float], y: float) -> None:
    assert gradcheck(lambda a, b: binary_cross_entropy([a, b], [y, 1 - y]), z)


@given(st.lists(reals(-3, 3), min_size=2, max_size=2))
def test_mse_and_l2_gradcheck(z: list[float]) -> None:
    assert gradcheck(lambda a, b: mse([a, b], [0.5, -0.25]), z)
    assert gradcheck(lambda a, b: mse(a, b), z)  # a Value target is a parent
    assert gradcheck(lambda a, b: l2([a, b, a]), z)


def test_hinge_gradient_on_both_sides_of_the_margin() -> None:
    z = values([0.5, -2.0, 0.2])
    hinge(z, [1, -1, -1]).backward()
    # 1 - y z: 0.5 (active, y=1), -1 (inactive), 1.2 (active, y=-1)
    assert grads(z) == [-1 / 3, 0.0, 1 / 3]


# --------------------------------------------------------- PyTorch
try:
    import torch
    import torch.nn.functional as F
except ImportError:  # only the comparisons with PyTorch skip; the rest still run
    torch = None
needs_torch = pytest.mark.skipif(torch is None, reason="PyTorch is not installed")


def torch_grad(fn, data) -> tuple[float, list]:
    t = torch.tensor(data, dtype=torch.float64, requires_grad=True)
    out = fn(t)
    out.backward()
    return out.item(), t.grad.tolist()


def assert_close(ours: float, theirs: float) -> None:
    assert math.isclose(ours, theirs, rel_tol=TOL, abs_tol=TOL), (ours, theirs)


@needs_torch
@given(logit_batches())
def test_cross_entropy_matches_torch(batch) -> None:
    logits, targets = batch
    vs = [values(row) for row in logits]
    loss = cross_entropy(vs, targets)
    loss.backward()
    value, grad = torch_grad(
        lambda t: F.cross_entropy(t, torch.tensor(targets)), logits
    )
    assert_close(loss.data, value)
    for row, grad_row in zip(vs, grad, strict=True):
        for v, g in zip(row, grad_row, strict=True):
            assert_close(v.grad, g)


@needs_torch
@given(st.lists(st.tuples(reals(-8, 8), st.floats(0, 1)), min_size=1, max_size=6))
def test_bce_matches_torch(pairs) -> None:
    zs, ys = [z for z, _ in pairs], [y for _, y in pairs]
    vs = values(zs)
    loss = binary_cross_entropy(vs, ys)
    loss.backward()
    target = torch.tensor(ys, dtype=torch.float64)
    value, grad = torch_grad(
        lambda t: F.binary_cross_entropy_with_logits(t, target), zs
    )
    assert_close(loss.data, value)
    for v, g in zip(vs, grad, strict=True):
        assert_close(v.grad, g)


@needs_torch
@given(st.lists(st.tuples(reals(), reals()), min_size=1, max_size=6))
def test_mse_matches_torch(pairs) -> None:
    ps, ys = [p for p, _ in pairs], [y for _, y in pairs]
    vs = values(ps)
    loss = mse(vs, ys)
    loss.backward()
    target = torch.tensor(ys, dtype=torch.float64)
    value, grad = torch_grad(lambda t: F.mse_loss(t, target), ps)
    assert_close(loss.data, value)
    for v, g in zip(vs, grad, strict=True):
        assert_close(v.grad, g)


@needs_torch
@given(st.lists(st.tuples(reals(), st.sampled_from([-1, 1])), min_size=1, max_size=6))
def test_hinge_matches_torch(pairs) -> None:
    zs, ys = [z for z, _ in pairs], [y for _, y in pairs]
    if any(math.isclose(z * y, 1.0) for z, y in pairs):
        return  # the kink: any slope between is fine there
    vs = values(zs)
    loss = hinge(vs, ys)
    loss.backward()
    y = torch.tensor(ys, dtype=torch.float64)
    value, grad = torch_grad(lambda t: torch.relu(1 - y * t).mean(), zs)
    assert_close(loss.data, value)
    for v, g in zip(vs, grad, strict=True):
        assert_close(v.grad, g)


@needs_torch
@given(st.lists(reals(-6, 6), min_size=2, max_size=5), st.data())
def test_softmax_matches_torch(z: list[float], data) -> None:
    # Weigh the outputs, so that every d(s_i)/d(z_j) shows in the gradient.
    weights = data.draw(st.lists(reals(), min_size=len(z), max_size=len(z)))
    vs = values(z)
    probabilities = softmax(vs)
    out = sum((w * s for w, s in zip(weights, probabilities, strict=True)), Value(0))
    out.backward()
    w = torch.tensor(weights, dtype=torch.float64)
    value, grad = torch_grad(lambda t: (w * torch.softmax(t, 0)).sum(), z)
    assert_close(out.data, value)
    for v, g in zip(vs, grad, strict=True):
        assert_close(v.grad, g)


# ------------------------------------------------------- stability
@pytest.mark.parametrize("big", [1000.0, -1000.0])
def test_every_loss_is_finite_at_1000(big: float) -> None:
    zs = values([big, -big, 0.0])
    losses = [
        cross_entropy(zs, 1),
        binary_cross_entropy(zs, [1, 0, 1]),
        hinge(zs, [-1, 1, 1]),
        mse(zs, [0.0, 0.0, 0.0]),
        softmax(zs)[1],
        l2(zs),
    ]
    for loss in losses:
        for z in zs:
            z.grad = 0.0
        loss.backward()
        assert math.isfinite(loss.data), loss
        assert all(math.isfinite(g) for g in grads(zs)), loss


@needs_torch
@pytest.mark.parametrize(
    "logits",
    [[1000.0, -1000.0, 0.0], [-1000.0, -1000.0, -1000.0], [1000.0, 1000.0, 999.0]],
)
@pytest.mark.parametrize("target", [0, 1, 2])
def test_cross_entropy_is_finite_and_exact_at_1000(logits, target: int) -> None:
    vs = values(logits)
    loss = cross_entropy(vs, target)
    loss.backward()
    assert math.isfinite(loss.data)
    assert all(math.isfinite(g) for g in grads(vs))
    value, grad = torch_grad(
        lambda t: F.cross_entropy(t[None], torch.tensor([target])), logits
    )
    assert_close(loss.data, value)
    for v, g in zip(grads(vs), grad, strict=True):
        assert_close(v, g)


@needs_torch
@pytest.mark.parametrize("z", [1000.0, -1000.0, 745.0, -745.0])
@pytest.mark.parametrize("y", [0.0, 1.0, 0.3])
def test_bce_is_finite_and_exact_at_1000(z: float, y: float) -> None:
    v = Value(z)
    loss = binary_cross_entropy(v, y)
    loss.backward()
    value, (grad,) = torch_grad(
        lambda t: F.binary_cross_entropy_with_logits(
            t, torch.tensor([y], dtype=torch.float64)
        ),
        [z],
    )
    assert math.isfinite(loss.data)
    assert math.isfinite(v.grad)
    assert_close(loss.data, value)
    assert_close(v.grad, grad)


def test_softmax_is_finite_at_1000() -> None:
    vs = values([1000.0, -1000.0, 0.0])
    probabilities = softmax(vs)
    assert [p.data for p in probabilities] == [1.0, 0.0, 0.0]
    probabilities[0].backward()
    assert all(math.isfinite(g) for g in grads(vs))


def test_softmax_of_a_batch() -> None:
    rows = softmax([[0.0, 0.0], [1000.0, 0.0]])
    assert [[p.data for p in row] for row in rows] == [[0.5, 0.5], [1.0, 0.0]]


@given(st.lists(reals(-50, 50), min_size=1, max_size=8))
def test_softmax_is_a_probability_vector(z: list[float]) -> None:
    probabilities = [p.data for p in softmax(z)]
    assert all(0.0 <= p <= 1.0 for p in probabilities)
    assert math.fsum(probabilities) == pytest.approx(1.0, abs=1e-12)


# ----------------------------------------------------------- errors
@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: cross_entropy(values([1.0, 2.0]), 2), ValueError, "out of range"),
        (lambda: cross_entropy(values([1.0, 2.0]), -1), ValueError, "0..1"),
        (lambda: cross_entropy([[1.0, 2.0]], [5]), ValueError, "example 0"),
        (lambda: cross_entropy([1.0, 2.0], 1.0), TypeError, "an int"),
        (lambda: cross_entropy([1.0, 2.0], True), TypeError, "an int"),
        (lambda: cross_entropy([], 0), ValueError, "empty"),
        (lambda: cross_entropy([[1.0], []], [0, 0]), ValueError, "no logits"),
        (lambda: cross_entropy([[1.0, 2.0]], [0, 1]), ValueError, "1 examples but 2"),
        (lambda: cross_entropy([[1.0, 2.0]], 0), ValueError, "list of target"),
        (lambda: cross_entropy(Value(1.0), 0), TypeError, "list of logits"),
        (lambda: hinge([1.0, 2.0], [1, 0]), ValueError, "-1 or \\+1, got 0 at"),
        (lambda: hinge([1.0], [2]), ValueError, "2\\*y - 1"),
        (lambda: hinge([], []), ValueError, "empty batch"),
        (lambda: mse([1.0, 2.0], [1.0]), ValueError, "2 predictions but 1 targets"),
        (lambda: mse([1.0, 2.0], 1.0), ValueError, "one target"),
        (lambda: mse(1.0, [1.0]), ValueError, "list of targets"),
        (lambda: mse([1.0], {"y": 1.0}), TypeError, "list of targets, got dict"),
        (lambda: mse([[1.0, 2.0]], [[1.0]]), ValueError, "example 0"),
        (lambda: mse([1.0], ["a"]), TypeError, "must be a number"),
        (lambda: mse("ab", "ab"), TypeError, "a Value or a list"),
        (lambda: binary_cross_entropy([1.0], [2.0]), ValueError, "between 0 and 1"),
        (lambda: binary_cross_entropy([1.0, 2.0], [1.0]), ValueError, "2 predic"),
        (lambda: l2([]), ValueError, "at least one"),
        (lambda: cross_entropy([math.nan, 1.0], 0), ValueError, "logit 0 is nan"),
        (lambda: mse([Value(math.inf)], [1.0]), ValueError, "finite"),
        (lambda: mse([1.0], [math.nan]), ValueError, "finite"),
    ],
)
def test_bad_input_is_a_clear_error(call, error, message: str) -> None:
    with pytest.raises(error, match=message):
        call()


def test_huge_ints_and_non_lists_are_clear_errors() -> None:
    with pytest.raises(OverflowError, match="mse prediction 0 target is too large"):
        mse([Value(1.0)], [10**400])
    with pytest.raises(OverflowError, match="hinge score 0 is too large"):
        hinge([10**400], [1])
    with pytest.raises(TypeError, match="l2 needs a list of parameters"):
        l2(5)
    assert l2(p for p in [Value(3.0)]).data == 9.0


@pytest.mark.parametrize(
    "call",
    [
        lambda z: cross_entropy([z, Value(1.0)], 1),
        lambda z: softmax([Value(1.0), z]),
        lambda z: hinge([z], [1]),
        lambda z: binary_cross_entropy([z], [1.0]),
        lambda z: mse([z], [1.0]),
    ],
)
def test_a_nan_score_is_refused_not_swallowed_by_max(call) -> None:
    # max(1.0, nan) is 1.0 in Python: a NaN must never reach such code.
    with pytest.raises(ValueError, match="nan"):
        call(Value(math.nan))
