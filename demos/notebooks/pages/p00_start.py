"""00: the map of the course, and how an exercise works."""

from demos.notebooks.build import check, code, exercise, md, setup

NAMES = {"en": "00_start", "fi": "00_aloitus"}

CELLS = [
    md(
        en="""
# How to train your neural network — the course

These notebooks follow the talk *Näin koulutat neuroverkkosi* ("How to train
your neural network") slide by slide. Every number in them is computed by
**takaisin**, a small library you can read line by line: `engine` (a `Value`
that knows its own derivative) and `nn` (neurons, networks, losses).

| notebook | the slides |
|---|---|
| `01_vector` | a picture is a data matrix, and a matrix is a vector |
| `02_neuron` | a neuron: weights, the sum `w·x`, the activation function `g` |
| `03_network` | a network `M(x)` and its output: class probabilities |
| `04_loss` | the loss `L(M(x), y)`, and why guessing the weights fails |
| `05_landscape` | the derivative: the 1-D and 2-D error landscape, the gradient |
| `06_backprop` | the chain rule and backpropagation, stepped through |
| `07_training` | the step against the gradient, shuffled examples, training |
| `08_digits` | all of it together: a network that reads handwritten digits |

Run the cells from top to bottom (Shift+Enter). Finnish version: `../fi/`.
""",
        fi="""
# Näin koulutat neuroverkkosi — kurssi

Nämä muistiot seuraavat esitystä *Näin koulutat neuroverkkosi* dia dialta.
Jokaisen luvun niissä laskee **takaisin**, pieni kirjasto, jonka voi lukea
rivi riviltä: `engine` (`Value`, luku joka tietää oman derivaattansa) ja `nn`
(neuronit, neuroverkot, virhefunktiot).

| muistio | diat |
|---|---|
| `01_vektori` | kuva on datamatriisi, ja matriisi on vektori |
| `02_neuroni` | neuroni: painot, summa `w·x`, aktivointifunktio `g` |
| `03_verkko` | neuroverkko `M(x)` ja sen ulostulo: luokkien todennäköisyydet |
| `04_virhe` | virhefunktio `L(M(x), y)`, ja miksi painojen arvaaminen ei riitä |
| `05_maasto` | derivaatta: yksi- ja kaksiulotteinen virhemaasto, gradientti |
| `06_takaisinlevia` | ketjusääntö ja takaisinleviäminen askel askeleelta |
| `07_opetus` | askel gradienttia vastaan, sekoitetut esimerkit, opetus |
| `08_numerot` | kaikki yhdessä: neuroverkko, joka lukee käsin kirjoitettuja numeroita |

Aja solut ylhäältä alas (Shift+Enter). English version: `../en/`.
""",
    ),
    md(
        en="""
## How the exercises work

The first code cell of every notebook loads the checks. An exercise is a
code cell with `...` in it and the words `YOUR CODE HERE`: replace the `...`
with your code and run the cell. The cell under it checks your answer and
says **right** — or exactly what is still wrong. Try it:
""",
        fi="""
## Näin tehtävät toimivat

Jokaisen muistion ensimmäinen koodisolu lataa tarkistukset. Tehtävä on
koodisolu, jossa on `...` ja sanat `KIRJOITA KOODISI TÄHÄN`: kirjoita koodisi
`...`:n paikalle ja aja solu. Sen alla oleva solu tarkistaa vastauksen ja
sanoo **oikein** — tai mikä on vielä pielessä. Kokeile:
""",
    ),
    code(setup("en"), setup("fi")),
    md(
        en="""
**Exercise.** A small grey picture of 8 × 8 pixels: how many pixels is that?
Let Python compute it.
""",
        fi="""
**Tehtävä.** Pieni harmaasävykuva, 8 × 8 pikseliä: montako pikseliä siinä on?
Anna Pythonin laskea.
""",
    ),
    exercise(
        "pixels",
        en="pixels = ...  # YOUR CODE HERE: 8 rows of 8 pixels",
        fi="pixels = ...  # KIRJOITA KOODISI TÄHÄN: 8 riviä, 8 pikseliä kullakin",
    ),
    check("pixels", "check.pixels(pixels)"),
    md(
        en="""
## Getting the course

If you installed takaisin with pip, copy the notebooks into a folder of your
own and open them there:

```
python -m demos notebooks course/
cd course && jupyter lab
```

Next: [01 — a picture is a vector](01_vector.ipynb).
""",
        fi="""
## Kurssin saaminen

Jos asensit takaisinin pipillä, kopioi muistiot omaan kansioon ja avaa ne siellä:

```
python -m demos notebooks kurssi/
cd kurssi && jupyter lab
```

Seuraavaksi: [01 — kuva on vektori](01_vektori.ipynb).
""",
    ),
]
