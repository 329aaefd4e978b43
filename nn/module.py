"""Neurons, layers and networks: the talk's M(x) = g(W_L g(... g(W_1 x))).

    Neuron   z = w1*x1 + ... + wn*xn + b, then out = g(z)      (one number)
    Layer    nout neurons that all read the same inputs        (nout numbers)
    MLP      layers in a row: each layer reads the previous one's outputs

A neuron is two nodes in the graph: one `engine.dot` node for the weighted
sum (drawn as `Σ w·x + b`) and one node for the activation g. The last layer
of an MLP is linear (no g) unless `last_activation` says otherwise: its
outputs are the raw scores ("logits") that a loss function turns into an
error. `MLP(2, [16, 16, 1])` is micrograd's demo network; the network of
micrograd's lecture, tanh everywhere and every weight and bias drawn from
Uniform(-1, 1), is `MLP(3, [4, 4, 1], activation="tanh",
last_activation="tanh", init="uniform")`. micrograd's training loop works
unchanged:

    model = MLP(2, [16, 16, 1], seed=0)
    score = model([0.5, -1.0])            # a Value
    model.zero_grad(); loss.backward()
    for p in model.parameters():
        p.data -= 0.1 * p.grad

Every parameter is a leaf Value with a readable label, `L1.N3.w2` being
layer 1, neuron 3, weight 2 (counting from 1), and `L1.N3.b` its bias, so
drawings and error messages can name it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from numbers import Integral, Real

from engine import Value, dot
from engine.sums import dots
from engine.validate import integer, real_number, short_repr
from nn.activations import activate, check_activation
from nn.init import Seed, check_init, initial_parameters, make_rng

Inputs = Sequence[Value | float] | Value | float


class Module:
    """Anything with trainable parameters (the same idea as `torch.nn.Module`).

    A subclass defines `named_parameters()`; the rest follows from it.
    """

    def named_parameters(self) -> list[tuple[str, Value]]:
        """(name, parameter) pairs, always in the same order."""
        return []

    def parameters(self) -> list[Value]:
        """Every trainable Value, in the order of `named_parameters()`."""
        return [p for _, p in self.named_parameters()]

    def zero_grad(self) -> None:
        """Set every parameter's grad to 0 (backward adds into grads)."""
        for p in self.parameters():
            p.grad = 0.0

    def state_dict(self) -> dict[str, float]:
        """{name: value} of every parameter: the numbers a model file holds."""
        return {name: p.data for name, p in self.named_parameters()}

    def load_state_dict(self, state: Mapping[str, float]) -> None:
        """Set every parameter from `state`, as made by `state_dict()`.

        Everything is checked before anything is written: the names must be
        exactly this model's, and every value a finite real number. On any
        error the model is left exactly as it was.
        """
        if not isinstance(state, Mapping):
            raise TypeError(
                f"load_state_dict needs a dict of name -> number, "
                f"got {type(state).__name__}"
            )
        named = self.named_parameters()
        expected = [name for name, _ in named]
        known = set(expected)  # made once: a set per name made loading quadratic
        missing = [name for name in expected if name not in state]
        unexpected = [name for name in state if name not in known]
        if missing or unexpected:
            problems = []
            if missing:
                problems.append(f"missing {_names(missing)}")
            if unexpected:
                problems.append(f"unexpected {_names(unexpected)}")
            raise ValueError(f"state does not fit {self!r}: {'; '.join(problems)}")
        for name in expected:
            value = state[name]
            # A float needs no ABC check (slow, and a million of them add up).
            if type(value) is not float and (
                not isinstance(value, Real) or isinstance(value, bool)
            ):
                raise TypeError(
                    f"parameter {name} must be a number, "
                    f"got {type(value).__name__}: {short_repr(value)}"
                )
            if not math.isfinite(_float_or_inf(value)):
                raise ValueError(
                    f"parameter {name} must be finite, got {short_repr(value)}"
                )
        for name, p in named:  # all checked: now it is safe to write
            p.data = float(state[name])


def _float_or_inf(x: Real) -> float:
    """float(x), or inf for an int too large for a float (like 10**400)."""
    try:
        return float(x)
    except OverflowError:
        return math.inf


def _names(names: list[str], show: int = 5) -> str:
    """'a, b, c' or 'a, b, c, d, e and 7 more', each name cut to 60 characters."""
    shown = ", ".join(_short_name(name) for name in names[:show])
    rest = len(names) - show
    return f"{shown} and {rest} more" if rest > 0 else shown


def _short_name(name: object) -> str:
    if not isinstance(name, str):
        return short_repr(name)
    return name if len(name) <= 60 else name[:57] + "..."


# Far more than a scalar engine can train (a Value takes ~100 bytes), and
# small enough that `sqrt(6 / nin)` and friends are ordinary floats.
MAX_SIZE = 1_000_000


def _count(n: object, what: str) -> int:
    """`n` as an int if it is a whole number in 1..MAX_SIZE (NumPy ints too),
    else a clear error naming `what`."""
    n = integer(n, what)
    if n < 1:
        raise ValueError(f"{what} must be at least 1, got {n}")
    if n > MAX_SIZE:
        raise ValueError(
            f"{what} must be at most {MAX_SIZE:,}, got {short_repr(n)}: a layer "
            "that large would not fit in memory as Values"
        )
    return n


def _input_values(x: Inputs, nin: int) -> list[Value]:
    """The inputs as a list of `nin` Values; numbers become leaves x1, x2, ...

    Converting once here (not in every neuron) means all neurons of a layer
    share the same input nodes, as they do in the talk's picture.
    """
    if isinstance(x, Value | Real) and not isinstance(x, bool):
        x = [x]  # one input needs no list
    if isinstance(x, str | bytes | Mapping) or not isinstance(x, Iterable):
        raise TypeError(
            f"expected a list of {nin} numbers or Values, got {type(x).__name__}"
        )
    x = list(x)  # a tuple, a numpy row, ... work too
    if len(x) != nin:
        message = f"expected {nin} inputs, got {len(x)}"
        if x and _is_a_list(x[0]):
            message += f" lists; {_ONE_EXAMPLE.format(nin=nin)}"
        raise ValueError(message)
    for i, xi in enumerate(x, start=1):
        if not isinstance(xi, Value | Real) or isinstance(xi, bool):
            raise TypeError(_not_a_number(xi, f"x{i}", nin))
    try:
        return [
            xi if isinstance(xi, Value) else Value(xi, f"x{i}")
            for i, xi in enumerate(x, start=1)
        ]
    except OverflowError:  # an int like 10**400: say which input it was
        for i, xi in enumerate(x, start=1):
            if not isinstance(xi, Value):
                real_number(xi, f"input x{i}")
        raise


def _not_a_number(xi: object, name: str, nin: int) -> str:
    """The message for an input that is not a number, with a hint for the
    common mistake of passing a whole batch: model([[1, 2], [3, 4]])."""
    message = (
        f"input {name} must be a number or a Value, got {type(xi).__name__}: {xi!r}"
    )
    if _is_a_list(xi):
        message += f"; {_ONE_EXAMPLE.format(nin=nin)}"
    return message


_ONE_EXAMPLE = (
    "a model takes one example ({nin} numbers) at a time: "
    "for a batch, call it on each example, [model(x) for x in X]"
)


def _is_a_list(x: object) -> bool:
    """True for a list, tuple, numpy row...: not a number, not text."""
    return isinstance(x, Iterable) and not isinstance(x, str | bytes | Mapping)


class Neuron(Module):
    """out = g(w1*x1 + ... + wn*xn + b): the talk's neuron.

    Args:
        nin: the number of inputs n.
        activation: g, one of "relu", "tanh", "sigmoid", "linear".
        seed: where the initial weights come from (see `nn/init.py`):
            an int, a `random.Random`, or None for Python's global generator.
        name: a prefix for the parameter labels ("L1.N3" gives "L1.N3.w2").
        init: "scaled" (weights scaled to nin, bias 0) or "uniform"
            (micrograd's lecture: weights and bias Uniform(-1, 1)).
    """

    def __init__(
        self,
        nin: int,
        activation: str = "relu",
        *,
        seed: Seed = None,
        name: str = "",
        init: str = "scaled",
    ) -> None:
        self.nin = _count(nin, "nin")
        self.activation = check_activation(activation)
        self.init = check_init(init)
        self.name = name
        prefix = f"{name}." if name else ""
        weights, bias = initial_parameters(self.nin, activation, init, make_rng(seed))
        self.w = [Value(wi, f"{prefix}w{i}") for i, wi in enumerate(weights, 1)]
        self.b = Value(bias, f"{prefix}b")

    def __call__(self, x: Inputs) -> Value:
        return self.forward(_input_values(x, self.nin))

    def forward(self, xs: list[Value]) -> Value:
        """g(w·x + b) for inputs already checked, e.g. by `__call__`."""
        z = dot(self.w, xs, self.b)  # one node: Σ w·x + b
        return activate(z, self.activation)

    def named_parameters(self) -> list[tuple[str, Value]]:
        names = [f"w{i}" for i in range(1, self.nin + 1)] + ["b"]
        return list(zip(names, [*self.w, self.b], strict=True))

    def __repr__(self) -> str:
        return f"Neuron({self.nin} → 1 {self.activation}, {self.nin + 1} parameters)"


class Layer(Module):
    """`nout` neurons, each reading all `nin` inputs: out_j = g(w_j·x + b_j).

    A call returns a list of `nout` Values, or one Value when nout is 1.
    `init` is as for `Neuron`.
    """

    def __init__(
        self,
        nin: int,
        nout: int,
        activation: str = "relu",
        *,
        seed: Seed = None,
        name: str = "",
        init: str = "scaled",
    ) -> None:
        self.nin = _count(nin, "nin")
        self.nout = _count(nout, "nout")
        self.activation = check_activation(activation)
        self.init = check_init(init)
        self.name = name
        prefix = f"{name}." if name else ""
        rng = make_rng(seed)  # one generator, so the neurons differ
        self.neurons = [
            Neuron(self.nin, activation, seed=rng, name=f"{prefix}N{j}", init=init)
            for j in range(1, self.nout + 1)
        ]

    def outputs(self, x: Inputs) -> list[Value]:
        """The outputs as a list, also when there is only one."""
        return self.forward(_input_values(x, self.nin))

    def forward(self, xs: list[Value]) -> list[Value]:
        """[g(w_j·x + b_j) for each neuron j], for inputs already checked by
        `outputs` or handed over by the layer before."""
        # The same nodes as `neuron.forward(xs)` for each neuron, but `dots`
        # reads the inputs once for all neurons, not once per neuron: ~9%
        # off a moons training step.
        weight_rows = [neuron.w for neuron in self.neurons]
        biases = [neuron.b for neuron in self.neurons]
        zs = dots(weight_rows, xs, biases)  # one `Σ w·x + b` node per neuron
        return [activate(z, self.activation) for z in zs]

    def __call__(self, x: Inputs) -> Value | list[Value]:
        out = self.outputs(x)
        return out[0] if len(out) == 1 else out

    def named_parameters(self) -> list[tuple[str, Value]]:
        return [
            (f"N{j}.{name}", p)
            for j, neuron in enumerate(self.neurons, 1)
            for name, p in neuron.named_parameters()
        ]

    def __repr__(self) -> str:
        n = self.nout * (self.nin + 1)
        return f"Layer({self.nin} → {self.nout} {self.activation}, {n} parameters)"


class MLP(Module):
    """A multi-layer perceptron: layers in a row, M(x) = W_L g(... g(W_1 x)).

    Args:
        nin: the number of inputs.
        nouts: the size of each layer, e.g. [16, 16, 1]: two hidden layers
            of 16 neurons and one output.
        activation: g of the hidden layers.
        seed: an int, a `random.Random`, or None (see `nn/init.py`).
        last_activation: g of the last layer; "linear" (no g) by default,
            for a loss that reads raw scores. micrograd's lecture: "tanh".
        init: "scaled" (the default; see `nn/init.py`) or "uniform", the
            lecture's Uniform(-1, 1) for every weight and bias.

    A call returns one Value when the last layer has one output, else a list.
    """

    def __init__(
        self,
        nin: int,
        nouts: Sequence[int],
        activation: str = "relu",
        seed: Seed = None,
        *,
        last_activation: str = "linear",
        init: str = "scaled",
    ) -> None:
        self.nin = _count(nin, "nin")
        # A list, a tuple, a NumPy array...: any collection of sizes.
        sizes = nouts
        if isinstance(sizes, Integral | str | bytes | Mapping) or not isinstance(
            sizes, Iterable
        ):
            sizes = []
        self.nouts = [_count(n, "each layer size in nouts") for n in sizes]
        if not self.nouts:
            raise ValueError(
                f"nouts must be a non-empty list of layer sizes, e.g. [16, 16, 1], "
                f"got {short_repr(nouts)}"
            )
        self.activation = check_activation(activation)
        self.last_activation = check_activation(last_activation)
        self.init = check_init(init)
        rng = make_rng(seed)
        sizes = [self.nin, *self.nouts]
        last = len(self.nouts)
        self.layers = [
            Layer(
                sizes[k - 1],
                sizes[k],
                activation if k < last else last_activation,
                seed=rng,
                name=f"L{k}",
                init=init,
            )
            for k in range(1, last + 1)
        ]

    def outputs(self, x: Inputs) -> list[Value]:
        """The outputs of the last layer as a list, also when there is one."""
        xs = _input_values(x, self.nin)  # the caller's inputs, checked once
        for layer in self.layers:
            # Each layer hands the next its own list of Values: nothing to
            # check again (`forward`, not `outputs`).
            xs = layer.forward(xs)
        return xs

    def __call__(self, x: Inputs) -> Value | list[Value]:
        out = self.outputs(x)
        return out[0] if len(out) == 1 else out

    def named_parameters(self) -> list[tuple[str, Value]]:
        return [
            (f"L{k}.{name}", p)
            for k, layer in enumerate(self.layers, 1)
            for name, p in layer.named_parameters()
        ]

    def __repr__(self) -> str:
        sizes = " → ".join(f"{layer.nout} {layer.activation}" for layer in self.layers)
        n = sum(layer.nout * (layer.nin + 1) for layer in self.layers)
        return f"MLP({self.nin} → {sizes}, {n} parameters)"
