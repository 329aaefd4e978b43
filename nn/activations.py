"""Activation functions g: what a neuron does with its weighted sum.

A neuron computes z = w·x + b and then passes z through g. Without g, a
stack of layers would still be one linear function (a matrix times a matrix
is a matrix); g is what lets a network bend its decision boundary.

    relu     g(z) = max(0, z)            g'(z) = 1 if z > 0 else 0
    tanh     g(z) = tanh(z)              g'(z) = 1 - g(z)**2
    sigmoid  g(z) = 1 / (1 + e**-z)      g'(z) = g(z) * (1 - g(z))
    linear   g(z) = z                    (no node at all: the last layer)

Each g is one method of `Value` (in `engine/value.py`), which records g'.
"""

from __future__ import annotations

from collections.abc import Callable

from engine import Value
from engine.validate import short_repr

# name -> the Value method that applies it; None means "leave z as it is".
ACTIVATIONS: dict[str, Callable[[Value], Value] | None] = {
    "relu": Value.relu,
    "tanh": Value.tanh,
    "sigmoid": Value.sigmoid,
    "linear": None,
}


def check_activation(name: str) -> str:
    """`name` if it is a known activation, else a ValueError listing them."""
    if not isinstance(name, str) or name not in ACTIVATIONS:  # ["relu"]: no key
        known = ", ".join(repr(a) for a in ACTIVATIONS)
        raise ValueError(
            f"unknown activation {short_repr(name)}; choose one of {known}"
        )
    return name


def activate(z: Value, name: str) -> Value:
    """g(z) for the activation called `name` (z itself for "linear")."""
    g = ACTIVATIONS[name]
    return z if g is None else g(z)
