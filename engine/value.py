"""`Value`: one number that remembers how it was made.

Every operation below does two things in the same few lines:

1. computes its result, as a calculator would, and
2. writes down the *local derivative* of that result with respect to each
   input ("parent"), e.g. for `out = a * b`: d(out)/da = b and d(out)/db = a.

That record is all `backward()` (in `engine/graph.py`) needs to apply the
chain rule. Nothing else is stored: no function per node, so a graph is plain
data that can be printed, drawn, stepped through, and freed as soon as it is
no longer used.

Notation used in the docstrings: `out` is the result, `a` is `self`, `b` is
the other operand, and `d(out)/da` is the local derivative recorded for `a`.
"""

from __future__ import annotations

import math
from numbers import Real

from engine import grad_mode
from engine.grad_mode import _recording
from engine.micrograd_names import MicrogradNames
from engine.validate import real_number, short_repr

Number = int | float

# Local-derivative tuples that many nodes share, to save memory.
_ONE = (1.0,)
_ZERO = (0.0,)
_MINUS_ONE = (-1.0,)
_ONE_ONE = (1.0, 1.0)
_ONE_MINUS_ONE = (1.0, -1.0)


class Value(MicrogradNames):
    """One scalar in a computation graph, with its gradient.

    Attributes:
        data: the number itself (a float).
        grad: dL/d(this value) after `L.backward()`; starts at 0.0.
        label: an optional name shown in drawings and traces ("w1", "L").
        op: the operation that made this value ("" for a leaf: an input,
            a weight, or a constant).
        parents: the Values this one was computed from (a tuple; the same
            Value appears twice in `a * a`).
        local_grads: d(this value)/d(parent) for each parent, in order.

    Your own notes can go on a Value too (`p.m = 0.0`, `v.color = "red"`),
    as on any Python object. micrograd's names `_prev`, `_op` and
    `_backward()` work as well (see `engine/micrograd_names.py`).
    """

    # Fixed slots keep a node small and fast. "__dict__" is the room for the
    # user's own attributes: its dict is made only when one is set, but the
    # room for it costs every node 32 bytes (Python 3.11).
    __slots__ = ("data", "grad", "label", "op", "parents", "local_grads", "__dict__")

    def __init__(self, data: Number, label: str = "") -> None:
        # bool is a subclass of int, but Value(True) is almost always a mistake.
        self.data = real_number(data, "Value(data)")
        if not isinstance(label, str):
            raise TypeError(
                f"Value's label must be a string, got {type(label).__name__}: "
                f"{short_repr(label)}"
            )
        self.grad = 0.0
        self.label = label
        self.op = ""
        self.parents: tuple[Value, ...] = ()
        self.local_grads: tuple[float, ...] = ()

    def __repr__(self) -> str:
        parts = [f"data={self.data!r}", f"grad={self.grad!r}"]
        if self.label:
            parts.append(f"label={self.label!r}")
        if self.op:
            parts.append(f"op={self.op!r}")
        return f"Value({', '.join(parts)})"

    # ----------------------------------------------------------- arithmetic
    # Each operator turns a number operand into a constant leaf right here,
    # with `isinstance`, instead of calling `_as_value`: these run once per
    # node of a graph built from + and *, where that extra call cost ~6%.
    def __add__(self, other: Value | Number) -> Value:
        """out = a + b.   d(out)/da = 1,   d(out)/db = 1"""
        if not isinstance(other, Value):  # a number: a constant leaf
            other = Constant(other)
        return new_node(self.data + other.data, "+", (self, other), _ONE_ONE)

    def __sub__(self, other: Value | Number) -> Value:
        """out = a - b.   d(out)/da = 1,   d(out)/db = -1"""
        if not isinstance(other, Value):  # a number: a constant leaf
            other = Constant(other)
        return new_node(self.data - other.data, "-", (self, other), _ONE_MINUS_ONE)

    def __mul__(self, other: Value | Number) -> Value:
        """out = a * b.   d(out)/da = b,   d(out)/db = a"""
        if not isinstance(other, Value):  # a number: a constant leaf
            other = Constant(other)
        return new_node(
            self.data * other.data, "*", (self, other), (other.data, self.data)
        )

    def __truediv__(self, other: Value | Number) -> Value:
        """out = a / b.   d(out)/da = 1/b,   d(out)/db = -a/b**2 = -out/b"""
        if not isinstance(other, Value):  # a number: a constant leaf
            other = Constant(other)
        if other.data == 0.0:
            raise ZeroDivisionError(f"division by zero: {self.data!r} / {other.data!r}")
        out = self.data / other.data
        return new_node(out, "/", (self, other), (1.0 / other.data, -out / other.data))

    def __pow__(self, other: Value | Number) -> Value:
        """out = a ** b.

        d(out)/da = b * a**(b-1)
        d(out)/db = a**b * ln(a)   (only when b is a Value)

        With a number exponent the op is named after it ("**2") and only `a`
        is a parent.
        """
        if isinstance(other, Value):
            return _power(self, other)
        exponent = real_number(other, f"Value ** {type(other).__name__}")
        out = _checked_power(self.data, exponent)
        slope = _power_slope(self.data, exponent)
        return new_node(out, f"**{exponent:g}", (self,), (slope,))

    def __neg__(self) -> Value:
        """out = -a.   d(out)/da = -1"""
        return new_node(-self.data, "neg", (self,), _MINUS_ONE)

    # Reflected operators: Python calls these for `2 * a`, `1 - a`, ...
    def __radd__(self, other: Number) -> Value:  # other + self
        return _as_value(other) + self

    def __rsub__(self, other: Number) -> Value:  # other - self
        return _as_value(other) - self

    def __rmul__(self, other: Number) -> Value:  # other * self
        return _as_value(other) * self

    def __rtruediv__(self, other: Number) -> Value:  # other / self
        return _as_value(other) / self

    def __rpow__(self, other: Number) -> Value:  # other ** self
        return _power(_as_value(other), self)

    # ---------------------------------------------------------- comparisons
    # a < b compares the numbers and gives a plain True or False: no node,
    # no gradient. `==` is NOT defined here and stays Python's identity
    # (`a == b` only when a is b), and hashing stays by identity too: nodes
    # live in sets and dicts (topo_sort's `visited`, drawings), where two
    # different weights that both hold 0.0 must stay two entries, and a
    # node's place must not move when training changes its data.
    def __lt__(self, other: Value | Number) -> bool:
        """a < b, on the numbers: a.data < b (or b.data)."""
        b = _compared(other)
        return NotImplemented if b is None else self.data < b

    def __le__(self, other: Value | Number) -> bool:
        """a <= b, on the numbers."""
        b = _compared(other)
        return NotImplemented if b is None else self.data <= b

    def __gt__(self, other: Value | Number) -> bool:
        """a > b, on the numbers."""
        b = _compared(other)
        return NotImplemented if b is None else self.data > b

    def __ge__(self, other: Value | Number) -> bool:
        """a >= b, on the numbers."""
        b = _compared(other)
        return NotImplemented if b is None else self.data >= b

    # ----------------------------------------------------------- functions
    def exp(self) -> Value:
        """out = e**a.   d(out)/da = e**a = out"""
        try:
            out = math.exp(self.data)
        except OverflowError:
            raise OverflowError(
                f"exp({self.data!r}) is too large for a float (the limit is "
                "about exp(709.78)); scale the input down first"
            ) from None
        return new_node(out, "exp", (self,), (out,))

    def log(self) -> Value:
        """out = ln(a), the natural logarithm.   d(out)/da = 1/a"""
        if self.data <= 0.0:
            raise ValueError(f"log needs a positive number, got log({self.data!r})")
        return new_node(math.log(self.data), "log", (self,), (1.0 / self.data,))

    def tanh(self) -> Value:
        """out = tanh(a).   d(out)/da = 1 - tanh(a)**2 = 1 - out**2"""
        out = math.tanh(self.data)  # math.tanh gives ±1.0 for ±1000, no overflow
        return new_node(out, "tanh", (self,), (1.0 - out * out,))

    def sigmoid(self) -> Value:
        """out = 1 / (1 + e**-a).   d(out)/da = out * (1 - out)"""
        # Only ever call exp on a number <= 0, so it cannot overflow.
        if self.data >= 0.0:
            out = 1.0 / (1.0 + math.exp(-self.data))
        else:
            e = math.exp(self.data)
            out = e / (1.0 + e)
        return new_node(out, "sigmoid", (self,), (out * (1.0 - out),))

    def relu(self) -> Value:
        """out = max(0, a).   d(out)/da = 1 if a > 0 else 0

        A NaN stays NaN, as in PyTorch: "NaN <= 0" is False, so it is passed
        on (slope 1), never turned into a harmless-looking 0.
        """
        if self.data <= 0.0:
            return new_node(0.0, "relu", (self,), _ZERO)
        return new_node(self.data, "relu", (self,), _ONE)

    # ------------------------------------------------------------ backward
    def backward(self) -> None:
        """Fill `.grad` of every Value this one depends on: d(self)/d(that).

        Interior nodes get this sweep's gradient; leaves (inputs, weights)
        add it to what they had, so gradients accumulate across calls, as in
        PyTorch (clear them with `zero_grad`).
        The chain rule itself lives in `engine/graph.py`.
        """
        backward(self)


class Constant(Value):
    """A plain number that an operator wrapped into a leaf: the 2 in `x * 2`.

    The same as a Value in every way; only drawings tell it apart from a
    Value the user made (which always shows its data and grad).
    """

    __slots__ = ()  # no extra memory per node


def new_node(
    data: float,
    op: str,
    parents: tuple[Value, ...],
    local_grads: tuple[float, ...],
) -> Value:
    """Make the output of an operation: its value and, for each parent,
    d(output)/d(parent).

    Every operation, in this file and in `engine/sums.py`, ends here. Inside
    `no_grad()` (in this thread) the output is a plain leaf that remembers
    nothing.
    """
    out = Value.__new__(Value)  # skips __init__'s type check: data is a float
    out.data = data
    out.grad = 0.0
    out.label = ""
    # No no_grad() open in any thread (nearly always): record without asking.
    if not grad_mode.open_blocks or _recording.get():
        out.op = op
        out.parents = parents
        out.local_grads = local_grads
    else:
        out.op = ""
        out.parents = ()
        out.local_grads = ()
    return out


def _compared(other: object) -> float | None:
    """The number to compare a Value with, or None (then Python raises its
    usual TypeError: "'<' not supported between 'Value' and 'str'")."""
    if isinstance(other, Value):
        return other.data
    if isinstance(other, Real) and not isinstance(other, bool):
        return other
    return None


def _as_value(x: Value | Number) -> Value:
    """Wrap a plain number as a constant leaf; a Value stays as it is."""
    return x if isinstance(x, Value) else Constant(x)


def _checked_power(base: float, exponent: float) -> float:
    """base ** exponent, or a clear error where it is not a real number."""
    if base == 0.0 and exponent < 0.0:
        raise ZeroDivisionError(
            f"0 to a negative power is 1/0: {base!r} ** {exponent!r}"
        )
    # (NaN is not an integer, but (-2) ** nan is simply nan, not an error.)
    if base < 0.0 and not exponent.is_integer() and not math.isnan(exponent):
        raise ValueError(
            "a negative number to a non-integer power is not a real number: "
            f"{base!r} ** {exponent!r}"
        )
    try:
        return base**exponent
    except OverflowError:
        raise OverflowError(
            f"{base!r} ** {exponent!r} is too large for a float"
        ) from None


def _power_slope(base: float, exponent: float) -> float:
    """d(base**exponent)/d(base) = exponent * base**(exponent-1)."""
    if exponent == 0.0:
        return 0.0  # a**0 is the constant 1
    if base == 0.0 and exponent < 1.0:
        return math.inf  # e.g. sqrt at 0: the curve stands vertical
    try:
        return exponent * _checked_power(base, exponent - 1.0)
    except OverflowError:
        # Name the power the user wrote, not the exponent - 1 used here.
        raise OverflowError(
            f"the slope of {base!r} ** {exponent!r}, which is {exponent!r} * "
            f"{base!r} ** {exponent - 1.0!r}, is too large for a float"
        ) from None


def _power(base: Value, exponent: Value) -> Value:
    """out = a ** b with both a Value.

    d(out)/da = b * a**(b-1),   d(out)/db = a**b * ln(a)
    """
    a, b = base.data, exponent.data
    out = _checked_power(a, b)
    if a == 0.0:
        d_exponent = (
            0.0  # 0**b stays 0 as b moves (b >= 0 here; 0**0 = 1 is PyTorch's 0 too)
        )
    elif not a < 0.0:  # a > 0, or NaN, which ln passes on as NaN
        d_exponent = out * math.log(a)
    else:
        raise ValueError(
            f"{a!r} ** Value({b!r}): the slope with respect to the exponent "
            "needs ln(base), which does not exist for a negative base; "
            "use a number exponent instead"
        )
    return new_node(out, "**", (base, exponent), (_power_slope(a, b), d_exponent))


# Imported last: graph.py is plain functions over Values and needs nothing
# from this file, but Value.backward above calls into it.
from engine.graph import backward  # noqa: E402
