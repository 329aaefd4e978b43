"""Downloads: the model as takaisin's model file, the history as CSV.

The model file is written by `nn.save` itself (into a temporary folder,
then read back), so it is exactly what `nn.load` reads.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import nn
from demos.playground.history import COLUMNS
from demos.playground.session import Session


def model_bytes(session: Session) -> bytes:
    """The session's network as a model file (JSON), as bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "playground-model.json"
        nn.save(session.model, path)
        return path.read_bytes()


def history_csv(session: Session) -> str:
    """step,train_loss,test_loss,train_accuracy,test_accuracy, one row a step
    recorded (empty where there is no value, e.g. without test points)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in session.history.rows:
        writer.writerow(["" if v is None else repr(v) for v in row])
    return out.getvalue()
