"""explain(): backpropagation told one chain-rule step at a time, in words.

    from engine import Value, explain
    x, w = Value(2.0, label="x"), Value(0.5, label="w")
    L = (w * x).tanh()
    L.label = "L"
    print(explain(L))

`backward()` walks the graph from L back to the leaves and, along every
edge node -> parent, does one line of the chain rule:

    dL/d(parent) += ∂(node)/∂(parent) · dL/d(node)
                    (local derivative)  (upstream gradient)

`explain` does the very same sweep (through `backward_steps`) and writes
each of those lines out with its numbers, in the order they happen:

    dL/dw += ∂z/∂w · dL/dz = 2.0000 · 0.5000 = 1.0000   (w.grad now 1.0000)

Two kinds of derivative, two names: ∂z/∂w is the *local* derivative of one
operation (z moves by it when only w moves), noted in the forward pass;
dL/dw is the *gradient*, how the root L moves, through the whole graph.

Numbers are shown rounded to four decimals. `=` means a student who
works with the shown numbers gets the shown result (rounded half up to
four decimals); `≈` means the result, computed from the unrounded numbers,
differs a little from what the shown ones give (see explain_numbers.py).

Nodes are called by their labels; a node without one gets a short made-up
name (n1, n2, ... in the order the forward pass computed them), the same on
every run. When another name starts with the root's (the loss `L` and the
layer labels `L1.N2.w1` of a network), the root is called `loss` instead,
so that no `dL/dL1...` can be misread.

Like `backward()`, `explain()` fills in the `.grad`s. (During the sweep
"w1.grad now" is this sweep's sum so far; a leaf that had a grad from an
earlier backward gets it added back at the end, exactly as backward does.)
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from engine.explain_numbers import equals, fmt, product, total
from engine.explain_rules import (
    formula,
    local_name,
    local_rule,
    local_rules,
    recompute,
    rule_notes,
)
from engine.graph import ChainRuleStep, backward_steps, check_root, topo_sort

if TYPE_CHECKING:
    from engine.value import Value

# The trace is told here; the rules in words and the formulas are in
# explain_rules.py, how numbers are rounded and compared in explain_numbers.py.
__all__ = [
    "Explanation",
    "equals",
    "explain",
    "fmt",
    "formula",
    "header",
    "local_name",
    "local_rule",
    "local_rules",
    "node_names",
    "product",
    "recompute",
    "rule_notes",
    "step_line",
    "total",
]

# The few words of the trace, so that a Finnish walkthrough can show it too.
_WORDS = {
    "en": {
        "title": "Backpropagation from {root} = {data}",
        "renamed": "({root} is the value labelled {label}; other labels start "
        "with {label} too, like {example})",
        "rule": "Each line is the chain rule: "
        "d{root}/d(parent) += ∂(node)/∂(parent) · d{root}/d(node)",
        "legend": "∂(node)/∂(parent): the local derivative of one operation; "
        "d{root}/d(...): the gradient, how {root} moves",
        "rounding": "Numbers are rounded to 4 decimals; ≈: computed from the "
        "unrounded numbers, the rounded ones give a slightly different result",
        "seed": "d{root}/d{root} = 1.0000   (the start: {root} moves one-for-one "
        "with itself)",
        "node": "d{root}/d{name} = {grad} is complete: pass it back to {count}",
        "local": "local derivatives: ",
        "parents": "its parent|its {n} parents",
        "now": "now",
        "reused": "{name} is used {n} times here: each use adds its own share",
        "focus": "(only the steps on the paths {root} → … → {focus})",
        "result": "Result: the gradient of {root} with respect to each leaf",
        "result_focus": "Result: the gradient of {root} with respect to {focus}",
    },
    "fi": {
        "title": "Takaisinleviäminen solmusta {root} = {data}",
        "renamed": "({root} on luku, jonka nimi on {label}; muutkin nimet "
        "alkavat {label}, kuten {example})",
        "rule": "Jokainen rivi on ketjusääntö: "
        "d{root}/d(vanhempi) += ∂(solmu)/∂(vanhempi) · d{root}/d(solmu)",
        "legend": "∂(solmu)/∂(vanhempi): yhden laskutoimituksen paikallinen "
        "derivaatta; d{root}/d(...): gradientti, kuinka {root} muuttuu",
        "rounding": "Luvut on pyöristetty 4 desimaaliin; ≈: laskettu "
        "pyöristämättömistä luvuista, pyöristetyt antavat hieman eri tuloksen",
        "seed": "d{root}/d{root} = 1.0000   (alku: {root} muuttuu yksi yhteen "
        "itsensä kanssa)",
        "node": "d{root}/d{name} = {grad} on valmis: välitä se {count}",
        "local": "paikalliset derivaatat: ",
        "parents": "vanhemmalle|{n} vanhemmalle",
        "now": "nyt",
        "reused": "{name} on tässä käytössä {n} kertaa: jokainen käyttö lisää "
        "oman osuutensa",
        "focus": "(vain askeleet polulla {root} → … → {focus})",
        "result": "Tulos: d{root}/d(lehti) jokaiselle lehtisolmulle",
        "result_focus": "Tulos: {root}:n derivaatta solmun {focus} suhteen",
    },
}
# What the root is called when its own name is the start of another name.
_ROOT_NAMES = ("loss", "out", "root")


class Explanation(str):
    """The text of `explain`: a plain `str`, which a notebook shows as text.

    As the last line of a Jupyter cell, a bare str would show as one quoted
    line full of \\n; this one prints its lines (IPython) or shows them as
    preformatted HTML (JupyterLab, VS Code, Colab).
    """

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        return f"<pre>{html.escape(str(self))}</pre>"


def _name_clashes(name: str, others: Iterable[str]) -> bool:
    return any(other != name and other.startswith(name) for other in others)


def node_names(root: Value) -> dict[Value, str]:
    """A short, unique, stable name for every node in root's graph.

    A node's label is its name. Unlabelled nodes are numbered n1, n2, ... in
    topological order (the order the forward pass computed them), skipping
    numbers that a label already uses. When two nodes share a label, the
    later ones get #2, #3, ... (skipping any that is a label already), so
    every line of a trace is unambiguous. When another name starts with the
    root's name, the root is called loss (or out, or root) instead, so that
    `dL/dL1.N1.w1` cannot be read as a derivative of L1.
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
    others = [name for node, name in names.items() if node is not root]
    if _name_clashes(names[root], others):
        for candidate in _ROOT_NAMES:
            if candidate not in others and not _name_clashes(candidate, others):
                names[root] = candidate
                break
    return names


def step_line(
    step: ChainRuleStep,
    names: dict[Value, str],
    root_name: str,
    lang: str = "en",
    before: float = 0.0,
) -> str:
    """One chain-rule step as one line of arithmetic.

    dL/dw1 += ∂z/∂w1 · dL/dz = 2.0000 · 0.5000 = 1.0000   (w1.grad now 1.0000)

    `before` is the parent's grad before this step (in this sweep); when it
    is not 0 the "now" part adds up: (a.grad now 3.0000 + 3.0000 = 6.0000).
    Call it right when `backward_steps` yields the step: the "now" part
    reads `parent.grad`, which later steps may still change.
    """
    node, parent = names[step.node], names[step.parent]
    now = _WORDS[lang]["now"]
    grad = step.parent.grad
    after = fmt(grad) if before == 0.0 else total(before, step.contribution, grad)
    return (
        f"d{root_name}/d{parent} += {local_name(step.node, step.parent, names)}"
        f" · d{root_name}/d{node}"
        f" = {product(step.local_grad, step.upstream_grad, step.contribution)}"
        f"   ({parent}.grad {now} {after})"
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


def header(root: Value, names: dict[Value, str], lang: str = "en") -> list[str]:
    """The trace's first lines: title, the chain rule, what ∂, d and ≈ mean."""
    words = _WORDS[lang]
    r = names[root]
    lines = [words["title"].format(root=r, data=fmt(root.data))]
    if root.label and r != root.label:
        clash = next(n for n in names.values() if n.startswith(root.label))
        lines.append(words["renamed"].format(root=r, label=root.label, example=clash))
    lines.append(words["rule"].format(root=r))
    lines.append(words["legend"].format(root=r))
    lines.append(words["rounding"])
    return lines


def explain(root: Value, focus: Value | None = None, lang: str = "en") -> Explanation:
    """Run backward from `root` and return every chain-rule step as text.

    With `focus` (a Value in root's graph) only the steps that lead from root
    back to that one value are shown: the ones that make up d(root)/d(focus).
    All grads are still computed, exactly as `backward(root)` would.
    `lang` is "en" or "fi" for the words around the arithmetic. The result
    is a str (an `Explanation`, which also shows well in a notebook).
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
    lines = header(root, names, lang)
    if focus is not None:
        lines.append(words["focus"].format(root=r, focus=names[focus]))
    lines += ["", words["seed"].format(root=r)]
    current = None
    before: dict[Value, float] = {}  # each parent's grad so far in this sweep
    for step in backward_steps(root):
        was = before.get(step.parent, 0.0)
        before[step.parent] = step.parent.grad
        if step.parent not in keep:
            continue
        if step.node is not current:
            current = step.node
            lines += ["", *_node_header(step, names, r, words, lang)]
        lines.append("    " + step_line(step, names, r, lang, before=was))
    if focus is None:
        lines += ["", words["result"].format(root=r)]
        shown_nodes = _leaves(names, keep)
    else:  # the one gradient asked for, also when focus is not a leaf
        lines += ["", words["result_focus"].format(root=r, focus=names[focus])]
        shown_nodes = [focus]
    lines += [f"    d{r}/d{names[node]} = {fmt(node.grad)}" for node in shown_nodes]
    return Explanation("\n".join(lines))


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
    lines += ["    " + note for note in rule_notes(node, names, lang)]
    for parent in dict.fromkeys(node.parents):
        uses = node.parents.count(parent)
        if uses > 1:
            lines.append("  " + words["reused"].format(name=names[parent], n=uses))
    return lines


def _leaves(names: dict[Value, str], keep: Iterable[Value]) -> list[Value]:
    keep = set(keep)
    return [node for node in names if not node.parents and node in keep]
