"""Tests for nn/optim.py: SGD and Adam, by hand and against torch.optim."""

from __future__ import annotations

import math

import pytest

from engine import Value
from nn import MLP, SGD, Adam, Module, mse

try:
    import torch
except ImportError:  # only the comparisons with PyTorch skip; the rest still run
    torch = None
needs_torch = pytest.mark.skipif(torch is None, reason="PyTorch is not installed")


def params_with_grads(*pairs: tuple[float, float]) -> list[Value]:
    ps = []
    for data, grad in pairs:
        p = Value(data)
        p.grad = grad
        ps.append(p)
    return ps


# -------------------------------------------------------------- by hand
def test_plain_sgd_is_micrograds_update() -> None:
    a, b = params_with_grads((1.0, 0.5), (-2.0, -1.0))
    SGD([a, b], lr=0.1).step()
    assert a.data == 1.0 - 0.1 * 0.5
    assert b.data == -2.0 - 0.1 * -1.0


def test_sgd_momentum_and_weight_decay_by_hand() -> None:
    (p,) = params_with_grads((1.0, 0.5))
    opt = SGD([p], lr=0.1, momentum=0.9, weight_decay=0.01)
    opt.step()  # g = 0.5 + 0.01*1 = 0.51; v = 0.51
    assert p.data == pytest.approx(1.0 - 0.1 * 0.51, abs=1e-15)
    w1 = p.data
    opt.step()  # same grad: g = 0.5 + 0.01*w1; v = 0.9*0.51 + g
    v = 0.9 * 0.51 + (0.5 + 0.01 * w1)
    assert p.data == pytest.approx(w1 - 0.1 * v, abs=1e-15)


def test_nesterov_by_hand() -> None:
    (p,) = params_with_grads((0.0, 1.0))
    opt = SGD([p], lr=1.0, momentum=0.5, nesterov=True)
    opt.step()  # v = 1; step g + 0.5 v = 1.5
    assert p.data == -1.5
    opt.step()  # v = 0.5 + 1 = 1.5; step 1 + 0.75 = 1.75
    assert p.data == -3.25


def test_adam_first_step_is_lr_in_size_whatever_the_gradient() -> None:
    # With bias correction, m_hat = g and v_hat = g**2 at t = 1.
    ps = params_with_grads((0.0, 1e-3), (0.0, -50.0), (0.0, 7.0))
    Adam(ps, lr=0.01, eps=0.0).step()
    assert [p.data for p in ps] == pytest.approx([-0.01, 0.01, -0.01], rel=1e-12)


def test_adam_two_steps_by_hand() -> None:
    (p,) = params_with_grads((1.0, 2.0))
    opt = Adam([p], lr=0.1, betas=(0.5, 0.75), eps=1e-8)
    opt.step()
    opt.step()  # grad stays 2.0
    m = 0.5 * (0.5 * 2.0) + 0.5 * 2.0  # 1.5
    v = 0.75 * (0.25 * 4.0) + 0.25 * 4.0  # 1.75
    m_hat, v_hat = m / (1 - 0.5**2), v / (1 - 0.75**2)
    expected = 1.0 - 0.1 - 0.1 * m_hat / (math.sqrt(v_hat) + 1e-8)
    assert p.data == pytest.approx(expected, rel=1e-7)
    assert opt.t == 2


def test_adam_with_eps_0_leaves_a_weight_without_gradient_alone() -> None:
    # A weight whose gradient has always been 0 (a dead ReLU's) has m = v = 0:
    # with eps = 0 its step would be 0/0. It takes no step; the others do.
    a, b = params_with_grads((1.0, 0.5), (2.0, 0.0))
    opt = Adam([a, b], lr=0.1, eps=0.0)
    opt.step()
    assert (a.data, b.data) == (pytest.approx(0.9, rel=1e-12), 2.0)


def test_lr_is_assignable_for_schedules() -> None:
    (p,) = params_with_grads((0.0, 1.0))
    opt = SGD([p], lr=1.0)
    opt.step()
    opt.lr = 0.25
    opt.step()
    assert p.data == -1.25
    with pytest.raises(ValueError, match="lr must be"):
        opt.lr = -1.0


def test_zero_grad_and_a_module_as_params() -> None:
    model = MLP(2, [3, 1], seed=0)
    opt = SGD(model, lr=0.1)
    assert opt.params == model.parameters()
    (model([1.0, 2.0]) ** 2).backward()
    opt.zero_grad()
    assert all(p.grad == 0.0 for p in model.parameters())


def test_a_nan_gradient_changes_no_weight() -> None:
    a, b = params_with_grads((1.0, 0.5), (2.0, math.nan))
    b.label = "L1.N1.w2"
    for opt in (SGD([a, b], lr=0.1), Adam([a, b])):
        with pytest.raises(ValueError, match=r"gradient of L1\.N1\.w2 is nan"):
            opt.step()
        assert (a.data, b.data) == (1.0, 2.0)


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda p: SGD([], lr=0.1), ValueError, "at least one parameter"),
        (lambda p: SGD(Module(), lr=0.1), ValueError, "at least one parameter"),
        (lambda p: SGD([p, 1.0], lr=0.1), TypeError, "parameter 1 must be a Value"),
        (lambda p: SGD([p, p], lr=0.1), ValueError, "more than once"),
        (lambda p: SGD([p], lr=-0.1), ValueError, "lr must be"),
        (lambda p: SGD([p], lr=math.nan), ValueError, "lr must be"),
        (lambda p: SGD([p], lr="0.1"), TypeError, "lr needs a real number"),
        (lambda p: SGD([p], lr=0.1, momentum=-0.5), ValueError, "momentum"),
        (lambda p: SGD([p], lr=0.1, nesterov=True), ValueError, "nesterov"),
        (lambda p: Adam([p], betas=(1.0, 0.9)), ValueError, "betas\\[0\\]"),
        (lambda p: Adam([p], betas=(0.9, -0.1)), ValueError, "betas\\[1\\]"),
        (lambda p: Adam([p], betas=(0.9, 0.99, 0.9)), ValueError, "a pair"),
        (lambda p: Adam([p], betas=0.9), ValueError, "a pair"),
        (lambda p: Adam([p], betas=("0.9", 0.99)), TypeError, "betas\\[0\\]"),
        (lambda p: Adam([p], eps=-1.0), ValueError, "eps"),
    ],
)
def test_bad_settings_are_clear_errors(make, error, message: str) -> None:
    with pytest.raises(error, match=message):
        make(Value(1.0))


def test_sgd_and_adam_reduce_a_loss() -> None:
    for make in (lambda ps: SGD(ps, lr=0.1, momentum=0.9), lambda ps: Adam(ps, 0.05)):
        model = MLP(1, [8, 1], activation="tanh", seed=0)
        xs = [[-1.0], [-0.5], [0.0], [0.5], [1.0]]
        ys = [x[0] ** 2 for x in xs]
        opt = make(model.parameters())
        first = None
        for _ in range(100):
            loss = mse([model(x) for x in xs], ys)
            first = first if first is not None else loss.data
            opt.zero_grad()
            loss.backward()
            opt.step()
        assert loss.data < first / 10


# ------------------------------------------------------------- PyTorch
POINTS = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5], [0.0, 2.0]]
TARGETS = [1.0, -0.5, 0.25, 0.0]


def torch_model(model: MLP) -> list:
    """The MLP's weights as float64 tensors: [W1, b1, W2, b2, ...]."""
    tensors = []
    for layer in model.layers:
        tensors.append([[w.data for w in n.w] for n in layer.neurons])
        tensors.append([n.b.data for n in layer.neurons])
    return [torch.tensor(t, dtype=torch.float64, requires_grad=True) for t in tensors]


def torch_forward(tensors: list) -> object:
    """The same MLP (tanh hidden layers) and mse loss in PyTorch."""
    h = torch.tensor(POINTS, dtype=torch.float64)
    pairs = list(zip(tensors[::2], tensors[1::2], strict=True))
    for k, (weights, bias) in enumerate(pairs):
        h = h @ weights.T + bias
        if k < len(pairs) - 1:
            h = torch.tanh(h)
    return ((h[:, 0] - torch.tensor(TARGETS, dtype=torch.float64)) ** 2).mean()


def flat(tensors: list) -> list[float]:
    out = []
    for weights, bias in zip(tensors[::2], tensors[1::2], strict=True):
        for row, b in zip(weights.tolist(), bias.tolist(), strict=True):
            out += [*row, b]
    return out


@needs_torch
@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        (
            lambda ps: SGD(ps, lr=0.1),
            lambda ts: torch.optim.SGD(ts, lr=0.1),
        ),
        (
            lambda ps: SGD(ps, lr=0.05, momentum=0.9, weight_decay=0.01),
            lambda ts: torch.optim.SGD(ts, lr=0.05, momentum=0.9, weight_decay=0.01),
        ),
        (
            lambda ps: SGD(ps, lr=0.05, momentum=0.8, nesterov=True),
            lambda ts: torch.optim.SGD(ts, lr=0.05, momentum=0.8, nesterov=True),
        ),
        (
            lambda ps: Adam(ps, lr=0.01),
            lambda ts: torch.optim.Adam(ts, lr=0.01),
        ),
        (
            lambda ps: Adam(ps, lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1),
            lambda ts: torch.optim.Adam(
                ts, lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1
            ),
        ),
    ],
)
def test_ten_steps_agree_with_torch_optim(ours, theirs) -> None:
    model = MLP(2, [4, 3, 1], activation="tanh", seed=5)
    tensors = torch_model(model)
    opt, torch_opt = ours(model.parameters()), theirs(tensors)
    for step in range(10):
        opt.lr = torch_opt.param_groups[0]["lr"] = 0.9**step * opt.lr  # a schedule
        loss = mse([model(x) for x in POINTS], TARGETS)
        opt.zero_grad()
        loss.backward()
        opt.step()
        torch_opt.zero_grad()
        torch_loss = torch_forward(tensors)
        torch_loss.backward()
        torch_opt.step()
        assert loss.data == pytest.approx(torch_loss.item(), rel=1e-9, abs=1e-12)
    ours_now = [p.data for p in model.parameters()]
    assert ours_now == pytest.approx(flat(tensors), rel=1e-9, abs=1e-9)


# ------------------------------------------------- flags and numbers
@pytest.mark.parametrize("nesterov", ["no", 0, 1, None, "False"])
def test_nesterov_must_be_a_bool(nesterov: object) -> None:
    name = type(nesterov).__name__
    with pytest.raises(TypeError, match=f"nesterov must be True or False, got {name}"):
        SGD([Value(1.0)], lr=0.1, momentum=0.9, nesterov=nesterov)


def test_any_real_number_is_a_learning_rate_or_a_beta() -> None:
    from fractions import Fraction

    opt = Adam([Value(1.0)], lr=Fraction(1, 10), betas=(Fraction(9, 10), 0.999))
    assert opt.lr == 0.1 and opt.betas == (0.9, 0.999)
    numpy = pytest.importorskip("numpy")
    opt = Adam([Value(1.0)], lr=numpy.float32(0.5), betas=(numpy.float32(0.5), 0.9))
    assert opt.lr == 0.5 and opt.betas == (0.5, 0.9)
    sgd = SGD([Value(1.0)], lr=numpy.float64(0.1), momentum=numpy.float32(0.5))
    sgd.lr = Fraction(1, 4)
    assert (sgd.lr, sgd.momentum) == (0.25, 0.5)


def test_huge_ints_and_non_lists_are_clear_errors() -> None:
    with pytest.raises(OverflowError, match="lr is too large for a float"):
        SGD([Value(1.0)], lr=10**400)
    with pytest.raises(TypeError, match=r"lr needs a real number .* got bool"):
        SGD([Value(1.0)], lr=True)
    with pytest.raises(TypeError, match="an optimizer needs a list of parameters"):
        SGD(5, lr=0.1)
    assert len(SGD((p for p in [Value(1.0)]), lr=0.1).params) == 1
