"""micrograd's demo: MLP(2, [16, 16, 1]) learns two interleaving moons (hinge, SGD).

The data: 100 points on two interleaving half circles, blurred by noise
0.1; class 0 is the upper moon, class 1 the lower. No straight line
separates them, so the network needs its hidden layers.

The recipe is micrograd's demo notebook, step for step:

    network    MLP(2, [16, 16, 1]): 2 inputs, two hidden layers of 16 ReLU
               neurons, one output score s (337 parameters)
    answer     class 1 if s > 0 else class 0
    loss       hinge: mean of max(0, 1 - t*s) with t = ±1, plus 1e-4 times the
               sum of the squared weights (L2: keeps the weights small)
    optimizer  SGD on the full batch, learning rate from 1.0 down to 0.1
    steps      100

Writes OUT/moons_model.json, OUT/moons_boundary.png, OUT/moons_curves.png
and OUT/moons_graph.svg: how the output neuron makes one example's score.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nn
from demos.classify.run import (
    binary_answer,
    decision_boundary_picture,
    exit_code,
    hinge_loss,
    run_demo,
)
from demos.classify.train import History
from demos.common.cli import make_parser
from demos.datasets import make_moons
from engine import Value, no_grad


def draw_one_prediction(model: Any, point: list[float], path: Path) -> Path | None:
    """Draw how the last neuron turns one example into its score.

    The whole graph of one prediction has about 400 Values (a picture
    tens of metres tall). This one is the part a student can read: what
    the two hidden layers say about the point, h1..h16, enters the output
    neuron score = w1·h1 + ... + w16·h16 + b with the network's own
    weights, and after backward() each weight's grad is d(score)/dw = its
    h. Drawing needs Graphviz; without it (or if rendering fails) this
    prints a one-line note and returns None, and the demo carries on.
    """
    import engine

    try:
        with no_grad():  # the hidden layers only give numbers here
            hidden = list(point)
            for layer in model.layers[:-1]:
                hidden = [v.data for v in layer(hidden)]
        h = [Value(v, label=f"h{i}") for i, v in enumerate(hidden, 1)]
        score = model.layers[-1](h)
        score.label = "score"
        model.zero_grad()
        score.backward()  # grads in the picture: how each node moves the score
        x1, x2 = point
        graph = engine.draw_dot(
            score,
            cluster=True,  # a box around the neuron
            parameters=model.parameters(),
            title=(
                f"one example x = ({x1:.2f}, {x2:.2f}): the output neuron makes "
                f"its score from h1..h{len(h)}, what the hidden layers say about "
                "x; after backward() each weight's grad is d(score)/dw = its h"
            ),
        )
        written = engine.render(graph, path)
    except Exception as error:  # drawing is a bonus: never fail the demo for it
        print(f"note: could not draw the graph ({type(error).__name__}: {error})")
        return None
    finally:
        model.zero_grad()
    return Path(written)


def main(argv: list[str] | None = None) -> int:
    parser = make_parser("moons", __doc__, steps=100)
    args = parser.parse_args(argv)

    X, y = make_moons(n=100, noise=0.1, seed=args.seed)
    model = nn.MLP(2, [16, 16, 1], seed=args.seed)
    parameters = model.parameters()
    print(f"moons: {model}, {len(y)} points, hinge loss + 1e-4 * L2, SGD")

    def pictures(out: Path, history: History) -> list[Path]:
        boundary = decision_boundary_picture(
            "moons", model, X, y, "MLP(2, [16, 16, 1]) on two moons"
        )
        written = boundary(out, history)
        graph = draw_one_prediction(model, X[0], out / "moons_graph.svg")
        return written + ([graph] if graph else [])

    history, _ = run_demo(
        "moons",
        args,
        model,
        X,
        y,
        loss_fn=hinge_loss,
        predict=binary_answer,
        optimizer=nn.SGD(parameters, lr=1.0),
        penalty=lambda: 1e-4 * nn.l2(parameters),
        # micrograd: lr = 1.0 - 0.9 * k / 100, from 1.0 down to 0.1
        lr_schedule=lambda k: 1.0 - 0.9 * k / args.steps,
        pictures=pictures,
    )
    return exit_code(history)


if __name__ == "__main__":
    raise SystemExit(main())
