"""The stepper's steps: what each one says, lights up and fills in.

`build_steps` replays the forward pass node by node and the backward pass
edge by edge (through `backward_steps`, exactly as `backward()` runs it);
`roles`, `layers`, `jumps` and `focus_path` give the page what it needs to
colour the boxes and to jump to a phase, a layer or the path to one value.
All of it is plain data: the page only shows it.
"""

from __future__ import annotations

import re
from typing import Any

from demos.stepper.text import TEXT
from engine import Value, backward_steps, topo_sort
from engine.explain import (
    fmt,
    formula,
    local_name,
    local_rule,
    rule_notes,
    step_line,
    total,
)

# nn's labels: "L2.N3.w1" is layer 2, neuron 3 (also L2.N3.s and L2.N3.z).
LAYER_LABEL = re.compile(r"^L(\d+)\.N\d+\.")
WEIGHTED_SUMS = ("Σ w·x + b", "Σ w·x")
ACTIVATIONS = ("tanh", "relu", "sigmoid")


def roles(root: Value) -> dict[Value, str]:
    """Each node's role, as draw_dot colours it: input, parameter (a weight or
    bias), constant (a number an operator wrapped), computed or output."""
    order = topo_sort(root)
    parameters = {node for node in order if LAYER_LABEL.match(node.label)}
    for node in order:
        if node.op in WEIGHTED_SUMS:  # parents: weights, inputs, (bias)
            n = len(node.parents) // 2
            parameters.update(node.parents[:n])
            if node.op == "Σ w·x + b":
                parameters.add(node.parents[-1])
    role = {}
    for node in order:
        if node.parents:
            role[node] = "computed"
        elif node in parameters:
            role[node] = "parameter"
        else:
            # engine.value marks wrapped numbers (the 2 in x * 2) as constants
            constant = type(node).__name__ == "Constant"
            role[node] = "constant" if constant else "input"
    role[root] = "output"
    return role


def layers(root: Value) -> dict[Value, int]:
    """The layer of each node that belongs to one: from nn's labels, and for
    an unlabelled weighted sum (or its activation) from its weights'."""
    layer: dict[Value, int] = {}
    for node in topo_sort(root):
        match = LAYER_LABEL.match(node.label)
        if match:
            layer[node] = int(match[1])
        elif node.op in (*WEIGHTED_SUMS, *ACTIVATIONS) and node.parents[0] in layer:
            layer[node] = layer[node.parents[0]]  # a neuron's sum or g(sum)
    return layer


def on_the_way(root: Value, focus: Value) -> set[Value]:
    """The nodes on some path from root back to focus (focus included)."""
    depends: set[Value] = {focus}
    for node in topo_sort(root):  # parents come first, so one pass is enough
        if any(parent in depends for parent in node.parents):
            depends.add(node)
    return depends


def _step(phase: str, title: str, short: str, lines: list[str], **extra: Any) -> dict:
    """One step of the page: what the panel says and what lights up.

    `arith`: the step's arithmetic, shown large; `show`: nodes whose value
    appears; `grads`: [node, text, exact] updates; `node`, `parent`, `edge`:
    what is highlighted (None: nothing); `touches`: the nodes the step is
    about (for jumps and the focus path).
    """
    step = {"phase": phase, "title": title, "short": short, "lines": lines}
    step.update({"arith": "", "show": [], "grads": [], "touches": []})
    step.update({"node": None, "parent": None, "edge": None, "edge_label": ""})
    step.update(extra)
    return step


def _grad(node_id: int, value: float) -> list:
    """A grad update for the page: [node id, shown text, exact repr]."""
    return [node_id, fmt(value), repr(value)]


def _local_line(node: Value, slot: int, names: dict[Value, str], local: float) -> str:
    """ "∂s/∂w1 = x1 = 2.0000" (the rule, then its number)."""
    rule = local_rule(node, slot, names)
    middle = f" = {rule}" if rule and rule != fmt(local) else ""
    return f"{local_name(node, node.parents[slot], names)}{middle} = {fmt(local)}"


def build_steps(
    root: Value, names: dict[Value, str], ids: dict[Value, int], lang: str
) -> list[dict]:
    """Every step of the page, from the empty graph to the last grad.

    Runs the backward pass (through `backward_steps`), so afterwards the
    graph's grads are those of `backward(root)`.
    """
    t = TEXT[lang]
    r = names[root]
    order = topo_sort(root)
    leaves = [node for node in order if not node.parents]
    steps = [
        _step(
            "graph",
            t["start_title"].format(root=r),
            t["phase_graph"],
            [t["start_1"], t["start_2"], t["legend"].format(root=r), t["start_3"]],
        ),
        _step(
            "forward",
            t["leaves_title"],
            t["leaves_title"],
            [t["leaves_1"], *(f"{names[leaf]} = {fmt(leaf.data)}" for leaf in leaves)],
            show=[ids[leaf] for leaf in leaves],
        ),
    ]
    for node in order:
        if not node.parents:
            continue
        rules = [
            _local_line(node, slot, names, node.local_grads[slot])
            for slot in range(len(node.parents))
        ]
        steps.append(
            _step(
                "forward",
                t["forward_title"].format(name=names[node]),
                formula(node, names),
                [
                    t["forward_rules"].format(name=names[node]),
                    *rules,
                    *rule_notes(node, names, lang),
                ],
                arith=formula(node, names, numbers=True),
                show=[ids[node]],
                node=ids[node],
                touches=[ids[node]],
            )
        )
    steps.append(
        _step(
            "backward",
            t["seed_title"].format(root=r),
            f"d{r}/d{r} = 1",
            [t["seed_1"].format(root=r), t["seed_2"]],
            arith=f"d{r}/d{r} = {fmt(1.0)}",
            grads=[_grad(ids[node], 1.0 if node is root else 0.0) for node in order],
            node=ids[root],
            touches=[ids[root]],
        )
    )
    steps += _backward_steps(root, names, ids, lang)
    steps.append(
        _step(
            "done",
            t["done_title"],
            t["phase_done"],
            [t["done_1"].format(root=r), t["done_2"]]
            + [f"d{r}/d{names[leaf]} = {fmt(leaf.grad)}" for leaf in leaves],
            # After the sweep: exactly the grads backward() leaves behind.
            grads=[_grad(ids[node], node.grad) for node in order],
        )
    )
    return steps


def _backward_steps(
    root: Value, names: dict[Value, str], ids: dict[Value, int], lang: str
) -> list[dict]:
    """One page step per chain-rule step, in the order backward does them."""
    t = TEXT[lang]
    r = names[root]
    edge_ids: dict[tuple[int, int], int] = {}
    for node in topo_sort(root):
        for slot in range(len(node.parents)):
            edge_ids[(ids[node], slot)] = len(edge_ids)
    steps = []
    slot, previous = 0, None
    grad_before: dict[Value, float] = {}  # this sweep's grads start at 0
    for step in backward_steps(root):
        # A node's steps come one after another, one per parent, in order.
        slot = slot + 1 if step.node is previous else 0
        previous = step.node
        assert step.node.parents[slot] is step.parent
        node, parent = names[step.node], names[step.parent]
        before = grad_before.get(step.parent, 0.0)
        grad_before[step.parent] = step.parent.grad
        local = _local_line(step.node, slot, names, step.local_grad)
        added = total(before, step.contribution, step.parent.grad)
        steps.append(
            _step(
                "backward",
                t["backward_title"].format(node=node, parent=parent),
                f"{node} → {parent}: {fmt(step.contribution)}",
                [
                    t["backward_complete"].format(
                        root=r, node=node, upstream=fmt(step.upstream_grad)
                    ),
                    t["backward_local"].format(rule=local),
                    *rule_notes(step.node, names, lang),
                    t["backward_note"].format(parent=parent, sum=added),
                ],
                arith=step_line(step, names, r, lang, before=before),
                edge_label=f"{step.contribution:+.4f}",
                grads=[_grad(ids[step.parent], step.parent.grad)],
                node=ids[step.node],
                parent=ids[step.parent],
                edge=edge_ids[(ids[step.node], slot)],
                touches=[ids[step.node], ids[step.parent]],
                exact={
                    "local": repr(step.local_grad),
                    "upstream": repr(step.upstream_grad),
                    "contribution": repr(step.contribution),
                    "grad": repr(step.parent.grad),
                },
            )
        )
    return steps


def jumps(steps: list[dict], layer_of: dict[int, int], lang: str) -> list[dict]:
    """Where the jump menu goes: the start of each phase, then the first
    step of each phase that touches each layer (forward: 1, 2, ...;
    backward: the last layer first, as backprop meets them)."""
    t = TEXT[lang]
    targets = []
    for phase in ("graph", "forward", "backward", "done"):
        k = next(i for i, s in enumerate(steps) if s["phase"] == phase)
        targets.append(
            {"label": t["jump_phase"].format(phase=t[f"phase_{phase}"]), "step": k}
        )
    for phase, key in (("forward", "jump_forward"), ("backward", "jump_backward")):
        first: dict[int, int] = {}
        for i, s in enumerate(steps):
            if s["phase"] != phase:
                continue
            for node_id in s["touches"]:
                if node_id in layer_of:
                    first.setdefault(layer_of[node_id], i)
        for layer, k in sorted(first.items(), key=lambda item: item[1]):
            targets.append({"label": t[key].format(layer=layer), "step": k})
    return targets


def focus_path(
    steps: list[dict],
    path_ids: set[int],
    focus_id: int,
    name: str,
    root: str,
    lang: str,
) -> dict:
    """The steps on the way from root back to the focus: the forward steps
    that compute a node on it and the chain-rule steps along it."""
    t = TEXT[lang]
    on_path = [
        i
        for i, s in enumerate(steps)
        if (s["phase"] == "forward" and s["node"] in path_ids)
        or (s["edge"] is not None and s["parent"] in path_ids)
    ]
    return {
        "node": focus_id,
        "steps": on_path,
        "next": t["focus_next"].format(name=name),
        "prev": t["focus_prev"],
        "info": t["focus_info"].format(root=root, name=name, n=len(on_path)),
    }
