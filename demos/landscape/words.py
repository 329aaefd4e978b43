"""Every word the landscape pictures draw, in English and Finnish.

Kept in one table so a translator works on one file; the Finnish words are
the talk's (virhe, virhemaasto, derivaatta, gradientti, paino, askel,
oppimisnopeus, "Arvataan?"). `{...}` is filled in where the word is drawn.
Under each picture's big title stands the name of the talk's slide it
belongs to, in Finnish in both languages: `SLIDES`.
"""

from __future__ import annotations

from collections.abc import Mapping

from demos.common.words import choose

SLIDES = {
    "derivative": "Yksiulotteinen virhemaasto ja derivaatta",
    "learning_rates": "Kuinka pitkiä askelia otetaan",
    "gradient": "Kaksiulotteinen virhemaasto ja gradientti",
    "two_valleys": "Jyrkimmän pudotuksen suunnan valitseminen ei välttämättä johda "
    "parhaimpaan lopputulokseen. Satunnaisuutta syntyy vaihtelemalla "
    "esimerkkejä askeleiden välissä.",
    "guessing": "Arvataan?  Parametreja ≈ h × k = paljon",
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        # shared: axes, colour key, descent paths
        "loss": "loss",
        "loss_w": "loss L(w)",
        "weight_w": "the weight w",
        "weight": "weight w",
        "bias": "bias b",
        "start": "start",
        "path_start": "start ({w:g}, {b:g})",
        "learning_rate": "learning rate {lr:g}",
        "gradient_descent": "gradient descent",
        # the derivative
        "title.derivative": "1-D error landscape: the derivative is the slope",
        "loss_mse": "loss L(w)  (mean squared error)",
        "flat": "dL/dw ≈ 0\nbottom: stop",
        "go_left": "go left ←",
        "go_right": "go right →",
        "model_1d": "model: ŷ = tanh(w·x) on 6 points",
        "slope_note": "each slope dL/dw is the .grad that backward() computed",
        # the learning rates
        "title.learning_rates": "How long a step? "
        "Gradient descent with three learning rates",
        "verdict.too_small": "too small: crawls",
        "verdict.good": "good: settles at the bottom",
        "verdict.too_large": "too large: jumps over the bottom",
        "after_steps": "after {steps} steps:\nw = {w:.2f}, loss {loss:.3f}",
        "step_rule": "each step: w ← w − learning rate × dL/dw   "
        "(dL/dw from backward())",
        # the gradient
        "title.gradient": "2-D error landscape: "
        "the gradient points uphill, we step downhill",
        "minus_gradient": "−gradient from backward()",
        "marks": "■ start,  ★ end",
        "model_2d": "model ŷ = tanh(w·x + b) on 6 points",
        "animation": "gradient descent, learning rate {lr:g}: step {step} of {steps}",
        # the two valleys
        "title.two_valleys": "The steepest way down is not always the best; "
        "shuffling adds useful noise",
        "valley.better": "better valley",
        "valley.worse": "worse valley",
        "valley_line": "{name}: w={w:.2f}, b={b:.2f}\nloss {loss:.2f}",
        "from_start": "from ({w:g}, {b:g}): {valley}, loss {loss:.2f}",
        "one_shuffled": "one shuffled run",
        "shuffled_ends": "where every shuffled run ended",
        "data_title": "the data: fit a line ŷ = w·x + b",
        "full_batch": "full batch: all {n} examples every step\n"
        "learning rate {lr:g}, {steps} steps",
        "minibatches": "minibatches of {batch} shuffled examples, same start\n"
        "learning rate {lr:g}, {steps} steps: {escapes} of {shuffles} runs "
        "end in the better valley",
        # guessing
        "title.guessing": "Why not just guess the weights?  "
        "Fine for 2 weights, not for 337",
        "title.guessing_yours": "Why not just guess the weights?  {n} of them",
        "random_guessing": "random guessing",
        "points_right": "{label}, {accuracy:.0%} of points right",
        "best_loss": "{label}\nbest loss {loss:.3f}",
        "knows_nothing": "all weights 0 (knows nothing): {loss:.2f}",
        "evaluations": "loss evaluations (a forward + backward counts as one)",
        "best_so_far": "best loss so far",
        "guess_note": "guesses from U(−{spread:g}, {spread:g}), learning rate {lr:g}",
        "panel.neuron": "one tanh neuron ŷ = tanh(w·x + b): 2 weights",
        "panel.moons": "moons network {network}: {n} weights, hinge loss",
        "panel.yours": "your model: {n} weights",
    },
    "fi": {
        "loss": "virhe",
        "loss_w": "virhe L(w)",
        "weight_w": "paino w",
        "weight": "paino w",
        "bias": "bias b",
        "start": "alku",
        "path_start": "alku ({w:g}, {b:g})",
        "learning_rate": "oppimisnopeus {lr:g}",
        "gradient_descent": "gradienttimenetelmä",
        "title.derivative": "Yksiulotteinen virhemaasto: derivaatta on kulmakerroin",
        "loss_mse": "virhe L(w)  (keskineliövirhe)",
        "flat": "dL/dw ≈ 0\npohja: pysähdy",
        "go_left": "mene vasemmalle ←",
        "go_right": "mene oikealle →",
        "model_1d": "malli: ŷ = tanh(w·x), 6 pistettä",
        "slope_note": "jokainen kulmakerroin dL/dw on backward()-kutsun laskema .grad",
        "title.learning_rates": "Kuinka pitkä askel? "
        "Gradienttimenetelmä kolmella oppimisnopeudella",
        "verdict.too_small": "liian pieni: matelee",
        "verdict.good": "hyvä: asettuu pohjalle",
        "verdict.too_large": "liian suuri: hyppää pohjan yli",
        "after_steps": "{steps} askeleen jälkeen:\nw = {w:.2f}, virhe {loss:.3f}",
        "step_rule": "joka askel: w ← w − oppimisnopeus × dL/dw   "
        "(dL/dw backward()-kutsusta)",
        "title.gradient": "Kaksiulotteinen virhemaasto: "
        "gradientti osoittaa ylämäkeen, askel otetaan alamäkeen",
        "minus_gradient": "−gradientti backward()-kutsusta",
        "marks": "■ alku,  ★ loppu",
        "model_2d": "malli ŷ = tanh(w·x + b), 6 pistettä",
        "animation": "gradienttimenetelmä, oppimisnopeus {lr:g}: askel {step}/{steps}",
        "title.two_valleys": "Jyrkin suunta alas ei aina ole paras; "
        "sekoittaminen tuo hyödyllistä satunnaisuutta",
        "valley.better": "parempi laakso",
        "valley.worse": "huonompi laakso",
        "valley_line": "{name}: w={w:.2f}, b={b:.2f}\nvirhe {loss:.2f}",
        "from_start": "alusta ({w:g}, {b:g}): {valley}, virhe {loss:.2f}",
        "one_shuffled": "yksi sekoitettu ajo",
        "shuffled_ends": "mihin kukin sekoitettu ajo päättyi",
        "data_title": "data: sovitetaan suora ŷ = w·x + b",
        "full_batch": "koko opetusdata: kaikki {n} esimerkkiä joka askeleella\n"
        "oppimisnopeus {lr:g}, {steps} askelta",
        "minibatches": "{batch} sekoitetun esimerkin minierät, sama alku\n"
        "oppimisnopeus {lr:g}, {steps} askelta: {escapes}/{shuffles} ajoa "
        "päättyy parempaan laaksoon",
        "title.guessing": "Miksei vain arvata painoja?  Käy 2 painolle, ei 337:lle",
        "title.guessing_yours": "Miksei vain arvata painoja?  Niitä on {n}",
        "random_guessing": "satunnainen arvaus",
        "points_right": "{label}, {accuracy:.0%} pisteistä oikein",
        "best_loss": "{label}\nparas virhe {loss:.3f}",
        "knows_nothing": "kaikki painot 0 (ei tiedä mitään): {loss:.2f}",
        "evaluations": "virheen laskentoja (forward + backward on yksi)",
        "best_so_far": "paras virhe tähän asti",
        "guess_note": "arvaukset jakaumasta U(−{spread:g}, {spread:g}), "
        "oppimisnopeus {lr:g}",
        "panel.neuron": "yksi tanh-neuroni ŷ = tanh(w·x + b): 2 painoa",
        "panel.moons": "kahden kuun verkko {network}: {n} painoa, saranavirhe",
        "panel.yours": "sinun mallisi: {n} painoa",
    },
}


def words(lang: str) -> Mapping[str, str]:
    """The pictures' words in `lang` ("en" or "fi")."""
    return choose(WORDS, lang, "landscape pictures")
