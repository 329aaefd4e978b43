"""Reading and writing a model file safely, whatever is at the path.

Reading (`read_limited`) takes only a regular file, and at most `max_bytes`
of it: a path that leads to /dev/zero (endless), a FIFO (waits forever for
a writer) or a folder is refused at once, and so is a file above the limit,
so loading is bounded in time and memory.

Writing (`write_atomically`) never leaves a half-written model: the text
goes to a temporary file beside the target, is forced to the disk (fsync),
and only then renamed over the target in one step. A crash or a Ctrl-C
leaves the old file or the new one, never a mix, and no temporary file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

# The default limit for `nn.load(path, max_bytes=...)`. A model with a
# million weights is a file of about 30 MB; a scalar engine trains far less.
MAX_BYTES = 64 * 1024 * 1024


class ModelFileError(ValueError):
    """A model file that cannot be loaded; `path` and `problem` say why."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"  # /dev/zero, /dev/urandom, a disk...


def _check_regular(path: Path, info: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise ModelFileError(
            path, f"this is {_kind(info.st_mode)}, not a file; a model is a file"
        )
    if info.st_size > max_bytes:
        raise ModelFileError(path, _too_large(f"{info.st_size:,}", max_bytes))


def _too_large(size: str, max_bytes: int) -> str:
    return (
        f"the file is {size} bytes, more than the limit of {max_bytes:,}; "
        "if it really is a model, load it with a larger max_bytes="
    )


def read_limited(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at `path`, if there are at most `max_bytes`.

    Checked before opening (os.stat), and again on what was opened (fstat),
    in case the path changed in between; O_NONBLOCK makes opening a FIFO
    return at once instead of waiting for a writer. At most max_bytes + 1
    bytes are ever read, also from a file that grows while it is read.
    """
    _check_regular(path, os.stat(path), max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        _check_regular(path, os.fstat(fd), max_bytes)
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    if total > max_bytes:
        raise ModelFileError(path, _too_large("more than", max_bytes))
    return b"".join(chunks)


def write_atomically(path: Path, text: str) -> None:
    """Replace the file at `path` by `text` (UTF-8), all or nothing.

    - An existing file keeps its permissions (a private 0o600 model stays
      private); a new one gets the usual ones (0o644 under umask 022).
    - A symbolic link stays a link: the file it points to is replaced.
    - Every error names `path`, never the temporary file, and the
      temporary file is removed on any failure, also on KeyboardInterrupt.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None  # a new file: open() applies the umask
    # Short, so that any legal file name still works beside it.
    temporary = target.with_name(f".tk-{secrets.token_hex(4)}.tmp")
    replaced = False
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with open(fd, "w", encoding="utf-8") as file:
            if mode is not None:
                os.chmod(temporary, mode)
            file.write(text)
            file.flush()
            os.fsync(file.fileno())  # the bytes are on the disk ...
        os.replace(temporary, target)  # ... before the name points to them
        replaced = True
        _fsync_folder(target.parent)  # and the new name is on the disk too
    except OSError as error:
        if error.errno is None:
            raise OSError(f"cannot save to {path}: {error.strerror}") from None
        raise OSError(error.errno, error.strerror, str(path)) from None
    finally:
        if not replaced:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable, where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # e.g. Windows cannot open a folder: nothing to do there
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse; the rename itself has happened
    finally:
        os.close(fd)
