"""A small tanh network learns a ring inside a ring (binary cross-entropy, Adam).

The data: points on a circle of radius 1 (class 0) around a circle of
radius 0.5 (class 1), blurred by noise 0.1. The boundary the network has to
find is closed, a curve around the inner points: no straight line will do.

    network    MLP(2, [8, 8, 1], activation="tanh"): one score s per point
    answer     class 1 if s > 0, i.e. if sigmoid(s) > 0.5
    loss       binary cross-entropy: -log sigmoid(s) for class 1,
               -log(1 - sigmoid(s)) for class 0, averaged
    optimizer  Adam, learning rate 0.05, minibatches of 32 points
    data       300 points: 225 to train on, 75 kept aside to test

Writes OUT/circles_model.json, OUT/circles_boundary.png, OUT/circles_curves.png.
"""

from __future__ import annotations

import nn
from demos.classify.run import (
    binary_answer,
    binary_cross_entropy_loss,
    decision_boundary_picture,
    exit_code,
    run_demo,
)
from demos.common.cli import make_parser
from demos.datasets import make_circles, train_test_split


def main(argv: list[str] | None = None) -> int:
    parser = make_parser("circles", __doc__, steps=300)
    args = parser.parse_args(argv)

    X, y = make_circles(n=300, noise=0.1, factor=0.5, seed=args.seed)
    X_train, X_test, y_train, y_test = train_test_split(X, y, 0.25, seed=args.seed)
    model = nn.MLP(2, [8, 8, 1], activation="tanh", seed=args.seed)
    print(f"circles: {model}, {len(y_train)} training points, binary cross-entropy")

    history, _ = run_demo(
        "circles",
        args,
        model,
        X_train,
        y_train,
        X_test=X_test,
        y_test=y_test,
        loss_fn=binary_cross_entropy_loss,
        predict=binary_answer,
        optimizer=nn.Adam(model.parameters(), lr=0.05),
        batch_size=32,
        eval_every=25,  # check the test set every 25 steps
        pictures=decision_boundary_picture(
            "circles", model, X_train, y_train, "MLP(2, [8, 8, 1]), tanh"
        ),
    )
    return exit_code(history)


if __name__ == "__main__":
    raise SystemExit(main())
