"""explain(): backpropagation told one chain-rule step at a time, in words.

    from engine import Value, explain
    x, w = Value(2.0, label="x"), Value(0.5, label="w")
    L = (w * x).tanh()
    L.label = "L"
    print(explain(L))

`backward()` walks the graph from L back to the leaves and, along every
edge node -> parent, does one line of the chain rule:

    dL/d(parent) += d(node)/d(parent) · dL/d(node)
                    (local derivative)  (upstream gradient)

`explain` does the very same sweep (through `backward_steps`) and writes
each of those lines out with its numbers, in the order they happen:

    dL/dw += dz/dw · dL/dz = 2.0000 · 0.5000 = 1.0000   (w.grad now 1.0000)

Nodes are called by their labels; a node without one gets a short made-up
name (n1, n2, ... in the order the forward pass computed them), the same on
every run. Like `backward()`, `explain()` fills in the `.grad`s. (During the
sweep "w1.grad now" is this sweep's sum so far; a leaf that had a grad from an
earlier backward gets it added back at the end, exactly as backward does.)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from engine.graph import ChainRuleStep, backward_steps, check_root, topo_sort

if TYPE_CHECKING:
    from engine.value import Value

# The few words of the trace, so that a Finnish walkthrough can show it too.
_WORDS = {
    "en": {
        "title": "Backpropagation from {root} = {data}",
        "rule": "Each line is the chain rule: "
        "d{root}/d(parent) += d(node)/d(parent) · d{root}/d(node)",
        "seed": "d{root}/d{root} = 1.0000   (the start: {root} moves one-for-one "
        "with itself)",
        "node": "d{root}/d{name} = {grad} is complete: pass it back to {count}",
        "local": "local derivatives: ",
        "dot": "d{out}/d(weight i) = input i, d{out}/d(input i) = weight i",
        "parents": "its parent|its {n} parents",
        "now": "now",
        "reused": "{name} is used {n} times here: each use adds its own share",
        "focus": "(only the steps on the paths {root} → … → {focus})",
        "result": "Result: the gradient of {root} with respect to each leaf",
        "result_focus": "Result: the gradient of {root} with respect to {focus}",
    },
    "fi": {
        "title": "Takaisinleviäminen solmusta {root} = {data}",
        "rule": "Jokainen rivi on ketjusääntö: "
        "d{root}/d(vanhempi) += d(solmu)/d(vanhempi) · d{root}/d(solmu)",
        "seed": "d{root}/d{root} = 1.0000   (alku: {root} muuttuu yksi yhteen "
        "itsensä kanssa)",
        "node": "d{root}/d{name} = {grad} on valmis: välitä se {count}",
        "local": "paikalliset derivaatat: ",
        "dot": "d{out}/d(paino i) = syöte i, d{out}/d(syöte i) = paino i",
        "parents": "vanhemmalle|{n} vanhemmalle",
        "now": "nyt",
        "reused": "{name} on tässä käytössä {n} kertaa: jokainen käyttö lisää "
        "oman osuutensa",
        "focus": "(vain askeleet polulla {root} → … → {focus})",
        "result": "Tulos: d{root}/d(lehti) jokaiselle lehtisolmulle",
        "result_focus": "Tulos: {root}:n derivaatta solmun {focus} suhteen",
    },
}

# Dot nodes with more weights than this are described by the pattern alone.
_SPELL_OUT_AT_MOST = 3


def fmt(x: float) -> str:
    """A number as the trace shows it: four decimals, like `draw_dot`."""
    return f"{x:.4f}"


def node_names(root: Value) -> dict[Value, str]:
    """A short, unique, stable name for every node in root's graph.

    A node's label is its name. Unlabelled nodes are numbered n1, n2, ... in
    topological order (the order the forward pass computed them), skipping
    numbers that a label already uses. When two nodes share a label, the
    later ones get #2, #3, ... (skipping any that is a label already), so
    every line of a trace is unambiguous.
    """
    order = topo_sort(root)
    labels = {node.label for node in order if node.label}
    names: dict[Value, str] = {}
    taken: set[str] = set()  # the names given so far
    times_seen: dict[str, int] = {}
    counter = 0
    for node in order:
        if node.label:
            name = node.label
            # A repeated label takes the next #2, #3, ... that no other
            # node has, given or as its own label ("w", "w", "w#2").
            while name in taken or (name != node.label and name in labels):
                times_seen[node.label] = times_seen.get(node.label, 1) + 1
                name = f"{node.label}#{times_seen[node.label]}"
            names[node] = name
            taken.add(name)
            continue
        counter += 1
        while f"n{counter}" in labels:
            counter += 1
        names[node] = f"n{counter}"
    return names


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
    (for nodes with up to seven parents; longer sums stay in names only).
    """
    name = names[node]
    if not node.op:
        return name  # a leaf: an input, a weight or a constant
    text = f"{name} = {_body(node, [names[p] for p in node.parents])}"
    if numbers:
        if len(node.parents) <= 7:
            text += " = " + _body(node, [_factor(p.data) for p in node.parents])
        text += f" = {fmt(node.data)}"
    return text


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


def local_rule(node: Value, slot: int, names: dict[Value, str]) -> str:
    """d(node)/d(parent number `slot`) as a formula, e.g. "1 - z²".

    These are the rules that each operation in value.py and sums.py records
    as a number in `local_grads`; here they are spelled out for the reader.
    Returns "" for an op this file does not know (a custom `new_node`).
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
    "squared_error": lambda k, p, g: "2·(p - y)" if k == 0 else "-2·(p - y)",
    "bce": lambda k, p, g: "sigmoid(z) - y",
    "hinge": lambda k, p, g: "-y" if g else "0 (margin met)",
    "l2": lambda k, p, g: f"2·{p[k]}",
}


def _right_class(node: Value) -> int:
    """The right class t of a cross_entropy node, which is not stored.

    Its local derivatives are p_k = softmax(z)_k, minus 1 for k = t. So
    local_grad - p_k is -1 at t and 0 elsewhere, also when p_t rounds to
    1.0 and the local derivative at t is 0, as it is for a far-off class.
    """
    zs = [parent.data for parent in node.parents]
    top = max(zs)  # subtracted so that exp cannot overflow, as in softmax
    exps = [math.exp(z - top) for z in zs]
    total = math.fsum(exps)
    return min(range(len(zs)), key=lambda k: node.local_grads[k] - exps[k] / total)


def local_rules(node: Value, names: dict[Value, str], lang: str = "en") -> str:
    """All of a node's local derivatives in one line: "dz/dw1 = x1, ..."."""
    out = names[node]
    if node.op in ("Σ w·x", "Σ w·x + b"):
        n, has_bias = _dot_parts(node)
        if n > _SPELL_OUT_AT_MOST:
            text = _WORDS[lang]["dot"].format(out=out)
            return text + (
                f", d{out}/d{names[node.parents[-1]]} = 1" if has_bias else ""
            )
    rules = []
    seen: set[Value] = set()
    for slot, parent in enumerate(node.parents):
        rule = local_rule(node, slot, names)
        if not rule or (parent in seen and node.op == "*"):
            continue  # unknown op, or the second factor of a·a (same rule)
        seen.add(parent)
        rules.append(f"d{out}/d{names[parent]} = {rule}")
    return ", ".join(_shorten(rules, keep=6))


def _factor(x: float) -> str:
    """A number to be multiplied: negative ones in brackets, 2 · (-1)."""
    return f"({fmt(x)})" if x < 0 else fmt(x)


def step_line(
    step: ChainRuleStep, names: dict[Value, str], root_name: str, lang: str = "en"
) -> str:
    """One chain-rule step as one line of arithmetic.

    dL/dw1 += dz/dw1 · dL/dz = 2.0000 · 0.5000 = 1.0000   (w1.grad now 1.0000)

    Call it right when `backward_steps` yields the step: the "now" part
    reads `parent.grad`, which later steps may still change.
    """
    node, parent = names[step.node], names[step.parent]
    now = _WORDS[lang]["now"]
    return (
        f"d{root_name}/d{parent} += d{node}/d{parent} · d{root_name}/d{node}"
        f" = {fmt(step.local_grad)} · {_factor(step.upstream_grad)}"
        f" = {fmt(step.contribution)}   ({parent}.grad {now} {fmt(step.parent.grad)})"
    )


def _on_the_way(root: Value, focus: Value) -> set[Value]:
    """The nodes that depend on `focus` (focus included): the ones that lie
    on some path from root back to focus."""
    depends: set[Value] = {focus}
    for node in topo_sort(root):  # parents come first, so one pass is enough
        if any(parent in depends for parent in node.parents):
            depends.add(node)
    return depends


def _count(n: int, lang: str) -> str:
    one, many = _WORDS[lang]["parents"].split("|")
    return one if n == 1 else many.format(n=n)


def explain(root: Value, focus: Value | None = None, lang: str = "en") -> str:
    """Run backward from `root` and return every chain-rule step as text.

    With `focus` (a Value in root's graph) only the steps that lead from root
    back to that one value are shown: the ones that make up d(root)/d(focus).
    All grads are still computed, exactly as `backward(root)` would.
    `lang` is "en" or "fi" for the words around the arithmetic.
    """
    check_root(root, "explain")
    if focus is not None:
        check_root(focus, "explain's focus")
    if not isinstance(lang, str) or lang not in _WORDS:
        raise ValueError(f"explain: lang must be one of {sorted(_WORDS)}, got {lang!r}")
    words = _WORDS[lang]
    names = node_names(root)
    if focus is not None and focus not in names:
        raise ValueError(
            f"explain: focus {focus!r} is not in the graph of {names[root]}"
        )
    r = names[root]
    keep = _on_the_way(root, focus) if focus is not None else set(names)
    lines = [
        words["title"].format(root=r, data=fmt(root.data)),
        words["rule"].format(root=r),
    ]
    if focus is not None:
        lines.append(words["focus"].format(root=r, focus=names[focus]))
    lines += ["", words["seed"].format(root=r)]
    current = None
    for step in backward_steps(root):
        if step.parent not in keep:
            continue
        if step.node is not current:
            current = step.node
            lines += ["", *_node_header(step, names, r, words, lang)]
        lines.append("    " + step_line(step, names, r, lang))
    if focus is None:
        lines += ["", words["result"].format(root=r)]
        shown = _leaves(names, keep)
    else:  # the one gradient asked for, also when focus is not a leaf
        lines += ["", words["result_focus"].format(root=r, focus=names[focus])]
        shown = [focus]
    lines += [f"    d{r}/d{names[node]} = {fmt(node.grad)}" for node in shown]
    return "\n".join(lines)


def _node_header(
    step: ChainRuleStep,
    names: dict[Value, str],
    r: str,
    words: dict[str, str],
    lang: str,
) -> list[str]:
    """Where the sweep is now: the node, its value, its complete gradient,
    and the local derivatives it is about to pass back."""
    node = step.node
    complete = words["node"].format(
        root=r,
        name=names[node],
        grad=fmt(step.upstream_grad),
        count=_count(len(node.parents), lang),
    )
    lines = [formula(node, names, numbers=True), "  " + complete]
    rules = local_rules(node, names, lang)
    if rules:
        lines.append("  " + words["local"] + rules)
    for parent in dict.fromkeys(node.parents):
        uses = node.parents.count(parent)
        if uses > 1:
            lines.append("  " + words["reused"].format(name=names[parent], n=uses))
    return lines


def _leaves(names: dict[Value, str], keep: Iterable[Value]) -> list[Value]:
    keep = set(keep)
    return [node for node in names if not node.parents and node in keep]
