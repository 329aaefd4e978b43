"""Tests for nn/module.py (with nn/activations.py and nn/init.py): the network."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import Value, gradcheck
from nn import MLP, Layer, Module, Neuron
from nn.init import make_rng, weight_bound
from tests.strategies import reals
from tests.test_lecture import lecture_network


# ------------------------------------------------------------------ shapes
def test_micrograd_demo_net_has_337_parameters() -> None:
    model = MLP(2, [16, 16, 1], seed=0)
    # (2+1)*16 + (16+1)*16 + (16+1)*1
    assert len(model.parameters()) == 337
    assert [len(layer.neurons) for layer in model.layers] == [16, 16, 1]
    assert [layer.activation for layer in model.layers] == ["relu", "relu", "linear"]
    assert all(len(n.w) == 16 for n in model.layers[1].neurons)


@given(st.integers(1, 5), st.lists(st.integers(1, 5), min_size=1, max_size=3))
def test_parameter_count_formula(nin: int, nouts: list[int]) -> None:
    model = MLP(nin, nouts, seed=1)
    sizes = [nin, *nouts]
    expected = sum((a + 1) * b for a, b in itertools.pairwise(sizes))
    assert len(model.parameters()) == expected
    assert str(expected) in repr(model)


def test_labels_are_readable_unique_and_match_named_parameters() -> None:
    model = MLP(3, [4, 2], seed=0)
    named = model.named_parameters()
    labels = [name for name, _ in named]
    assert len(set(labels)) == len(labels)
    assert all(p.label == name for name, p in named)
    assert labels[:4] == ["L1.N1.w1", "L1.N1.w2", "L1.N1.w3", "L1.N1.b"]
    assert labels[-1] == "L2.N2.b"
    neuron = model.layers[0].neurons[2]
    assert neuron.w[1].label == "L1.N3.w2"
    assert neuron.b.label == "L1.N3.b"
    assert [p for _, p in named] == model.parameters()


def test_standalone_neuron_and_layer_labels() -> None:
    assert [p.label for p in Neuron(2, seed=0).parameters()] == ["w1", "w2", "b"]
    assert [p.label for p in Layer(1, 2, seed=0).parameters()] == [
        "N1.w1",
        "N1.b",
        "N2.w1",
        "N2.b",
    ]


def test_repr_is_compact() -> None:
    assert (
        repr(MLP(2, [16, 16, 1], seed=0))
        == "MLP(2 → 16 relu → 16 relu → 1 linear, 337 parameters)"
    )
    assert repr(Layer(3, 4, "tanh", seed=0)) == "Layer(3 → 4 tanh, 16 parameters)"
    assert repr(Neuron(2, "sigmoid", seed=0)) == "Neuron(2 → 1 sigmoid, 3 parameters)"


# ----------------------------------------------------------------- forward
def test_neuron_is_one_dot_node_and_one_activation_node() -> None:
    neuron = Neuron(3, "tanh", seed=0)
    out = neuron([1.0, 2.0, 3.0])
    assert out.op == "tanh"
    (z,) = out.parents
    assert z.op == "Σ w·x + b"
    assert z.parents[:3] == tuple(neuron.w)
    assert z.parents[-1] is neuron.b
    expected = math.tanh(
        sum(w.data * x for w, x in zip(neuron.w, [1, 2, 3], strict=True))
    )
    assert out.data == pytest.approx(expected, abs=1e-15)


def test_linear_neuron_is_just_the_dot_node() -> None:
    out = Neuron(2, "linear", seed=0)([1.0, 2.0])
    assert out.op == "Σ w·x + b"


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "linear"])
def test_each_activation_matches_its_formula(activation: str) -> None:
    neuron = Neuron(2, activation, seed=3)
    neuron.b.data = 0.25
    x = [0.5, -1.5]
    z = neuron.w[0].data * x[0] + neuron.w[1].data * x[1] + 0.25
    expected = {
        "relu": max(0.0, z),
        "tanh": math.tanh(z),
        "sigmoid": 1 / (1 + math.exp(-z)),
        "linear": z,
    }[activation]
    assert neuron(x).data == pytest.approx(expected, rel=1e-14, abs=1e-15)


def test_call_returns_value_for_one_output_else_list() -> None:
    assert isinstance(MLP(2, [3, 1], seed=0)([1.0, 2.0]), Value)
    out = MLP(2, [3, 4], seed=0)([1.0, 2.0])
    assert isinstance(out, list)
    assert len(out) == 4
    assert isinstance(Layer(2, 1, seed=0)([1.0, 2.0]), Value)
    assert len(Layer(2, 3, seed=0)([1.0, 2.0])) == 3


def test_layer_neurons_share_the_input_nodes() -> None:
    outs = Layer(2, 3, "linear", seed=0)([1.0, 2.0])
    inputs = [out.parents[2:4] for out in outs]
    assert inputs[0][0] is inputs[1][0] is inputs[2][0]
    assert [x.label for x in inputs[0]] == ["x1", "x2"]


def test_a_layer_builds_the_same_nodes_as_its_neurons_one_by_one() -> None:
    layer = Layer(3, 4, "tanh", seed=0)
    xs = [Value(0.5), Value(-1.0), Value(2.0)]
    together = layer(xs)
    one_by_one = [neuron.forward(xs) for neuron in layer.neurons]
    for a, b in zip(together, one_by_one, strict=True):
        assert (a.data, a.op, a.local_grads) == (b.data, b.op, b.local_grads)
        (z,), (y,) = a.parents, b.parents
        assert (z.data, z.op, z.parents, z.local_grads) == (
            y.data,
            y.op,
            y.parents,
            y.local_grads,
        )


def test_hidden_layers_read_the_previous_layers_outputs() -> None:
    model = MLP(2, [3, 1], activation="tanh", seed=0)
    hidden = model.layers[0]([1.0, 2.0])
    out = model.layers[1](hidden)
    assert model([1.0, 2.0]).data == out.data


def test_inputs_may_be_numbers_values_or_mixed() -> None:
    model = MLP(2, [4, 1], seed=0)
    a = model([0.5, -1]).data
    assert model([Value(0.5), Value(-1.0)]).data == a
    assert model((0.5, Value(-1.0))).data == a
    assert model(iter([0.5, -1])).data == a


def test_one_input_needs_no_list() -> None:
    model = MLP(1, [3, 1], seed=0)
    assert model(0.5).data == model([0.5]).data


@pytest.mark.parametrize(
    ("model", "x", "message"),
    [
        (MLP(2, [3, 1], seed=0), [1.0, 2.0, 3.0], "expected 2 inputs, got 3"),
        (MLP(2, [3, 1], seed=0), [1.0], "expected 2 inputs, got 1"),
        (MLP(2, [3, 1], seed=0), [], "expected 2 inputs, got 0"),
        (Layer(3, 2, seed=0), [1.0, 2.0], "expected 3 inputs, got 2"),
        (Neuron(2, seed=0), [1.0, 2.0, 3.0], "expected 2 inputs, got 3"),
    ],
)
def test_wrong_number_of_inputs_is_a_clear_error(model, x, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        model(x)


@pytest.mark.parametrize("x", ["ab", {"a": 1}, [1.0, "2"], [1.0, None], None])
def test_inputs_that_are_not_numbers_are_a_type_error(x: object) -> None:
    with pytest.raises(TypeError):
        MLP(2, [3, 1], seed=0)(x)


def test_a_batch_passed_as_one_example_gets_a_hint() -> None:
    # A common slip: model(X) for the whole data set instead of model(x).
    with pytest.raises(TypeError, match=r"input x1 must be a number .* got list") as e:
        MLP(2, [3, 1], seed=0)([[1.0, 2.0], [3.0, 4.0]])
    assert "[model(x) for x in X]" in str(e.value)
    with pytest.raises(ValueError, match=r"^expected 2 inputs, got 3 lists; a model"):
        MLP(2, [3, 1], seed=0)([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    with pytest.raises(TypeError, match=r"^input x2 must be a number or a Value"):
        MLP(2, [3, 1], seed=0)([1.0, None])


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: MLP(0, [1]), ValueError, "nin must be at least 1"),
        (lambda: MLP(2, []), ValueError, "non-empty list"),
        (lambda: MLP(2, 3), ValueError, "non-empty list"),
        (lambda: MLP(2, "16"), ValueError, "non-empty list.*got '16'"),
        (lambda: MLP(2, [3, 0]), ValueError, "at least 1"),
        (lambda: MLP(2.0, [3]), TypeError, "nin must be an int"),
        (lambda: MLP(2, [3], activation="gelu"), ValueError, "unknown activation"),
        (lambda: Neuron(2, "softmax"), ValueError, "'relu', 'tanh'"),
        (lambda: MLP(2, [3], activation=["relu"]), ValueError, "unknown activation"),
        (lambda: MLP(2, [3], seed="x"), TypeError, "seed must be"),
    ],
)
def test_bad_construction_is_a_clear_error(make, error, message: str) -> None:
    with pytest.raises(error, match=message):
        make()


# --------------------------------------------------------------- gradients
@given(st.lists(reals(-2, 2), min_size=3, max_size=3))
def test_input_gradients_match_central_differences(x: list[float]) -> None:
    model = MLP(3, [4, 2], activation="tanh", seed=7)
    assert gradcheck(lambda *xs: _pair(model(list(xs))), x)


def _pair(out: list[Value]) -> Value:
    return out[0] * out[1] + out[0]


def test_weight_gradients_match_central_differences() -> None:
    model = MLP(2, [3, 2], activation="tanh", seed=11)
    x = [0.3, -0.7]
    out = _pair(model(x))
    model.zero_grad()
    out.backward()
    eps = 1e-6
    for p in model.parameters():
        original = p.data
        p.data = original + eps
        up = _pair(model(x)).data
        p.data = original - eps
        down = _pair(model(x)).data
        p.data = original
        assert p.grad == pytest.approx((up - down) / (2 * eps), rel=1e-6, abs=1e-8), (
            p.label
        )


def test_zero_grad_and_micrograd_update_loop() -> None:
    model = MLP(2, [4, 1], seed=0)
    loss = model([1.0, -1.0]) ** 2
    loss.backward()
    assert any(p.grad != 0.0 for p in model.parameters())
    before = [p.data for p in model.parameters()]
    for p in model.parameters():
        p.data -= 0.01 * p.grad  # micrograd's demo code, unchanged
    assert [p.data for p in model.parameters()] != before
    model.zero_grad()
    assert all(p.grad == 0.0 for p in model.parameters())


# -------------------------------------------------------- initialisation
def test_same_seed_same_model_and_different_seeds_differ() -> None:
    assert MLP(2, [5, 1], seed=3).state_dict() == MLP(2, [5, 1], seed=3).state_dict()
    assert MLP(2, [5, 1], seed=3).state_dict() != MLP(2, [5, 1], seed=4).state_dict()


def test_shared_random_generator_advances() -> None:
    rng = random.Random(0)
    a, b = MLP(2, [3], seed=rng), MLP(2, [3], seed=rng)
    assert a.state_dict() != b.state_dict()
    assert a.state_dict() == MLP(2, [3], seed=random.Random(0)).state_dict()


def test_no_seed_follows_the_global_random_seed_like_micrograd() -> None:
    random.seed(1337)
    a = MLP(2, [3, 1])
    b = MLP(2, [3, 1])
    random.seed(1337)
    assert MLP(2, [3, 1]).state_dict() == a.state_dict()
    assert a.state_dict() != b.state_dict()


def test_make_rng_rejects_bool() -> None:
    with pytest.raises(TypeError):
        make_rng(True)


@pytest.mark.parametrize(
    ("activation", "variance_times_nin"),
    [("relu", 2.0), ("tanh", 1.0), ("sigmoid", 1.0), ("linear", 1.0)],
)
def test_initial_weights_have_the_documented_bounds(
    activation: str, variance_times_nin: float
) -> None:
    nin = 50
    layer = Layer(nin, 40, activation, seed=0)
    bound = weight_bound(nin, activation)
    assert bound == pytest.approx(math.sqrt(3 * variance_times_nin / nin))
    weights = [w.data for n in layer.neurons for w in n.w]
    assert all(-bound <= w <= bound for w in weights)
    variance = sum(w * w for w in weights) / len(weights)
    # 2000 draws: the sample variance is within ~5% of a**2 / 3.
    assert variance == pytest.approx(variance_times_nin / nin, rel=0.1)
    assert all(n.b.data == 0.0 for n in layer.neurons)


def test_signal_keeps_its_size_through_deep_relu_layers() -> None:
    # The reason for the init: ten ReLU layers neither blow up nor fade out.
    rng = random.Random(1)
    model = MLP(20, [20] * 10 + [1], seed=0)
    batch = [[rng.gauss(0, 1) for _ in range(20)] for _ in range(30)]
    for layer in model.layers[:-1]:
        batch = [layer.outputs(x) for x in batch]
        mean_square = sum(v.data**2 for out in batch for v in out) / (30 * 20)
        # He init keeps E[out**2] near E[in**2] = 1 (ReLU halves, 2/nin doubles).
        assert 0.2 < mean_square < 5


# ---------------------------------------------------------------- state
def test_state_dict_round_trip() -> None:
    a, b = MLP(2, [3, 2], seed=0), MLP(2, [3, 2], seed=1)
    b.load_state_dict(a.state_dict())
    assert b.state_dict() == a.state_dict()
    assert b([0.1, 0.2])[1].data == a([0.1, 0.2])[1].data
    assert list(a.state_dict()) == [name for name, _ in a.named_parameters()]


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (lambda s: s.pop("L2.N1.b"), ValueError, "missing L2.N1.b"),
        (lambda s: s.update({"L9.N1.b": 1.0}), ValueError, "unexpected L9.N1.b"),
        (lambda s: s.update({"L2.N2.w3": "1.0"}), TypeError, "L2.N2.w3 must be a num"),
        (lambda s: s.update({"L2.N2.w3": True}), TypeError, "L2.N2.w3 must be a num"),
        (lambda s: s.update({"L2.N2.w3": math.nan}), ValueError, "must be finite"),
        (lambda s: s.update({"L2.N2.w3": math.inf}), ValueError, "must be finite"),
    ],
)
def test_bad_state_is_rejected_and_nothing_changes(change, error, message) -> None:
    model = MLP(2, [3, 2], seed=0)
    before = model.state_dict()
    state = {name: value + 1.0 for name, value in before.items()}
    change(state)
    with pytest.raises(error, match=message):
        model.load_state_dict(state)
    assert model.state_dict() == before


def test_load_state_dict_needs_a_mapping() -> None:
    with pytest.raises(TypeError, match="dict"):
        MLP(2, [1], seed=0).load_state_dict([1.0, 2.0, 3.0])


def test_a_custom_module_gets_everything_from_named_parameters() -> None:
    class Scale(Module):
        def __init__(self) -> None:
            self.k = Value(2.0, "k")

        def named_parameters(self) -> list[tuple[str, Value]]:
            return [("k", self.k)]

    m = Scale()
    assert m.parameters() == [m.k]
    assert m.state_dict() == {"k": 2.0}
    m.load_state_dict({"k": 3.0})
    assert m.k.data == 3.0
    assert Module().parameters() == []


# ------------------------------------------- the network of micrograd's lecture


def test_defaults_are_unchanged_by_the_new_arguments() -> None:
    model = MLP(2, [16, 16, 1], seed=0)
    assert model.last_activation == "linear" and model.init == "scaled"
    assert (
        model.state_dict()
        == MLP(
            2, [16, 16, 1], seed=0, last_activation="linear", init="scaled"
        ).state_dict()
    )
    assert all(p.data == 0.0 for name, p in model.named_parameters() if name[-1] == "b")


def test_last_activation_is_applied_to_the_last_layer_only() -> None:
    model = MLP(2, [3, 2], activation="relu", last_activation="sigmoid", seed=0)
    assert [layer.activation for layer in model.layers] == ["relu", "sigmoid"]
    assert all(0.0 < out.data < 1.0 for out in model([5.0, -5.0]))
    assert repr(model) == "MLP(2 → 3 relu → 2 sigmoid, 17 parameters)"


def test_uniform_init_draws_weights_and_biases_from_minus_one_to_one() -> None:
    params = MLP(64, [32, 10], init="uniform", seed=0).parameters()
    assert all(-1.0 <= p.data <= 1.0 for p in params)
    biases = [p.data for p in params if p.label.endswith(".b")]
    assert len(biases) == 42 and len(set(biases)) == 42  # random, not 0
    # Unscaled: with 64 inputs the scaled bound would be sqrt(6/64) ≈ 0.31.
    assert max(abs(p.data) for p in params) > 0.9


def test_uniform_init_draws_in_the_lectures_order() -> None:
    # Weights first, then the bias, neuron after neuron, layer after layer,
    # each from rng.uniform(-1, 1): so a seed gives the lecture's numbers.
    rng = random.Random(1337)
    expected = [rng.uniform(-1, 1) for _ in range(41)]
    assert [p.data for p in lecture_network(1337).parameters()] == expected


def test_unknown_init_is_named() -> None:
    with pytest.raises(ValueError, match=r"unknown init 'xavier'.*'scaled', 'uniform'"):
        MLP(2, [3], init="xavier")
    with pytest.raises(ValueError, match="unknown init"):
        Neuron(2, init=None)
    with pytest.raises(ValueError, match="unknown activation 'softmax'"):
        MLP(2, [3], last_activation="softmax")


def test_layer_and_neuron_take_init_too() -> None:
    neuron = Neuron(3, "tanh", seed=0, init="uniform")
    assert neuron.b.data != 0.0 and neuron.init == "uniform"
    layer = Layer(3, 2, "tanh", seed=0, init="uniform")
    assert all(n.b.data != 0.0 for n in layer.neurons)


# ------------------------------------------- sizes, huge inputs, long names
def test_numpy_ints_are_layer_sizes_and_seeds() -> None:
    numpy = pytest.importorskip("numpy")
    model = MLP(numpy.int64(2), [numpy.int32(3), numpy.int64(1)], seed=numpy.int64(0))
    assert model.nouts == [3, 1] and type(model.nin) is int
    assert MLP(2, numpy.array([3, 1]), seed=0).nouts == [3, 1]
    assert MLP(2, (3, 1), seed=0).state_dict() == MLP(2, [3, 1], seed=0).state_dict()
    assert Layer(numpy.int64(2), numpy.int64(2), seed=0).nout == 2


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: MLP(10**400, [1]), "nin must be at most 1,000,000"),
        (lambda: MLP(2, [10**400]), "each layer size in nouts must be at most"),
        (lambda: Neuron(10**7), "nin must be at most"),
        (lambda: Layer(2, True), "nout must be an int, got bool"),
    ],
)
def test_an_absurd_layer_size_is_a_clear_error(make, message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message) as caught:
        make()
    assert len(str(caught.value)) < 300


def test_an_input_too_large_for_a_float_names_the_input() -> None:
    model = MLP(2, [1], seed=0)
    with pytest.raises(OverflowError, match="input x2 is too large for a float"):
        model([1.0, 10**400])


def test_load_state_dict_builds_one_set_not_one_per_name(monkeypatch) -> None:
    # One set of the names for all of them: a set rebuilt for every name
    # made loading quadratic (20,000 weights took 47 s).
    import nn.module

    made: list[int] = []

    def counting_set(*args):
        made.append(1)
        return set(*args)

    monkeypatch.setattr(nn.module, "set", counting_set, raising=False)
    model = MLP(3, [20, 1], seed=0)
    model.load_state_dict(model.state_dict())
    assert len(made) <= 1


def test_a_huge_name_in_a_state_is_quoted_short() -> None:
    model = MLP(2, [1], seed=0)
    state = dict(model.state_dict())
    state["x" * 10_000_000] = 1.0
    with pytest.raises(ValueError, match="unexpected xxx") as caught:
        model.load_state_dict(state)
    assert len(str(caught.value)) < 300
    with pytest.raises(ValueError, match="unknown activation") as caught:
        MLP(2, [1], activation="r" * 10_000_000)
    assert len(str(caught.value)) < 300
