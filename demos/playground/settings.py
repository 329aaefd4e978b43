"""THE TABLE of the playground's settings, and reading them safely.

One row per setting (name, kind, default, bounds or choices, group). The
page builds its controls from this table (sent by `/api/boot`), a link
carries the settings in its query (`?dataset=xor&hidden=4`), and every value
that comes in, from a URL (a string) or from the page (a JSON value), goes
through `parse_settings`, which either returns complete, checked `Settings`
or raises a `PlaygroundError` that names the setting, the value and what is
allowed, in English and in Finnish.

    settings = parse_settings({"dataset": "xor", "hidden": "4"})
    to_query(settings, hide=["lr"], lang="fi")  # 'dataset=xor&hidden=4&hide=lr&lang=fi'

Kinds: "choice" (one of `choices`), "int" and "float" (from `min` to `max`;
`choices` are only the values the page offers), "bool", and "layers" (the
hidden layer sizes: 0 to MAX_LAYERS numbers from `min` to `max`, written
"4,4" in a URL and "" for none).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from demos.playground.errors import PlaygroundError
from demos.playground.text import LANGUAGES, word

MAX_POINTS = 2000
MAX_LAYERS = 4
MAX_TEXT = 100  # characters in one value: nothing longer can be a setting


@dataclass(frozen=True)
class Setting:
    """One row of the table."""

    name: str
    kind: str  # "choice" | "int" | "float" | "bool" | "layers"
    default: Any
    group: str  # "data" | "network" | "training"
    min: float | None = None
    max: float | None = None
    choices: tuple = ()

    def row(self) -> dict[str, Any]:
        """The row as JSON for the page."""
        row = dataclasses.asdict(self)
        row["choices"] = list(self.choices)
        if self.kind == "layers":
            row["default"] = list(self.default)
            row["max_layers"] = MAX_LAYERS
        return row


TABLE: tuple[Setting, ...] = (
    Setting(
        "dataset", "choice", "moons", "data",
        choices=("moons", "circles", "xor", "spiral", "blobs"),
    ),
    Setting("points", "int", 200, "data", 10, MAX_POINTS),
    Setting(
        "noise", "float", 0.1, "data", 0, 0.5, choices=(0, 0.05, 0.1, 0.2, 0.3, 0.5)
    ),
    Setting("train_percent", "int", 70, "data", 10, 90),
    Setting("show_test", "bool", False, "data"),
    Setting("hidden", "layers", (4, 4), "network", 1, 16),
    Setting(
        "activation", "choice", "tanh", "network",
        choices=("relu", "tanh", "sigmoid", "linear"),
    ),
    Setting(
        "optimizer", "choice", "sgd", "training", choices=("sgd", "momentum", "adam")
    ),
    Setting(
        "lr", "float", 0.03, "training", 1e-5, 100,
        choices=(1e-5, 1e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 100),
    ),
    Setting(
        "batch", "int", 0, "training", 0, MAX_POINTS, choices=(0, 1, 4, 10, 16, 32, 64)
    ),
    Setting(
        "l2", "float", 0.0, "training", 0, 1,
        choices=(0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1),
    ),
    Setting("loss", "choice", "bce", "network", choices=("bce", "hinge")),
    Setting("seed", "int", 0, "data", 0, 2**31 - 1),
    Setting("speed", "int", 10, "training", 1, 100, choices=(1, 5, 10, 30, 100)),
)  # fmt: skip

BY_NAME: dict[str, Setting] = {s.name: s for s in TABLE}


@dataclass(frozen=True)
class Settings:
    """One complete, checked set of values (the fields are TABLE's names)."""

    dataset: str = "moons"
    points: int = 200
    noise: float = 0.1
    train_percent: int = 70
    show_test: bool = False
    hidden: tuple[int, ...] = (4, 4)
    activation: str = "tanh"
    optimizer: str = "sgd"
    lr: float = 0.03
    batch: int = 0
    l2: float = 0.0
    loss: str = "bce"
    seed: int = 0
    speed: int = 10

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready values (hidden as a list)."""
        values = dataclasses.asdict(self)
        values["hidden"] = list(self.hidden)
        return values

    def changed(self, other: Settings) -> set[str]:
        """The names whose values differ between the two."""
        return {
            s.name for s in TABLE if getattr(self, s.name) != getattr(other, s.name)
        }


# ----------------------------------------------------------------- errors
def _number(x: float) -> str:
    """0.03 -> '0.03', 100.0 -> '100', 1e-05 -> '1e-05': as a person writes it."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e16:
        return str(int(x))
    return repr(x)


def _allowed(setting: Setting, lang: str) -> str:
    """What the setting accepts, as the end of a sentence."""
    lo, hi = setting.min, setting.max
    if setting.kind == "choice":
        names = ", ".join(setting.choices)
        return f"one of {names}" if lang == "en" else f"jokin näistä: {names}"
    if setting.kind == "bool":
        return "true or false" if lang == "en" else "true tai false"
    if setting.kind == "int":
        if lang == "en":
            return f"a whole number from {_number(lo)} to {_number(hi)}"
        return f"kokonaisluku väliltä {_number(lo)}–{_number(hi)}"
    if setting.kind == "float":
        if lang == "en":
            return f"a number from {_number(lo)} to {_number(hi)}"
        return f"luku väliltä {_number(lo)}–{_number(hi)}"
    if lang == "en":
        return (
            f"0 to {MAX_LAYERS} layer sizes separated by commas, each a whole "
            f"number from {_number(lo)} to {_number(hi)} (e.g. 4,4)"
        )
    return (
        f"0–{MAX_LAYERS} kerroksen kokoa pilkuilla erotettuina, kukin "
        f"kokonaisluku väliltä {_number(lo)}–{_number(hi)} (esim. 4,4)"
    )


def _shown(value: object) -> str:
    """The value as the learner wrote it, cut short if it is long."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def bad_value(setting: Setting, value: object) -> PlaygroundError:
    """The error for `value`, which `setting` does not accept."""
    en = (
        f"{setting.name} ({word('setting.' + setting.name, 'en')}): "
        f"{_shown(value)} is not allowed; it must be {_allowed(setting, 'en')}"
    )
    fi = (
        f"{setting.name} ({word('setting.' + setting.name, 'fi')}): "
        f"{_shown(value)} ei käy; sen pitää olla {_allowed(setting, 'fi')}"
    )
    return PlaygroundError("bad_setting", en, fi)


def unknown_name(name: object, what: str = "setting") -> PlaygroundError:
    """The error for a name that is not in the table."""
    known = ", ".join(BY_NAME)
    return PlaygroundError(
        "unknown_setting",
        f"unknown {what} {_shown(name)}; the settings are: {known}",
        f"tuntematon asetus {_shown(name)}; asetukset ovat: {known}",
    )


# ---------------------------------------------------------------- parsing
def _whole(raw: object) -> int | None:
    """An int from an int, an integral float (4.0) or a string ('4'); else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str):
        try:
            return int(raw.strip())
        except ValueError:
            return None
    return None


def _real(raw: object) -> float | None:
    """A finite float from a number or a string; else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str):
        try:
            raw = float(raw.strip())
        except ValueError:
            return None
    if isinstance(raw, int | float) and math.isfinite(raw):
        return float(raw)
    return None


_TRUE = ("true", "1", "yes", "on")
_FALSE = ("false", "0", "no", "off", "")


def parse_value(setting: Setting, raw: object) -> Any:
    """`raw` (a string from a URL or a JSON value) as the setting's value."""
    if isinstance(raw, str) and len(raw) > MAX_TEXT:
        raise bad_value(setting, raw)
    lo, hi = setting.min, setting.max
    if setting.kind == "choice":
        if isinstance(raw, str) and raw.strip() in setting.choices:
            return raw.strip()
    elif setting.kind == "bool":
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in _TRUE + _FALSE:
            return raw.strip().lower() in _TRUE
    elif setting.kind == "int":
        value = _whole(raw)
        if value is not None and lo <= value <= hi:
            return value
    elif setting.kind == "float":
        value = _real(raw)
        if value is not None and lo <= value <= hi:
            return value
    else:  # layers
        sizes = _layer_sizes(raw)
        if sizes is not None and all(lo <= n <= hi for n in sizes):
            return sizes
    raise bad_value(setting, raw)


def _layer_sizes(raw: object) -> tuple[int, ...] | None:
    """'4,4' or [4, 4] -> (4, 4); '' or [] -> (); anything else -> None."""
    if isinstance(raw, str):
        pieces = [p.strip() for p in raw.split(",")] if raw.strip() else []
    elif isinstance(raw, Sequence) and not isinstance(raw, bytes):
        pieces = list(raw)
    else:
        return None
    if len(pieces) > MAX_LAYERS:
        return None
    sizes = [_whole(p) for p in pieces]
    if any(n is None for n in sizes):
        return None
    return tuple(sizes)


def parse_settings(values: object, base: Settings | None = None) -> Settings:
    """`base` (default: the defaults) with the given values read and checked.

    Unknown names and bad values raise a `PlaygroundError`; nothing is
    half-applied (a new Settings is returned only when all are good).
    """
    if not isinstance(values, Mapping):
        raise PlaygroundError(
            "bad_request",
            f"settings must be an object of name: value, got {_shown(values)}",
            f"asetusten pitää olla olio muotoa nimi: arvo, saatiin {_shown(values)}",
        )
    changes = {}
    for name, raw in values.items():
        if name not in BY_NAME:
            raise unknown_name(name)
        changes[name] = parse_value(BY_NAME[name], raw)
    return dataclasses.replace(base or Settings(), **changes)


def parse_hide(raw: object) -> list[str]:
    """'lr,seed' or ['lr', 'seed'] -> ['lr', 'seed']: controls the page hides."""
    if raw is None:
        return []
    if isinstance(raw, str):
        if len(raw) > MAX_TEXT * 4:
            raise unknown_name(raw, "name in hide:")
        names = [n.strip() for n in raw.split(",") if n.strip()]
    elif isinstance(raw, list) and all(isinstance(n, str) for n in raw):
        names = [n.strip() for n in raw]
    else:
        raise unknown_name(raw, "name in hide:")
    for name in names:
        if name not in BY_NAME:
            raise unknown_name(name, "name in hide:")
    return list(dict.fromkeys(names))  # once each, in the given order


def parse_lang(raw: object) -> str:
    """'en' or 'fi' (None: 'en')."""
    if raw is None:
        return "en"
    if raw in LANGUAGES:
        return raw
    return _bad_lang(raw)


def _bad_lang(raw: object) -> str:
    raise PlaygroundError(
        "bad_setting",
        f"lang: {_shown(raw)} is not allowed; it must be en or fi",
        f"lang: {_shown(raw)} ei käy; sen pitää olla en tai fi",
    )


# ----------------------------------------------------------------- writing
def query_value(setting: Setting, value: Any) -> str:
    """A value as it is written in a URL (the inverse of `parse_value`)."""
    if setting.kind == "bool":
        return "true" if value else "false"
    if setting.kind == "layers":
        return ",".join(str(n) for n in value)
    if setting.kind == "float":
        return _number(float(value))
    return str(value)


def to_query(settings: Settings, hide: Sequence[str] = (), lang: str = "en") -> str:
    """The canonical query: non-default values in table order, then hide, lang."""
    parts = []
    for setting in TABLE:
        value = getattr(settings, setting.name)
        if value != setting.default:
            text = quote(query_value(setting, value), safe=",")
            parts.append(f"{setting.name}={text}")
    if hide:
        parts.append("hide=" + ",".join(hide))
    if lang != "en":
        parts.append(f"lang={lang}")
    return "&".join(parts)


def table_rows() -> list[dict[str, Any]]:
    """THE TABLE as JSON rows for the page."""
    return [setting.row() for setting in TABLE]
