"""Tests for demos/cli.py: the options every training demo shares."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from demos.common import cli
from demos.common.cli import make_parser, output_file


def test_defaults():
    args = make_parser("moons", "Learn two moons.", steps=100).parse_args([])
    assert args.steps == 100 and args.seed == 0
    assert args.out == Path("out")
    assert not args.no_plot and not args.no_progress


def test_options_are_parsed():
    parser = make_parser("moons", "Learn two moons.", steps=100, seed=3)
    args = parser.parse_args(
        ["--steps", "7", "--seed", "-2", "--out", "pics", "--no-plot", "--no-progress"]
    )
    assert (args.steps, args.seed, args.out) == (7, -2, Path("pics"))
    assert args.no_plot and args.no_progress


@pytest.mark.parametrize(
    "steps, message",
    [
        ("0", "at least 1"),
        ("-3", "at least 1"),
        ("2.5", "whole number"),
        ("x", "whole"),
    ],
)
def test_bad_steps_are_refused_with_a_reason(steps, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        make_parser("xor", "XOR.").parse_args(["--steps", steps])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_help_keeps_a_docstring_layout_and_wraps_one_liners(capsys):
    doc = "Title line.\n\n    network    MLP(2, [4, 1])\n    loss       hinge\n"
    with pytest.raises(SystemExit):
        make_parser("xor", doc).parse_args(["--help"])
    text = capsys.readouterr().out
    assert "    network    MLP(2, [4, 1])\n    loss       hinge" in text
    assert "usage: python -m demos xor" in text

    long = "word " * 40
    with pytest.raises(SystemExit):
        make_parser("xor", long).parse_args(["--help"])
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) < 100


@pytest.mark.parametrize("under", ["", "/sub"])
def test_out_that_is_a_file_is_refused_before_training(under, tmp_path, capsys):
    # a demo used to train for its whole run and then crash in mkdir
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    with pytest.raises(SystemExit) as exit_info:
        make_parser("xor", "XOR.").parse_args(["--out", f"{a_file}{under}"])
    assert exit_info.value.code == 2
    assert f"'{a_file}' is a file, not a folder" in capsys.readouterr().err


def test_out_in_a_folder_without_write_permission_is_refused(
    tmp_path, capsys, monkeypatch
):
    # as if tmp_path were read-only (chmod does not stop root, who runs CI)
    monkeypatch.setattr(cli.os, "access", lambda path, mode: Path(path) != tmp_path)
    with pytest.raises(SystemExit):
        make_parser("xor", "XOR.").parse_args(["--out", str(tmp_path / "pics")])
    assert f"cannot write in '{tmp_path}' (no permission)" in capsys.readouterr().err


def test_out_may_be_a_new_or_existing_folder(tmp_path):
    parser = make_parser("xor", "XOR.")
    for out in (tmp_path, tmp_path / "new" / "deeper"):
        assert parser.parse_args(["--out", str(out)]).out == out
    assert not (tmp_path / "new").exists()  # reading the options makes nothing


def test_output_file_refuses_a_folder(tmp_path):
    with pytest.raises(argparse.ArgumentTypeError, match="is a folder, not a file"):
        output_file(str(tmp_path))
    assert output_file(str(tmp_path / "page.html")) == tmp_path / "page.html"


def test_an_empty_out_is_refused_not_taken_for_the_current_folder():
    import argparse

    from demos.common.cli import output_folder

    with pytest.raises(argparse.ArgumentTypeError, match="empty"):
        output_folder("")


def test_out_is_checked_by_really_writing_a_file(tmp_path, monkeypatch):
    # as root os.access says yes to /proc; only a real file tells the truth
    import argparse
    import errno
    import tempfile

    from demos.common import cli

    def refuse(*args, **kwargs):
        raise OSError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(argparse.ArgumentTypeError, match="cannot write in"):
        cli.output_folder(str(tmp_path / "new"))
    monkeypatch.undo()
    assert cli.output_folder(str(tmp_path / "new")) == tmp_path / "new"
    assert list(tmp_path.iterdir()) == []  # the probe file is gone again
