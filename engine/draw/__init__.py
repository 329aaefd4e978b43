"""Pictures of computation graphs (the only part of engine/ that needs graphviz).

dot.py       draw_dot(root): a graphviz Digraph, data and grad in every box
style.py     colours, shapes and edge widths by role and gradient
labels.py    numbers and names made safe (and short enough) for Graphviz
focus.py     draw_dot(root, focus=w): only the paths from root back to w
arguments.py draw_dot's arguments checked, with clear errors
clusters.py  boxes around each layer and neuron, found from the labels
words.py     every fixed word a picture shows, in English and Finnish
renderer.py  render(graph, path): SVG/PNG/PDF through Graphviz `dot` or
             its WebAssembly build
"""

from engine.draw.dot import (
    DEFAULT_MAX_NODES,
    GraphPicture,
    GraphTooLargeError,
    draw_dot,
)
from engine.draw.renderer import RenderError, render, render_bytes

__all__ = [
    "DEFAULT_MAX_NODES",
    "GraphPicture",
    "GraphTooLargeError",
    "RenderError",
    "draw_dot",
    "render",
    "render_bytes",
]
