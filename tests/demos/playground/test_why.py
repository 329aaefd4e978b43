"""demos/playground/why.py: the why? panel's answers, in Python and over HTTP.

Every number is checked against a fresh forward and backward pass on a copy
of the session's weights, and the previewed step against the real one.
"""

from __future__ import annotations

import html
import math

import pytest

import nn
from demos.playground.errors import PlaygroundError
from demos.playground.metrics import loss_of
from demos.playground.session import Session
from demos.playground.settings import parse_settings
from demos.playground.why import inspect_point, json_ready, weight_answer
from engine import no_grad
from tests.demos.playground.test_server import api, assert_refusal, new_session


def make(**values) -> Session:
    return Session(parse_settings({k: str(v) for k, v in values.items()}))


def twin_of(session: Session) -> nn.MLP:
    """A new network with the session's weights (nothing shared with it)."""
    s = session.settings
    outputs = session.model.layers[-1].nout
    twin = nn.MLP(2, [*s.hidden, outputs], s.activation, seed=s.seed)
    twin.load_state_dict(session.model.state_dict())
    return twin


def fresh_pass(session: Session, x: float, y: float, label: int):
    """(loss, {name: dL/dw}, twin) from a fresh forward + backward in Python."""
    twin = twin_of(session)
    output = twin([x, y])
    loss = loss_of([output], [label], session.loss_name)
    loss.backward()
    return loss, {name: p.grad for name, p in twin.named_parameters()}, twin


@pytest.mark.parametrize(
    "values",
    [{"hidden": "4,4"}, {"dataset": "blobs", "hidden": "5", "activation": "relu"}],
)
def test_the_panel_equals_a_fresh_forward_and_backward(values):
    session = make(**values)
    session.step(7)
    grads_of_the_step = [p.grad for p in session.model.parameters()]
    answer, _ = inspect_point(session, {"set": "train", "index": 5}, "T", "S")
    x, y, label = session.points.train[5]
    assert answer["point"] == [x, y, label]
    loss, grads, twin = fresh_pass(session, x, y, label)
    report = answer["report"]
    assert report["loss"] == loss.data
    assert report["grads"] == grads
    assert answer["weights"] == [{"name": n, "grad": g} for n, g in grads.items()]
    with no_grad():
        xs = [x, y]
        for layer, shown in zip(twin.layers, report["layers"], strict=True):
            xs = layer.outputs(xs)
            assert [n["output"] for n in shown["neurons"]] == [v.data for v in xs]
            xs = [v.data for v in xs]
    assert report["outputs"] == xs
    assert report["label"] == label
    # the frame's grads (the last step's) are as they were
    assert [p.grad for p in session.model.parameters()] == grads_of_the_step


def test_the_chain_sums_to_the_examples_gradient():
    session = make(hidden="4,4", seed=2)
    session.step(3)
    answer, _ = weight_answer(
        session, {"set": "test", "index": 2, "weight": "L1.N3.w2"}
    )
    x, y, label = session.points.test[2]
    _, grads, _ = fresh_pass(session, x, y, label)
    assert answer["example_grad"] == grads["L1.N3.w2"]
    chain = answer["chain"]
    assert chain["paths_total"] == 4 and chain["paths_left_out"] == 0
    for path in chain["paths"]:
        assert path["product"] == math.prod(e["local"] for e in path["edges"])
        assert path["edges"][-1]["parent"] == "L1.N3.w2"
    total = math.fsum(path["product"] for path in chain["paths"])
    assert total == pytest.approx(grads["L1.N3.w2"], rel=1e-12, abs=1e-15)
    assert chain["sum"] == pytest.approx(grads["L1.N3.w2"], rel=1e-12, abs=1e-15)
    assert any("L1.N3.w2" in line for line in answer["explain"])
    assert answer["value"] == dict(session.model.named_parameters())["L1.N3.w2"].data


def test_the_preview_leaves_the_session_as_it_was():
    session = make(hidden="3", batch=10, optimizer="adam")
    session.step(2)
    weights, epoch = session.model.state_dict(), session.epoch
    grads = [p.grad for p in session.model.parameters()]
    answer, _ = weight_answer(
        session, {"set": "train", "index": 0, "weight": "L2.N1.b"}
    )
    assert session.model.state_dict() == weights and session.epoch == epoch
    assert [p.grad for p in session.model.parameters()] == grads
    preview = answer["preview"]
    assert preview["before"] == answer["value"]
    assert 0 <= preview["probability_before"] <= 1
    assert preview["predicted_after"] in (0, 1)
    assert answer["optimizer"] == "adam" and "new_values" not in preview


@pytest.mark.parametrize(
    "body",
    [
        {"set": "validation", "index": 0},
        {"set": "train", "index": -1},
        {"set": "train", "index": 10_000},
        {"set": "train", "index": True},
        {"set": "train", "index": "two"},
        {"set": "train", "index": 0, "focus": "L9.N1.w1"},
        {"set": "train", "index": 0, "focus": "L1.N9"},
        {"set": "train", "index": 0, "lang": "sv"},
    ],
)
def test_bad_requests_name_the_problem(body):
    session = make()
    with pytest.raises(PlaygroundError) as caught:
        inspect_point(session, body, "T", "S")
    assert caught.value.status == 400 and caught.value.message_fi


def test_json_ready_turns_nan_into_null():
    assert json_ready({"a": [1.0, math.nan, (math.inf, 2)]}) == {
        "a": [1.0, None, [None, 2]]
    }


# ---------------------------------------------------------------- HTTP
@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("batch", [0, 10])
def test_one_step_gives_the_weight_the_panel_said(server, optimizer, batch):
    key, _ = new_session(server, optimizer=optimizer, batch=batch, lr=0.1, l2=0.001)
    status, _ = api(server, "control", {"session": key, "action": "step", "steps": 3})
    assert status == 200
    for name, index in (("L1.N2.w1", 4), ("L2.N3.b", 9), ("L3.N1.w4", 0)):
        ask = {"session": key, "set": "train", "index": index, "weight": name}
        status, first = api(server, "weight", ask)
        assert status == 200, first
        preview = first["weight"]["preview"]
        assert first["frame"]["playing"] is False
        status, again = api(server, "weight", ask)  # asking twice changes nothing
        assert again["weight"]["preview"] == preview
        status, stepped = api(server, "control", {"session": key, "action": "step"})
        status, after = api(server, "weight", ask)
        assert after["weight"]["value"] == preview["after"]
        assert after["weight"]["preview"]["output_before"] == preview["output_after"]
        assert stepped["frame"]["step"] == first["frame"]["step"] + 1


def test_inspect_pauses_a_playing_session(server):
    key, _ = new_session(server, speed=100)
    status, answer = api(server, "control", {"session": key, "action": "play"})
    assert answer["frame"]["playing"] is True
    status, answer = api(
        server, "inspect", {"session": key, "set": "train", "index": 0}
    )
    assert status == 200 and answer["frame"]["playing"] is False
    steps = answer["frame"]["step"]
    status, later = api(server, "frame", {"session": key})
    assert later["frame"]["playing"] is False and later["frame"]["step"] == steps


def test_inspect_answers_over_http_with_a_bounded_picture(server):
    key, _ = new_session(server, hidden="4,4")
    body = {"session": key, "set": "train", "index": 1, "focus": "L1.N2.w1"}
    status, answer = api(server, "inspect", body)
    assert status == 200
    graph = answer["inspect"]["graph"]
    assert graph["svg"].lstrip().startswith("<?xml") and "<svg" in graph["svg"]
    assert graph["focus"] == "L1.N2.w1"
    assert graph["nodes_drawn"] + graph["nodes_left_out"] == 57
    assert graph["nodes_left_out"] > 0
    assert f"{graph['nodes_left_out']} more nodes not shown" in graph["svg"]
    link = answer["inspect"]["stepper"]
    assert link.startswith(f"/stepper?token={server.token}&session={key}&set=train")
    assert "focus=L1.N2.w1" in link
    status, whole = api(server, "inspect", {**body, "focus": None})
    assert whole["inspect"]["graph"]["nodes_left_out"] == 0


def test_the_pictures_of_a_finnish_panel_are_in_finnish(server):
    key, _ = new_session(server, hidden="4,4")
    body = {"session": key, "set": "train", "index": 1, "lang": "fi"}
    status, answer = api(server, "inspect", {**body, "focus": "L1.N2.w1"})
    assert status == 200, answer
    graph = answer["inspect"]["graph"]
    svg = html.unescape(graph["svg"])
    assert "vain polut luvusta loss takaisin kohteeseen L1.N2.w1 (punaisella)" in svg
    assert f"{graph['nodes_left_out']} muuta solmua jätetty pois" in svg
    assert "more nodes not shown" not in svg and "kerros 1" in svg
    status, whole = api(server, "inspect", body)  # the whole graph, in boxes
    svg = html.unescape(whole["inspect"]["graph"]["svg"])
    assert "neuroni 4" in svg and "neuron 4" not in svg
    status, answer = api(server, "weight", {**body, "weight": "L2.N3.w1"})
    assert status == 200, answer
    svg = html.unescape(answer["weight"]["graph"]["svg"])
    assert "takaisin kohteeseen L2.N3.w1 (punaisella)" in svg and "(red)" not in svg


@pytest.mark.parametrize(
    "route, extra, named",
    [
        ("inspect", {"set": "all", "index": 0}, "set"),
        ("inspect", {"set": "test", "index": 999}, "index"),
        ("inspect", {"set": "train", "index": 0, "focus": "L1.N2.w9"}, "focus"),
        ("inspect", {"set": "train", "index": 0, "focus": 3}, "focus"),
        ("weight", {"set": "train", "index": 0, "weight": "L1.N2"}, "weight"),
        ("weight", {"set": "train", "index": 0}, "weight"),
        ("weight", {"set": "train", "index": 1.5, "weight": "L1.N1.w1"}, "index"),
    ],
)
def test_bad_fields_are_400_with_a_message_in_both_languages(
    server, route, extra, named
):
    key, _ = new_session(server)
    status, answer = api(server, route, {"session": key, **extra})
    assert_refusal(status, answer, 400)
    assert answer["message"].startswith(named) and answer["message_fi"].startswith(
        named
    )
    status, answer = api(server, route, {"session": "nope", **extra})
    assert_refusal(status, answer, 404)
