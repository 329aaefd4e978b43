"""The talk, runnable: a neuron, a network, the loss, backprop, a step, training.

    python -m demos walkthrough              # English, pauses for Enter
    python -m demos walkthrough --lang fi    # suomeksi
    python -m demos walkthrough --no-pause   # all at once (scripts, tests)

Seven stages, each a short explanation and the live numbers, following
"Näin koulutat neuroverkkosi": an example becomes a vector x; one neuron
computes g(w·x + b); a small network M(x) gives a probability per class; the
loss L measures the error; backpropagation fills in every dL/dw (shown step
by step for one weight); one step against the gradient lowers the loss; and
many steps on shuffled examples train the network.

The examples are 3 × 3 pixel pictures of a vertical, a horizontal or a
diagonal line, small enough to print and to learn in a second.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap

from demos.common.examples import label_neurons
from demos.walkthrough.text import TEXT
from engine import Value, explain
from nn import MLP, SGD, Neuron, cross_entropy, softmax

SIZE = 3  # pictures are SIZE × SIZE pixels
HIDDEN = 4  # neurons in the network's hidden layer
STEP_LR = 0.5  # the one step of stage 6
TRAIN_LR = 0.1  # the steps of stage 7, one per picture
FOCUS = "L1.N1.w5"  # the weight whose backprop steps are shown: middle pixel
SHADES = " ░▒▓█"  # 0.0 (white) ... 1.0 (black)


# ------------------------------------------------------------------ data


def line_pixels(kind: int, where: int) -> set[tuple[int, int]]:
    """The (row, column) pixels of a line: 0 vertical, 1 horizontal, 2 diagonal."""
    if kind == 0:
        return {(r, where) for r in range(SIZE)}
    if kind == 1:
        return {(where, c) for c in range(SIZE)}
    if where % 2 == 0:
        return {(i, i) for i in range(SIZE)}  # top left to bottom right
    return {(i, SIZE - 1 - i) for i in range(SIZE)}  # top right to bottom left


def picture(kind: int, where: int, rng: random.Random) -> list[float]:
    """A noisy picture as a vector: dark line pixels, light background,
    read row by row (the talk's "matrix as a vector")."""
    on = line_pixels(kind, where)
    return [
        rng.uniform(0.7, 1.0) if (r, c) in on else rng.uniform(0.0, 0.3)
        for r in range(SIZE)
        for c in range(SIZE)
    ]


def pictures(per_class: int, rng: random.Random) -> list[tuple[list[float], int]]:
    """(x, y) pairs: `per_class` pictures of each kind of line, in order."""
    return [
        (picture(kind, rng.randrange(SIZE), rng), kind)
        for kind in range(3)
        for _ in range(per_class)
    ]


def draw(x: list[float]) -> list[str]:
    """A picture as text rows, each pixel two characters wide."""
    shade = [SHADES[min(len(SHADES) - 1, int(v * len(SHADES)))] * 2 for v in x]
    rows = ["".join(shade[r * SIZE : (r + 1) * SIZE]) for r in range(SIZE)]
    edge = "─" * (2 * SIZE)
    return [f"    ┌{edge}┐", *(f"    │{row}│" for row in rows), f"    └{edge}┘"]


# ---------------------------------------------------------- the printing


class Narrator:
    """Prints the stages; pauses for Enter only when a person is there."""

    def __init__(self, lang: str, pause: bool) -> None:
        self.text = TEXT[lang]
        self.pause = pause and sys.stdin.isatty()

    def say(self, key: str, **numbers: object) -> None:
        """A paragraph of the text, wrapped to the terminal's usual width."""
        for line in self.text[key].format(**numbers).split("\n"):
            print(textwrap.fill(line, width=76) if line else "")

    def title(self, key: str) -> None:
        title = self.text[key]
        print(f"\n{title}\n{'=' * len(title)}")

    def wait(self) -> None:
        if self.pause:
            try:
                input("\n" + self.text["pause"])
            except EOFError:  # Ctrl-D: no more input, so run on without waiting
                print()
                self.pause = False


def f4(x: float) -> str:
    return f"{x:.4f}"


def _bracket(x: float) -> str:
    """A factor in a product: negative numbers in brackets, (-0.2)·0.5."""
    return f"({f4(x)})" if x < 0 else f4(x)


# ------------------------------------------------------------- the stages


def stage_neuron(say: Narrator, x: list[float], seed: int) -> None:
    """One neuron, z = tanh(w·x + b), with every product shown."""
    neuron = Neuron(len(x), activation="tanh", seed=seed)
    z = neuron(x)
    pairs = list(zip(neuron.w, x, strict=True))
    terms = " + ".join(f"{_bracket(w.data)}·{xi:.2f}" for w, xi in pairs)
    s = sum(w.data * xi for w, xi in pairs) + neuron.b.data
    say.say("neuron_sum", terms=terms, b=f4(neuron.b.data), s=f4(s))
    say.say("neuron_out", s=f4(s), z=f4(z.data))


def class_table(say: Narrator, names: list[str], logits: list[Value]) -> None:
    probabilities = softmax(logits)
    for name, score, p in zip(names, logits, probabilities, strict=True):
        bar = "█" * round(20 * p.data)
        say.say(
            "network_row", name=name, score=f4(score.data), p=f"{p.data:.3f}", bar=bar
        )


def right_probability(logits: list[Value], y: int) -> float:
    return softmax(logits)[y].data


def stage_backward(say: Narrator, loss: Value, model: MLP, lang: str) -> Value:
    """Backprop, with the chain-rule trace of one weight; returns that weight."""
    params = dict(model.named_parameters())
    focus = params[FOCUS]
    label_neurons(loss)  # L1.N1.s, L1.N1.z, ... instead of n1, n2, ...
    say.say("backward", w=FOCUS)
    print()
    print(explain(loss, focus=focus, lang=lang))  # runs backward, fills grads
    print()
    say.say("backward_all", n=len(params))
    largest = sorted(params.items(), key=lambda item: -abs(item[1].grad))[:5]
    for name, p in largest:
        # dL/d(L2.N1.b): the brackets keep the loss L apart from the label
        say.say("grad_row", gradient=f"dL/d({name})", grad=f4(p.grad))
    return focus


def train(
    say: Narrator,
    model: MLP,
    data: list[tuple[list[float], int]],
    epochs: int,
    rng: random.Random,
) -> list[float]:
    """Stage 7: per-picture steps on shuffled data; returns each epoch's mean loss."""
    optimizer = SGD(model.parameters(), lr=TRAIN_LR)
    losses = []
    for epoch in range(1, epochs + 1):
        rng.shuffle(data)  # a new order every epoch
        total, right = 0.0, 0
        for x, y in data:
            logits = model(x)
            loss = cross_entropy(logits, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.data
            right += max(range(len(logits)), key=lambda k: logits[k].data) == y
        losses.append(total / len(data))
        say.say("train_row", epoch=epoch, loss=f4(losses[-1]), right=right, n=len(data))
    return losses


def accuracy(model: MLP, data: list[tuple[list[float], int]]) -> int:
    right = 0
    for x, y in data:
        logits = model(x)
        right += max(range(len(logits)), key=lambda k: logits[k].data) == y
    return right


# ------------------------------------------------------------------ main


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m demos walkthrough", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--lang",
        choices=sorted(TEXT),
        default="en",
        help="en: English (default), fi: suomeksi",
    )
    parser.add_argument(
        "--no-pause",
        action="store_true",
        help="do not wait for Enter between stages (it never waits when the "
        "input is not a terminal)",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--epochs", type=int, default=10, help="training rounds (10)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    if args.epochs < 1:
        print("--epochs must be at least 1", file=sys.stderr)
        return 2
    say = Narrator(args.lang, pause=not args.no_pause)
    names = say.text["classes"].split("|")
    rng = random.Random(args.seed)

    say.title("intro_title")
    say.say("intro")
    if say.pause:  # "Press Enter" only when it does wait for Enter
        say.say("intro_pause")
    say.wait()

    # 1. An example becomes a vector: a vertical line down the middle.
    x, y = picture(0, 1, rng), 0
    say.title("vector_title")
    say.say("vector", classes=", ".join(names))
    print()
    say.say("vector_picture", name=names[y])
    print("\n".join(draw(x)))
    print(f"    x = [{', '.join(f'{v:.2f}' for v in x)}]   y = {y} ({names[y]})")
    say.wait()

    say.title("neuron_title")
    say.say("neuron")
    print()
    stage_neuron(say, x, args.seed)
    say.wait()

    model = MLP(SIZE * SIZE, [HIDDEN, len(names)], activation="tanh", seed=args.seed)
    n_params = len(model.parameters())
    say.title("network_title")
    say.say("network", hidden=HIDDEN, n_classes=len(names), n_params=n_params)
    print()
    logits = model(x)
    class_table(say, names, logits)
    say.wait()

    say.title("loss_title")
    loss = cross_entropy(logits, y)
    loss.label = "L"
    say.say("loss")
    print()
    p_before = right_probability(logits, y)
    say.say("loss_value", name=names[y], p=f4(p_before), L=f4(loss.data))
    say.wait()

    say.title("backward_title")
    focus = stage_backward(say, loss, model, args.lang)
    say.wait()

    say.title("step_title")
    say.say("step", lr=STEP_LR, w=FOCUS)
    old = focus.data
    SGD(model.parameters(), lr=STEP_LR).step()  # w <- w - lr * dL/dw, every w
    say.say(
        "step_one",
        w=FOCUS,
        old=f4(old),
        lr=STEP_LR,
        grad=f4(focus.grad),
        new=f4(focus.data),
    )
    new_logits = model(x)
    after = cross_entropy(new_logits, y).data
    print()
    say.say(
        "step_result",
        before=f4(loss.data),
        after=f4(after),
        p_before=f"{p_before:.3f}",
        p_after=f"{right_probability(new_logits, y):.3f}",
    )
    say.wait()

    train_set, test_set = pictures(10, rng), pictures(5, rng)
    say.title("train_title")
    say.say("train", n_train=len(train_set))
    print()
    train(say, model, train_set, args.epochs, rng)
    print()
    say.say("train_test", right=accuracy(model, test_set), n=len(test_set))
    say.wait()

    say.title("summary_title")
    say.say("summary")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
