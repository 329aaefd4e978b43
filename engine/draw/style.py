"""How each part of a graph drawing looks: boxes, operations, arrows, the key.

Colours by role (light fills, so black text stays readable on paper):

    input       blue     a number fed into the computation (x1, x2)
    parameter   yellow   a weight or bias: what learning changes
    computed    white    the result of an operation
    output      green    the Value that was drawn (the loss, the prediction)
    constant    no box   a plain number such as the 2 in `x * 2`

An arrow's thickness and redness grow with the gradient flowing back along
it; an arrow that carries no gradient at all is grey and dashed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping

import graphviz

from engine.draw.labels import (
    TOOLTIP_LIMIT,
    escape_record,
    escape_text,
    format_number,
    shorten,
)
from engine.value import Value

Words = Mapping[str, str]  # one language of words.WORDS

FONT = "Helvetica"
COLOURS = {
    "input": "#cfe2ff",
    "parameter": "#ffe08a",
    "computed": "#ffffff",
    "output": "#b8f0c8",
}
# The roles in the order the key shows them (their names are in words.py).
ROLES = ("input", "parameter", "computed", "output", "constant")
OP_COLOUR = "#eeeeee"
# In a focused picture: the paths from the output back to the focus.
PATH_COLOUR, SIDE_COLOUR = "#d62728", "#999999"
NO_GRAD_COLOUR = "#b0b0b0"
# Arrow colours run from grey (little gradient) to red (the most).
LOW_RGB, HIGH_RGB = (153, 153, 153), (214, 39, 40)

# The weighted sums of engine/sums.py: parents are the weights, then the
# inputs, then (for "Σ w·x + b") the bias. op -> does it have a bias?
WEIGHTED_SUMS = {"Σ w·x + b": True, "Σ w·x": False}


def text(label: str) -> graphviz.nohtml:
    """A plain DOT label; nohtml: "<x>" is text here, not an HTML label."""
    return graphviz.nohtml(escape_text(label))


def value_style(
    node: Value, role: str, show_grad: bool, fmt: str, across: bool, words: Words
) -> dict:
    """A box with rows: the label (if any), data, grad."""
    if role == "constant":  # a plain number, like the 2 in `x * 2`
        return {"label": text(format(node.data, "g")), "shape": "plaintext"}
    fields = [escape_record(shorten(node.label))] if node.label else []
    data = format_number(node.data, fmt)
    fields.append(escape_record(words["data_row"].format(number=data)))
    if show_grad:
        grad = format_number(node.grad, fmt)
        fields.append(escape_record(words["grad_row"].format(number=grad)))
    # Hovering over a box in an SVG shows the numbers in full.
    name = shorten(node.label, TOOLTIP_LIMIT) or words["unnamed_value"]
    role_name = words[f"role.{role}"]
    exact = words["hover_value"].format(name=name, role=role_name, data=repr(node.data))
    if show_grad:
        exact += words["hover_grad"].format(grad=repr(node.grad))
    label = "|".join(fields)
    if not across:  # top to bottom, braces stack the rows again
        label = "{" + label + "}"
    style = {
        "label": graphviz.nohtml(label),
        "shape": "record",
        "style": "filled",
        "fillcolor": COLOURS[role],
        "tooltip": text(exact),
    }
    if role == "output":
        style["penwidth"] = "2.5"
    return style


def op_style(node: Value, rows_shown: set[int] | None, words: Words) -> dict:
    """A small oval with the operation's name, e.g. `*` or `tanh`.

    A weighted sum gets one row per product wi·xi, where weight i and input
    i both arrive, then the sum: the picture of a neuron before g. With
    `rows_shown` (a focused picture) only those rows (n is the bias) are
    drawn and one row "+3 more" stands for the others.
    """
    slopes = ", ".join(f"{g:.4g}" for g in node.local_grads)
    about = words["hover_op"].format(op=node.op, slopes=slopes)
    tooltip = text(shorten(about, TOOLTIP_LIMIT))
    if node.op not in WEIGHTED_SUMS:
        return {
            "tooltip": tooltip,
            "label": text(shorten(node.op)),
            "shape": "ellipse",
            "style": "filled",
            "fillcolor": OP_COLOUR,
            "fontsize": "12",
            "margin": "0.02,0.02",
            "height": "0.3",
        }
    n = len(node.parents) // 2
    # No space after a <port>: Graphviz 2.43 then drops the following space.
    rows = [f"<p{i}>{escape_record(f'w{i + 1}·x{i + 1}')}" for i in range(n)]
    if WEIGHTED_SUMS[node.op]:
        rows.append(f"<p{n}>b")
    if rows_shown is not None and len(rows_shown) < len(rows):
        hidden = len(rows) - len(rows_shown)
        rows = [row for i, row in enumerate(rows) if i in rows_shown]
        rows.append(escape_record(words["more_rows"].format(count=hidden)))
    # In a left-right drawing, the braces make the rows a column on the left.
    label = "{{" + "|".join(rows) + "}|<sum>" + escape_record(node.op) + "}"
    return {
        "tooltip": tooltip,
        "label": graphviz.nohtml(label),
        "shape": "Mrecord",
        "style": "filled",
        "fillcolor": OP_COLOUR,
    }


def mark_focus(looks: dict) -> None:
    """The focused Value (`draw_dot(focus=w)`): a thick red frame."""
    looks.update(color=PATH_COLOUR, penwidth="3")


def mark_cut(looks: dict, words: Words) -> None:
    """A Value drawn without the nodes it was computed from: a dashed frame."""
    looks["style"] = "filled,dashed"
    # The tooltip is escaped already; only the added words still need it.
    looks["tooltip"] = graphviz.nohtml(
        looks["tooltip"] + escape_text(words["hover_cut"])
    )


def focus_edge_style(on_path: bool, style: dict) -> dict:
    """In a focused picture: red arrows on the paths, thin grey ones into them.

    The gradient that flows along an arrow is still in its tooltip.
    """
    looks = {"tooltip": style["tooltip"]} if "tooltip" in style else {}
    if on_path:
        return {**looks, "color": PATH_COLOUR, "penwidth": "2.5"}
    return {**looks, "color": SIDE_COLOUR, "penwidth": "0.8"}


def edge_style(flow: float, biggest: float, words: Words) -> dict:
    """Thickness and colour by |flow| / |the biggest flow in the graph|."""
    if biggest == 0.0 or not math.isfinite(biggest):
        return {}  # no backward() yet (or an overflow): plain arrows
    if flow == 0.0:
        return {
            "color": NO_GRAD_COLOUR,
            "style": "dashed",
            "tooltip": text(words["hover_no_flow"]),
        }
    share = abs(flow) / biggest if math.isfinite(flow) else 1.0
    strength = math.sqrt(share)  # so a gradient 100x smaller still shows
    rgb = (
        round(lo + (hi - lo) * strength)
        for lo, hi in zip(LOW_RGB, HIGH_RGB, strict=True)
    )
    return {
        "penwidth": f"{0.8 + 3.2 * strength:.2f}",
        "color": "#" + "".join(f"{c:02x}" for c in rgb),
        "tooltip": text(words["hover_flow"].format(flow=f"{flow:.4g}")),
    }


def neuron_box(layer: int, neuron: int, words: Words) -> graphviz.Digraph:
    """An empty box (a Graphviz "cluster") for one neuron's nodes."""
    box = graphviz.Digraph(name=f"cluster_L{layer}_N{neuron}")
    label = text(words["neuron_box"].format(neuron=neuron))
    box.attr(label=label, style="rounded,filled", fillcolor="#ffffff")
    box.attr(color="#888888", fontsize="12")
    return box


def layer_box(layer: int, words: Words) -> graphviz.Digraph:
    """An empty box for one layer; its neurons' boxes go inside."""
    box = graphviz.Digraph(name=f"cluster_L{layer}")
    label = text(words["layer_box"].format(layer=layer))
    box.attr(label=label, style="rounded,filled", fillcolor="#f4f4f4")
    box.attr(color="#555555", fontsize="14")
    return box


def legend(
    roles: set[str],
    root_name: str,
    show_grad: bool,
    arrows: set[str],
    constant: float,
    across: bool,
    words: Words,
) -> graphviz.Digraph:
    """A key: a sample of each kind of box drawn, a line per row and arrow.

    roles: the roles that occur; arrows: "grad" if arrows show the gradient,
    "none" if some arrow carries none, "path" in a focused picture and "cut"
    if it has dashed boxes; across: the picture is drawn left to right;
    constant: a constant of the graph, so
    that the key's sample is a number the picture really shows.
    """
    lines = [words["key"], words["key_data"]]
    if show_grad:
        lines.append(words["key_grad"].format(root=root_name))
    if "grad" in arrows:
        lines.append(words["key_grad_arrow"])
    if "none" in arrows:
        lines.append(words["key_no_grad_arrow"])
    if "path" in arrows:
        lines += [words["key_path_arrow"], words["key_side_arrow"]]
    if "cut" in arrows:
        lines.append(words["key_cut_box"])
    key = graphviz.Digraph(name="cluster_legend")
    # The explanation is the box's caption, so its width moves no other box.
    caption = "\\l".join(escape_text(line) for line in lines) + "\\l"
    key.attr(label=graphviz.nohtml(caption), labeljust="l", fontsize="10")
    key.attr(style="rounded", color="#bbbbbb")
    names = []
    for role in ROLES:
        if role not in roles:
            continue
        names.append(f"legend_{role}")
        looks = {"shape": "plaintext"}  # a constant: a bare number
        if role in COLOURS:
            looks = {"shape": "box", "style": "filled", "fillcolor": COLOURS[role]}
        name = words[f"key.{role}"].format(number=format(constant, "g"))
        key.node(names[-1], label=text(name), fontsize="10", **looks)
    # Invisible arrows put the samples one after another in a row. Top to
    # bottom (across=False) they would make a column; without arrows the
    # samples share one rank, which is then a row.
    for tail, head in itertools.pairwise(names if across else []):
        key.edge(tail, head, style="invis")
    return key
