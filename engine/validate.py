"""Checking what a learner passed, once, where it comes in.

Every public function of engine/ and nn/ checks its arguments on entry
(never once per graph node, which would slow every operation), and a bad
argument gets an error that names the argument, what it was given and what
it needs, instead of a bare Python message from deep inside.

- A number is anything Python itself calls a real number (`numbers.Real`):
  int, float, Fraction, NumPy's float32 and int64, ... but not bool:
  `lr=True` is almost always a mistake.
- An integer is a `numbers.Integral` (int, NumPy ints), again not bool.
- A flag is a bool and nothing else: `nesterov="no"` is a non-empty string,
  which Python would happily treat as True.
- Errors quote what they were given in at most a few dozen characters, so
  a 10-million-character string gives a message of a line, not a book.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from numbers import Integral, Real

_SHORT = reprlib.Repr()
_SHORT.maxstring = 60  # characters of a string shown: start ... end
_SHORT.maxlong = 40  # digits of an int shown
_SHORT.maxother = 60


def short_repr(x: object) -> str:
    """repr(x), cut to a few dozen characters ('abcdef...xyz')."""
    try:
        return _SHORT.repr(x)
    except Exception:  # e.g. an int of more than 4300 digits has no repr
        return f"<a {type(x).__name__}>"


def real_number(x: object, what: str) -> float:
    """`x` as a float: any real number but bool, if a float can hold it.

    An int beyond ±1.8e308 (like 10**400) would be "int too large to
    convert to float" from deep inside; here it is an OverflowError that
    names `what`.
    """
    if type(x) is float:  # the common case, without the slow ABC check below
        return x
    if isinstance(x, bool) or not isinstance(x, Real):
        raise TypeError(
            f"{what} needs a real number (int or float), "
            f"got {type(x).__name__}: {short_repr(x)}"
        )
    try:
        return float(x)
    except OverflowError:
        raise OverflowError(
            f"{what} is too large for a float (the largest is about 1.8e308), "
            f"got {short_repr(x)}"
        ) from None


def integer(x: object, what: str) -> int:
    """`x` as an int: any `numbers.Integral` but bool (NumPy ints too)."""
    if isinstance(x, bool) or not isinstance(x, Integral):
        raise TypeError(
            f"{what} must be an int, got {type(x).__name__}: {short_repr(x)}"
        )
    return int(x)


def flag(x: object, what: str) -> bool:
    """`x` if it is True or False; anything else is a TypeError naming `what`."""
    if not isinstance(x, bool):
        raise TypeError(
            f"{what} must be True or False, got {type(x).__name__}: {short_repr(x)}"
        )
    return x


def as_list(items: object, what: str, expected: str) -> list:
    """`items` as a list: a list, a tuple, a generator, a NumPy row, ...

    Anything that cannot be iterated is a TypeError saying what was
    `expected` (e.g. "a list of Values or numbers").
    """
    if isinstance(items, list):
        return items
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise TypeError(
            f"{what} needs {expected}, got {type(items).__name__}: {short_repr(items)}"
        )
    return list(items)
