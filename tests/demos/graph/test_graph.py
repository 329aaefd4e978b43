"""`python -m demos graph`: writes its pictures, with or without system Graphviz."""

from __future__ import annotations

import shutil

import pytest

from demos.graph import graph as graph_demo

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="system Graphviz `dot` not on PATH"
)
NAMES = ["neuron", "expression", "network"]


def test_svgs_with_pip_alone(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "no-graphviz-here"))
    assert graph_demo.main(["--out", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    for name in NAMES:
        path = tmp_path / f"graph_{name}.svg"
        assert f"wrote {path}" in lines
        svg = path.read_text(encoding="utf-8")
        assert svg.startswith("<?xml") and "</svg>" in svg
    network = (tmp_path / "graph_network.svg").read_text(encoding="utf-8")
    assert "layer 3" in network and "L2.N1.w3" in network
    neuron = (tmp_path / "graph_neuron.svg").read_text(encoding="utf-8")
    assert "0.7071" in neuron and "w1·x1" in neuron


@needs_dot
def test_png_with_system_graphviz(tmp_path):
    assert graph_demo.main(["--format", "png", "--out", str(tmp_path)]) == 0
    for name in NAMES:
        assert (tmp_path / f"graph_{name}.png").read_bytes()[:4] == b"\x89PNG"


def test_png_without_graphviz_says_how_to_get_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "no-graphviz-here"))
    argv = ["--format", "png", "--example", "neuron", "--out", str(tmp_path)]
    assert graph_demo.main(argv) == 1
    assert "apt-get install graphviz" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.png"))


def test_one_example_and_the_same_picture_every_run(tmp_path, capsys):
    for run in ("a", "b"):
        argv = ["--example", "network", "--format", "dot", "--out", str(tmp_path / run)]
        assert graph_demo.main(argv) == 0
    first = (tmp_path / "a" / "graph_network.dot").read_text(encoding="utf-8")
    assert first == (tmp_path / "b" / "graph_network.dot").read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["graph_network.dot"]
    assert "cluster_L1_N3" in first


def test_out_that_is_a_file_is_a_clear_error(tmp_path, capsys):
    # used to end in a FileExistsError traceback from mkdir
    a_file = tmp_path / "pictures"
    a_file.write_text("")
    with pytest.raises(SystemExit) as exit_info:
        graph_demo.main(["--out", str(a_file)])
    assert exit_info.value.code == 2
    assert "is a file, not a folder" in capsys.readouterr().err


def test_focus_draws_the_paths_back_to_one_weight(tmp_path, capsys):
    argv = ["--focus", "L1.N1.w1", "--format", "dot", "--out", str(tmp_path)]
    assert graph_demo.main(argv) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph_network_focus.dot"]
    source = (tmp_path / "graph_network_focus.dot").read_text(encoding="utf-8")
    assert "only the paths from loss back to L1.N1.w1" in source
    assert "more nodes not shown" in source and "rankdir=TB" in source
    assert "L1.N2.w1" not in source  # another neuron's weight is left out
    argv = ["--example", "neuron", "--focus", "w1", "--out", str(tmp_path)]
    assert graph_demo.main(argv) == 0
    assert (tmp_path / "graph_neuron_focus.svg").exists()


def test_focus_on_a_label_the_graph_lacks_names_the_labels_it_has(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        graph_demo.main(
            ["--example", "neuron", "--focus", "L9", "--out", str(tmp_path)]
        )
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--focus 'L9'" in err and "b, n, o, w1, w2, x1, x2" in err
    assert not list(tmp_path.iterdir())
