"""`python -m demos`: list the demos; `python -m demos NAME [--help]`: run one.

Each demo is a module in this folder with a `main(argv) -> int` function and
a one-line module docstring that this list shows.
"""

from __future__ import annotations

import importlib
import os
import sys

# name -> module. Listed here in the order a learner might try them.
DEMOS = {
    "moons": "demos.classify.moons",
    "circles": "demos.classify.circles",
    "xor": "demos.classify.xor",
    "spiral": "demos.classify.spiral",
    "digits": "demos.classify.digits",
    "graph": "demos.graph.graph",
    "explain": "demos.walkthrough.explain",
    "walkthrough": "demos.walkthrough.walkthrough",
    "stepper": "demos.stepper.stepper",
    "landscape": "demos.landscape.landscape",
    "benchmark": "demos.benchmark.benchmark",
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
    try:
        return module.main(rest)
    except KeyboardInterrupt:
        # the training demos stop cleanly themselves; this is for the rest
        print(f"\n{name}: stopped by Ctrl-C", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of a pipe left early (`python -m demos explain | head`):
        # send what is still buffered nowhere instead of failing on exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:
        # a file or folder that cannot be written (full disk, /proc/...):
        # the reason in one line, not a traceback
        where = f": {error.filename}" if error.filename else ""
        print(f"{name}: {error.strerror or error}{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
