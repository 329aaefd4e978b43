"""03: a network M(x) and its output, a vector of class probabilities."""

from demos.notebooks.build import check, code, exercise, md, setup

NAMES = {"en": "03_network", "fi": "03_verkko"}

CELLS = [
    md(
        en="""
# 03 — The network M(x) and its class probabilities

Neurons form a network with several **layers**. The first layer reads the
input `x`; each later layer reads the outputs of the one before; the last
one gives the output `y`. Written as one big equation:

`y = M(x) = g(W_L g(W_(L-1) g(... g(W_1 x))))`

where `W_l` holds the weight vectors of all neurons on layer `l` as a matrix.
In takaisin a network is an `MLP` (multi-layer perceptron):
""",
        fi="""
# 03 — Neuroverkko M(x) ja luokkien todennäköisyydet

Neuronit muodostavat verkon, jossa on useita **tasoja**. Ensimmäinen taso lukee
syötteen `x`, jokainen seuraava taso edellisen ulostulot, ja viimeinen antaa
ulostulon `y`. Isona yhtälönä:

`y = M(x) = g(W_L g(W_(L-1) g(... g(W_1 x))))`

missä `W_l` on tason `l` kaikkien neuronien painovektorit matriisina.
takaisinissa neuroverkko on `MLP` (monikerroksinen perseptroni):
""",
    ),
    code(setup("en"), setup("fi")),
    code(
        en="""
from nn import MLP, softmax

M = MLP(64, [16, 3], seed=0)  # 64 pixels in, 16 neurons, 3 outputs
M
""",
        fi="""
from nn import MLP, softmax

M = MLP(64, [16, 3], seed=0)  # 64 pikseliä sisään, 16 neuronia, 3 ulostuloa
M
""",
    ),
    md(
        en="""
Every weight and bias is a parameter, with a name that says where it sits
(`L1.N3.w2`: layer 1, neuron 3, weight 2). If the parameters are chosen
right, the network answers "cat" when its first layer is given a cat.

**Exercise 1.** How many parameters does `MLP(64, [16, 10])` have (the digit
network of notebook 08)? Work it out from the layer sizes — every neuron has
one weight per input, and a bias.
""",
        fi="""
Jokainen paino ja bias on parametri, ja sen nimi kertoo sen paikan
(`L1.N3.w2`: taso 1, neuroni 3, paino 2). Jos parametrit on valittu oikein,
verkko vastaa "kissa", kun sen ensimmäiselle tasolle annetaan kissa.

**Tehtävä 1.** Montako parametria on verkolla `MLP(64, [16, 10])` (muistion 08
numeroverkko)? Laske se tasojen koosta — jokaisella neuronilla on yksi paino
jokaista syötettä kohti, ja bias.
""",
    ),
    code('[name for name, p in M.named_parameters()][:5] + ["..."]'),
    exercise(
        "parameter_count",
        en="count = ...  # YOUR CODE HERE: a calculation, like 64 * 16 + ...",
        fi="count = ...  # KIRJOITA KOODISI TÄHÄN: lasku, kuten 64 * 16 + ...",
    ),
    check("parameter_count", "check.parameter_count(count)"),
    md(
        en="""
## The output is a vector of probabilities

The network does not really answer "cat": its last layer gives one score per
class, and **softmax** turns the scores into probabilities that are positive
and add up to 1, `y = [0.99, 0.01, 0.0, ...]`, whose meaning is agreed on:
first cat, then dog, then sloth. A network with random weights gives noise:
""",
        fi="""
## Ulostulo on vektori todennäköisyyksiä

Neuroverkko ei oikeastaan vastaa "kissa": sen viimeinen taso antaa jokaiselle
luokalle pistemäärän, ja **softmax** muuttaa pistemäärät todennäköisyyksiksi,
jotka ovat positiivisia ja joiden summa on 1, `y = [0.99, 0.01, 0.0, ...]`.
Niiden merkitys on sovittu: ensin kissa, sitten koira, sitten laiskiainen.
Satunnaisilla painoilla verkko antaa kohinaa:
""",
    ),
    code(
        en="""
from demos.datasets import load_digits

X, y = load_digits()
picture = [p / 16 for p in X[0]]
scores = M(picture)  # three Values, one per class
probs = softmax(scores)
for animal, p in zip(["cat", "dog", "sloth"], probs):
    print(f"{animal:6} {p.data:.4f}")
""",
        fi="""
from demos.datasets import load_digits

X, y = load_digits()
picture = [p / 16 for p in X[0]]
scores = M(picture)  # kolme Valueta, yksi kullekin luokalle
probs = softmax(scores)
for animal, p in zip(["kissa", "koira", "laiskiainen"], probs):
    print(f"{animal:12} {p.data:.4f}")
""",
    ),
    md(
        en="""
**Exercise 2.** softmax by hand: for the scores below, `probs2[i]` is
`e**scores2[i]` divided by the sum of `e**s` over all the scores. Use
`math.exp`; the result is a list of three numbers.
""",
        fi="""
**Tehtävä 2.** softmax käsin: alla oleville pistemäärille `probs2[i]` on
`e**scores2[i]` jaettuna kaikkien pistemäärien `e**s`:n summalla. Käytä
`math.exp`:ia; tulos on kolmen luvun lista.
""",
    ),
    code(
        """
import math

scores2 = [2.0, 1.0, -1.0]
""",
    ),
    exercise(
        "probabilities",
        en="probs2 = ...  # YOUR CODE HERE",
        fi="probs2 = ...  # KIRJOITA KOODISI TÄHÄN",
    ),
    check("probabilities", "check.probabilities(scores2, probs2)"),
    md(
        en="""
With random weights the answer is wrong. How wrong? That is the loss:
[04 — the loss](04_loss.ipynb).
""",
        fi="""
Satunnaisilla painoilla vastaus on väärin. Kuinka väärin? Sen kertoo
virhefunktio: [04 — virhe](04_virhe.ipynb).
""",
    ),
]
