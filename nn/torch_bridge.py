"""From takaisin to PyTorch and back: `to_torch(model)` and `from_torch(seq)`.

A network trained here is a list of layers, each a matrix of weights, a
vector of biases and an activation g. PyTorch writes the same network as

    torch.nn.Sequential(Linear(2, 16), ReLU(), Linear(16, 16), ReLU(),
                        Linear(16, 1))

where `Linear(nin, nout).weight[j][i]` is neuron j's weight for input i
(takaisin's `L1.N{j+1}.w{i+1}`) and `.bias[j]` its bias (`L1.N{j+1}.b`).
Every number is copied as a float64, so both compute the same outputs and
the same gradients (to rounding, ~1e-16) and a learner can carry on in
PyTorch, where a whole layer is one matrix product instead of one Value per
number.

PyTorch is optional: it is imported inside these two functions only, and
where it is missing they say how to install it.
"""

from __future__ import annotations

from typing import Any

from nn.module import MLP, Layer, Module, Neuron

# takaisin's activation name -> the name of the torch.nn module that does it.
TORCH_ACTIVATIONS = {"relu": "ReLU", "tanh": "Tanh", "sigmoid": "Sigmoid"}
# And back; Identity is a linear layer's "no g at all".
FROM_TORCH = {torch_name: name for name, torch_name in TORCH_ACTIVATIONS.items()}
FROM_TORCH["Identity"] = "linear"


def _import_torch(what: str) -> Any:
    """The torch module, or an ImportError that says how to get it."""
    try:
        import torch
    except ImportError:
        raise ImportError(
            f"{what} needs PyTorch, which is not installed here: pip install torch"
        ) from None
    return torch


def _layers_of(model: Module) -> list[tuple[list[Neuron], str]]:
    """(neurons, activation) of each layer of an MLP, a Layer or a Neuron."""
    if isinstance(model, MLP):
        return [(layer.neurons, layer.activation) for layer in model.layers]
    if isinstance(model, Layer):
        return [(model.neurons, model.activation)]
    if isinstance(model, Neuron):
        return [([model], model.activation)]  # a layer of one neuron
    raise TypeError(
        f"to_torch translates an MLP, a Layer or a Neuron, not {type(model).__name__}"
    )


def to_torch(model: Module) -> Any:
    """A float64 `torch.nn.Sequential` that computes what `model` computes.

    One `Linear(nin, nout)` per layer holding that layer's weights and
    biases, each followed by its activation (`ReLU`, `Tanh`, `Sigmoid`; none
    for a linear layer). The result is a new network: training it leaves
    `model` as it was (use `from_torch` to come back).
    """
    torch = _import_torch("to_torch")
    modules = []
    for neurons, activation in _layers_of(model):
        weights = [[w.data for w in neuron.w] for neuron in neurons]
        biases = [neuron.b.data for neuron in neurons]
        linear = torch.nn.Linear(len(weights[0]), len(neurons), dtype=torch.float64)
        with torch.no_grad():  # filling in numbers is not part of any graph
            linear.weight.copy_(torch.tensor(weights, dtype=torch.float64))
            linear.bias.copy_(torch.tensor(biases, dtype=torch.float64))
        modules.append(linear)
        if activation != "linear":
            modules.append(getattr(torch.nn, TORCH_ACTIVATIONS[activation])())
    return torch.nn.Sequential(*modules)


def from_torch(seq: Any) -> MLP:
    """A takaisin `MLP` with the layers and weights of a torch Sequential.

    `seq` holds `Linear` layers, each followed by at most one of `ReLU`,
    `Tanh`, `Sigmoid` or `Identity`. Every hidden layer must use the same
    activation (an MLP has one `activation`, plus `last_activation`).
    Anything else is a clear error naming the layer.
    """
    torch = _import_torch("from_torch")
    if not isinstance(seq, torch.nn.Sequential):
        raise TypeError(
            f"from_torch needs a torch.nn.Sequential, got {type(seq).__name__}"
        )
    layers = _read_layers(torch, list(seq))
    sizes = [layers[0][0].in_features] + [lin.out_features for lin, _ in layers]
    hidden = {g for _, g in layers[:-1]}
    if len(hidden) > 1:
        found = ", ".join(g for _, g in layers[:-1])
        raise ValueError(
            "from_torch needs the same activation on every hidden layer (an MLP "
            f"has one), found {found}"
        )
    model = MLP(
        sizes[0],
        sizes[1:],
        activation=hidden.pop() if hidden else "relu",
        seed=0,
        last_activation=layers[-1][1],
    )
    state = {}
    for k, (linear, _) in enumerate(layers, 1):
        weights = linear.weight.detach().to(torch.float64).tolist()
        biases = (
            linear.bias.detach().to(torch.float64).tolist()
            if linear.bias is not None
            else [0.0] * linear.out_features  # no bias: the same as a bias of 0
        )
        for j, (row, b) in enumerate(zip(weights, biases, strict=True), 1):
            state[f"L{k}.N{j}.b"] = b
            for i, w in enumerate(row, 1):
                state[f"L{k}.N{j}.w{i}"] = w
    model.load_state_dict(state)  # checks that every number is finite
    return model


def _read_layers(torch: Any, modules: list) -> list[tuple[Any, str]]:
    """[(Linear, activation name)], checking the order and sizes of `modules`."""
    known = "Linear, " + ", ".join(FROM_TORCH)
    layers: list[tuple[Any, str]] = []
    for position, module in enumerate(modules):
        name = type(module).__name__
        where = f"layer {position} of the Sequential, {module!r}"
        if isinstance(module, torch.nn.Linear):
            if layers and module.in_features != layers[-1][0].out_features:
                raise ValueError(
                    f"{where} takes {module.in_features} inputs but the layer "
                    f"before gives {layers[-1][0].out_features}"
                )
            layers.append((module, "linear"))
        elif name in FROM_TORCH and type(module) is getattr(torch.nn, name):
            if not layers or layers[-1][1] != "linear":
                raise ValueError(
                    f"{where} is an activation that does not follow a Linear "
                    "layer; takaisin's layers are a Linear and at most one "
                    "activation"
                )
            layers[-1] = (layers[-1][0], FROM_TORCH[name])
        else:
            raise ValueError(
                f"from_torch cannot translate {where}: takaisin knows {known}"
            )
    if not layers:
        raise ValueError("from_torch needs at least one Linear layer, got none")
    return layers
