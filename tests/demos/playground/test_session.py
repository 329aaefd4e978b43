"""One learner's playground: steps, reset, every control, limits, errors."""

import random

import pytest

import nn
from demos.datasets import minibatches
from demos.playground.errors import PlaygroundError
from demos.playground.session import Session
from demos.playground.settings import parse_settings


def make(**values) -> Session:
    return Session(parse_settings({k: str(v) for k, v in values.items()}))


def test_reset_gives_exactly_the_same_first_weights():
    session = make(hidden="8,8", seed=3)
    first = session.model.state_dict()
    assert make(hidden="8,8", seed=3).model.state_dict() == first
    session.step(5)
    assert session.model.state_dict() != first
    session.reset()
    assert session.model.state_dict() == first and session.steps == 0
    assert session.history.rows[0][0] == 0 and len(session.history.rows) == 1


def test_a_step_is_the_talks_recipe_with_nn():
    session = make(hidden="3", batch=10, optimizer="momentum", lr=0.1, l2=0.01)
    model = nn.MLP(2, [3, 1], "tanh", seed=0)
    optimizer = nn.SGD(model.parameters(), 0.1, 0.9, weight_decay=0.01)
    X = [[x, y] for x, y, _ in session.points.train]
    y = [label for _, _, label in session.points.train]
    rng = random.Random(0)
    batches = iter(())
    for _ in range(20):  # two epochs of 14 batches of 10 = 140 points
        batch = next(batches, None)
        if batch is None:
            batches = minibatches(X, y, 10, rng)
            batch = next(batches)
        loss = nn.binary_cross_entropy([model(x) for x in batch[0]], batch[1])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    assert session.step(20) == 20
    assert session.model.state_dict() == model.state_dict()
    assert session.epoch == 1


@pytest.mark.parametrize(
    ("values", "loss_name", "optimizer"),
    [
        ({"loss": "hinge"}, "hinge", nn.SGD),
        ({"dataset": "spiral"}, "cross_entropy", nn.SGD),
        ({"dataset": "blobs", "loss": "hinge"}, "cross_entropy", nn.SGD),
        ({"optimizer": "adam"}, "bce", nn.Adam),
    ],
)
def test_the_loss_follows_the_task(values, loss_name, optimizer):
    session = make(**values)
    assert session.loss_name == loss_name
    assert isinstance(session.optimizer, optimizer)
    assert session.step(2) == 2
    assert session.history.rows[-1][1] is not None


def test_training_learns_the_moons():
    session = make(hidden="8", lr=0.3, optimizer="adam")
    session.step(60)
    assert session.metrics()["train_accuracy"] > 0.85
    assert session.history.rows[-1][1] < session.history.rows[0][1]


def test_an_overflow_pauses_with_a_message_and_keeps_finite_weights():
    session = make(activation="linear", lr=100)
    session.play()
    taken = session.step(100)
    assert taken < 100 and not session.playing
    assert session.error["code"] == "overflow"
    assert "learning rate" in session.error["message"]
    assert "oppimisnopeutta" in session.error["message_fi"]
    weights = session.model.state_dict().values()
    assert all(abs(w) < float("inf") for w in weights)
    session.reset()
    assert session.error is None


def test_settings_changes():
    session = make(hidden="4")
    session.step(3)
    weights = session.model.state_dict()
    version = session.version
    changed = session.apply(parse_settings({"lr": "0.1"}, session.settings))
    assert changed == {"lr"} and session.optimizer.lr == 0.1
    assert session.model.state_dict() == weights and session.steps == 3
    assert session.version > version
    session.apply(parse_settings({"l2": "0.01"}, session.settings))
    assert session.optimizer.weight_decay == 0.01
    session.apply(parse_settings({"optimizer": "adam"}, session.settings))
    assert isinstance(session.optimizer, nn.Adam) and session.steps == 3
    session.apply(parse_settings({"hidden": "2,2"}, session.settings))
    assert session.steps == 0 and len(session.model.layers) == 3
    points = session.points
    session.apply(parse_settings({"show_test": "true"}, session.settings))
    assert session.points is points
    session.apply(parse_settings({"noise": "0.3"}, session.settings))
    assert session.points != points
    assert session.apply(session.settings) == set()


def test_controls():
    session = make()
    session.play()
    assert session.playing
    session.pause()
    assert not session.playing
    version = session.version
    session.add_point(0.0, 0.0, 1, False)
    assert session.points.train[-1] == (0.0, 0.0, 1) and session.version > version
    session.remove_point(0.01, 0.0)
    assert (0.0, 0.0, 1) not in session.points.train
    assert session.predict(0.0, 0.0) in (0, 1)


def test_a_csv_file_with_three_classes_makes_a_three_class_network():
    session = make()
    session.load_csv("0,0,0\n1,1,1\n2,2,2\n3,3,0\n4,4,1\n5,5,2\n")
    assert session.points.classes == 3 and session.points.source == "csv"
    assert session.model.layers[-1].nout == 3 and session.loss_name == "cross_entropy"
    assert session.step(3) == 3
    session.apply(parse_settings({"seed": "5"}, session.settings))
    assert session.points.source == "csv"  # split again, not replaced
    session.apply(parse_settings({"dataset": "xor"}, session.settings))
    assert session.points.source == "generated" and session.points.classes == 2


def test_a_bad_csv_file_changes_nothing():
    session = make()
    points, weights = session.points, session.model.state_dict()
    with pytest.raises(PlaygroundError):
        session.load_csv("0,0,0\nbad")
    assert session.points is points and session.model.state_dict() == weights


def test_minibatches_are_shuffled_anew_every_epoch():
    session = make(points=40, train_percent=50, batch=5)
    epochs = []
    for _ in range(3):
        epoch = []
        for _ in range(4):  # 20 training points in batches of 5
            X_batch, _ = session._next_batch()
            assert len(X_batch) == 5
            epoch += [tuple(x) for x in X_batch]
            session.steps += 1
        epochs.append(epoch)
    assert all(sorted(e) == sorted(epochs[0]) for e in epochs)  # each point once
    assert epochs[0] != epochs[1] != epochs[2]
    assert session.epoch == 2


def test_peeking_shows_the_batch_the_next_step_trains_on():
    session = make(points=40, train_percent=50, batch=5, hidden="3")
    for _ in range(9):  # across epochs (4 batches each): peeked, then trained on
        peeked = session.peek_batch()
        assert session.peek_batch() == peeked  # peeking again: the same batch
        epoch = session.epoch
        twin = make(points=40, train_percent=50, batch=5, hidden="3")
        twin.model.load_state_dict(session.model.state_dict())
        for p in twin.model.parameters():
            p.grad = 0.0
        loss = twin.batch_loss(*peeked)
        loss.backward()
        expected = {n: p.grad for n, p in twin.model.named_parameters()}
        assert session.epoch == epoch  # peeking starts no epoch
        session.step(1)
        got = {n: p.grad for n, p in session.model.named_parameters()}
        assert got == expected  # the step's gradient came from that batch


def test_peeking_does_not_change_the_training():
    a = make(points=40, train_percent=50, batch=5, hidden="3", seed=4)
    b = make(points=40, train_percent=50, batch=5, hidden="3", seed=4)
    for k in range(10):
        if k % 3 == 0:
            a.peek_batch()
        a.step(1)
        b.step(1)
    assert a.model.state_dict() == b.model.state_dict()
    assert a.epoch == b.epoch == 2


def test_a_peeked_batch_is_dropped_when_the_data_changes():
    session = make(points=40, train_percent=50, batch=0, hidden="3")
    before = session.peek_batch()
    session.add_point(0.1, 0.2, 1, False)
    assert len(session.peek_batch()[0]) == len(before[0]) + 1


def test_the_example_loss_is_the_steps_loss_on_a_batch_of_one():
    for dataset in ("moons", "blobs"):
        session = make(dataset=dataset, hidden="3", loss="hinge")
        (x, y, label) = session.points.train[0]
        outputs = session.model.outputs([x, y])
        one = session.example_loss(outputs, label).data
        assert one == session.batch_loss([[x, y]], [label]).data
