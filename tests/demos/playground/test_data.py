"""Points: made from settings, split, clicked, removed, loaded from CSV."""

import pytest

from demos.playground import data
from demos.playground.errors import PlaygroundError
from demos.playground.settings import parse_settings


@pytest.mark.parametrize(
    ("dataset", "classes"),
    [("moons", 2), ("circles", 2), ("xor", 2), ("spiral", 3), ("blobs", 3)],
)
def test_every_data_set_is_made_and_split(dataset, classes):
    settings = parse_settings({"dataset": dataset, "points": "100"})
    points = data.make_points(settings)
    assert (len(points.train), len(points.test)) == (70, 30)
    assert points.classes == classes
    assert {p[2] for p in points.train + points.test} == set(range(classes))
    assert data.make_points(settings) == points  # the seed decides everything


def test_another_seed_gives_other_points():
    a = data.make_points(parse_settings({"seed": "1"}))
    b = data.make_points(parse_settings({"seed": "2"}))
    assert a.train != b.train


def test_the_split_keeps_a_training_point():
    train, test = data.split([[0, 0], [1, 1]], [0, 1], 10, 0)
    assert len(train) == 1 and len(test) == 1


def test_add_and_remove_a_point():
    points = data.make_points(parse_settings({"points": "10"}))
    data.add_point(points, 5.0, 5.0, 1, False)
    assert points.train[-1] == (5.0, 5.0, 1)
    data.add_point(points, 6, 6, 0, True)
    assert points.test[-1] == (6.0, 6.0, 0)
    assert data.remove_near(points, 5.1, 5.0, False) == (5.0, 5.0, 1)
    with pytest.raises(PlaygroundError) as caught:
        data.remove_near(points, 6.0, 6.0, False)  # test points are not shown
    assert caught.value.code == "no_point"
    assert "(6.0000, 6.0000)" in caught.value.message
    assert data.remove_near(points, 6.0, 6.0, True) == (6.0, 6.0, 0)


@pytest.mark.parametrize(
    ("x", "y", "label", "named"),
    [
        ("1", 0.0, 0, "x"),
        (0.0, float("nan"), 0, "y"),
        (1e6, 0.0, 0, "x"),
        (0.0, 0.0, 2, "label"),
        (0.0, 0.0, True, "label"),
        (0.0, 0.0, -1, "label"),
    ],
)
def test_a_bad_click_is_refused_and_changes_nothing(x, y, label, named):
    points = data.make_points(parse_settings({"points": "10"}))
    before = (list(points.train), list(points.test))
    with pytest.raises(PlaygroundError) as caught:
        data.add_point(points, x, y, label, False)
    assert caught.value.message.startswith(named)
    assert caught.value.message_fi.startswith(named)
    assert (points.train, points.test) == before


def test_points_are_bounded():
    points = data.make_points(parse_settings({"points": "2000"}))
    with pytest.raises(PlaygroundError) as caught:
        data.add_point(points, 0.0, 0.0, 0, False)
    assert "2000" in caught.value.message


def test_the_last_training_point_stays():
    points = data.Points(train=[(0.0, 0.0, 0)], test=[], classes=2)
    with pytest.raises(PlaygroundError) as caught:
        data.remove_near(points, 0.0, 0.0, True)
    assert caught.value.code == "last_point"


def test_a_good_csv_file():
    text = "x1,x2,label\n\n# a comment\n0.5, -1, 0\n1e-1,2,1\n3,3,2\n"
    assert data.parse_csv(text) == ([[0.5, -1.0], [0.1, 2.0], [3.0, 3.0]], [0, 1, 2])
    assert data.parse_csv("0,0,0\r\n1,1,1") == ([[0.0, 0.0], [1.0, 1.0]], [0, 1])


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("0,0,0\n1,1,1\nabc,1,0\n", "line 3", "'abc' is not a number"),
        ("0,0,0\n1,1\n", "line 2", "expected 3 values"),
        ("0,0,0\n1,1,1,1\n", "line 2", "got 4"),
        ("0,0,0\n1,1,5\n", "line 2", "label '5'"),
        ("0,0,0\n1,1,1.0\n", "line 2", "label '1.0'"),
        ("0,0,0\n1,nan,1\n", "line 2", "'nan' is not a number"),
        ("0,0,0\n1,1e9,1\n", "line 2", "'1e9'"),
        ("x1,x2,label\nx1,x2,label\n", "line 2", "'x1' is not a number"),
        ("0,0,0\n1,1,0\n", "", "two classes"),
        ("", "", "two classes"),
    ],
)
def test_a_bad_csv_file_names_the_line(text, where, what):
    with pytest.raises(PlaygroundError) as caught:
        data.parse_csv(text)
    assert caught.value.code == "bad_csv"
    assert caught.value.message.startswith(where) and what in caught.value.message
    assert caught.value.message_fi.startswith(where.replace("line", "rivi"))


def test_a_csv_file_is_bounded():
    with pytest.raises(PlaygroundError) as caught:
        data.parse_csv("0,0,0\n" * 40_000)
    assert "KiB" in caught.value.message
    with pytest.raises(PlaygroundError) as caught:
        data.parse_csv("0,0,0\n1,1,1\n" * 1001)
    assert caught.value.message.startswith("line 2001")
    with pytest.raises(PlaygroundError):
        data.parse_csv(b"0,0,0")
