"""Where each box goes on the stepper page: a simple layered graph layout.

The graph is drawn left to right, the way the forward pass flows:

1. Column: an operation sits one column right of its furthest-right
   parent, so every arrow points right. A leaf (input, weight, constant)
   sits just left of the first node that uses it, not far away at the edge.
2. Order within a column: a few sweeps of the "barycenter" rule, which puts
   each box near the average row of its neighbours in the column beside it,
   so arrows cross less (the idea behind Sugiyama-style layouts, which
   Graphviz's `dot` refines much further).
3. Rows become pixels; shorter columns are centred.

Pure Python, no Graphviz needed: the page must work on any machine.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine import Value, topo_sort

BOX_WIDTH = 150
BOX_HEIGHT = 62
GAP_X = 70  # room for the arrows between columns
GAP_Y = 18
MARGIN = 20
SWEEPS = 4


@dataclass(frozen=True)
class Layout:
    """Top-left corner of each node's box, and the size of the whole picture."""

    position: dict[Value, tuple[float, float]]
    width: float
    height: float


def assign_columns(order: list[Value]) -> dict[Value, int]:
    """Column of every node (`order` is topological: parents first)."""
    column: dict[Value, int] = {}
    for node in order:  # operations: one right of the furthest parent
        if node.parents:
            column[node] = 1 + max(column.get(p, 0) for p in node.parents)
        else:
            column[node] = 0
    users: dict[Value, list[Value]] = {node: [] for node in order}
    for node in order:
        for parent in node.parents:
            users[parent].append(node)
    for node in order:  # leaves: right next to their first user
        if not node.parents and users[node]:
            column[node] = min(column[user] for user in users[node]) - 1
    return column


def _order_within_columns(
    order: list[Value], column: dict[Value, int]
) -> list[list[Value]]:
    """Columns as lists of nodes, rows ordered so arrows cross little."""
    n_columns = max(column.values()) + 1
    columns: list[list[Value]] = [[] for _ in range(n_columns)]
    for node in order:
        columns[column[node]].append(node)
    neighbours: dict[Value, list[Value]] = {node: list(node.parents) for node in order}
    for node in order:
        for parent in node.parents:
            neighbours[parent].append(node)

    def row_of() -> dict[Value, float]:
        # Rows counted from each column's middle, as the columns are centred.
        return {
            node: i - (len(col) - 1) / 2
            for col in columns
            for i, node in enumerate(col)
        }

    for _ in range(SWEEPS):
        row = row_of()
        for col in columns:
            # Average row of the neighbours; Python's sort is stable, so ties
            # keep their earlier order and the layout is the same every run.
            def centre(node: Value, row: dict[Value, float] = row) -> float:
                near = [row[n] for n in neighbours[node] if n in row]
                return sum(near) / len(near) if near else row[node]

            col.sort(key=centre)
            row = row_of()
    return columns


def layout(root: Value) -> Layout:
    """Box positions for every node of root's graph."""
    order = topo_sort(root)
    columns = _order_within_columns(order, assign_columns(order))
    tallest = max(len(col) for col in columns)
    height = 2 * MARGIN + tallest * BOX_HEIGHT + (tallest - 1) * GAP_Y
    width = 2 * MARGIN + len(columns) * BOX_WIDTH + (len(columns) - 1) * GAP_X
    position: dict[Value, tuple[float, float]] = {}
    for c, col in enumerate(columns):
        used = len(col) * BOX_HEIGHT + (len(col) - 1) * GAP_Y
        top = (height - used) / 2  # centre short columns
        for r, node in enumerate(col):
            position[node] = (
                MARGIN + c * (BOX_WIDTH + GAP_X),
                top + r * (BOX_HEIGHT + GAP_Y),
            )
    return Layout(position, width, height)
