"""The talk's stories as ready-made settings; each one becomes a link.

A preset is a title, a short story (what to watch for, what to try next)
and settings; its `query` is the canonical URL query of those settings, so
the page shows it as a link and a teacher can pass it on. Every preset's
settings go through `parse_settings` (tests check they are valid and that
each story happens: the XOR neuron stays stuck, the hidden layer learns...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from demos.playground.settings import Settings, parse_settings, to_query


@dataclass(frozen=True)
class Preset:
    id: str
    title: tuple[str, str]  # (English, Finnish)
    story: tuple[str, str]
    values: dict[str, str]

    def settings(self) -> Settings:
        return parse_settings(self.values)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": {"en": self.title[0], "fi": self.title[1]},
            "story": {"en": self.story[0], "fi": self.story[1]},
            "query": to_query(self.settings()),
        }


PRESETS: tuple[Preset, ...] = (
    Preset(
        "xor-one-neuron",
        ("XOR: one neuron cannot", "XOR: yksi neuroni ei osaa"),
        (
            "No hidden layer: one neuron draws one straight line, and no "
            "straight line separates the four corners. Press play: the accuracy "
            "stays near 70%. Then add a hidden layer with the + button.",
            "Ei piilokerrosta: yksi neuroni piirtää yhden suoran, eikä mikään suora "
            "erota neljää kulmaa. Käynnistä: tarkkuus jää noin 70 %:iin. Lisää "
            "sitten piilokerros +-napilla.",
        ),
        {"dataset": "xor", "hidden": "", "lr": "1"},
    ),
    Preset(
        "xor-hidden-layer",
        ("XOR: one hidden layer can", "XOR: yksi piilokerros osaa"),
        (
            "Four hidden neurons, each a straight line (look at their tiles); "
            "the output neuron combines them into the XOR pattern.",
            "Neljä piiloneuronia, kukin yksi suora (katso niiden kuvia); "
            "ulostuloneuroni yhdistää ne XOR-kuvioksi.",
        ),
        {"dataset": "xor", "hidden": "4", "lr": "1"},
    ),
    Preset(
        "overshoot",
        (
            "Too large a learning rate overshoots",
            "Liian suuri oppimisnopeus hyppää yli",
        ),
        (
            "With a learning rate of 3 each step jumps past the bottom of the "
            "loss: the training loss goes up and down instead of falling. Try "
            "0.3, then 100.",
            "Oppimisnopeudella 3 jokainen askel hyppää virheen pohjan yli: "
            "opetusvirhe nousee ja laskee sen sijaan, että se pienenisi. Kokeile "
            "arvoa 0.3 ja sitten 100.",
        ),
        {"dataset": "moons", "hidden": "8,8", "lr": "3"},
    ),
    Preset(
        "spiral-depth",
        ("The spiral needs depth", "Spiraali vaatii syvyyttä"),
        (
            "Three arms that wind into each other: three hidden layers of 8 "
            "neurons follow them. Remove layers and watch the boundary give up.",
            "Kolme toistensa ympäri kiertyvää haaraa: kolme kahdeksan neuronin "
            "piilokerrosta seuraa niitä. Poista kerroksia ja katso, miten raja "
            "luovuttaa.",
        ),
        {
            "dataset": "spiral",
            "points": "300",
            "hidden": "8,8,8",
            "optimizer": "adam",
            "lr": "0.01",
        },
    ),
    Preset(
        "overfitting",
        (
            "Few noisy points: the test loss turns up",
            "Vähän kohinaisia pisteitä: testivirhe kääntyy nousuun",
        ),
        (
            "Thirty noisy points and a big network: it learns every training "
            "point by heart. The training loss keeps falling while the test "
            "loss turns up. Try L2 or more points.",
            "Kolmekymmentä kohinaista pistettä ja iso verkko: se opettelee "
            "jokaisen opetuspisteen ulkoa. Opetusvirhe pienenee koko ajan, mutta "
            "testivirhe kääntyy nousuun. Kokeile L2:ta tai useampaa pistettä.",
        ),
        {
            "dataset": "moons",
            "points": "30",
            "noise": "0.5",
            "train_percent": "50",
            "show_test": "true",
            "hidden": "16,16",
            "optimizer": "adam",
            "lr": "0.01",
        },
    ),
)

BY_ID = {preset.id: preset for preset in PRESETS}


def preset_list() -> list[dict[str, Any]]:
    """The presets as JSON for the page."""
    return [preset.as_dict() for preset in PRESETS]
