"""The moons network trained twice from the same weights: takaisin, then PyTorch.

    python docs/moons_torch.py

micrograd's demo recipe (MLP(2, [16, 16, 1]), hinge loss + 1e-4 * L2, SGD
with the learning rate going from 1.0 to 0.1, 100 full-batch steps), once
with takaisin's Values and once with `nn.to_torch(model)`, which starts from
the very same 337 weights. The two print the same losses (to rounding) and
very different times: PyTorch does a whole layer as one matrix product, where
takaisin makes one Value per number so you can look at every one of them.
Needs PyTorch (pip install torch).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

# Run from anywhere in a checkout: the repository root holds engine/, nn/, demos/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from demos.datasets import make_moons
from nn import MLP, SGD, hinge, l2, to_torch

STEPS = 100


def learning_rate(step: int) -> float:
    return 1.0 - 0.9 * step / STEPS


def train_takaisin(model: MLP, X: list, y: list, steps: int = STEPS) -> list[float]:
    opt = SGD(model.parameters(), lr=1.0)
    losses = []
    for step in range(steps):
        opt.lr = learning_rate(step)
        loss = hinge([model(x) for x in X], y) + 1e-4 * l2(model.parameters())
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.data)
    return losses


def train_torch(seq, X: list, y: list, steps: int = STEPS) -> list[float]:
    import torch

    inputs = torch.tensor(X, dtype=torch.float64)
    labels = torch.tensor(y, dtype=torch.float64)
    opt = torch.optim.SGD(seq.parameters(), lr=1.0)
    losses = []
    for step in range(steps):
        opt.param_groups[0]["lr"] = learning_rate(step)
        scores = seq(inputs).squeeze(1)
        hinge_loss = torch.relu(1 - labels * scores).mean()
        loss = hinge_loss + 1e-4 * sum((p**2).sum() for p in seq.parameters())
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses


def accuracy(scores: list[float], y: list[int]) -> float:
    return sum((s > 0) == (t > 0) for s, t in zip(scores, y, strict=True)) / len(y)


def main() -> None:
    X, labels = make_moons(100, noise=0.1, seed=0)
    y = [2 * label - 1 for label in labels]  # hinge wants -1 and +1
    model = MLP(2, [16, 16, 1], seed=0)
    seq = to_torch(model)  # the same weights, before either has trained
    # PyTorch's very first step sets itself up (about a second here); do
    # that on a throwaway copy, so the time below is training only.
    train_torch(to_torch(MLP(2, [16, 16, 1], seed=1)), X, y, steps=1)

    start = time.perf_counter()
    ours = train_takaisin(model, X, y)
    takaisin_time = time.perf_counter() - start
    start = time.perf_counter()
    theirs = train_torch(seq, X, y)
    torch_time = time.perf_counter() - start

    import torch

    with torch.no_grad():
        torch_scores = seq(torch.tensor(X, dtype=torch.float64)).squeeze(1).tolist()
    print("step   takaisin loss        PyTorch loss")
    for step in (0, 1, 10, 50, STEPS - 1):
        print(f"{step:4d}   {ours[step]:.15f}   {theirs[step]:.15f}")
    largest = max(abs(a - b) for a, b in zip(ours, theirs, strict=True))
    print(f"largest loss difference over {STEPS} steps: {largest:.1e}")
    print(
        f"accuracy: takaisin {accuracy([model(x).data for x in X], y):.0%}, "
        f"PyTorch {accuracy(torch_scores, y):.0%}"
    )
    print(
        f"time for {STEPS} steps: takaisin {takaisin_time:.2f} s, PyTorch "
        f"{torch_time:.2f} s ({takaisin_time / torch_time:.0f}x faster in PyTorch)"
    )


if __name__ == "__main__":
    main()
