"""The walkthrough: both languages run to the end and show a falling loss."""

from __future__ import annotations

import random
import re
from itertools import pairwise

import pytest

from demos.walkthrough import walkthrough
from demos.walkthrough.walkthrough import draw, line_pixels, main, picture


def run(capsys, *argv: str) -> str:
    assert main(["--no-pause", *argv]) == 0
    return capsys.readouterr().out


def epoch_losses(out: str) -> list[float]:
    return [
        float(x) for x in re.findall(r"(?:mean loss|keskim\. virhe) (\d+\.\d+)", out)
    ]


@pytest.mark.parametrize(
    ("lang", "step_pattern", "last_words"),
    [
        ("en", r"L was (\d+\.\d+), now (\d+\.\d+)", "TL;DR"),
        ("fi", r"L oli (\d+\.\d+), nyt (\d+\.\d+)", "TLDR"),
    ],
)
def test_runs_to_the_end_and_the_loss_falls(capsys, lang, step_pattern, last_words):
    out = run(capsys, "--lang", lang)
    # Stage 6: one step against the gradient lowers the loss on that picture.
    before, after = map(float, re.search(step_pattern, out).groups())
    assert after < before
    # Stage 7: training on shuffled pictures; the mean loss falls.
    losses = epoch_losses(out)
    assert len(losses) == 10
    assert losses[-1] < 0.5 * losses[0]
    assert all(b < a for a, b in pairwise(losses))
    assert last_words in out


def test_finnish_uses_the_talks_terms(capsys):
    out = run(capsys, "--lang", "fi").lower()
    for term in (
        "neuroni",
        "aktivointifunktio",
        "virhefunktio",
        "gradientti",
        "takaisinleviäminen",
    ):
        assert term in out, term
    assert "probability" not in out  # no English left in the Finnish text


def test_backprop_stage_traces_one_weight_with_the_chain_rule(capsys):
    out = run(capsys)
    trace = re.findall(
        r"dloss/dL1\.N1\.w5 \+= .* [=≈] (-?\d+\.\d+)   \(L1\.N1\.w5\.grad", out
    )
    assert len(trace) == 1  # one use of the weight, one step
    assert f"dloss/dL1.N1.w5 = {trace[0]}" in out  # the trace's result
    # the table of gradients keeps the loss L apart from the label L1...
    assert f"dL/d(L1.N1.w5) = {trace[0]:>8}" in out
    assert "all 55 gradients" in out
    # The step moves that very weight by -lr * grad.
    m = re.search(r"L1\.N1\.w5 = (\S+) - 0\.5 · \((\S+)\) = (\S+)", out)
    old, grad, new = map(float, m.groups())
    assert grad == float(trace[0])
    assert new == pytest.approx(old - 0.5 * grad, abs=1e-4)


def test_same_seed_same_story_other_seed_other_numbers(capsys):
    assert run(capsys) == run(capsys)
    assert run(capsys, "--seed", "1") != run(capsys)


def test_pauses_only_in_a_terminal(capsys, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt="": asked.append(prompt) or "")
    # Not a terminal (as under pytest): never waits, even without --no-pause.
    monkeypatch.setattr(walkthrough.sys.stdin, "isatty", lambda: False, raising=False)
    assert main([]) == 0
    assert asked == []
    monkeypatch.setattr(walkthrough.sys.stdin, "isatty", lambda: True, raising=False)
    assert main(["--lang", "fi"]) == 0
    assert len(asked) == 8 and all("Enter" in prompt for prompt in asked)
    asked.clear()
    assert main(["--no-pause"]) == 0
    assert asked == []
    capsys.readouterr()


def test_pictures_are_vectors_of_pixels_in_0_1():
    rng = random.Random(0)
    for kind in range(3):
        for where in range(3):
            x = picture(kind, where, rng)
            assert len(x) == 9 and all(0.0 <= v <= 1.0 for v in x)
            on = line_pixels(kind, where)
            dark = {divmod(i, 3) for i, v in enumerate(x) if v >= 0.7}
            assert dark == on and len(on) == 3
    assert len(draw([0.0] * 9)) == 5  # a frame around three rows


def test_bad_epochs_is_a_clear_error(capsys):
    assert main(["--no-pause", "--epochs", "0"]) == 2
    assert "--epochs" in capsys.readouterr().err


def test_ctrl_d_at_a_pause_runs_on_without_waiting(capsys, monkeypatch):
    # Ctrl-D (end of input) at "press Enter" used to end in an EOFError traceback
    asked: list[str] = []

    def end_of_input(prompt=""):
        asked.append(prompt)
        raise EOFError

    monkeypatch.setattr("builtins.input", end_of_input)
    monkeypatch.setattr(walkthrough.sys.stdin, "isatty", lambda: True, raising=False)
    assert main([]) == 0
    assert len(asked) == 1
    assert "Summary" in capsys.readouterr().out


def test_press_enter_is_said_only_when_it_waits(capsys):
    out = run(capsys)  # --no-pause: nothing waits
    assert "Press Enter" not in out
