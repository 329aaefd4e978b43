"""Tests for demos/common/preflight.py: missing packages and a shadowing
engine.py are found before a demo starts, not after its training."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from demos.common import preflight

ROOT = Path(__file__).resolve().parents[3]


def test_a_missing_matplotlib_is_named_with_the_install_line(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "matplotlib" else real(name, *a),
    )
    message = preflight.missing_packages("moons", no_plot=False)
    assert 'pip install "takaisin[demos]"' in message and "matplotlib" in message
    assert "--no-plot" in message
    assert preflight.missing_packages("moons", no_plot=True) is None


def test_graph_needs_graphviz_even_without_pictures(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    message = preflight.missing_packages("graph", no_plot=True)
    assert "graphviz" in message and "--no-plot" not in message


def test_the_playground_needs_graphviz_for_its_why_panel(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    message = preflight.missing_packages("playground", no_plot=False)
    assert "graphviz" in message and 'pip install "takaisin[demos]"' in message


def _run(args: list[str], cwd: Path, hide: str = "") -> subprocess.CompletedProcess:
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(cwd)!r}); sys.path.insert(1, {str(ROOT)!r})\n"
        + (f"sys.modules[{hide!r}] = None\n" if hide else "")
        + "from demos.__main__ import main\n"
        f"sys.exit(main({args!r}))\n"
    )
    env = {**os.environ, "PYTHONPATH": ""}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip


def test_without_matplotlib_moons_stops_before_training(tmp_path):
    done = _run(["moons", "--out", str(tmp_path / "out")], tmp_path, "matplotlib")
    assert done.returncode == 2, done.stderr
    assert 'pip install "takaisin[demos]"' in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()  # nothing trained, nothing saved


def test_a_learners_engine_py_is_named(tmp_path):
    (tmp_path / "engine.py").write_text("x = 1\n")
    done = _run(["moons", "--steps", "1"], tmp_path)
    assert done.returncode == 2
    assert str(tmp_path / "engine.py") in done.stderr
    assert "Rename it" in done.stderr and "Traceback" not in done.stderr


def test_python_m_demos_in_a_folder_with_nn_py(tmp_path):
    (tmp_path / "nn.py").write_text("")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "demos", "xor", "--steps", "1"], cwd=tmp_path,
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert "nn.py hides takaisin's package 'nn'" in done.stderr
