"""Switching gradient recording off: `with no_grad(): ...`.

Training needs every operation to remember its parents so that `backward()`
can walk back through them. Using a trained network (inference) does not:
inside `no_grad()` new Values are plain leaves, which is cheaper in time and
memory.

The switch belongs to one thread, as PyTorch's does: while one thread runs
`with no_grad(): model(x)`, a graph built in another thread records as
usual. It is a `contextvars.ContextVar`, which gives each thread (and each
asyncio task) its own setting. A new thread starts with recording on.

Asking the ContextVar costs every new node ~50-90 ns (measured by
`python -m demos benchmark`), so a plain count of the `no_grad()` blocks
open in all threads comes first: while it is 0, nearly always, every
thread records and nobody needs to ask.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# True: operations record parents and local derivatives (the normal case).
# engine/value.py's new_node reads it with `_recording.get()`.
_recording: ContextVar[bool] = ContextVar("takaisin_recording", default=True)

# How many no_grad() blocks are open right now, in all threads together.
# new_node reads it first: 0 means every thread records. Changed only under
# the lock, since `+= 1` from two threads at once could lose one.
open_blocks = 0
_count_lock = threading.Lock()


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
    global open_blocks
    token = _recording.set(False)
    with _count_lock:
        open_blocks += 1
    try:
        yield
    finally:
        with _count_lock:
            open_blocks -= 1
        _recording.reset(token)
