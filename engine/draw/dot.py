"""`draw_dot`: a picture of a computation graph, with data and grad in every box.

    from engine import Value, draw_dot, render
    x = Value(2.0, label="x")
    y = (x * x).tanh()
    y.backward()
    render(draw_dot(y), "out/graph.svg")   # or just `draw_dot(y)` in Jupyter

What the picture shows:
- a box per Value: its label (if any), `data` (the number from the forward
  pass) and `grad` (d(output)/d(this value), filled in by backward());
- an oval per operation (`+`, `*`, `tanh`, ...) between its inputs and its
  result; a neuron's weighted sum `Σ w·x + b` has one row per product wi·xi,
  so you see each weight meet its input;
- colours by role: inputs, parameters (weights and biases), computed values,
  the output; constants such as the 2 in `x * 2` are plain small numbers;
- arrows point forward, the way the numbers were computed. The gradient
  flows back along them: the thicker and redder an arrow, the more gradient
  flows back through it.

The looks are in `style.py`, the layer and neuron boxes in `clusters.py`,
and writing picture files in `renderer.py`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import graphviz

from engine.draw import style as draw_style
from engine.draw.arguments import (
    ENTRY_SIDE,
    check_arguments,
    checked_order,
    checked_parameter_ids,
    too_large_message,
)
from engine.draw.clusters import NeuronKey, assign_neurons, neuron_of_label
from engine.draw.focus import focus_note, focus_view, weighted_sum_rows
from engine.draw.labels import TITLE_LIMIT, shorten
from engine.draw.renderer import RenderError, render, render_bytes
from engine.draw.words import WORDS
from engine.value import Constant, Value

__all__ = ["GraphPicture", "GraphTooLargeError", "RenderError", "draw_dot", "render"]

DEFAULT_MAX_NODES = 300
WEIGHTED_SUMS = draw_style.WEIGHTED_SUMS


class GraphTooLargeError(ValueError):
    """The graph has more Values than `max_nodes`; drawing it would take ages."""


class GraphPicture(graphviz.Digraph):
    """A `graphviz.Digraph` that Jupyter shows even without system Graphviz.

    A plain Digraph draws itself for Jupyter by running the `dot` program;
    this one falls back to Graphviz compiled to WebAssembly.
    """

    def _repr_image_svg_xml(self) -> str:
        return render_bytes(self.source, "svg", layout=self.engine).decode("utf-8")


def draw_dot(
    root: Value,
    format: str = "svg",
    rankdir: str = "LR",
    *,
    show_grad: bool = True,
    grad_edges: bool = True,
    number_format: str = ".4f",
    cluster: bool = False,
    parameters: Iterable[Value] = (),
    max_nodes: int = DEFAULT_MAX_NODES,
    legend: bool = False,
    title: str = "",
    focus: Value | None = None,
    lang: str = "en",
) -> graphviz.Digraph:
    """A `graphviz.Digraph` of `root` and everything it was computed from.

    format: what graphviz's `graph.render()` and `graph.pipe()` write.
    rankdir: "LR" draws left to right, "TB" top to bottom (or "RL", "BT").
    show_grad: show each Value's grad (False for a forward-only picture).
    grad_edges: arrow thickness and colour by |the gradient flowing along it|.
    number_format: format spec of data and grad; ".4f" shows 2.0000.
    cluster: boxes around layers and neurons, read from parameter labels
        such as "L1.N3.w2" (layer 1, neuron 3) as `nn` names them.
    parameters: Values to colour as parameters (e.g. model.parameters());
        labels like "L1.N3.w2" and the weights and bias of a `dot` node are
        recognised without it.
    max_nodes: refuse to draw more Values than this (GraphTooLargeError):
        Graphviz can take minutes on them and nobody can read the result.
    legend: add a key explaining colours, rows and arrows.
    title: a caption above the picture.
    focus: a Value that root was computed from (e.g. one weight): draw only
        the paths from root back to it, in red, and the inputs of every
        node on them; the caption says how many nodes are left out.
    lang: "en" or "fi", the language of the words the picture adds (captions,
        key, box names, hover texts; see words.py). Labels stay as written.
    """
    check_arguments(root, rankdir, number_format, title, lang)
    words = WORDS[lang]
    parameter_ids = checked_parameter_ids(parameters)
    order = checked_order(root)
    view = focus_view(order, focus) if focus is not None else None
    shown = order if view is None else view.shown
    if len(shown) > max_nodes:
        raise GraphTooLargeError(too_large_message(len(shown), max_nodes, view))
    cut = set() if view is None else view.cut
    # Names from the position in topological order: the same text every run,
    # and the same name for a node in the whole and in a focused picture.
    ids = {node: f"v{i}" for i, node in enumerate(order)}
    roles = _roles(order, root, parameter_ids)
    graph = GraphPicture(name=words["graph"], format=format)
    graph.attr(rankdir=rankdir, fontname=draw_style.FONT, nodesep="0.25", ranksep="0.4")
    graph.attr("node", fontname=draw_style.FONT, fontsize="11")
    graph.attr("edge", arrowsize="0.7")
    caption = [shorten(title, TITLE_LIMIT)] if title else []
    if view is not None:
        caption += focus_note(root, focus, view, words)
    if caption:
        label = "\\n".join(draw_style.text(line) for line in caption)
        graph.attr(label=graphviz.nohtml(label), labelloc="t", fontsize="16")

    neurons = assign_neurons(order, lambda v: roles[v] == "constant") if cluster else {}
    boxes: dict[NeuronKey, graphviz.Digraph] = {}
    for node in shown:
        key = neurons.get(node)
        if key is not None and key not in boxes:
            boxes[key] = draw_style.neuron_box(*key, words)
        box = graph if key is None else boxes[key]
        across = rankdir in ("LR", "RL")
        looks = draw_style.value_style(
            node, roles[node], show_grad, number_format, across, words
        )
        if node in cut:
            draw_style.mark_cut(looks, words)
        if node is focus:
            draw_style.mark_focus(looks)
        box.node(ids[node], **looks)
        if node.parents and node not in cut:
            rows = None
            if view is not None and node.op in WEIGHTED_SUMS:
                rows = weighted_sum_rows(node, view.on_path)
            box.node(f"{ids[node]}_op", **draw_style.op_style(node, rows, words))
    _attach_boxes(graph, boxes, words)

    # Arrows last, so that every node is already inside its box.
    box_of = {ids[node]: neurons.get(node) for node in shown}
    drawn = [node for node in shown if node not in cut]
    edges = _edges(drawn, ids, ENTRY_SIDE[rankdir])
    if view is not None:  # only arrows from Values that are drawn
        edges = [e for e in edges if _value_id(e[0]) in box_of]
    biggest = max((abs(flow) for *_, flow in edges), default=0.0)
    # Arrows show the gradient only once backward() has put one there.
    by_grad = show_grad and grad_edges and 0.0 < biggest < math.inf
    on_path = set() if view is None else {ids[node] for node in view.on_path}
    for tail, head, flow in edges:
        style = draw_style.edge_style(flow, biggest, words) if by_grad else {}
        if view is not None:
            style = draw_style.focus_edge_style(_value_id(tail) in on_path, style)
        into = box_of[_value_id(head)]
        if into is not None and into[0] != (box_of[_value_id(tail)] or (0,))[0]:
            # An arrow into a layer from outside it is drawn longer, so each
            # layer gets its own columns and the layers stand side by side.
            style["minlen"] = "2"
        graph.edge(tail, head, **style)
    if legend:
        arrows = (
            {"grad" if flow else "none" for *_, flow in edges} if by_grad else set()
        )
        if view is not None:
            arrows = {"path"} | ({"cut"} if cut else set())
        constants = [node.data for node in shown if roles[node] == "constant"]
        key = draw_style.legend(
            {roles[node] for node in shown},
            shorten(root.label) or words["key_root_unnamed"],
            show_grad,
            arrows,
            constants[0] if constants else 2.5,
            rankdir in ("LR", "RL"),
            words,
        )
        graph.subgraph(key)
    return graph


def _roles(
    order: list[Value], root: Value, parameter_ids: set[int]
) -> dict[Value, str]:
    """Each node's role: input, parameter, constant, computed or output."""
    parameters = {node for node in order if id(node) in parameter_ids}
    for node in order:
        if node.op in WEIGHTED_SUMS:  # its weights and bias are parameters
            n = len(node.parents) // 2
            parameters.update(node.parents[:n])
            if WEIGHTED_SUMS[node.op]:
                parameters.add(node.parents[-1])
    roles = {}
    for node in order:
        if node.parents:
            roles[node] = "computed"
        elif node in parameters or neuron_of_label(node.label) is not None:
            roles[node] = "parameter"
        else:
            # Only a number that an operator wrapped is a constant: a Value
            # the user made, labelled or not, shows its data and grad.
            roles[node] = "constant" if isinstance(node, Constant) else "input"
    roles[root] = "output"
    return roles


def _edges(
    order: list[Value], ids: dict[Value, str], side: str
) -> list[tuple[str, str, float]]:
    """Every arrow (tail, head) with the gradient flowing back along it.

    Parent i -> operation: local_grad_i * node.grad, the chain rule's
    contribution to parent.grad. Operation -> its result: node.grad.
    """
    edges = []
    for node in order:
        if not node.parents:
            continue
        op_id = f"{ids[node]}_op"
        n = len(node.parents) // 2
        pairs = zip(node.parents, node.local_grads, strict=True)
        for i, (parent, local_grad) in enumerate(pairs):
            head = op_id
            if node.op in WEIGHTED_SUMS:  # weight i and input i meet in row i
                row = i if i < n else (i - n if i < 2 * n else n)
                head = f"{op_id}:p{row}:{side}"
            edges.append((ids[parent], head, local_grad * node.grad))
        tail = f"{op_id}:sum" if node.op in WEIGHTED_SUMS else op_id
        edges.append((tail, ids[node], node.grad))
    return edges


def _value_id(end: str) -> str:
    """The Value's node name in an arrow's end: "v5_op:p0:w" -> "v5"."""
    return end.split(":")[0].removesuffix("_op")


def _attach_boxes(
    graph: graphviz.Digraph,
    boxes: dict[NeuronKey, graphviz.Digraph],
    words: draw_style.Words,
) -> None:
    """Neuron boxes into their layer's box, in order; layer boxes into the graph."""
    for layer in sorted({layer for layer, _ in boxes}):
        box = draw_style.layer_box(layer, words)
        for key in sorted(key for key in boxes if key[0] == layer):
            box.subgraph(boxes[key])
        graph.subgraph(box)
