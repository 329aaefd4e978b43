"""06: the chain rule and backpropagation, stepped through."""

from demos.notebooks.build import check, code, exercise, md, setup

NAMES = {"en": "06_backprop", "fi": "06_takaisinlevia"}

CELLS = [
    md(
        en="""
# 06 — The chain rule and backpropagation

Backpropagation is an efficient way to compute the gradients. How? The
intuition is the **chain rule**:

`d/dx f(h(x)) = f'(h(x)) · h'(x)`

the derivative of the outer function, at the inner one, times the derivative
of the inner one. A network's loss `L(M(x), y)` is functions inside functions
inside functions, so the chain rule applies again and again — and what it
needs was already computed on the way forward.
""",
        fi="""
# 06 — Ketjusääntö ja takaisinleviäminen

Takaisinleviäminen (backpropagation) on tehokas tapa laskea gradientit.
Miten? Intuitio on **ketjusääntö**:

`d/dx f(h(x)) = f'(h(x)) · h'(x)`

ulomman funktion derivaatta sisemmän kohdalla kertaa sisemmän funktion
derivaatta. Neuroverkon virhe `L(M(x), y)` on funktioita funktioiden sisällä,
joten ketjusääntöä sovelletaan yhä uudestaan — ja kaikki, mitä se tarvitsee,
laskettiin jo eteenpäin mentäessä.
""",
    ),
    code(setup("en"), setup("fi")),
    md(
        en="""
**Exercise 1.** By hand, with the chain rule: what is `dL/dx` for
`L = (3x + 1)**2` at `x = 2`? (Outer: `f(u) = u**2`, inner: `u = 3x + 1`.)
Write the number, or the calculation.
""",
        fi="""
**Tehtävä 1.** Käsin, ketjusäännöllä: mikä on `dL/dx`, kun `L = (3x + 1)**2`
ja `x = 2`? (Ulompi: `f(u) = u**2`, sisempi: `u = 3x + 1`.) Kirjoita luku tai
lasku.
""",
    ),
    exercise(
        "chain",
        en="by_hand = ...  # YOUR CODE HERE",
        fi="by_hand = ...  # KIRJOITA KOODISI TÄHÄN",
    ),
    check("chain", "check.chain(by_hand)"),
    md(
        en="""
## Forward, then back

First the output and the loss are computed forward, step by step (the
*forward pass*), and every step's result is kept. Then each `dL/dw` comes from
walking almost the same steps **backwards**, each step doing one line of the
chain rule with a simple local derivative:

`dL/d(parent) += d(node)/d(parent) · dL/d(node)`

Here is a neuron with its loss. `explain` does `backward()` and writes out
every line:
""",
        fi="""
## Ensin eteenpäin, sitten takaisin

Ensin ulostulo ja virhe lasketaan eteenpäin askel kerrallaan (*forward pass*),
ja jokaisen askeleen tulos tallennetaan. Sitten jokainen `dL/dw` saadaan
kulkemalla lähes samat askeleet **taaksepäin**, ja jokainen askel on yksi
ketjusäännön rivi yksinkertaisella paikallisella derivaatalla:

`dL/d(vanhempi) += d(solmu)/d(vanhempi) · dL/d(solmu)`

Tässä neuroni ja sen virhe. `explain` tekee `backward()`:n ja kirjoittaa
jokaisen rivin auki:
""",
    ),
    code(
        en="""
from engine import Value, draw_dot, explain

x1, x2 = Value(2.0, label="x1"), Value(-1.0, label="x2")
w1, w2 = Value(0.5, label="w1"), Value(1.5, label="w2")
b = Value(0.25, label="b")
z = (w1 * x1 + w2 * x2 + b).tanh()
z.label = "z"
L = (z - 1.0) ** 2  # the loss: the right answer was 1
L.label = "L"
explain(L, lang="en")
""",
        fi="""
from engine import Value, draw_dot, explain

x1, x2 = Value(2.0, label="x1"), Value(-1.0, label="x2")
w1, w2 = Value(0.5, label="w1"), Value(1.5, label="w2")
b = Value(0.25, label="b")
z = (w1 * x1 + w2 * x2 + b).tanh()
z.label = "z"
L = (z - 1.0) ** 2  # virhe: oikea vastaus oli 1
L.label = "L"
explain(L, lang="fi")
""",
    ),
    md(
        en="The graph, now with every gradient filled in:",
        fi="Verkko, nyt jokainen gradientti täytettynä:",
    ),
    code("draw_dot(L)"),
    md(
        en="""
## Step through it

The stepper shows the same sweep one step at a time: press **Next** (or the
arrow keys) to go forward through the graph, then back, and watch each
gradient arrive.
""",
        fi="""
## Askel askeleelta

Askeltaja näyttää saman kierroksen askel kerrallaan: paina **Seuraava** (tai
nuolinäppäimiä) kulkeaksesi verkon läpi eteenpäin ja sitten takaisin, ja katso
miten kukin gradientti saapuu.
""",
    ),
    code(
        en="""
from demos.stepper import step_through

step_through(L, title="one neuron and its loss", lang="en")
""",
        fi="""
from demos.stepper import step_through

step_through(L, title="yksi neuroni ja sen virhe", lang="fi")
""",
    ),
    md(
        en="""
**Exercise 2.** One step of the sweep by hand. A node `n = a · b` with
`a = 2` and `b = 3`; the gradient that has arrived at `n` is `dL/dn = 0.5`.
What does this step add to `a.grad`? (The local derivative `d(a·b)/da` is
what, at these numbers?)
""",
        fi="""
**Tehtävä 2.** Yksi kierroksen askel käsin. Solmu `n = a · b`, kun `a = 2` ja
`b = 3`; solmuun `n` saapunut gradientti on `dL/dn = 0.5`. Mitä tämä askel
lisää `a.grad`iin? (Mikä on paikallinen derivaatta `d(a·b)/da` näillä luvuilla?)
""",
    ),
    code(
        """
a, b_ = Value(2.0, label="a"), Value(3.0, label="b")
upstream = 0.5
""",
    ),
    exercise(
        "contribution",
        en="share = ...  # YOUR CODE HERE: d(a·b)/da · dL/dn",
        fi="share = ...  # KIRJOITA KOODISI TÄHÄN: d(a·b)/da · dL/dn",
    ),
    check("contribution", "check.contribution(a, b_, upstream, share)"),
    md(
        en="""
## Your own expression

Write any expression of Values here — the class's own — and step through its
backpropagation. Change the numbers and run the cell again.
""",
        fi="""
## Oma lauseke

Kirjoita tähän mikä tahansa Valueista tehty lauseke — vaikka luokan oma — ja
käy sen takaisinleviäminen läpi askel askeleelta. Vaihda lukuja ja aja solu
uudestaan.
""",
    ),
    code(
        en="""
p = Value(3.0, label="p")
q = Value(2.0, label="q")
mine = (p * q + p).relu() + q ** 2  # change me
mine.label = "mine"
step_through(mine, title="our own expression", lang="en")
""",
        fi="""
p = Value(3.0, label="p")
q = Value(2.0, label="q")
mine = (p * q + p).relu() + q ** 2  # muuta minua
mine.label = "oma"
step_through(mine, title="meidän oma lauseke", lang="fi")
""",
    ),
    md(
        en="""
Once the gradient is known, the weights take a small step against it:
[07 — training](07_training.ipynb).
""",
        fi="""
Kun gradientti tiedetään, painoja siirretään pieni askel sitä vastaan:
[07 — opetus](07_opetus.ipynb).
""",
    ),
]
