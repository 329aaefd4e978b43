"""The float forward pass equals the engine's, bit for bit."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nn
from demos.playground.forward import layer_outputs, scores
from engine import no_grad

points = st.lists(
    st.tuples(st.floats(-5, 5), st.floats(-5, 5)), min_size=1, max_size=20
)


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "linear"])
@given(
    seed=st.integers(0, 1000),
    hidden=st.lists(st.integers(1, 5), max_size=3),
    outputs=st.sampled_from([1, 3]),
    xs=points,
)
def test_scores_equal_the_engines(activation, seed, hidden, outputs, xs):
    model = nn.MLP(2, [*hidden, outputs], activation, seed=seed)
    with no_grad():
        expected = [[v.data for v in model.outputs(list(x))] for x in xs]
    assert scores(model, xs) == expected


def test_every_neurons_output_equals_the_engines():
    model = nn.MLP(2, [3, 2, 1], "tanh", seed=4)
    xs = [(0.3, -0.7), (2.0, 1.5)]
    got = layer_outputs(model, xs)
    for i, x in enumerate(xs):
        values = list(x)
        for k, layer in enumerate(model.layers):
            values = [v.data for v in layer.outputs(values)]
            assert [column[i] for column in got[k]] == values


def test_no_points_no_scores():
    assert scores(nn.MLP(2, [1], seed=0), []) == []


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "linear"])
@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_weights_that_blew_up_give_what_the_engine_gives(activation, bad):
    # A NaN must stay NaN here as in the engine (relu(nan) is nan, as in
    # PyTorch), or the page would show a finite boundary for a broken model.
    model = nn.MLP(2, [3, 1], activation, seed=0)
    model.layers[0].neurons[0].w[0].data = bad
    xs = [(0.5, -0.5), (-1.0, 2.0)]
    with no_grad():
        expected = [[v.data for v in model.outputs(list(x))] for x in xs]
    assert repr(scores(model, xs)) == repr(expected)
