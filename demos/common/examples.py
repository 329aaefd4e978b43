"""Small graphs to watch backpropagation on: a neuron, a reused value, a net.

Each function builds a fresh graph (forward pass done, no grads yet) and
returns its root, with labels on the nodes a learner should recognise. Used
by `python -m demos explain` and `python -m demos stepper --example NAME`.
"""

from __future__ import annotations

from collections.abc import Callable

from engine import Value, dot, topo_sort


def neuron() -> Value:
    """z = tanh(w1·x1 + w2·x2 + b): one neuron g(w·x) with g = tanh.

    The numbers make tanh's slope exactly 1/2, so the grads are easy to
    check by hand: dz/ds = 1 - z² = 1 - 0.5 = 0.5.
    """
    x1, x2 = Value(2.0, label="x1"), Value(0.0, label="x2")
    w1, w2 = Value(-3.0, label="w1"), Value(1.0, label="w2")
    b = Value(0.8813735870195432 + 6.0, label="b")  # atanh(1/√2) + 6
    s = dot([w1, w2], [x1, x2], b)  # one node: Σ w·x + b
    s.label = "s"
    z = s.tanh()
    z.label = "z"
    return z


def expression() -> Value:
    """L = (a·b + c) · f: plain arithmetic, each step its own node."""
    a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    c, f = Value(10.0, label="c"), Value(-2.0, label="f")
    e = a * b
    e.label = "e"
    d = e + c
    d.label = "d"
    L = d * f
    L.label = "L"
    return L


def reuse() -> Value:
    """y = a·a + a·b: `a` is used three times, so three shares add up in a.grad."""
    a, b = Value(3.0, label="a"), Value(2.0, label="b")
    square = a * a
    square.label = "sq"
    product = a * b
    product.label = "ab"
    y = square + product
    y.label = "y"
    return y


def network(hidden: tuple[int, ...] = (3,), seed: int = 1) -> Value:
    """L = (M(x) - target)²: a small tanh network on one example.

    x = [1.0, -2.0], target 1.0. The parameters carry nn's labels
    (L1.N2.w1 is layer 1, neuron 2, weight 1).
    """
    from nn import MLP  # here, so the other examples need only the engine

    model = MLP(2, [*hidden, 1], activation="tanh", seed=seed)
    y = model([1.0, -2.0])
    label_neurons(y)
    y.label = "y"
    error = y - Value(1.0, label="target")
    error.label = "err"
    L = error**2
    L.label = "L"
    return L


def label_neurons(root: Value) -> None:
    """Name each neuron's inner nodes after its weights: L1.N2.s for the sum
    w·x + b, L1.N2.z for g(s). nn leaves them unlabelled (they are made anew
    on every call); a trace reads better with names than with n7, n8."""
    for node in topo_sort(root):
        if node.op == "Σ w·x + b" and not node.label:
            first_weight = node.parents[0].label  # e.g. "L1.N2.w1"
            if first_weight.endswith(".w1"):
                node.label = first_weight[: -len("w1")] + "s"
    for node in topo_sort(root):
        if node.op in ("tanh", "relu", "sigmoid") and not node.label:
            (s,) = node.parents
            if s.label.endswith(".s"):
                node.label = s.label[: -len("s")] + "z"


def unsafe_labels() -> Value:
    """A graph whose labels look like HTML: the stepper must show them as text."""
    a = Value(1.5, label="<script>alert(1)</script>")
    b = Value(-2.0, label='"quotes" & <b>bold</b>')
    y = (a * b).tanh()
    y.label = "</script><img src=x onerror=alert(2)>"
    return y


# name -> (one-line description, builder). The stepper's --example choices.
EXAMPLES: dict[str, tuple[str, Callable[[], Value]]] = {
    "neuron": ("one neuron z = tanh(w1·x1 + w2·x2 + b)", neuron),
    "expression": ("L = (a·b + c)·f, one operation at a time", expression),
    "reuse": ("y = a·a + a·b: a value used three times", reuse),
    "net": ("a 2-3-1 tanh network and its squared error", network),
    "deep": ("a 2-3-3-1 tanh network (71 steps)", lambda: network((3, 3))),
}
