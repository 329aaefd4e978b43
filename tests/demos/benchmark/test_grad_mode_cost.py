"""demos/benchmark/grad_mode_cost.py: the twin makes the same nodes; the report."""

from __future__ import annotations

from demos.benchmark import grad_mode_cost
from demos.benchmark.grad_mode_cost import GradModeCost, measure, new_node_with_one_flag
from engine.value import Value, new_node


def test_the_twin_makes_the_very_node_new_node_makes():
    a = Value(2.0)
    ours = new_node(3.0, "+", (a,), (1.0,))
    twin = new_node_with_one_flag(3.0, "+", (a,), (1.0,))
    fields = ("data", "grad", "label", "op", "parents", "local_grads")
    assert [getattr(ours, f) for f in fields] == [getattr(twin, f) for f in fields]


def test_the_twin_honours_its_flag(monkeypatch):
    monkeypatch.setattr(grad_mode_cost, "_RECORDING", False)
    leaf = new_node_with_one_flag(3.0, "+", (Value(2.0),), (1.0,))
    assert leaf.parents == () and leaf.op == ""


def test_measure_reports_both_and_their_difference():
    cost = measure(nodes=200, rounds=3)
    assert cost.per_thread_ns > 0 and cost.one_flag_ns > 0
    lines = cost.lines()
    assert lines[0].startswith("new_node, per-thread grad mode (ContextVar): ")
    assert "medians of 3 interleaved rounds of a 200-node chain" in lines[2]


def test_the_difference_is_signed():
    text = GradModeCost(510.0, 500.0, 1000, 5).lines()[2]
    assert text.startswith("per-thread grad mode costs +10 ns per node (+2.0%)")
