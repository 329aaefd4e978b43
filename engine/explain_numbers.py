"""How explain shows a number, and when it may write "=".

Numbers are shown rounded to four decimals (`fmt`). A line of arithmetic
such as "2.0000 · 0.4200 ≈ 0.8399" writes `=` only when a student who works
with the shown numbers, rounding half up to four decimals at the end, gets
the shown result; otherwise `≈`: the result was computed from the unrounded
numbers, and the rounded ones give a slightly different one.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

_PLACES = Decimal("0.0001")  # four decimals, as fmt shows
_DIGITS = 1000  # enough for any float written out in full


def fmt(x: float) -> str:
    """A number as the trace shows it: four decimals, like `draw_dot`, and
    never "-0.0000" (a tiny negative number shows as 0.0000)."""
    text = f"{x:.4f}"
    return "0.0000" if text == "-0.0000" else text


def equals(exact: Decimal | float | None, shown: str) -> str:
    """ "=" if `exact` (what the shown numbers give) rounds half up to the
    `shown` result at four decimals, else "≈". None (a result that cannot
    be checked from the shown numbers) counts as "="."""
    if exact is None:
        return "="
    try:
        with localcontext() as context:
            context.prec = _DIGITS
            rounded = Decimal(exact).quantize(_PLACES, rounding=ROUND_HALF_UP)
            return "=" if rounded == Decimal(shown) else "≈"
    except (InvalidOperation, ValueError):  # inf or nan: nothing to round
        return "=" if fmt(float(exact)) == shown else "≈"


def shown(x: float) -> Decimal:
    """The number exactly as a student reads it off the page: fmt(x)."""
    return Decimal(fmt(x))


def product(a: float, b: float, result: float) -> str:
    """ "a · b = result", with ≈ where the shown a and b do not give it."""
    exact = worked_out(lambda: shown(a) * shown(b))
    text = fmt(result)
    return f"{fmt(a)} · {factor(b)} {equals(exact, text)} {text}"


def total(before: float, share: float, result: float) -> str:
    """ "before + share = result", with ≈ where the shown numbers do not add up."""
    exact = worked_out(lambda: shown(before) + shown(share))
    text = fmt(result)
    return f"{fmt(before)} + {factor(share)} {equals(exact, text)} {text}"


def worked_out(compute: Callable[[], Decimal]) -> Decimal | None:
    """compute() in decimals with digits to spare; None if it cannot be done."""
    try:
        with localcontext() as context:
            context.prec = _DIGITS
            return compute()
    except (InvalidOperation, ArithmeticError, ValueError):
        return None


def factor(x: float) -> str:
    """A number to be multiplied: negative ones in brackets, 2 · (-1)."""
    text = fmt(x)
    return f"({text})" if text.startswith("-") else text
