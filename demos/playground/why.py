"""The "why?" panel: one clicked point, one weight, the step that comes next.

The routes /api/inspect and /api/weight (api.py) call these while holding
the session's lock; each returns the answer and a `Picture` that api.py
renders after letting go of the lock. Every number comes from chain.py on
the session's own model, loss and optimizer:

- `inspect_point`: the example's forward pass (each neuron's s and g(s)),
  probabilities, loss, and this example's dL/dw for every weight;
- `weight_answer`: the chain of local derivatives from the loss back to one
  weight, explain()'s lines, and what the next optimizer step will do, on
  exactly the batch it will use (`session.peek_batch()`).

Inspecting pauses a playing session: the numbers shown must stay true while
the learner reads them. The model's grads (the frame shows those of the
latest step) are put back as they were after every answer.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

from demos.playground.chain import (
    class_probabilities,
    explain_focus,
    point_graph,
    point_report,
    step_preview,
    weight_chain,
)
from demos.playground.errors import PlaygroundError
from demos.playground.metrics import answer
from demos.playground.picture import Picture, make_picture
from demos.playground.session import Session
from demos.playground.settings import parse_lang
from engine import Value
from nn import MLP

SETS = ("train", "test")


def bad(name: str, value: object, en: str, fi: str) -> PlaygroundError:
    shown = repr(value)[:40]
    return PlaygroundError(
        "bad_request",
        f"{name}: {shown} is not allowed; it must be {en}",
        f"{name}: {shown} ei käy; sen pitää olla {fi}",
    )


@contextmanager
def fresh_grads(model: MLP) -> Iterator[None]:
    """Every weight's grad 0 inside (one example's backward then gives its
    own dL/dw), and back to what it was afterwards."""
    params = model.parameters()
    saved = [p.grad for p in params]
    for p in params:
        p.grad = 0.0
    try:
        yield
    finally:
        for p, g in zip(params, saved, strict=True):
            p.grad = g


# ------------------------------------------------------------ the request
def pick_point(session: Session, body: dict) -> tuple[str, int, list]:
    """(set, index, [x, y, label]) of the point asked for, or a 400."""
    which = body.get("set")
    if which not in SETS:
        raise bad("set", which, "train or test", "train tai test")
    points = getattr(session.points, which)
    index = body.get("index")
    if isinstance(index, str) and index.isdigit():  # from a URL
        index = int(index)
    if isinstance(index, bool) or not isinstance(index, int):
        raise bad("index", index, "a whole number", "kokonaisluku")
    if not 0 <= index < len(points):
        raise bad(
            "index",
            index,
            f"from 0 to {len(points) - 1} (the {which} set has {len(points)} points)",
            f"väliltä 0–{len(points) - 1} (joukossa {which} on {len(points)} pistettä)",
        )
    return which, index, list(points[index])


def parse_weight(model: MLP, raw: object, field: str = "weight") -> str:
    """The name of one of the model's weights or biases, or a 400."""
    names = [name for name, _ in model.named_parameters()]
    if raw not in names:
        first, last = names[0], names[-1]
        raise bad(
            field,
            raw,
            f"the name of a weight of this network, {first} ... {last}",
            f"tämän verkon painon nimi, {first} ... {last}",
        )
    return raw


def parse_focus(model: MLP, raw: object) -> str | None:
    """None, a weight's name (L1.N2.w1) or a neuron's (L1.N2), or a 400."""
    if raw is None:
        return None
    neurons = {
        f"L{k}.N{j}" for k, layer in enumerate(model.layers, 1)
        for j in range(1, len(layer.neurons) + 1)
    }  # fmt: skip
    if raw in neurons:
        return raw
    return parse_weight(model, raw, "focus")


def focus_value(
    model: MLP, layers: list[list[tuple[Value, Value]]], focus: str | None
) -> Value | None:
    """The Value a focus names in this example's graph (a neuron: its output)."""
    if focus is None:
        return None
    named = dict(model.named_parameters())
    if focus in named:
        return named[focus]
    k, j = (int(part[1:]) for part in focus.split("."))
    return layers[k - 1][j - 1][1]


def json_ready(value: Any) -> Any:
    """`value` with every float that is not finite as None (JSON has no nan)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    return value


# ------------------------------------------------------------- answers
def stepper_link(token: str, key: str, which: str, index: int, focus, lang) -> str:
    query = {"token": token, "session": key, "set": which, "index": index}
    if focus is not None:
        query["focus"] = focus
    query["lang"] = lang
    return "/stepper?" + urlencode(query)


def inspect_point(
    session: Session, body: dict, token: str, key: str
) -> tuple[dict, Picture]:
    """/api/inspect's answer for the point asked for (hold session.lock)."""
    if session.playing:
        session.pause()
    which, index, point = pick_point(session, body)
    focus = parse_focus(session.model, body.get("focus"))
    lang = parse_lang(body.get("lang"))
    model, (x, y, label) = session.model, point
    report = point_report(model, [x, y], label, session.example_loss)
    weights = dict(model.named_parameters())
    with fresh_grads(model):
        loss, _, layers = point_graph(model, [x, y], label, session.example_loss)
        loss.backward()
        asked = focus_value(model, layers, focus)
        picture = make_picture(loss, asked, focus, weights, lang)
    grads = report["grads"]
    result = {
        "point": point,
        "set": which,
        "index": index,
        "report": report,
        "stepper": stepper_link(token, key, which, index, focus, lang),
        "weights": [{"name": name, "grad": grads[name]} for name in weights],
    }
    return json_ready(result), picture


def weight_answer(session: Session, body: dict) -> tuple[dict, Picture]:
    """/api/weight's answer for one weight and one point (hold session.lock)."""
    if session.playing:
        session.pause()
    _, _, (x, y, label) = pick_point(session, body)
    model = session.model
    name = parse_weight(model, body.get("weight"))
    lang = parse_lang(body.get("lang"))
    weights = dict(model.named_parameters())
    w = weights[name]
    with fresh_grads(model):
        loss, _, _ = point_graph(model, [x, y], label, session.example_loss)
        explain_lines = explain_focus(loss, w, lang).splitlines()  # runs backward
        chain = weight_chain(loss, w)
        example_grad = w.grad
        picture = make_picture(loss, w, name, weights, lang)
    with fresh_grads(model):
        try:
            preview = step_preview(
                model,
                session.optimizer,
                lambda: session.batch_loss(*session.peek_batch()),
                name,
                point=[x, y],
                lang=lang,
            )
        except (ArithmeticError, ValueError) as problem:
            raise PlaygroundError(
                "overflow",
                f"the next step cannot be worked out: {problem}; try a smaller "
                "learning rate, then reset",
                "seuraavaa askelta ei voi laskea (luvut ovat liian suuria); "
                "kokeile pienempää oppimisnopeutta ja alusta",
            ) from None
    del preview["new_values"]  # every weight's: the panel shows one
    before = class_probabilities(preview["output_before"])
    after = class_probabilities(preview["output_after"])
    preview["probability_before"] = before[label]
    preview["probability_after"] = after[label]
    preview["predicted_after"] = answer(preview["output_after"])
    result = {
        "name": name,
        "value": w.data,
        "example_grad": example_grad,
        "chain": chain,
        "explain": explain_lines,
        "preview": preview,
        "optimizer": session.settings.optimizer,
    }
    return json_ready(result), picture
