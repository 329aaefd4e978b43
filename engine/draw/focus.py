"""The part of a graph that matters for one node: `draw_dot(root, focus=w)`.

A network's whole graph is hundreds of boxes; to see how the chain rule
reaches one weight w you need only:

- the nodes on the paths from root back to w: every node whose value
  depends on w. The gradient root.grad reaches w along these paths only:
  dL/dw is a sum, over the paths, of the product of the local derivatives
  along each path;
- the direct inputs of those nodes, so every operation on a path shows
  its inputs (the local derivative d(a*b)/da = b needs b). A neuron's
  weighted sum w1*x1 + ... + wn*xn + b is the exception: of its terms only
  those on a path are drawn (d(sum)/dxi = wi needs wi alone), and one row
  "+3 more" stands for the others, which carry no gradient back to w.

An input that was itself computed (another neuron's output) is drawn without
the nodes it came from, in a dashed box: that is where the picture is cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from engine.draw.labels import shorten
from engine.draw.style import WEIGHTED_SUMS
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
    inputs = {parent for node in on_path for parent in _inputs_drawn(node, on_path)}
    shown = [node for node in order if node in on_path or node in inputs]
    cut = {node for node in shown if node.parents and node not in on_path}
    return FocusView(shown, on_path, cut, len(order) - len(shown))


def weighted_sum_rows(node: Value, on_path: set[Value]) -> set[int]:
    """The rows of a weighted sum that lie on a path: i for wi*xi, n for b."""
    parents, n = node.parents, len(node.parents) // 2
    rows = {i for i in range(n) if parents[i] in on_path or parents[n + i] in on_path}
    if len(parents) > 2 * n and parents[-1] in on_path:
        rows.add(n)
    return rows


def _inputs_drawn(node: Value, on_path: set[Value]) -> tuple[Value, ...]:
    """The inputs of a node on a path that the picture shows (see the top)."""
    if node.op not in WEIGHTED_SUMS:
        return node.parents
    parents, n = node.parents, len(node.parents) // 2
    rows = weighted_sum_rows(node, on_path)
    pairs = tuple(p for i in sorted(rows - {n}) for p in (parents[i], parents[n + i]))
    return pairs + ((parents[-1],) if n in rows else ())


def focus_note(
    root: Value, focus: Value, view: FocusView, words: Mapping[str, str]
) -> list[str]:
    """The caption's lines that say what the picture leaves out.

    `words` is one language of words.WORDS.
    """
    root_name, focus_name = shorten(root.label), shorten(focus.label)
    root_part = words["focus_from"].format(name=root_name) if root_name else ""
    focus_part = words["focus_to"].format(name=focus_name) if focus_name else ""
    paths = words["focus_paths"].format(
        root=root_part or words["focus_from_unnamed"],
        focus=focus_part or words["focus_to_unnamed"],
    )
    if view.left_out == 0:
        left_out = words["left_out_none"]
    elif view.left_out == 1:
        left_out = words["left_out_one"]
    else:
        left_out = words["left_out_many"].format(count=view.left_out)
    if view.cut:
        left_out += words["left_out_cut"]
    return [paths, left_out]
