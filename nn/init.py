"""Where training starts: the random initial weights of a neuron.

Every weight starts as a random number, so that the neurons of a layer
differ from each other (identical neurons would get identical gradients and
stay identical forever). How large the numbers are matters:

- too large, and the weighted sums w·x grow layer after layer until ReLUs
  and gradients explode, or tanh and sigmoid saturate (g' ≈ 0, no learning);
- too small, and the signal fades away layer after layer.

The rule used here keeps the size of the signal about the same from layer
to layer. With nin inputs each of size about 1, z = w1*x1 + ... + wn*xn
has variance nin * Var(w), so Var(w) should be about 1/nin:

    relu:            w ~ Uniform(-a, a),  a = sqrt(6 / nin)   Var(w) = 2/nin
    tanh, sigmoid,
    linear:          w ~ Uniform(-a, a),  a = sqrt(3 / nin)   Var(w) = 1/nin

(A uniform number in [-a, a] has variance a**2 / 3.) ReLU zeroes about half
of its inputs, so it gets twice the variance: "He" or "Kaiming"
initialisation (He et al. 2015, `torch.nn.init.kaiming_uniform_`). The other
is "LeCun" initialisation. Biases start at 0, as in micrograd: the random
weights already make the neurons differ.

This is `init="scaled"`, the default. `init="uniform"` is the recipe of
micrograd's lecture instead: every weight AND every bias Uniform(-1, 1),
whatever nin, drawn weights first, then the bias, neuron after neuron. With
the same seed it gives exactly the lecture's numbers:
`MLP(3, [4, 4, 1], activation="tanh", last_activation="tanh",
init="uniform", seed=1337)` holds the weights that the lecture's own classes
draw after `random.seed(1337)`.

Why not micrograd's Uniform(-1, 1) by default? It works for two
inputs, but with 64 inputs of size about 1 (the 8x8 digits) z = w·x has a
standard deviation of sqrt(64/3) ≈ 4.6 instead of about 1, and every wide
layer multiplies that again; the rule above adapts to nin. On micrograd's
moons demo (MLP(2, [16, 16, 1]), hinge loss, 100 steps) both reach 98-100%
training accuracy for each of the 40 seeds tried.

Random numbers come from a `random.Random` so that a seed reproduces a
model exactly (see `make_rng`).
"""

from __future__ import annotations

import math
import random
from numbers import Integral

Seed = int | random.Random | None


def make_rng(seed: Seed) -> random.Random:
    """The random number generator behind a seed.

    - an int: a new `random.Random(seed)`: the same seed, the same model;
    - a `random.Random`: used as it is (several models can share one);
    - None: a new generator seeded from Python's global one, so that
      micrograd-style code (`random.seed(1337)` first) is reproducible too,
      and two models made one after the other still differ.
    """
    if seed is None:
        return random.Random(random.getrandbits(64))
    if isinstance(seed, random.Random):
        return seed
    if isinstance(seed, Integral) and not isinstance(seed, bool):  # NumPy ints too
        return random.Random(int(seed))
    raise TypeError(
        f"seed must be an int, a random.Random or None, got {type(seed).__name__}"
    )


# The initialisations a Neuron, Layer or MLP can start from (`init=`).
INITS = ("scaled", "uniform")


def check_init(name: str) -> str:
    """`name` if it is a known initialisation, else a ValueError listing them."""
    if not isinstance(name, str) or name not in INITS:
        known = ", ".join(repr(i) for i in INITS)
        raise ValueError(f"unknown init {name!r}; choose one of {known}")
    return name


def weight_bound(nin: int, activation: str) -> float:
    """a in Uniform(-a, a) for a neuron with `nin` inputs (see the module doc)."""
    gain = 2.0 if activation == "relu" else 1.0
    return math.sqrt(3.0 * gain / nin)


def initial_weights(nin: int, activation: str, rng: random.Random) -> list[float]:
    """`nin` weights drawn from Uniform(-a, a), in input order."""
    a = weight_bound(nin, activation)
    return [rng.uniform(-a, a) for _ in range(nin)]


def initial_parameters(
    nin: int, activation: str, init: str, rng: random.Random
) -> tuple[list[float], float]:
    """(weights, bias) of one neuron, as `init` says (see the module doc).

    "scaled":  w ~ Uniform(-a, a) with a from `weight_bound`, b = 0
    "uniform": w ~ Uniform(-1, 1) and b ~ Uniform(-1, 1), micrograd's lecture
    """
    if init == "uniform":
        weights = [rng.uniform(-1.0, 1.0) for _ in range(nin)]
        return weights, rng.uniform(-1.0, 1.0)  # after the weights, as there
    return initial_weights(nin, activation, rng), 0.0
