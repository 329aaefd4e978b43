"""The computation graph of one clicked point, as a picture the panel can show.

One example through MLP(2, [4, 4, 1]) is 57 Values; through four layers of
16 it is a thousand, and a picture of that is a 75,000-point-wide strip
nobody can read. So the rule is:

- no focus asked and at most WHOLE_GRAPH Values: draw the whole graph;
- else draw only the paths from the loss back to one weight (or neuron),
  `draw_dot(loss, focus=w)`, and say how many Values are left out. Without
  a focus asked, w is the weight with the largest |dL/dw| for this example
  among those whose picture fits;
- a picture never has more than MAX_DRAWN Values: a focus whose paths are
  longer gets no picture, but a sentence saying why and what to do.

The DOT text is made while the caller holds the session's lock (it reads the
weights and grads); `render()` runs Graphviz afterwards, without the lock,
so one session's picture does not hold up another's training.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine import Value, draw_dot, topo_sort
from engine.draw import render_bytes
from engine.draw.focus import focus_view

WHOLE_GRAPH = 80  # Values: the whole graph is drawn up to this size
MAX_DRAWN = 100  # Values in one picture, at most (about 5,000 points wide)


@dataclass
class Picture:
    """A picture to render later: DOT text, or why there is none."""

    source: str | None
    focus: str | None
    nodes_drawn: int
    nodes_left_out: int
    note: tuple[str, str] | None = None  # (English, Finnish) when no picture

    def render(self) -> dict:
        """The answer's "graph": the SVG text (None when too large) and counts."""
        svg = None
        if self.source is not None:
            svg = render_bytes(self.source, "svg").decode("utf-8")
        answer = {
            "svg": svg,
            "focus": self.focus,
            "nodes_drawn": self.nodes_drawn,
            "nodes_left_out": self.nodes_left_out,
        }
        if self.note is not None:
            answer["message"], answer["message_fi"] = self.note
        return answer


def _view_size(order: list[Value], focus: Value) -> int:
    return len(focus_view(order, focus).shown)


def default_focus(order: list[Value], weights: dict[str, Value]) -> str:
    """The weight with the largest |dL/dw| whose picture has <= MAX_DRAWN Values.

    Weights only, not biases: the output's bias is often the steepest, and
    its picture (loss <- s <- b) shows no chain worth following.

    Weights of one layer have pictures of about the same size, so one view
    per layer (its steepest weight's) decides which layers fit: at most one
    view per layer, not one per weight.
    """
    by_layer: dict[str, list[str]] = {}
    for name in weights:
        if not name.endswith(".b"):  # a bias's picture is loss <- s <- b
            by_layer.setdefault(name.split(".")[0], []).append(name)
    fitting: list[str] = []
    for names in by_layer.values():
        names.sort(key=lambda n: abs(weights[n].grad), reverse=True)
        if _view_size(order, weights[names[0]]) <= MAX_DRAWN:
            fitting += names
    candidates = fitting or by_layer[list(by_layer)[-1]]
    return max(candidates, key=lambda n: abs(weights[n].grad))


def make_picture(
    loss: Value,
    focus: Value | None,
    focus_name: str | None,
    weights: dict[str, Value],
    lang: str = "en",
) -> Picture:
    """The picture of `loss`'s graph by the rule above (call after backward).

    `focus` is the Value asked for (a weight, or a neuron's output) and
    `focus_name` its name; `weights` are the model's named parameters;
    `lang` ("en" or "fi") the language of the picture's own words.
    """
    order = topo_sort(loss)
    if focus is None and len(order) <= WHOLE_GRAPH:
        whole = draw_dot(
            loss, cluster=True, rankdir="TB", max_nodes=WHOLE_GRAPH, lang=lang
        )
        return Picture(whole.source, None, len(order), 0)
    if focus is None:
        focus_name = default_focus(order, weights)
        focus = weights[focus_name]
    view = focus_view(order, focus)
    if len(view.shown) > MAX_DRAWN:
        return Picture(
            None,
            focus_name,
            0,
            len(order),
            (
                f"The paths from the loss back to {focus_name} pass {len(view.shown)} "
                f"values, too many for one readable picture (at most {MAX_DRAWN} are "
                "drawn). Pick a weight in a later layer to see a picture; the chain "
                "and the stepper still show every step.",
                f"Polut virheestä takaisin kohteeseen {focus_name} kulkevat "
                f"{len(view.shown)} arvon kautta: liikaa yhteen luettavaan kuvaan "
                f"(enintään {MAX_DRAWN} piirretään). Valitse paino myöhemmästä "
                "kerroksesta, niin näet kuvan; ketju ja askeltaja näyttävät silti "
                "jokaisen askeleen.",
            ),
        )
    graph = draw_dot(
        loss, cluster=True, rankdir="TB", focus=focus, max_nodes=MAX_DRAWN, lang=lang
    )
    return Picture(graph.source, focus_name, len(view.shown), view.left_out)
