"""`python -m demos notebooks DIR`: the course copied out, never over the
learner's work without --force."""

from __future__ import annotations

from pathlib import Path

import pytest

from demos.notebooks import notebooks
from demos.notebooks.notebooks import course_notebooks, main


def test_the_docstring_is_one_line_for_the_demo_list():
    assert notebooks.__doc__.strip().splitlines()[0].endswith("own.")


def test_copies_both_languages_and_says_how_to_open_them(tmp_path, capsys):
    target = tmp_path / "course"
    assert main([str(target)]) == 0
    copied = sorted(p.relative_to(target) for p in target.rglob("*.ipynb"))
    assert copied == course_notebooks()
    assert {p.parts[0] for p in copied} == {"en", "fi"}
    assert Path("fi/00_aloitus.ipynb") in copied
    for name in copied:
        assert (target / name).read_bytes() == (notebooks.COURSE / name).read_bytes()
    out = capsys.readouterr().out
    assert "copied 9 English and 9 Finnish notebooks" in out
    assert f"cd {target} && jupyter lab" in out


def test_refuses_to_overwrite_a_learners_notebook(tmp_path, capsys):
    mine = tmp_path / "en" / "01_vector.ipynb"
    mine.parent.mkdir()
    mine.write_text("my work")
    assert main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert str(mine) in err and "--force" in err and "nothing copied" in err
    assert mine.read_text() == "my work"
    assert not (tmp_path / "fi").exists()  # nothing at all was copied


def test_force_overwrites(tmp_path):
    mine = tmp_path / "en" / "01_vector.ipynb"
    mine.parent.mkdir()
    mine.write_text("my work")
    assert main([str(tmp_path), "--force"]) == 0
    assert (
        mine.read_bytes() == (notebooks.COURSE / "en" / "01_vector.ipynb").read_bytes()
    )


def test_a_file_in_place_of_the_folder_is_named(tmp_path, capsys):
    target = tmp_path / "course"
    target.write_text("")
    assert main([str(target)]) == 1
    assert f"{target} is a file, not a folder" in capsys.readouterr().err


def test_dir_is_required(capsys):
    with pytest.raises(SystemExit) as stop:
        main([])
    assert stop.value.code == 2
    assert "DIR" in capsys.readouterr().err
