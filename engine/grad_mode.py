"""Switching gradient recording off: `with no_grad(): ...`.

Training needs every operation to remember its parents so that `backward()`
can walk back through them. Using a trained network (inference) does not:
inside `no_grad()` new Values are plain leaves, which is cheaper in time and
memory.

The switch belongs to one thread, as PyTorch's does: while one thread runs
`with no_grad(): model(x)`, a graph built in another thread records as
usual. It is a `contextvars.ContextVar`, which gives each thread (and each
asyncio task) its own setting and which every operation can read in about
the time of a global variable, ~15 ns (a `threading.local` costs ~40 ns
more per node). A new thread starts with recording on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# True: operations record parents and local derivatives (the normal case).
# engine/value.py's new_node reads it with `_recording.get()`.
_recording: ContextVar[bool] = ContextVar("takaisin_recording", default=True)


def is_recording() -> bool:
    """True when new Values made in this thread remember how they were made."""
    return _recording.get()


@contextmanager
def no_grad() -> Iterator[None]:
    """Inside this block, Values made in this thread record no parents and
    no local derivatives; other threads are not affected.

    Re-entrant (nested blocks are fine) and exception-safe: the previous
    setting comes back however the block is left.
    """
    token = _recording.set(False)
    try:
        yield
    finally:
        _recording.reset(token)
