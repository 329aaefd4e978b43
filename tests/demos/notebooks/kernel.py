"""Run the course's notebooks in real Jupyter kernels, as a learner would.

Shared by the tests: `execute_course(fill=True)` runs every notebook top to
bottom with the solutions in place of the exercise cells (fill=False: with
the placeholders left in) and returns the executed notebooks. Notebooks run
a few at a time, each in its own fresh kernel (starting one takes seconds).
"""

from __future__ import annotations

import copy
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="the notebook tests need nbformat")
nbclient = pytest.importorskip("nbclient", reason="the notebook tests need nbclient")
pytest.importorskip("ipykernel", reason="the notebook tests need ipykernel")

from demos.notebooks.build import COURSE  # noqa: E402
from demos.notebooks.solutions import solution  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]  # the checkout whose code is tested
NOTEBOOKS = sorted(COURSE.glob("*/*.ipynb"))
TIMEOUT = 60  # seconds per cell; a whole notebook should take a few seconds
WORKERS = 4


def number(path: Path) -> str:
    """'01' for 01_vector.ipynb: the key of its solutions."""
    return path.name.split("_", 1)[0]


def role(cell) -> tuple[str, str] | None:
    """("exercise", id) or ("check", id) for the course's marked cells."""
    marks = cell.get("metadata", {}).get("takaisin", {})
    for kind in ("exercise", "check"):
        if kind in marks:
            return kind, marks[kind]
    return None


def filled(path: Path) -> nbformat.NotebookNode:
    """The notebook with every exercise cell replaced by its solution."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if role(cell) and role(cell)[0] == "exercise":
            cell.source = solution(number(path), role(cell)[1])
    return nb


def execute(path: Path, fill: bool) -> nbformat.NotebookNode:
    nb = filled(path) if fill else nbformat.read(path, as_version=4)
    env = dict(os.environ, PYTHONPATH=str(ROOT), MPLBACKEND="")
    env.pop("MPLBACKEND")  # the kernel chooses Jupyter's inline backend itself
    with tempfile.TemporaryDirectory() as where:  # like a learner's course/ folder
        client = nbclient.NotebookClient(
            copy.deepcopy(nb),
            kernel_name="python3",
            timeout=TIMEOUT,
            resources={"metadata": {"path": where}},
        )
        return client.execute(env=env)


def _execute_or_error(path: Path, fill: bool):
    try:
        return execute(path, fill)
    except Exception as error:  # reported by the test of that one notebook
        return error


def execute_course(fill: bool) -> dict[Path, nbformat.NotebookNode | Exception]:
    """Every notebook executed; a notebook that failed maps to its error."""
    with ThreadPoolExecutor(WORKERS) as pool:
        done = pool.map(lambda p: _execute_or_error(p, fill), NOTEBOOKS)
        return dict(zip(NOTEBOOKS, done, strict=True))


def text_of(cell) -> str:
    """Everything a code cell showed as text (printed or as its value)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif "data" in out and "text/plain" in out.data:
            parts.append(out.data["text/plain"])
    return "".join(parts).strip()
