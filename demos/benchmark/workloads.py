"""What `python -m demos benchmark` times: the same training work, twice.

Every workload is written once for takaisin and once for micrograd (Andrej
Karpathy's engine, `pip install micrograd==0.1.0`), doing the same arithmetic
from the same starting weights, so that the two can be timed side by side
and their answers compared number by number.

    moons step    micrograd's own demo: MLP(2, [16, 16, 1]) on 100 moons,
                  hinge loss + 1e-4 * L2, forward + backward + SGD update
    binary step   the same network with every neuron built only from binary
                  + and * nodes, as micrograd builds it, on takaisin
    digits batch  MLP(64, [32, 10]), cross-entropy, Adam, 32 images
    chain         y = y + w, repeated: a graph as deep as it is long

A `Trainer` bundles one engine's side of a workload: `forward()` builds the
graph and returns the loss node; then the usual `zero_grad()`,
`loss.backward()` and `update()`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import nn
from demos.datasets import load_digits, make_moons, train_test_split
from engine import Value, topo_sort

ALPHA = 1e-4  # weight of the L2 penalty in micrograd's moons demo


@dataclass
class Trainer:
    """One engine's training step, in the three parts every loop has."""

    forward: Callable[[], Any]  # builds the graph, returns the loss node
    zero_grad: Callable[[], None]
    update: Callable[[], None]  # one optimizer step, after backward
    params: list  # the model's parameters (leaves with .data and .grad)


def demo_lr(step: int) -> float:
    """micrograd's demo schedule: 1.0 at step 0, falling to 0.1 at step 100."""
    return 1.0 - 0.9 * step / 100


# ------------------------------------------------------------------ data
def moons(n: int, seed: int = 0) -> tuple[list[list[float]], list[int]]:
    """n moons points with noise 0.1 and labels -1/+1 (what hinge wants)."""
    X, y = make_moons(n, noise=0.1, seed=seed)
    return X, [2 * label - 1 for label in y]


def digits(seed: int = 0) -> tuple[list[list[float]], list[int]]:
    """The training split of the digits demo: pixels scaled to 0..1."""
    images, labels = load_digits()
    X = [[p / 16 for p in image] for image in images]
    X_train, _, y_train, _ = train_test_split(X, labels, 0.25, seed=seed)
    return X_train, y_train


def batches(n: int, size: int, seed: int) -> list[list[int]]:
    """The indices 0..n-1 shuffled and cut into batches of `size`."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[i : i + size] for i in range(0, n, size)]


# -------------------------------------------------------------- takaisin
def fused_moons_loss(
    model: nn.MLP, params: list[Value], X: Sequence, y: Sequence[int]
) -> Value:
    """The graph takaisin builds by default: one `Σ w·x + b` node and one
    ReLU node per neuron, one hinge node per point, one l2 node."""
    scores = [model(x) for x in X]
    return nn.hinge(scores, y) + ALPHA * nn.l2(params)


def binary_neuron(neuron: nn.Neuron, xs: list[Value]) -> Value:
    """g(b + w1*x1 + ... + wn*xn) from binary nodes: n `*` and n `+` nodes."""
    z = sum((wi * xi for wi, xi in zip(neuron.w, xs, strict=True)), neuron.b)
    return z.relu() if neuron.activation == "relu" else z


def binary_moons_loss(
    model: nn.MLP, params: list[Value], X: Sequence, y: Sequence[int]
) -> Value:
    """micrograd's graph, node for node, built on takaisin from `model`'s own
    parameters: binary neurons, and the loss made of +, * and relu."""
    scores = []
    for x in X:
        h = [Value(xi) for xi in x]
        for layer in model.layers:
            h = [binary_neuron(neuron, h) for neuron in layer.neurons]
        scores.append(h[0])
    losses = [(1 - yi * s).relu() for yi, s in zip(y, scores, strict=True)]
    data_loss = sum(losses) * (1.0 / len(losses))
    return data_loss + ALPHA * sum(p * p for p in params)


def takaisin_moons(model: nn.MLP, X: Sequence, y: Sequence[int], binary: bool):
    """A Trainer for the moons demo step with nn's SGD and micrograd's schedule."""
    loss_of = binary_moons_loss if binary else fused_moons_loss
    params = model.parameters()  # listed once: the list is built label by label
    optimizer = nn.SGD(params, lr=demo_lr(0))
    steps = [0]

    def update() -> None:
        optimizer.lr = demo_lr(steps[0])
        optimizer.step()
        steps[0] += 1

    return Trainer(
        lambda: loss_of(model, params, X, y), optimizer.zero_grad, update, params
    )


def takaisin_digits(model: nn.MLP, X: Sequence, y: Sequence[int], batch_list: list):
    """A Trainer that takes one minibatch per step, cross-entropy and Adam."""
    optimizer = nn.Adam(model.parameters(), lr=0.01)
    next_batch = iter(batch_list)

    def forward() -> Value:
        batch = next(next_batch)
        logits = [model(X[i]) for i in batch]
        return nn.cross_entropy(logits, [y[i] for i in batch])

    return Trainer(forward, optimizer.zero_grad, optimizer.step, optimizer.params)


def takaisin_chain(n: int) -> tuple[Value, Value]:
    """y = w + w + ... + w as n `+` nodes in a row; returns (y, w)."""
    w = Value(1.0, "w")
    y = w
    for _ in range(n):
        y = y + w
    return y, w


def takaisin_graph_size(root: Value) -> tuple[int, int]:
    """(nodes, edges) of root's graph."""
    order = topo_sort(root)
    return len(order), sum(len(node.parents) for node in order)


# ------------------------------------------------------------- micrograd
def micrograd_twin(model: nn.MLP):
    """micrograd's MLP with the same shape and the same weights as `model`.

    Both list their parameters layer by layer, neuron by neuron, weights
    then bias, and both make every layer but the last ReLU.
    """
    from micrograd.nn import MLP

    if any(layer.activation != "relu" for layer in model.layers[:-1]):
        raise ValueError("micrograd's MLP has ReLU hidden layers only")
    twin = MLP(model.nin, list(model.nouts))
    for theirs, ours in zip(twin.parameters(), model.parameters(), strict=True):
        theirs.data = ours.data
    return twin


def micrograd_moons_loss(model, X: Sequence, y: Sequence[int]):
    """The loss of micrograd's demo notebook, line for line."""
    from micrograd.engine import Value as MgValue

    inputs = [[MgValue(xi) for xi in row] for row in X]
    scores = [model(x) for x in inputs]
    losses = [(1 + -yi * s).relu() for yi, s in zip(y, scores, strict=True)]
    data_loss = sum(losses) * (1.0 / len(losses))
    return data_loss + ALPHA * sum(p * p for p in model.parameters())


def sgd_update(params: list, lr_of_step: Callable[[int], float]) -> Callable:
    """`p.data -= lr * p.grad`, micrograd's demo update, with a step counter."""
    steps = [0]

    def update() -> None:
        lr = lr_of_step(steps[0])
        for p in params:
            p.data -= lr * p.grad
        steps[0] += 1

    return update


def micrograd_moons(model, X: Sequence, y: Sequence[int]) -> Trainer:
    params = model.parameters()
    return Trainer(
        lambda: micrograd_moons_loss(model, X, y),
        model.zero_grad,
        sgd_update(params, demo_lr),
        params,
    )


def _mg_exp(v):
    """e**v for micrograd, in micrograd's style (it has no exp of its own)."""
    from micrograd.engine import Value as MgValue

    out = MgValue(math.exp(v.data), (v,), "exp")

    def _backward() -> None:
        v.grad += out.data * out.grad  # d(e**v)/dv = e**v

    out._backward = _backward
    return out


def _mg_log(v):
    """ln(v) for micrograd, in micrograd's style (it has no log of its own)."""
    from micrograd.engine import Value as MgValue

    out = MgValue(math.log(v.data), (v,), "log")

    def _backward() -> None:
        v.grad += out.grad / v.data  # d(ln v)/dv = 1/v

    out._backward = _backward
    return out


def micrograd_cross_entropy(logit_rows: list, targets: list[int]):
    """Mean of log Σ_k e**(z_k - m) + m - z_t over the batch (m = max z)."""
    losses = []
    for zs, t in zip(logit_rows, targets, strict=True):
        top = max(z.data for z in zs)
        total = sum(_mg_exp(z - top) for z in zs)
        losses.append(_mg_log(total) + top - zs[t])
    return sum(losses) * (1.0 / len(losses))


class FloatAdam:
    """Adam (lr, betas 0.9/0.999, eps 1e-8) over anything with .data and
    .grad: micrograd has no optimizers."""

    def __init__(self, params: list, lr: float) -> None:
        self.params, self.lr, self.t = params, lr, 0
        self.m = [0.0] * len(params)
        self.v = [0.0] * len(params)

    def step(self) -> None:
        self.t += 1
        b1, b2 = 0.9, 0.999
        for i, p in enumerate(self.params):
            g = p.grad
            self.m[i] = b1 * self.m[i] + (1 - b1) * g
            self.v[i] = b2 * self.v[i] + (1 - b2) * g * g
            m_hat = self.m[i] / (1 - b1**self.t)
            v_hat = self.v[i] / (1 - b2**self.t)
            p.data -= self.lr * m_hat / (math.sqrt(v_hat) + 1e-8)


def micrograd_digits(model, X: Sequence, y: Sequence[int], batch_list: list):
    from micrograd.engine import Value as MgValue

    optimizer = FloatAdam(model.parameters(), lr=0.01)
    next_batch = iter(batch_list)

    def forward():
        batch = next(next_batch)
        logits = [model([MgValue(p) for p in X[i]]) for i in batch]
        return micrograd_cross_entropy(logits, [y[i] for i in batch])

    return Trainer(forward, model.zero_grad, optimizer.step, model.parameters())


def micrograd_chain(n: int):
    """y = w + w + ... + w in micrograd; returns (y, w)."""
    from micrograd.engine import Value as MgValue

    w = MgValue(1.0)
    y = w
    for _ in range(n):
        y = y + w
    return y, w


def micrograd_graph_size(root) -> tuple[int, int]:
    """(nodes, edges) of a micrograd graph, walked without recursion."""
    seen = {id(root)}
    stack = [root]
    edges = 0
    while stack:
        node = stack.pop()
        edges += len(node._prev)  # a set: `a * a` has one edge in micrograd
        for parent in node._prev:
            if id(parent) not in seen:
                seen.add(id(parent))
                stack.append(parent)
    return len(seen), edges
