"""Hypothesis strategies shared by the tests: numbers and whole random programs.

A *program* is a small recipe for an expression graph: it starts from a few
inputs and each step applies one operation to earlier results, chosen at
random, so results get reused (shared subexpressions, a node used many
times). The same recipe can run on takaisin Values, on PyTorch tensors, or on
plain floats for central differences, which makes it a fair comparison.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hypothesis import strategies as st


def reals(low: float = -3.0, high: float = 3.0) -> st.SearchStrategy[float]:
    """Finite floats in [low, high]."""
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


# Each operation is written once, in terms of the operand objects' own
# methods and operators, so the same line works for Values and for tensors.
# They are all smooth (no kinks, so central differences are accurate) and
# keep numbers moderate, so gradients stay comparable.
UNARY: dict[str, Callable] = {
    "neg": lambda a: -a,
    "tanh": lambda a: a.tanh(),
    "sigmoid": lambda a: a.sigmoid(),
    "exp_tanh": lambda a: a.tanh().exp(),
    "log_1_plus_square": lambda a: (1 + a * a).log(),
    "square": lambda a: a**2,
    "cube_small": lambda a: a.tanh() ** 3,
    "sqrt_1_plus_square": lambda a: (1 + a * a) ** 0.5,
    "reciprocal_safe": lambda a: 1 / (2 + a.tanh()),
}
BINARY: dict[str, Callable] = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div_safe": lambda a, b: a / (1.5 + b.sigmoid()),
    "pow_value": lambda a, b: (1 + a.sigmoid()) ** b.tanh(),
    "const_left": lambda a, b: 2.0 - a * 0.5 + 3 / (2 + b.tanh()),
}


@dataclass(frozen=True)
class Program:
    """Inputs count, then steps (op name, index of operand a, index of b)."""

    n_inputs: int
    steps: tuple[tuple[str, int, int], ...]

    def run(self, inputs: Sequence) -> object:
        """Apply the steps; return the sum of the last two results."""
        pool = list(inputs)
        for name, i, j in self.steps:
            if name in UNARY:
                pool.append(UNARY[name](pool[i]))
            else:
                pool.append(BINARY[name](pool[i], pool[j]))
        # Summing two results makes the root depend on more of the graph.
        return pool[-1] + pool[-2] if len(pool) > 1 else pool[-1] * 1.0


@st.composite
def programs(draw: st.DrawFn, max_inputs: int = 4, max_steps: int = 12) -> Program:
    n_inputs = draw(st.integers(1, max_inputs))
    n_steps = draw(st.integers(1, max_steps))
    names = sorted(UNARY) + sorted(BINARY)
    steps = []
    for k in range(n_steps):
        pool_size = n_inputs + k
        name = draw(st.sampled_from(names))
        i = draw(st.integers(0, pool_size - 1))
        j = draw(st.integers(0, pool_size - 1))  # j == i: a node used twice
        steps.append((name, i, j))
    return Program(n_inputs, tuple(steps))


@st.composite
def programs_with_inputs(
    draw: st.DrawFn, max_inputs: int = 4, max_steps: int = 12
) -> tuple[Program, list[float]]:
    program = draw(programs(max_inputs, max_steps))
    xs = draw(
        st.lists(reals(-2.0, 2.0), min_size=program.n_inputs, max_size=program.n_inputs)
    )
    return program, xs


def close(a: float, b: float, tol: float) -> bool:
    """|a - b| <= tol relative to the larger of 1 and |b|."""
    return math.isclose(a, b, rel_tol=tol, abs_tol=tol)
