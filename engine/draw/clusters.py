"""Which neuron of which layer each node of a graph belongs to.

`draw_dot(..., cluster=True)` draws a box around every neuron and every
layer. The engine knows nothing about networks (it never imports `nn`), but
`nn` names its parameters `L{layer}.N{neuron}.w{i}` and `L{layer}.N{neuron}.b`
(1-based), and that is enough:

- a parameter belongs to the neuron its label names;
- a computed node belongs to a neuron when the parameters among its parents
  all belong to that neuron (the weighted sum of neuron 3 uses neuron 3's
  weights, even though its inputs come from the layer before);
- a sum ("+", "Σ") belongs to a neuron when all its non-constant parents do
  (adding up w1*x1 + w2*x2 built from single `*` and `+`);
- an activation (tanh, relu, sigmoid) belongs to the neuron of its input;
- a constant (a number an operator wrapped, the 2 in `x * 2`) goes with
  the node that uses it.

Anything else (inputs, the loss) stays outside every box.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engine.value import Value

NeuronKey = tuple[int, int]  # (layer, neuron), both 1-based as in the labels

SUMS = ("+", "Σ")
ACTIVATIONS = ("tanh", "relu", "sigmoid")
_PARAMETER_LABEL = re.compile(r"^L(\d+)\.N(\d+)\.")


def neuron_of_label(label: str) -> NeuronKey | None:
    """(layer, neuron) named by a parameter label: "L1.N3.w2" -> (1, 3)."""
    match = _PARAMETER_LABEL.match(label)
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2))


def assign_neurons(
    order: Sequence[Value], is_constant: Callable[[Value], bool]
) -> dict[Value, NeuronKey]:
    """The neuron of every node that has one; `order` lists parents first."""
    neuron: dict[Value, NeuronKey] = {}
    for node in order:
        if not node.parents:
            key = neuron_of_label(node.label)
            if key is not None:
                neuron[node] = key
            continue
        key = _neuron_of_computed(node, neuron, is_constant)
        if key is not None:
            neuron[node] = key
    # A constant joins its user's neuron when all its users agree.
    users: dict[Value, set[NeuronKey | None]] = {}
    for node in order:
        for parent in node.parents:
            if is_constant(parent):
                users.setdefault(parent, set()).add(neuron.get(node))
    for constant, keys in users.items():
        if len(keys) == 1 and None not in keys:
            neuron[constant] = keys.pop()
    return neuron


def _neuron_of_computed(
    node: Value,
    neuron: dict[Value, NeuronKey],
    is_constant: Callable[[Value], bool],
) -> NeuronKey | None:
    """The neuron of a computed node, from its parents' neurons (see the top)."""
    from_parameters = {neuron[p] for p in node.parents if not p.parents and p in neuron}
    if from_parameters:
        candidates: set[NeuronKey | None] = set(from_parameters)
    elif node.op in SUMS or node.op in ACTIVATIONS:
        candidates = {neuron.get(p) for p in node.parents if not is_constant(p)}
    else:
        return None
    if len(candidates) == 1 and None not in candidates:
        return candidates.pop()
    return None
