"""takaisin's autograd engine: scalar Values that know their own gradients.

    from engine import Value
    a = Value(2.0, label="a")
    b = Value(-3.0, label="b")
    L = (a * b + a).tanh()
    L.backward()          # now a.grad = dL/da and b.grad = dL/db

Where to read on:
    value.py      Value and its operations, each with its local derivative
    graph.py      backward(): the chain rule over the whole graph
    sums.py       sums and weighted sums of many Values as one node
    grad_mode.py  no_grad(): compute without recording a graph
    check.py      gradcheck(): backward against central differences
    micrograd_names.py  _prev, _op, _backward(): micrograd's names, for
                  code written against micrograd and its lecture
    explain.py    explain(): the backward sweep as lines of arithmetic
    draw/         draw_dot(): a picture of the graph (needs graphviz);
                  dot.py builds it, style.py, labels.py and clusters.py hold
                  its looks, renderer.py writes picture files
"""

from engine.check import GradcheckError, gradcheck
from engine.explain import explain
from engine.grad_mode import is_recording, no_grad
from engine.graph import ChainRuleStep, backward_steps, topo_sort
from engine.sums import add_all, dot, dots, mean
from engine.value import Value, new_node

__all__ = [
    "ChainRuleStep",
    "GradcheckError",
    "Value",
    "add_all",
    "backward_steps",
    "dot",
    "dots",
    "draw_dot",
    "explain",
    "gradcheck",
    "is_recording",
    "mean",
    "new_node",
    "no_grad",
    "render",
    "topo_sort",
]


def __getattr__(name: str):
    # Drawing needs the third-party graphviz package; import it only when
    # asked, so that the engine itself runs on the standard library alone.
    if name in ("draw_dot", "render"):
        from engine import draw

        return getattr(draw, name)
    raise AttributeError(f"module 'engine' has no attribute {name!r}")
