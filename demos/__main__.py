"""`python -m demos`: list the demos; `python -m demos NAME [--help]`: run one.

Each demo is a module in this folder with a `main(argv) -> int` function and
a one-line module docstring that this list shows.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys

from demos.common.preflight import missing_packages, shadowing_problem

# name -> module. Listed here in the order a learner might try them.
DEMOS = {
    "moons": "demos.classify.moons",
    "circles": "demos.classify.circles",
    "xor": "demos.classify.xor",
    "spiral": "demos.classify.spiral",
    "digits": "demos.classify.digits",
    "playground": "demos.playground.playground",
    "graph": "demos.graph.graph",
    "explain": "demos.walkthrough.explain",
    "walkthrough": "demos.walkthrough.walkthrough",
    "stepper": "demos.stepper.stepper",
    "landscape": "demos.landscape.landscape",
    "notebooks": "demos.notebooks.notebooks",
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
    # before any demo is imported: a learner's own engine.py in this folder
    # would make every import below fail with a puzzling message
    problem = shadowing_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
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
    # before any training: a missing matplotlib must not end a finished run
    wants_help = "-h" in rest or "--help" in rest
    missing = None if wants_help else missing_packages(name, "--no-plot" in rest)
    if missing:
        print(missing, file=sys.stderr)
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


def _exit(code: int) -> None:
    """Exit with `code`; a Ctrl-C while Python shuts down is ignored.

    The demo is done and its files are written: a Ctrl-C now would only
    print a KeyboardInterrupt fragment from deep inside the shutdown.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)


if __name__ == "__main__":
    try:
        _exit(main())
    except KeyboardInterrupt:  # Ctrl-C before a demo has even started
        _exit(130)
