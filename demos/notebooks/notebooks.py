"""Copy the notebook course (English and Finnish) into a folder of your own.

    python -m demos notebooks course/            makes course/en/ and course/fi/
    python -m demos notebooks course/ --force    overwrites notebooks already there

The notebooks ship inside the installed package (demos/notebooks/course/);
this copies them out so that a learner who installed takaisin with pip can
open them, write in them and keep them. A notebook that is already in the
folder is never overwritten without --force: it may hold the learner's work.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

COURSE = Path(__file__).parent / "course"


def course_notebooks() -> list[Path]:
    """The shipped notebooks, relative to the course folder (en/..., fi/...)."""
    return sorted(path.relative_to(COURSE) for path in COURSE.glob("*/*.ipynb"))


def copy_course(target: Path, force: bool = False) -> list[Path]:
    """Copy every notebook into `target`; return the paths written.

    Raises FileExistsError naming the notebooks that are already there
    (nothing is copied then) unless `force`.
    """
    notebooks = course_notebooks()
    if not notebooks:  # a broken installation, not the learner's mistake
        raise FileNotFoundError(f"no notebooks found in {COURSE}")
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} is a file, not a folder")
    there = [name for name in notebooks if (target / name).exists()]
    if there and not force:
        raise FileExistsError(there)
    written = []
    for name in notebooks:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(COURSE / name, target / name)
        written.append(target / name)
    return written


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m demos notebooks",
        description="Copy the notebook course (English in en/, Finnish in fi/) "
        "into DIR, then open it with Jupyter.",
    )
    parser.add_argument("dir", metavar="DIR", type=Path, help="where to put the course")
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite notebooks that are already in DIR (your changes are lost)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        written = copy_course(args.dir, force=args.force)
    except FileExistsError as error:
        names = [str(args.dir / name) for name in error.args[0]]
        shown = ", ".join(names[:3]) + (
            f" and {len(names) - 3} more" if len(names) > 3 else ""
        )
        print(
            f"notebooks: {shown} already exist; nothing copied, so your work in "
            "them is safe. Choose another folder, or add --force to overwrite them.",
            file=sys.stderr,
        )
        return 1
    except (NotADirectoryError, FileNotFoundError) as error:
        print(f"notebooks: {error}", file=sys.stderr)
        return 1
    english = sum(1 for path in written if path.parent.name == "en")
    print(
        f"copied {english} English and {len(written) - english} Finnish notebooks "
        f"into {args.dir}/ (en/ and fi/)"
    )
    print("open them with:")
    print(f"    cd {args.dir} && jupyter lab")
    print(
        "(no Jupyter yet? pip install jupyterlab ipykernel, or "
        'pip install -e ".[demos,notebook]" in a checkout of takaisin)'
    )
    print("start with en/00_start.ipynb (suomeksi: fi/00_aloitus.ipynb)")
    return 0
