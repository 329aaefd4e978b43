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
and OUT/moons_graph.svg: the computation graph of one prediction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nn
from demos.classify.run import (
    binary_answer,
    decision_boundary_picture,
    hinge_loss,
    run_demo,
)
from demos.classify.train import History
from demos.common.cli import make_parser
from demos.datasets import make_moons


def draw_one_prediction(model: Any, point: list[float], path: Path) -> Path | None:
    """Draw the graph of model(point), with d(score)/d(node) as the grads.

    Drawing needs Graphviz; without it (or if rendering fails) this prints
    a one-line note and returns None, and the demo carries on.
    """
    import engine

    try:
        score = model(point)
        score.label = "score"
        model.zero_grad()
        score.backward()  # grads in the picture: how each node moves the score
        size = len(engine.topo_sort(score))  # ~400 Values: a tall picture
        graph = engine.draw_dot(
            score,
            cluster=True,  # a box per layer and per neuron
            parameters=model.parameters(),
            max_nodes=size,
            title=(
                f"one prediction: the score for x = ({point[0]:.2f}, {point[1]:.2f}) "
                f"takes {size} Values, {len(model.parameters())} of them parameters"
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

    run_demo(
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
