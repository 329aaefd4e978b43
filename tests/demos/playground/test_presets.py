"""The talk's stories: valid links, and each story happens."""

from itertools import pairwise
from urllib.parse import parse_qsl

import pytest

from demos.playground.presets import BY_ID, PRESETS, preset_list
from demos.playground.session import Session
from demos.playground.settings import parse_settings


def test_every_preset_is_a_valid_link_in_both_languages():
    for entry, preset in zip(preset_list(), PRESETS, strict=True):
        query = dict(parse_qsl(entry["query"], keep_blank_values=True))
        assert parse_settings(query) == preset.settings()
        for part in ("title", "story"):
            assert entry[part]["en"] and entry[part]["fi"]
    assert len(BY_ID) == len(PRESETS)


def train(preset_id: str, steps: int) -> Session:
    session = Session(BY_ID[preset_id].settings())
    assert session.step(steps) == steps
    return session


def test_xor_one_neuron_cannot_one_hidden_layer_can():
    one = train("xor-one-neuron", 200)
    assert one.metrics()["train_accuracy"] < 0.8
    hidden = train("xor-hidden-layer", 300)
    assert hidden.metrics()["train_accuracy"] > 0.9


def test_too_large_a_learning_rate_overshoots():
    losses = [row[1] for row in train("overshoot", 40).history.rows]
    ups = sum(b > a * 1.2 for a, b in pairwise(losses))
    assert ups >= 3  # the loss jumps up again and again


@pytest.mark.parametrize("steps", [150])
def test_few_noisy_points_the_test_loss_turns_up(steps):
    rows = train("overfitting", steps).history.rows
    test_losses = [row[2] for row in rows]
    lowest = min(test_losses)
    assert test_losses.index(lowest) < steps // 2
    assert test_losses[-1] > 1.5 * lowest
    assert rows[-1][1] < rows[0][1] / 3  # while the training loss falls
