"""Tests for `python -m demos benchmark` (demos/benchmark.py and its helpers
bench_workloads.py, bench_measure.py, bench_report.py).

Never a timing assertion: the machine is shared. What is checked is that the
benchmark runs, prints its tables, and that the two engines it times really
do the same work (same loss, same gradients, node for node the same graph).
"""

from __future__ import annotations

import gc
import math
import re
import signal

import pytest

import nn
from demos.__main__ import main as demos_main
from demos.benchmark import measure
from demos.benchmark import workloads as work
from demos.benchmark.benchmark import check_same_answers
from demos.benchmark.report import fmt_time, table
from engine import Value

try:
    import micrograd.engine
except ImportError:  # the takaisin-only tests still run
    micrograd = None
needs_micrograd = pytest.mark.skipif(
    micrograd is None, reason="micrograd is not installed (pip install micrograd)"
)


def small_moons() -> tuple[list, list]:
    return work.moons(6, seed=1)


def loss_and_grads(trainer: work.Trainer) -> tuple[float, list[float]]:
    loss = trainer.forward()
    trainer.zero_grad()
    loss.backward()
    return loss.data, [p.grad for p in trainer.params]


def assert_same(a: tuple[float, list[float]], b: tuple[float, list[float]]) -> None:
    assert a[0] == pytest.approx(b[0], rel=1e-12, abs=1e-12)
    assert a[1] == pytest.approx(b[1], rel=1e-9, abs=1e-12)


def header_cells(output: str, first: str) -> list[str]:
    """The column names of the Markdown table whose first column is `first`."""
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == first:
            return cells
    raise AssertionError(f"no table starting with {first!r} in:\n{output}")


# ---------------------------------------------------------- the command
def test_quick_run_prints_every_table_with_its_columns(capsys) -> None:
    assert demos_main(["benchmark", "--quick"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("$ python -m demos benchmark --quick\n")
    assert re.search(r"Python 3\.\d+\.\d+, \w+ \w+", out)  # version and machine
    assert header_cells(out, "workload") == [
        "workload", "takaisin", "micrograd", "ratio", "target", "met",
    ]  # fmt: skip
    assert header_cells(out, "moons graph of one step") == [
        "moons graph of one step", "nodes", "edges", "bytes/node", "bytes/edge",
        "whole graph", "target",
    ]  # fmt: skip
    assert header_cells(out, "moons step, ms (medians)") == [
        "moons step, ms (medians)", "forward", "backward", "update", "free",
        "in gc", "total", "objects left for gc",
    ]  # fmt: skip
    for workload in (
        "moons step, one dot node per neuron: collector on in both",
        "moons step, one dot node per neuron: takaisin's collector paused",
        "moons step, binary + and * only: collector on in both",
        "backward per node, dot-node graph",
        "digits: one epoch",
        "10,000-node chain",
    ):
        assert f"| {workload}" in out
    if micrograd is not None:
        assert "same to 1e-9" in out
        assert "RecursionError at 1,000 nodes" in out
    assert "playground: skipped (--quick)" in out


def test_the_full_run_measures_the_playground_over_http() -> None:
    from demos.benchmark.benchmark import run_playground

    lines = run_playground(0.5)  # a short run: only that it works
    assert lines[0].startswith("playground (")
    assert any("training steps/s" in line for line in lines)
    assert any("click answered" in line for line in lines)


def test_without_micrograd_takaisin_is_still_measured(capsys) -> None:
    assert demos_main(["benchmark", "--quick", "--no-micrograd"]) == 0
    out = capsys.readouterr().out
    assert "micrograd was not measured" in out
    assert not re.search(r"^\| micrograd", out, re.MULTILINE)  # no rows of it


# ------------------------------------------------- the same work, checked
def test_binary_graph_gives_the_fused_graphs_loss_and_gradients() -> None:
    X, y = small_moons()
    fused = work.takaisin_moons(nn.MLP(2, [16, 16, 1], seed=3), X, y, binary=False)
    binary = work.takaisin_moons(nn.MLP(2, [16, 16, 1], seed=3), X, y, binary=True)
    assert_same(loss_and_grads(binary), loss_and_grads(fused))


@needs_micrograd
def test_micrograd_twin_computes_the_same_moons_loss_and_gradients() -> None:
    X, y = small_moons()
    model = nn.MLP(2, [16, 16, 1], seed=4)
    ours = work.takaisin_moons(model, X, y, binary=False)
    theirs = work.micrograd_moons(work.micrograd_twin(model), X, y)
    assert_same(loss_and_grads(theirs), loss_and_grads(ours))


@needs_micrograd
def test_binary_graph_is_micrograds_graph_node_for_node() -> None:
    X, y = small_moons()
    model = nn.MLP(2, [16, 16, 1], seed=5)
    ours = work.binary_moons_loss(model, model.parameters(), X, y)
    theirs = work.micrograd_moons_loss(work.micrograd_twin(model), X, y)
    nodes, _ = work.takaisin_graph_size(ours)
    assert nodes == work.micrograd_graph_size(theirs)[0]
    fused_nodes, _ = work.takaisin_graph_size(
        work.fused_moons_loss(model, model.parameters(), X, y)
    )
    assert fused_nodes < nodes / 5  # the point of one node per neuron


def test_a_disagreeing_engine_stops_the_benchmark() -> None:
    X, y = small_moons()
    trainers = {
        f"seed {seed}": work.takaisin_moons(
            nn.MLP(2, [16, 16, 1], seed=seed), X, y, False
        )
        for seed in (0, 1)
    }
    with pytest.raises(SystemExit, match="disagree"):
        check_same_answers(trainers)


@needs_micrograd
def test_micrograd_cross_entropy_matches_nn_cross_entropy() -> None:
    from micrograd.engine import Value as MgValue

    rows = [[0.5, -1.0, 2.0], [3.0, 0.1, -0.4]]
    targets = [2, 0]
    ours = [[Value(z) for z in row] for row in rows]
    theirs = [[MgValue(z) for z in row] for row in rows]
    a = nn.cross_entropy(ours, targets)
    b = work.micrograd_cross_entropy(theirs, targets)
    a.backward()
    b.backward()
    assert b.data == pytest.approx(a.data, rel=1e-12)
    for row_ours, row_theirs in zip(ours, theirs, strict=True):
        for z, m in zip(row_ours, row_theirs, strict=True):
            assert m.grad == pytest.approx(z.grad, rel=1e-9, abs=1e-12)


def test_float_adam_takes_nn_adams_steps() -> None:
    ours = [Value(1.0), Value(-2.0)]
    plain = [Value(1.0), Value(-2.0)]
    adam, float_adam = nn.Adam(ours, lr=0.01), work.FloatAdam(plain, lr=0.01)
    for step in range(5):
        for p, q, g in zip(
            ours, plain, (0.3 * step - 0.5, 1.0 / (step + 1)), strict=True
        ):
            p.grad = q.grad = g
        adam.step()
        float_adam.step()
    assert [p.data for p in plain] == pytest.approx([p.data for p in ours], rel=1e-12)


def test_a_million_deep_chain_is_no_problem_for_takaisin_but_for_micrograd() -> None:
    y, w = work.takaisin_chain(20_000)  # far past Python's recursion limit
    y.backward()
    assert w.grad == 20_001
    if micrograd is not None:
        y, _ = work.micrograd_chain(1_000)
        with pytest.raises(RecursionError):
            y.backward()


# ------------------------------------------------------------ measuring
def test_takaisin_leaves_nothing_for_the_collector_micrograd_does() -> None:
    X, y = small_moons()
    ours = work.takaisin_moons(nn.MLP(2, [16, 16, 1], seed=0), X, y, binary=False)
    step = measure.time_step(ours, collect=False)
    assert step.garbage == 0  # no cycles: reference counting freed the graph
    assert step.total > 0 and math.isfinite(step.loss)
    if micrograd is not None:
        twin = work.micrograd_twin(nn.MLP(2, [16, 16, 1], seed=0))
        theirs = measure.time_step(work.micrograd_moons(twin, X, y), collect=True)
        assert theirs.garbage > 1000  # every node is in a reference cycle
        assert theirs.loss == pytest.approx(step.loss, rel=1e-12)


@pytest.mark.parametrize("enabled", [True, False])
def test_gc_paused_restores_the_collector_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with pytest.raises(KeyError), measure.gc_paused():
            assert not gc.isenabled()
            raise KeyError("leaves the block early")
        assert gc.isenabled() == enabled
    finally:
        gc.enable() if was else gc.disable()


def test_gc_clock_listens_only_inside_its_block() -> None:
    with measure.GcClock() as clock:
        assert clock in gc.callbacks
        gc.collect()
    assert clock not in gc.callbacks
    assert clock.seconds >= 0.0


def test_graph_bytes_counts_the_memory_of_a_live_graph() -> None:
    X, y = small_moons()
    model = nn.MLP(2, [16, 16, 1], seed=0)
    root, used = measure.graph_bytes(
        lambda: work.fused_moons_loss(model, model.parameters(), X, y)
    )
    _, edges = work.takaisin_graph_size(root)
    assert 8 * edges < used  # at least a pointer per edge
    assert root.grad == 1.0  # backpropagated, as a training step would


# -------------------------------------------------------------- reports
def test_table_is_markdown_with_aligned_columns() -> None:
    text = table(["a", "long header"], [["1", "2"], ["333", "4"]])
    lines = text.splitlines()
    assert lines[0] == "| a   | long header |"
    assert lines[1] == "|-----|-------------|"
    assert len({len(line) for line in lines}) == 1


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(2.345, "2.35 s"), (0.0142, "14.2 ms"), (0.00035, "350 µs")],
)
def test_times_read_in_sensible_units(seconds: float, text: str) -> None:
    assert fmt_time(seconds) == text


def test_ctrl_c_during_a_timed_collection_still_stops_the_benchmark():
    # Ctrl-C that arrived while the collector ran (most of micrograd's time)
    # was raised inside GcClock's callback, printed as "Exception ignored"
    # and dropped: the benchmark ran on to the end
    def press_ctrl_c(phase, info):
        if phase == "start":
            signal.raise_signal(signal.SIGINT)

    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    gc.callbacks.insert(0, press_ctrl_c)
    try:
        with pytest.raises(KeyboardInterrupt), measure.GcClock() as clock:
            gc.collect()
    finally:
        gc.callbacks.remove(press_ctrl_c)
    assert clock.seconds >= 0
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
