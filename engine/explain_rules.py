"""The local derivative rules in words, and formulas with their numbers.

`formula(node, names)` says how a node was computed ("z = w1·x1 + b");
`local_rule` spells out the local derivative that each operation of
value.py, sums.py and nn's fused losses records as a number; `rule_notes`
says what a letter in a rule stands for (the p_k of cross_entropy);
`recompute` does the node's operation on the shown, rounded numbers, so that
explain can tell "=" from "≈".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from engine.explain_numbers import equals, factor, fmt, shown, worked_out

if TYPE_CHECKING:
    from engine.value import Value

# The words in rules and notes (explain.py has the trace's own words).
_WORDS = {
    "en": {
        "dot": "∂{out}/∂(weight i) = input i, ∂{out}/∂(input i) = weight i",
        "softmax": "p{k} = softmax probability of class {k} = e**{z} / Σ e**z = {p}",
        "target": "y = the target (the right answer) = {y}",
        "label": "y = the example's label (+1 or -1) = {y}",
    },
    "fi": {
        "dot": "∂{out}/∂(paino i) = syöte i, ∂{out}/∂(syöte i) = paino i",
        "softmax": "p{k} = luokan {k} todennäköisyys softmaxista "
        "= e**{z} / Σ e**z = {p}",
        "target": "y = tavoite (oikea vastaus) = {y}",
        "label": "y = esimerkin luokka (+1 tai -1) = {y}",
    },
}

# Dot nodes with more weights than this are described by the pattern alone.
_SPELL_OUT_AT_MOST = 3


def _exponent(op: str) -> str:
    """The k of a power-by-a-number op named "**k" (e.g. "**2" -> "2")."""
    return op[2:]


def _dot_parts(node: Value) -> tuple[int, bool]:
    """(number of weights, has a bias) of a "Σ w·x" / "Σ w·x + b" node."""
    has_bias = node.op == "Σ w·x + b"
    n = (len(node.parents) - has_bias) // 2
    return n, has_bias


def formula(node: Value, names: dict[Value, str], numbers: bool = False) -> str:
    """How `node` was computed, in its parents' names: "z = w1·x1 + b".

    With `numbers=True` the same formula follows with the parents' values put
    in, then the result: "z = w1·x1 + b = 2.0000·0.5000 + 1.0000 = 2.0000"
    (for nodes with up to seven parents; longer sums stay in names only),
    joined by ≈ where the shown values do not give the shown result.
    """
    name = names[node]
    if not node.op:
        return name  # a leaf: an input, a weight or a constant
    text = f"{name} = {_body(node, [names[p] for p in node.parents])}"
    if numbers:
        sign = "="
        if len(node.parents) <= 7:
            text += " = " + _body(node, [factor(p.data) for p in node.parents])
            sign = equals(recompute(node), fmt(node.data))
        text += f" {sign} {fmt(node.data)}"
    return text


def recompute(node: Value) -> Decimal | float | None:
    """The node's op applied to its parents' *shown* (rounded) values: what
    a student gets by hand. Exact for sums and products; None for an op
    whose inputs are not all shown (a fused loss's target, a custom op)."""
    op = node.op
    xs = [shown(p.data) for p in node.parents]
    if op == "Σ w·x + b" or op == "Σ w·x":
        n, has_bias = _dot_parts(node)
        if n > _SPELL_OUT_AT_MOST + 1:
            return None  # shortened with "…": not all numbers are shown
        products = [xs[i] * xs[n + i] for i in range(n)]
        return worked_out(lambda: sum(products, xs[-1] if has_bias else Decimal(0)))
    if op in ("Σ", "mean") and len(xs) > _SPELL_OUT_AT_MOST + 1:
        return None
    exact = {
        "+": lambda: xs[0] + xs[1],
        "-": lambda: xs[0] - xs[1],
        "*": lambda: xs[0] * xs[1],
        "/": lambda: xs[0] / xs[1],
        "neg": lambda: -xs[0],
        "relu": lambda: max(xs[0], Decimal(0)),
        "Σ": lambda: sum(xs, Decimal(0)),
        "mean": lambda: sum(xs, Decimal(0)) / len(xs),
    }
    if op in exact:
        return worked_out(exact[op])
    f = [float(x) for x in xs]
    by_float = {
        "exp": lambda: math.exp(f[0]),
        "log": lambda: math.log(f[0]),
        "tanh": lambda: math.tanh(f[0]),
        "sigmoid": lambda: 1 / (1 + math.exp(-f[0])),
        "**": lambda: f[0] ** f[1],
        "cross_entropy": lambda: _log_sum_exp(f) - f[_right_class(node)],
    }
    if op.startswith("**") and op != "**":
        by_float[op] = lambda: f[0] ** float(_exponent(op))
    if op not in by_float:
        return None
    try:
        return by_float[op]()
    except (ArithmeticError, ValueError):
        return None


def _log_sum_exp(zs: Sequence[float]) -> float:
    top = max(zs)
    return top + math.log(math.fsum(math.exp(z - top) for z in zs))


def _body(node: Value, p: list[str]) -> str:
    """The right-hand side of `formula`, with `p` standing for the parents."""
    op = node.op
    if op in ("+", "-", "/"):
        return f"{p[0]} {op} {p[1]}"
    if op == "*":
        return f"{p[0]} · {p[1]}"
    if op == "**":
        return f"{p[0]} ** {p[1]}"
    if op.startswith("**"):
        return f"{p[0]}**{_exponent(op)}"
    if op == "neg":
        return f"-{p[0]}"
    if op == "Σ":
        return " + ".join(_shorten(p))
    if op in ("Σ w·x", "Σ w·x + b"):
        n, has_bias = _dot_parts(node)
        terms = _shorten([f"{p[i]}·{p[n + i]}" for i in range(n)])
        return " + ".join(terms + ([p[-1]] if has_bias else []))
    # exp, log, tanh, sigmoid, relu, mean and any custom op: no brackets
    # needed around a negative number inside the function's own brackets
    args = [a[1:-1] if a.startswith("(-") else a for a in p]
    return f"{op}({', '.join(_shorten(args))})"


def _shorten(terms: list[str], keep: int = 3) -> list[str]:
    """Long lists of terms as first two, …, last."""
    if len(terms) <= keep + 1:
        return terms
    return [*terms[: keep - 1], "…", terms[-1]]


def local_name(node: Value, parent: Value, names: dict[Value, str]) -> str:
    """The local derivative's name, ∂node/∂parent (not a gradient dL/d...)."""
    return f"∂{names[node]}/∂{names[parent]}"


def local_rule(node: Value, slot: int, names: dict[Value, str]) -> str:
    """∂(node)/∂(parent number `slot`) as a formula, e.g. "1 - z²".

    These are the rules that each operation in value.py and sums.py records
    as a number in `local_grads`; here they are spelled out for the reader.
    Returns "" for an op this file does not know (a custom `new_node`).
    Letters that are not node names (the p_k of cross_entropy, a loss's
    target y) are said in words by `rule_notes`.
    """
    p = [names[parent] for parent in node.parents]
    out, op = names[node], node.op
    if op in ("+", "Σ"):
        return "1"
    if op == "-":
        return "1" if slot == 0 else "-1"
    if op == "*":
        return p[1 - slot]  # d(a·b)/da = b, d(a·b)/db = a
    if op == "/":
        return f"1/{p[1]}" if slot == 0 else f"-{p[0]}/{p[1]}²"
    if op == "**":
        return f"{p[1]}·{p[0]}**({p[1]} - 1)" if slot == 0 else f"{out}·ln({p[0]})"
    if op.startswith("**"):
        k = float(_exponent(op))
        return f"{k:g}·{p[0]}**{k - 1:g}" if k != 2 else f"2·{p[0]}"
    if op == "mean":
        return f"1/{len(p)}"
    if op in ("Σ w·x", "Σ w·x + b"):
        n, _ = _dot_parts(node)
        if slot < n:
            return p[n + slot]  # d/d(weight i) = input i
        if slot < 2 * n:
            return p[slot - n]  # d/d(input i) = weight i
        return "1"  # the bias
    if op == "cross_entropy":  # out = log Σ e**z_k - z_t (nn/losses.py)
        return f"p{slot + 1} - 1" if slot == _right_class(node) else f"p{slot + 1}"
    if op in _FUSED_RULES:
        return _FUSED_RULES[op](slot, p, node.local_grads[slot])
    return {
        "neg": "-1",
        "exp": out,  # d(e**a)/da = e**a
        "log": f"1/{p[0] if p else ''}",
        "tanh": f"1 - {out}²",
        "sigmoid": f"{out}·(1 - {out})",
        "relu": f"1 if {p[0] if p else ''} > 0 else 0",
    }.get(op, "")


# Loss nodes that nn builds in one piece (fused, see nn/losses.py), by name:
# (slot, parent names, the recorded number) -> the rule in words. Only the
# names are known here; the engine does not import nn.
_FUSED_RULES = {
    "squared_error": lambda k, p, g: (
        (f"2·({p[0]} - {p[1]})" if k == 0 else f"-2·({p[0]} - {p[1]})")
        if len(p) == 2
        else f"2·({p[0]} - y)"
    ),
    "bce": lambda k, p, g: f"sigmoid({p[0]}) - y",
    "hinge": lambda k, p, g: "-y" if g else "0 (margin met)",
    "l2": lambda k, p, g: f"2·{p[k]}",
}


def rule_notes(node: Value, names: dict[Value, str], lang: str = "en") -> list[str]:
    """What the letters in `local_rule` stand for, with their numbers:
    "p2 = softmax probability of class 2 = … = 0.1753"."""
    words = _WORDS[lang]
    zs = [p.data for p in node.parents]
    if node.op == "cross_entropy":
        log_total = _log_sum_exp(zs)
        return [
            words["softmax"].format(
                k=k, z=names[z], p=fmt(math.exp(z.data - log_total))
            )
            for k, z in enumerate(node.parents, 1)
        ]
    # The target is not a node; it follows from the recorded derivative.
    if node.op == "squared_error" and len(zs) == 1:
        return [words["target"].format(y=fmt(zs[0] - node.local_grads[0] / 2))]
    if node.op == "bce":
        sig = 1 / (1 + math.exp(-zs[0])) if zs[0] > -700 else 0.0
        return [words["target"].format(y=fmt(sig - node.local_grads[0]))]
    if node.op == "hinge" and node.local_grads[0]:
        return [words["label"].format(y=f"{-node.local_grads[0]:+g}")]
    return []


def _right_class(node: Value) -> int:
    """The right class t of a cross_entropy node, which is not stored.

    Its local derivatives are p_k = softmax(z)_k, minus 1 for k = t. So
    local_grad - p_k is -1 at t and 0 elsewhere, also when p_t rounds to
    1.0 and the local derivative at t is 0, as it is for a far-off class.
    """
    zs = [parent.data for parent in node.parents]
    top = max(zs)  # subtracted so that exp cannot overflow, as in softmax
    exps = [math.exp(z - top) for z in zs]
    all_exps = math.fsum(exps)
    return min(range(len(zs)), key=lambda k: node.local_grads[k] - exps[k] / all_exps)


def local_rules(node: Value, names: dict[Value, str], lang: str = "en") -> str:
    """All of a node's local derivatives in one line: "∂z/∂w1 = x1, ..."."""
    out = names[node]
    if node.op in ("Σ w·x", "Σ w·x + b"):
        n, has_bias = _dot_parts(node)
        if n > _SPELL_OUT_AT_MOST:
            text = _WORDS[lang]["dot"].format(out=out)
            return text + (
                f", ∂{out}/∂{names[node.parents[-1]]} = 1" if has_bias else ""
            )
    rules = []
    seen: set[Value] = set()
    for slot, parent in enumerate(node.parents):
        rule = local_rule(node, slot, names)
        if not rule or (parent in seen and node.op == "*"):
            continue  # unknown op, or the second factor of a·a (same rule)
        seen.add(parent)
        rules.append(f"{local_name(node, parent, names)} = {rule}")
    return ", ".join(_shorten(rules, keep=6))
