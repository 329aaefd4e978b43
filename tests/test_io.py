"""Tests for nn/io.py: model files round-trip exactly; bad files fail clearly."""

from __future__ import annotations

import json
import os
import pickle
import random
import stat
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nn
from nn import MLP, Layer, ModelFileError, Neuron, load, save


def bits(x: float) -> bytes:
    return struct.pack("<d", x)


def trained_looking(model: nn.Module, seed: int = 0) -> nn.Module:
    """Give every weight an awkward float (many digits, tiny, huge, -0.0)."""
    rng = random.Random(seed)
    awkward = [0.1, 1 / 3, -0.0, 5e-324, 1.7976931348623157e308, -2.5e-10]
    for i, p in enumerate(model.parameters()):
        p.data = awkward[i] if i < len(awkward) else rng.gauss(0, 1)
    return model


# ------------------------------------------------------------- round trip
@pytest.mark.parametrize(
    "model",
    [
        MLP(2, [16, 16, 1], seed=0),
        MLP(3, [4, 3], activation="tanh", seed=1),
        Layer(2, 3, "sigmoid", seed=2),
        Neuron(4, "linear", seed=3),
    ],
    ids=repr,
)
def test_save_load_is_bit_identical(model: nn.Module, tmp_path: Path) -> None:
    trained_looking(model)
    path = save(model, tmp_path / "model.json")
    loaded = load(path)
    assert type(loaded) is type(model)
    assert repr(loaded) == repr(model)
    assert [bits(v) for v in loaded.state_dict().values()] == [
        bits(v) for v in model.state_dict().values()
    ]
    assert list(loaded.state_dict()) == list(model.state_dict())


@given(
    st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=9, max_size=9)
)
def test_any_finite_float_round_trips(weights: list[float]) -> None:
    model = MLP(2, [2, 1], seed=0)
    for p, w in zip(model.parameters(), weights, strict=True):
        p.data = w
    text = json.dumps(model.state_dict())
    assert [bits(v) for v in json.loads(text).values()] == [bits(w) for w in weights]


def test_loaded_model_gives_exactly_the_same_outputs(tmp_path: Path) -> None:
    model = trained_looking(MLP(2, [8, 8, 3], seed=0), seed=5)
    model.parameters()[4].data = 0.3  # keep the huge weights out of this one
    for p in model.parameters():
        if abs(p.data) > 10 or 0 < abs(p.data) < 1e-300:
            p.data = 0.5
    loaded = load(save(model, tmp_path / "m.json"))
    for x in [[0.1, 0.2], [-1.5, 2.25], [1e3, -1e-3]]:
        assert [v.data for v in loaded(x)] == [v.data for v in model(x)]


def test_file_is_readable_json(tmp_path: Path) -> None:
    path = save(MLP(2, [3, 1], seed=0), tmp_path / "m.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "takaisin-model"
    assert document["version"] == 1
    assert document["architecture"] == {
        "type": "MLP",
        "nin": 2,
        "nouts": [3, 1],
        "activation": "relu",
    }
    assert list(document["weights"])[:3] == ["L1.N1.w1", "L1.N1.w2", "L1.N1.b"]


def test_save_replaces_a_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    save(MLP(2, [1], seed=0), path)
    save(MLP(2, [1], seed=1), path)
    assert load(path).state_dict() == MLP(2, [1], seed=1).state_dict()
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_saved_file_has_the_usual_permissions(tmp_path: Path) -> None:
    # Like any file a program writes: 0o644 under the common umask 022, not
    # the owner-only 0o600 of a temporary file.
    umask = os.umask(0o022)
    try:
        path = save(MLP(2, [1], seed=0), tmp_path / "m.json")
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        path.chmod(0o600)
        save(MLP(2, [1], seed=1), path)  # a new file replaces the old one
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
    finally:
        os.umask(umask)


def test_save_to_a_folder_or_a_missing_folder_names_the_given_path(
    tmp_path: Path,
) -> None:
    # Not the hidden temporary file that save writes first.
    with pytest.raises(IsADirectoryError, match="is a folder") as caught:
        save(MLP(2, [1], seed=0), tmp_path)
    assert ".tmp" not in str(caught.value)
    missing = tmp_path / "nope" / "m.json"
    with pytest.raises(FileNotFoundError, match="no folder") as caught:
        save(MLP(2, [1], seed=0), missing)
    assert str(missing) in str(caught.value) and ".tmp" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_save_refuses_a_diverged_model(tmp_path: Path) -> None:
    model = MLP(2, [1], seed=0)
    model.parameters()[1].data = float("nan")
    with pytest.raises(ValueError, match=r"L1\.N1\.w2 is nan"):
        save(model, tmp_path / "m.json")
    assert not (tmp_path / "m.json").exists()


def test_save_refuses_a_module_it_cannot_rebuild(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="MLP, Layer and Neuron"):
        save(nn.Module(), tmp_path / "m.json")


def test_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "nothing.json")


# ---------------------------------------------------------- malformed files
def good_document() -> dict:
    model = MLP(2, [2, 1], seed=0)
    return {
        "format": "takaisin-model",
        "version": 1,
        "architecture": {
            "type": "MLP",
            "nin": 2,
            "nouts": [2, 1],
            "activation": "relu",
        },
        "weights": model.state_dict(),
    }


def edited(change) -> str:
    document = good_document()
    change(document)
    return json.dumps(document)


def good_text() -> str:
    return json.dumps(good_document(), indent=1)


def set_weight(name: str, value: object):
    return lambda d: d["weights"].__setitem__(name, value)


MALFORMED: list[tuple[str, str | bytes, str]] = [
    ("empty", b"", "the file is empty"),
    ("blank", "  \n", "the file is empty"),
    ("truncated", good_text()[: len(good_text()) // 2], "truncated"),
    ("cut in a name", good_text()[: good_text().index("N2.b")], "truncated?"),
    ("not JSON", "hello, world", "not valid JSON"),
    ("python code", "__import__('os').system('echo hi')", "not valid JSON"),
    ("pickle", pickle.dumps({"weights": [1.0]}), "looks like a pickle"),
    ("pickle protocol 0", pickle.dumps({"a": 1}, protocol=0), "not valid JSON"),
    ("binary", bytes(range(200, 256)), "not a text file"),
    ("a list", "[1, 2, 3]", "found a list"),
    ("no format", edited(lambda d: d.pop("format")), "not a takaisin model"),
    ("other format", edited(lambda d: d.update(format="keras")), "not a takaisin"),
    ("newer version", edited(lambda d: d.update(version=2)), "newer takaisin"),
    ("version 0", edited(lambda d: d.update(version=0)), "version 0 is not 1"),
    ("version text", edited(lambda d: d.update(version="1")), "must be an integer"),
    ("no weights", edited(lambda d: d.pop("weights")), '"weights" must be'),
    ("weights list", edited(lambda d: d.update(weights=[1.0])), '"weights" must'),
    ("no architecture", edited(lambda d: d.pop("architecture")), '"architecture"'),
    (
        "unknown type",
        edited(lambda d: d["architecture"].update(type="CNN")),
        "unknown architecture type 'CNN'",
    ),
    (
        "type not text",
        edited(lambda d: d["architecture"].update(type=["MLP"])),
        "unknown architecture type ['MLP']",
    ),
    (
        "missing field",
        edited(lambda d: d["architecture"].pop("nouts")),
        "lacks nouts",
    ),
    (
        "bad activation",
        edited(lambda d: d["architecture"].update(activation="gelu")),
        "unknown activation 'gelu'",
    ),
    (
        "activation not text",
        edited(lambda d: d["architecture"].update(activation=[1])),
        '"activation" must be a string',
    ),
    (
        "negative size",
        edited(lambda d: d["architecture"].update(nin=-2)),
        "positive integers, found -2",
    ),
    (
        "size not int",
        edited(lambda d: d["architecture"].update(nouts=[2.5, 1])),
        "positive integers, found 2.5",
    ),
    (
        "wrong shape",
        edited(lambda d: d["architecture"].update(nouts=[3, 1])),
        "has 13 parameters but the file has 9 weights",
    ),
    (
        "huge architecture",
        edited(lambda d: d["architecture"].update(nouts=[10**9, 1])),
        "but the file has 9 weights",
    ),
    (
        "renamed weight",
        edited(lambda d: d["weights"].update({"L9.N1.b": d["weights"].pop("L2.N1.b")})),
        "missing L2.N1.b; unexpected L9.N1.b",
    ),
    ("text weight", edited(set_weight("L1.N2.w1", "0.5")), "L1.N2.w1 must be a num"),
    ("bool weight", edited(set_weight("L1.N2.w1", True)), "L1.N2.w1 must be a num"),
    ("null weight", edited(set_weight("L1.N2.w1", None)), "L1.N2.w1 must be a num"),
    ("NaN weight", edited(set_weight("L1.N2.w1", float("nan"))), "NaN is not"),
    ("Infinity", edited(set_weight("L1.N2.w1", float("inf"))), "Infinity is not"),
    ("float overflow", good_text().replace("0.", "9" * 400 + ".", 1), "finite"),
    ("int overflow", edited(set_weight("L1.N2.w1", 10**400)), "must be finite"),
    ("5000 digits", good_text().replace(": 0.0", ": " + "9" * 5000, 1), "not valid"),
    ("deep nesting", "[" * 100_000 + "]" * 100_000, "not valid JSON"),
]


@pytest.mark.parametrize(
    ("content", "message"),
    [(content, message) for _, content, message in MALFORMED],
    ids=[name for name, _, _ in MALFORMED],
)
def test_malformed_file_is_a_clear_model_file_error(
    content: str | bytes, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelFileError) as caught:
        load(path)
    error = caught.value
    assert isinstance(error, ValueError)
    assert message in str(error)
    assert str(path) in str(error)  # names the file
    assert error.path == path


def test_good_document_helper_loads(tmp_path: Path) -> None:
    # The malformed cases above are each one edit away from this valid file.
    path = tmp_path / "good.json"
    path.write_text(good_text(), encoding="utf-8")
    assert load(path).state_dict() == good_document()["weights"]


def test_failed_load_state_dict_leaves_the_model_untouched(tmp_path: Path) -> None:
    model = MLP(2, [2, 1], seed=0)
    before = model.state_dict()
    bad = {name: 1.0 for name in before}
    bad["L2.N1.w2"] = "oops"  # the last weight is bad: nothing may change
    with pytest.raises(TypeError):
        model.load_state_dict(bad)
    assert model.state_dict() == before


# ------------------------------------------- a last layer that is not linear
def test_the_lectures_network_round_trips_with_its_last_activation(
    tmp_path: Path,
) -> None:
    model = MLP(
        3, [4, 4, 1], activation="tanh", last_activation="tanh", init="uniform", seed=5
    )
    path = save(model, tmp_path / "lecture.json")
    arch = json.loads(path.read_text(encoding="utf-8"))["architecture"]
    assert arch["last_activation"] == "tanh"
    loaded = load(path)
    assert loaded.last_activation == "tanh"
    assert repr(loaded) == repr(model)
    assert loaded.state_dict() == model.state_dict()
    for x in [[2.0, 3.0, -1.0], [0.5, 1.0, 1.0]]:
        assert bits(loaded(x).data) == bits(model(x).data)


def test_a_file_without_last_activation_loads_a_linear_last_layer(
    tmp_path: Path,
) -> None:
    path = save(MLP(2, [3, 1], seed=0), tmp_path / "m.json")
    assert "last_activation" not in path.read_text(encoding="utf-8")
    assert load(path).layers[-1].activation == "linear"


@pytest.mark.parametrize(
    ("last", "message"),
    [("gelu", "unknown activation 'gelu'"), (["tanh"], '"last_activation" must be')],
)
def test_a_bad_last_activation_is_a_model_file_error(
    last: object, message: str, tmp_path: Path
) -> None:
    path = save(MLP(2, [3, 1], seed=0), tmp_path / "m.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["architecture"]["last_activation"] = last
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ModelFileError, match=message):
        load(path)
