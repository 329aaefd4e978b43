"""Print backpropagation as chain-rule arithmetic, one line per step.

    python -m demos explain                    # a neuron, then a tiny network
    python -m demos explain --example reuse    # a value used three times
    python -m demos explain --example net --focus L1.N1.w1 --lang fi

Every line is one application of the chain rule along one edge of the
graph, in the order `backward()` does them (see `engine/explain.py`).
"""

from __future__ import annotations

import argparse

from demos.common.examples import EXAMPLES
from engine import explain, topo_sort

# What to show when no --example is given: the talk's neuron, then a network.
DEFAULT = ("neuron", "net")


def make_parser() -> argparse.ArgumentParser:
    choices = "\n".join(f"  {name:<11} {desc}" for name, (desc, _) in EXAMPLES.items())
    parser = argparse.ArgumentParser(
        prog="python -m demos explain",
        description=__doc__.splitlines()[0],
        epilog="examples:\n" + choices,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--example",
        choices=list(EXAMPLES),
        action="append",
        help="which graph to explain (repeat for several; default: neuron and net)",
    )
    parser.add_argument(
        "--focus",
        metavar="LABEL",
        help="only the steps from the output back to the node with this label",
    )
    parser.add_argument(
        "--lang",
        choices=["en", "fi"],
        default="en",
        help="en: English (default), fi: suomeksi",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    for k, name in enumerate(args.example or DEFAULT):
        description, build = EXAMPLES[name]
        root = build()
        focus = None
        if args.focus:
            by_label = {node.label: node for node in topo_sort(root)}
            if args.focus not in by_label:
                labels = ", ".join(sorted(label for label in by_label if label))
                print(f"no node labelled {args.focus!r} in {name}; labels: {labels}")
                return 2
            focus = by_label[args.focus]
        if k:
            print()
        print(f"=== {name}: {description} ===\n")
        print(explain(root, focus=focus, lang=args.lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
