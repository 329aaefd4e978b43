"""The classification demos: a network learns to tell classes of points apart.

    moons.py circles.py xor.py spiral.py digits.py   one command each
    run.py    what they share: losses, answers, train-save-plot, the last line
    train.py  the one training loop: forward, loss, backward, step; repeat
    plot.py   decision boundaries, loss and accuracy curves, digit predictions
    words.py  every word those pictures draw, in English and Finnish

Uses `engine`, `nn`, `demos.common`, `demos.datasets`; matplotlib and tqdm
(the `demos` extra) for pictures and progress bars.
"""
