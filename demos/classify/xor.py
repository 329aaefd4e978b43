"""One hidden layer learns XOR, which no single neuron can (binary cross-entropy).

The data: points in the square [-1, 1] x [-1, 1]; class 1 where exactly one
coordinate is negative (top-left and bottom-right), class 0 elsewhere. A
single neuron draws one straight line and gets at most 3 of the 4 quarters
right; a hidden layer of neurons, each drawing its own line, can carve out
both diagonals.

    network    MLP(2, [8, 1], activation="tanh"): one score s per point
    answer     class 1 if s > 0, i.e. if sigmoid(s) > 0.5
    loss       binary cross-entropy on sigmoid(s), averaged
    optimizer  SGD with momentum 0.9, learning rate 0.1, minibatches of 20
    data       200 points: 150 to train on, 50 kept aside to test

Writes OUT/xor_model.json, OUT/xor_boundary.png, OUT/xor_curves.png.
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
from demos.datasets import make_xor, train_test_split


def main(argv: list[str] | None = None) -> int:
    parser = make_parser("xor", __doc__, steps=300)
    args = parser.parse_args(argv)

    X, y = make_xor(n=200, noise=0.0, seed=args.seed)
    X_train, X_test, y_train, y_test = train_test_split(X, y, 0.25, seed=args.seed)
    model = nn.MLP(2, [8, 1], activation="tanh", seed=args.seed)
    print(f"xor: {model}, {len(y_train)} training points, binary cross-entropy")

    history, _ = run_demo(
        "xor",
        args,
        model,
        X_train,
        y_train,
        X_test=X_test,
        y_test=y_test,
        loss_fn=binary_cross_entropy_loss,
        predict=binary_answer,
        optimizer=nn.SGD(model.parameters(), lr=0.1, momentum=0.9),
        batch_size=20,
        eval_every=25,  # check the test set every 25 steps
        pictures=decision_boundary_picture(
            "xor", model, X_train, y_train, "MLP(2, [8, 1]), tanh"
        ),
    )
    return exit_code(history)


if __name__ == "__main__":
    raise SystemExit(main())
