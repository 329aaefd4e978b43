"""Which neuron each node belongs to, read from nn-style parameter labels."""

from __future__ import annotations

import pytest

from engine import Value, dot, topo_sort
from engine.draw.clusters import assign_neurons, neuron_of_label


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("L1.N3.w2", (1, 3)),
        ("L12.N40.b", (12, 40)),
        ("L1.N3", None),  # no parameter name after the neuron
        ("x1", None),
        ("", None),
        ("l1.n3.w2", None),
        ("AL1.N3.w2", None),
    ],
)
def test_labels_name_layer_and_neuron(label, key):
    assert neuron_of_label(label) == key


def is_constant(v: Value) -> bool:
    return not v.parents and not v.label


def test_a_neuron_built_from_single_operations():
    x1, x2 = Value(1.0, label="x1"), Value(2.0, label="x2")
    w1, w2 = Value(0.5, label="L1.N2.w1"), Value(-1.0, label="L1.N2.w2")
    b = Value(0.1, label="L1.N2.b")
    products = (w1 * x1, w2 * x2)
    z = products[0] + products[1] + b
    out = z.tanh()
    loss = (out - 1.0) ** 2
    neurons = assign_neurons(topo_sort(loss), is_constant)
    inside = {w1, w2, b, *products, z, out}
    assert all(neurons[v] == (1, 2) for v in inside)
    assert x1 not in neurons and x2 not in neurons
    assert loss not in neurons and loss.parents[0] not in neurons  # the "-"
    assert loss.parents[0].parents[1] not in neurons  # the constant 1 of the loss


def test_the_next_layer_claims_its_own_sum_not_the_inputs():
    x = Value(1.0, label="x")
    h1 = dot([Value(0.3, label="L1.N1.w1")], [x], Value(0.0, label="L1.N1.b")).relu()
    h2 = dot([Value(0.2, label="L1.N2.w1")], [x], Value(0.0, label="L1.N2.b")).relu()
    w = [Value(1.0, label="L2.N1.w1"), Value(1.0, label="L2.N1.w2")]
    z = dot(w, [h1, h2], Value(0.0, label="L2.N1.b"))
    neurons = assign_neurons(topo_sort(z), is_constant)
    assert neurons[h1] == (1, 1) and neurons[h2] == (1, 2)
    assert neurons[z] == (2, 1)
    assert x not in neurons


def test_a_node_mixing_two_neurons_belongs_to_neither():
    a = Value(1.0, label="L1.N1.w1")
    c = Value(2.0, label="L1.N2.w1")
    both = a * c
    added = a.tanh() + c.tanh()
    neurons = assign_neurons(topo_sort(both + added), is_constant)
    assert both not in neurons and added not in neurons
    assert neurons[added.parents[0]] == (1, 1)


def test_a_shared_constant_stays_outside():
    k = Value(2.0)
    a, c = Value(1.0, label="L1.N1.w1"), Value(1.0, label="L1.N2.w1")
    neurons = assign_neurons(topo_sort(a * k + c * k), is_constant)
    assert k not in neurons
    one_user = Value(3.0)
    neurons = assign_neurons(topo_sort(a * one_user), is_constant)
    assert neurons[one_user] == (1, 1)
