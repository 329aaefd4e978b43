"""Draw computation graphs: one neuron, an expression, a small network.

    python -m demos graph                  # SVG files in ./out
    python -m demos graph --format png     # needs system Graphviz
    python -m demos graph --example neuron --out pictures
    python -m demos graph --example network --focus L1.N1.w1
                                           # only the paths back to one weight

Each picture shows every number (data) and its gradient (grad) after one
forward and backward pass; thick red arrows carry much gradient back. SVG
works with `pip install` alone (Graphviz compiled to WebAssembly); PNG and
PDF need the system Graphviz (`apt-get install graphviz`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import graphviz

from demos.common.cli import output_folder
from engine import Value, dot, draw_dot, render, topo_sort
from engine.draw import RenderError


class NoSuchLabelError(ValueError):
    """--focus names a label that the example's graph does not have."""


def draw(root: Value, focus: str | None, **options) -> graphviz.Digraph:
    """draw_dot(root, ...), or with `focus` only the paths back to that label.

    A focused picture reads best top to bottom (rankdir="TB").
    """
    if focus is None:
        return draw_dot(root, **options)
    nodes = {node.label: node for node in topo_sort(root) if node.label}
    if focus not in nodes:
        labels = ", ".join(sorted(nodes))
        raise NoSuchLabelError(
            f"--focus {focus!r}: this graph has no value labelled so; "
            f"its labels are {labels}"
        )
    return draw_dot(root, focus=nodes[focus], rankdir="TB", **options)


def neuron(focus: str | None = None) -> graphviz.Digraph:
    """The neuron of the talk, g(w·x + b) with g = tanh, on two inputs."""
    x1, x2 = Value(2.0, label="x1"), Value(0.0, label="x2")
    w1, w2 = Value(-3.0, label="w1"), Value(1.0, label="w2")
    b = Value(6.8813735870195432, label="b")  # makes o come out as 1/√2
    n = dot([w1, w2], [x1, x2], b)  # one node: w1·x1 + w2·x2 + b
    n.label = "n"
    o = n.tanh()
    o.label = "o"
    o.backward()
    title = "one neuron: o = tanh(w1·x1 + w2·x2 + b)"
    return draw(o, focus, legend=True, title=title)


def expression(focus: str | None = None) -> graphviz.Digraph:
    """An expression from single operations; a value used twice; a constant."""
    a, b, c = Value(2.0, label="a"), Value(-3.0, label="b"), Value(10.0, label="c")
    e = a * b
    e.label = "e"
    d = e + c
    d.label = "d"
    L = (d * a) ** 2 / 100  # a is used twice: its grad adds both paths
    L.label = "L"
    L.backward()
    title = "L = (d·a)**2 / 100 where d = a·b + c"
    return draw(L, focus, legend=True, title=title)


def network(seed: int = 0, focus: str | None = None) -> graphviz.Digraph:
    """A small network, its squared error on one example, after backward."""
    from nn import MLP  # only here: the other pictures need the engine alone

    model = MLP(2, [3, 2, 1], activation="tanh", seed=seed)
    x = [Value(2.0, label="x1"), Value(-1.0, label="x2")]
    y = Value(1.0, label="y (target)")
    prediction = model(x)
    prediction.label = "prediction"
    loss = (prediction - y) ** 2
    loss.label = "loss"
    loss.backward()
    title = "MLP(2, [3, 2, 1]), loss = (prediction - y)**2, after loss.backward()"
    return draw(loss, focus, cluster=True, legend=True, title=title)


EXAMPLES: dict[str, Callable[..., graphviz.Digraph]] = {
    "neuron": neuron,
    "expression": expression,
    "network": network,
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m demos graph",
        description=__doc__.splitlines()[0],
    )
    parser.add_argument(
        "--example",
        choices=list(EXAMPLES),
        action="append",
        help="which graph to draw (repeat for several; default: all three, "
        "or with --focus the network)",
    )
    parser.add_argument(
        "--focus",
        metavar="LABEL",
        help="draw only the paths from the output back to the value with this "
        "label, e.g. L1.N1.w1 (a weight of the network) or w1 (the neuron's)",
    )
    parser.add_argument(
        "--format",
        choices=["svg", "png", "pdf", "dot"],
        default="svg",
        help="picture format (default: svg; png and pdf need system Graphviz)",
    )
    parser.add_argument(
        "--out",
        type=output_folder,
        default=Path("out"),
        metavar="DIR",
        help="folder for the pictures (default: ./out)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the network's weights (default: 0)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    names = args.example or (["network"] if args.focus else list(EXAMPLES))
    for name in names:
        try:
            if name == "network":
                graph = network(args.seed, focus=args.focus)
            else:
                graph = EXAMPLES[name](focus=args.focus)
        except NoSuchLabelError as error:
            parser.error(f"--example {name}: {error}")
        suffix = "_focus" if args.focus else ""
        try:
            path = render(graph, args.out / f"graph_{name}{suffix}.{args.format}")
        except RenderError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"wrote {path}")
    print("Open the files in a web browser (SVG) or any image viewer.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
