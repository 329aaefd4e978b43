"""04: the loss L(M(x), y), and guessing the weights."""

from demos.notebooks.build import check, code, exercise, md, setup

NAMES = {"en": "04_loss", "fi": "04_virhe"}

CELLS = [
    md(
        en="""
# 04 — The loss, and "shall we guess?"

For a series of pictures we know the right answers: the **training data**,
`y_train`. We choose a suitable **loss function** `L` that is given both the
network's prediction `y` and `y_train`; if `y = y_train` then `L = 0`.

picture `x` → network output `M_W(x) = y` → compute `L(y, y_train)`.

We want to find the parameters `W` for which the loss is small for every
picture. The simplest loss is the mean of the squared differences:
""",
        fi="""
# 04 — Virhe, ja "arvataan?"

Sarjalle kuvia tiedämme oikeat vastaukset: **opetusdata**, `y_opetus`.
Valitaan jokin sopiva **virhefunktio** `L`, jolle syötetään sekä neuroverkon
ennuste `y` että `y_opetus`; jos `y = y_opetus`, niin `L = 0`.

kuva `x` → verkko antaa ulostulon `M_W(x) = y` → lasketaan `L(y, y_opetus)`.

Haluamme löytää parametrit `W`, joilla virhe on pieni kaikille kuville.
Yksinkertaisin virhefunktio on erotusten neliöiden keskiarvo:
""",
    ),
    code(setup("en"), setup("fi")),
    code(
        en="""
from nn import cross_entropy, mse

y_train = [1.0, 0.0, 0.0]  # cat, dog, sloth: it is a cat
print("right answer:", mse([1.0, 0.0, 0.0], y_train).data)
print("noise:       ", mse([0.0865, 0.11234, 0.349], y_train).data)
""",
        fi="""
from nn import cross_entropy, mse

y_train = [1.0, 0.0, 0.0]  # kissa, koira, laiskiainen: kuvassa on kissa
print("oikea vastaus:", mse([1.0, 0.0, 0.0], y_train).data)
print("kohinaa:      ", mse([0.0865, 0.11234, 0.349], y_train).data)
""",
    ),
    md(
        en="""
**Exercise 1.** Write `squared_error(y, y_target)`: the mean over the outputs
of `(y[i] - y_target[i])**2`, with plain Python numbers.
""",
        fi="""
**Tehtävä 1.** Kirjoita `squared_error(y, y_target)`: ulostulojen yli laskettu
keskiarvo luvuista `(y[i] - y_target[i])**2`, tavallisilla Pythonin luvuilla.
""",
    ),
    exercise(
        "squared_error",
        en="""
def squared_error(y, y_target):
    return ...  # YOUR CODE HERE
""",
        fi="""
def squared_error(y, y_target):
    return ...  # KIRJOITA KOODISI TÄHÄN
""",
    ),
    check("squared_error", "check.squared_error(squared_error)"),
    md(
        en="""
For class probabilities the usual loss is the **cross-entropy**:
`L = -log(probability of the right class)`. It is 0 when the network is
sure and right, and grows without bound when it is sure and wrong.
takaisin's `cross_entropy` takes the scores (before softmax) and the index
of the right class.

**Exercise 2.** The network says `probs3` and the right class is number
`right`. Compute the cross-entropy `ce` with `math.log`.
""",
        fi="""
Todennäköisyyksille tavallinen virhefunktio on **ristientropia**:
`L = -log(oikean luokan todennäköisyys)`. Se on 0, kun verkko on varma ja
oikeassa, ja kasvaa rajatta, kun verkko on varma ja väärässä. takaisinin
`cross_entropy` ottaa pistemäärät (ennen softmaxia) ja oikean luokan indeksin.

**Tehtävä 2.** Verkko sanoo `probs3`, ja oikea luokka on numero `right`.
Laske ristientropia `ce` `math.log`:lla.
""",
    ),
    code(
        en="""
import math

probs3 = [0.7, 0.2, 0.1]
right = 1  # it was a dog
print("cross_entropy from the scores:", cross_entropy([2.0, 1.0, -1.0], 0).data)
""",
        fi="""
import math

probs3 = [0.7, 0.2, 0.1]
right = 1  # kuvassa oli koira
print("cross_entropy pistemääristä:", cross_entropy([2.0, 1.0, -1.0], 0).data)
""",
    ),
    exercise(
        "cross_entropy",
        en="ce = ...  # YOUR CODE HERE",
        fi="ce = ...  # KIRJOITA KOODISI TÄHÄN",
    ),
    check("cross_entropy", "check.cross_entropy(probs3, right, ce)"),
    md(
        en="""
## Shall we guess?

How do we find weights with a small loss? Guessing is an honest first try:
draw random weights, keep the best. But a network has about `h × k`
parameters (`h` = its depth, `k` = neurons per layer) — a lot — and a random
guess in so many dimensions almost never lands anywhere good. micrograd's
demo network on the two moons (337 parameters), 100 guesses:
""",
        fi="""
## Arvataan?

Miten löydetään painot, joilla virhe on pieni? Arvaaminen on rehellinen
ensimmäinen yritys: arvotaan painot ja pidetään paras. Mutta neuroverkossa on
parametreja noin `h × k` (`h` = syvyys, `k` = neuroneita tasolla) — paljon —
ja satunnainen arvaus niin monessa ulottuvuudessa osuu tuskin koskaan hyvään
kohtaan. micrograd-demon verkko kahdella kuulla (337 parametria), 100 arvausta:
""",
    ),
    code(
        en="""
import random

from demos.datasets import make_moons
from nn import MLP, hinge

X, y = make_moons(40, noise=0.1, seed=0)
y = [2 * label - 1 for label in y]  # -1 / +1, as hinge wants
model = MLP(2, [16, 16, 1], seed=0)

def loss_now():
    return hinge([model(x) for x in X], y)

rng = random.Random(0)
best = float("inf")
for guess in range(100):
    for p in model.parameters():
        p.data = rng.uniform(-1, 1)  # a wild guess for every weight
    best = min(best, loss_now().data)
print(f"{len(model.parameters())} parameters; best of 100 guesses: loss {best:.4f}")
""",
        fi="""
import random

from demos.datasets import make_moons
from nn import MLP, hinge

X, y = make_moons(40, noise=0.1, seed=0)
y = [2 * label - 1 for label in y]  # -1 / +1, kuten hinge haluaa
model = MLP(2, [16, 16, 1], seed=0)

def loss_now():
    return hinge([model(x) for x in X], y)

rng = random.Random(0)
best = float("inf")
for guess in range(100):
    for p in model.parameters():
        p.data = rng.uniform(-1, 1)  # villi arvaus jokaiselle painolle
    best = min(best, loss_now().data)
print(f"{len(model.parameters())} parametria; paras 100 arvauksesta: virhe {best:.4f}")
""",
    ),
    md(
        en="""
The same race as a picture (`guessing_figure` guesses and descends from the
same start for your model and your loss):
""",
        fi="""
Sama kilpailu kuvana (`guessing_figure` arvaa ja laskeutuu samasta alusta
sinun mallillesi ja virhefunktiollesi):
""",
    ),
    code(
        en="""
from demos.landscape.figures import guessing_figure

model = MLP(2, [16, 16, 1], seed=0)  # a fresh start: the guesses are over
title = "guessing vs. the derivative"
guessing_figure(model.parameters(), loss_now, budget=100, title=title, lang="en")
""",
        fi="""
from demos.landscape.figures import guessing_figure

model = MLP(2, [16, 16, 1], seed=0)  # uusi alku: arvaukset on tehty
title = "arvaus vai derivaatta"
guessing_figure(model.parameters(), loss_now, budget=100, title=title, lang="fi")
""",
    ),
    md(
        en="""
Guessing stalls; going downhill (from the same start, with as many loss
evaluations) keeps improving. To go downhill we need to
know which way is down: the **derivative**.
[05 — the error landscape](05_landscape.ipynb).
""",
        fi="""
Arvaaminen jumittuu; alamäkeen kulkeminen paranee koko ajan. Alamäkeen
kulkemiseen pitää tietää, mihin suuntaan on alas: **derivaatta**.
[05 — virhemaasto](05_maasto.ipynb).
""",
    ),
]
