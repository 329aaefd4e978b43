"""The curves stay bounded and span the whole run."""

from itertools import pairwise

from demos.playground.history import MAX_ROWS, History


def test_the_history_thins_out_evenly():
    history = History()
    for step in range(10_000):
        if history.due(step):
            history.add((step, 1.0, None, 0.5, None))
    assert len(history.rows) <= MAX_ROWS
    steps = [row[0] for row in history.rows]
    assert steps[0] == 0 and steps[-1] > 9_000
    gaps = {b - a for a, b in pairwise(steps)}
    assert gaps == {history.stride}


def test_curves_have_at_most_the_limit():
    history = History()
    for step in range(900):
        history.add((step, float(step), None, 0.0, None))
    curves = history.curves(500)
    assert len(curves["step"]) <= 500 and curves["step"][0] == 0
    assert curves["train_loss"] == [float(s) for s in curves["step"]]
    assert set(curves) == {
        "step", "train_loss", "test_loss", "train_accuracy", "test_accuracy"
    }  # fmt: skip
