"""Model files: `save(model, path)` and `load(path)`, as plain JSON.

A trained network is its architecture plus its numbers, so a file holds
exactly that, readable in any text editor:

    {
     "format": "takaisin-model",
     "version": 1,
     "architecture": {"type": "MLP", "nin": 2, "nouts": [16, 16, 1],
                      "activation": "relu"},
     "weights": {"L1.N1.w1": 0.7212301571123539, ..., "L3.N1.b": -0.0341}
    }

Python writes a float as the shortest text that reads back as the very same
float, so weights round-trip bit for bit: a loaded model gives exactly the
outputs the saved one gave.

Loading only parses JSON: no pickle, no eval, nothing in a file can run.
It reads regular files only, of at most 64 MB unless `max_bytes=` says
otherwise (see `nn/files.py`), refuses a key it does not know before reading
what the key holds, and takes time in proportion to the file's size.
Everything is checked (format, version, architecture, every weight's name
and type) before a model is built, and any problem is a `ModelFileError`
that names the file and what is wrong with it (quoting the file's own text
in a few dozen characters at most).
"""

from __future__ import annotations

import gc
import itertools
import json
import math
import os
from pathlib import Path
from typing import Any

from engine.validate import integer, short_repr
from nn.files import MAX_BYTES, ModelFileError, write_atomically
from nn.json_reader import read_json
from nn.module import MLP, Layer, Module, Neuron

FORMAT = "takaisin-model"
VERSION = 1
# A file whose last layer is not linear is version 2: a takaisin that knows
# only version 1 would ignore "last_activation" and quietly build a linear
# last layer, so it must refuse the file instead. Everything else stays 1.
VERSIONS = (1, 2)
KEYS = ("format", "version", "architecture", "weights")  # all a file may hold

PathLike = str | os.PathLike[str]
__all__ = ["MAX_BYTES", "ModelFileError", "load", "save"]


# ------------------------------------------------------------------ saving
def architecture(model: Module) -> dict[str, Any]:
    """What a model file needs to build `model` again (without its weights)."""
    if isinstance(model, MLP):
        arch = {
            "type": "MLP",
            "nin": model.nin,
            "nouts": list(model.nouts),
            "activation": model.activation,
        }
        # Only when it is not the default, so a linear-output model's file
        # stays exactly as before.
        if model.last_activation != "linear":
            arch["last_activation"] = model.last_activation
        return arch
    if isinstance(model, Layer):
        return {
            "type": "Layer",
            "nin": model.nin,
            "nout": model.nout,
            "activation": model.activation,
        }
    if isinstance(model, Neuron):
        return {"type": "Neuron", "nin": model.nin, "activation": model.activation}
    raise TypeError(
        f"save knows how to rebuild MLP, Layer and Neuron, not {type(model).__name__}"
        "; for another Module save its state_dict() yourself"
    )


def save(model: Module, path: PathLike) -> Path:
    """Write `model` to `path` as JSON; returns the path.

    The file is written next to its destination and then renamed over it,
    so a failed save never leaves a half-written file behind; an existing
    file keeps its permissions and a symbolic link stays a link (see
    `nn/files.py`).
    """
    _check_arguments(model, path, "save")
    path = Path(path)
    # Checked here so that an error names the learner's path, not the
    # temporary file below.
    if path.is_dir():
        raise IsADirectoryError(
            f"cannot save to {path}: it is a folder; give a file name, "
            f"e.g. {path / 'model.json'}"
        )
    if not path.parent.is_dir():
        raise FileNotFoundError(
            f"cannot save to {path}: there is no folder {path.parent}"
        )
    weights = model.state_dict()
    for name, value in weights.items():
        if not math.isfinite(value):
            raise ValueError(
                f"cannot save {model!r}: weight {name} is {value!r} "
                "(training diverged; JSON has no such number)"
            )
    document = {
        "format": FORMAT,
        "version": _version_of(arch := architecture(model)),
        "architecture": arch,
        "weights": weights,
    }
    write_atomically(path, json.dumps(document, indent=1, allow_nan=False) + "\n")
    return path


def _check_arguments(model: object, path: object, what: str) -> None:
    """A TypeError for save(path, model) and other mix-ups."""
    if isinstance(path, Module) and not isinstance(model, Module):
        raise TypeError(
            f"{what} takes the model first and then the path: "
            f"{what}(model, path), not {what}(path, model)"
        )
    if not isinstance(model, Module):
        raise TypeError(
            f"{what} needs a model (an MLP, Layer or Neuron) first, "
            f"got {type(model).__name__}: {short_repr(model)}"
        )
    if not isinstance(path, str | os.PathLike):
        raise TypeError(
            f"{what} needs a file path (a str or a Path), "
            f"got {type(path).__name__}: {short_repr(path)}"
        )


def _version_of(arch: dict) -> int:
    """1, or 2 for an architecture whose last layer is not linear."""
    return 2 if arch.get("last_activation", "linear") != "linear" else 1


# ----------------------------------------------------------------- loading
def load(path: PathLike, *, max_bytes: int = MAX_BYTES) -> Module:
    """The model saved in `path` (an MLP, Layer or Neuron) with its weights.

    Raises `ModelFileError` (a ValueError) for anything that is not a
    complete, well-formed takaisin model file: also for what is not a
    regular file (a folder, a FIFO, /dev/zero) and for a file larger than
    `max_bytes` (64 MB by default). FileNotFoundError if there is no file.
    """
    if isinstance(path, Module):
        raise TypeError("load takes a file path, not a model: model = load(path)")
    if not isinstance(path, str | os.PathLike):
        raise TypeError(
            f"load needs a file path (a str or a Path), got {type(path).__name__}"
        )
    max_bytes = integer(max_bytes, "max_bytes")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be at least 1, got {max_bytes}")
    # A big file makes millions of objects, and Python's cyclic collector
    # would walk all of them again and again while they are made (40% of a
    # million-weight load). Nothing here makes a cycle, so pause it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        document = read_json(Path(path), max_bytes, KEYS)
        arch, weights = _check_document(path, document)
        model = _build(arch)
        model.load_state_dict(weights)
    except (TypeError, ValueError) as error:
        if isinstance(error, ModelFileError):
            raise
        raise ModelFileError(path, str(error)) from None
    finally:
        if collecting:
            gc.enable()
    return model


def _check_document(path: PathLike, document: Any) -> tuple[dict, dict]:
    """(architecture, weights) of a parsed file, after checking its shape."""
    if not isinstance(document, dict):
        raise ModelFileError(
            path, f"expected a JSON object, found a {_json_type(document)}"
        )
    if document.get("format") != FORMAT:
        raise ModelFileError(
            path, f'not a takaisin model file (no "format": "{FORMAT}")'
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ModelFileError(
            path, f'"version" must be an integer, found {short_repr(version)}'
        )
    if version not in VERSIONS:
        newer = " (written by a newer takaisin?)" if version > VERSIONS[-1] else ""
        raise ModelFileError(
            path,
            f"format version {version} is not one this reads "
            f"({', '.join(map(str, VERSIONS))}){newer}",
        )
    arch = document.get("architecture")
    if not isinstance(arch, dict):
        raise ModelFileError(path, '"architecture" must be a JSON object')
    last = arch.get("last_activation", "linear")
    if isinstance(last, str) and version != _version_of(arch):
        raise ModelFileError(
            path,
            f"format version {version} does not fit last_activation "
            f"{short_repr(last)}: a linear last layer is version 1, any other "
            "version 2",
        )
    weights = document.get("weights")
    if not isinstance(weights, dict):
        raise ModelFileError(path, '"weights" must be a JSON object of name: number')
    problem = _architecture_problem(arch)
    if problem:
        raise ModelFileError(path, problem)
    expected = _parameter_count(arch)
    if len(weights) != expected:
        # Checked before building, so a file cannot make us build a huge model.
        raise ModelFileError(
            path,
            f"the architecture has {expected} parameters but the file has "
            f"{len(weights)} weights",
        )
    return arch, weights


# The fields each architecture type needs, in the order its class takes them.
FIELDS = {
    "MLP": ("nin", "nouts", "activation"),
    "Layer": ("nin", "nout", "activation"),
    "Neuron": ("nin", "activation"),
}


def _architecture_problem(arch: dict) -> str:
    """What is wrong with an architecture, or "" if nothing is."""
    kind = arch.get("type")
    if not isinstance(kind, str) or kind not in FIELDS:  # ["MLP"] is no key
        return (
            f"unknown architecture type {short_repr(kind)}; "
            'expected "MLP", "Layer" or "Neuron"'
        )
    missing = [name for name in FIELDS[kind] if name not in arch]
    if missing:
        return f"the {kind} architecture lacks {', '.join(missing)}"
    if not isinstance(arch["activation"], str):
        return f'"activation" must be a string, found {short_repr(arch["activation"])}'
    if not isinstance(arch.get("last_activation", ""), str):
        found = short_repr(arch["last_activation"])
        return f'"last_activation" must be a string, found {found}'
    if kind == "MLP" and not isinstance(arch["nouts"], list):
        return (
            f'"nouts" must be a list of layer sizes, found {short_repr(arch["nouts"])}'
        )
    if kind == "MLP" and not arch["nouts"]:
        return '"nouts" must list at least one layer size'
    for size in _sizes(arch):
        if not isinstance(size, int) or isinstance(size, bool) or size < 1:
            return f"layer sizes must be positive integers, found {short_repr(size)}"
    return ""


def _sizes(arch: dict) -> list:
    """[inputs, size of layer 1, size of layer 2, ...]."""
    if arch["type"] == "MLP":
        return [arch["nin"], *arch["nouts"]]
    return [arch["nin"], arch.get("nout", 1)]


def _parameter_count(arch: dict) -> int:
    """Each layer has (inputs + 1) * outputs parameters: weights and a bias."""
    return sum((a + 1) * b for a, b in itertools.pairwise(_sizes(arch)))


def _build(arch: dict) -> Module:
    """A model with the given architecture (its weights are set afterwards)."""
    if arch["type"] == "MLP":
        last = arch.get("last_activation", "linear")  # absent: linear, as before
        return MLP(
            arch["nin"], arch["nouts"], arch["activation"], seed=0, last_activation=last
        )
    if arch["type"] == "Layer":
        return Layer(arch["nin"], arch["nout"], arch["activation"], seed=0)
    return Neuron(arch["nin"], arch["activation"], seed=0)


def _json_type(x: Any) -> str:
    names = {list: "list", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(x), "number")
