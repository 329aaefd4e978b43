"""Tests for nn/io.py: model files round-trip exactly; bad files fail clearly."""

from __future__ import annotations

import json
import os
import pickle
import random
import stat
import struct
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nn
import nn.files
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
    # A new file, like any file a program writes: 0o644 under the common
    # umask 022, not the owner-only 0o600 of a temporary file.
    umask = os.umask(0o022)
    try:
        path = save(MLP(2, [1], seed=0), tmp_path / "m.json")
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        path.chmod(0o600)  # an existing file keeps its mode: private stays private
        save(MLP(2, [1], seed=1), path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        path.chmod(0o640)
        save(MLP(2, [1], seed=2), path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
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
    ("newer version", edited(lambda d: d.update(version=3)), "newer takaisin"),
    ("version 0", edited(lambda d: d.update(version=0)), "version 0 is not one"),
    ("version 2, linear", edited(lambda d: d.update(version=2)), "does not fit"),
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
    document["version"] = 2
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ModelFileError, match=message):
        load(path)


# ------------------------------------------------ what load reads, and how much
def _load_in_a_thread(path: Path, **options) -> BaseException | None:
    """load(path) in a daemon thread, so that a hang fails the test (in 10 s)
    instead of stopping the whole suite; returns the error it raised."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            load(path, **options)
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=10)
    assert outcome, "load did not return within 10 s"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_load_refuses_a_fifo_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "model.json"
    os.mkfifo(fifo)
    error = _load_in_a_thread(fifo)
    assert isinstance(error, ModelFileError) and "a pipe (FIFO)" in str(error)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_load_refuses_a_link_to_an_endless_device(tmp_path: Path) -> None:
    link = tmp_path / "model.json"
    link.symlink_to("/dev/zero")
    error = _load_in_a_thread(link)
    assert isinstance(error, ModelFileError) and "a device" in str(error)
    assert str(link) in str(error)


def test_load_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="this is a folder, not a file"):
        load(tmp_path)


def test_load_bounds_the_size(tmp_path: Path) -> None:
    path = save(MLP(2, [3, 1], seed=0), tmp_path / "m.json")
    size = path.stat().st_size
    assert nn.io.MAX_BYTES == 64 * 1024 * 1024  # the documented default
    with pytest.raises(ModelFileError, match=f"{size:,} bytes.*limit of 100;"):
        load(path, max_bytes=100)
    assert (
        load(path, max_bytes=size).state_dict() == MLP(2, [3, 1], seed=0).state_dict()
    )
    with pytest.raises(TypeError, match="max_bytes must be an int"):
        load(path, max_bytes=1e9)


def test_an_unknown_key_is_refused_before_its_value_is_parsed(tmp_path: Path) -> None:
    # The junk is not even valid JSON: had it been parsed, the error would
    # say "not valid JSON".
    good = json.dumps(good_document())
    path = tmp_path / "m.json"
    path.write_text('{"junk": [1, 2, oops' + " " * 100 + "], " + good[1:])
    with pytest.raises(ModelFileError, match="unknown key 'junk'; a model file holds"):
        load(path)
    path.write_text(good[:-1] + ', "format": "takaisin-model"}')
    with pytest.raises(ModelFileError, match='"format" appears twice'):
        load(path)


@pytest.mark.parametrize(
    "layout",
    [
        {"separators": (",", ":")},
        {"indent": "\t"},
        {"indent": 1, "separators": (" ,\r\n ", " : ")},
    ],
    ids=["compact", "tabs", "spaces"],
)
def test_the_top_level_reader_reads_what_json_reads(layout: dict, tmp_path: Path):
    document = good_document()
    text = " \n" + json.dumps(document, **layout) + "\n\t "
    path = tmp_path / "m.json"
    path.write_text(text)
    assert json.loads(text) == document
    assert load(path).state_dict() == document["weights"]


def test_strings_from_the_file_are_quoted_short(tmp_path: Path) -> None:
    document = good_document()
    document["architecture"]["activation"] = "x" * 10_000_000
    path = tmp_path / "m.json"
    path.write_text(json.dumps(document))
    with pytest.raises(ModelFileError, match="unknown activation 'xxx") as caught:
        load(path)
    assert len(str(caught.value)) < 400
    document = good_document()
    document["architecture"]["type"] = "y" * 10_000_000
    path.write_text(json.dumps(document))
    with pytest.raises(ModelFileError, match="unknown architecture type") as caught:
        load(path)
    assert len(str(caught.value)) < 400


# ------------------------------------------------------- how save writes
def test_save_with_the_arguments_swapped_says_the_order(tmp_path: Path) -> None:
    with pytest.raises(
        TypeError, match=r"save\(model, path\), not save\(path, model\)"
    ):
        save(tmp_path / "m.json", MLP(2, [1], seed=0))
    with pytest.raises(TypeError, match=r"save needs a file path .* got int"):
        save(MLP(2, [1], seed=0), 3)
    assert list(tmp_path.iterdir()) == []


def test_save_writes_through_a_symlink(tmp_path: Path) -> None:
    target = save(MLP(2, [1], seed=0), tmp_path / "real.json")
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    save(MLP(2, [1], seed=1), link)
    assert link.is_symlink()
    assert load(target).state_dict() == MLP(2, [1], seed=1).state_dict()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_save_takes_a_long_legal_file_name(tmp_path: Path) -> None:
    path = tmp_path / ("m" * 230 + ".json")  # 235 characters; the limit is 255
    save(MLP(2, [1], seed=0), path)
    assert load(path).state_dict() == MLP(2, [1], seed=0).state_dict()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_save_fsyncs_the_file_before_renaming_it(tmp_path: Path, monkeypatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(
        os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))
    )
    monkeypatch.setattr(
        os, "replace", lambda a, b: (events.append("replace"), real_replace(a, b))
    )
    save(MLP(2, [1], seed=0), tmp_path / "m.json")
    assert events[:2] == ["fsync", "replace"]


@pytest.mark.parametrize("failure", [KeyboardInterrupt(), OSError(5, "I/O error")])
def test_a_failed_save_keeps_the_old_file_and_no_temporary(
    failure: BaseException, tmp_path: Path, monkeypatch
) -> None:
    path = save(MLP(2, [1], seed=0), tmp_path / "m.json")
    before = path.read_bytes()
    real_open = open

    class HalfWritten:
        """A file whose write gives up halfway: a full disk, or Ctrl-C."""

        def __init__(self, *args, **kwargs) -> None:
            self.file = real_open(*args, **kwargs)

        def __enter__(self) -> HalfWritten:
            return self

        def __exit__(self, *exc) -> None:
            self.file.close()

        def write(self, text: str) -> None:
            self.file.write(text[: len(text) // 2])
            raise failure

    monkeypatch.setattr(nn.files, "open", HalfWritten, raising=False)
    with pytest.raises(type(failure)) as caught:
        save(MLP(2, [1], seed=1), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]
    if isinstance(caught.value, OSError):  # names the user's path, not .tk-….tmp
        assert caught.value.filename == str(path) and ".tmp" not in str(caught.value)


def test_load_pauses_the_collector_and_always_gives_it_back(tmp_path: Path) -> None:
    import gc

    path = save(MLP(2, [3, 1], seed=0), tmp_path / "m.json")
    assert gc.isenabled()
    load(path)
    assert gc.isenabled()
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(ModelFileError):
        load(path)
    assert gc.isenabled()
    gc.disable()  # a caller who paused it keeps it paused
    try:
        load(save(MLP(2, [3, 1], seed=0), tmp_path / "n.json"))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_last_layer_that_is_not_linear_is_version_2(tmp_path: Path) -> None:
    # A takaisin that knows only version 1 would ignore "last_activation"
    # and build a linear last layer without a word; version 2 it refuses.
    lecture = MLP(3, [4, 1], activation="tanh", last_activation="tanh", seed=0)
    path = save(lecture, tmp_path / "lecture.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 2
    assert load(path).last_activation == "tanh"
    plain = save(MLP(3, [4, 1], seed=0), tmp_path / "plain.json")
    assert json.loads(plain.read_text(encoding="utf-8"))["version"] == 1
    document["version"] = 1  # claims to be readable by an older takaisin
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ModelFileError, match="does not fit last_activation 'tanh'"):
        load(path)
