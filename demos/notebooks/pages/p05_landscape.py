"""05: the derivative: the 1-D and 2-D error landscape, and the gradient."""

from demos.notebooks.build import check, code, exercise, md, setup

NAMES = {"en": "05_landscape", "fi": "05_maasto"}

CELLS = [
    md(
        en="""
# 05 — The derivative and the error landscape

Breather. **THE DERIVATIVE.**

Take the smallest network there is: one tanh neuron with one weight `w`,
fitted to six points (`neuron_loss` from takaisin's landscape demo). For every
`w` the loss `L(w)` is one number: together they make a curve, the 1-D
**error landscape**. We want its lowest point.
""",
        fi="""
# 05 — Derivaatta ja virhemaasto

Hengähdystauko. **DERIVAATTA.**

Otetaan pienin mahdollinen verkko: yksi tanh-neuroni, jolla on yksi paino
`w`, sovitettuna kuuteen pisteeseen (`neuron_loss` takaisinin maastodemosta).
Jokaisella `w`:llä virhe `L(w)` on yksi luku: yhdessä ne muodostavat käyrän,
yksiulotteisen **virhemaaston**. Haluamme sen alimman kohdan.
""",
    ),
    code(setup("en"), setup("fi")),
    code(
        en="""
import matplotlib.pyplot as plt

from demos.landscape.surfaces import neuron_loss
from engine import Value

def L(w):
    return neuron_loss([Value(w)]).data  # the loss for one weight w, a number

ws = [k / 20 for k in range(-40, 81)]
fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(ws, [L(w) for w in ws])
ax.set_xlabel("w")
ax.set_ylabel("L(w)")
plt.show()
""",
        fi="""
import matplotlib.pyplot as plt

from demos.landscape.surfaces import neuron_loss
from engine import Value

def L(w):
    return neuron_loss([Value(w)]).data  # virhe yhdellä painolla w, luku

ws = [k / 20 for k in range(-40, 81)]
fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(ws, [L(w) for w in ws])
ax.set_xlabel("w")
ax.set_ylabel("L(w)")
plt.show()
""",
    ),
    md(
        en="""
The derivative `dL/dw` is the slope of the curve at `w`: positive where the
curve rises, negative where it falls. You can estimate it with two nearby
points: `(L(w + h) - L(w - h)) / (2h)` for a small `h`.

**Exercise 1.** Write `slope(f, w)`: that estimate for any function `f` of one
number, with `h = 1e-5`.
""",
        fi="""
Derivaatta `dL/dw` on käyrän kulmakerroin kohdassa `w`: positiivinen, kun käyrä
nousee, negatiivinen, kun se laskee. Sitä voi arvioida kahdella lähellä olevalla
pisteellä: `(L(w + h) - L(w - h)) / (2h)` pienellä `h`:lla.

**Tehtävä 1.** Kirjoita `slope(f, w)`: tuo arvio mille tahansa yhden luvun
funktiolle `f`, kun `h = 1e-5`.
""",
    ),
    exercise(
        "slope",
        en="""
def slope(f, w, h=1e-5):
    return ...  # YOUR CODE HERE
""",
        fi="""
def slope(f, w, h=1e-5):
    return ...  # KIRJOITA KOODISI TÄHÄN
""",
    ),
    check("slope", "check.slope(slope)"),
    md(
        en="""
takaisin gets the same slope exactly, with no `h`: `backward()` fills in
`w.grad = dL/dw`. Compare (your `slope` is used if you wrote it):
""",
        fi="""
takaisin saa saman kulmakertoimen tarkasti, ilman `h`:ta: `backward()` täyttää
`w.grad = dL/dw`. Vertaa (sinun `slope`asi käytetään, jos kirjoitit sen):
""",
    ),
    code(
        en="""
w = Value(1.9, label="w")
loss = neuron_loss([w])
loss.backward()
print("backward():      dL/dw =", w.grad)
estimate = slope(L, 1.9)
if estimate is not ...:
    print("two nearby points:     ", estimate)
""",
        fi="""
w = Value(1.9, label="w")
loss = neuron_loss([w])
loss.backward()
print("backward():      dL/dw =", w.grad)
estimate = slope(L, 1.9)
if estimate is not ...:
    print("kaksi lähipistettä:    ", estimate)
""",
    ),
    md(
        en="The slope at a few points, drawn as tangent lines:",
        fi="Kulmakerroin muutamassa kohdassa, tangentteina piirrettynä:",
    ),
    code(
        en="""
from demos.landscape.figures import derivative_figure

derivative_figure(neuron_loss, lang="en")
""",
        fi="""
from demos.landscape.figures import derivative_figure

derivative_figure(neuron_loss, lang="fi")
""",
    ),
    md(
        en="""
## Two dimensions: the gradient

Free the bias `b` too, and the landscape `L(w, b)` is a surface over the
plane. At each point there is one slope per parameter; together they are the
**gradient** `∇L = [∂L/∂w, ∂L/∂b]`, an arrow that points uphill. A network's
landscape has a dimension for every parameter; `backward()` gives the whole
gradient at once.

**Exercise 2.** `backward()` has run on `L2` below. Make `grad`, the gradient
`[∂L2/∂w2, ∂L2/∂b2]`, from the two Values' `.grad`.
""",
        fi="""
## Kaksi ulottuvuutta: gradientti

Vapautetaan myös bias `b`, ja virhemaasto `L(w, b)` on pinta tason yllä.
Jokaisessa kohdassa on yksi kulmakerroin kutakin parametria kohti; yhdessä ne
ovat **gradientti** `∇L = [∂L/∂w, ∂L/∂b]`, nuoli, joka osoittaa ylämäkeen.
Neuroverkon maastossa on ulottuvuus jokaista parametria kohti; `backward()`
antaa koko gradientin kerralla.

**Tehtävä 2.** Alla oleva `L2` on jo käynyt `backward()`:n läpi. Tee `grad`,
gradientti `[∂L2/∂w2, ∂L2/∂b2]`, kahden Valuen `.grad`ista.
""",
    ),
    code(
        """
w2, b2 = Value(-1.2, label="w"), Value(1.6, label="b")
L2 = neuron_loss([w2, b2])
L2.backward()
""",
    ),
    exercise(
        "gradient",
        en="grad = ...  # YOUR CODE HERE",
        fi="grad = ...  # KIRJOITA KOODISI TÄHÄN",
    ),
    check("gradient", "check.gradient(grad, w2, b2)"),
    md(
        en="""
The surface from above, as contour lines, with the gradient's arrows
(reversed: downhill) and three walks that follow them:
""",
        fi="""
Pinta ylhäältä korkeuskäyrinä, gradientin nuolet (käännettyinä: alamäkeen)
ja kolme kävelyä, jotka seuraavat niitä:
""",
    ),
    code(
        en="""
from demos.landscape.figures import gradient_figure

gradient_figure(neuron_loss, lang="en")
""",
        fi="""
from demos.landscape.figures import gradient_figure

gradient_figure(neuron_loss, lang="fi")
""",
    ),
    md(
        en="""
But how does `backward()` find every slope of a whole network at once?
[06 — backpropagation](06_backprop.ipynb).
""",
        fi="""
Mutta miten `backward()` löytää koko verkon kaikki kulmakertoimet kerralla?
[06 — takaisinleviäminen](06_takaisinlevia.ipynb).
""",
    ),
]
