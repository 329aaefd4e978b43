"""The steps' data: roles as draw_dot colours them, layers, jumps, the focus path."""

from __future__ import annotations

import pytest

from demos.common.examples import EXAMPLES
from demos.stepper.stepper import ROLE_COLOURS, page_data, stepper_css
from demos.stepper.steps import layers, roles
from engine import Value, topo_sort


def test_roles_and_colours_are_draw_dots():
    style = pytest.importorskip("engine.draw.style")
    assert ROLE_COLOURS == style.COLOURS
    css = stepper_css()
    for role, colour in style.COLOURS.items():
        assert f"--role-{role}: {colour};" in css
    root = EXAMPLES["net"][1]()
    role = {node.label: r for node, r in roles(root).items() if node.label}
    assert role["L1.N1.w1"] == role["L2.N1.b"] == "parameter"
    assert role["x1"] == role["target"] == "input"
    assert role["L"] == "output" and role["L1.N1.s"] == "computed"
    x = Value(2.0)  # a Value the user made, without a label: an input
    y = x * x + 1
    assert next(roles(y)[n] for n in topo_sort(y) if not n.parents) == "input"


def test_layers_come_from_nn_labels_and_weighted_sums():
    from nn import MLP

    model = MLP(2, [4, 4, 1], seed=0)
    out = model([0.5, -1.0])  # nn leaves the inner nodes unlabelled
    layer = layers(out)
    assert layer[out] == 3
    assert {layer[p] for p in model.parameters()} == {1, 2, 3}
    data = page_data(out)
    labels = [j["label"] for j in data["jumps"]]
    for k in (1, 2, 3):
        assert f"Forward pass, layer {k}" in labels
        assert f"Backward pass, layer {k}" in labels
    backward = [
        j for j in data["jumps"] if j["label"].startswith("Backward pass, layer")
    ]
    assert [j["label"][-1] for j in backward] == [
        "3",
        "2",
        "1",
    ]  # as backprop meets them
    assert len(data["steps"]) > 90  # the playground's size of graph


def test_the_focus_path_is_the_chain_rule_back_to_the_weight():
    root = EXAMPLES["net"][1]()
    weight = next(n for n in topo_sort(root) if n.label == "L1.N1.w1")
    data = page_data(root, focus=weight)
    names = {node["id"]: node["name"] for node in data["nodes"]}
    chain = [
        data["steps"][k]
        for k in data["focus"]["steps"]
        if data["steps"][k]["edge"] is not None
    ]
    assert [names[s["parent"]] for s in chain] == [
        "err",
        "y",
        "L1.N1.z",
        "L1.N1.s",
        "L1.N1.w1",
    ]
    product = 1.0
    for s in chain:
        product *= float(s["exact"]["local"])
    assert product == pytest.approx(weight.grad, rel=1e-12)  # dloss/dw multiplies out
    assert data["focus"]["next"] == "Next step on the path to L1.N1.w1 ▶"
    assert page_data(EXAMPLES["net"][1](), focus="L1.N1.w1")["focus"] == data["focus"]
    with pytest.raises(ValueError, match="no value labelled 'nope'"):
        page_data(root, focus="nope")
    with pytest.raises(ValueError, match="focus must be a Value"):
        page_data(root, focus=Value(1.0))


def test_the_steps_name_local_derivatives_and_explain_p():
    from nn import cross_entropy

    z = [Value(2.0, label="z1"), Value(0.5, label="z2")]
    data = page_data(cross_entropy(z, 0))
    text = "\n".join(line for s in data["steps"] for line in s["lines"])
    assert "∂n1/∂z1 = p1 - 1 = " in text
    assert "p1 = softmax probability of class 1 = e**z1 / Σ e**z = 0.8176" in text
