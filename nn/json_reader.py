"""A model file's bytes as JSON, read carefully: `read_json`.

The checks come in the order that costs least: the size (at most
`max_bytes`, see `nn/files.py`), then whether the bytes are a pickle or
not text at all, then the JSON itself. The top-level object is read one key
at a time, so that a key a model file does not have is refused before
whatever it holds is parsed. NaN and Infinity, which Python's json module
accepts but JSON does not, are refused too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from engine.validate import short_repr
from nn.files import ModelFileError, read_limited


def _reject_constant(name: str) -> None:
    # json.loads would otherwise accept NaN and Infinity, which are not JSON.
    raise ValueError(f"{name} is not a number JSON allows")


def read_json(path: Path, max_bytes: int, keys: tuple[str, ...]) -> Any:
    """The parsed JSON in `path`, or a ModelFileError saying what it is instead."""
    data = read_limited(path, max_bytes)
    if not data.strip():
        raise ModelFileError(path, "the file is empty")
    if data[:1] == b"\x80":
        raise ModelFileError(
            path,
            "this looks like a pickle; takaisin model files are JSON, and "
            "pickles are never loaded because they can run code",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ModelFileError(
            path, "not a text file (a model file is UTF-8 JSON)"
        ) from None
    try:
        return _parse(path, text, keys)
    except ModelFileError:
        raise  # an unknown key, already said clearly
    except json.JSONDecodeError as error:
        truncated = error.pos >= len(text.rstrip()) or "Unterminated" in error.msg
        hint = " - the file ends too early: truncated?" if truncated else ""
        raise ModelFileError(
            path,
            f"not valid JSON: {error.msg} (line {error.lineno}, column "
            f"{error.colno}){hint}",
        ) from None
    except (ValueError, RecursionError) as error:
        raise ModelFileError(path, f"not valid JSON: {error}") from None


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
_SPACE = re.compile(r"[ \t\n\r]*")  # what JSON allows between its parts


def _parse(path: Path, text: str, keys: tuple[str, ...]) -> Any:
    """The JSON in `text`. The top-level object is read key by key, and an
    unknown key is refused before its value (maybe 600 MB of junk) is parsed.
    """
    pos = _SPACE.match(text).end()
    if text[pos : pos + 1] != "{":
        return _DECODER.decode(text)  # not an object: _check_document says so
    document: dict[str, Any] = {}
    pos = _SPACE.match(text, pos + 1).end()
    while text[pos : pos + 1] != "}":
        if document:  # a comma between two entries
            if text[pos : pos + 1] != ",":
                raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
            pos = _SPACE.match(text, pos + 1).end()
        if text[pos : pos + 1] != '"':
            raise json.JSONDecodeError("Expecting property name", text, pos)
        key, pos = _DECODER.raw_decode(text, pos)
        if key not in keys:
            raise ModelFileError(
                path,
                f"unknown key {short_repr(key)}; a model file holds only "
                + ", ".join(keys),
            )
        if key in document:
            raise ModelFileError(path, f'"{key}" appears twice')
        pos = _SPACE.match(text, pos).end()
        if text[pos : pos + 1] != ":":
            raise json.JSONDecodeError("Expecting ':' delimiter", text, pos)
        pos = _SPACE.match(text, pos + 1).end()
        document[key], pos = _DECODER.raw_decode(text, pos)
        pos = _SPACE.match(text, pos).end()
    end = _SPACE.match(text, pos + 1).end()
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return document
