"""The code that completes each exercise: (notebook, exercise) -> cell source.

For teachers, and for the tests, which run every notebook with these in
place of the learner's cells. The same code serves both languages. Kept
out of the notebooks on purpose: a learner who wants the answer has to
come looking for it here.
"""

SOLUTIONS: dict[tuple[str, str], str] = {
    ("00", "pixels"): "pixels = 8 * 8",
    ("01", "flatten"): "vector = [p for row in image for p in row]",
    ("01", "scale"): "scaled = [p / 16 for p in X[0]]",
    ("02", "weighted_sum"): "z2 = w2[0] * x2[0] + w2[1] * x2[1] + w2[2] * x2[2] + b2",
    ("02", "neuron"): """def neuron(w, x, b):
    return sum((wi * xi for wi, xi in zip(w, x)), b).tanh()""",
    ("03", "parameter_count"): "count = (64 * 16 + 16) + (16 * 10 + 10)",
    ("03", "probabilities"): """total = sum(math.exp(s) for s in scores2)
probs2 = [math.exp(s) / total for s in scores2]""",
    ("04", "squared_error"): """def squared_error(y, y_target):
    return sum((a - t) ** 2 for a, t in zip(y, y_target)) / len(y)""",
    ("04", "cross_entropy"): "ce = -math.log(probs3[right])",
    ("05", "slope"): """def slope(f, w, h=1e-5):
    return (f(w + h) - f(w - h)) / (2 * h)""",
    ("05", "gradient"): "grad = [w2.grad, b2.grad]",
    ("06", "chain"): "by_hand = 2 * (3 * 2 + 1) * 3",
    ("06", "contribution"): "share = b_.data * upstream",
    ("07", "sgd_step"): """def sgd_step(params, lr):
    for p in params:
        p.data -= lr * p.grad""",
    ("07", "train_one_epoch"): """from nn import hinge

def train_one_epoch(model, X, y, lr, batch_size=20, seed=0):
    for X_batch, y_batch in minibatches(X, y, batch_size, rng=seed):
        outputs = [model(x) for x in X_batch]
        loss = hinge(outputs, y_batch)
        model.zero_grad()
        loss.backward()
        sgd_step(model.parameters(), lr)""",
    ("08", "predicted_digit"): """def predicted_digit(scores):
    numbers = [s.data if hasattr(s, "data") else s for s in scores]
    return max(range(len(numbers)), key=lambda i: numbers[i])""",
    ("08", "accuracy"): """def accuracy(model, X, y):
    right = sum(predicted_digit(model(x)) == label for x, label in zip(X, y))
    return right / len(y)""",
}


def solution(notebook: str, exercise: str) -> str:
    """The solution of one exercise; `notebook` is its number, like "01"."""
    try:
        return SOLUTIONS[notebook, exercise]
    except KeyError:
        known = ", ".join(f"{n}/{e}" for n, e in SOLUTIONS)
        raise KeyError(
            f"no solution for {notebook}/{exercise}; known: {known}"
        ) from None
