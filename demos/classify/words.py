"""Every word the classification pictures draw, in English and Finnish.

Kept in one table so a translator works on one file; the Finnish words are
the talk's (virhe, tarkkuus, askel, luokka, opetusdata, testidata). `{...}`
is filled in where the word is drawn (plot.py, digits_plot.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from demos.common.words import choose

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # boundary_figure
        "class": "class {c}",
        "wrong": "wrong ({n})",
        "boundary_key": "dot: the true class · shaded area: the network's answer",
        "points_right": "{right}/{n} training points right",
        # history_figure
        "step": "step",
        "loss": "loss",
        "loss_log": "loss (log scale)",
        "loss_title": "loss (lower is better)",
        "loss_log_title": "loss, log scale (lower is better)",
        "average": "average of {window} steps",
        "training_set": "training set",
        "training_batch": "training batch",
        "training_average": "training, average of {window} steps",
        "test_set": "test set",
        "accuracy": "accuracy (%)",
        "accuracy_title": "accuracy (higher is better)",
        "stopped": " (stopped by Ctrl-C after {steps} steps)",
        # digits_figure, predictions_figure
        "digits_key": "bars: the network's probability for each digit 0-9 · "
        "green outline: the true digit · red: a wrong guess",
        "digit_title": "true {label} · guess {guess} ({probability:.0%})",
    },
    "fi": {
        "class": "luokka {c}",
        "wrong": "väärin ({n})",
        "boundary_key": "piste: oikea luokka · varjostettu alue: verkon vastaus",
        "points_right": "{right}/{n} opetusdatan pistettä oikein",
        "step": "askel",
        "loss": "virhe",
        "loss_log": "virhe (logaritminen asteikko)",
        "loss_title": "virhe (pienempi on parempi)",
        "loss_log_title": "virhe, logaritminen asteikko (pienempi on parempi)",
        "average": "{window} askeleen keskiarvo",
        "training_set": "opetusdata",
        "training_batch": "opetusdatan minierä",
        "training_average": "opetusdata, {window} askeleen keskiarvo",
        "test_set": "testidata",
        "accuracy": "tarkkuus (%)",
        "accuracy_title": "tarkkuus (suurempi on parempi)",
        "stopped": " (pysäytetty Ctrl-C:llä {steps} askeleen jälkeen)",
        "digits_key": "pylväät: verkon todennäköisyys kullekin numerolle 0–9 · "
        "vihreä reunus: oikea numero · punainen: väärä arvaus",
        "digit_title": "oikea {label} · arvaus {guess} ({probability:.0%})",
    },
}


def words(lang: str) -> Mapping[str, str]:
    """The pictures' words in `lang` ("en" or "fi")."""
    return choose(WORDS, lang, "classify pictures")
