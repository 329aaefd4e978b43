"""micrograd's names for what a Value already knows: `_prev`, `_op`, `_backward()`.

Code written for micrograd, and Andrej Karpathy's lecture that builds it,
reads a node's parents as `node._prev`, its operation as `node._op`, and
calls `node._backward()` to do one node's chain-rule step. takaisin stores
the same facts under its own names (`parents`, `op`, `local_grads`); the
names here are views of those, so the lecture's cells run unchanged:

    micrograd          takaisin          what it is
    node._prev         node.parents      the Values this node was made from
    node._op           node.op           "+", "*", "tanh", ... ("" for a leaf)
    node._backward()   backward_node()   parent.grad += local_grad * node.grad

Use the takaisin names in new code: `parents` is a tuple in a fixed order
(with `a` twice in `a * a`), which a drawing or a trace needs; `_prev` is a
set, as in micrograd, so its order can change from run to run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.graph import backward_node

if TYPE_CHECKING:  # only for type hints
    from engine.value import Value


class MicrogradNames:
    """The micrograd-compatible names of a Value (mixed into `Value`)."""

    __slots__ = ()  # adds no storage to a node: every name reads existing data

    @property
    def _prev(self: Value) -> set[Value]:
        """The parents as a set, as micrograd keeps them (a copy: changing it
        changes nothing in the graph). In takaisin: `node.parents`."""
        return set(self.parents)

    @property
    def _op(self: Value) -> str:
        """The operation that made this node ("" for a leaf): `node.op`."""
        return self.op

    def _backward(self: Value) -> None:
        """This one node's chain-rule step, as micrograd's lecture calls it:

            for each parent:  parent.grad += d(self)/d(parent) * self.grad

        Nothing else: it neither sets `self.grad` (do `o.grad = 1.0` first)
        nor visits other nodes (call it on each node after every node that
        uses it, or let `backward()` do the whole graph). See
        `engine.graph.backward_node`.
        """
        backward_node(self)
