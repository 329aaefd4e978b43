"""Three spiral arms: softmax + cross-entropy with Adam (the CS231n example).

The data: 3 classes x 100 points on three arms winding around the origin
(the CS231n notes' spiral). The network gives three scores per point; softmax
turns them into three probabilities that sum to 1, and the loss is
-log(probability of the true class): the talk's "cat 0.99, dog 0.01".

    network    MLP(2, [16, 16, 3]): the moons network with 3 scores out
    answer     the class with the largest score (the most probable one)
    loss       cross-entropy of softmax(scores), averaged over the batch
    optimizer  Adam, learning rate 0.02, minibatches of 50 points

Writes OUT/spiral_model.json, OUT/spiral_boundary.png, OUT/spiral_curves.png.
"""

from __future__ import annotations

import nn
from demos.classify.run import (
    cross_entropy_loss,
    decision_boundary_picture,
    exit_code,
    multiclass_answer,
    run_demo,
)
from demos.common.cli import make_parser
from demos.datasets import make_spiral


def main(argv: list[str] | None = None) -> int:
    parser = make_parser("spiral", __doc__, steps=300)
    args = parser.parse_args(argv)

    X, y = make_spiral(n=300, classes=3, noise=0.2, seed=args.seed)
    model = nn.MLP(2, [16, 16, 3], seed=args.seed)
    print(f"spiral: {model}, {len(y)} points, softmax + cross-entropy, Adam")

    history, _ = run_demo(
        "spiral",
        args,
        model,
        X,
        y,
        loss_fn=cross_entropy_loss,
        predict=multiclass_answer,
        optimizer=nn.Adam(model.parameters(), lr=0.02),
        batch_size=50,
        pictures=decision_boundary_picture(
            "spiral", model, X, y, "MLP(2, [16, 16, 3])"
        ),
    )
    return exit_code(history)


if __name__ == "__main__":
    raise SystemExit(main())
