"""The classification demos run end to end (few steps), write their files,
and end with one parseable line. The full runs are in the README."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys

import pytest

import nn
from demos.__main__ import DEMOS
from demos.__main__ import main as demos_main
from demos.classify.digits import ascii_digit, describe_prediction

FINAL_LINE = re.compile(
    r"^(?P<name>\w+): train accuracy \(all (?P<all>\d+) examples\) "
    r"(?P<train>\d+\.\d)% \((\d+)/(\d+)\), "
    r"test accuracy (?P<test>n/a|\d+\.\d% \(\d+/\d+\)), "
    r"(?P<steps>\d+) steps, \d+\.\d s(?P<stopped>, stopped by Ctrl-C)?$"
)

PICTURES = {
    "moons": ["moons_boundary.png", "moons_curves.png", "moons_graph.svg"],
    "circles": ["circles_boundary.png", "circles_curves.png"],
    "xor": ["xor_boundary.png", "xor_curves.png"],
    "spiral": ["spiral_boundary.png", "spiral_curves.png"],
    "digits": ["digits_predictions.png", "digits_curves.png"],
}
HELD_OUT = {"circles", "xor", "digits"}  # demos with a test set


def _run(name: str, argv: list[str], capsys, code: int = 0) -> list[str]:
    module = importlib.import_module(DEMOS[name])
    assert module.main(argv) == code
    return capsys.readouterr().out.strip().splitlines()


@pytest.mark.parametrize("name", list(PICTURES))
def test_demo_runs_and_writes_its_files(name, tmp_path, capsys):
    lines = _run(
        name, ["--steps", "3", "--out", str(tmp_path), "--no-progress"], capsys
    )
    match = FINAL_LINE.match(lines[-1])
    assert match, lines[-1]
    assert match["name"] == name and match["steps"] == "3"
    assert (match["test"] != "n/a") == (name in HELD_OUT)
    assert not match["stopped"]
    for picture in PICTURES[name]:
        path = tmp_path / picture
        assert path.stat().st_size > 1000, picture
        assert f"wrote {path}" in lines
    if name != "moons":  # the graph is SVG text, the rest are PNG
        assert (tmp_path / PICTURES[name][0]).read_bytes()[:4] == b"\x89PNG"
    model = nn.load(tmp_path / f"{name}_model.json")
    assert len(model.parameters()) > 0


def test_no_plot_writes_only_the_model(tmp_path, capsys):
    lines = _run("xor", ["--steps", "2", "--out", str(tmp_path), "--no-plot"], capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xor_model.json"]
    assert FINAL_LINE.match(lines[-1])


def test_same_seed_same_result_other_seed_other_model(tmp_path, capsys):
    def model_file(seed: str, folder: str) -> str:
        out = tmp_path / folder
        _run("circles", ["--steps", "4", "--seed", seed, "--out", str(out),
                         "--no-plot"], capsys)  # fmt: skip
        return (out / "circles_model.json").read_text()

    assert model_file("1", "a") == model_file("1", "b")
    assert model_file("1", "a") != model_file("2", "c")


def test_saved_model_scores_what_the_final_line_says(tmp_path, capsys):
    from demos.classify.run import multiclass_answer
    from demos.classify.train import count_correct
    from demos.datasets import make_spiral

    lines = _run(
        "spiral", ["--steps", "5", "--out", str(tmp_path), "--no-plot"], capsys
    )
    correct = int(re.search(r"\((\d+)/300\)", lines[-1])[1])
    model = nn.load(tmp_path / "spiral_model.json")
    X, y = make_spiral(n=300, classes=3, noise=0.2, seed=0)
    assert count_correct(model, X, y, multiclass_answer) == correct


def test_ctrl_c_still_writes_pictures_and_model(tmp_path, capsys, monkeypatch):
    import demos.classify.moons

    calls = []
    real_loss = demos.classify.moons.hinge_loss

    def loss_then_ctrl_c(scores, labels):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C in step 3
        return real_loss(scores, labels)

    monkeypatch.setattr(demos.classify.moons, "hinge_loss", loss_then_ctrl_c)
    # the files are written, and the exit code is 130 as shells expect
    lines = _run("moons", ["--out", str(tmp_path), "--no-progress"], capsys, 130)
    match = FINAL_LINE.match(lines[-1])
    assert match and match["steps"] == "2" and match["stopped"]
    assert any("stopped by Ctrl-C after 2 of 100 steps" in line for line in lines)
    for picture in PICTURES["moons"]:
        assert (tmp_path / picture).exists()
    assert nn.load(tmp_path / "moons_model.json")


def test_help_names_the_shared_options(capsys):
    module = importlib.import_module("demos.classify.digits")
    with pytest.raises(SystemExit) as exit_info:
        module.main(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for option in ("--steps", "--seed", "--out", "--no-plot", "--no-progress",
                   "--batch-size"):  # fmt: skip
        assert option in text
    assert "python -m demos digits" in text


def test_bad_options_are_refused(capsys):
    module = importlib.import_module("demos.classify.moons")
    with pytest.raises(SystemExit) as exit_info:
        module.main(["--steps", "0"])
    assert exit_info.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_the_demo_list_shows_each_summary(capsys):
    assert demos_main([]) == 0
    listing = capsys.readouterr().out
    for name in PICTURES:
        module = importlib.import_module(DEMOS[name])
        summary = module.__doc__.strip().splitlines()[0]
        assert f"{name:<12} {summary}" in listing


def test_digits_print_as_ascii_art():
    zero = [0.0] * 64
    for r in range(1, 7):  # a ring: ink at the sides of rows 1-6
        zero[8 * r + 2] = zero[8 * r + 5] = 16.0
    zero[8 + 3] = zero[8 + 4] = zero[48 + 3] = zero[48 + 4] = 16.0
    art = ascii_digit(zero)
    assert art[0] == " " * 16
    assert art[1] == "    @@@@@@@@    "
    assert art[3] == "    @@    @@    "
    text = describe_prediction(zero, 0, [0.9, 0.1] + [0.0] * 8)
    assert "true digit 0, the network says 0 (right)" in text
    assert "0: 0.900 ##################" in text
    assert "WRONG" in describe_prediction(zero, 8, [0.9, 0.1] + [0.0] * 8)


def test_a_file_that_cannot_be_written_is_one_line_not_a_traceback(
    tmp_path, capsys, monkeypatch
):
    def disk_full(model, path):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(nn, "save", disk_full)
    argv = ["xor", "--steps", "1", "--out", str(tmp_path), "--no-plot", "--no-progress"]
    assert demos_main(argv) == 1
    error = capsys.readouterr().err
    assert error == f"xor: No space left on device: {tmp_path / 'xor_model.json'}\n"


def test_ctrl_c_outside_a_training_loop_stops_with_a_message(capsys, monkeypatch):
    import demos.landscape.landscape

    def interrupted(argv):
        raise KeyboardInterrupt

    monkeypatch.setattr(demos.landscape.landscape, "main", interrupted)
    assert demos_main(["landscape"]) == 130
    assert capsys.readouterr().err == "\nlandscape: stopped by Ctrl-C\n"


def test_a_reader_that_leaves_early_gets_no_traceback():
    # `python -m demos explain | head -3`: head quits after three lines
    demo = subprocess.Popen(
        [sys.executable, "-m", "demos", "explain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    demo.stdout.close()  # the reader is gone before the demo writes a line
    error = demo.stderr.read().decode()
    assert demo.wait(timeout=60) == 1
    assert "Traceback" not in error and "BrokenPipeError" not in error


def test_digits_refuse_a_negative_number_to_show(capsys):
    # --show -1 used to print all but one of the 449 test digits
    with pytest.raises(SystemExit) as exit_info:
        demos_main(["digits", "--show", "-1"])
    assert exit_info.value.code == 2
    assert "--show: expected a number of at least 0, got -1" in capsys.readouterr().err


def test_a_second_ctrl_c_while_saving_still_saves_the_model(
    tmp_path, capsys, monkeypatch
):
    import os
    import signal

    import demos.classify.run

    real_save = nn.save

    def save_with_ctrl_c(model, path):
        os.kill(os.getpid(), signal.SIGINT)  # pressed while the model is saved
        real_save(model, path)

    monkeypatch.setattr(demos.classify.run.nn, "save", save_with_ctrl_c)
    argv = ["--steps", "2", "--out", str(tmp_path), "--no-plot", "--no-progress"]
    lines = _run("xor", argv, capsys, 130)
    assert FINAL_LINE.match(lines[-1])["stopped"]
    assert len(nn.load(tmp_path / "xor_model.json").parameters()) > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xor_model.json"]
