"""Tests for demos/train.py: the loop learns, records, and stops cleanly."""

from __future__ import annotations

import gc
import random

import pytest

import nn
from demos.classify.run import (
    binary_answer,
    binary_cross_entropy_loss,
    cross_entropy_loss,
    multiclass_answer,
)
from demos.classify.train import History, count_correct, train
from demos.datasets import make_blobs
from engine import is_recording

XOR_X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
XOR_Y = [0, 1, 1, 0]


def _xor_run(steps: int = 150, **options):
    model = nn.MLP(2, [4, 1], activation="tanh", seed=0)
    optimizer = nn.Adam(model.parameters(), lr=0.1)
    history = train(
        model, XOR_X, XOR_Y, loss_fn=binary_cross_entropy_loss,
        predict=binary_answer, optimizer=optimizer, steps=steps, progress=False,
        **options,
    )  # fmt: skip
    return model, history


def test_the_loop_learns_xor():
    model, history = _xor_run()
    assert history.steps == 150
    assert not history.interrupted
    assert count_correct(model, XOR_X, XOR_Y, binary_answer) == 4
    assert history.accuracy[-1] == 1.0
    assert history.loss[-1] < 0.1 * history.loss[0]


def test_one_neuron_cannot_learn_xor():
    # the reason for hidden layers: a single line gets at most 3 of 4 right
    model = nn.MLP(2, [1], seed=0)
    train(
        model, XOR_X, XOR_Y, loss_fn=binary_cross_entropy_loss,
        predict=binary_answer, optimizer=nn.Adam(model.parameters(), lr=0.1),
        steps=150, progress=False,
    )  # fmt: skip
    assert count_correct(model, XOR_X, XOR_Y, binary_answer) <= 3


def test_same_seed_same_training():
    X, y = make_blobs(n=40, centers=3, seed=1)

    def run():
        model = nn.MLP(2, [8, 3], seed=2)
        return train(
            model, X, y, loss_fn=cross_entropy_loss, predict=multiclass_answer,
            optimizer=nn.SGD(model.parameters(), lr=0.05), steps=12,
            batch_size=7, seed=5, progress=False,
        ).loss  # fmt: skip

    assert run() == run()


def test_minibatches_cover_the_data_each_epoch():
    seen: list[list[int]] = []

    def loss_fn(outputs, labels):
        seen.append(list(labels))  # the example numbers of this batch
        return binary_cross_entropy_loss(outputs, [t % 2 for t in labels])

    X = [[float(i), 0.0] for i in range(10)]
    y = list(range(10))  # labels that name the examples
    model = nn.MLP(2, [1], seed=0)
    history = train(
        model, X, y, loss_fn=loss_fn, predict=binary_answer,
        optimizer=nn.SGD(model.parameters(), lr=0.0), steps=8, batch_size=4,
        progress=False,
    )  # fmt: skip
    assert [len(b) for b in seen] == [3, 3, 4] * 2 + [3, 3]
    assert history.steps == 8 and history.batch_size == 4
    for epoch in (seen[0:3], seen[3:6]):
        assert sorted(label for batch in epoch for label in batch) == sorted(y)
    assert seen[0:3] != seen[3:6]  # shuffled anew


def test_schedule_penalty_and_history_are_recorded():
    model = nn.MLP(2, [4, 1], activation="tanh", seed=0)
    params = model.parameters()
    optimizer = nn.SGD(params, lr=1.0)
    with_penalty = train(
        model, XOR_X, XOR_Y, loss_fn=binary_cross_entropy_loss,
        predict=binary_answer, optimizer=optimizer, steps=5, progress=False,
        lr_schedule=lambda k: 0.1 / (k + 1), penalty=lambda: 100.0 * nn.l2(params),
    )  # fmt: skip
    assert with_penalty.lr == [0.1 / (k + 1) for k in range(5)]
    assert optimizer.lr == 0.1 / 5
    assert len(with_penalty.loss) == len(with_penalty.accuracy) == 5
    # the penalty is part of the recorded loss: far above any BCE of 4 points
    assert with_penalty.loss[0] > 10
    assert all(0.0 <= a <= 1.0 for a in with_penalty.accuracy)


def test_test_accuracy_is_recorded_every_so_often_and_at_the_end():
    _, history = _xor_run(steps=10, X_test=XOR_X, y_test=XOR_Y, eval_every=4)
    assert history.test_steps == [4, 8, 10]
    assert len(history.test_accuracy) == 3
    assert all(a in (0.0, 0.25, 0.5, 0.75, 1.0) for a in history.test_accuracy)


def test_evaluation_records_no_graph():
    recorded = []
    model = nn.MLP(2, [1], seed=0)

    def watched(x):
        recorded.append(is_recording())
        return model(x)

    count_correct(watched, XOR_X, XOR_Y, binary_answer)
    assert recorded == [False] * 4


class _StopAfter:
    """A loss function that presses Ctrl-C on its n-th call."""

    def __init__(self, n: int):
        self.calls, self.n = 0, n

    def __call__(self, outputs, labels):
        self.calls += 1
        if self.calls == self.n:
            raise KeyboardInterrupt
        return binary_cross_entropy_loss(outputs, labels)


def test_ctrl_c_stops_cleanly_and_keeps_what_was_learned(capsys):
    model = nn.MLP(2, [4, 1], activation="tanh", seed=0)
    optimizer = nn.Adam(model.parameters(), lr=0.1)
    history = train(
        model, XOR_X, XOR_Y, loss_fn=_StopAfter(4), predict=binary_answer,
        optimizer=optimizer, steps=100, progress=False,
    )  # fmt: skip
    assert history.interrupted
    assert history.steps == 3  # three whole steps done, the fourth cut short
    assert history.seconds >= 0
    assert "stopped by Ctrl-C after 3 of 100 steps" in capsys.readouterr().out

    # the weights are those after exactly three steps
    fresh = nn.MLP(2, [4, 1], activation="tanh", seed=0)
    train(
        fresh, XOR_X, XOR_Y, loss_fn=binary_cross_entropy_loss,
        predict=binary_answer, optimizer=nn.Adam(fresh.parameters(), lr=0.1),
        steps=3, progress=False,
    )  # fmt: skip
    assert model.state_dict() == fresh.state_dict()


@pytest.mark.parametrize("error", [KeyboardInterrupt, ValueError])
def test_the_garbage_collector_is_switched_back_on(error):
    def failing(outputs, labels):
        raise error("stop")

    assert gc.isenabled()
    model = nn.MLP(2, [1], seed=0)
    run = lambda: train(  # noqa: E731
        model, XOR_X, XOR_Y, loss_fn=failing, predict=binary_answer,
        optimizer=nn.SGD(model.parameters(), lr=0.1), steps=3, progress=False,
    )  # fmt: skip
    if error is ValueError:
        with pytest.raises(ValueError, match="stop"):
            run()
    else:
        assert run().interrupted
    assert gc.isenabled()


def test_no_progress_bar_when_asked(capsys):
    _xor_run(steps=3)
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_zero_steps_is_allowed_and_mismatched_data_is_not():
    _, history = _xor_run(steps=0)
    assert history == History(batch_size=None, seconds=history.seconds)
    with pytest.raises(ValueError, match="4 examples but y has 3"):
        train(
            None, XOR_X, XOR_Y[:3], loss_fn=None, predict=None, optimizer=None,
            steps=1, progress=False,
        )  # fmt: skip


def test_a_random_generator_can_drive_the_shuffling():
    X, y = make_blobs(n=30, centers=2, seed=0)

    def run(seed):
        model = nn.MLP(2, [2], seed=0)
        return train(
            model, X, y, loss_fn=cross_entropy_loss, predict=multiclass_answer,
            optimizer=nn.SGD(model.parameters(), lr=0.01), steps=6, batch_size=5,
            seed=seed, progress=False,
        ).loss  # fmt: skip

    assert run(random.Random(3)) == run(3)
