"""What every check shares: the verdict, its wording in two languages, and
the tests of an answer's shape (a number, a list of numbers, a function).

A check returns a `Verdict`: a `str` that a notebook shows as plain text when
it is a cell's last line. "right" ("oikein") is the whole text of a right
answer; anything else starts with "not yet:" ("ei vielä:") and says what is
missing or wrong. An exercise cell left as it came (`answer = ...`) is not an
error: its check says that the `...` is still there.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from engine import Value

TOLERANCE = 1e-6  # answers are compared to the reference up to rounding


class Verdict(str):
    """A check's answer; in a notebook it shows as text, without quotes."""

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))

    @property
    def right(self) -> bool:
        return self in ("right", "oikein")


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def _number(x: object) -> float | None:
    """x as a float if it is a number or a Value, else None."""
    if isinstance(x, Value):
        return x.data
    if isinstance(x, int | float) and not isinstance(x, bool):
        return float(x)
    return None


class Checker:
    """The shared parts of every check, speaking English ("en") or Finnish ("fi")."""

    def __init__(self, lang: str = "en") -> None:
        if lang not in ("en", "fi"):
            raise ValueError(f"Checks: lang must be 'en' or 'fi', got {lang!r}")
        self.lang = lang

    # ------------------------------------------------------------ wording
    def _say(self, en: str, fi: str) -> str:
        return en if self.lang == "en" else fi

    def _right(self) -> Verdict:
        return Verdict(self._say("right", "oikein"))

    def _wrong(self, en: str, fi: str) -> Verdict:
        return Verdict(self._say("not yet: ", "ei vielä: ") + self._say(en, fi))

    def _missing(self, name: str) -> Verdict:
        return self._wrong(
            f"{name} is still `...`: replace the `...` in the cell above "
            "with your code, run that cell, then this one",
            f"{name} on vielä `...`: kirjoita koodisi yllä olevaan soluun "
            "`...`:n paikalle, aja se solu ja sitten tämä",
        )

    def _not_a_number(self, name: str, x: object) -> Verdict:
        kind = type(x).__name__
        return self._wrong(
            f"{name} should be a number, but it is a {kind}: {x!r}",
            f"{name}:n pitäisi olla luku, mutta se on {kind}: {x!r}",
        )

    def _numbers(self, name: str, answer: object, expected: Sequence[float]):
        """None if `answer` is a list of numbers close to `expected`, else why not."""
        if answer is ...:
            return self._missing(name)
        if not isinstance(answer, Sequence) or isinstance(answer, str):
            kind = type(answer).__name__
            return self._wrong(
                f"{name} should be a list of numbers, but it is a {kind}",
                f"{name}:n pitäisi olla lista lukuja, mutta se on {kind}",
            )
        if len(answer) != len(expected):
            return self._wrong(
                f"{name} has {len(answer)} numbers; it should have {len(expected)}",
                f"{name}:ssa on {len(answer)} lukua; pitäisi olla {len(expected)}",
            )
        for i, (a, e) in enumerate(zip(answer, expected, strict=True)):
            if _number(a) is None:
                return self._not_a_number(f"{name}[{i}]", a)
            if not _close(_number(a), e):
                return self._wrong(
                    f"{name}[{i}] is {_number(a):.4f}; it should be {e:.4f}",
                    f"{name}[{i}] on {_number(a):.4f}; sen pitäisi olla {e:.4f}",
                )
        return None

    def _value(self, name: str, answer: object, expected: float) -> Verdict:
        """right if `answer` is the number `expected` (up to rounding)."""
        if answer is ...:
            return self._missing(name)
        if _number(answer) is None:
            return self._not_a_number(name, answer)
        if not _close(_number(answer), expected):
            return self._wrong(
                f"{name} is {_number(answer):.4f}; it should be {expected:.4f}",
                f"{name} on {_number(answer):.4f}; sen pitäisi olla {expected:.4f}",
            )
        return self._right()

    def _function(self, name: str, fn: object) -> Verdict | None:
        if fn is ...:
            return self._missing(name)
        if not callable(fn):
            return self._wrong(
                f"{name} should be a function (def {name}(...):)",
                f"{name}:n pitäisi olla funktio (def {name}(...):)",
            )
        return None

    def _call(self, name: str, fn: Callable, *args: Any) -> tuple[Any, Verdict | None]:
        """fn(*args), or the verdict that says how calling it failed."""
        try:
            result = fn(*args)
        except Exception as error:  # the learner's code: say what happened
            shown = ", ".join(repr(a) for a in args)
            return None, self._wrong(
                f"{name}({shown}) raised {type(error).__name__}: {error}",
                f"{name}({shown}) nosti virheen {type(error).__name__}: {error}",
            )
        if result is ...:
            return None, self._wrong(
                f"{name} still returns `...`: write its body in the cell above",
                f"{name} palauttaa vielä `...`: kirjoita sen runko yllä olevaan soluun",
            )
        return result, None
