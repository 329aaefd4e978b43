"""demos/playground/chain.py: the panel's numbers against a fresh pass in Python."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from demos.playground.chain import (
    class_probabilities,
    explain_focus,
    point_graph,
    point_report,
    step_preview,
    weight_chain,
)
from engine import Value, no_grad
from nn import MLP, SGD, Adam, binary_cross_entropy, cross_entropy, l2


def bce_example(outputs: list[Value], label: int) -> Value:
    return binary_cross_entropy([outputs[0]], [label])


def ce_example(outputs: list[Value], label: int) -> Value:
    return cross_entropy(outputs, label)


POINTS = [[0.5, -0.2], [-1.0, 0.3], [0.1, 0.9], [1.2, 1.1]]
LABELS = [1, 0, 1, 0]


def batch_loss(model: MLP, alpha: float = 0.0):
    def build() -> Value:
        logits = [model(x) for x in POINTS]
        loss = binary_cross_entropy(logits, LABELS)
        return loss + alpha * l2(model) if alpha else loss

    return build


def test_report_equals_a_fresh_forward_and_backward():
    model = MLP(2, [4, 4, 1], activation="tanh", seed=3)
    report = point_report(model, [0.5, -0.2], 1, bce_example)
    # the same example, built by hand the way a learner would
    for p in model.parameters():
        p.grad = 0.0
    loss = binary_cross_entropy([model([0.5, -0.2])], [1])
    loss.backward()
    assert report["loss"] == loss.data
    assert report["grads"] == {n: p.grad for n, p in model.named_parameters()}
    z = report["outputs"][0]
    assert report["probabilities"][1] == pytest.approx(1 / (1 + math.exp(-z)))
    assert report["predicted"] == (1 if z > 0 else 0)
    assert report["correct"] == (report["predicted"] == 1)
    # each neuron's sum and output, checked against the layer's own forward
    with no_grad():
        hidden = model.layers[0].outputs([0.5, -0.2])
    assert [n["output"] for n in report["layers"][0]["neurons"]] == [
        h.data for h in hidden
    ]
    first = report["layers"][0]["neurons"][0]
    w1, w2 = model.layers[0].neurons[0].w
    b = model.layers[0].neurons[0].b
    assert first["sum"] == pytest.approx(w1.data * 0.5 + w2.data * -0.2 + b.data)
    assert first["output"] == math.tanh(first["sum"])


def test_report_leaves_the_models_grads_alone():
    model = MLP(2, [3, 1], seed=0)
    for p in model.parameters():
        p.grad = 7.0
    point_report(model, [0.1, 0.2], 0, bce_example)
    assert all(p.grad == 7.0 for p in model.parameters())


def test_three_classes_give_softmax_probabilities():
    model = MLP(2, [5, 3], activation="relu", seed=1)
    report = point_report(model, [0.3, 0.4], 2, ce_example)
    assert len(report["probabilities"]) == 3
    assert math.fsum(report["probabilities"]) == pytest.approx(1.0)
    assert report["loss"] == pytest.approx(-math.log(report["probabilities"][2]))


def test_graph_labels_do_not_clash_with_layer_labels():
    model = MLP(2, [2, 1], activation="tanh", seed=0)
    loss, inputs, layers = point_graph(model, [1.0, 2.0], 1, bce_example)
    assert loss.label == "loss"
    assert [v.label for v in inputs] == ["x1", "x2"]
    assert layers[0][0][0].label == "L1.N1.s" and layers[0][0][1].label == "L1.N1.out"
    assert layers[1][0][0].label == "L2.N1.s"  # the linear output: s is the output


def test_one_path_multiplies_out_exactly():
    model = MLP(2, [1], seed=0)  # one neuron: one path to each weight
    loss, _, _ = point_graph(model, [0.5, 2.0], 1, bce_example)
    loss.backward()
    w = dict(model.named_parameters())["L1.N1.w2"]
    chain = weight_chain(loss, w)
    assert chain["paths_total"] == 1
    assert chain["sum"] == chain["paths"][0]["product"] == w.grad
    assert [e["parent"] for e in chain["paths"][0]["edges"]] == ["L1.N1.s", "L1.N1.w2"]


def test_paths_through_every_later_neuron_add_up_to_the_gradient():
    model = MLP(2, [4, 4, 1], activation="tanh", seed=5)
    loss, _, _ = point_graph(model, [0.5, -0.2], 1, bce_example)
    loss.backward()
    w = dict(model.named_parameters())["L1.N2.w1"]
    chain = weight_chain(loss, w)
    assert chain["paths_total"] == 4  # one through each neuron of layer 2
    assert chain["sum"] == pytest.approx(w.grad, rel=1e-12, abs=1e-15)
    assert chain["grad"] == w.grad


def test_many_paths_are_bounded_but_all_are_summed():
    model = MLP(2, [6, 6, 1], activation="tanh", seed=2)
    loss, _, _ = point_graph(model, [0.5, -0.2], 1, bce_example)
    loss.backward()
    w = dict(model.named_parameters())["L1.N1.w1"]
    chain = weight_chain(loss, w, max_paths=5)
    assert chain["paths_total"] == 6 and len(chain["paths"]) == 5
    assert chain["paths_left_out"] == 1
    assert chain["sum"] == pytest.approx(w.grad, rel=1e-12, abs=1e-15)


def test_a_value_outside_the_graph_is_refused():
    loss = Value(1.0) * 2
    with pytest.raises(ValueError, match="not in the graph"):
        weight_chain(loss, Value(3.0, label="w"))


@settings(max_examples=30)
@given(
    sizes=st.lists(st.integers(1, 3), min_size=0, max_size=2),
    seed=st.integers(0, 1000),
    x=st.tuples(st.floats(-2, 2), st.floats(-2, 2)),
    which=st.integers(0, 10_000),
)
def test_the_chain_always_sums_to_backwards_gradient(sizes, seed, x, which):
    model = MLP(2, [*sizes, 1], activation="tanh", seed=seed)
    loss, _, _ = point_graph(model, list(x), 1, bce_example)
    loss.backward()
    params = model.parameters()
    w = params[which % len(params)]
    chain = weight_chain(loss, w)
    assert chain["sum"] == pytest.approx(w.grad, rel=1e-9, abs=1e-12)


def test_explain_focus_names_the_weight():
    model = MLP(2, [2, 1], activation="tanh", seed=0)
    loss, _, _ = point_graph(model, [1.0, 2.0], 1, bce_example)
    w = dict(model.named_parameters())["L1.N1.w1"]
    text = explain_focus(loss, w)
    assert "L1.N1.w1" in text
    assert w.grad != 0.0


OPTIMIZERS = {
    "sgd": lambda m: SGD(m.parameters(), lr=0.1),
    "sgd_decay": lambda m: SGD(m.parameters(), lr=0.1, weight_decay=0.01),
    "momentum": lambda m: SGD(m.parameters(), lr=0.1, momentum=0.9),
    "nesterov": lambda m: SGD(m.parameters(), lr=0.1, momentum=0.9, nesterov=True),
    "adam": lambda m: Adam(m.parameters(), lr=0.01),
    "adam_decay": lambda m: Adam(m.parameters(), lr=0.01, weight_decay=0.01),
}


@pytest.mark.parametrize("name", list(OPTIMIZERS))
@pytest.mark.parametrize("steps_before", [0, 2])
def test_the_preview_is_exactly_what_the_step_does(name, steps_before):
    model = MLP(2, [4, 1], activation="tanh", seed=7)
    opt = OPTIMIZERS[name](model)
    build = batch_loss(model, alpha=1e-3)
    for _ in range(steps_before):  # so momentum and Adam have state
        opt.zero_grad()
        build().backward()
        opt.step()
    weights = [p.data for p in model.parameters()]
    preview = step_preview(model, opt, build, "L1.N2.w1", point=[0.5, -0.2])
    assert [p.data for p in model.parameters()] == weights  # nothing moved yet
    assert preview["before"] == dict(model.named_parameters())["L1.N2.w1"].data
    opt.zero_grad()
    build().backward()
    opt.step()
    after = dict(model.named_parameters())
    assert preview["after"] == after["L1.N2.w1"].data
    assert preview["new_values"] == {n: p.data for n, p in after.items()}
    with no_grad():
        assert preview["output_after"] == [v.data for v in model.outputs([0.5, -0.2])]
    assert preview["output_before"] != preview["output_after"]


def test_the_rule_shows_the_numbers_of_plain_sgd():
    model = MLP(2, [1], seed=0)
    opt = SGD(model.parameters(), lr=0.1)
    preview = step_preview(model, opt, batch_loss(model), "L1.N1.w1")
    w, g, new = preview["before"], preview["grad"], preview["after"]
    assert new == w - 0.1 * g
    assert (
        preview["rule"][-1] == f"w ← w − lr · g = {w:.6g} − 0.1 · {g:.6g} = {new:.6g}"
    )


def test_the_rule_of_momentum_and_adam_in_finnish():
    model = MLP(2, [2, 1], seed=0)
    opt = SGD(model.parameters(), lr=0.1, momentum=0.9)
    first = step_preview(model, opt, batch_loss(model), "L2.N1.b", lang="fi")
    assert "ensimmäinen askel" in first["rule"][1]
    adam = Adam(model.parameters(), lr=0.01)
    rule = step_preview(model, adam, batch_loss(model), "L2.N1.b")["rule"]
    assert rule[1].startswith("m ← β1 · m") and "m̂" in rule[-1]


def test_preview_refuses_what_it_cannot_explain():
    model = MLP(2, [1], seed=0)
    opt = SGD(model.parameters(), lr=0.1)
    with pytest.raises(ValueError, match="no weight called"):
        step_preview(model, opt, batch_loss(model), "L9.N1.w1")
    other = MLP(2, [1], seed=1)
    with pytest.raises(ValueError, match="does not hold"):
        step_preview(
            model, SGD(other.parameters(), lr=0.1), batch_loss(model), "L1.N1.b"
        )
    with pytest.raises(ValueError, match="lang"):
        step_preview(model, opt, batch_loss(model), "L1.N1.b", lang="sv")


def test_probabilities_of_extreme_outputs_stay_finite():
    assert class_probabilities([-1000.0]) == [1.0, 0.0]
    assert class_probabilities([1000.0, 0.0, -1000.0])[0] == 1.0


def test_a_negative_factor_is_written_in_parentheses():
    model = MLP(2, [3, 1], activation="tanh", seed=0)
    opt = SGD(model.parameters(), lr=0.1)
    previews = [
        step_preview(model, opt, batch_loss(model), name)
        for name, _ in model.named_parameters()
    ]
    preview = next(p for p in previews if p["grad"] < 0)  # one to check
    assert f"− 0.1 · ({preview['grad']:.6g}) =" in preview["rule"][-1]
    assert "· -" not in " ".join(preview["rule"]) and "+ -" not in preview["rule"][-1]
