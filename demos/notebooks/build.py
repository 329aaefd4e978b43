"""Build the course's .ipynb files from pages/ (both languages side by side).

    python -m demos.notebooks.build      rewrites demos/notebooks/course/

Each page in pages/ is a list of cells, each with its English and Finnish
text. Writing both languages next to each other keeps the two courses the
same notebook for notebook, cell for cell: only words differ, never code.
The notebooks are written without outputs, as they are kept in git.

Cell kinds:
    md(en, fi)              Markdown
    code(en, fi=None)       code; fi defaults to en (no words in it)
    exercise(id, en, fi)    code the learner completes (`...` marks where)
    check(source)           the check cell that follows an exercise

Exercise and check cells carry {"takaisin": {"exercise": id}} (or "check")
in their metadata, so tests can fill in solutions and read the verdicts.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

import nbformat

COURSE = Path(__file__).parent / "course"
LANGS = ("en", "fi")


class Cell(NamedTuple):
    kind: str  # "markdown" or "code"
    en: str
    fi: str
    meta: dict


def md(en: str, fi: str) -> Cell:
    return Cell("markdown", en.strip(), fi.strip(), {})


def code(en: str, fi: str | None = None) -> Cell:
    return Cell("code", en.strip(), (en if fi is None else fi).strip(), {})


def exercise(exercise_id: str, en: str, fi: str) -> Cell:
    meta = {"takaisin": {"exercise": exercise_id}, "tags": ["exercise"]}
    return Cell("code", en.strip(), fi.strip(), meta)


def check(exercise_id: str, source: str) -> Cell:
    meta = {"takaisin": {"check": exercise_id}, "tags": ["check"]}
    return Cell("code", source.strip(), source.strip(), meta)


def setup(lang: str) -> str:
    """The first code cell of every notebook: pictures inline, the checks.

    `%matplotlib inline` keeps figures in the notebook even after a module
    that draws into files (`matplotlib.use("Agg")`) has been imported.
    """
    return (
        "%matplotlib inline\n"
        "from demos.notebooks.checks import Checks\n\n"
        f'check = Checks("{lang}")'
    )


def notebook(cells: list[Cell], lang: str) -> nbformat.NotebookNode:
    """One page as a notebook in `lang`, with no outputs."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        },
        "language_info": {"name": "python"},
    }
    for cell in cells:
        source = getattr(cell, lang)
        if cell.kind == "markdown":
            made = nbformat.v4.new_markdown_cell(source, metadata=dict(cell.meta))
        else:
            made = nbformat.v4.new_code_cell(source, metadata=dict(cell.meta))
        made.pop("id", None)  # random ids would change the files on every build
        nb.cells.append(made)
    nb.nbformat_minor = 4  # 4.4: cells without ids, readable by every Jupyter
    nbformat.validate(nb)
    return nb


def render(cells: list[Cell], lang: str) -> str:
    """The notebook's file contents, exactly as committed."""
    return nbformat.writes(notebook(cells, lang)) + "\n"


def course_files() -> dict[Path, str]:
    """Every notebook of the course: relative path -> file contents."""
    from demos.notebooks.pages import PAGES

    files = {}
    for page in PAGES:
        for lang in LANGS:
            files[Path(lang) / f"{page.NAMES[lang]}.ipynb"] = render(page.CELLS, lang)
    return files


def main(argv: list[str] | None = None) -> int:
    out = Path(argv[0]) if argv else COURSE
    for path, text in course_files().items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
