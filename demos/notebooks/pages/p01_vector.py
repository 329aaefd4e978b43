"""01: a picture is a data matrix, and a matrix is a vector."""

from demos.notebooks.build import check, code, exercise, md, setup

NAMES = {"en": "01_vector", "fi": "01_vektori"}

CELLS = [
    md(
        en="""
# 01 — A picture is a vector

Supervised learning: we give the algorithm examples, inputs **X** with the
right outputs **y**, and it learns to map new inputs to outputs: `X → y`.
A picture goes in, `y = "sloth"` comes out. But what *is* a picture to a
computer? A data matrix: rows of pixels, each pixel a number.
""",
        fi="""
# 01 — Kuva on vektori

Ohjattu koneoppiminen: algoritmille annetaan opetusdataa, syötteitä **X** ja
niitä vastaavat oikeat ulostulot **y**, ja se oppii yhdistämään uudet syötteet
ulostuloihin: `X → y`. Kuva sisään, `y = "LAISKIAINEN"` ulos. Mutta mikä kuva
on tietokoneelle? Datamatriisi: rivejä pikseleitä, jokainen pikseli luku.
""",
    ),
    code(setup("en"), setup("fi")),
    md(
        en="""
Let us simplify as the talk does: one number per pixel (grey, no RGB). The
digits data set has 1,797 handwritten digits of 8 × 8 pixels; a pixel is a
number from 0 (white) to 16 (black). Here is the first one, row by row:
""",
        fi="""
Yksinkertaistetaan kuten esityksessä: yksi luku pikseliä kohti (harmaa, ei
RGB:tä). Numeroaineistossa on 1 797 käsin kirjoitettua numeroa, 8 × 8
pikseliä; pikseli on luku 0:sta (valkoinen) 16:een (musta). Tässä ensimmäinen
rivi riviltä:
""",
    ),
    code(
        en="""
from demos.datasets import load_digits

X, y = load_digits()
image = [X[0][8 * row : 8 * row + 8] for row in range(8)]  # 8 rows of 8 pixels
for row in image:
    print(" ".join(f"{p:4.0f}" for p in row))
print("y =", y[0])
""",
        fi="""
from demos.datasets import load_digits

X, y = load_digits()
image = [X[0][8 * row : 8 * row + 8] for row in range(8)]  # 8 riviä, 8 pikseliä
for row in image:
    print(" ".join(f"{p:4.0f}" for p in row))
print("y =", y[0])
""",
    ),
    md(
        en="The same numbers as a picture (dark = large):",
        fi="Samat luvut kuvana (tumma = suuri):",
    ),
    code(
        en="""
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(2.5, 2.5))
ax.imshow(image, cmap="gray_r", vmin=0, vmax=16)
ax.set_title(f"y = {y[0]}")
plt.show()
""",
    ),
    md(
        en="""
## From a data matrix to a vector

Every matrix can also be thought of (and handled) as a vector: read the rows
one after another. The 8 × 8 matrix becomes a list of 64 numbers
`[x1, x2, ..., x64]` — this is the `x` the network eats.

**Exercise 1.** Make `vector`: the rows of `image` one after another, as one
list of 64 numbers (first all of row 0, then row 1, ...).
""",
        fi="""
## Datamatriisista vektoriksi

Jokainen matriisi voidaan myös ajatella (ja käsitellä) vektorina: luetaan
rivit peräkkäin. 8 × 8 -matriisista tulee 64 luvun lista `[x1, x2, ..., x64]`
— tämä on se `x`, jonka neuroverkko syö.

**Tehtävä 1.** Tee `vector`: kuvan `image` rivit peräkkäin yhtenä 64 luvun
listana (ensin koko rivi 0, sitten rivi 1, ...).
""",
    ),
    exercise(
        "flatten",
        en="vector = ...  # YOUR CODE HERE: hint: [p for row in image for ...]",
        fi="vector = ...  # KIRJOITA KOODISI TÄHÄN: [p for row in image for ...]",
    ),
    check("flatten", "check.flatten(image, vector)"),
    md(
        en="""
**Exercise 2.** The talk's pixels go from 0.0 to 1.0. Make `scaled`: every
number of `X[0]` (the same picture as a vector, 0..16) divided by 16.
""",
        fi="""
**Tehtävä 2.** Esityksessä pikseli on luku 0.0 ... 1.0. Tee `scaled`: jokainen
`X[0]`:n luku (sama kuva vektorina, 0..16) jaettuna 16:lla.
""",
    ),
    exercise(
        "scale",
        en="scaled = ...  # YOUR CODE HERE",
        fi="scaled = ...  # KIRJOITA KOODISI TÄHÄN",
    ),
    check("scale", "check.scale(X[0], scaled)"),
    md(
        en="""
So a picture is 64 numbers between 0 and 1. Next, what one neuron does with
such numbers: [02 — the neuron](02_neuron.ipynb).
""",
        fi="""
Kuva on siis 64 lukua väliltä 0 ... 1. Seuraavaksi se, mitä yksi neuroni
tekee tällaisilla luvuilla: [02 — neuroni](02_neuroni.ipynb).
""",
    ),
]
