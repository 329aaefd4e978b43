"""The frame: what the page draws, equal to what the engine computes."""

import json
import math
import threading

from demos.playground.frame import (
    GRID,
    TILE,
    cached_frame,
    grid_points,
    make_frame,
    probabilities,
)
from demos.playground.session import Session
from demos.playground.settings import parse_settings
from engine import no_grad


def make(**values) -> Session:
    return Session(parse_settings({k: str(v) for k, v in values.items()}))


def test_the_frame_is_json_with_the_agreed_fields():
    session = make(hidden="8,8")
    session.step(3)
    frame = make_frame(session)
    json.dumps(frame, allow_nan=False)
    assert frame["step"] == 3 and frame["classes"] == 2
    assert frame["loss_name"] == "bce" and frame["error"] is None
    assert len(frame["grid"]["probs"]) == GRID * GRID
    layers = frame["network"]["layers"]
    assert [len(layer["neurons"]) for layer in layers] == [8, 8, 1]
    assert [layer["activation"] for layer in layers] == ["tanh", "tanh", "linear"]
    neuron = layers[1]["neurons"][2]
    assert neuron["label"] == "L2.N3" and len(neuron["weights"]) == 8
    assert len(neuron["tile"]) == TILE * TILE
    assert all(-1 <= v <= 1 for layer in layers for n in layer["neurons"]
               for v in n["tile"])  # fmt: skip
    assert len(frame["predicted"]["train"]) == len(frame["points"]["train"])
    assert frame["curves"]["step"] == [0, 1, 2, 3]


def test_the_boundary_and_the_tiles_are_the_models_outputs():
    session = make(hidden="3", activation="relu")
    session.step(2)
    frame = make_frame(session)
    cells = grid_points(frame["extent"])
    for index in (0, 17, GRID * GRID - 1):
        with no_grad():
            score = session.model(list(cells[index])).data
        p1 = frame["grid"]["probs"][index][1]
        assert p1 == round(1 / (1 + math.exp(-score)), 3)
    # tile pixel (r, c) is grid cell (2r, 2c); relu tiles are v / max |v|
    neuron = frame["network"]["layers"][0]["neurons"][1]
    low, high = neuron["tile_range"]
    for r, c in ((0, 0), (5, 7), (19, 19)):
        x = list(cells[(2 * r) * GRID + 2 * c])
        with no_grad():
            value = session.model.layers[0].outputs(x)[1].data
        assert neuron["tile"][r * TILE + c] == round(value / max(abs(low), high), 3)


def test_the_metrics_are_the_sessions():
    session = make()
    session.step(2)
    assert make_frame(session)["metrics"] == session.metrics()


def test_three_class_probabilities_add_up_to_one():
    frame = make_frame(make(dataset="spiral"))
    assert frame["loss_name"] == "cross_entropy"
    assert all(abs(sum(p) - 1) < 0.002 and len(p) == 3 for p in frame["grid"]["probs"])
    assert probabilities([1e308, -1e308, float("nan")]) == [1.0, 0.0, 0.0]


def test_the_cache_follows_the_version():
    session = make()
    first = cached_frame(session)
    assert cached_frame(session) is first
    session.step(1)
    assert cached_frame(session) is not first


def test_an_overflow_shows_in_the_frame_without_nan():
    session = make(activation="linear", lr=100)
    session.step(100)
    frame = make_frame(session)
    json.dumps(frame, allow_nan=False)
    assert frame["error"]["code"] == "overflow"


def test_frames_of_one_session_do_not_disturb_training_of_another():
    """Two sessions in two threads: training A while frames of B are made.

    Grad mode must be per thread (issue 12): if B's no_grad() switched off
    recording for A's thread, A's steps would learn nothing.
    """
    reference = make(hidden="8,8", lr=0.1)
    reference.step(15)
    a, b = make(hidden="8,8", lr=0.1), make(hidden="4")
    stop = threading.Event()

    def frames():
        while not stop.is_set():
            make_frame(b)

    thread = threading.Thread(target=frames)
    thread.start()
    try:
        for _ in range(15):
            a.step(1)
    finally:
        stop.set()
        thread.join()
    assert a.model.state_dict() == reference.model.state_dict()
