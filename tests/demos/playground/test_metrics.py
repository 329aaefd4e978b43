"""Loss and accuracy on a set of points, as nn computes them."""

import math

import nn
from demos.playground.metrics import answer, evaluate


def test_evaluate_is_nns_loss_on_the_models_outputs():
    model = nn.MLP(2, [4, 1], "tanh", seed=1)
    points = [(0.1, 0.2, 1), (-1.0, 0.5, 0), (2.0, -1.0, 1)]
    outputs = [model([x, y]) for x, y, _ in points]
    labels = [p[2] for p in points]
    loss, accuracy = evaluate(model, points, "bce")
    assert loss == nn.binary_cross_entropy(outputs, labels).data
    assert (
        accuracy
        == sum((o.data > 0) == t for o, t in zip(outputs, labels, strict=True)) / 3
    )
    hinge, _ = evaluate(model, points, "hinge")
    assert hinge == nn.hinge(outputs, [1 if t else -1 for t in labels]).data


def test_three_classes_use_cross_entropy():
    model = nn.MLP(2, [3], "tanh", seed=1)
    points = [(0.1, 0.2, 2), (-1.0, 0.5, 0)]
    outputs = [model([x, y]) for x, y, _ in points]
    loss, _ = evaluate(model, points, "cross_entropy")
    assert loss == nn.cross_entropy(outputs, [2, 0]).data


def test_no_points_and_a_blown_up_model():
    model = nn.MLP(2, [1], "linear", seed=0)
    assert evaluate(model, [], "bce") == (None, None)
    model.layers[0].neurons[0].w[0].data = 1e308
    loss, accuracy = evaluate(model, [(10.0, 0.0, 1), (-10.0, 0.0, 0)], "bce")
    assert loss is None and accuracy == 1.0
    assert not math.isnan(accuracy)


def test_answer():
    assert answer([0.5]) == 1 and answer([0.0]) == 0 and answer([1, 3, 3]) == 1
