"""Loss functions L(M(x), y): one number that says how wrong the model is.

Each loss takes one example or a batch (a list of examples) and returns the
mean over the batch as one Value, as PyTorch does by default; `backward()`
on it gives every weight its dL/dw.

Each example's loss is one graph node whose local derivatives are written
out below (a "fused" node): the formulas are exact and stay finite however
large the scores get (logits of ±1000 give the right answer, not inf or
nan), and a batch of B examples is B nodes plus one `mean` node. Notation:
z are scores (logits) from the model, y the targets, σ(z) = 1/(1 + e**-z).

    mse                   (p - y)**2                  d/dp = 2 (p - y)
    hinge                 max(0, 1 - y z), y = ±1     d/dz = -y if y z < 1 else 0
    binary_cross_entropy  -y log σ(z) - (1-y) log(1 - σ(z))
                                                      d/dz = σ(z) - y
    cross_entropy         -log softmax(z)[t]          d/dz_j = softmax(z)_j - [j = t]
    l2                    w1**2 + ... + wn**2         d/dwi = 2 wi
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from numbers import Integral, Real

from engine import Value, mean, new_node
from engine.validate import as_list, real_number
from nn.module import Module

Number = int | float
Scalar = Value | Number


# ------------------------------------------------------------------- checks
def _is_scalar(x: object) -> bool:
    return isinstance(x, Value | Real) and not isinstance(x, bool)


def _value(x: object, what: str) -> Value:
    """x as a Value with a finite number in it, or a clear error."""
    if isinstance(x, Value):
        v = x
    elif _is_scalar(x):
        v = Value(real_number(x, what))  # 10**400: an error that names `what`
    else:
        raise TypeError(f"{what} must be a number or a Value, got {type(x).__name__}")
    if not math.isfinite(v.data):
        raise ValueError(
            f"{what} is {v.data!r}; a loss needs finite numbers "
            "(has training diverged? try a smaller learning rate)"
        )
    return v


def _target(y: object, what: str) -> float:
    """A target as a finite float (targets are data, not Values)."""
    if isinstance(y, Value):
        y = y.data
    if not _is_scalar(y):
        raise TypeError(f"{what} must be a number, got {type(y).__name__}: {y!r}")
    y = real_number(y, what)
    if not math.isfinite(y):
        raise ValueError(f"{what} must be finite, got {y!r}")
    return y


def _as_batch(preds: object, targets: object, loss: str) -> tuple[list, list]:
    """(predictions, targets) as two equally long, non-empty lists.

    One example (a number and a number) becomes a batch of one.
    """
    if _is_scalar(preds):
        if not _is_scalar(targets):
            raise ValueError(f"{loss} got one prediction but a list of targets")
        return [preds], [targets]
    if not isinstance(preds, Sequence) or isinstance(preds, str):
        raise TypeError(
            f"{loss} needs a Value or a list of them, got {type(preds).__name__}"
        )
    if _is_scalar(targets):
        raise ValueError(f"{loss} got {len(preds)} predictions but one target")
    if isinstance(targets, str | Mapping) or not isinstance(targets, Iterable):
        raise TypeError(f"{loss} needs a list of targets, got {type(targets).__name__}")
    targets = list(targets)  # a tuple, a numpy array, ... work too
    if len(preds) == 0:
        raise ValueError(f"{loss} needs at least one example, got an empty batch")
    if len(preds) != len(targets):
        raise ValueError(
            f"{loss} got {len(preds)} predictions but {len(targets)} targets"
        )
    return list(preds), list(targets)


def _batch_mean(losses: list[Value]) -> Value:
    """The mean of the examples' losses (one example: its own loss)."""
    return losses[0] if len(losses) == 1 else mean(losses)


def _sigmoid(z: float) -> float:
    """σ(z) = 1 / (1 + e**-z), calling exp only on numbers <= 0 (no overflow)."""
    if z >= 0.0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


# ------------------------------------------------------------------- losses
def mse(pred: object, target: object) -> Value:
    """Mean squared error: the mean of (p - y)**2 over every prediction.

    pred and target are alike: a number each, lists of numbers, or lists of
    lists (a batch of vector outputs). Each element is one node:

        out = (p - y)**2     d(out)/dp = 2 (p - y),   d(out)/dy = -2 (p - y)

    (y is a parent only when it is a Value.) Same as `torch.nn.MSELoss()`.
    """
    preds, targets = _as_batch(pred, target, "mse")
    pairs: list[tuple[object, object, str]] = []
    for i, (p, y) in enumerate(zip(preds, targets, strict=True)):
        if _is_scalar(p):
            pairs.append((p, y, f"mse prediction {i}"))
            continue
        row_p, row_y = _as_batch(p, y, f"mse example {i}")
        pairs += [
            (pj, yj, f"mse prediction {i}[{j}]")
            for j, (pj, yj) in enumerate(zip(row_p, row_y, strict=True))
        ]
    return _batch_mean([_squared_error(p, y, what) for p, y, what in pairs])


def _squared_error(p: object, y: object, what: str) -> Value:
    p = _value(p, what)
    if isinstance(y, Value):
        diff = p.data - _value(y, what + " target").data
        return new_node(diff * diff, "squared_error", (p, y), (2 * diff, -2 * diff))
    diff = p.data - _target(y, what + " target")
    return new_node(diff * diff, "squared_error", (p,), (2.0 * diff,))


def hinge(scores: object, labels: object) -> Value:
    """Max-margin loss (an SVM's, micrograd's demo): mean of max(0, 1 - y z).

    labels y are -1 or +1. A score on the right side by a margin of at least
    1 costs nothing; otherwise the cost grows linearly:

        out = max(0, 1 - y z)     d(out)/dz = -y if y z < 1 else 0

    (at the kink y z = 1 the slope taken is 0, as for ReLU).
    """
    zs, ys = _as_batch(scores, labels, "hinge")
    losses = []
    for i, (z, y) in enumerate(zip(zs, ys, strict=True)):
        z = _value(z, f"hinge score {i}")
        label = y
        y = _target(y, f"hinge label {i}")
        if y not in (-1.0, 1.0):
            raise ValueError(
                f"hinge needs labels -1 or +1, got {label!r} at position {i} "
                "(for 0/1 labels pass 2*y - 1)"
            )
        margin = 1.0 - y * z.data
        if margin > 0.0:
            losses.append(new_node(margin, "hinge", (z,), (-y,)))
        else:
            losses.append(new_node(0.0, "hinge", (z,), (0.0,)))
    return _batch_mean(losses)


def binary_cross_entropy(logits: object, targets: object) -> Value:
    """Cross-entropy for yes/no answers, from the score z (a logit).

    The model's probability of "yes" is σ(z); with target y in [0, 1]

        out = -y log σ(z) - (1 - y) log(1 - σ(z))
            = max(z, 0) - z y + log(1 + e**-|z|)      (the same, never overflows)
        d(out)/dz = σ(z) - y

    Same as `torch.nn.BCEWithLogitsLoss()`: give it raw scores, not σ(z).
    """
    zs, ys = _as_batch(logits, targets, "binary_cross_entropy")
    losses = []
    for i, (z, y) in enumerate(zip(zs, ys, strict=True)):
        z = _value(z, f"binary_cross_entropy logit {i}")
        y = _target(y, f"binary_cross_entropy target {i}")
        if not 0.0 <= y <= 1.0:
            raise ValueError(
                f"binary_cross_entropy needs targets between 0 and 1, got {y!r} "
                f"at position {i}"
            )
        zd = z.data
        out = max(zd, 0.0) - zd * y + math.log1p(math.exp(-abs(zd)))
        losses.append(new_node(out, "bce", (z,), (_sigmoid(zd) - y,)))
    return _batch_mean(losses)


def _probabilities(zs: Sequence[Value]) -> list[float]:
    """softmax(z)_j = e**z_j / Σ_k e**z_k, as plain floats.

    Subtracting the largest z first changes nothing (it cancels between top
    and bottom) but keeps every exp <= 1, so z = 1000 does not overflow.
    """
    top = max(z.data for z in zs)
    exps = [math.exp(z.data - top) for z in zs]
    total = math.fsum(exps)
    return [e / total for e in exps]


def _logit_lists(logits: object, what: str) -> tuple[list[list[Value]], bool]:
    """A batch of logit lists (as Values) and whether a batch was given."""
    if not isinstance(logits, Sequence) or isinstance(logits, str):
        raise TypeError(
            f"{what} needs a list of logits (one per class), "
            f"got {type(logits).__name__}"
        )
    if len(logits) == 0:
        raise ValueError(f"{what} needs at least one logit, got an empty list")
    is_batch = not _is_scalar(logits[0])
    rows = logits if is_batch else [logits]
    batch = []
    for i, row in enumerate(rows):
        if not isinstance(row, Sequence) or isinstance(row, str):
            raise TypeError(f"{what} example {i} must be a list of logits")
        if len(row) == 0:
            raise ValueError(f"{what} example {i} has no logits")
        where = f"{what} example {i} logit" if is_batch else f"{what} logit"
        batch.append([_value(z, f"{where} {j}") for j, z in enumerate(row)])
    return batch, is_batch


def softmax(logits: object) -> list[Value] | list[list[Value]]:
    """Scores -> probabilities that are positive and add up to 1.

        s_i = e**z_i / Σ_k e**z_k
        d(s_i)/d(z_j) = s_i (1 - s_i) if i = j,  else -s_i s_j

    One list of logits gives one list of probabilities (one node each, every
    logit its parent); a list of such lists gives a list of results. For
    training use `cross_entropy` on the logits: it is exact where log(s)
    would round to log(0).
    """
    batch, is_batch = _logit_lists(logits, "softmax")
    results = []
    for zs in batch:
        s = _probabilities(zs)
        outputs = []
        for i, si in enumerate(s):
            # d(s_i)/d(z_j) = s_i ([i = j] - s_j)
            grads = tuple(si * (float(i == j) - sj) for j, sj in enumerate(s))
            outputs.append(new_node(si, "softmax", tuple(zs), grads))
        results.append(outputs)
    return results if is_batch else results[0]


def cross_entropy(logits: object, target_index: object) -> Value:
    """The loss for choosing one of C classes, from C scores (logits).

    With p = softmax(z) the model's probabilities and t the right class:

        out = -log p_t = log Σ_k e**z_k - z_t
            = m + log Σ_k e**(z_k - m) - z_t     (m = max z: no overflow)
        d(out)/d(z_j) = p_j - 1   for the right class j = t
                      = p_j       for every other class

    so the gradient pushes the right score up and the others down, each in
    proportion to the probability it wrongly got. One example: a list of
    logits and an int. A batch: a list of such lists and a list of ints.
    Same as `torch.nn.functional.cross_entropy`.
    """
    batch, is_batch = _logit_lists(logits, "cross_entropy")
    if is_batch:
        if isinstance(target_index, str | Mapping) or not isinstance(
            target_index, Iterable
        ):
            raise ValueError(
                f"cross_entropy got a batch of {len(batch)} examples, "
                "so it needs a list of target indices"
            )
        targets = list(target_index)
        if len(targets) != len(batch):
            raise ValueError(
                f"cross_entropy got {len(batch)} examples but {len(targets)} targets"
            )
    else:
        targets = [target_index]
    losses = []
    for i, (zs, t) in enumerate(zip(batch, targets, strict=True)):
        where = f" for example {i}" if is_batch else ""
        if not isinstance(t, Integral) or isinstance(t, bool):  # numpy ints too
            raise TypeError(
                f"cross_entropy target{where} must be a class index (an int), "
                f"got {type(t).__name__}: {t!r}"
            )
        if not 0 <= t < len(zs):
            raise ValueError(
                f"cross_entropy target {t}{where} is out of range: "
                f"{len(zs)} classes are numbered 0..{len(zs) - 1}"
            )
        top = max(z.data for z in zs)
        log_total = top + math.log(math.fsum(math.exp(z.data - top) for z in zs))
        out = log_total - zs[t].data
        grads = tuple(
            math.exp(z.data - log_total) - (1.0 if j == t else 0.0)
            for j, z in enumerate(zs)
        )
        losses.append(new_node(out, "cross_entropy", tuple(zs), grads))
    return _batch_mean(losses)


def l2(params: Sequence[Value] | Module) -> Value:
    """The sum of squares w1**2 + ... + wn**2, for weight decay.

        d(out)/dwi = 2 wi

    Adding `alpha * l2(model.parameters())` to a loss pulls every weight a
    little towards 0 (micrograd's demo uses alpha = 1e-4). A Module may be
    passed instead of its parameters.
    """
    if isinstance(params, Module):
        params = params.parameters()
    params = as_list(params, "l2", "a list of parameters or a Module")
    ps = [_value(p, f"l2 parameter {i}") for i, p in enumerate(params)]
    if not ps:
        raise ValueError("l2 needs at least one parameter, got none")
    total = math.fsum(p.data * p.data for p in ps)
    return new_node(total, "l2", tuple(ps), tuple(2.0 * p.data for p in ps))
