"""The command-line options every demo shares.

    parser = make_parser("moons", "Learn two moons.", steps=100)
    args = parser.parse_args(argv)   # args.steps, args.seed, args.out, args.no_plot

Every training demo takes the same four options, so that a learner who has
run one knows how to run them all:

    --steps N     how many training steps (optimizer updates) to take
    --seed S      the seed of every random choice: same seed, same run
    --out DIR     where pictures and the model file go (default ./out)
    --no-plot     skip the pictures (faster; no matplotlib needed)

plus `--no-progress` to hide the progress bar. A demo adds its own options
to the parser it gets back.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path


def _int_at_least(text: str, least: int) -> int:
    """`text` as an int of at least `least`, or argparse's readable error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number, got {text!r}"
        ) from None
    if value < least:
        raise argparse.ArgumentTypeError(
            f"expected a number of at least {least}, got {value}"
        )
    return value


def positive_int(text: str) -> int:
    """argparse type: an int of at least 1, with a readable error otherwise."""
    return _int_at_least(text, 1)


def non_negative_int(text: str) -> int:
    """argparse type: an int of at least 0 (a count that may be none)."""
    return _int_at_least(text, 0)


def positive_float(text: str) -> float:
    """argparse type: a float greater than 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(
            f"expected a number greater than 0, got {text}"
        )
    return value


def output_folder(text: str) -> Path:
    """argparse type for --out: a folder that exists or can be made.

    Checked when the options are read, before any training, so that a long
    run never ends in a traceback because its pictures have nowhere to go.
    """
    return _writable(_not_empty(text, "--out"), want_folder=True)


def output_file(text: str) -> Path:
    """argparse type for a file to write (e.g. an HTML page), not a folder."""
    return _writable(_not_empty(text, "the file name"), want_folder=False)


def _not_empty(text: str, what: str) -> Path:
    # Path("") is the current folder: an empty --out (a shell variable that
    # was never set) would silently scatter files where the learner stands
    if not text.strip():
        raise argparse.ArgumentTypeError(
            f"{what} is empty; give a folder, e.g. --out out (or --out . for "
            "the current folder)"
        )
    return Path(text)


def _writable(path: Path, want_folder: bool) -> Path:
    if path.is_dir() and not want_folder:
        raise argparse.ArgumentTypeError(f"{str(path)!r} is a folder, not a file")
    # the path itself (for a folder) and every folder above it must not be files
    for part in (path, *path.parents) if want_folder else path.parents:
        if part.exists() and not part.is_dir():
            raise argparse.ArgumentTypeError(f"{str(part)!r} is a file, not a folder")
    # the nearest folder that exists is where anything new would be made
    existing = next(p for p in (path, *path.parents) if p.exists() or p == Path())
    folder = existing if existing.is_dir() else existing.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise argparse.ArgumentTypeError(
            f"cannot write in {str(folder)!r} (no permission)"
        )
    _try_writing_in(folder)
    return path


def _try_writing_in(folder: Path) -> None:
    """Create and remove a small file in `folder`, or a readable error.

    os.access is not enough: root may "write" anywhere, yet /proc or a
    read-only disk refuses the file itself, which would only show after
    all the training. So a file is really made (and removed at once).
    """
    try:
        handle, probe = tempfile.mkstemp(prefix=".takaisin-check-", dir=folder)
    except OSError as error:
        reason = error.strerror or str(error)
        raise argparse.ArgumentTypeError(
            f"cannot write in {str(folder)!r} ({reason})"
        ) from None
    os.close(handle)
    os.remove(probe)


def make_parser(
    prog: str,
    description: str,
    steps: int = 100,
    seed: int = 0,
    steps_help: str = "training steps to take",
    out_help: str = "folder for pictures and the saved model",
) -> argparse.ArgumentParser:
    """A parser with --steps, --seed, --out, --no-plot and --no-progress.

    `prog` is shown in usage lines as `python -m demos PROG`; `description`
    (e.g. the demo's docstring) is printed by --help as it is laid out;
    `steps` and `seed` are this demo's defaults; `steps_help` and `out_help`
    say what --steps and --out mean for a demo that is not a training run.
    """
    parser = argparse.ArgumentParser(
        prog=f"python -m demos {prog}",
        description=description,
        # a description with line breaks (a docstring) is shown as laid out;
        # a one-line description is wrapped to the terminal as usual
        formatter_class=(
            argparse.RawDescriptionHelpFormatter
            if "\n" in description.strip()
            else argparse.HelpFormatter
        ),
    )
    parser.add_argument(
        "--steps",
        type=positive_int,
        default=steps,
        help=f"{steps_help} (default: %(default)s)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=seed,
        help="seed for data, weights and shuffling (default: %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=output_folder,
        default=Path("out"),
        metavar="DIR",
        help=f"{out_help} (default: ./out)",
    )
    parser.add_argument(
        "--no-plot", action="store_true", help="do not draw any pictures"
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="hide the progress bar"
    )
    return parser
