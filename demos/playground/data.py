"""The points a session learns from: made from settings, clicked, or loaded.

A point is `(x1, x2, label)`. `make_points(settings)` asks `demos.datasets`
for the chosen data set and splits it into training and test points
(`train_percent` of them for training, chosen by the seed). A learner can
then add a point with a click, remove the nearest one, or load a CSV file of
their own (`x1,x2,label`, one point per line). Every limit is checked here:
at most MAX_POINTS points, coordinates from -MAX_COORD to MAX_COORD, labels
that fit the number of classes, and a file of at most MAX_CSV_BYTES.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from demos import datasets
from demos.playground.errors import PlaygroundError
from demos.playground.settings import MAX_POINTS, Settings

Point = tuple[float, float, int]

MAX_COORD = 1000.0
MAX_CSV_BYTES = 200 * 1024
MAX_CLASSES = 3  # the page has a colour for three classes
REMOVE_RADIUS = 0.15
BLOB_CENTRES = ((0.0, 1.0), (-0.866, -0.5), (0.866, -0.5))


@dataclass
class Points:
    """Training and test points, and how many classes there are (k >= 2)."""

    train: list[Point] = field(default_factory=list)
    test: list[Point] = field(default_factory=list)
    classes: int = 2
    source: str = "generated"  # or "csv": the learner's own file

    def count(self) -> int:
        return len(self.train) + len(self.test)


def generate(settings: Settings) -> tuple[list[list[float]], list[int]]:
    """The data set the settings ask for, as (X, y) from demos.datasets.

    Blobs are three round clouds around fixed centres, spread by 0.2 + noise
    (a spread of 0 would put every point of a class on one spot).
    """
    n, noise, seed = settings.points, settings.noise, settings.seed
    if settings.dataset == "moons":
        return datasets.make_moons(n, noise, seed)
    if settings.dataset == "circles":
        return datasets.make_circles(n, noise, 0.5, seed)
    if settings.dataset == "xor":
        return datasets.make_xor(n, noise, seed)
    if settings.dataset == "spiral":
        return datasets.make_spiral(n, 3, noise, seed)
    return datasets.make_blobs(n, BLOB_CENTRES, 0.2 + noise, seed)


def split(
    X: list[list[float]], y: list[int], train_percent: int, seed: int
) -> tuple[list[Point], list[Point]]:
    """Shuffle with `seed`, keep `train_percent` % for training, rest for test.

    At least one point is always kept for training.
    """
    order = list(range(len(y)))
    random.Random(seed).shuffle(order)
    n_test = min(len(y) - 1, round(len(y) * (100 - train_percent) / 100))
    points = [(float(X[i][0]), float(X[i][1]), int(y[i])) for i in order]
    return points[n_test:], points[:n_test]


def make_points(settings: Settings) -> Points:
    """The generated points for these settings, split into train and test."""
    X, y = generate(settings)
    train, test = split(X, y, settings.train_percent, settings.seed)
    return Points(train, test, max(2, max(y) + 1))


# ------------------------------------------------------------ click edits
def _coordinate(value: object, name: str) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or abs(value) > MAX_COORD
    ):
        raise PlaygroundError(
            "bad_point",
            f"{name}: {value!r} is not allowed; it must be a number from "
            f"{-MAX_COORD:g} to {MAX_COORD:g}",
            f"{name}: {value!r} ei käy; sen pitää olla luku väliltä "
            f"{-MAX_COORD:g}–{MAX_COORD:g}",
        )
    return float(value)


def add_point(points: Points, x: object, y: object, label: object, test: bool) -> None:
    """Add (x, y, label) to the training points (or the test points)."""
    px, py = _coordinate(x, "x"), _coordinate(y, "y")
    if (
        isinstance(label, bool)
        or not isinstance(label, int)
        or not 0 <= label < points.classes
    ):
        top = points.classes - 1
        raise PlaygroundError(
            "bad_point",
            f"label: {label!r} is not allowed; this data has classes 0 to {top}",
            f"label: {label!r} ei käy; tässä datassa luokat ovat 0–{top}",
        )
    if points.count() >= MAX_POINTS:
        raise PlaygroundError(
            "too_many_points",
            f"there are already {MAX_POINTS} points, the most allowed; "
            "remove some first",
            f"pisteitä on jo {MAX_POINTS}, mikä on enimmäismäärä; "
            "poista ensin joitakin",
        )
    (points.test if test else points.train).append((px, py, label))


def remove_near(points: Points, x: object, y: object, include_test: bool) -> Point:
    """Remove and return the point nearest to (x, y), if within REMOVE_RADIUS.

    Test points are candidates only when they are shown (`include_test`).
    The last training point stays: training needs at least one.
    """
    px, py = _coordinate(x, "x"), _coordinate(y, "y")
    lists = [points.train, points.test] if include_test else [points.train]
    best = None
    for where in lists:
        for i, (qx, qy, _) in enumerate(where):
            distance = math.hypot(qx - px, qy - py)
            if distance <= REMOVE_RADIUS and (best is None or distance < best[0]):
                best = (distance, where, i)
    if best is None:
        raise PlaygroundError(
            "no_point",
            f"no point near ({px:.4f}, {py:.4f}): the nearest must be within "
            f"{REMOVE_RADIUS}",
            f"pisteen ({px:.4f}, {py:.4f}) lähellä ei ole pistettä: lähimmän pitää "
            f"olla alle {REMOVE_RADIUS} päässä",
        )
    _, where, i = best
    if where is points.train and len(points.train) == 1:
        raise PlaygroundError(
            "last_point",
            "the last training point cannot be removed: training needs one",
            "viimeistä opetuspistettä ei voi poistaa: opetus tarvitsee sen",
        )
    return where.pop(i)


# -------------------------------------------------------------------- CSV
def _line_error(number: int, en: str, fi: str) -> PlaygroundError:
    return PlaygroundError("bad_csv", f"line {number}: {en}", f"rivi {number}: {fi}")


def _field_number(text: str, number: int) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or abs(value) > MAX_COORD:
        raise _line_error(
            number,
            f"{text!r} is not a number from {-MAX_COORD:g} to {MAX_COORD:g}",
            f"{text!r} ei ole luku väliltä {-MAX_COORD:g}–{MAX_COORD:g}",
        )
    return value


def parse_csv(text: object) -> tuple[list[list[float]], list[int]]:
    """`x1,x2,label` lines -> (X, y). Labels 0, 1 (and 2); a header is allowed.

    Blank lines and lines starting with # are skipped. The first line may be
    a header (`x1,x2,label`: three fields, none of them a number).
    """
    if not isinstance(text, str):
        raise PlaygroundError(
            "bad_csv",
            "the file must be sent as text",
            "tiedosto pitää lähettää tekstinä",
        )
    if len(text.encode("utf-8")) > MAX_CSV_BYTES:
        raise PlaygroundError(
            "bad_csv",
            f"the file is larger than {MAX_CSV_BYTES // 1024} KiB",
            f"tiedosto on suurempi kuin {MAX_CSV_BYTES // 1024} KiB",
        )
    X: list[list[float]] = []
    y: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        fields = [f.strip() for f in line.split(",")]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if number == 1 and len(fields) == 3 and all(_is_word(f) for f in fields):
            continue  # a header such as x1,x2,label
        if len(fields) != 3:
            raise _line_error(
                number,
                f"expected 3 values x1,x2,label, got {len(fields)}",
                f"odotettiin 3 arvoa x1,x2,luokka, saatiin {len(fields)}",
            )
        x1, x2 = _field_number(fields[0], number), _field_number(fields[1], number)
        if fields[2] not in [str(k) for k in range(MAX_CLASSES)]:
            raise _line_error(
                number,
                f"label {fields[2]!r} is not 0, 1 or 2",
                f"luokka {fields[2]!r} ei ole 0, 1 tai 2",
            )
        if len(y) >= MAX_POINTS:
            raise _line_error(
                number,
                f"more than {MAX_POINTS} points, the most allowed",
                f"yli {MAX_POINTS} pistettä, mikä on enimmäismäärä",
            )
        X.append([x1, x2])
        y.append(int(fields[2]))
    if len(set(y)) < 2:
        raise PlaygroundError(
            "bad_csv",
            "the file needs points of at least two classes (labels 0 and 1)",
            "tiedostossa pitää olla pisteitä ainakin kahdesta luokasta (0 ja 1)",
        )
    return X, y


def _is_word(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return True
    return False
