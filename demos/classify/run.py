"""What the classification demos share: losses, answers, the last line.

A network's raw output becomes two things here:

  * a loss for a batch (what training makes small), and
  * a class for one example (what the accuracy counts).

Binary problems (two classes, labels 0 and 1) use one output, a score s:
the answer is class 1 when s > 0. Problems with k classes use k outputs,
one score ("logit") per class: the answer is the class with the largest
score, and softmax turns the scores into probabilities that sum to 1.

`run_demo` is the part every demo repeats: train, count, save the model,
draw the pictures, print one final line such as

    moons: train accuracy (all 100 examples) 100.0% (100/100), test accuracy n/a,
           100 steps, 12.3 s
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import nn
from demos.classify.train import History, LossFn, Predict, count_correct, train
from demos.common.files import saving_uninterrupted
from engine import Value, no_grad


# ------------------------------------------------------------------ losses
def hinge_loss(scores: list[Value], labels: list[int]) -> Value:
    """Hinge loss (micrograd's demo) for labels 0/1, as nn.hinge wants ±1."""
    return nn.hinge(scores, [1 if label == 1 else -1 for label in labels])


def binary_cross_entropy_loss(logits: list[Value], labels: list[int]) -> Value:
    """-[y log p + (1 - y) log(1 - p)], p = sigmoid(score), averaged."""
    return nn.binary_cross_entropy(logits, labels)


def cross_entropy_loss(logits: list[list[Value]], labels: list[int]) -> Value:
    """-log(softmax(logits)[true class]), averaged over the batch."""
    return nn.cross_entropy(logits, labels)


# ----------------------------------------------------------------- answers
def binary_answer(score: Value) -> int:
    """Class 1 when the score is above 0, else class 0."""
    return int(score.data > 0)


def multiclass_answer(logits: Sequence[Value]) -> int:
    """The class with the largest score (ties: the first)."""
    scores = [v.data for v in logits]
    return scores.index(max(scores))


def probabilities(logits: Sequence[Value]) -> list[float]:
    """softmax of the scores, as plain numbers that sum to 1."""
    return [p.data for p in nn.softmax(list(logits))]


# ------------------------------------------------------------ one whole demo
def percent(correct: int, total: int) -> str:
    """'97.3% (438/450)'. Never rounds up to 100.0% with a mistake left."""
    share = 100 * correct / total
    if correct < total:
        share = min(share, 99.9)
    return f"{share:.1f}% ({correct}/{total})"


def final_line(
    name: str,
    train_correct: tuple[int, int],
    test_correct: tuple[int, int] | None,
    history: History,
) -> str:
    """The one parseable summary line every demo prints last."""
    test = percent(*test_correct) if test_correct else "n/a"
    # "all N examples": after training, every training example is counted,
    # unlike the progress bar's "batch acc" (one batch, before its step)
    everything = f"(all {train_correct[1]} examples)"
    line = (
        f"{name}: train accuracy {everything} {percent(*train_correct)}, "
        f"test accuracy {test}, {history.steps} steps, {history.seconds:.1f} s"
    )
    return line + ", stopped by Ctrl-C" if history.interrupted else line


def run_demo(
    name: str,
    args: argparse.Namespace,
    model: Any,
    X: Sequence[Sequence[float]],
    y: Sequence[int],
    *,
    loss_fn: LossFn,
    predict: Predict,
    optimizer: Any,
    X_test: Sequence[Sequence[float]] | None = None,
    y_test: Sequence[int] | None = None,
    pictures: Callable[[Path, History], list[Path]] | None = None,
    show: Callable[[], None] | None = None,
    **train_options: Any,
) -> tuple[History, str]:
    """Train, save `OUT/NAME_model.json`, draw, print the final line.

    Ctrl-C during training stops it and the rest runs on; Ctrl-C while the
    files are written waits until they are whole. Either way the History
    is marked `interrupted` (see `exit_code`).

    `pictures(out_dir, history)` draws the demo's own pictures and returns
    their paths; it is skipped with --no-plot. The curves of loss and
    accuracy (`OUT/NAME_curves.png`) are drawn for every demo. `show()`
    may print more (e.g. examples) just before the final line. Returns the
    History and the final line.
    """
    history = train(
        model,
        X,
        y,
        loss_fn=loss_fn,
        predict=predict,
        optimizer=optimizer,
        steps=args.steps,
        seed=args.seed,
        X_test=X_test,
        y_test=y_test,
        progress=not args.no_progress,
        description=name,
        **train_options,
    )
    if any(not math.isfinite(v) for v in history.loss):
        print(f"{name}: the loss became infinite or NaN; try a smaller learning rate")
    train_correct = (count_correct(model, X, y, predict), len(y))
    test_correct = None
    if X_test is not None and y_test is not None:
        test_correct = (count_correct(model, X_test, y_test, predict), len(y_test))

    out: Path = args.out
    # Ctrl-C now would cut a file in half after "keeping what the model has
    # learned" was promised: the saving finishes first, then the demo ends
    # with 130 as an interrupted program does
    with saving_uninterrupted(f"{name}: still saving; one moment") as pressed:
        written = [save_model(model, out / f"{name}_model.json")]
        if not args.no_plot:
            from demos.classify.plot import plot_history

            if pictures is not None:
                written += pictures(out, history)
            title = f"{name}: training"
            written.append(plot_history(history, out / f"{name}_curves.png", title))
    history.interrupted = history.interrupted or bool(pressed)
    for path in written:
        print(f"wrote {path}")
    if show is not None:
        show()
    line = final_line(name, train_correct, test_correct, history)
    print(line)
    return history, line


def save_model(model: Any, path: Path) -> Path:
    """nn.save(model, path): it writes a temporary file beside `path` and then
    moves it into place, so a full disk or a crash leaves the previous model
    file as it was (and it keeps the file's mode, and a symlink a link)."""
    path.parent.mkdir(parents=True, exist_ok=True)  # --out may not exist yet
    return nn.save(model, path)


def exit_code(history: History) -> int:
    """0 for a finished run; 130 (what shells expect) if Ctrl-C stopped it."""
    return 130 if history.interrupted else 0


def decision_boundary_picture(
    name: str,
    model: Any,
    X: Sequence[Sequence[float]],
    y: Sequence[int],
    title: str,
) -> Callable[[Path, History], list[Path]]:
    """A `pictures` function for 2-D demos: `OUT/NAME_boundary.png`."""

    def draw(out: Path, history: History) -> list[Path]:
        from demos.classify.plot import plot_decision_boundary

        def scores(point: list[float]) -> list[float]:
            with no_grad():
                output = model(point)
            return (
                [output.data] if isinstance(output, Value) else [v.data for v in output]
            )

        after = f"after {history.steps} steps"
        path = out / f"{name}_boundary.png"
        return [plot_decision_boundary(scores, X, y, path, title=f"{title}, {after}")]

    return draw
