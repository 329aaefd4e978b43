"""The chain rule behind one point: what the playground's "why?" panel shows.

Click a point, and the panel answers three questions with numbers that
takaisin computes here, for the session's current weights:

1. What does the network do with this example? (`point_report`)
   Its inputs, every neuron's weighted sum s = w·x + b and output g(s), the
   class probabilities, the label and this example's loss.
2. How does the loss reach back to one weight w? (`weight_chain`)
   Every path from the loss back to w, each a product of local derivatives
   d(node)/d(parent); their sum is dL/dw (the chain rule, path by path).
3. What will the next step do? (`step_preview`)
   The gradient of the *batch* loss that the optimizer will use, its update
   rule with the numbers filled in, w before and after, and how this point's
   output moves.

Nothing here does I/O or keeps state: the playground's session hands in its
model, its optimizer and a function that builds a loss.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Sequence
from typing import Any

from engine import Value, explain, no_grad, topo_sort
from engine.explain import node_names
from nn import MLP, SGD, Adam

# One example's loss from the network's outputs and its label (no L2 term:
# that belongs to the batch loss, not to one point).
ExampleLoss = Callable[[list[Value], int], Value]

MAX_PATHS = 24  # a weight in the first of three 16-wide layers has 256 paths


def _n(x: float) -> str:
    """A number as the panel writes it inside a formula: 6 significant digits."""
    return f"{x:.6g}"


def _f(x: float) -> str:
    """A factor in a product or sum: a negative one in parentheses, so that
    `0.03 · (-0.0132)` never reads as a subtraction (as explain writes it)."""
    return f"({x:.6g})" if x < 0 else f"{x:.6g}"


def point_graph(
    model: MLP, x: Sequence[float], label: int, example_loss: ExampleLoss
) -> tuple[Value, list[Value], list[list[tuple[Value, Value]]]]:
    """One example's forward pass as a graph, with readable labels.

    Returns (loss, inputs, layers), where each layer is a list of
    (weighted sum s, output g(s)) pairs, one per neuron. The inputs are
    labelled x1, x2, ...; the loss is labelled "loss" (not "L", which is
    the prefix of the layers' labels, L1.N1.w1).
    """
    inputs = [Value(xi, label=f"x{i}") for i, xi in enumerate(x, 1)]
    xs = inputs
    layers = []
    for k, layer in enumerate(model.layers, 1):
        outs = layer.forward(xs)
        pairs = []
        for j, out in enumerate(outs, 1):
            # The neuron's `Σ w·x + b` node is its output itself when the
            # layer is linear, else the activation's one parent.
            s = out if layer.activation == "linear" else out.parents[0]
            s.label = f"L{k}.N{j}.s"
            if out is not s:
                out.label = f"L{k}.N{j}.out"
            pairs.append((s, out))
        layers.append(pairs)
        xs = outs
    loss = example_loss(xs, label)
    loss.label = "loss"
    return loss, inputs, layers


def class_probabilities(outputs: Sequence[float]) -> list[float]:
    """p(class) from the network's raw outputs.

    One output z (two classes): p(1) = σ(z), p(0) = 1 - σ(z).
    k outputs: softmax, p_j = e**z_j / Σ e**z_k (largest z subtracted first).
    """
    if len(outputs) == 1:
        z = outputs[0]
        p1 = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
        return [1.0 - p1, p1]
    top = max(outputs)
    exps = [math.exp(z - top) for z in outputs]
    total = math.fsum(exps)
    return [e / total for e in exps]


def _predicted(outputs: Sequence[float]) -> int:
    if len(outputs) == 1:
        return 1 if outputs[0] > 0.0 else 0
    return max(range(len(outputs)), key=lambda j: outputs[j])


def point_report(
    model: MLP, x: Sequence[float], label: int, example_loss: ExampleLoss
) -> dict[str, Any]:
    """Everything the panel shows about one example, as JSON-ready data.

    Every number comes from one forward and one backward pass over this
    example's graph; the model's own grads are left as they were.
    """
    params = model.parameters()
    saved = [p.grad for p in params]
    for p in params:
        p.grad = 0.0
    try:
        loss, inputs, layers = point_graph(model, x, label, example_loss)
        loss.backward()
        grads = {name: p.grad for name, p in model.named_parameters()}
    finally:
        for p, g in zip(params, saved, strict=True):
            p.grad = g
    outputs = [out.data for _, out in layers[-1]]
    predicted = _predicted(outputs)
    return {
        "inputs": [{"name": v.label, "value": v.data} for v in inputs],
        "layers": [
            {
                "activation": layer.activation,
                "neurons": [
                    {"label": f"L{k}.N{j}", "sum": s.data, "output": out.data}
                    for j, (s, out) in enumerate(pairs, 1)
                ],
            }
            for k, (layer, pairs) in enumerate(
                zip(model.layers, layers, strict=True), 1
            )
        ],
        "outputs": outputs,
        "probabilities": class_probabilities(outputs),
        "predicted": predicted,
        "label": label,
        "correct": predicted == label,
        "loss": loss.data,
        "grads": grads,
    }


def weight_chain(loss: Value, focus: Value, max_paths: int = MAX_PATHS) -> dict:
    """Every path from `loss` back to `focus`, as a product of local derivatives.

    Along one path loss = n0 <- n1 <- ... <- nk = focus the chain rule gives
    d(loss)/d(focus) = d(n0)/d(n1) · d(n1)/d(n2) · ... · d(n(k-1))/d(nk);
    when focus reaches the loss along several paths, their products add up.
    Call after `loss.backward()`: the sum equals `focus.grad` (up to rounding,
    since backward adds the same terms in another order).
    """
    order = topo_sort(loss)
    if focus not in set(order):
        raise ValueError(
            f"{focus.label or 'that Value'} is not in the graph of "
            f"{loss.label or 'the loss'}"
        )
    names = node_names(loss)
    # Going up from focus in topological order (parents first):
    #   paths[n] = how many paths lead from n down to focus,
    #   slope[n] = d(n)/d(focus) = the sum over those paths of their products.
    # Counting this way takes one pass, however many paths there are.
    paths_to: dict[Value, int] = {}
    slope: dict[Value, float] = {}
    for node in order:
        if node is focus:
            paths_to[node], slope[node] = 1, 1.0
            continue
        pairs = zip(node.parents, node.local_grads, strict=True)
        terms = [(p, lg) for p, lg in pairs if paths_to.get(p)]
        if terms:
            paths_to[node] = sum(paths_to[p] for p, _ in terms)
            slope[node] = math.fsum(lg * slope[p] for p, lg in terms)
    # Spell out the first `max_paths` of them, walking down from the loss
    # (an explicit stack, as topo_sort uses, and no further than needed).
    shown: list[list[tuple[Value, Value, float]]] = []
    stack: list[tuple[Value, list[tuple[Value, Value, float]]]] = [(loss, [])]
    while stack and len(shown) < max_paths:
        node, edges = stack.pop()
        if node is focus:
            shown.append(edges)
            continue
        pairs = list(zip(node.parents, node.local_grads, strict=True))
        for parent, local in reversed(pairs):
            if paths_to.get(parent):
                stack.append((parent, [*edges, (node, parent, local)]))
    return {
        "focus": names[focus],
        "root": names[loss],
        "paths": [
            {
                "edges": [
                    {"node": names[n], "parent": names[p], "local": lg}
                    for n, p, lg in edges
                ],
                "product": math.prod(lg for _, _, lg in edges),
            }
            for edges in shown
        ],
        "paths_total": paths_to[loss],
        "paths_left_out": paths_to[loss] - len(shown),
        "sum": slope[loss],
        "grad": focus.grad,
    }


def explain_focus(loss: Value, focus: Value, lang: str = "en") -> str:
    """`explain(loss, focus=w)`: the backward sweep's steps on the way to w."""
    return str(explain(loss, focus=focus, lang=lang))


# ------------------------------------------------------------- the step
_WORDS = {
    "en": {
        "grad": "dL/dw = {g}   (the gradient of the batch loss, for this step)",
        "decay": "with weight decay: g = dL/dw + wd · w = {g0} + {wd} · {w} = {g}",
        "sgd": "w ← w − lr · g = {w} − {lr} · {g} = {new}",
        "velocity_first": "v ← g = {v}   (the first step: no velocity yet)",
        "velocity": "v ← μ · v + g = {mu} · {v0} + {g} = {v}",
        "momentum": "w ← w − lr · v = {w} − {lr} · {v} = {new}",
        "nesterov": "w ← w − lr · (g + μ · v) = {w} − {lr} · ({g} + {mu} · {v}) "
        "= {new}",
        "adam_m": "m ← β1 · m + (1 − β1) · g = {b1} · {m0} + {c1} · {g} = {m}",
        "adam_v": "v ← β2 · v + (1 − β2) · g² = {b2} · {v0} + {c2} · {g}² = {v}",
        "adam_t": "step t = {t}: m̂ = m / (1 − β1^t) = {mh},  v̂ = v / (1 − β2^t) = {vh}",
        "adam_w": "w ← w − lr · m̂ / (√v̂ + ε) = {w} − {lr} · {mh} / (√{vh} + {eps}) "
        "= {new}",
    },
    "fi": {
        "grad": "dL/dw = {g}   (erän virhefunktion gradientti tälle askeleelle)",
        "decay": "painon vaimennus: g = dL/dw + wd · w = {g0} + {wd} · {w} = {g}",
        "sgd": "w ← w − oppimisnopeus · g = {w} − {lr} · {g} = {new}",
        "velocity_first": "v ← g = {v}   (ensimmäinen askel: ei vielä nopeutta)",
        "velocity": "v ← μ · v + g = {mu} · {v0} + {g} = {v}",
        "momentum": "w ← w − oppimisnopeus · v = {w} − {lr} · {v} = {new}",
        "nesterov": "w ← w − oppimisnopeus · (g + μ · v) = {w} − {lr} · ({g} + "
        "{mu} · {v}) = {new}",
        "adam_m": "m ← β1 · m + (1 − β1) · g = {b1} · {m0} + {c1} · {g} = {m}",
        "adam_v": "v ← β2 · v + (1 − β2) · g² = {b2} · {v0} + {c2} · {g}² = {v}",
        "adam_t": "askel t = {t}: m̂ = m / (1 − β1^t) = {mh},  "
        "v̂ = v / (1 − β2^t) = {vh}",
        "adam_w": "w ← w − oppimisnopeus · m̂ / (√v̂ + ε) = {w} − {lr} · {mh} / "
        "(√{vh} + {eps}) = {new}",
    },
}


def _rule_lines(
    before: SGD | Adam, after: SGD | Adam, i: int, w: float, g: float, lang: str
) -> list[str]:
    """The optimizer's update rule for parameter i, with its numbers."""
    words = _WORDS[lang]
    lines = [words["grad"].format(g=_n(g))]
    if after.weight_decay:
        g0, g = g, g + after.weight_decay * w
        lines.append(
            words["decay"].format(
                g0=_n(g0), wd=_n(after.weight_decay), w=_f(w), g=_n(g)
            )
        )
    new = after.params[i].data
    if isinstance(after, Adam):
        beta1, beta2 = after.betas
        t = after.t
        mh = after.m[i] / (1.0 - beta1**t)
        vh = after.v[i] / (1.0 - beta2**t)
        lines += [
            words["adam_m"].format(
                b1=_n(beta1),
                m0=_f(before.m[i]),
                c1=_n(1 - beta1),
                g=_f(g),
                m=_n(after.m[i]),
            ),
            words["adam_v"].format(
                b2=_n(beta2),
                v0=_n(before.v[i]),
                c2=_n(1 - beta2),
                g=_f(g),
                v=_n(after.v[i]),
            ),
            words["adam_t"].format(t=t, mh=_n(mh), vh=_n(vh)),
            words["adam_w"].format(
                w=_n(w),
                lr=_n(after.lr),
                mh=_f(mh),
                vh=_n(vh),
                eps=_n(after.eps),
                new=_n(new),
            ),
        ]
        return lines
    if not after.momentum:
        lines.append(
            words["sgd"].format(w=_n(w), lr=_n(after.lr), g=_f(g), new=_n(new))
        )
        return lines
    v = after.velocity[i]
    if before.velocity is None:
        lines.append(words["velocity_first"].format(v=_n(v)))
    else:
        lines.append(
            words["velocity"].format(
                mu=_n(after.momentum), v0=_f(before.velocity[i]), g=_f(g), v=_n(v)
            )
        )
    if after.nesterov:
        lines.append(
            words["nesterov"].format(
                w=_n(w),
                lr=_n(after.lr),
                g=_n(g),
                mu=_n(after.momentum),
                v=_f(v),
                new=_n(new),
            )
        )
    else:
        lines.append(
            words["momentum"].format(w=_n(w), lr=_n(after.lr), v=_f(v), new=_n(new))
        )
    return lines


def step_preview(
    model: MLP,
    optimizer: SGD | Adam,
    batch_loss: Callable[[], Value],
    focus: str,
    point: Sequence[float] | None = None,
    lang: str = "en",
) -> dict[str, Any]:
    """What the next `optimizer.step()` will do, without doing it.

    `batch_loss()` must build the very loss the next training step uses (the
    same examples, the same L2 term). Its backward fills in the grads the
    step will read; then a copy of the optimizer takes the step on copies
    of the weights, so the numbers shown are exactly what the real step
    will give, and the model and the optimizer stay as they were (only the
    grads now hold the batch gradient, which the step recomputes anyway).

    `focus` names the weight to explain (e.g. "L1.N2.w1"); `point`, if
    given, is an example whose output is shown before and after the step.
    """
    if lang not in _WORDS:
        raise ValueError(f"lang must be one of {sorted(_WORDS)}, got {lang!r}")
    named = dict(model.named_parameters())
    if focus not in named:
        raise ValueError(f"no weight called {focus!r}; the model has {len(named)}")
    if [id(p) for p in optimizer.params] != [id(p) for p in model.parameters()]:
        raise ValueError("the optimizer does not hold this model's parameters")
    optimizer.zero_grad()
    loss = batch_loss()
    loss.backward()
    i = optimizer.params.index(named[focus])
    w, g = named[focus].data, named[focus].grad
    before = copy.deepcopy(optimizer)  # deep: its own copies of the weights
    after = copy.deepcopy(optimizer)
    after.step()
    new_values = [p.data for p in after.params]
    report: dict[str, Any] = {
        "focus": focus,
        "batch_loss": loss.data,
        "grad": g,
        "before": w,
        "after": new_values[i],
        "rule": _rule_lines(before, after, i, w, g, lang),
        "new_values": dict(zip(named, new_values, strict=True)),
    }
    if point is not None:
        report["output_before"] = _outputs(model, point)
        report["output_after"] = _outputs_with(model, new_values, point)
    return report


def _outputs(model: MLP, point: Sequence[float]) -> list[float]:
    with no_grad():
        return [v.data for v in model.outputs(point)]


def _outputs_with(
    model: MLP, values: Sequence[float], point: Sequence[float]
) -> list[float]:
    """model's outputs at `point` if its weights were `values` (then put back)."""
    params = model.parameters()
    saved = [p.data for p in params]
    try:
        for p, v in zip(params, values, strict=True):
            p.data = v
        return _outputs(model, point)
    finally:
        for p, v in zip(params, saved, strict=True):
            p.data = v
