"""Write an HTML page that steps through backprop one chain-rule step at a time.

    python -m demos stepper                           # out/backprop.html: a neuron
    python -m demos stepper --example net --lang fi   # out/net.html
    python -m demos stepper -o page.html              # exactly this file

The page is one self-contained file (inline SVG, CSS and JavaScript; no
network needed). Previous / Next (or the arrow keys) step through the
forward pass node by node, then the backward pass edge by edge: the active
node or edge lights up, each grad appears as it is computed, and the side
panel shows that step's chain-rule arithmetic. A menu jumps to a phase or
to the first step that touches a layer; with `focus=` (a value of the
graph) the steps on the path back to it are marked, with buttons to them.

For your own graph: `write_page(root, path)`, or in a notebook
`demos.stepper.step_through(root)`. A server serves `render_page(data)`
(one page), or `render_page(data, inline=False)` with `stepper_js()` and
`stepper_css()` as the files stepper.js and stepper.css, for a strict
Content-Security-Policy of `default-src 'self'`.

Every number on the page is computed here in Python, by the same
`backward_steps` that `backward()` is built on; the page only shows them.
All names and labels travel as JSON data and are put on the page as text,
never as HTML, so a label like `<script>` is shown, not run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from html import escape
from pathlib import Path

from demos.common.cli import output_file, output_folder
from demos.common.examples import EXAMPLES
from demos.stepper.layout import BOX_HEIGHT, BOX_WIDTH, GAP_X, layout
from demos.stepper.steps import (
    build_steps,
    focus_path,
    jumps,
    layers,
    on_the_way,
    roles,
)
from demos.stepper.text import EXAMPLE_TITLES_FI, TEXT
from engine import Value, topo_sort
from engine.explain import fmt, node_names

HERE = Path(__file__).parent
TEMPLATE = HERE / "page.html"
DATA_MARKER = "__STEPPER_DATA__"
MARKERS = ("__STEPPER_CSP__", "__STEPPER_CSS__", "__STEPPER_JS__", DATA_MARKER)
# One file, nothing to load; or two files beside the page, from the same server.
INLINE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'"
FILES_CSP = "default-src 'self'"
# The colours of engine/draw/style.py COLOURS (copied into stepper.css, so
# that the page needs no graphviz; tests check that they are the same).
ROLE_COLOURS = {
    "input": "#cfe2ff",
    "parameter": "#ffe08a",
    "computed": "#ffffff",
    "output": "#b8f0c8",
}
SURROGATE = re.compile("[\ud800-\udfff]")  # half a UTF-16 pair: not encodable
BOX_CHARS = 17  # characters that fit across a box at the page's font size


def _short(name: str, op: str) -> str:
    """The name cut to what fits beside the op in a box (the panel and the
    box's tooltip show it whole)."""
    room = BOX_CHARS - (len(op) + 1 if op else 0)
    return name if len(name) <= room else name[: room - 1] + "…"


def _edge_path(
    start: tuple[float, float], end: tuple[float, float]
) -> tuple[str, float, float]:
    """An S-shaped curve from a parent's right side to a child's left side,
    and the point halfway along it (for the edge's label)."""
    (x1, y1), (x2, y2) = start, end
    bend = max(GAP_X / 2, (x2 - x1) / 3)
    points = [(x1, y1), (x1 + bend, y1), (x2 - bend, y2), (x2, y2)]
    d = "M{:.1f},{:.1f} C{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}".format(
        *(c for point in points for c in point)
    )
    return d, (x1 + x2) / 2, (y1 + y2) / 2


def _graph(root: Value, names: dict[Value, str]) -> tuple[dict, dict[Value, int]]:
    """Nodes and edges with their places on the page."""
    order = topo_sort(root)
    ids = {node: i for i, node in enumerate(order)}
    places = layout(root)
    role = roles(root)
    nodes = []
    for node in order:
        x, y = places.position[node]
        nodes.append(
            {
                "id": ids[node],
                "name": names[node],
                "short": _short(names[node], node.op),
                "op": node.op,
                "role": role[node],
                "x": x,
                "y": y,
                "data": fmt(node.data),
                "exact_data": repr(node.data),
            }
        )
    edges = []
    for node in order:
        n = len(node.parents)
        cx, cy = places.position[node]
        for slot, parent in enumerate(node.parents):
            px, py = places.position[parent]
            # Each parent slot enters at its own point, so a·a shows two arrows.
            end = (cx, cy + BOX_HEIGHT * (slot + 1) / (n + 1))
            d, lx, ly = _edge_path((px + BOX_WIDTH, py + BOX_HEIGHT / 2), end)
            edges.append(
                {
                    "id": len(edges),
                    "from": ids[parent],
                    "to": ids[node],
                    "slot": slot,
                    "d": d,
                    "lx": lx,
                    "ly": ly,
                }
            )
    graph = {
        "width": places.width,
        "height": places.height,
        "box": [BOX_WIDTH, BOX_HEIGHT],
    }
    return {"graph": graph, "nodes": nodes, "edges": edges}, ids


def _find_focus(root: Value, focus: Value | str, names: dict[Value, str]) -> Value:
    """The focus as a node of root's graph: a Value, or a label or name."""
    if isinstance(focus, str):
        by_name = {name: node for node, name in names.items()}
        by_name.update({node.label: node for node in names if node.label})
        if focus not in by_name:
            some = ", ".join(sorted(n for n in by_name if n)[:8])
            raise ValueError(
                f"stepper: no value labelled {focus!r} in the graph; labels: {some}"
            )
        return by_name[focus]
    if not isinstance(focus, Value) or focus not in names:
        raise ValueError(
            f"stepper: focus must be a Value of root's graph (or its label), "
            f"got {type(focus).__name__}: {focus!r:.60}"
        )
    return focus


def page_data(
    root: Value, title: str = "", lang: str = "en", focus: Value | str | None = None
) -> dict:
    """Everything the page shows, as plain JSON-ready data.

    Runs the backward pass, as `explain` does. `focus` (a Value of root's
    graph, or its label, e.g. "L1.N2.w1") marks the steps on the path from
    root back to it, for the page's "next step on the path" buttons.
    """
    if lang not in TEXT:
        raise ValueError(f"stepper: lang must be one of {sorted(TEXT)}, got {lang!r}")
    if not isinstance(root, Value):
        raise TypeError(
            f"stepper: root must be a Value (from engine), got {type(root).__name__}"
        )
    if not isinstance(title, str):
        raise TypeError(f"stepper: title must be a str, got {type(title).__name__}")
    t = TEXT[lang]
    names = node_names(root)
    focus_node = None if focus is None else _find_focus(root, focus, names)
    data, ids = _graph(root, names)
    ui_keys = ("page_title", "prev", "next", "step_of", "keys", "steps", "data", "grad")
    ui_keys += ("zoom_in", "zoom_out", "fit", "jump")
    data["ui"] = {key: t[key] for key in ui_keys}
    data["phases"] = {
        phase: t[f"phase_{phase}"] for phase in ("graph", "forward", "backward", "done")
    }
    shown_roles = {node["role"] for node in data["nodes"]}
    data["key"] = [
        [role, t[f"role_{role}"]]
        for role in ("input", "parameter", "constant", "computed", "output")
        if role in shown_roles
    ]
    data["lang"] = lang
    data["title"] = title or t["page_title"]
    data["steps"] = build_steps(root, names, ids, lang)
    layer_of = {ids[node]: layer for node, layer in layers(root).items()}
    data["jumps"] = jumps(data["steps"], layer_of, lang)
    data["focus"] = None
    if focus_node is not None:
        path = {ids[node] for node in on_the_way(root, focus_node)}
        data["focus"] = focus_path(
            data["steps"], path, ids[focus_node], names[focus_node], names[root], lang
        )
        data["key"].append(["focus", t["role_focus"]])
    return data


def to_script_json(data: dict) -> str:
    """JSON that is safe inside a <script> element.

    `<`, `>` and `&` become \\u003c, \\u003e, \\u0026: still the same JSON
    (JSON.parse turns them back), but no label can close the script
    element early or start a comment or an entity.
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    # JavaScript once treated these two as line ends; escape them too.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def stepper_js() -> str:
    """The page's JavaScript, to serve as stepper.js beside `render_page(data,
    inline=False)`."""
    return (HERE / "stepper.js").read_text(encoding="utf-8")


def stepper_css() -> str:
    """The page's style sheet, to serve as stepper.css."""
    return (HERE / "stepper.css").read_text(encoding="utf-8")


def render_page(
    data: dict,
    inline: bool = True,
    *,
    css_url: str = "stepper.css",
    js_url: str = "stepper.js",
) -> str:
    """The whole HTML page for `page_data(...)`, as a string.

    inline=True: one self-contained page (what `write_page` writes).
    inline=False: the page refers to stepper.css and stepper.js in its own
    folder (serve `stepper_css()` and `stepper_js()` there), so that it runs
    under a Content-Security-Policy of `default-src 'self'`; a server that
    keeps them elsewhere (or needs a token in their URL) gives `css_url`
    and `js_url`. Either way the text is valid UTF-8: a lone surrogate in a
    label becomes U+FFFD (�).
    """
    template = TEMPLATE.read_text(encoding="utf-8")
    for marker in MARKERS:
        if template.count(marker) != 1:
            raise RuntimeError(f"{TEMPLATE} must contain {marker} exactly once")
    if inline:
        # "</" cannot occur in the two files (a test checks), so neither
        # can end its element early.
        parts = {
            "__STEPPER_CSP__": INLINE_CSP,
            "__STEPPER_CSS__": f"<style>\n{stepper_css()}</style>",
            "__STEPPER_JS__": f"<script>\n{stepper_js()}</script>",
        }
    else:
        parts = {
            "__STEPPER_CSP__": FILES_CSP,
            "__STEPPER_CSS__": f'<link rel="stylesheet" href="{escape(css_url)}">',
            "__STEPPER_JS__": f'<script src="{escape(js_url)}"></script>',
        }
    page = template
    for marker, text in parts.items():
        page = page.replace(marker, text)
    # The data goes in last, so no label can be taken for a marker.
    page = page.replace(DATA_MARKER, to_script_json(data))
    return SURROGATE.sub("\ufffd", page)


def write_text_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` as UTF-8 so that `path` is always either the old
    file or the whole new one: a temporary file in the same folder, then
    os.replace. The temporary file is removed on any failure (a full disk,
    Ctrl-C); unencodable characters become U+FFFD."""
    data = SURROGATE.sub("\ufffd", text).encode("utf-8")
    target = path.resolve() if path.is_symlink() else path  # keep the link
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=".stepper-", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_page(
    root: Value,
    path: Path | str,
    title: str = "",
    lang: str = "en",
    focus: Value | str | None = None,
) -> int:
    """Write the page for root's graph to `path`; returns the number of steps.

    Open the file in any browser; it needs no network. `focus`: see page_data.
    """
    data = page_data(root, title, lang, focus)
    write_text_atomically(Path(path), render_page(data))
    return len(data["steps"])


def make_parser() -> argparse.ArgumentParser:
    choices = "\n".join(f"  {name:<11} {desc}" for name, (desc, _) in EXAMPLES.items())
    parser = argparse.ArgumentParser(
        prog="python -m demos stepper",
        description=__doc__.splitlines()[0],
        epilog="examples:\n" + choices,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--out",
        type=output_folder,
        default=None,
        metavar="DIR",
        help="folder for the page (default: out): DIR/backprop.html for the "
        "neuron, DIR/EXAMPLE.html for the others",
    )
    where.add_argument(
        "-o",
        "--output",
        type=output_file,
        default=None,
        metavar="FILE",
        help="write the page to exactly this file instead",
    )
    parser.add_argument(
        "--example",
        choices=list(EXAMPLES),
        default="neuron",
        help="which graph to step through (default: neuron)",
    )
    parser.add_argument(
        "--focus",
        metavar="LABEL",
        help="mark the steps on the path back to the value with this label "
        "(e.g. L1.N1.w1 in net)",
    )
    parser.add_argument(
        "--lang",
        choices=sorted(TEXT),
        default="en",
        help="en: English (default), fi: suomeksi",
    )
    return parser


def page_path(args: argparse.Namespace) -> Path:
    """Where the command writes: -o FILE, else DIR/backprop.html (the neuron)
    or DIR/EXAMPLE.html in --out DIR (default: out)."""
    if args.output is not None:
        return args.output
    folder = args.out if args.out is not None else output_folder("out")
    name = "backprop" if args.example == "neuron" else args.example
    return folder / f"{name}.html"


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    description, build = EXAMPLES[args.example]
    if args.lang == "fi":
        description = EXAMPLE_TITLES_FI[args.example]
    path = page_path(args)
    try:
        n_steps = write_page(
            build(), path, title=description, lang=args.lang, focus=args.focus
        )
    except ValueError as error:  # an unknown --focus label
        parser.error(str(error))
    except OSError as error:
        parser.exit(1, f"could not write {path}: {error.strerror or error}\n")
    print(f"wrote {path} ({n_steps} steps): open it in a browser")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
