"""The curves: loss and accuracy on the whole training and test sets.

One row per recorded step, `(step, train_loss, test_loss, train_accuracy,
test_accuracy)`. To stay bounded however long a session trains, the history
keeps at most MAX_ROWS rows: when it is full, every second row goes and
from then on only every second step is recorded (the stride doubles), so
the rows always span the whole run evenly, from step 0 to now.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Row = tuple[int, float | None, float | None, float | None, float | None]
COLUMNS = ("step", "train_loss", "test_loss", "train_accuracy", "test_accuracy")
MAX_ROWS = 1000


@dataclass
class History:
    rows: list[Row] = field(default_factory=list)
    stride: int = 1  # record every stride-th step

    def due(self, step: int) -> bool:
        """Is `step` one to record?"""
        return step % self.stride == 0

    def add(self, row: Row) -> None:
        """Record a row (its step must be due); thin out when full."""
        self.rows.append(row)
        if len(self.rows) > MAX_ROWS:
            self.stride *= 2
            self.rows = [r for r in self.rows if r[0] % self.stride == 0]

    def curves(self, limit: int = 500) -> dict[str, list]:
        """The columns as lists of at most `limit` points, evenly thinned."""
        rows = self.rows
        if len(rows) > limit:
            every = -(-len(rows) // limit)  # rounded up
            rows = rows[::every]
        return {name: [row[i] for row in rows] for i, name in enumerate(COLUMNS)}
