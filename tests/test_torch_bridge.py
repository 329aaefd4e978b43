"""Tests for nn/torch_bridge.py: the same network in PyTorch, and back."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nn
from demos.datasets import make_moons
from nn import MLP, Layer, Neuron, from_torch, hinge, mse, to_torch
from tests.strategies import reals

torch = pytest.importorskip("torch")

MODELS = [
    MLP(2, [16, 16, 1], seed=0),
    MLP(
        3, [4, 4, 1], activation="tanh", last_activation="tanh", init="uniform", seed=1
    ),
    MLP(4, [5, 3], activation="sigmoid", seed=2),
    MLP(2, [3, 2], activation="relu", last_activation="sigmoid", seed=3),
    MLP(3, [2], last_activation="tanh", seed=4),
    Layer(3, 2, "tanh", seed=5),
    Neuron(2, "sigmoid", seed=6),
]


def outputs(model: nn.Module, x: list[float]) -> list[float]:
    out = model(x)
    return [v.data for v in out] if isinstance(out, list) else [out.data]


def torch_outputs(seq, x: list[float]) -> list[float]:
    return seq(torch.tensor(x, dtype=torch.float64)).tolist()


@pytest.mark.parametrize("model", MODELS, ids=repr)
def test_to_torch_is_a_float64_sequential_with_the_same_layers(model) -> None:
    seq = to_torch(model)
    assert isinstance(seq, torch.nn.Sequential)
    assert all(p.dtype == torch.float64 for p in seq.parameters())
    linears = [m for m in seq if isinstance(m, torch.nn.Linear)]
    layers = model.layers if isinstance(model, MLP) else [model]
    assert len(linears) == len(layers)
    expected = []
    for layer in layers:
        expected.append("Linear")
        g = {"relu": "ReLU", "tanh": "Tanh", "sigmoid": "Sigmoid"}.get(layer.activation)
        expected += [g] if g else []
    assert [type(m).__name__ for m in seq] == expected
    assert linears[0].weight[0, 1].item() == model.parameters()[1].data  # N1.w2


@pytest.mark.parametrize("model", MODELS, ids=repr)
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_outputs_equal_takaisins_to_1e_12(model, data) -> None:
    x = [data.draw(reals(-5.0, 5.0)) for _ in range(model.nin)]
    seq = to_torch(model)
    assert torch_outputs(seq, x) == pytest.approx(outputs(model, x), abs=1e-12)


@pytest.mark.parametrize("model", MODELS, ids=repr)
def test_from_torch_of_to_torch_is_the_same_model(model) -> None:
    back = from_torch(to_torch(model))
    assert isinstance(back, MLP)
    assert list(back.state_dict().values()) == list(model.state_dict().values())
    layers = model.layers if isinstance(model, MLP) else [model]
    assert [layer.activation for layer in back.layers] == [
        layer.activation for layer in layers
    ]
    assert to_torch(back)(torch.ones(model.nin, dtype=torch.float64)).tolist() == (
        to_torch(model)(torch.ones(model.nin, dtype=torch.float64)).tolist()
    )


def test_gradients_of_a_loss_equal_torchs() -> None:
    model = MLP(2, [8, 8, 1], activation="tanh", seed=0)
    seq = to_torch(model)
    X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0], [0.0, 0.1]]
    y = [1.0, -1.0, 1.0, -1.0]
    loss = hinge([model(x) for x in X], y)
    loss.backward()
    scores = seq(torch.tensor(X, dtype=torch.float64)).squeeze(1)
    torch_loss = torch.relu(1 - torch.tensor(y, dtype=torch.float64) * scores).mean()
    torch_loss.backward()
    assert loss.data == pytest.approx(torch_loss.item(), abs=1e-12)
    torch_grads = []
    for linear in (m for m in seq if isinstance(m, torch.nn.Linear)):
        for row, b in zip(
            linear.weight.grad.tolist(), linear.bias.grad.tolist(), strict=True
        ):
            torch_grads += [*row, b]  # takaisin's order: w1..wn, then b
    ours = [p.grad for p in model.parameters()]
    assert ours == pytest.approx(torch_grads, abs=1e-12)


def test_a_trained_torch_network_comes_back_with_its_outputs() -> None:
    torch.manual_seed(0)
    seq = torch.nn.Sequential(
        torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1), torch.nn.Tanh()
    ).double()
    X = torch.tensor([[2.0, 3.0, -1.0], [3.0, -1.0, 0.5]], dtype=torch.float64)
    opt = torch.optim.SGD(seq.parameters(), lr=0.1)
    for _ in range(5):
        opt.zero_grad()
        ((seq(X).squeeze(1) - torch.tensor([1.0, -1.0])) ** 2).sum().backward()
        opt.step()
    model = from_torch(seq)
    assert repr(model) == "MLP(3 → 4 tanh → 1 tanh, 21 parameters)"
    for x in X.tolist():
        assert outputs(model, x) == pytest.approx(torch_outputs(seq, x), abs=1e-12)
    loss = mse([model(x) for x in X.tolist()], [1.0, -1.0])
    assert loss.data > 0.0


def test_float32_torch_weights_come_back_as_the_same_numbers() -> None:
    seq = torch.nn.Sequential(torch.nn.Linear(2, 1))  # float32, PyTorch's default
    model = from_torch(seq)
    assert model.parameters()[0].data == seq[0].weight[0, 0].item()


def test_a_linear_without_bias_gets_a_bias_of_zero() -> None:
    seq = torch.nn.Sequential(torch.nn.Linear(2, 3, bias=False), torch.nn.Identity())
    model = from_torch(seq)
    assert all(n.b.data == 0.0 for n in model.layers[0].neurons)
    assert model.layers[-1].activation == "linear"


@pytest.mark.parametrize(
    ("modules", "error", "message"),
    [
        (
            lambda: [torch.nn.Linear(2, 3), torch.nn.Dropout(0.5)],
            ValueError,
            r"cannot translate layer 1 of the Sequential, Dropout\(p=0.5.*knows Linear",
        ),
        (
            lambda: [torch.nn.Linear(2, 3), torch.nn.GELU()],
            ValueError,
            "GELU",
        ),
        (
            lambda: [torch.nn.ReLU(), torch.nn.Linear(2, 3)],
            ValueError,
            "does not follow a Linear",
        ),
        (
            lambda: [torch.nn.Linear(2, 3), torch.nn.ReLU(), torch.nn.Tanh()],
            ValueError,
            "does not follow a Linear",
        ),
        (
            lambda: [torch.nn.Linear(2, 3), torch.nn.Linear(4, 1)],
            ValueError,
            "takes 4 inputs but the layer before gives 3",
        ),
        (
            lambda: [
                torch.nn.Linear(2, 3),
                torch.nn.ReLU(),
                torch.nn.Linear(3, 3),
                torch.nn.Tanh(),
                torch.nn.Linear(3, 1),
            ],
            ValueError,
            "same activation on every hidden layer.*relu, tanh",
        ),
        (lambda: [], ValueError, "at least one Linear"),
    ],
)
def test_what_from_torch_cannot_translate_is_named(modules, error, message) -> None:
    with pytest.raises(error, match=message):
        from_torch(torch.nn.Sequential(*modules()))


def test_from_torch_needs_a_sequential() -> None:
    with pytest.raises(TypeError, match=r"needs a torch\.nn\.Sequential, got Linear"):
        from_torch(torch.nn.Linear(2, 1))


def test_from_torch_refuses_weights_that_are_not_finite() -> None:
    seq = torch.nn.Sequential(torch.nn.Linear(2, 1))
    with torch.no_grad():
        seq[0].weight[0, 0] = float("nan")
    with pytest.raises(ValueError, match="must be finite"):
        from_torch(seq)


def test_to_torch_names_what_it_cannot_translate() -> None:
    with pytest.raises(TypeError, match="MLP, a Layer or a Neuron, not Module"):
        to_torch(nn.Module())


def test_without_torch_both_say_how_to_install_it(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # `import torch` now fails
    with pytest.raises(ImportError, match="pip install torch"):
        to_torch(MLP(2, [1], seed=0))
    with pytest.raises(ImportError, match="pip install torch"):
        from_torch(object())


def test_training_the_torch_copy_leaves_the_model_alone() -> None:
    model = MLP(2, [3, 1], seed=0)
    before = model.state_dict()
    seq = to_torch(model)
    with torch.no_grad():
        for p in seq.parameters():
            p.add_(1.0)
    assert model.state_dict() == before


def test_the_side_by_side_moons_script_trains_both_the_same() -> None:
    # docs/moons_torch.py, as the README shows it; five steps, not a hundred.
    script = runpy.run_path(str(Path(__file__).parent.parent / "docs/moons_torch.py"))
    X, labels = make_moons(30, noise=0.1, seed=0)
    y = [2 * label - 1 for label in labels]
    model = MLP(2, [16, 16, 1], seed=0)
    seq = to_torch(model)
    theirs = script["train_torch"](seq, X, y, steps=5)
    ours = script["train_takaisin"](model, X, y, steps=5)
    assert len(ours) == 5 and ours[-1] < ours[0]
    assert ours == pytest.approx(theirs, abs=1e-12)
