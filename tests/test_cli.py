"""Tests for demos/cli.py: the options every training demo shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from demos.cli import make_parser


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
