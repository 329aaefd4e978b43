"""engine/draw/dot.py: what the picture holds, read back from Graphviz's layout.

Graphviz's JSON output lists every node with the text it actually drew and
every edge with its ends, so these tests check the picture Graphviz makes,
not just our DOT text. The WebAssembly Graphviz writes JSON with pip alone;
the same checks run through the system `dot` where it is installed.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
import unicodedata
from xml.etree import ElementTree

import graphviz
import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import Value, add_all, dot, draw_dot, new_node, topo_sort
from engine.draw import DEFAULT_MAX_NODES, GraphPicture, GraphTooLargeError
from engine.draw.renderer import render_bytes
from engine.draw.style import COLOURS
from engine.value import Constant
from tests.strategies import programs_with_inputs

HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="system Graphviz `dot` not on PATH")
BACKENDS = ["wasm", pytest.param("dot", marks=needs_dot)]
SVG = "{http://www.w3.org/2000/svg}"


def layout(graph: graphviz.Digraph, backend: str = "wasm") -> dict:
    return json.loads(render_bytes(graph.source, "json", backend=backend))


def drawn_texts(graph: graphviz.Digraph, backend: str = "wasm") -> dict[str, list[str]]:
    """Node name -> the lines of text Graphviz drew in it, read from the SVG."""
    svg = render_bytes(graph.source, "svg", backend=backend)
    texts = {}
    for group in ElementTree.fromstring(svg).iter(f"{SVG}g"):
        if group.get("class") == "node":
            name = group.find(f"{SVG}title").text
            lines = [t.text or "" for t in group.iter(f"{SVG}text")]
            texts[name] = [line.replace("\xa0", " ") for line in lines]
    return texts


def drawn_edges(layout_json: dict) -> list[tuple[str, str, str]]:
    """(tail name, head name, head port) of every edge, in order."""
    names = {
        obj["_gvid"]: obj["name"]
        for obj in layout_json["objects"]
        if "nodes" not in obj
    }
    return [
        (names[e["tail"]], names[e["head"]], e.get("headport", ""))
        for e in layout_json.get("edges", [])
    ]


def node_attrs(graph: graphviz.Digraph) -> dict[str, dict]:
    return {
        obj["name"]: obj
        for obj in layout(graph)["objects"]
        if "nodes" not in obj and "subgraphs" not in obj
    }


def neuron():
    """micrograd's README neuron: o = tanh(w1*x1 + w2*x2 + b), after backward."""
    x1, x2 = Value(2.0, label="x1"), Value(0.0, label="x2")
    w1, w2 = Value(-3.0, label="w1"), Value(1.0, label="w2")
    b = Value(6.8813735870195432, label="b")
    n = dot([w1, w2], [x1, x2], b)
    n.label = "n"
    o = n.tanh()
    o.label = "o"
    o.backward()
    return o, (w1, w2, x1, x2, b, n)


# ------------------------------------------------------------ the contents
def test_returns_a_digraph_with_format_and_direction():
    o, _ = neuron()
    graph = draw_dot(o, format="png", rankdir="TB")
    assert isinstance(graph, graphviz.Digraph)
    assert graph.format == "png"
    assert "rankdir=TB" in graph.source


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_value_shows_label_data_and_grad(backend):
    o, _ = neuron()
    texts = drawn_texts(draw_dot(o), backend)
    boxes = [lines for name, lines in texts.items() if not name.endswith("_op")]
    assert ["o", "data 0.7071", "grad 1.0000"] in boxes
    assert ["n", "data 0.8814", "grad 0.5000"] in boxes
    assert ["x1", "data 2.0000", "grad -1.5000"] in boxes
    assert ["w1", "data -3.0000", "grad 1.0000"] in boxes
    assert ["w2", "data 1.0000", "grad 0.0000"] in boxes
    assert ["b", "data 6.8814", "grad 0.5000"] in boxes
    assert len(boxes) == 7


@given(programs_with_inputs(max_inputs=3, max_steps=8))
def test_any_graph_shows_every_value_once_with_its_numbers(case):
    program, xs = case
    root = program.run([Value(x, label=f"x{i}") for i, x in enumerate(xs)])
    root.backward()
    source = draw_dot(root, max_nodes=10_000).source
    for i, node in enumerate(topo_sort(root)):
        line = next(li for li in source.splitlines() if li.strip().startswith(f"v{i} "))
        if not isinstance(node, Constant):  # wrapped numbers: a bare number
            assert f"data\\ {node.data + 0.0:.4f}" in line
            assert f"grad\\ {node.grad + 0.0:.4f}" in line
        else:
            assert f"{node.data:g}" in line


def test_number_format_and_hidden_grads():
    o, _ = neuron()
    texts = drawn_texts(draw_dot(o, number_format=".2f", show_grad=False))
    assert texts["v6"] == ["o", "data 0.71"]
    assert not any("grad" in line for lines in texts.values() for line in lines)
    with pytest.raises(ValueError, match="number_format"):
        draw_dot(o, number_format="%d")


def test_op_nodes_sit_between_parents_and_result():
    a, c = Value(2.0, label="a"), Value(-3.0, label="c")
    e = a * c
    d = e + a
    edges = drawn_edges(layout(draw_dot(d)))
    # topo order: a v0, c v1, e v2, d v3
    assert ("v0", "v2_op", "") in edges and ("v1", "v2_op", "") in edges
    assert ("v2_op", "v2", "") in edges
    assert ("v2", "v3_op", "") in edges and ("v0", "v3_op", "") in edges
    assert ("v3_op", "v3", "") in edges
    assert len(edges) == 6
    texts = drawn_texts(draw_dot(d))
    assert texts["v2_op"] == ["*"] and texts["v3_op"] == ["+"]


def test_a_value_used_twice_gets_two_arrows():
    a = Value(3.0, label="a")
    edges = drawn_edges(layout(draw_dot(a * a)))
    assert edges.count(("v0", "v1_op", "")) == 2


def test_weighted_sum_pairs_each_weight_with_its_input():
    o, _ = neuron()
    # topo order: w1 v0, w2 v1, x1 v2, x2 v3, b v4, n v5, o v6
    edges = drawn_edges(layout(draw_dot(o)))
    assert ("v0", "v5_op", "p0:w") in edges and ("v2", "v5_op", "p0:w") in edges
    assert ("v1", "v5_op", "p1:w") in edges and ("v3", "v5_op", "p1:w") in edges
    assert ("v4", "v5_op", "p2:w") in edges
    assert drawn_texts(draw_dot(o))["v5_op"] == ["w1·x1", "w2·x2", "b", "Σ w·x + b"]
    assert '"v5_op":sum -> v5' in draw_dot(o).source.replace("v5_op:sum", '"v5_op":sum')
    # Top to bottom, arrows enter the rows from above.
    assert ("v0", "v5_op", "p0:n") in drawn_edges(layout(draw_dot(o, rankdir="TB")))


def test_other_n_ary_sums_are_one_plain_node():
    xs = [Value(float(i), label=f"x{i}") for i in range(4)]
    total = add_all(xs)
    texts = drawn_texts(draw_dot(total))
    assert texts["v4_op"] == ["Σ"]
    no_bias = dot(xs[:2], xs[2:])
    assert drawn_texts(draw_dot(no_bias))["v4_op"] == ["w1·x1", "w2·x2", "Σ w·x"]


def test_roles_are_coloured_apart():
    o, _ = neuron()
    attrs = node_attrs(draw_dot(o))
    assert attrs["v0"]["fillcolor"] == COLOURS["parameter"]  # w1, by position
    assert attrs["v4"]["fillcolor"] == COLOURS["parameter"]  # b
    assert attrs["v2"]["fillcolor"] == COLOURS["input"]  # x1
    assert attrs["v5"]["fillcolor"] == COLOURS["computed"]
    assert attrs["v6"]["fillcolor"] == COLOURS["output"]
    assert attrs["v6"]["penwidth"] == "2.5"


def test_parameters_by_label_or_by_argument():
    w = Value(0.5, label="L2.N1.w3")
    k = Value(0.1, label="k")
    x = Value(2.0, label="x")
    y = w * x + k * x
    attrs = node_attrs(draw_dot(y))
    fills = {
        attrs[name]["label"].split("|")[0]: attrs[name]["fillcolor"] for name in attrs
    }
    assert fills["L2.N1.w3"] == COLOURS["parameter"]
    assert fills["k"] == COLOURS["input"]
    attrs = node_attrs(draw_dot(y, parameters=[k]))
    fills = {
        attrs[name]["label"].split("|")[0]: attrs[name]["fillcolor"] for name in attrs
    }
    assert fills["k"] == COLOURS["parameter"]


def test_constants_are_small_plain_numbers():
    a = Value(1.5, label="a")
    texts = drawn_texts(draw_dot(a * 2))
    attrs = node_attrs(draw_dot(a * 2))
    assert texts["v1"] == ["2"]
    assert attrs["v1"]["shape"] == "plaintext"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_value_the_user_made_shows_its_grad_even_without_a_label(backend):
    # It used to be drawn as a bare "2", taken for a constant by its missing
    # label, so the learner never saw x's gradient.
    x = Value(2.0)
    y = x * x + 1
    y.backward()
    texts = drawn_texts(draw_dot(y), backend)
    # topo order: x v0, x*x v1, the wrapped 1 v2, y v3
    assert texts["v0"] == ["data 2.0000", "grad 4.0000"]
    assert texts["v2"] == ["1"]
    assert node_attrs(draw_dot(y))["v0"]["fillcolor"] == COLOURS["input"]


def test_only_numbers_an_operator_wrapped_are_constants():
    x, k = Value(3.0, label="x"), Value(0.5)  # k: made by the user, no label
    made = [
        *(x + 1, x - 1, x * 2, x / 4, 1 + x, 1 - x, 2 * x, 8 / x, 2**x),
        *(x**k, add_all([x, 5]), dot([1, 2], [x, k]), dot([x], [k], 3)),
    ]
    for y in made:
        leaves = [n for n in topo_sort(y) if not n.parents]
        for leaf in leaves:
            assert isinstance(leaf, Constant) == (leaf is not x and leaf is not k)
        texts = drawn_texts(draw_dot(y))
        assert any(lines[-1].startswith("grad") for lines in texts.values())
    assert not any(isinstance(v, Constant) for v in (x, k, Value(1.0), x * k))
    # The marker costs no memory: no slots of its own, the size of a Value.
    assert Constant.__slots__ == ()
    assert sys.getsizeof(Constant(1.0)) == sys.getsizeof(Value(1.0))


def test_same_source_every_run():
    sources = {
        draw_dot(neuron()[0], cluster=True, legend=True).source for _ in range(3)
    }
    assert len(sources) == 1


def test_a_bare_leaf_draws():
    texts = drawn_texts(draw_dot(Value(4.0, label="x")))
    assert texts == {"v0": ["x", "data 4.0000", "grad 0.0000"]}


def test_bad_arguments_say_what_is_wrong():
    with pytest.raises(TypeError, match="needs a Value, got float"):
        draw_dot(3.0)
    with pytest.raises(ValueError, match="rankdir"):
        draw_dot(Value(1.0), rankdir="up")


# ---------------------------------------------------------- gradient arrows
def edge_lines(graph: graphviz.Digraph) -> list[str]:
    return [line.strip() for line in graph.source.splitlines() if " -> " in line]


def penwidth(line: str) -> float:
    match = re.search(r"penwidth=([\d.]+)", line)
    return float(match.group(1)) if match else 0.0


def test_arrows_grow_with_the_gradient_flowing_back():
    o, _ = neuron()
    lines = edge_lines(draw_dot(o))
    by_tail = {line.split(" -> ")[0]: line for line in lines}
    # Into the sum: from x1 flows w1 * dn = -3 * 0.5 = -1.5 (the largest),
    # from w1 flows x1 * dn = 1.0, from b flows 0.5, from w2 flows 0 (x2 = 0).
    assert penwidth(by_tail["v2"]) == 4.0
    assert 0.8 < penwidth(by_tail["v4"]) < penwidth(by_tail["v0"]) < 4.0
    assert "dashed" in by_tail["v1"] and "penwidth" not in by_tail["v1"]
    assert "tooltip" in by_tail["v2"] and "-1.5" in by_tail["v2"]


def test_plain_arrows_before_backward_or_when_asked():
    x = Value(2.0, label="x")
    y = (x * x).tanh()
    assert not any("penwidth" in line for line in edge_lines(draw_dot(y)))
    y.backward()
    assert any("penwidth" in line for line in edge_lines(draw_dot(y)))
    assert not any(
        "penwidth" in line for line in edge_lines(draw_dot(y, grad_edges=False))
    )
    assert not any(
        "penwidth" in line for line in edge_lines(draw_dot(y, show_grad=False))
    )


# ------------------------------------------------------------------ escaping
NASTY = [
    "{x|y}",
    "<w>",
    'say "hi"',
    "back\\slash",
    "a\\nb",
    "\\N",
    "äöå Σ ∂ 🙂",
    "a  b",
    "&amp; &lt;",  # was drawn as "& <"
    "R&D &#916; &",
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("label", NASTY)
def test_labels_show_exactly_as_written(backend, label):
    x = Value(1.0, label=label)
    y = new_node(2.0, label, (x,), (1.0,))  # an op named with the same text
    y.label = label
    graph = draw_dot(y, title=label)
    texts = drawn_texts(graph, backend)
    assert texts["v0"][0] == label
    assert texts["v1"][0] == label
    assert texts["v1_op"] == [label]
    svg = render_bytes(graph.source, "svg", backend=backend).decode("utf-8")
    assert svg.count("<svg") == 1


def tooltips(graph: graphviz.Digraph, backend: str = "wasm") -> list[str]:
    """The text shown on hovering over each node, read from the SVG."""
    svg = render_bytes(graph.source, "svg", backend=backend)
    link = "{http://www.w3.org/1999/xlink}title"
    return [a.get(link) for a in ElementTree.fromstring(svg).iter(f"{SVG}a")]


@pytest.mark.parametrize("backend", BACKENDS)
def test_entities_in_a_label_show_as_written_on_hover_too(backend):
    x = Value(1.0, label="&amp; &lt;")
    assert "&amp; &lt; (output): data = 1.0, grad = 0.0" in tooltips(
        draw_dot(x), backend
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_long_labels_are_shortened_so_graphviz_draws_them(backend):
    # System dot refused any string of 16 KB or more (a RenderError).
    long = "abc" * 10_000
    x = Value(1.0, label=long)
    y = new_node(2.0, long, (x,), (1.0,))
    graph = draw_dot(y, title=long, legend=True)
    texts = drawn_texts(graph, backend)
    assert texts["v0"][0] == long[:59] + "…"
    assert texts["v1_op"] == [long[:59] + "…"]
    hover = next(t for t in tooltips(graph, backend) if t.endswith("grad = 0.0"))
    assert hover.startswith(long[:499] + "…") and len(hover) < 600
    assert layout(graph, backend)["label"] == long[:199] + "…"  # the title
    assert max(len(line) for line in graph.source.splitlines()) < 16_384 // 4


def test_wrong_types_say_what_was_passed_and_what_is_expected():
    x = Value(1.0, label="x")
    y = x * 2
    with pytest.raises(TypeError, match=r"parameters=.*list of Values.*got int: 3"):
        draw_dot(y, parameters=3)
    with pytest.raises(TypeError, match=r"parameters=.*one of them is float: 1.5"):
        draw_dot(y, parameters=[x, 1.5])
    with pytest.raises(TypeError, match=r"title=.*needs a string, got int: 3"):
        draw_dot(y, title=3)
    x.label = 3  # set after the Value was made
    with pytest.raises(TypeError, match=r"label must be a string, got int: 3 .*1\.0"):
        draw_dot(y)
    x.label = "x" * 10_000
    y.label = ["a"] * 10_000
    with pytest.raises(TypeError, match="got list") as error:
        draw_dot(y)
    assert len(str(error.value)) < 200
    # A generator of parameters still works (it is read once).
    y.label = ""
    assert "fillcolor" in draw_dot(y, parameters=(p for p in [x])).source


@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12))
def test_any_text_survives_the_wasm_graphviz(label):
    x = Value(1.0, label=label)
    y = x.exp()
    y.label = label
    texts = drawn_texts(draw_dot(y, title=label))
    shown = texts["v0"][0]
    # Control characters (newline, tab, NUL) are shown as their escape codes.
    visible = "".join(
        repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Co", "Cn") else c
        for c in label
    )
    assert " ".join(shown.split()) == " ".join(visible.split())


# ------------------------------------------------------------- clusters
def test_clusters_group_parameters_into_neurons_and_layers():
    nn = pytest.importorskip("nn")
    model = nn.MLP(2, [2, 1], activation="tanh", seed=0)
    x = [Value(1.0, label="x1"), Value(-1.0, label="x2")]
    loss = (model(x) - 1.0) ** 2
    loss.backward()
    graph = draw_dot(loss, cluster=True)
    found = layout(graph)
    objects = found["objects"]
    clusters = {
        obj["name"]: obj for obj in objects if obj["name"].startswith("cluster_")
    }
    assert sorted(clusters) == [
        "cluster_L1",
        "cluster_L1_N1",
        "cluster_L1_N2",
        "cluster_L2",
        "cluster_L2_N1",
    ]
    names = {obj["_gvid"]: obj["name"] for obj in objects}
    texts = drawn_texts(graph)

    def labels_in(cluster: str) -> set[str]:
        members = [names[i] for i in clusters[cluster]["nodes"]]
        return {texts[m][0] for m in members if texts[m]}

    n1 = labels_in("cluster_L1_N1")
    assert {"L1.N1.w1", "L1.N1.w2", "L1.N1.b", "tanh"} <= n1
    assert not any(label.startswith(("L1.N2", "L2")) for label in n1)
    assert {"L2.N1.w1", "L2.N1.w2", "L2.N1.b"} <= labels_in("cluster_L2_N1")
    outside = set(texts) - {names[i] for c in clusters.values() for i in c["nodes"]}
    # The inputs and the loss (the "-", the **2 and the 1) are in no box.
    outside_texts = {texts[m][0] for m in outside}
    assert {"x1", "x2", "-", "**2", "1"} <= outside_texts


def test_no_clusters_unless_asked():
    w = Value(1.0, label="L1.N1.w1")
    assert "cluster" not in draw_dot(w * 2).source


# ---------------------------------------------------------------- size limit
def test_too_many_nodes_is_a_clear_error():
    x = Value(0.5, label="x")
    y = x
    for _ in range(DEFAULT_MAX_NODES):
        y = y.tanh()
    with pytest.raises(
        GraphTooLargeError, match=r"has 301 Values, more than max_nodes=300"
    ):
        draw_dot(y)
    with pytest.raises(ValueError, match=r"max_nodes=301 to draw it anyway"):
        draw_dot(y)
    assert isinstance(draw_dot(y, max_nodes=301), graphviz.Digraph)
    with pytest.raises(GraphTooLargeError, match="has 301 Values"):
        draw_dot(y, max_nodes=10)


# ----------------------------------------------------------------- Jupyter
def test_jupyter_shows_svg_without_system_graphviz(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kw: None)
    graph = draw_dot(neuron()[0], legend=True)
    assert isinstance(graph, GraphPicture)
    bundle = graph._repr_mimebundle_()
    assert "<svg" in bundle["image/svg+xml"]
    assert "data 0.7071" in bundle["image/svg+xml"].replace("&#160;", " ")


def test_layers_stand_side_by_side():
    nn = pytest.importorskip("nn")
    model = nn.MLP(2, [3, 2, 1], activation="tanh", seed=0)
    out = model([Value(1.0, label="x1"), Value(2.0, label="x2")])
    out.backward()
    objects = layout(draw_dot(out, cluster=True))["objects"]
    boxes = {
        obj["name"]: [float(c) for c in obj["bb"].split(",")]
        for obj in objects
        if "bb" in obj
    }
    # bb is "left,bottom,right,top": each layer starts right of the one before.
    assert boxes["cluster_L1"][2] < boxes["cluster_L2"][0]
    assert boxes["cluster_L2"][2] < boxes["cluster_L3"][0]


# ------------------------------------------------------------------ legend
def test_the_key_explains_only_what_is_drawn():
    a = Value(2.0, label="a")
    L = a * 3
    L.label = "L"
    L.backward()
    texts = drawn_texts(draw_dot(L, legend=True))
    assert texts["legend_input"] == ["input"]
    assert texts["legend_output"] == ["output"]
    assert "legend_constant" in texts and "legend_parameter" not in texts
    # the key's sample constant is the 3 the picture shows (it used to be 2.5)
    assert texts["legend_constant"] == ["3: a constant"]
    source = draw_dot(L, legend=True).source
    assert "grad: d(L)/d(this number)" in source
    assert "no gradient" not in source  # no arrow carries zero
    o, _ = neuron()
    source = draw_dot(o, legend=True).source
    assert "legend_parameter" in source and "no gradient flows back" in source
    assert "legend" not in draw_dot(o).source


def test_hovering_shows_exact_numbers_and_local_derivatives():
    o, _ = neuron()
    svg = html.unescape(
        render_bytes(draw_dot(o).source, "svg", backend="wasm").decode()
    )
    assert "x1 (input): data = 2.0, grad = -1.4999" in svg  # -1.4999999999999993
    assert f"o (output): data = {o.data!r}, grad = 1.0" in svg
    assert "tanh: local derivatives d(out)/d(input) = 0.5" in svg
    # The weighted sum's local derivatives: x1, x2 for the weights, w1, w2, 1.
    assert "Σ w·x + b: local derivatives d(out)/d(input) = 2, 0, -3, 1, 1" in svg


# -------------------------------------------------------------------- focus
def one_example_through_a_network():
    """The playground's case: one example through MLP(2, [4, 4, 1]) and a loss."""
    nn = pytest.importorskip("nn")
    model = nn.MLP(2, [4, 4, 1], activation="tanh", seed=0)
    score = model([Value(0.5, label="x1"), Value(-1.2, label="x2")])
    loss = nn.binary_cross_entropy(score, 1)
    loss.label = "loss"
    loss.backward()
    return loss, dict(model.named_parameters())


def box_labels(graph: graphviz.Digraph, backend: str = "wasm") -> set[str]:
    texts = drawn_texts(graph, backend)
    return {lines[0] for name, lines in texts.items() if not name.endswith("_op")}


@pytest.mark.parametrize("backend", BACKENDS)
def test_focus_draws_the_paths_back_to_one_weight_and_what_they_need(backend):
    loss, params = one_example_through_a_network()
    w = params["L1.N2.w1"]
    graph = draw_dot(loss, focus=w, rankdir="TB")
    labels = box_labels(graph, backend)
    # The weight, its input, and each weight that multiplies a value on a path.
    needed = {"L1.N2.w1", "x1", "loss"}
    needed |= {f"L2.N{j}.w2" for j in range(1, 5)}  # they multiply w's neuron
    needed |= {f"L3.N1.w{j}" for j in range(1, 5)}  # every layer-2 neuron is on one
    assert needed <= labels
    assert not labels & {"x2", "L1.N2.w2", "L1.N2.b", "L1.N1.w1", "L2.N1.w1"}
    shown = [name for name in drawn_texts(graph, backend) if not name.endswith("_op")]
    left_out = len(topo_sort(loss)) - len(shown)
    assert left_out > 0
    assert f"{left_out} more nodes not shown" in layout(graph, backend)["label"]
    # The names are those of the whole picture, and every arrow joins two
    # things that are drawn.
    whole = drawn_texts(draw_dot(loss))
    for name, lines in drawn_texts(graph, backend).items():
        assert whole[name] == lines or name.endswith("_op")
    assert all(
        tail in drawn_texts(graph) and head in drawn_texts(graph)
        for tail, head, _ in drawn_edges(layout(graph, backend))
    )


def test_focus_marks_the_path_and_the_focused_value():
    loss, params = one_example_through_a_network()
    graph = draw_dot(loss, focus=params["L2.N3.b"], legend=True)
    attrs = node_attrs(graph)
    focused = next(a for a in attrs.values() if a["label"].startswith("L2.N3.b|"))
    assert focused["color"] == "#d62728" and focused["penwidth"] == "3"
    red = [line for line in edge_lines(graph) if "#d62728" in line]
    # b -> sum, sum -> z, z -> tanh, tanh -> h, h -> L3 sum, sum -> score,
    # score -> bce, bce -> loss: one path of 8 arrows.
    assert len(red) == 8
    # The weighted sums on the path show only the rows on the path.
    texts = drawn_texts(graph)
    sums = [lines for name, lines in texts.items() if lines[-1] == "Σ w·x + b"]
    assert ["b", "+4 more", "Σ w·x + b"] in sums
    assert ["w3·x3", "+4 more", "Σ w·x + b"] in sums
    source = graph.source
    assert "red arrow: on a path back to the red-framed value" in source
    assert "dashed box" not in source  # there is none in this picture


def test_focus_on_a_small_expression_keeps_every_input_of_an_operation():
    x, y, z = Value(2.0, label="x"), Value(3.0, label="y"), Value(1.0, label="z")
    e = x * y
    e.label = "e"
    u = (z * 5).exp()  # not on the path from f back to x
    u.label = "u"
    f = e + u
    f.label = "f"
    f.backward()
    graph = draw_dot(f, focus=x)
    assert box_labels(graph) == {"x", "y", "e", "u", "f"}  # y is needed: d(x*y)/dx = y
    attrs = node_attrs(graph)
    u_box = next(a for a in attrs.values() if a["label"].startswith("u|"))
    assert "dashed" in u_box["style"]  # drawn without the nodes it came from
    assert "3 more nodes not shown" in layout(graph)["label"]  # z, 5, z*5
    assert "dashed box: computed from values not shown" in (
        draw_dot(f, focus=x, legend=True).source
    )
    assert "no node of the graph is left out" in draw_dot(e, focus=x).source


def test_focus_with_layer_and_neuron_boxes():
    loss, params = one_example_through_a_network()
    objects = layout(draw_dot(loss, focus=params["L1.N2.w1"], cluster=True))["objects"]
    clusters = {obj["name"] for obj in objects if obj["name"].startswith("cluster_")}
    assert {"cluster_L1_N2", "cluster_L2_N1", "cluster_L3_N1"} <= clusters
    assert "cluster_L1_N1" not in clusters  # nothing of neuron 1 lies on a path


def test_focus_that_is_not_in_the_graph_is_a_clear_error():
    loss, _ = one_example_through_a_network()
    with pytest.raises(ValueError, match=r"focus \(the Value 'w'.*not in the graph"):
        draw_dot(loss, focus=Value(1.0, label="w"))
    with pytest.raises(TypeError, match=r"focus=.*needs a Value.*got str"):
        draw_dot(loss, focus="L1.N2.w1")


def test_max_nodes_counts_what_a_focused_picture_draws():
    x = Value(0.5, label="x")
    k = Value(0.1, label="k")
    y = x
    for _ in range(DEFAULT_MAX_NODES):
        y = y.tanh()
    root = y * k  # 303 Values in all; the path from root back to k is short
    with pytest.raises(GraphTooLargeError):
        draw_dot(root)
    assert "300 more nodes not shown" in draw_dot(root, focus=k).source
    with pytest.raises(GraphTooLargeError, match="focused picture would have 3"):
        draw_dot(root, focus=k, max_nodes=2)
    with pytest.raises(GraphTooLargeError, match="focused picture would have 303"):
        draw_dot(root, focus=x)


def test_top_to_bottom_boxes_stack_their_rows():
    o, _ = neuron()
    label = node_attrs(draw_dot(o, rankdir="TB"))["v6"]["label"]
    assert label == "{o|data\\ 0.7071|grad\\ 1.0000}"
    assert drawn_texts(draw_dot(o, rankdir="TB"))["v6"] == [
        "o",
        "data 0.7071",
        "grad 1.0000",
    ]
