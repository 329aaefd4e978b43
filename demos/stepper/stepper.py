"""Write an HTML page that steps through backprop one chain-rule step at a time.

    python -m demos stepper -o backprop.html                  # a neuron
    python -m demos stepper -o net.html --example net --lang fi

The page is one self-contained file (inline SVG, CSS and JavaScript; no
network needed). Previous / Next (or the arrow keys) step through the
forward pass node by node, then the backward pass edge by edge: the active
node or edge lights up, each grad appears as it is computed, and the side
panel shows that step's chain-rule arithmetic.

Every number on the page is computed here in Python, by the same
`backward_steps` that `backward()` is built on; the page only shows them.
All names and labels travel as JSON data and are put on the page as text,
never as HTML, so a label like `<script>` is shown, not run.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from demos.common.cli import output_file
from demos.common.examples import EXAMPLES
from demos.stepper.layout import BOX_HEIGHT, BOX_WIDTH, GAP_X, layout
from demos.stepper.text import EXAMPLE_TITLES_FI, TEXT
from engine import Value, backward_steps, topo_sort
from engine.explain import fmt, formula, local_rule, node_names, step_line

TEMPLATE = Path(__file__).with_name("page.html")
DATA_MARKER = "__STEPPER_DATA__"
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
    nodes = []
    for node in order:
        x, y = places.position[node]
        nodes.append(
            {
                "id": ids[node],
                "name": names[node],
                "short": _short(names[node], node.op),
                "op": node.op,
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


def _step(phase: str, title: str, short: str, lines: list[str], **extra: Any) -> dict:
    """One step of the page: what the panel says and what lights up.

    `arith`: the step's arithmetic, shown large; `show`: nodes whose value
    appears; `grads`: [node, text, exact] updates; `node`, `parent`, `edge`:
    what is highlighted (None: nothing).
    """
    step = {"phase": phase, "title": title, "short": short, "lines": lines}
    step.update({"arith": "", "show": [], "grads": []})
    step.update({"node": None, "parent": None, "edge": None, "edge_label": ""})
    step.update(extra)
    return step


def _grad(node_id: int, value: float) -> list:
    """A grad update for the page: [node id, shown text, exact repr]."""
    return [node_id, fmt(value), repr(value)]


def build_steps(
    root: Value, names: dict[Value, str], ids: dict[Value, int], lang: str
) -> list[dict]:
    """Every step of the page, from the empty graph to the last grad.

    Runs the backward pass (through `backward_steps`), so afterwards the
    graph's grads are those of `backward(root)`.
    """
    t = TEXT[lang]
    r = names[root]
    order = topo_sort(root)
    leaves = [node for node in order if not node.parents]
    steps = [
        _step(
            "graph",
            t["start_title"].format(root=r),
            t["phase_graph"],
            [t["start_1"], t["start_2"], t["start_3"]],
        ),
        _step(
            "forward",
            t["leaves_title"],
            t["leaves_title"],
            [t["leaves_1"], *(f"{names[leaf]} = {fmt(leaf.data)}" for leaf in leaves)],
            show=[ids[leaf] for leaf in leaves],
        ),
    ]
    for node in order:
        if not node.parents:
            continue
        rules = []
        for slot, parent in enumerate(node.parents):
            rule = local_rule(node, slot, names)
            middle = (
                f" = {rule}" if rule and rule != fmt(node.local_grads[slot]) else ""
            )
            local = fmt(node.local_grads[slot])
            rules.append(f"d{names[node]}/d{names[parent]}{middle} = {local}")
        steps.append(
            _step(
                "forward",
                t["forward_title"].format(name=names[node]),
                formula(node, names),
                [t["forward_rules"].format(name=names[node]), *rules],
                arith=formula(node, names, numbers=True),
                show=[ids[node]],
                node=ids[node],
            )
        )
    steps.append(
        _step(
            "backward",
            t["seed_title"].format(root=r),
            f"d{r}/d{r} = 1",
            [t["seed_1"].format(root=r), t["seed_2"]],
            arith=f"d{r}/d{r} = {fmt(1.0)}",
            grads=[_grad(ids[node], 1.0 if node is root else 0.0) for node in order],
            node=ids[root],
        )
    )
    steps += _backward_steps(root, names, ids, lang)
    steps.append(
        _step(
            "done",
            t["done_title"],
            t["phase_done"],
            [t["done_1"].format(root=r), t["done_2"]]
            + [f"d{r}/d{names[leaf]} = {fmt(leaf.grad)}" for leaf in leaves],
            # After the sweep: exactly the grads backward() leaves behind.
            grads=[_grad(ids[node], node.grad) for node in order],
        )
    )
    return steps


def _backward_steps(
    root: Value, names: dict[Value, str], ids: dict[Value, int], lang: str
) -> list[dict]:
    """One page step per chain-rule step, in the order backward does them."""
    t = TEXT[lang]
    r = names[root]
    edge_ids: dict[tuple[int, int], int] = {}
    for node in topo_sort(root):
        for slot in range(len(node.parents)):
            edge_ids[(ids[node], slot)] = len(edge_ids)
    steps = []
    slot, previous = 0, None
    grad_before: dict[Value, float] = {}  # this sweep's grads start at 0
    for step in backward_steps(root):
        # A node's steps come one after another, one per parent, in order.
        slot = slot + 1 if step.node is previous else 0
        previous = step.node
        assert step.node.parents[slot] is step.parent
        node, parent = names[step.node], names[step.parent]
        before = grad_before.get(step.parent, 0.0)
        grad_before[step.parent] = step.parent.grad
        rule = local_rule(step.node, slot, names)
        local = (
            t["backward_local"].format(
                node=node, parent=parent, rule=rule, local=fmt(step.local_grad)
            )
            if rule and rule != fmt(step.local_grad)
            else t["backward_local_plain"].format(
                node=node, parent=parent, local=fmt(step.local_grad)
            )
        )
        steps.append(
            _step(
                "backward",
                t["backward_title"].format(node=node, parent=parent),
                f"{node} → {parent}: {fmt(step.contribution)}",
                [
                    t["backward_complete"].format(
                        root=r, node=node, upstream=fmt(step.upstream_grad)
                    ),
                    local,
                    t["backward_note"].format(
                        parent=parent, before=fmt(before), after=fmt(step.parent.grad)
                    ),
                ],
                arith=step_line(step, names, r, lang),
                edge_label=f"{step.contribution:+.4f}",
                grads=[_grad(ids[step.parent], step.parent.grad)],
                node=ids[step.node],
                parent=ids[step.parent],
                edge=edge_ids[(ids[step.node], slot)],
                exact={
                    "local": repr(step.local_grad),
                    "upstream": repr(step.upstream_grad),
                    "contribution": repr(step.contribution),
                    "grad": repr(step.parent.grad),
                },
            )
        )
    return steps


def page_data(root: Value, title: str = "", lang: str = "en") -> dict:
    """Everything the page shows, as plain JSON-ready data."""
    if lang not in TEXT:
        raise ValueError(f"stepper: lang must be one of {sorted(TEXT)}, got {lang!r}")
    names = node_names(root)
    data, ids = _graph(root, names)
    ui_keys = ("page_title", "prev", "next", "step_of", "keys", "steps", "data", "grad")
    ui_keys += ("zoom_in", "zoom_out", "fit")
    data["ui"] = {key: TEXT[lang][key] for key in ui_keys}
    data["phases"] = {
        phase: TEXT[lang][f"phase_{phase}"]
        for phase in ("graph", "forward", "backward", "done")
    }
    data["lang"] = lang
    data["title"] = title or TEXT[lang]["page_title"]
    data["steps"] = build_steps(root, names, ids, lang)
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


def render_page(data: dict) -> str:
    """The whole HTML page for `page_data(...)`, as a string."""
    template = TEMPLATE.read_text(encoding="utf-8")
    if template.count(DATA_MARKER) != 1:
        raise RuntimeError(f"{TEMPLATE} must contain {DATA_MARKER} exactly once")
    return template.replace(DATA_MARKER, to_script_json(data))


def write_page(root: Value, path: Path, title: str = "", lang: str = "en") -> int:
    """Write the page for root's graph to `path`; returns the number of steps."""
    data = page_data(root, title, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_page(data), encoding="utf-8")
    return len(data["steps"])


def make_parser() -> argparse.ArgumentParser:
    choices = "\n".join(f"  {name:<11} {desc}" for name, (desc, _) in EXAMPLES.items())
    parser = argparse.ArgumentParser(
        prog="python -m demos stepper",
        description=__doc__.splitlines()[0],
        epilog="examples:\n" + choices,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-o",
        "--output",
        type=output_file,
        default=Path("backprop.html"),
        help="the HTML file to write (default: backprop.html)",
    )
    parser.add_argument(
        "--example",
        choices=list(EXAMPLES),
        default="neuron",
        help="which graph to step through (default: neuron)",
    )
    parser.add_argument(
        "--lang",
        choices=sorted(TEXT),
        default="en",
        help="en: English (default), fi: suomeksi",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    description, build = EXAMPLES[args.example]
    if args.lang == "fi":
        description = EXAMPLE_TITLES_FI[args.example]
    n_steps = write_page(build(), args.output, title=description, lang=args.lang)
    print(f"wrote {args.output} ({n_steps} steps): open it in a browser")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
