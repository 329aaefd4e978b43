"""02: a neuron: weights, the weighted sum w·x, the activation function g."""

from demos.notebooks.build import check, code, exercise, md, setup

NAMES = {"en": "02_neuron", "fi": "02_neuroni"}

CELLS = [
    md(
        en="""
# 02 — The neuron: g(w·x)

A neural network is made of *neurons*. A neuron is a mathematical model
inspired by nerve cells — but a very simple one, not a model of them:

1. it has its own vector of **weights** `[w1 ... wn]`;
2. it weighs its inputs: `w1·x1 + w2·x2 + ... + wn·xn` (plus a bias `b`);
3. an **activation function** `g` turns that sum into its output `z`.

The weights say what the neuron thinks of each input; `g` either amplifies
or flattens its opinion. In takaisin every number is a `Value`, which
remembers how it was computed:
""",
        fi="""
# 02 — Neuroni: g(w·x)

Neuroverkko koostuu *neuroneista*. Neuroni on biologisista hermosoluista
inspiroitunut matemaattinen malli — mutta hyvin yksinkertainen, ei malli
hermosoluista:

1. neuronilla on oma vektori **painoja** `[w1 ... wn]`;
2. se punnitsee syötteensä: `w1·x1 + w2·x2 + ... + wn·xn` (ja bias `b`);
3. **aktivointifunktio** `g` muuntaa summan neuronin ulostuloksi `z`.

Painot kertovat, mitä mieltä neuroni on kustakin syötteestä; `g` joko
korostaa tai latistaa neuronin mielipidettä. takaisinissa jokainen luku on
`Value`, joka muistaa, miten se laskettiin:
""",
    ),
    code(setup("en"), setup("fi")),
    code(
        en="""
from engine import Value, draw_dot

x = [1.0, 0.5, -1.0]  # three inputs (three pixels, say)
w = [Value(0.8, label="w1"), Value(-0.4, label="w2"), Value(0.3, label="w3")]
b = Value(0.1, label="b")
s = w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b  # the weighted sum w·x + b
s.label = "s"
z = s.tanh()  # the activation function g = tanh
z.label = "z"
z
""",
        fi="""
from engine import Value, draw_dot

x = [1.0, 0.5, -1.0]  # kolme syötettä (vaikkapa kolme pikseliä)
w = [Value(0.8, label="w1"), Value(-0.4, label="w2"), Value(0.3, label="w3")]
b = Value(0.1, label="b")
s = w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b  # painotettu summa w·x + b
s.label = "s"
z = s.tanh()  # aktivointifunktio g = tanh
z.label = "z"
z
""",
    ),
    md(
        en="Because every Value remembers where it came from, we can draw the neuron:",
        fi="Koska jokainen Value muistaa, mistä se tuli, neuronin voi piirtää:",
    ),
    code("draw_dot(z)"),
    md(
        en="""
The activation function `g`: linear sums plus a non-linear activation is
what lets a network do complicated things. Three common choices:
""",
        fi="""
Aktivointifunktio `g`: lineaariset summat ja epälineaarinen aktivoituminen
yhdessä tekevät monimutkaisen mahdolliseksi. Kolme tavallista valintaa:
""",
    ),
    code(
        en="""
import matplotlib.pyplot as plt

s_values = [k / 10 for k in range(-40, 41)]
fig, ax = plt.subplots(figsize=(6, 3))
for g in ("tanh", "relu", "sigmoid"):
    ax.plot(s_values, [getattr(Value(v), g)().data for v in s_values], label=g)
ax.set_xlabel("s = w·x + b")
ax.set_ylabel("g(s)")
ax.legend()
plt.show()
""",
        fi="""
import matplotlib.pyplot as plt

s_values = [k / 10 for k in range(-40, 41)]
fig, ax = plt.subplots(figsize=(6, 3))
for g in ("tanh", "relu", "sigmoid"):
    ax.plot(s_values, [getattr(Value(v), g)().data for v in s_values], label=g)
ax.set_xlabel("s = w·x + b")
ax.set_ylabel("g(s)")
ax.legend()
plt.show()
""",
    ),
    md(
        en="""
**Exercise 1.** New inputs `x2` and weights `w2`, bias `b2`. Compute the
weighted sum `z2 = w2[0]·x2[0] + w2[1]·x2[1] + w2[2]·x2[2] + b2` **from the
Values** (not from their `.data`), so that the graph remembers it.
""",
        fi="""
**Tehtävä 1.** Uudet syötteet `x2`, painot `w2` ja bias `b2`. Laske painotettu
summa `z2 = w2[0]·x2[0] + w2[1]·x2[1] + w2[2]·x2[2] + b2` **Valueista**
(ei niiden `.data`sta), jotta verkko muistaa sen.
""",
    ),
    code(
        """
x2 = [2.0, -1.0, 0.5]
w2 = [Value(0.5), Value(1.5), Value(-2.0)]
b2 = Value(0.25)
""",
    ),
    exercise(
        "weighted_sum",
        en="z2 = ...  # YOUR CODE HERE",
        fi="z2 = ...  # KIRJOITA KOODISI TÄHÄN",
    ),
    check("weighted_sum", "check.weighted_sum(z2, w2, x2, b2)"),
    md(
        en="""
**Exercise 2.** Write the whole neuron as a function: `neuron(w, x, b)`
returns `tanh(w·x + b)` for weights `w` (Values), inputs `x` and a bias `b`,
for any number of inputs. Hint: `sum(..., b)` adds up a list starting from
`b`; `.tanh()` is `g`.
""",
        fi="""
**Tehtävä 2.** Kirjoita koko neuroni funktioksi: `neuron(w, x, b)` palauttaa
`tanh(w·x + b)` painoille `w` (Valueja), syötteille `x` ja biasille `b`,
syötteitä miten monta tahansa. Vihje: `sum(..., b)` laskee listan yhteen
`b`:stä alkaen; `.tanh()` on `g`.
""",
    ),
    exercise(
        "neuron",
        en="""
def neuron(w, x, b):
    return ...  # YOUR CODE HERE
""",
        fi="""
def neuron(w, x, b):
    return ...  # KIRJOITA KOODISI TÄHÄN
""",
    ),
    check("neuron", "check.neuron(neuron)"),
    md(
        en="""
takaisin has this neuron ready-made: `nn.Neuron(3, activation="tanh")` has
three random weights and a bias. Next, many neurons in layers:
[03 — the network](03_network.ipynb).
""",
        fi="""
takaisinissa tämä neuroni on valmiina: `nn.Neuron(3, activation="tanh")`:llä
on kolme satunnaista painoa ja bias. Seuraavaksi monta neuronia tasoissa:
[03 — neuroverkko](03_verkko.ipynb).
""",
    ),
    code(
        en="""
from nn import Neuron

n = Neuron(3, activation="tanh", seed=0)
print(n.parameters())
n([1.0, 0.5, -1.0])
""",
    ),
]
