"""Handwritten 8x8 digits: 64 pixels in, 10 probabilities out, tested on unseen ones.

The talk's example made real: an image becomes a vector (64 pixel values,
row by row, scaled to 0..1), the network gives one score per digit, softmax
turns the scores into probabilities ("3: 0.97, 8: 0.02, ..."), and training
moves the weights until the true digit gets the highest probability.

    data       1,797 images (UCI handwritten digits, shipped in demos/datasets):
               75% to train on, 25% kept aside as a test set
    network    MLP(64, [32, 10]): 32 ReLU neurons, then 10 scores
    loss       cross-entropy: -log(probability of the true digit)
    optimizer  Adam, learning rate 0.01, minibatches of 32 shuffled images

The test accuracy counts images the network never trained on. At the end a
few test digits are printed as ASCII art with their probabilities.

Writes OUT/digits_model.json, OUT/digits_predictions.png (test images with
their probability bars) and OUT/digits_curves.png.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import nn
from demos.classify.run import (
    cross_entropy_loss,
    exit_code,
    multiclass_answer,
    probabilities,
    run_demo,
)
from demos.classify.train import History
from demos.common.cli import make_parser, non_negative_int, positive_int
from demos.datasets import load_digits, train_test_split
from engine import no_grad

# From light to dark: pixel value 0 is " ", 16 is "@".
INK = " .:-=+*#%@"


def ascii_digit(pixels: Sequence[float]) -> list[str]:
    """Eight lines of text picturing an 8x8 image with pixel values 0..16."""
    rows = []
    for r in range(8):
        row = pixels[8 * r : 8 * r + 8]
        # two characters per pixel, so the digit is not squashed sideways
        rows.append("".join(2 * INK[round(p / 16 * (len(INK) - 1))] for p in row))
    return rows


def describe_prediction(pixels: Sequence[float], label: int, probs: list[float]) -> str:
    """The digit as ASCII art beside its ten probabilities, as bars."""
    guess = probs.index(max(probs))
    verdict = "right" if guess == label else "WRONG"
    border = "+" + "-" * 16 + "+"
    art = [f"|{row}|" for row in ascii_digit(pixels)] + [border, " " * len(border)]
    lines = [f"  {border}   true digit {label}, the network says {guess} ({verdict})"]
    for digit, p in enumerate(probs):
        bar = "#" * round(20 * p)
        lines.append(f"  {art[digit]}   {digit}: {p:5.3f} {bar}".rstrip())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = make_parser("digits", __doc__, steps=500)
    parser.add_argument(
        "--batch-size",
        type=positive_int,
        default=32,
        help="images per step (default: %(default)s)",
    )
    parser.add_argument(
        "--show",
        type=non_negative_int,
        default=3,
        help="test digits to print as ASCII art (default: %(default)s)",
    )
    args = parser.parse_args(argv)

    images, labels = load_digits()
    X = [[p / 16 for p in image] for image in images]  # pixels 0..16 -> 0..1
    X_train, X_test, y_train, y_test = train_test_split(X, labels, 0.25, seed=args.seed)
    model = nn.MLP(64, [32, 10], seed=args.seed)
    epoch = -(-len(y_train) // args.batch_size)  # steps per pass over the data
    print(
        f"digits: {model}, {len(y_train)} training and {len(y_test)} test images, "
        f"batches of {args.batch_size} ({epoch} steps per epoch)"
    )

    def test_probabilities() -> list[list[float]]:
        with no_grad():  # only looking: no graph needed
            return [probabilities(model(x)) for x in X_test]

    def pictures(out: Path, history: History) -> list[Path]:
        from demos.classify.plot import plot_digit_predictions

        probs = test_probabilities()
        wrong = [i for i, p in enumerate(probs) if p.index(max(p)) != y_test[i]]
        # the first 18 test images as they come, then some mistakes to learn from
        shown = list(range(18)) + [i for i in wrong if i >= 18][:6]
        title = f"digits after {history.steps} steps: the first 18 test images" + (
            f" and {len(shown) - 18} the network got wrong" if len(shown) > 18 else ""
        )
        path = out / "digits_predictions.png"
        images = [[p * 16 for p in X_test[i]] for i in shown]  # back to 0..16
        truth = [y_test[i] for i in shown]
        return [
            plot_digit_predictions(
                images, truth, [probs[i] for i in shown], path, title
            )
        ]

    def show_examples() -> None:
        with no_grad():
            for x, label in list(zip(X_test, y_test, strict=True))[: args.show]:
                pixels = [p * 16 for p in x]
                print(describe_prediction(pixels, label, probabilities(model(x))))

    history, _ = run_demo(
        "digits",
        args,
        model,
        X_train,
        y_train,
        X_test=X_test,
        y_test=y_test,
        loss_fn=cross_entropy_loss,
        predict=multiclass_answer,
        optimizer=nn.Adam(model.parameters(), lr=0.01),
        batch_size=args.batch_size,
        eval_every=epoch,
        pictures=pictures,
        show=show_examples,
    )
    return exit_code(history)


if __name__ == "__main__":
    raise SystemExit(main())
