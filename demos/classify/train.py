"""One training loop for every demo: forward, loss, backward, step; repeat.

This is the talk's recipe, one step at a time:

    1. take a few examples (a minibatch; shuffled anew every epoch),
    2. run them through the network: outputs M(x),
    3. measure the error: loss = L(M(x), y), one Value,
    4. loss.backward(): every parameter w gets dL/dw in w.grad,
    5. optimizer.step(): every w moves a little against its gradient.

`train` does exactly that `steps` times, shows a progress bar with the loss
and the accuracy, and records both in a `History`. Pressing Ctrl-C stops it
cleanly after the current step: the model keeps what it has learned so far,
so the demo can still draw its pictures and save the model.

What is being learned is described by two small functions, so the same loop
serves every problem:

    loss_fn(outputs, labels) -> Value   e.g. cross_entropy for classes
    predict(output) -> int              the class an output stands for
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from demos.datasets import minibatches
from engine import Value, no_grad

Output = Any  # a Value (one output) or a list of Values (one per class)
LossFn = Callable[[list[Output], list[int]], Value]
Predict = Callable[[Output], int]


@dataclass
class History:
    """What happened during training, one entry per step.

    loss[k] and accuracy[k] belong to step k + 1 and are measured on that
    step's minibatch, before the weights move. Evaluations on held-out data
    (if any) are in test_steps / test_accuracy.
    """

    loss: list[float] = field(default_factory=list)
    accuracy: list[float] = field(default_factory=list)
    lr: list[float] = field(default_factory=list)
    test_steps: list[int] = field(default_factory=list)
    test_accuracy: list[float] = field(default_factory=list)
    batch_size: int | None = None  # None: every step sees the whole data set
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def steps(self) -> int:
        """How many steps were completed."""
        return len(self.loss)


def count_correct(
    model: Callable[[Sequence[float]], Output],
    X: Sequence[Sequence[float]],
    y: Sequence[int],
    predict: Predict,
) -> int:
    """How many of the examples `model` puts in the right class.

    Runs under `no_grad()`: checking the answers needs no backward pass, so
    no graph is recorded (faster and lighter).
    """
    with no_grad():
        return sum(predict(model(x)) == label for x, label in zip(X, y, strict=True))


def _progress_bar(steps: int, description: str, show: bool):
    """A tqdm bar, or None when asked for none or when tqdm is missing.

    `disable=None` is tqdm's "show only on a terminal", so test runs and
    piped output stay clean.
    """
    if not show:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm(total=steps, desc=description, unit="step", disable=None, leave=True)


def train(
    model: Any,
    X: Sequence[Sequence[float]],
    y: Sequence[int],
    *,
    loss_fn: LossFn,
    predict: Predict,
    optimizer: Any,
    steps: int,
    batch_size: int | None = None,
    seed: int | random.Random | None = 0,
    penalty: Callable[[], Value] | None = None,
    lr_schedule: Callable[[int], float] | None = None,
    X_test: Sequence[Sequence[float]] | None = None,
    y_test: Sequence[int] | None = None,
    eval_every: int = 0,
    progress: bool = True,
    description: str = "training",
    pause_gc: bool = True,
) -> History:
    """Train `model` on (X, y) for `steps` optimizer steps; return the History.

    model        called as model(x) for one example x
    loss_fn      (outputs of a batch, labels of a batch) -> mean loss, a Value
    predict      output of one example -> its class, for the accuracy
    optimizer    anything with zero_grad(), step() and a settable lr
    batch_size   examples per step; None = the whole data set every step
    seed         for shuffling the minibatches (a new order every epoch)
    penalty      an extra term added to the loss, e.g. 1e-4 * l2(parameters)
    lr_schedule  step index k (from 0) -> learning rate for that step
    X_test, y_test, eval_every
                 every `eval_every` steps (and at the end) count the correct
                 answers on this held-out data, into history.test_accuracy
    progress     show a progress bar (only ever on a terminal)
    pause_gc     switch off Python's cyclic garbage collector while training
                 (see below); it is always switched back on afterwards

    Pressing Ctrl-C (KeyboardInterrupt) ends the loop early: the History is
    marked `interrupted` and returned as it is, and the model keeps the
    weights it has at that moment.
    """
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} examples but y has {len(y)} labels")
    if steps < 0:
        raise ValueError(f"steps must be 0 or more, got {steps}")
    rng = seed if isinstance(seed, random.Random) else random.Random(seed)
    history = History(batch_size=batch_size)
    bar = _progress_bar(steps, description, progress)
    # Our graphs have no reference cycles (a node points only to its parents),
    # so reference counting frees each step's graph as soon as it is dropped.
    # Python's cyclic garbage collector would still wake up after every ~700
    # new objects and scan them, many times per step, finding nothing.
    # Pausing it makes a moons step (full batch, 7,142 nodes) about 17%
    # faster: 11.3 ms instead of 13.7 ms in `python -m demos benchmark`;
    # digits (batches of 32) gain only ~3%. It is switched back on in
    # `finally`, however the loop ends.
    gc_was_enabled = gc.isenabled()
    if pause_gc:
        gc.disable()
    started = time.perf_counter()
    try:
        batches = iter(())
        for k in range(steps):
            batch = next(batches, None)
            if batch is None:  # epoch finished: shuffle again
                batches = minibatches(X, y, batch_size, rng)
                batch = next(batches)
            X_batch, y_batch = batch
            if lr_schedule is not None:
                optimizer.lr = lr_schedule(k)

            outputs = [model(x) for x in X_batch]  # forward
            loss = loss_fn(outputs, y_batch)
            if penalty is not None:
                loss = loss + penalty()
            correct = sum(
                predict(o) == t for o, t in zip(outputs, y_batch, strict=True)
            )

            optimizer.zero_grad()
            loss.backward()  # every parameter's .grad = dL/d(parameter)
            optimizer.step()  # every parameter moves against its gradient

            history.loss.append(loss.data)
            history.accuracy.append(correct / len(y_batch))
            history.lr.append(optimizer.lr)
            if eval_every and (k + 1) % eval_every == 0 and k + 1 < steps:
                _evaluate(model, X_test, y_test, predict, history)
            if bar is not None:
                bar.update(1)
                # this step's batch, before the step: not the final line's
                # accuracy, which counts every example after training
                accuracy = f"{100 * correct / len(y_batch):.1f}%"
                bar.set_postfix(
                    {"batch loss": f"{loss.data:.4f}", "batch acc": accuracy}
                )
            del outputs, loss  # free this step's graph before the next one
    except KeyboardInterrupt:
        history.interrupted = True
    finally:
        history.seconds = time.perf_counter() - started
        if pause_gc and gc_was_enabled:
            gc.enable()
        if bar is not None:
            bar.close()
    if history.interrupted:
        print(
            f"stopped by Ctrl-C after {history.steps} of {steps} steps; "
            "keeping what the model has learned so far"
        )
    already_counted = history.test_steps[-1:] == [history.steps]
    if X_test is not None and y_test is not None and not already_counted:
        _evaluate(model, X_test, y_test, predict, history)
    return history


def _evaluate(model, X_test, y_test, predict, history: History) -> None:
    if X_test is None or y_test is None:
        raise ValueError("eval_every needs X_test and y_test")
    correct = count_correct(model, X_test, y_test, predict)
    history.test_steps.append(history.steps)
    history.test_accuracy.append(correct / len(y_test))
