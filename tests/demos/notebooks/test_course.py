"""The course run as a learner runs it: every notebook, top to bottom, in a
real Jupyter kernel — once with the solutions filled in (every check says
"right"/"oikein"), once as shipped (no cell fails; every check says what is
missing). Plus the shape of the committed files."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import pytest

from tests.demos.notebooks import kernel

nbformat = kernel.nbformat
NOTEBOOKS = kernel.NOTEBOOKS
RIGHT = {"en": "right", "fi": "oikein"}
NOT_YET = {"en": "not yet: ", "fi": "ei vielä: "}


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.fixture(scope="module")
def solved() -> dict:
    return kernel.execute_course(fill=True)


@pytest.fixture(scope="module")
def as_shipped() -> dict:
    return kernel.execute_course(fill=False)


def _executed(results: dict, path: Path):
    result = results[path]
    if isinstance(result, Exception):
        pytest.fail(f"{_id(path)} failed in the kernel:\n{result}")
    return result


def _checks(nb) -> list:
    return [c for c in nb.cells if (kernel.role(c) or ("",))[0] == "check"]


def test_the_course_has_both_languages_and_every_topic():
    names = {path.parent.name: [] for path in NOTEBOOKS}
    for path in NOTEBOOKS:
        names[path.parent.name].append(kernel.number(path))
    assert names == {lang: [f"{k:02}" for k in range(9)] for lang in ("en", "fi")}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_with_the_solutions_every_check_says_right(solved, path):
    nb = _executed(solved, path)
    checks = _checks(nb)
    if kernel.number(path) != "00" or checks:
        assert checks, f"{_id(path)} has no exercises"
    for cell in checks:
        assert kernel.text_of(cell) == RIGHT[path.parent.name], cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_as_shipped_every_check_says_what_is_missing(as_shipped, path):
    nb = _executed(as_shipped, path)
    for cell in _checks(nb):
        said = kernel.text_of(cell)
        assert said.startswith(NOT_YET[path.parent.name]), (cell.source, said)


PICTURES = ("image/png", "image/svg+xml", "text/html")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_every_picture_cell_shows_a_picture(solved, path):
    """A cell whose last line draws (draw_dot, a *_figure, step_through,
    plt.show) shows an image or the stepper, not a bare `<Figure ...>`."""
    nb = _executed(solved, path)
    drawers = ("draw_dot(", "_figure(", "step_through(", "plt.show()")
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        last = cell.source.strip().splitlines()[-1]
        if any(d in last for d in drawers):
            kinds = [k for out in cell.outputs for k in out.get("data", {})]
            shown = [k for k in kinds if k in PICTURES]
            assert len(shown) == 1, f"{_id(path)}: {last!r} showed {kinds}"
        for out in cell.outputs:
            assert "<Figure size" not in out.get("data", {}).get("text/plain", "") or (
                "image/png" in out.get("data", {})
            ), f"{_id(path)}: a figure without its picture in {last!r}"


def test_the_stepper_shows_inline_in_the_backprop_notebook(solved):
    for path in NOTEBOOKS:
        if kernel.number(path) == "06":
            pages = [
                out.data["text/html"]
                for cell in _executed(solved, path).cells
                for out in cell.get("outputs", [])
                if "<iframe" in out.get("data", {}).get("text/html", "")
            ]
            assert len(pages) == 2, _id(path)  # the neuron and the class's own


# ------------------------------------------------------- the committed files
@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_committed_notebooks_carry_no_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{_id(path)} has outputs"
            assert cell.execution_count is None, f"{_id(path)} has execution counts"


def test_committed_notebooks_are_what_build_makes():
    from demos.notebooks.build import COURSE, course_files

    files = course_files()
    assert sorted(files) == sorted(p.relative_to(COURSE) for p in NOTEBOOKS)
    for relative, text in files.items():
        assert (COURSE / relative).read_text(encoding="utf-8") == text, (
            f"{relative} differs from pages/: run `python -m demos.notebooks.build`"
        )


def _code_only(source: str) -> list[str]:
    """The code's tokens without comments and strings (where words differ)."""
    kept = []
    skip = {tokenize.COMMENT, tokenize.STRING, tokenize.NL, tokenize.NEWLINE}
    skip |= {getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in skip:
            kept.append(token.string)
    return kept


def test_english_and_finnish_are_the_same_course():
    """Same notebooks, same cells in the same order, same exercises, and the
    same code: only comments, strings and Markdown are translated."""
    english = [p for p in NOTEBOOKS if p.parent.name == "en"]
    finnish = [p for p in NOTEBOOKS if p.parent.name == "fi"]
    assert [kernel.number(p) for p in english] == [kernel.number(p) for p in finnish]
    for en_path, fi_path in zip(english, finnish, strict=True):
        en = nbformat.read(en_path, as_version=4).cells
        fi = nbformat.read(fi_path, as_version=4).cells
        assert [c.cell_type for c in en] == [c.cell_type for c in fi], en_path.name
        assert [kernel.role(c) for c in en] == [kernel.role(c) for c in fi]
        for a, b in zip(en, fi, strict=True):
            if a.cell_type == "code":
                assert _code_only(a.source) == _code_only(b.source), (
                    a.source,
                    b.source,
                )


def _drawing_calls(source: str) -> list[ast.Call]:
    """The calls of a cell that draw a picture with words: *_figure, step_through."""
    code = "\n".join(line for line in source.splitlines() if not line.startswith("%"))
    return [
        node
        for node in ast.walk(ast.parse(code))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and (node.func.id.endswith("_figure") or node.func.id == "step_through")
    ]


def test_every_picture_is_drawn_in_its_notebooks_language():
    """The Finnish course's pictures say Finnish: each call asks lang="fi"."""
    seen = 0
    for path in NOTEBOOKS:
        lang = path.parent.name
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            for call in _drawing_calls(cell.source):
                asked = [k.value for k in call.keywords if k.arg == "lang"]
                said = [a.value for a in asked if isinstance(a, ast.Constant)]
                assert said in ([lang], [] if lang == "en" else [lang]), (
                    f"{_id(path)}: {ast.unparse(call)} should say lang={lang!r}"
                )
                seen += 1
    assert seen >= 2 * 8  # the five landscape and four classify pictures, twice


def test_every_exercise_has_a_solution_and_a_check_right_after():
    from demos.notebooks.solutions import SOLUTIONS, solution

    seen = set()
    for path in NOTEBOOKS:
        cells = nbformat.read(path, as_version=4).cells
        for k, cell in enumerate(cells):
            role = kernel.role(cell)
            if role and role[0] == "exercise":
                assert "..." in cell.source and "# " in cell.source
                assert kernel.role(cells[k + 1]) == ("check", role[1]), cell.source
                assert solution(kernel.number(path), role[1])
                seen.add((kernel.number(path), role[1]))
    assert seen == set(SOLUTIONS)
    with pytest.raises(KeyError, match="no solution for 99/nothing"):
        solution("99", "nothing")
