"""takaisin's neural-network library, built from `engine` Values only.

    from nn import MLP, hinge, SGD
    model = MLP(2, [16, 16, 1], seed=0)     # 337 parameters
    loss = hinge([model(x) for x in X], y)
    model.zero_grad(); loss.backward(); SGD(model.parameters(), lr=0.1).step()

Where to read on:
    module.py       Module, Neuron, Layer, MLP: the network M(x)
    activations.py  the functions g a neuron applies: relu, tanh, sigmoid
    init.py         the random weights training starts from
    losses.py       mse, hinge, cross-entropy...: how wrong the model is
    optim.py        SGD and Adam: how the weights move
    io.py           save() and load(): a model as a JSON file;
                    files.py and json_reader.py read and write it safely
    torch_bridge.py to_torch() and from_torch(): the same network in PyTorch
"""

from nn.io import ModelFileError, load, save
from nn.losses import binary_cross_entropy, cross_entropy, hinge, l2, mse, softmax
from nn.module import MLP, Layer, Module, Neuron
from nn.optim import SGD, Adam
from nn.torch_bridge import from_torch, to_torch

__all__ = [
    "MLP",
    "SGD",
    "Adam",
    "Layer",
    "ModelFileError",
    "Module",
    "Neuron",
    "binary_cross_entropy",
    "cross_entropy",
    "from_torch",
    "hinge",
    "l2",
    "load",
    "mse",
    "save",
    "softmax",
    "to_torch",
]
