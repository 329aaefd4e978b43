"""One learner's playground: data, network, optimizer, training steps.

No I/O: a test, a notebook or the server drives it by calling its methods.

    session = Session(parse_settings({"dataset": "xor", "hidden": "4"}))
    session.step(10)           # ten training steps
    session.reset()            # the same first weights again (same seed)
    session.apply(parse_settings({"lr": "0.3"}, session.settings))

One training step is the talk's recipe, with takaisin's own engine and nn:
take the next minibatch (shuffled anew every epoch), forward, loss,
`loss.backward()`, `optimizer.step()`. The loss follows the task: binary
cross-entropy on the score (or hinge) for two classes, softmax +
cross-entropy for three. L2 is the optimizer's `weight_decay`: each step
adds l2 * w to every gradient (the gradient of (l2 / 2) * sum(w**2)).

A step that fails (a learning rate of 100 can make numbers overflow, and
then the engine or the optimizer refuses them) puts the weights back as
they were before it, pauses, and leaves a message in `error` in English and
Finnish; the next reset or settings change clears it.

The "why?" panel (chain.py, why.py) must show exactly the step that comes
next: `peek_batch()` gives the minibatch the next step will train on
without using it up, and `example_loss` / `batch_loss` build the very loss
the step builds.

`version` grows whenever anything a picture shows changes, so a frame made
at one version can be reused until the next. `lock` is for the threads of
the server (sessions.py): whoever reads or changes a session holds it.
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Iterator

import nn
from demos.datasets import minibatches
from demos.playground import data
from demos.playground.history import History
from demos.playground.metrics import answer, evaluate, loss_of
from demos.playground.settings import Settings
from engine import Value

DATA_KEYS = {"dataset", "points", "noise", "train_percent", "seed"}
MODEL_KEYS = {"hidden", "activation", "loss", "seed"}
MAX_STEPS = 100  # steps per request


class Session:
    def __init__(self, settings: Settings | None = None) -> None:
        self.lock = threading.Lock()
        self.settings = settings or Settings()
        self.points = data.make_points(self.settings)
        self._csv: tuple[list[list[float]], list[int]] | None = None
        self.playing = False
        self.error: dict[str, str] | None = None
        self.version = 0
        self.frame_cache: tuple[int, dict] | None = None  # (version, frame)
        self._new_model()

    # ------------------------------------------------------------ building
    @property
    def loss_name(self) -> str:
        """'bce' or 'hinge' for two classes, 'cross_entropy' for more."""
        return "cross_entropy" if self.points.classes > 2 else self.settings.loss

    def _new_model(self) -> None:
        """A fresh network from the seed, a fresh optimizer, step 0."""
        s = self.settings
        outputs = 1 if self.points.classes == 2 else self.points.classes
        self.model = nn.MLP(2, [*s.hidden, outputs], s.activation, seed=s.seed)
        self._new_optimizer()
        self.shuffle = random.Random(s.seed)
        self.steps = 0
        self.epoch = 0
        self.history = History()
        self._restart_epoch()
        self._record()

    def _new_optimizer(self) -> None:
        s = self.settings
        params = self.model.parameters()
        if s.optimizer == "adam":
            self.optimizer = nn.Adam(params, lr=s.lr, weight_decay=s.l2)
        else:
            momentum = 0.9 if s.optimizer == "momentum" else 0.0
            self.optimizer = nn.SGD(params, s.lr, momentum, weight_decay=s.l2)

    def _restart_epoch(self) -> None:
        """Next step starts a new pass over the (possibly changed) data."""
        self._batches: Iterator[tuple[list, list]] = iter(())
        # A batch drawn by peek_batch() and not trained on yet, and whether
        # drawing it started a new epoch (counted only when it is used).
        self._peeked: tuple[tuple[list, list], bool] | None = None

    def _changed(self) -> None:
        self.version += 1

    # ------------------------------------------------------------ training
    def _draw_batch(self) -> tuple[tuple[list, list], bool]:
        """The next minibatch, and whether a new epoch had to begin for it."""
        batch = next(self._batches, None)
        if batch is not None:
            return batch, False
        # The epoch is finished (or the data changed): shuffle again.
        X = [[x, y] for x, y, _ in self.points.train]
        y = [label for _, _, label in self.points.train]
        size = self.settings.batch or None  # 0: the whole training set
        self._batches = minibatches(X, y, size, self.shuffle)
        return next(self._batches), self.steps > 0

    def peek_batch(self) -> tuple[list, list]:
        """(X, y): the minibatch the next step will train on, not used up.

        The next `step()` trains on exactly this batch; peeking again gives
        it again, and the epoch count does not change until it is used.
        """
        if self._peeked is None:
            self._peeked = self._draw_batch()
        return self._peeked[0]

    def _next_batch(self) -> tuple[list, list]:
        batch, new_epoch = self._peeked or self._draw_batch()
        self._peeked = None
        if new_epoch:
            self.epoch += 1
        return batch

    def example_loss(self, outputs: list[Value], label: int) -> Value:
        """One example's loss from the network's outputs (a list of Values),
        the same function the training step uses on a batch of one."""
        score = outputs[0] if len(outputs) == 1 else outputs
        return loss_of([score], [label], self.loss_name)

    def batch_loss(self, X: list[list[float]], y: list[int]) -> Value:
        """The loss a step minimises on the batch (X, y): the mean of the
        examples' losses (L2 is not in it: it is the optimizer's weight
        decay)."""
        outputs = [self.model(x) for x in X]  # forward (records a graph)
        return loss_of(outputs, y, self.loss_name)

    def _train_one(self) -> None:
        """Forward, loss, backward, step: one minibatch."""
        loss = self.batch_loss(*self._next_batch())
        self.optimizer.zero_grad()
        loss.backward()  # every weight's .grad = dL/dw
        self.optimizer.step()  # every weight moves against its gradient
        if not all(math.isfinite(p.data) for p in self.model.parameters()):
            raise OverflowError("a weight became too large for a float")

    def step(self, count: int = 1) -> int:
        """Take up to `count` steps; returns how many were taken.

        Stops early (and pauses) when a step fails; see the module doc.
        """
        taken = 0
        for _ in range(count):
            before = self.model.state_dict()
            try:
                self._train_one()
            except (ArithmeticError, ValueError) as problem:
                self.model.load_state_dict(before)
                self._new_optimizer()
                self._fail(problem)
                break
            self.steps += 1
            taken += 1
            self._record()
        if taken:
            self._changed()
        return taken

    def _fail(self, problem: Exception) -> None:
        self.playing = False
        lr = self.settings.lr
        self.error = {
            "code": "overflow",
            "message": (
                f"Training stopped at step {self.steps + 1}: the numbers grew too "
                f"large ({problem}). The weights are as they were before that "
                f"step. Try a smaller learning rate than {lr:g}, then reset."
            ),
            "message_fi": (
                f"Opetus pysähtyi askeleella {self.steps + 1}: luvut kasvoivat "
                "liian suuriksi. Painot ovat kuten ennen sitä askelta. Kokeile "
                f"pienempää oppimisnopeutta kuin {lr:g} ja alusta sitten."
            ),
        }
        self._changed()

    def _record(self) -> None:
        """Add the losses and accuracies of the whole sets, when due."""
        if self.history.due(self.steps):
            train = evaluate(self.model, self.points.train, self.loss_name)
            test = evaluate(self.model, self.points.test, self.loss_name)
            self.history.add((self.steps, train[0], test[0], train[1], test[1]))

    def metrics(self) -> dict[str, float | None]:
        """Loss and accuracy now, on the whole training and test sets."""
        train = evaluate(self.model, self.points.train, self.loss_name)
        test = evaluate(self.model, self.points.test, self.loss_name)
        return {
            "train_loss": train[0],
            "test_loss": test[0],
            "train_accuracy": train[1],
            "test_accuracy": test[1],
        }

    def predict(self, x: float, y: float) -> int:
        """The class the model gives the point (x, y) (through the engine)."""
        outputs = self.model.outputs([x, y])
        return answer([v.data for v in outputs])

    # ------------------------------------------------------------ controls
    def play(self) -> None:
        self.playing = True
        self._changed()

    def pause(self) -> None:
        self.playing = False
        self._changed()

    def reset(self) -> None:
        """Back to step 0: the same first weights (the seed), data kept."""
        self.error = None
        self._new_model()
        self._changed()

    def apply(self, new: Settings) -> set[str]:
        """Use `new` settings; returns the names that changed.

        Data settings make new points (a loaded file is split again when only
        seed or train_percent changed); data and network settings make a new
        network; training settings apply from the next step (a new optimizer
        starts with no momentum or Adam averages).
        """
        changed = self.settings.changed(new)
        if not changed:
            return changed
        self.settings = new
        self.error = None
        if changed & DATA_KEYS:
            if self._csv is not None and changed <= {"seed", "train_percent"}:
                self._split_csv()
            else:
                self._csv = None
                self.points = data.make_points(new)
        if changed & (DATA_KEYS | MODEL_KEYS):
            self._new_model()
        elif "optimizer" in changed:
            self._new_optimizer()
        else:
            self.optimizer.lr = new.lr
            self.optimizer.weight_decay = new.l2
        if "batch" in changed:
            self._restart_epoch()
        self._changed()
        return changed

    # --------------------------------------------------------------- data
    def _points_changed(self, classes_before: int) -> None:
        """New points: the same network keeps learning, unless the number of
        classes changed (then it needs another output layer)."""
        self.error = None
        if self.points.classes != classes_before:
            self._new_model()
        else:
            self._restart_epoch()
        self._changed()

    def add_point(self, x: object, y: object, label: object, test: bool) -> None:
        data.add_point(self.points, x, y, label, bool(test))
        self._points_changed(self.points.classes)

    def remove_point(self, x: object, y: object) -> None:
        data.remove_near(self.points, x, y, self.settings.show_test)
        self._points_changed(self.points.classes)

    def load_csv(self, text: object) -> None:
        """Learn the points of a CSV file instead (nothing changes on error)."""
        self._csv = data.parse_csv(text)
        classes_before = self.points.classes
        self._split_csv()
        self._points_changed(classes_before)

    def _split_csv(self) -> None:
        X, y = self._csv
        train, test = data.split(X, y, self.settings.train_percent, self.settings.seed)
        self.points = data.Points(train, test, max(y) + 1, source="csv")
