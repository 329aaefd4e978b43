"""The words of the "why?" panel (issue 14), English and Finnish.

text.py puts these into the one table the page gets (`/api/boot`). Kept
apart only so that each file stays short. `{name}` is filled in by the page
with a number or a name from the answer, already formatted. The stepper
page's title (`stepper.title`) is filled in here, in Python.
"""

from __future__ import annotations

WHY_PAIRS: dict[str, tuple[str, str]] = {
    "why.title": ("Why? One point, step by step", "Miksi? Yksi piste askel askeleelta"),
    "why.hint": ("click a point: why?", "napsauta pistettä: miksi?"),
    "why.paused": (
        "Training is paused while you look at this point.",
        "Opetus on pysäytetty, kun tarkastelet tätä pistettä.",
    ),
    "why.point_train": ("training point {index}", "opetuspiste {index}"),
    "why.point_test": ("test point {index}", "testipiste {index}"),
    "why.forward": (
        "Forward pass at the current weights",
        "Eteenpäin laskenta nykyisillä painoilla",
    ),
    "why.layer": ("Layer {k} ({activation})", "Kerros {k} ({activation})"),
    "why.sum": ("weighted sum s", "painotettu summa s"),
    "why.activated": ("output g(s)", "tuloste g(s)"),
    "why.probabilities": ("Probabilities", "Todennäköisyydet"),
    "why.label": ("right class", "oikea luokka"),
    "why.predicted": ("the network says", "verkon vastaus"),
    "why.loss": ("loss of this point", "tämän pisteen virhe"),
    "why.correct": ("classified right", "luokiteltu oikein"),
    "why.wrong": (
        "misclassified: the network gets this point wrong",
        "väärin luokiteltu: verkko erehtyy tässä pisteessä",
    ),
    "why.graph": ("Computation graph", "Laskentagraafi"),
    "why.graph_whole": ("the whole graph: {n} nodes", "koko graafi: {n} solmua"),
    "why.graph_focus": (
        "only the paths from the loss back to {focus}; {left} more nodes not shown",
        "vain polut virheestä takaisin kohteeseen {focus}; {left} muuta solmua "
        "jätetty pois",
    ),
    "why.enlarge": (
        "click the picture to see it full size",
        "napsauta kuvaa nähdäksesi sen täysikokoisena",
    ),
    "why.stepper": (
        "Step through backprop for this point",
        "Käy takaisinleviäminen läpi askel askeleelta tälle pisteelle",
    ),
    "why.weight": ("Weight", "Paino"),
    "why.pick": (
        "pick a weight here, or click an edge in the network picture",
        "valitse paino tästä tai napsauta yhteyttä verkon kuvassa",
    ),
    "why.chain": (
        "The chain rule from the loss back to {w}",
        "Ketjusääntö virheestä takaisin painoon {w}",
    ),
    "why.path": ("path {i}", "polku {i}"),
    "why.sum_paths": (
        "sum of the paths = dL/dw for this point",
        "polkujen summa = dL/dw tälle pisteelle",
    ),
    "why.paths_left_out": (
        "{n} more paths not written out (they are in the sum)",
        "{n} muuta polkua ei kirjoitettu auki (ne ovat summassa mukana)",
    ),
    "why.explain": (
        "What backward does on the way to {w}",
        "Mitä takaisinleviäminen tekee matkalla painoon {w}",
    ),
    "why.step": (
        "The next step uses the whole batch",
        "Seuraava askel käyttää koko erää",
    ),
    "why.batch_loss": ("batch loss", "erän virhe"),
    "why.batch_grad": ("batch gradient dL/dw", "erän gradientti dL/dw"),
    "why.optimizer": ("optimizer", "optimoija"),
    "why.after": ("This point after one step", "Tämä piste yhden askeleen jälkeen"),
    "why.output_move": (
        "output {name}: {before} → {after}",
        "tuloste {name}: {before} → {after}",
    ),
    "why.prob_move": (
        "probability of the right class {c}: {before} → {after}",
        "oikean luokan {c} todennäköisyys: {before} → {after}",
    ),
    "why.predicted_after": (
        "after the step the network says class {c}",
        "askeleen jälkeen verkko sanoo luokka {c}",
    ),
    "why.one_step": ("One step", "Yksi askel"),
    "why.took": (
        "{w} is now {value}, the value the panel said.",
        "{w} on nyt {value}, juuri se arvo, jonka paneeli lupasi.",
    ),
    "why.differs": (
        "{w} is now {value}; the panel said {expected}.",
        "{w} on nyt {value}; paneeli lupasi {expected}.",
    ),
    "why.loading": ("asking takaisin…", "kysytään takaisinilta…"),
    "why.stale": (
        "(The network is training: these numbers are from before step {step}; "
        "pause to update them.)",
        "(Verkko oppii: nämä luvut ovat ajalta ennen askelta {step}; pysäytä, "
        "niin ne päivittyvät.)",
    ),
    "why.no_picture": (
        "no picture: the paths are too long to draw readably",
        "ei kuvaa: polut ovat liian pitkiä piirrettäviksi luettavasti",
    ),
    # Filled in by Python (stepper_page.py): the served stepper page's title.
    "stepper.title": (
        "{which} point {index} ({x}, {y}), right class {label}",
        "{which}piste {index} ({x}, {y}), oikea luokka {label}",
    ),
    "stepper.train": ("training", "opetus"),
    "stepper.test": ("test", "testi"),
}
