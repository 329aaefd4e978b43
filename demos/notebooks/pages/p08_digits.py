"""08: everything together: a network that reads handwritten digits."""

from demos.notebooks.build import check, code, exercise, md, setup

NAMES = {"en": "08_digits", "fi": "08_numerot"}

CELLS = [
    md(
        en="""
# 08 — The digits

All of the talk at once. A picture of a handwritten digit becomes a vector of
64 numbers (01); a network `M(x)` of neurons `g(w·x)` (02, 03) gives ten
scores, one per digit, and softmax turns them into probabilities (03); the
cross-entropy says how wrong they are (04); backpropagation gives every
`dL/dw` (05, 06); and the weights step against the gradient on shuffled
minibatches (07). Some images are kept aside as a **test set**: the network
never trains on them, so they show how well it does on pictures it has not seen.
""",
        fi="""
# 08 — Numerot

Koko esitys kerralla. Käsin kirjoitetun numeron kuvasta tulee 64 luvun vektori
(01); neuroneista `g(w·x)` tehty verkko `M(x)` (02, 03) antaa kymmenen
pistemäärää, yhden kullekin numerolle, ja softmax tekee niistä todennäköisyydet
(03); ristientropia kertoo, kuinka väärin ne ovat (04); takaisinleviäminen
antaa jokaisen `dL/dw`:n (05, 06); ja painot ottavat askeleen gradienttia
vastaan sekoitetuilla minierillä (07). Osa kuvista pidetään sivussa
**testijoukkona**: verkko ei opi niistä, joten ne näyttävät, miten hyvin se
pärjää kuvilla, joita se ei ole nähnyt.
""",
    ),
    code(setup("en"), setup("fi")),
    code(
        en="""
from demos.datasets import load_digits, train_test_split

X, y = load_digits()
X = [[p / 16 for p in image] for image in X]  # pixels 0..1, as in notebook 01
X_train, X_test, y_train, y_test = train_test_split(X, y, test_fraction=0.25, seed=0)
X_test, y_test = X_test[:150], y_test[:150]  # a smaller test set: quicker to check
print(len(X_train), "training pictures,", len(X_test), "test pictures")
""",
        fi="""
from demos.datasets import load_digits, train_test_split

X, y = load_digits()
X = [[p / 16 for p in image] for image in X]  # pikselit 0..1, kuten muistiossa 01
X_train, X_test, y_train, y_test = train_test_split(X, y, test_fraction=0.25, seed=0)
X_test, y_test = X_test[:150], y_test[:150]  # pienempi testijoukko: nopeampi
print(len(X_train), "opetuskuvaa,", len(X_test), "testikuvaa")
""",
    ),
    md(
        en="""
**Exercise 1.** The network's answer is the digit with the largest score.
Write `predicted_digit(scores)`: the index of the largest of the scores (a
list of Values or numbers). Hint: compare `s.data` for Values;
`max(range(...), key=...)`.
""",
        fi="""
**Tehtävä 1.** Verkon vastaus on numero, jolla on suurin pistemäärä. Kirjoita
`predicted_digit(scores)`: suurimman pistemäärän indeksi (lista Valueja tai
lukuja). Vihje: Valueilla vertaa `s.data`a; `max(range(...), key=...)`.
""",
    ),
    exercise(
        "predicted_digit",
        en="""
def predicted_digit(scores):
    return ...  # YOUR CODE HERE
""",
        fi="""
def predicted_digit(scores):
    return ...  # KIRJOITA KOODISI TÄHÄN
""",
    ),
    check("predicted_digit", "check.predicted_digit(predicted_digit)"),
    md(
        en="""
Training: `MLP(64, [16, 10])`, cross-entropy, Adam (a cleverer step than
plain SGD), minibatches of 32. Scalar autograd in pure Python is slow, so
this is a short run: 100 steps, a few seconds:
""",
        fi="""
Opetus: `MLP(64, [16, 10])`, ristientropia, Adam (plain SGD:tä ovelampi
askel), 32 kuvan minierät. Skalaari-autograd puhtaalla Pythonilla on hidas,
joten ajo on lyhyt: 100 askelta, muutama sekunti:
""",
    ),
    code(
        """
from demos.classify.train import count_correct, train
from nn import MLP, Adam, cross_entropy

def best_digit(scores):
    return max(range(len(scores)), key=lambda i: scores[i].data)

model = MLP(64, [16, 10], seed=0)
history = train(
    model, X_train, y_train,
    loss_fn=cross_entropy, predict=best_digit,
    optimizer=Adam(model.parameters(), lr=0.01),
    steps=100, batch_size=32, progress=False,
)
print(f"loss {history.loss[0]:.3f} -> {history.loss[-1]:.3f}")
print(f"test: {count_correct(model, X_test, y_test, best_digit)} / {len(y_test)} right")
""",
    ),
    md(
        en="""
**Exercise 2.** Write `accuracy(model, X, y)`: the fraction (0..1) of the
examples for which the largest of `model(x)`'s scores is at `y`'s digit.
""",
        fi="""
**Tehtävä 2.** Kirjoita `accuracy(model, X, y)`: niiden esimerkkien osuus
(0..1), joilla `model(x)`:n suurin pistemäärä on `y`:n numeron kohdalla.
""",
    ),
    exercise(
        "accuracy",
        en="""
def accuracy(model, X, y):
    return ...  # YOUR CODE HERE
""",
        fi="""
def accuracy(model, X, y):
    return ...  # KIRJOITA KOODISI TÄHÄN
""",
    ),
    check("accuracy", "check.accuracy(accuracy)"),
    md(
        en="""
Some test pictures with the network's probability for every digit — the
talk's "cat 0.99, dog 0.01, sloth 0.0", for digits:
""",
        fi="""
Muutama testikuva ja verkon todennäköisyys jokaiselle numerolle — esityksen
"kissa 0.99, koira 0.01, laiskiainen 0.0" numeroille:
""",
    ),
    code(
        en="""
from demos.classify.plot import digits_figure

title = "test pictures the network never saw"
digits_figure(model, X_test[:12], y_test[:12], title=title, lang="en")
""",
        fi="""
from demos.classify.plot import digits_figure

title = "testikuvia, joita verkko ei nähnyt"
digits_figure(model, X_test[:12], y_test[:12], title=title, lang="fi")
""",
    ),
    md(
        en="""
**TL;DR:** a neural network is trained by making a computer do a lot of big
derivative calculations. Try more steps, a larger hidden layer, or another
learning rate — and step through any graph of your own with `step_through`.
""",
        fi="""
**TLDR:** neuroverkko opetetaan laittamalla tietokone laskemaan paljon isoja
derivaattalaskuja. Kokeile useampia askelia, isompaa piilotasoa tai toista
oppimisnopeutta — ja käy mikä tahansa oma verkko läpi `step_through`illa.
""",
    ),
]
