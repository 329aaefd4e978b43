"""Speed and memory: takaisin beside micrograd, on micrograd's own demo.

Runs the same workloads on both engines, taking turns (a noisy machine then
slows both alike), several rounds, and reports medians and the ratio of the
two from the same run. First it checks that both compute the same loss and
the same 337 gradients to 1e-9: a fast wrong answer would be no result.

    python -m demos benchmark            the full run (about a minute idle)
    python -m demos benchmark --quick    a few seconds, smaller workloads

Times are CPU seconds of this process (`--wall` for the wall clock). Each
moons step is timed three ways: with Python's cyclic garbage collector on,
as every program runs; with it paused inside takaisin's step only (safe,
because takaisin's graphs have no reference cycles: they are still freed
at once); and paused in both steps (micrograd must still run the collector
afterwards to free its graph, and that is timed). measure.py explains
how; workloads.py holds the work itself.

Then the playground (`python -m demos playground`) over real HTTP on
127.0.0.1 for a few seconds: training steps/s, frames/s, click latency
(demos/playground/bench.py; skipped with `--quick`).

Needs micrograd for the comparison (`pip install micrograd==0.1.0`, in the
`bench` extra); without it only takaisin's side is measured.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial

import nn
from demos.benchmark import grad_mode_cost, measure
from demos.benchmark import workloads as work
from demos.benchmark.measure import (
    PAUSED,
    gc_paused,
    graph_bytes,
    interleave,
    time_step,
)
from demos.benchmark.report import report
from demos.common.cli import positive_int


@dataclass
class Sizes:
    """How big each workload is: the full run or `--quick`."""

    points: int  # moons points per step
    repeats: int  # rounds of moons steps
    digit_images: int | None  # None: the whole training split
    digit_batch: int
    micrograd_batches: int  # digits batches micrograd also runs
    chain: int
    playground_seconds: float  # 0: the playground is not measured


FULL = Sizes(
    points=100,
    repeats=7,
    digit_images=None,
    digit_batch=32,
    micrograd_batches=3,
    chain=1_000_000,
    playground_seconds=4.0,
)
QUICK = Sizes(
    points=20,
    repeats=1,
    digit_images=64,
    digit_batch=16,
    micrograd_batches=1,
    chain=10_000,
    playground_seconds=0.0,
)
TOLERANCE = 1e-9


def has_micrograd() -> bool:
    try:
        import micrograd.engine  # noqa: F401
    except ImportError:
        return False
    return True


def machine() -> str:
    """'Python 3.11.7, Linux x86_64, AMD EPYC (2 cores)'."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            names = [line.split(":", 1)[1] for line in info if "model name" in line]
        cpu = names[0].strip() if names else cpu
    except OSError:
        pass
    return (
        f"Python {platform.python_version()}, {platform.system()} "
        f"{platform.machine()}, {cpu} ({os.cpu_count()} cores)"
    )


# --------------------------------------------------------------- checks
def close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))


def gradients(trainer: work.Trainer) -> tuple[float, list[float]]:
    loss = trainer.forward()
    trainer.zero_grad()
    loss.backward()
    return loss.data, [p.grad for p in trainer.params]


def check_same_answers(trainers: dict[str, work.Trainer]) -> list[str]:
    """Loss and every gradient of each trainer against the first one's.

    Returns the lines to print; raises SystemExit if any differs.
    """
    (first, reference), *others = [(n, gradients(t)) for n, t in trainers.items()]
    lines = []
    for name, (loss, grads) in others:
        worst = max(abs(a - b) for a, b in zip(grads, reference[1], strict=True))
        ok = close(loss, reference[0]) and all(
            close(a, b) for a, b in zip(grads, reference[1], strict=True)
        )
        lines.append(
            f"{name} vs {first}: loss {loss:.15f} vs {reference[0]:.15f}, "
            f"largest gradient difference {worst:.1e} over {len(grads)} "
            f"parameters: {'same to 1e-9' if ok else 'DIFFERENT'}"
        )
        if not ok:
            print("\n".join(lines), file=sys.stderr)
            raise SystemExit("the engines disagree: no timing is worth reporting")
    return lines


# ------------------------------------------------------------ workloads
ENGINES = ("takaisin", "takaisin binary", "micrograd")


def moons_trainers(sizes: Sizes, seed: int, micrograd: bool) -> dict:
    """Fresh trainers for each engine, all starting from the same weights."""
    X, y = work.moons(sizes.points, seed)

    def model() -> nn.MLP:  # the same seed gives the same weights
        return nn.MLP(2, [16, 16, 1], seed=seed)

    trainers = {
        "takaisin": work.takaisin_moons(model(), X, y, binary=False),
        "takaisin binary": work.takaisin_moons(model(), X, y, binary=True),
    }
    if micrograd:
        twin = work.micrograd_twin(model())
        trainers["micrograd"] = work.micrograd_moons(twin, X, y)
    return trainers


def run_moons(sizes: Sizes, seed: int, micrograd: bool, repeats: int) -> dict:
    """Every engine's step, once with the collector on and once paused in
    the step, each on its own copy of the model, taking turns."""
    runs = {}
    for paused in (False, True):
        for name, trainer in moons_trainers(sizes, seed, micrograd).items():
            runs[name + (PAUSED if paused else "")] = partial(
                time_step, trainer, collect=name == "micrograd", pause_gc=paused
            )
    return interleave(runs, repeats)


@dataclass
class GraphSize:
    nodes: int  # every node, the parameters too
    edges: int  # parent links
    new_nodes: int  # the nodes the step made (the parameters existed before)
    bytes: int  # memory the live graph holds, grads filled in


def moons_graphs(trainers: dict) -> dict[str, GraphSize]:
    """The size of each engine's moons graph, nodes and bytes."""
    sizes = {}
    for name, trainer in trainers.items():
        root, used = graph_bytes(trainer.forward)
        count = work.micrograd_graph_size if name == "micrograd" else None
        nodes, edges = (count or work.takaisin_graph_size)(root)
        sizes[name] = GraphSize(nodes, edges, nodes - len(trainer.params), used)
        del root
    return sizes


def run_digits(sizes: Sizes, seed: int, micrograd: bool) -> dict:
    """One epoch of takaisin; micrograd takes turns on the first batches."""
    X, y = work.digits(seed)
    if sizes.digit_images:
        X, y = X[: sizes.digit_images], y[: sizes.digit_images]
    batch_list = work.batches(len(X), sizes.digit_batch, seed)
    model = nn.MLP(64, [32, 10], seed=seed)
    ours = work.takaisin_digits(model, X, y, batch_list)
    steps = {"takaisin": [], "micrograd": []}
    if micrograd:
        twin = work.micrograd_twin(model)  # same weights, before any step
        theirs = work.micrograd_digits(twin, X, y, batch_list)
    for k in range(len(batch_list)):
        steps["takaisin"].append(time_step(ours, collect=False))
        if micrograd and k < sizes.micrograd_batches:
            steps["micrograd"].append(time_step(theirs, collect=True))
    if micrograd and not close(steps["takaisin"][0].loss, steps["micrograd"][0].loss):
        raise SystemExit("digits: the first batch's losses differ")
    return {"images": len(X), "batches": len(batch_list), **steps}


def run_chain(n: int, micrograd: bool) -> dict:
    """Build and backpropagate an n-node chain, with the collector on and
    paused; micrograd's recursive backward at 1,000 nodes deep."""
    result = {"n": n}
    for mode in ("gc on", "gc paused"):
        with gc_paused() if mode == "gc paused" else nullcontext():
            t0 = measure.clock()
            y, w = work.takaisin_chain(n)
            t1 = measure.clock()
            y.backward()
            t2 = measure.clock()
            del y
            t3 = measure.clock()
        if w.grad != n + 1:
            raise SystemExit(f"chain: dy/dw is {w.grad}, expected {n + 1}")
        result[mode] = (t1 - t0, t2 - t1, t3 - t2)
    if micrograd:
        y, _ = work.micrograd_chain(1_000)
        try:
            y.backward()
            result["micrograd"] = "backpropagates 1,000 nodes"
        except RecursionError:
            result["micrograd"] = "RecursionError at 1,000 nodes"
        del y
    return result


def run_playground(seconds: float) -> list[str]:
    """The playground's figures (its own bench.py), or why there are none."""
    if not seconds:
        return ["playground: skipped (--quick)"]
    from demos.playground import bench  # only here: a server is started

    return bench.measure(seconds).lines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m demos benchmark", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="a few-second run")
    parser.add_argument("--repeats", type=positive_int, help="rounds of moons steps")
    parser.add_argument("--seed", type=int, default=0, help="data and weights")
    parser.add_argument(
        "--no-micrograd", action="store_true", help="measure takaisin alone"
    )
    parser.add_argument(
        "--wall", action="store_true", help="time with the wall clock, not CPU time"
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    repeats = args.repeats or sizes.repeats
    micrograd = has_micrograd() and not args.no_micrograd

    if args.wall:
        measure.use_wall_clock()
    command = "python -m demos benchmark" + (" " + " ".join(argv) if argv else "")
    print(f"$ {command}")
    print(f"{datetime.date.today()}, {machine()}")
    kind = (
        "wall-clock" if args.wall else "CPU time of this process (--wall: wall clock)"
    )
    print(f"times: {kind}; medians of {repeats} interleaved rounds")
    trainers = moons_trainers(sizes, args.seed, micrograd)
    for line in check_same_answers(trainers):
        print(line)
    moons = run_moons(sizes, args.seed, micrograd, repeats)
    graphs = moons_graphs(moons_trainers(sizes, args.seed, micrograd))
    digits = run_digits(sizes, args.seed, micrograd)
    chain = run_chain(sizes.chain, micrograd)
    print()
    print(report(moons, graphs, digits, chain))
    print()
    print()
    grad_mode = grad_mode_cost.measure(
        nodes=sizes.chain // 10, rounds=21 if not args.quick else 3
    )
    print("\n".join(grad_mode.lines()))
    print()
    print("\n".join(run_playground(sizes.playground_seconds)))
    if args.quick:
        print(
            "\n--quick: 20 moons points and a few digits, so micrograd's collector "
            "has less to do and the ratios are lower; the targets are for the full run"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
