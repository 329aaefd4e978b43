"""`draw_dot`'s arguments, checked before any drawing starts.

A wrong argument gets an error that names what was passed and what was
expected, instead of a TypeError from deep inside the drawing code.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable

from engine.draw.focus import FocusView
from engine.draw.labels import check_number_format, shorten
from engine.draw.words import LANGUAGES
from engine.graph import topo_sort
from engine.value import Value

# The side of a box that arrows enter, for each drawing direction.
ENTRY_SIDE = {"LR": "w", "RL": "e", "TB": "n", "BT": "s"}


def check_arguments(
    root: object, rankdir: object, number_format: str, title: object, lang: object
) -> None:
    """A clear error for a root, direction, number format, title or language
    that cannot work."""
    if not isinstance(root, Value):
        raise TypeError(f"draw_dot needs a Value, got {type(root).__name__}")
    if rankdir not in ENTRY_SIDE:
        raise ValueError(f"rankdir must be 'LR', 'TB', 'RL' or 'BT', got {rankdir!r}")
    check_number_format(number_format)
    if not isinstance(title, str):
        raise TypeError(f"draw_dot(title=...) needs a string, got {_what(title)}")
    if not isinstance(lang, str) or lang not in LANGUAGES:
        choices = " or ".join(repr(choice) for choice in LANGUAGES)
        raise ValueError(
            f"draw_dot(lang=...) must be {choices} (English or Finnish words "
            f"in the picture), got {_what(lang)}"
        )


def checked_parameter_ids(parameters: object) -> set[int]:
    """The ids of the Values in `parameters`, or a clear error."""
    if not isinstance(parameters, Iterable) or isinstance(parameters, str):
        raise TypeError(
            "draw_dot(parameters=...) needs a list of Values such as "
            f"model.parameters(), got {_what(parameters)}"
        )
    ids = set()
    for p in parameters:
        if not isinstance(p, Value):
            raise TypeError(
                "draw_dot(parameters=...) needs a list of Values such as "
                f"model.parameters(), but one of them is {_what(p)}"
            )
        ids.add(id(p))
    return ids


def checked_order(root: Value) -> list[Value]:
    """topo_sort(root), once every label in it is known to be a string."""
    order = topo_sort(root)
    for node in order:
        if not isinstance(node.label, str):
            raise TypeError(
                f"draw_dot: a label must be a string, got {_what(node.label)} "
                f'on the Value with data {node.data!r}; set it with v.label = "name"'
            )
    return order


def too_large_message(count: int, max_nodes: int, view: FocusView | None) -> str:
    what = "the graph has" if view is None else "the focused picture would have"
    return (
        f"draw_dot: {what} {count} Values, more than max_nodes={max_nodes}. "
        "Graphviz would take minutes and nobody could read the picture. Draw "
        "something smaller: one example instead of a whole batch, a network "
        "with fewer or narrower layers, or one neuron's output. Or pass "
        f"max_nodes={count} to draw it anyway."
    )


def _what(x: object) -> str:
    """`int: 3`: the type and the start of the repr, for an error message."""
    return f"{type(x).__name__}: {shorten(reprlib.repr(x))}"
