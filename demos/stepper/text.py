"""The words on the stepper page, in English and Finnish.

Kept apart from the code so a translator can work on one file. `{...}` are
filled in by `stepper.py`; everything ends up as text on the page
(never as HTML), so no escaping is needed here.
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "page_title": "Backpropagation, step by step",
        "prev": "◀ Previous",
        "next": "Next ▶",
        "step_of": "Step {k} of {n}",
        "keys": "Keys: ← → to step, Home / End to jump",
        "steps": "All steps",
        "data": "data",
        "grad": "grad",
        "zoom_in": "Zoom in",
        "zoom_out": "Zoom out",
        "fit": "Fit",
        "jump": "Jump to…",
        "jump_phase": "{phase}",
        "jump_forward": "Forward pass, layer {layer}",
        "jump_backward": "Backward pass, layer {layer}",
        "focus_next": "Next step on the path to {name} ▶",
        "focus_prev": "◀ Previous on the path",
        "focus_info": "● marks the {n} steps on the path from {root} back to {name}.",
        "role_input": "input",
        "role_parameter": "weight or bias (learned)",
        "role_computed": "computed",
        "role_output": "output",
        "role_constant": "constant",
        "role_focus": "chosen value",
        "legend": "∂(box)/∂(parent) is a local derivative, one "
        "operation's own; d{root}/d(box) is a gradient, how {root} moves. "
        "Numbers are rounded to 4 decimals; ≈ marks a result computed from the "
        "unrounded numbers, which the rounded ones give only nearly.",
        "phase_graph": "The graph",
        "phase_forward": "Forward pass",
        "phase_backward": "Backward pass",
        "phase_done": "Done",
        "start_title": "The computation graph of {root}",
        "start_1": "Each box is one number: its name, its value (data) and, once "
        "the backward pass reaches it, its gradient (grad).",
        "start_2": "An arrow goes from a number to the one computed from it.",
        "start_3": "Press Next (or →) to run the forward pass from left to right.",
        "leaves_title": "The given numbers",
        "leaves_1": "Inputs, weights and constants are the leaves of the graph: "
        "nothing computes them, they are given.",
        "forward_title": "Compute {name}",
        "forward_rules": "While computing it, {name} also notes its local "
        "derivatives ∂: how much it moves when one parent alone moves.",
        "seed_title": "Backward pass starts: d{root}/d{root} = 1",
        "seed_1": "Every grad starts at 0. {root} moves one-for-one with itself, "
        "so its own gradient is 1.",
        "seed_2": "Now the chain rule runs from right to left, one arrow at a time.",
        "backward_title": "{node} → {parent}",
        "backward_complete": "d{root}/d{node} = {upstream} is complete: everything "
        "that uses {node} has already passed its share back.",
        "backward_local": "Local derivative: {rule}",
        "backward_note": "{parent}.grad so far + this share: {sum}",
        "done_title": "Done: every grad is filled in",
        "done_1": "Each grad is d{root}/d(that number): how much {root} changes "
        "when that number is nudged a little.",
        "done_2": "These are exactly the numbers backward() computes.",
    },
    "fi": {
        "page_title": "Takaisinleviäminen askel kerrallaan",
        "prev": "◀ Edellinen",
        "next": "Seuraava ▶",
        "step_of": "Askel {k} / {n}",
        "keys": "Näppäimet: ← → askeltaa, Home / End hyppää",
        "steps": "Kaikki askeleet",
        "data": "arvo",
        "grad": "grad",
        "zoom_in": "Suurenna",
        "zoom_out": "Pienennä",
        "fit": "Sovita",
        "jump": "Hyppää…",
        "jump_phase": "{phase}",
        "jump_forward": "Eteenpäin, kerros {layer}",
        "jump_backward": "Takaisinpäin, kerros {layer}",
        "focus_next": "Seuraava askel kohti lukua {name} ▶",
        "focus_prev": "◀ Edellinen polulla",
        "focus_info": "● merkitsee {n} askelta polulla {root} → … → {name}.",
        "role_input": "syöte",
        "role_parameter": "paino tai vakiotermi (opitaan)",
        "role_computed": "laskettu",
        "role_output": "tulos",
        "role_constant": "vakio",
        "role_focus": "valittu luku",
        "legend": "∂(laatikko)/∂(vanhempi) on paikallinen derivaatta, yhden "
        "laskutoimituksen oma; d{root}/d(laatikko) on gradientti: kuinka {root} "
        "muuttuu. Luvut on pyöristetty 4 desimaaliin; ≈ merkitsee tulosta, joka "
        "on laskettu pyöristämättömistä luvuista.",
        "phase_graph": "Laskentaverkko",
        "phase_forward": "Eteenpäin",
        "phase_backward": "Takaisinpäin",
        "phase_done": "Valmis",
        "start_title": "Laskun {root} laskentaverkko",
        "start_1": "Jokainen laatikko on yksi luku: sen nimi, arvo (data) ja, kun "
        "takaisinleviäminen ehtii siihen, sen gradientti (grad).",
        "start_2": "Nuoli kulkee luvusta siihen lukuun, joka lasketaan sen avulla.",
        "start_3": "Paina Seuraava (tai →): lasketaan eteenpäin vasemmalta oikealle.",
        "leaves_title": "Annetut luvut",
        "leaves_1": "Syötteet, painot ja vakiot ovat verkon lehtiä: niitä ei "
        "lasketa, ne annetaan.",
        "forward_title": "Lasketaan {name}",
        "forward_rules": "Samalla {name} kirjaa paikalliset derivaattansa ∂: kuinka "
        "paljon se muuttuu, kun vain yksi vanhempi muuttuu.",
        "seed_title": "Takaisinleviäminen alkaa: d{root}/d{root} = 1",
        "seed_1": "Jokainen grad on aluksi 0. {root} muuttuu yksi yhteen itsensä "
        "kanssa, joten sen oma gradientti on 1.",
        "seed_2": "Nyt ketjusääntö kulkee oikealta vasemmalle, nuoli kerrallaan.",
        "backward_title": "{node} → {parent}",
        "backward_complete": "d{root}/d{node} = {upstream} on valmis: kaikki, jotka "
        "käyttävät lukua {node}, ovat jo antaneet osuutensa.",
        "backward_local": "Paikallinen derivaatta: {rule}",
        "backward_note": "{parent}.grad tähän asti + tämä osuus: {sum}",
        "done_title": "Valmis: jokainen gradientti on laskettu",
        "done_1": "Jokainen grad on d{root}/d(luku): kuinka paljon {root} muuttuu, "
        "kun lukua tönäistään vähän.",
        "done_2": "Nämä ovat täsmälleen ne luvut, jotka backward() laskee.",
    },
}

# The examples' titles on a Finnish page (English ones are in
# demos/common/examples.py).
EXAMPLE_TITLES_FI: dict[str, str] = {
    "neuron": "yksi neuroni z = tanh(w1·x1 + w2·x2 + b)",
    "expression": "L = (a·b + c)·f, yksi laskutoimitus kerrallaan",
    "reuse": "y = a·a + a·b: sama luku kolmessa paikassa",
    "net": "2-3-1-tanh-neuroverkko ja sen neliövirhe",
    "deep": "2-3-3-1-tanh-neuroverkko (71 askelta)",
}
