"""Optimizers: how the weights move once backward() has filled in the grads.

The talk's step: nudge every weight a little against its gradient,
w <- w - lr * dL/dw, and repeat. micrograd writes that loop by hand:

    for p in model.parameters():
        p.data -= lr * p.grad

`SGD` is that loop plus two common extras (momentum, weight decay); `Adam`
gives every weight its own step size from the history of its gradients.
Both follow `torch.optim` exactly (its defaults, its formulas), so a model
trained here and one trained with PyTorch take the same steps.

    opt = Adam(model.parameters(), lr=0.01)
    for step in range(100):
        loss = ...
        opt.zero_grad()
        loss.backward()
        opt.step()
        opt.lr = ...      # a schedule may change lr between steps

Every parameter takes a step every time (a gradient of 0 is a gradient).
A non-finite gradient stops `step()` before any weight changes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from engine import Value
from engine.validate import as_list, flag, real_number
from nn.module import Module


class Optimizer:
    """What SGD and Adam share: the parameter list, zero_grad, checks."""

    def __init__(self, params: Iterable[Value] | Module, lr: float) -> None:
        if isinstance(params, Module):
            params = params.parameters()
        self.params: list[Value] = list(
            as_list(params, "an optimizer", "a list of parameters or a Module")
        )
        if not self.params:
            raise ValueError("an optimizer needs at least one parameter, got none")
        for i, p in enumerate(self.params):
            if not isinstance(p, Value):
                raise TypeError(
                    f"parameter {i} must be a Value, got {type(p).__name__}: {p!r}"
                )
        if len({id(p) for p in self.params}) != len(self.params):
            # It would take two steps per step() without anyone noticing.
            raise ValueError("a parameter appears more than once in the list")
        self.lr = lr

    @property
    def lr(self) -> float:
        """The learning rate: how far each step goes. Assignable."""
        return self._lr

    @lr.setter
    def lr(self, value: float) -> None:
        self._lr = _non_negative(value, "lr")

    def zero_grad(self) -> None:
        """Set every parameter's grad to 0 before the next backward()."""
        for p in self.params:
            p.grad = 0.0

    def _grads(self) -> list[float]:
        """Every parameter's grad, or an error naming one that is not finite."""
        grads = [p.grad for p in self.params]
        for i, g in enumerate(grads):
            if not math.isfinite(g):
                name = self.params[i].label or f"parameter {i}"
                raise ValueError(
                    f"the gradient of {name} is {g!r}; no weight was changed "
                    "(try a smaller learning rate or check the loss)"
                )
        return grads


class SGD(Optimizer):
    """Stochastic gradient descent, as `torch.optim.SGD` (dampening 0).

    For each parameter w with gradient g, one step does

        g <- g + weight_decay * w          (pull w towards 0)
        v <- momentum * v + g              (v = g at the first step)
        w <- w - lr * v                    (nesterov: w - lr * (g + momentum * v))

    With momentum 0 that is the plain w <- w - lr * g. Momentum keeps a
    running velocity v, so steps that agree add up and zig-zags cancel.
    """

    def __init__(
        self,
        params: Iterable[Value] | Module,
        lr: float,
        momentum: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
    ) -> None:
        super().__init__(params, lr)
        self.momentum = _non_negative(momentum, "momentum")
        self.weight_decay = _non_negative(weight_decay, "weight_decay")
        # A bool, not "anything truthy": nesterov="no" would switch it on.
        nesterov = flag(nesterov, "nesterov")
        if nesterov and self.momentum == 0.0:
            raise ValueError("nesterov needs a momentum above 0")
        self.nesterov = nesterov
        self.velocity: list[float] | None = None  # made at the first step

    def step(self) -> None:
        """Move every parameter one step against its gradient."""
        grads = self._grads()
        if self.weight_decay:
            grads = [
                g + self.weight_decay * p.data
                for g, p in zip(grads, self.params, strict=True)
            ]
        if self.momentum:
            if self.velocity is None:
                self.velocity = list(grads)
            else:
                self.velocity = [
                    self.momentum * v + g
                    for v, g in zip(self.velocity, grads, strict=True)
                ]
            if self.nesterov:
                grads = [
                    g + self.momentum * v
                    for g, v in zip(grads, self.velocity, strict=True)
                ]
            else:
                grads = self.velocity
        for p, g in zip(self.params, grads, strict=True):
            p.data -= self.lr * g

    def __repr__(self) -> str:
        return (
            f"SGD({len(self.params)} parameters, lr={self.lr}, "
            f"momentum={self.momentum}, weight_decay={self.weight_decay})"
        )


class Adam(Optimizer):
    """Adam (Kingma & Ba 2015), as `torch.optim.Adam`.

    Each parameter keeps two running averages of its gradient g: m of g
    (the direction) and v of g**2 (the typical size). At step t:

        g <- g + weight_decay * w
        m <- beta1 * m + (1 - beta1) * g
        v <- beta2 * v + (1 - beta2) * g**2
        m_hat = m / (1 - beta1**t)          (m and v start at 0, so early
        v_hat = v / (1 - beta2**t)           averages are too small: undo that)
        w <- w - lr * m_hat / (sqrt(v_hat) + eps)

    The step is about lr in size whatever the scale of the gradient, so one
    learning rate suits all the weights.
    """

    def __init__(
        self,
        params: Iterable[Value] | Module,
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
    ) -> None:
        super().__init__(params, lr)
        try:
            beta1, beta2 = betas
        except (TypeError, ValueError):  # not a pair: say so, not "unpack"
            raise ValueError(
                f"betas must be a pair (beta1, beta2), got {betas!r}"
            ) from None
        for name, beta in (("betas[0]", beta1), ("betas[1]", beta2)):
            if not _non_negative(beta, name) < 1.0:  # a number in [0, 1)
                raise ValueError(f"{name} must be in [0, 1), got {beta!r}")
        self.betas = (float(beta1), float(beta2))
        self.eps = _non_negative(eps, "eps")
        self.weight_decay = _non_negative(weight_decay, "weight_decay")
        self.t = 0  # steps taken
        self.m = [0.0] * len(self.params)
        self.v = [0.0] * len(self.params)

    def step(self) -> None:
        """Move every parameter one Adam step."""
        grads = self._grads()
        beta1, beta2 = self.betas
        self.t += 1
        step_size = self.lr / (1.0 - beta1**self.t)
        v_correction = math.sqrt(1.0 - beta2**self.t)
        for i, (p, g) in enumerate(zip(self.params, grads, strict=True)):
            if self.weight_decay:
                g += self.weight_decay * p.data
            self.m[i] = beta1 * self.m[i] + (1.0 - beta1) * g
            self.v[i] = beta2 * self.v[i] + (1.0 - beta2) * g * g
            denominator = math.sqrt(self.v[i]) / v_correction + self.eps
            if denominator == 0.0:
                continue  # eps = 0 and no gradient yet (m = 0 too): no step
            p.data -= step_size * self.m[i] / denominator

    def __repr__(self) -> str:
        return (
            f"Adam({len(self.params)} parameters, lr={self.lr}, "
            f"betas={self.betas}, eps={self.eps}, weight_decay={self.weight_decay})"
        )


def _non_negative(x: object, name: str) -> float:
    """x as a float if it is a finite real number >= 0 (an int, a float, a
    Fraction, a NumPy float32...; not a bool), else a clear error."""
    value = real_number(x, name)
    if not 0.0 <= value < math.inf:  # also catches NaN
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return value
