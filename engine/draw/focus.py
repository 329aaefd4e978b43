"""The part of a graph that matters for one node: `draw_dot(root, focus=w)`.

A network's whole graph is hundreds of boxes; to see how the chain rule
reaches one weight w you need only:

- the nodes on the paths from root back to w: every node whose value
  depends on w. The gradient root.grad reaches w along these paths only:
  dL/dw is a sum, over the paths, of the product of the local derivatives
  along each path;
- the direct inputs of those nodes, so every operation on a path shows all
  of its inputs (the local derivative d(a*b)/da = b needs b).

An input that was itself computed (another neuron's output) is drawn without
the nodes it came from, in a dashed box: that is where the picture is cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from engine.draw.labels import shorten
from engine.value import Value


@dataclass(frozen=True)
class FocusView:
    """Which nodes of the graph a focused picture draws."""

    shown: list[Value]  # parents first, as in the whole graph's order
    on_path: set[Value]  # the nodes between root and focus, both included
    cut: set[Value]  # shown without their inputs (drawn dashed)
    left_out: int  # how many Values of the graph are not drawn


def focus_view(order: Sequence[Value], focus: Value) -> FocusView:
    """The nodes to draw for `focus`; `order` is topo_sort(root), parents first."""
    if not isinstance(focus, Value):
        raise TypeError(
            f"draw_dot(focus=...) needs a Value of the graph, "
            f"got {type(focus).__name__}"
        )
    on_path: set[Value] = set()
    for node in order:  # parents come first, so each node is decided once
        if node is focus or any(parent in on_path for parent in node.parents):
            on_path.add(node)
    if focus not in on_path:
        name = f"{shorten(focus.label)!r}" if focus.label else "without a label"
        raise ValueError(
            f"draw_dot: focus (the Value {name}, data {focus.data!r}) is not in "
            "the graph of root: root was not computed from it. Pass one of the "
            "Values root was computed from, e.g. a weight of the model that "
            "made root."
        )
    inputs = {parent for node in on_path for parent in node.parents}
    shown = [node for node in order if node in on_path or node in inputs]
    cut = {node for node in shown if node.parents and node not in on_path}
    return FocusView(shown, on_path, cut, len(order) - len(shown))


def focus_note(root: Value, focus: Value, view: FocusView) -> list[str]:
    """The caption's lines that say what the picture leaves out."""
    root_name = shorten(root.label) or "the output"
    focus_name = shorten(focus.label) or "the focused value"
    nodes = "node" if view.left_out == 1 else "nodes"
    lines = [
        f"only the paths from {root_name} back to {focus_name} (red)",
        f"{view.left_out} more {nodes} not shown",
    ]
    if view.cut:
        lines[-1] += "; a dashed box is computed from some of them"
    return lines
