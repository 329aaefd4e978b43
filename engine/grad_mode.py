"""Switching gradient recording off: `with no_grad(): ...`.

Training needs every operation to remember its parents so that `backward()`
can walk back through them. Using a trained network (inference) does not:
inside `no_grad()` new Values are plain leaves, which is cheaper in time and
memory. The switch is one module-level flag that every operation reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# True: operations record parents and local derivatives (the normal case).
recording = True


def is_recording() -> bool:
    """True when new Values remember how they were made."""
    return recording


@contextmanager
def no_grad() -> Iterator[None]:
    """Inside this block, Values record no parents and no local derivatives.

    Re-entrant (nested blocks are fine) and exception-safe: the previous
    setting comes back however the block is left.
    """
    global recording
    previous = recording
    recording = False
    try:
        yield
    finally:
        recording = previous
