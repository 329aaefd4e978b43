"""Checking backward against plain arithmetic: `gradcheck`.

The derivative of f at x is the slope of f there. Without any calculus, the
slope can be estimated by nudging x a tiny step h each way:

    df/dx ≈ (f(x + h) - f(x - h)) / (2h)        (a central difference)

If `backward()` and this estimate agree for every input, the local
derivatives and the chain rule are (almost certainly) right. Modelled on
`torch.autograd.gradcheck`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from engine.grad_mode import no_grad
from engine.validate import as_list, real_number
from engine.value import Value


class Mismatch(NamedTuple):
    """One input whose gradient from backward() differs from the estimate."""

    index: int
    label: str
    analytic: float  # from backward()
    numeric: float  # from the central difference

    def __str__(self) -> str:
        name = f" ({self.label})" if self.label else ""
        return (
            f"input {self.index}{name}: backward gives {self.analytic:.8g}, "
            f"central difference gives {self.numeric:.8g}, "
            f"difference {abs(self.analytic - self.numeric):.3g}"
        )


class GradcheckError(AssertionError):
    """backward() and the central differences disagree; `mismatches` lists where."""

    def __init__(self, mismatches: list[Mismatch]) -> None:
        self.mismatches = mismatches
        lines = "\n  ".join(str(m) for m in mismatches)
        super().__init__(
            f"gradient check failed for {len(mismatches)} input(s):\n  {lines}"
        )


def central_difference(
    fn: Callable[..., Value | float],
    args: Sequence[float],
    index: int,
    eps: float = 1e-6,
) -> float:
    """(f(..., x + eps, ...) - f(..., x - eps, ...)) / (2 eps), x = args[index]."""
    up = list(args)
    down = list(args)
    up[index] += eps
    down[index] -= eps
    try:
        with no_grad():
            f_up = _number(fn(*[Value(a) for a in up]))
            f_down = _number(fn(*[Value(a) for a in down]))
    except (ArithmeticError, ValueError) as error:
        # e.g. log at x = 1e-7: x - eps < 0, a point the caller never asked for
        raise ValueError(
            f"the central difference for input {index} evaluates fn at "
            f"{args[index]!r} ± {eps!r}, where it fails ({error}); "
            "a smaller eps may stay inside fn's domain"
        ) from error
    return (f_up - f_down) / (2.0 * eps)


def gradcheck(
    fn: Callable[..., Value],
    inputs: Sequence[Value | float],
    eps: float = 1e-6,
    atol: float = 1e-5,
    rtol: float = 1e-3,
) -> bool:
    """Compare backward's gradient of `fn(*inputs)` with central differences.

    Passes for input i when |analytic - numeric| <= atol + rtol * |numeric|,
    the same test as `torch.autograd.gradcheck`. Returns True, or raises
    `GradcheckError` listing every input that fails. The inputs' own `.grad`
    are left as they were.
    """
    if not callable(fn):
        raise TypeError(
            f"gradcheck needs a function fn first, got {type(fn).__name__}; "
            "call it as gradcheck(fn, inputs)"
        )
    inputs = as_list(inputs, "gradcheck", "a list of input Values or numbers")
    if not inputs:
        raise ValueError("gradcheck needs at least one input")
    eps = real_number(eps, "gradcheck's eps")
    atol = real_number(atol, "gradcheck's atol")
    rtol = real_number(rtol, "gradcheck's rtol")
    if not 0.0 < eps < math.inf:  # eps = 0 would divide by 0 (and NaN fails too)
        raise ValueError(f"gradcheck needs a step eps > 0, got eps={eps!r}")
    if not (atol >= 0.0 and rtol >= 0.0):
        raise ValueError(f"gradcheck needs atol, rtol >= 0, got {atol!r}, {rtol!r}")
    labels = [x.label if isinstance(x, Value) else "" for x in inputs]
    args = [
        x.data if isinstance(x, Value) else real_number(x, f"gradcheck input {i}")
        for i, x in enumerate(inputs)
    ]
    leaves = [Value(a, label) for a, label in zip(args, labels, strict=True)]
    out = fn(*leaves)
    if not isinstance(out, Value):
        raise TypeError(
            f"gradcheck needs fn to return a Value, got {type(out).__name__}"
        )
    out.backward()

    mismatches = []
    for i, leaf in enumerate(leaves):
        numeric = central_difference(fn, args, i, eps)
        analytic = leaf.grad
        # Written so that a NaN on either side counts as a mismatch.
        if not abs(analytic - numeric) <= atol + rtol * abs(numeric):
            mismatches.append(Mismatch(i, labels[i], analytic, numeric))
    if mismatches:
        raise GradcheckError(mismatches)
    return True


def _number(out: Value | float) -> float:
    return out.data if isinstance(out, Value) else float(out)
