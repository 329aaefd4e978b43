"""Writing the demos' files safely: whole or not at all, and not cut by Ctrl-C.

    write_atomically(path, write)   write(temp) makes the file beside `path`,
                                    then it replaces `path` in one step
    saving_uninterrupted()          a `with` block in which Ctrl-C waits

A picture or model written straight into its place is left half-written
when the disk fills up or the learner presses Ctrl-C: a truncated PNG that
no viewer opens, in place of the one that was there. Writing into a
temporary file in the same folder and then renaming it (`os.replace`,
atomic on one disk) means the old file stays until the new one is whole.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path


def write_atomically(path: Path | str, write: Callable[[Path], object]) -> Path:
    """Call `write(temp)` to make the file, then move it to `path`.

    `temp` is a new empty file in `path`'s folder with the same suffix
    (matplotlib picks the format from it). On any failure the temporary
    file is removed and `path` is left as it was; an OSError (a full disk,
    no permission) is raised again naming `path`, the learner's file, not
    the hidden temporary one. Returns `path`.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # a short prefix: a long file name plus a long prefix could pass the
    # 255-character limit of a name on most disks
    handle, name = tempfile.mkstemp(
        prefix=f".{path.stem[:20]}.", suffix=f".tmp{path.suffix}", dir=path.parent
    )
    os.close(handle)
    temp = Path(name)
    try:
        write(temp)
        os.replace(temp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            raise OSError(error.errno, reason, str(path)) from error
        raise
    return path


@contextlib.contextmanager
def saving_uninterrupted(message: str = "") -> Iterator[list[bool]]:
    """Inside the block, Ctrl-C does not stop the saving; it is noted instead.

    Yields a list that holds True once Ctrl-C was pressed (so the caller can
    still exit with 130). `message` is printed at the first press, e.g.
    "still saving; one moment". The previous Ctrl-C handler is put back
    when the block ends, however it ends. Outside the main thread signals
    cannot be caught, so there the block runs as it is.
    """
    pressed: list[bool] = []
    if threading.current_thread() is not threading.main_thread():
        yield pressed
        return

    def note(signum: int, frame: object) -> None:
        if not pressed and message:
            print(f"\n{message}", file=sys.stderr, flush=True)
        pressed.append(True)

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield pressed
    finally:
        signal.signal(signal.SIGINT, previous)
