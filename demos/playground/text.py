"""Every word the playground shows, in English and in Finnish (same keys).

The page asks the server for this table once (`/api/boot`) and never writes
a word of its own, so a translation is one place to look at. Keys:

    setting.NAME          the label of a setting's control
    help.NAME             one sentence that says what the setting does
    choice.NAME.VALUE     the label of one choice (datasets, activations...)
    group.GROUP           data / network / training
    ui.WORD               buttons, headings, curve names, hover texts
    why.WORD              the "why?" panel of one point (why_text.py)
    stepper.WORD          the title of the stepper page it opens

The Finnish words are the talk's: neuroni, aktivointifunktio, virhefunktio,
gradientti, oppimisnopeus.
"""

from __future__ import annotations

from demos.playground.why_text import WHY_PAIRS

_PAIRS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- groups
    "group.data": ("Data", "Data"),
    "group.network": ("Network", "Verkko"),
    "group.training": ("Training", "Opetus"),
    # -------------------------------------------------------------- settings
    "setting.dataset": ("Data set", "Aineisto"),
    "setting.points": ("Number of points", "Pisteiden määrä"),
    "setting.noise": ("Noise", "Kohina"),
    "setting.train_percent": ("Training data (%)", "Opetusdatan osuus (%)"),
    "setting.show_test": ("Show test data", "Näytä testidata"),
    "setting.hidden": ("Hidden layers", "Piilokerrokset"),
    "setting.activation": ("Activation function", "Aktivointifunktio"),
    "setting.optimizer": ("Optimizer", "Optimoija"),
    "setting.lr": ("Learning rate", "Oppimisnopeus"),
    "setting.batch": ("Batch size", "Erän koko"),
    "setting.l2": ("L2 regularisation", "L2-regularisointi"),
    "setting.loss": ("Loss function", "Virhefunktio"),
    "setting.seed": ("Seed", "Siemenluku"),
    "setting.speed": ("Speed (steps/s)", "Nopeus (askelta/s)"),
    # ------------------------------------------------------------------ help
    "help.dataset": (
        "Which points the network learns to tell apart.",
        "Mitkä pisteet verkko oppii erottamaan toisistaan.",
    ),
    "help.points": (
        "How many points are made (training and test together).",
        "Montako pistettä tehdään (opetus- ja testipisteet yhteensä).",
    ),
    "help.noise": (
        "How much every point is moved at random.",
        "Kuinka paljon jokaista pistettä siirretään satunnaisesti.",
    ),
    "help.train_percent": (
        "The share of the points used for training; the rest test the network.",
        "Opetukseen käytettävä osuus pisteistä; loput testaavat verkkoa.",
    ),
    "help.show_test": (
        "Draw the test points too (the network never trains on them).",
        "Piirrä myös testipisteet (verkko ei koskaan opi niistä).",
    ),
    "help.hidden": (
        "Neurons per hidden layer; no hidden layer is one neuron per class.",
        "Neuronien määrä kussakin piilokerroksessa; ilman piilokerroksia verkko "
        "on yksi neuroni luokkaa kohden.",
    ),
    "help.activation": (
        "The function g each hidden neuron applies to its weighted sum.",
        "Funktio g, jonka jokainen piiloneuroni laskee painotetusta summastaan.",
    ),
    "help.optimizer": (
        "How the weights move against the gradient at each step.",
        "Miten painot liikkuvat gradienttia vastaan joka askeleella.",
    ),
    "help.lr": (
        "How far each step goes: too small is slow, too large overshoots.",
        "Kuinka pitkä jokainen askel on: liian pieni on hidas, liian suuri hyppää yli.",
    ),
    "help.batch": (
        "Points per step, shuffled every epoch; 0 = all training points.",
        "Pisteitä askelta kohden, sekoitetaan joka kierroksella; 0 = kaikki "
        "opetuspisteet.",
    ),
    "help.l2": (
        "Each step adds λ·w to every gradient: the weights are pulled towards 0.",
        "Joka askeleella jokaiseen gradienttiin lisätään λ·w: painot vetäytyvät "
        "kohti nollaa.",
    ),
    "help.loss": (
        "How the error of two classes is measured; three or more classes "
        "always use cross-entropy.",
        "Miten kahden luokan virhe mitataan; kolmella tai useammalla luokalla "
        "käytetään aina ristientropiaa.",
    ),
    "help.seed": (
        "The same seed gives the same points and the same first weights.",
        "Sama siemenluku antaa samat pisteet ja samat alkupainot.",
    ),
    "help.speed": (
        "How many training steps are taken per second while playing.",
        "Montako opetusaskelta otetaan sekunnissa, kun opetus on käynnissä.",
    ),
    # --------------------------------------------------------------- choices
    "choice.dataset.moons": ("Two moons", "Kaksi kuuta"),
    "choice.dataset.circles": ("Circles", "Ympyrät"),
    "choice.dataset.xor": ("XOR", "XOR"),
    "choice.dataset.spiral": ("Spiral (3 classes)", "Spiraali (3 luokkaa)"),
    "choice.dataset.blobs": ("Blobs (3 classes)", "Pilvet (3 luokkaa)"),
    "choice.activation.relu": ("ReLU", "ReLU"),
    "choice.activation.tanh": ("tanh", "tanh"),
    "choice.activation.sigmoid": ("sigmoid", "sigmoidi"),
    "choice.activation.linear": ("linear", "lineaarinen"),
    "choice.optimizer.sgd": ("SGD", "SGD"),
    "choice.optimizer.momentum": ("SGD with momentum", "SGD ja liikemäärä"),
    "choice.optimizer.adam": ("Adam", "Adam"),
    "choice.loss.bce": ("Binary cross-entropy", "Binäärinen ristientropia"),
    "choice.loss.hinge": ("Hinge", "Saranavirhe (hinge)"),
    "choice.loss.cross_entropy": ("Softmax + cross-entropy", "Softmax + ristientropia"),
    "choice.batch.0": ("all (full batch)", "kaikki (koko data)"),
    # -------------------------------------------------------------------- ui
    "ui.title": ("takaisin playground", "takaisin-leikkikenttä"),
    "ui.play": ("Play", "Käynnistä"),
    "ui.pause": ("Pause", "Pysäytä"),
    "ui.step": ("One step", "Yksi askel"),
    "ui.reset": ("Reset", "Alusta"),
    "ui.step_count": ("Step", "Askel"),
    "ui.epoch": ("Epoch", "Kierros"),
    "ui.train_loss": ("Training loss", "Opetusvirhe"),
    "ui.test_loss": ("Test loss", "Testivirhe"),
    "ui.train_accuracy": ("Training accuracy", "Opetustarkkuus"),
    "ui.test_accuracy": ("Test accuracy", "Testitarkkuus"),
    "ui.none": ("n/a", "ei ole"),
    "ui.boundary": ("Decision boundary", "Päätösraja"),
    "ui.network": ("Network", "Verkko"),
    "ui.curves": ("Loss and accuracy", "Virhe ja tarkkuus"),
    "ui.input": ("Input", "Syöte"),
    "ui.output": ("Output", "Tuloste"),
    "ui.neuron": ("Neuron", "Neuroni"),
    "ui.layer": ("Layer", "Kerros"),
    "ui.weight": ("Weight", "Paino"),
    "ui.bias": ("Bias", "Vakiotermi"),
    "ui.gradient": ("Gradient", "Gradientti"),
    "ui.add_layer": ("Add a layer", "Lisää kerros"),
    "ui.remove_layer": ("Remove a layer", "Poista kerros"),
    "ui.add_neuron": ("Add a neuron", "Lisää neuroni"),
    "ui.remove_neuron": ("Remove a neuron", "Poista neuroni"),
    "ui.class": ("Class", "Luokka"),
    "ui.tool_add": ("Click adds a point", "Napsautus lisää pisteen"),
    "ui.tool_remove": ("Click removes a point", "Napsautus poistaa pisteen"),
    "ui.shift_hint": (
        "Shift-click removes the nearest point.",
        "Vaihto-napsautus poistaa lähimmän pisteen.",
    ),
    "ui.load_csv": (
        "Load a CSV file (x1,x2,label)",
        "Lataa CSV-tiedosto (x1,x2,luokka)",
    ),
    "ui.csv_loaded": ("Points from your file", "Pisteet tiedostostasi"),
    "ui.export_png": ("Save the picture (PNG)", "Tallenna kuva (PNG)"),
    "ui.export_model": ("Save the model (JSON)", "Tallenna malli (JSON)"),
    "ui.export_history": ("Save the history (CSV)", "Tallenna historia (CSV)"),
    "ui.presets": ("Stories to try", "Kokeiltavia tarinoita"),
    "ui.language": ("Suomeksi", "In English"),
    "ui.copy_link": ("Copy the link", "Kopioi linkki"),
    "ui.error": ("Something went wrong", "Jokin meni pieleen"),
    "ui.hide_warning": (
        "Some names in hide= are not settings and were ignored:",
        "Jotkin hide=-kohdan nimet eivät ole asetuksia, ja ne ohitettiin:",
    ),
    "ui.legend_test": ("hollow rings: test points", "renkaat: testipisteet"),
    "ui.legend_wrong": (
        "crossed: the network gets it wrong",
        "ruksi: verkko luokittelee väärin",
    ),
    "ui.close": ("Close", "Sulje"),
    "ui.server_gone": (
        "The playground server does not answer; start it again.",
        "Leikkikentän palvelin ei vastaa; käynnistä se uudelleen.",
    ),
}

_PAIRS.update(WHY_PAIRS)

TEXT: dict[str, dict[str, str]] = {
    "en": {key: en for key, (en, _) in _PAIRS.items()},
    "fi": {key: fi for key, (_, fi) in _PAIRS.items()},
}

LANGUAGES = ("en", "fi")


def word(key: str, lang: str = "en") -> str:
    """The text for `key` in `lang` ("en" or "fi")."""
    return TEXT[lang][key]
