"""`python -m demos`: list the demos; `python -m demos NAME [--help]`: run one.

Each demo is a module in this folder with a `main(argv) -> int` function and
a one-line module docstring that this list shows.
"""

from __future__ import annotations

import importlib
import sys

# name -> module. Listed here in the order a learner might try them.
DEMOS = {
    "moons": "demos.moons",
    "circles": "demos.circles",
    "xor": "demos.xor",
    "spiral": "demos.spiral",
    "digits": "demos.digits",
    "graph": "demos.graph",
    "explain": "demos.explain",
    "walkthrough": "demos.walkthrough",
    "stepper": "demos.stepper",
    "landscape": "demos.landscape",
    "benchmark": "demos.benchmark",
}


def _summary(module_name: str) -> str:
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        return f"(not available: {error})"
    doc = (module.__doc__ or "").strip()
    return doc.splitlines()[0] if doc else ""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help", "list"):
        print("usage: python -m demos NAME [options]   (NAME --help for each)\n")
        print("demos:")
        for name, module_name in DEMOS.items():
            print(f"  {name:<12} {_summary(module_name)}")
        return 0
    name, rest = args[0], args[1:]
    if name not in DEMOS:
        print(
            f"no demo called {name!r}; choose one of: {', '.join(DEMOS)}",
            file=sys.stderr,
        )
        return 2
    module = importlib.import_module(DEMOS[name])
    return module.main(rest)


if __name__ == "__main__":
    sys.exit(main())
