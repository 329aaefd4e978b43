"""THE TABLE: parsing strings and JSON values, errors, canonical queries."""

import dataclasses
from urllib.parse import parse_qsl

import pytest
from hypothesis import given
from hypothesis import strategies as st

from demos.playground.errors import PlaygroundError
from demos.playground.settings import (
    BY_NAME,
    TABLE,
    Settings,
    parse_hide,
    parse_lang,
    parse_settings,
    table_rows,
    to_query,
)


def test_the_settings_fields_are_the_table():
    fields = [f.name for f in dataclasses.fields(Settings)]
    assert fields == [s.name for s in TABLE]
    defaults = Settings()
    for s in TABLE:
        assert getattr(defaults, s.name) == s.default


def test_strings_from_a_url_are_read_by_kind():
    s = parse_settings(
        {
            "dataset": "xor",
            "points": "50",
            "noise": "0.2",
            "show_test": "true",
            "hidden": "8, 2",
            "lr": "1e-05",
            "batch": "16",
        }
    )
    assert (s.dataset, s.points, s.noise, s.show_test) == ("xor", 50, 0.2, True)
    assert (s.hidden, s.lr, s.batch) == ((8, 2), 1e-05, 16)
    assert parse_settings({"hidden": ""}).hidden == ()
    assert parse_settings({"hidden": []}).hidden == ()


def test_json_values_are_read_too():
    s = parse_settings({"points": 30, "lr": 1, "show_test": False, "hidden": [3]})
    assert (s.points, s.lr, s.show_test, s.hidden) == (30, 1.0, False, (3,))
    assert parse_settings({"points": 30.0}).points == 30


def test_a_base_keeps_the_other_values():
    base = parse_settings({"dataset": "spiral"})
    assert parse_settings({"lr": "0.1"}, base) == dataclasses.replace(base, lr=0.1)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("dataset", "mooons"),
        ("points", "9"),
        ("points", "2001"),
        ("points", "12.5"),
        ("points", True),
        ("noise", "nan"),
        ("noise", "inf"),
        ("noise", 0.6),
        ("lr", "1000"),
        ("lr", 0),
        ("lr", "abc"),
        ("hidden", "4,,4"),
        ("hidden", "1,2,3,4,5"),
        ("hidden", "17"),
        ("hidden", "0"),
        ("hidden", 4),
        ("show_test", "maybe"),
        ("seed", -1),
        ("speed", 0),
        ("loss", "mse"),
        ("activation", ["relu"]),
        ("lr", "1" * 200),
    ],
)
def test_a_bad_value_is_named_with_what_is_allowed(name, value):
    with pytest.raises(PlaygroundError) as caught:
        parse_settings({name: value})
    error = caught.value
    assert error.status == 400 and error.code == "bad_setting"
    for message in (error.message, error.message_fi):
        assert message.startswith(name)
        assert repr(value)[:20] in message
    setting = BY_NAME[name]
    if setting.kind in ("int", "float"):
        assert "from" in error.message and "väliltä" in error.message_fi
    if setting.kind == "choice":
        assert all(c in error.message for c in setting.choices)


def test_an_unknown_name_lists_the_known_ones():
    with pytest.raises(PlaygroundError) as caught:
        parse_settings({"learning_rate": "0.1"})
    assert "'learning_rate'" in caught.value.message
    assert "lr" in caught.value.message and "asetus" in caught.value.message_fi


def test_settings_must_be_an_object():
    with pytest.raises(PlaygroundError):
        parse_settings(["lr", 1])


def test_the_query_holds_only_what_differs_from_the_defaults():
    assert to_query(Settings()) == ""
    s = parse_settings({"dataset": "xor", "hidden": "", "lr": "100"})
    assert to_query(s, ["lr", "seed"], "fi") == (
        "dataset=xor&hidden=&lr=100&hide=lr,seed&lang=fi"
    )


settings_strategy = st.builds(
    Settings,
    dataset=st.sampled_from(BY_NAME["dataset"].choices),
    points=st.integers(10, 2000),
    noise=st.floats(0, 0.5),
    train_percent=st.integers(10, 90),
    show_test=st.booleans(),
    hidden=st.lists(st.integers(1, 16), max_size=4).map(tuple),
    activation=st.sampled_from(BY_NAME["activation"].choices),
    optimizer=st.sampled_from(BY_NAME["optimizer"].choices),
    lr=st.floats(1e-5, 100),
    batch=st.integers(0, 2000),
    l2=st.floats(0, 1),
    loss=st.sampled_from(BY_NAME["loss"].choices),
    seed=st.integers(0, 2**31 - 1),
    speed=st.integers(1, 100),
)


@given(settings_strategy)
def test_a_query_reads_back_as_the_same_settings(settings):
    query = to_query(settings)
    assert parse_settings(dict(parse_qsl(query, keep_blank_values=True))) == settings


def test_hide_and_lang():
    assert parse_hide("lr, seed,lr") == ["lr", "seed"]
    assert parse_hide(None) == [] and parse_hide("") == []
    with pytest.raises(PlaygroundError) as caught:
        parse_hide("lr,colour")
    assert "'colour'" in caught.value.message
    assert parse_lang("fi") == "fi" and parse_lang(None) == "en"
    with pytest.raises(PlaygroundError):
        parse_lang("sv")


def test_the_rows_for_the_page():
    rows = table_rows()
    assert [r["name"] for r in rows] == [s.name for s in TABLE]
    hidden = next(r for r in rows if r["name"] == "hidden")
    assert hidden["default"] == [4, 4] and hidden["max_layers"] == 4
    assert all(r["group"] in ("data", "network", "training") for r in rows)
