"""Downloads: the model file nn.load reads, the history as CSV."""

import csv
import io

import nn
from demos.playground.export import history_csv, model_bytes
from demos.playground.session import Session
from demos.playground.settings import parse_settings


def test_the_model_file_loads_with_the_same_weights(tmp_path):
    session = Session(parse_settings({"hidden": "3,2", "activation": "relu"}))
    session.step(3)
    path = tmp_path / "model.json"
    path.write_bytes(model_bytes(session))
    model = nn.load(path)
    assert model.state_dict() == session.model.state_dict()
    assert model.activation == "relu" and model.nouts == [3, 2, 1]


def test_the_history_csv_has_a_row_per_recorded_step():
    session = Session(parse_settings({"points": "20", "train_percent": "90"}))
    session.step(2)
    rows = list(csv.reader(io.StringIO(history_csv(session))))
    assert rows[0] == [
        "step",
        "train_loss",
        "test_loss",
        "train_accuracy",
        "test_accuracy",
    ]
    assert [r[0] for r in rows[1:]] == ["0", "1", "2"]
    assert float(rows[-1][1]) == session.history.rows[-1][1]
