"""What per-thread grad mode costs: `new_node` against a one-flag twin.

Every operation ends in `engine.value.new_node`, which asks whether this
thread records a graph (`no_grad()` is per thread, as in PyTorch, so the
playground can draw under `no_grad()` in one thread while it trains in
another). Before, that question was one module-level flag, read in a few
nanoseconds but shared by all threads. This file times the real `new_node`
beside a copy that reads such a flag, in the same process, taking turns,
and reports the difference per node.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from time import perf_counter

from engine.value import Value, new_node

# The old design: one flag for the whole process.
_RECORDING = True


def new_node_with_one_flag(
    data: float, op: str, parents: tuple, local_grads: tuple
) -> Value:
    """`new_node` as it was with a module-level flag (the baseline)."""
    out = Value.__new__(Value)
    out.data = data
    out.grad = 0.0
    out.label = ""
    if _RECORDING:
        out.op = op
        out.parents = parents
        out.local_grads = local_grads
    else:
        out.op = ""
        out.parents = ()
        out.local_grads = ()
    return out


def _chain(make: Callable[..., Value], n: int) -> float:
    """Seconds to make an n-node chain with `make` (the chain is then freed)."""
    x = Value(1.0)
    one = (1.0,)
    start = perf_counter()
    for _ in range(n):
        x = make(1.0, "+", (x,), one)
    elapsed = perf_counter() - start
    del x  # freeing is not timed: it is the same for both
    return elapsed


@dataclass
class GradModeCost:
    per_thread_ns: float  # median ns per node, the real new_node
    one_flag_ns: float  # median ns per node, the one-flag twin
    nodes: int
    rounds: int

    def lines(self) -> list[str]:
        extra = self.per_thread_ns - self.one_flag_ns
        return [
            f"new_node, per-thread grad mode (ContextVar): {self.per_thread_ns:.0f} "
            "ns per node",
            f"new_node with one process-wide flag (before): {self.one_flag_ns:.0f} "
            "ns per node",
            f"per-thread grad mode costs {extra:+.0f} ns per node "
            f"({extra / self.one_flag_ns:+.1%}); medians of {self.rounds} "
            f"interleaved rounds of a {self.nodes:,}-node chain",
        ]


def measure(nodes: int = 100_000, rounds: int = 21) -> GradModeCost:
    """Time both, alternating which goes first, and take the medians."""
    real, twin = [], []
    for i in range(rounds):
        pair = [(real, new_node), (twin, new_node_with_one_flag)]
        for times, make in pair if i % 2 == 0 else reversed(pair):
            times.append(_chain(make, nodes) / nodes)
    return GradModeCost(
        per_thread_ns=statistics.median(real) * 1e9,
        one_flag_ns=statistics.median(twin) * 1e9,
        nodes=nodes,
        rounds=rounds,
    )
