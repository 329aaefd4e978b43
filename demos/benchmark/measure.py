"""How `python -m demos benchmark` measures: clocks, the garbage collector, bytes.

Python frees an object the moment nothing refers to it any more (reference
counting), except when objects refer to each other in a cycle: those only
the *cyclic garbage collector* can free, and it finds them by walking over
every object that could be part of a cycle, again and again as the program
allocates. micrograd stores a closure in every node that refers back to the
node, so every one of its graphs is a web of cycles; takaisin's nodes hold
only their parents and numbers, so a dropped graph is freed on the spot.

`time_step` therefore times a whole training step including the freeing of
its graph: for takaisin that is the `del loss`; for micrograd it is a
collection run at the end of the step (the work its own training loop does
sooner or later). The collector stays switched on, as in any program;
`pause_gc=True` switches it off inside the timed step only, to show how much
of the time it takes, and switches it back on afterwards.
"""

from __future__ import annotations

import gc
import signal
import statistics
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from time import perf_counter, process_time
from typing import Any

from demos.benchmark.workloads import Trainer

PAUSED = ", gc paused"  # names the runs with the collector off in the step


@dataclass
class StepTime:
    """Seconds spent in each part of one training step."""

    forward: float  # building the graph up to the loss
    backward: float  # zero_grad + loss.backward()
    update: float  # the optimizer step
    free: float  # dropping the graph (and, for micrograd, collecting it)
    in_gc: float  # of all the above, the time inside the cyclic collector
    garbage: int  # objects that only the collector could free
    loss: float  # the loss the step computed

    @property
    def total(self) -> float:
        return self.forward + self.backward + self.update + self.free


# The clock for every measurement. CPU seconds of this process (all of
# Python's work, the collector's included) are what the engines cost; on a
# busy machine the wall clock would also count time spent waiting for a core.
# `use_wall_clock()` switches to wall-clock seconds.
clock = process_time


def use_wall_clock() -> None:
    global clock
    clock = perf_counter


class GcClock:
    """Adds up the time Python's cyclic collector runs (via `gc.callbacks`)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = clock()
        else:
            self.seconds += clock() - self._started

    def __enter__(self) -> GcClock:
        # Ctrl-C raises KeyboardInterrupt in whatever Python code runs at that
        # moment; in a gc callback such as this one, Python prints that
        # exception and drops it, and the benchmark would run on. Inside the
        # block, Ctrl-C is only noted; it is raised when the block ends.
        self._ctrl_c = False
        self._ctrl_c_handler = signal.getsignal(signal.SIGINT)
        if self._ctrl_c_handler is signal.default_int_handler:
            signal.signal(signal.SIGINT, self._note_ctrl_c)
        gc.callbacks.append(self)
        return self

    def _note_ctrl_c(self, signum: int, frame: object) -> None:
        self._ctrl_c = True

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)
        if self._ctrl_c_handler is signal.default_int_handler:
            signal.signal(signal.SIGINT, self._ctrl_c_handler)
        if self._ctrl_c:
            raise KeyboardInterrupt


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic collector off inside this block only; on again after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def time_step(trainer: Trainer, collect: bool, pause_gc: bool = False) -> StepTime:
    """One training step, timed part by part.

    collect: end the step with `gc.collect()` (micrograd: the only way its
    graph is ever freed). Otherwise the graph is dropped with `del` and the
    collector is asked afterwards, off the clock, whether anything was left
    for it (for takaisin: nothing).
    """
    gc.collect()  # off the clock: nobody pays for garbage made before
    with GcClock() as gc_time, gc_paused() if pause_gc else nullcontext():
        t0 = clock()
        loss = trainer.forward()
        t1 = clock()
        trainer.zero_grad()
        loss.backward()
        t2 = clock()
        trainer.update()
        t3 = clock()
        value = loss.data
        del loss  # the last reference to the graph
        garbage = gc.collect() if collect else 0
        t4 = clock()
    if not collect:
        garbage = gc.collect()
    return StepTime(t1 - t0, t2 - t1, t3 - t2, t4 - t3, gc_time.seconds, garbage, value)


def interleave(runs: dict[str, Callable[[], StepTime]], repeats: int) -> dict:
    """Call every run once per round, `repeats` rounds: {name: [StepTime]}.

    Taking turns means a slow moment of a noisy machine hits all of them,
    not just the one that happened to be running.
    """
    results: dict[str, list[StepTime]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            results[name].append(run())
    return results


def median_step(steps: list[StepTime]) -> StepTime:
    """The median of each part (parts of different steps, so the total is
    taken as its own median, see `median_total`)."""

    def med(part: str) -> Any:
        return statistics.median(getattr(s, part) for s in steps)

    return StepTime(
        med("forward"),
        med("backward"),
        med("update"),
        med("free"),
        med("in_gc"),
        round(med("garbage")),
        steps[-1].loss,
    )


def median_total(steps: list[StepTime]) -> float:
    return statistics.median(s.total for s in steps)


def graph_bytes(build: Callable[[], Any]) -> tuple[Any, int]:
    """(root, bytes): a graph built and backpropagated under tracemalloc, and
    the memory it holds while still alive (nodes, numbers, tuples, grads)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        root = build()
        root.backward()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return root, after - before
