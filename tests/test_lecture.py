"""micrograd's lecture, cell by cell, with `from engine import Value`.

Andrej Karpathy's lecture "The spelled-out intro to neural networks and
backpropagation: building micrograd" (nn-zero-to-hero, lectures/micrograd)
builds its own `Value` class. A teacher who swaps that class for takaisin's
should see every cell run and print the same numbers. The cells are
re-expressed here in our own words; the expected numbers are the ones the
lecture's notebooks print. Helpers named like the lecture's (`trace`,
`draw_dot`, `build_topo`) use only what the lecture uses: `_prev`, `_op`,
`label`, `data`, `grad` and `_backward()`.
"""

from __future__ import annotations

import itertools
import math
import random

import pytest

from engine import Value
from nn import MLP

# ------------------------------------------ the lecture's own graph helpers


def build_topo(root: Value) -> list[Value]:
    """The lecture's recursive topological sort, over `_prev`."""
    topo: list[Value] = []
    visited: set[Value] = set()

    def visit(v: Value) -> None:
        if v not in visited:
            visited.add(v)
            for child in v._prev:
                visit(child)
            topo.append(v)

    visit(root)
    return topo


def trace(root: Value) -> tuple[set[Value], set[tuple[Value, Value]]]:
    """All nodes and (child, parent-of-op) edges, walking `_prev`."""
    nodes: set[Value] = set()
    edges: set[tuple[Value, Value]] = set()

    def walk(v: Value) -> None:
        if v not in nodes:
            nodes.add(v)
            for child in v._prev:
                edges.add((child, v))
                walk(child)

    walk(root)
    return nodes, edges


def lecture_draw_dot(root: Value):
    """The lecture's drawing: a record per Value, an op node per `_op`."""
    graphviz = pytest.importorskip("graphviz")
    dot = graphviz.Digraph(format="svg", graph_attr={"rankdir": "LR"})
    nodes, edges = trace(root)
    for n in nodes:
        uid = str(id(n))
        label = "{ %s | data %.4f | grad %.4f }" % (n.label, n.data, n.grad)  # noqa: UP031
        dot.node(name=uid, label=label, shape="record")
        if n._op:
            dot.node(name=uid + n._op, label=n._op)
            dot.edge(uid + n._op, uid)
    for child, node in edges:
        dot.edge(str(id(child)), str(id(node)) + node._op)
    return dot


# ------------------------------------------------ first half: L = (a*b + c) * f


def expression() -> dict[str, Value]:
    a = Value(2.0, label="a")
    b = Value(-3.0, label="b")
    c = Value(10.0, label="c")
    e = a * b
    e.label = "e"
    d = e + c
    d.label = "d"
    f = Value(-2.0, label="f")
    L = d * f
    L.label = "L"
    return {"a": a, "b": b, "c": c, "e": e, "d": d, "f": f, "L": L}


def test_the_expression_cell() -> None:
    v = expression()
    assert v["L"].data == -8.0
    assert repr(v["L"]).startswith("Value(data=-8.0")


def test_the_lectures_trace_and_draw_dot_walk_prev_and_op() -> None:
    v = expression()
    v["L"].backward()
    nodes, edges = trace(v["L"])
    assert nodes == set(v.values())
    assert len(edges) == 6
    assert {(child.label, node.label) for child, node in edges} == {
        ("a", "e"),
        ("b", "e"),
        ("e", "d"),
        ("c", "d"),
        ("d", "L"),
        ("f", "L"),
    }
    source = lecture_draw_dot(v["L"]).source
    assert "{ L | data -8.0000 | grad 1.0000 }" in source
    assert "{ a | data 2.0000 | grad 6.0000 }" in source
    assert source.count("shape=record") == 7
    assert source.count('label="*"') == 2 and source.count('label="+"') == 1


def test_backward_then_one_step_up_the_gradient() -> None:
    v = expression()
    v["L"].backward()
    grads = {name: node.grad for name, node in v.items()}
    assert grads == {"a": 6.0, "b": -4.0, "c": -2.0, "e": -2.0, "d": -2.0} | {
        "f": 4.0,
        "L": 1.0,
    }
    for name in "abcf":
        v[name].data += 0.01 * v[name].grad
    a, b, c, f = (v[name] for name in "abcf")
    e = a * b
    d = e + c
    L = d * f
    assert math.isclose(L.data, -7.286496, abs_tol=1e-12)


def test_the_numerical_derivative_cell() -> None:
    h = 0.001
    L1 = expression()["L"].data
    v = expression()
    v["b"].data += h
    e = v["a"] * v["b"]
    L2 = ((e + v["c"]) * v["f"]).data
    assert math.isclose((L2 - L1) / h, -3.9999999999995595, abs_tol=1e-12)


# ------------------------------------------------------ the neuron o = tanh(n)


def neuron() -> dict[str, Value]:
    x1 = Value(2.0, label="x1")
    x2 = Value(0.0, label="x2")
    w1 = Value(-3.0, label="w1")
    w2 = Value(1.0, label="w2")
    b = Value(6.8813735870195432, label="b")
    x1w1 = x1 * w1
    x1w1.label = "x1*w1"
    x2w2 = x2 * w2
    x2w2.label = "x2*w2"
    x1w1x2w2 = x1w1 + x2w2
    x1w1x2w2.label = "x1*w1 + x2*w2"
    n = x1w1x2w2 + b
    n.label = "n"
    o = n.tanh()
    o.label = "o"
    return {
        "x1": x1,
        "x2": x2,
        "w1": w1,
        "w2": w2,
        "b": b,
        "x1w1": x1w1,
        "x2w2": x2w2,
        "x1w1x2w2": x1w1x2w2,
        "n": n,
        "o": o,
    }


# What the lecture finds, by hand and with backward().
NEURON_GRADS = {
    "o": 1.0,
    "n": 0.5,
    "x1w1x2w2": 0.5,
    "b": 0.5,
    "x1w1": 0.5,
    "x2w2": 0.5,
    "x1": -1.5,
    "w1": 1.0,
    "x2": 0.5,
    "w2": 0.0,
}


def test_the_neuron_outputs_0_7071() -> None:
    o = neuron()["o"]
    assert math.isclose(o.data, 0.7071067811865476, abs_tol=1e-12)
    assert math.isclose(1 - o.data**2, 0.4999999999999999, abs_tol=1e-12)


def test_build_topo_over_prev_lists_the_lectures_ten_values() -> None:
    v = neuron()
    topo = build_topo(v["o"])
    assert topo[-1] is v["o"]
    printed = [6.881373587019543, 2.0, -3.0, -6.0, 0.0, 1.0, 0.0, -6.0]
    printed += [0.8813735870195432, 0.7071067811865476]
    assert sorted(node.data for node in topo) == pytest.approx(sorted(printed))
    position = {node: i for i, node in enumerate(topo)}
    for node in topo:
        assert all(position[child] < position[node] for child in node._prev)


def test_manual_backward_cells_node_by_node() -> None:
    v = neuron()
    v["o"].grad = 1.0
    v["o"]._backward()
    v["n"]._backward()
    v["b"]._backward()  # a leaf: nothing to do
    v["x1w1x2w2"]._backward()
    v["x2w2"]._backward()
    v["x1w1"]._backward()
    for name, grad in NEURON_GRADS.items():
        assert math.isclose(v[name].grad, grad, abs_tol=1e-12), name


def test_manual_backward_in_the_lectures_topo_order_and_with_backward() -> None:
    by_hand = neuron()
    by_hand["o"].grad = 1.0
    for node in reversed(build_topo(by_hand["o"])):
        node._backward()
    by_backward = neuron()
    by_backward["o"].backward()
    for name, grad in NEURON_GRADS.items():
        assert math.isclose(by_hand[name].grad, grad, abs_tol=1e-12), name
        assert math.isclose(by_backward[name].grad, grad, abs_tol=1e-12), name


def test_tanh_written_with_exp_gives_the_same_gradients() -> None:
    v = neuron()
    e = (2 * v["n"]).exp()
    o = (e - 1) / (e + 1)
    o.label = "o"
    o.backward()
    assert math.isclose(o.data, 0.7071067811865476, abs_tol=1e-12)
    for name in ("x1", "w1", "x2", "w2", "b", "n"):
        assert math.isclose(v[name].grad, NEURON_GRADS[name], abs_tol=1e-9), name


def test_the_neuron_against_pytorch() -> None:
    torch = pytest.importorskip("torch")
    inputs = {"x1": 2.0, "x2": 0.0, "w1": -3.0, "w2": 1.0, "b": 6.8813735870195432}
    t = {
        k: torch.tensor([x], dtype=torch.float64, requires_grad=True)
        for k, x in inputs.items()
    }
    out = torch.tanh(t["x1"] * t["w1"] + t["x2"] * t["w2"] + t["b"])
    out.backward()
    v = neuron()
    v["o"].backward()
    assert math.isclose(v["o"].data, out.item(), abs_tol=1e-12)
    for name in inputs:
        assert math.isclose(v[name].grad, t[name].grad.item(), abs_tol=1e-12)


def test_a_value_used_twice_gets_both_gradients() -> None:
    a = Value(3.0, label="a")
    b = a + a
    b.label = "b"
    b.backward()
    assert a.grad == 2.0  # the bug the lecture finds and fixes with +=
    a = Value(-2.0, label="a")
    b = Value(3.0, label="b")
    d = a * b
    e = a + b
    f = d * e
    f.backward()
    assert (a.grad, b.grad) == (-3.0, -8.0)


# ---------------------------------------- second half: the MLP and its loop


class LectureNeuron:
    """The lecture's neuron, in its words: tanh(b + w1*x1 + ...), every
    weight and the bias from random.uniform(-1, 1), on takaisin's Value."""

    def __init__(self, nin: int) -> None:
        self.w = [Value(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = Value(random.uniform(-1, 1))

    def __call__(self, x: list[float]) -> Value:
        total = sum((wi * xi for wi, xi in zip(self.w, x, strict=True)), self.b)
        return total.tanh()

    def parameters(self) -> list[Value]:
        return [*self.w, self.b]


class LectureMLP:
    """Layers of LectureNeurons, as the lecture's Layer and MLP make them."""

    def __init__(self, nin: int, nouts: list[int]) -> None:
        sizes = [nin, *nouts]
        self.layers = [
            [LectureNeuron(sizes[i]) for _ in range(sizes[i + 1])]
            for i in range(len(nouts))
        ]

    def __call__(self, x: list[float]) -> Value | list[Value]:
        for layer in self.layers:
            outs = [neuron(x) for neuron in layer]
            x = outs[0] if len(outs) == 1 else outs
        return x

    def parameters(self) -> list[Value]:
        return [p for layer in self.layers for n in layer for p in n.parameters()]


XS = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
YS = [1.0, -1.0, -1.0, 1.0]  # desired targets


def lecture_network(seed: int) -> MLP:
    """The lecture's MLP(3, [4, 4, 1]) built from takaisin's nn."""
    return MLP(
        3,
        [4, 4, 1],
        activation="tanh",
        last_activation="tanh",
        init="uniform",
        seed=seed,
    )


def train_as_in_the_lecture(n, steps: int = 20) -> tuple[list[float], list[Value]]:
    """The lecture's loop: squared error summed, zero grads, backward, step."""
    losses = []
    for _ in range(steps):
        ypred = [n(x) for x in XS]
        loss = sum((yout - ygt) ** 2 for ygt, yout in zip(YS, ypred, strict=True))
        for p in n.parameters():
            p.grad = 0.0
        loss.backward()
        for p in n.parameters():
            p.data += -0.1 * p.grad
        losses.append(loss.data)
    return losses, ypred


def test_nn_builds_the_lectures_network_weight_for_weight() -> None:
    random.seed(1337)
    theirs = LectureMLP(3, [4, 4, 1])
    ours = lecture_network(1337)
    assert [p.data for p in ours.parameters()] == [p.data for p in theirs.parameters()]
    assert len(ours.parameters()) == 41
    x = [2.0, 3.0, -1.0]
    assert math.isclose(ours(x).data, theirs(x).data, abs_tol=1e-12)


def test_the_training_loop_gives_the_lectures_losses_step_for_step() -> None:
    random.seed(1337)
    their_losses, their_pred = train_as_in_the_lecture(LectureMLP(3, [4, 4, 1]))
    our_losses, our_pred = train_as_in_the_lecture(lecture_network(1337))
    assert our_losses == pytest.approx(their_losses, abs=1e-12)
    assert [y.data for y in our_pred] == pytest.approx(
        [y.data for y in their_pred], abs=1e-12
    )


def test_the_loss_falls_as_in_the_lecture() -> None:
    losses, ypred = train_as_in_the_lecture(lecture_network(1337))
    assert losses[0] > 1.0  # a random network: far off
    assert all(later < earlier for earlier, later in itertools.pairwise(losses))
    assert losses[-1] < 0.05
    for y, target in zip(ypred, YS, strict=True):
        assert abs(y.data - target) < 0.1
