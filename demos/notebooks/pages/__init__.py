"""What each notebook says, English and Finnish side by side (see build.py)."""

from demos.notebooks.pages import (
    p00_start,
    p01_vector,
    p02_neuron,
    p03_network,
    p04_loss,
    p05_landscape,
    p06_backprop,
    p07_training,
    p08_digits,
)

PAGES = [
    p00_start,
    p01_vector,
    p02_neuron,
    p03_network,
    p04_loss,
    p05_landscape,
    p06_backprop,
    p07_training,
    p08_digits,
]
