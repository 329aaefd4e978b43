"""Tests for demos/common/files.py: files are written whole or not at all."""

from __future__ import annotations

import errno
import os
import signal

import pytest

from demos.common.files import saving_uninterrupted, write_atomically


def test_a_full_disk_midway_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(b"old picture")

    def half_then_full(temp):
        temp.write_bytes(b"half a pict")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError) as error:
        write_atomically(path, half_then_full)
    assert error.value.errno == errno.ENOSPC
    assert error.value.filename == str(path)  # the learner's file, not the temp
    assert path.read_bytes() == b"old picture"
    assert sorted(tmp_path.iterdir()) == [path]


def test_the_temporary_file_has_the_suffix_and_is_moved_into_place(tmp_path):
    seen = []
    path = write_atomically(tmp_path / "a.png", lambda t: seen.append(t.suffix))
    assert seen == [".png"] and path.exists()


def test_ctrl_c_while_saving_waits_until_the_file_is_whole(tmp_path, capsys):
    before = signal.getsignal(signal.SIGINT)
    path = tmp_path / "model.json"

    def write(temp):
        temp.write_text("first half, ")
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C in the middle
        temp.write_text("first half, second half")

    with saving_uninterrupted("still saving") as pressed:
        write_atomically(path, write)
    assert pressed and path.read_text() == "first half, second half"
    assert "still saving" in capsys.readouterr().err
    assert signal.getsignal(signal.SIGINT) is before  # the handler is back
