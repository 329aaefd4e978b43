"""07: the step against the gradient, shuffled examples, and training."""

from demos.notebooks.build import check, code, exercise, md, setup

NAMES = {"en": "07_training", "fi": "07_opetus"}

CELLS = [
    md(
        en="""
# 07 — The step against the gradient, and training

Once the gradient is computed, the parameters `W` move a small step in the
direction the gradient points — against it, downhill:

`w ← w - learning_rate · dL/dw`

and the algorithm repeats until the loss is small. The **learning rate** says
how long a step is. Too short: slow. Too long: the step jumps over the valley.
""",
        fi="""
# 07 — Askel gradienttia vastaan, ja opetus

Kun gradientti on laskettu, parametreja `W` siirretään pieni askel ∇L:n
osoittamaan suuntaan — sitä vastaan, alamäkeen:

`w ← w - oppimisnopeus · dL/dw`

ja algoritmi toistetaan, kunnes virhe on pieni. **Oppimisnopeus** kertoo,
kuinka pitkä askel on. Liian lyhyt: hidasta. Liian pitkä: askel hyppää laakson yli.
""",
    ),
    code(setup("en"), setup("fi")),
    code(
        en="""
from demos.landscape.figures import learning_rates_figure
from demos.landscape.surfaces import neuron_loss

learning_rates_figure(neuron_loss, lang="en")
""",
        fi="""
from demos.landscape.figures import learning_rates_figure
from demos.landscape.surfaces import neuron_loss

learning_rates_figure(neuron_loss, lang="fi")
""",
    ),
    md(
        en="""
**Exercise 1.** Write the step: `sgd_step(params, lr)` moves every parameter
`p` against its gradient, `p.data -= lr * p.grad`.
""",
        fi="""
**Tehtävä 1.** Kirjoita askel: `sgd_step(params, lr)` siirtää jokaista
parametria `p` sen gradienttia vastaan, `p.data -= lr * p.grad`.
""",
    ),
    exercise(
        "sgd_step",
        en="""
def sgd_step(params, lr):
    for p in params:
        ...  # YOUR CODE HERE
""",
        fi="""
def sgd_step(params, lr):
    for p in params:
        ...  # KIRJOITA KOODISI TÄHÄN
""",
    ),
    check("sgd_step", "check.sgd_step(sgd_step)"),
    md(
        en="""
## Shuffled examples

Always taking the steepest way down does not necessarily lead to the best
result. Randomness comes from varying the training pictures between steps:
each step looks at a few examples (a **minibatch**), shuffled anew on every
pass over the data (an **epoch**):
""",
        fi="""
## Sekoitetut esimerkit

Jyrkimmän pudotuksen suunnan valitseminen ei välttämättä johda parhaimpaan
lopputulokseen. Satunnaisuutta syntyy vaihtelemalla harjoituskuvia askeleiden
välissä: jokainen askel katsoo muutamaa esimerkkiä (**minierä**), jotka
sekoitetaan uudestaan jokaisella kierroksella datan läpi (**epookki**):
""",
    ),
    code(
        en="""
from demos.datasets import make_moons, minibatches

X, y = make_moons(60, noise=0.1, seed=0)
y = [2 * label - 1 for label in y]  # the two moons: -1 and +1
for X_batch, y_batch in minibatches(X, y, batch_size=20, rng=0):
    print(len(X_batch), "examples, labels", y_batch[:8], "...")
""",
        fi="""
from demos.datasets import make_moons, minibatches

X, y = make_moons(60, noise=0.1, seed=0)
y = [2 * label - 1 for label in y]  # kaksi kuuta: -1 ja +1
for X_batch, y_batch in minibatches(X, y, batch_size=20, rng=0):
    print(len(X_batch), "esimerkkiä, luokat", y_batch[:8], "...")
""",
    ),
    md(
        en="""
## The training loop

All of the talk in five lines, for each minibatch: forward (`M(x)` for each
example), the loss, `zero_grad()` (gradients add up, so clear them first),
`backward()`, the step.

**Exercise 2.** Complete one epoch of training. For each minibatch: compute
`outputs = [model(x) for x in X_batch]`, `loss = hinge(outputs, y_batch)`,
then `model.zero_grad()`, `loss.backward()` and your `sgd_step(model.parameters(), lr)`.
""",
        fi="""
## Opetussilmukka

Koko esitys viidellä rivillä, jokaiselle minierälle: eteenpäin (`M(x)` kullekin
esimerkille), virhe, `zero_grad()` (gradientit summautuvat, joten ne nollataan
ensin), `backward()`, askel.

**Tehtävä 2.** Täydennä yksi opetuksen epookki. Jokaiselle minierälle: laske
`outputs = [model(x) for x in X_batch]`, `loss = hinge(outputs, y_batch)`,
sitten `model.zero_grad()`, `loss.backward()` ja oma `sgd_step(model.parameters(), lr)`.
""",
    ),
    exercise(
        "train_one_epoch",
        en="""
from nn import hinge

def train_one_epoch(model, X, y, lr, batch_size=20, seed=0):
    for X_batch, y_batch in minibatches(X, y, batch_size, rng=seed):
        ...  # YOUR CODE HERE
""",
        fi="""
from nn import hinge

def train_one_epoch(model, X, y, lr, batch_size=20, seed=0):
    for X_batch, y_batch in minibatches(X, y, batch_size, rng=seed):
        ...  # KIRJOITA KOODISI TÄHÄN
""",
    ),
    check("train_one_epoch", "check.train_one_epoch(train_one_epoch)"),
    md(
        en="""
## Training a network on the moons

The same loop, written out, with takaisin's optimizer `SGD` doing the step.
The loss should go down epoch by epoch:
""",
        fi="""
## Neuroverkon opettaminen kuilla

Sama silmukka kirjoitettuna auki; askeleen ottaa takaisinin optimoija `SGD`.
Virheen pitäisi pienentyä epookki epookilta:
""",
    ),
    code(
        en="""
import random

from nn import MLP, SGD

model = MLP(2, [8, 8, 1], seed=0)
optimizer = SGD(model.parameters(), lr=0.1)
rng = random.Random(0)  # one generator: a new order every epoch
for epoch in range(15):
    losses = []
    for X_batch, y_batch in minibatches(X, y, batch_size=20, rng=rng):
        outputs = [model(x) for x in X_batch]  # forward: M(x)
        loss = hinge(outputs, y_batch)  # the loss L(M(x), y)
        optimizer.zero_grad()
        loss.backward()  # every p.grad = dL/dp
        optimizer.step()  # every p moves against its gradient
        losses.append(loss.data)
    if epoch % 3 == 2:  # the mean over the epoch: one batch alone is noisy
        print(f"epoch {epoch + 1}: loss {sum(losses) / len(losses):.4f}")
""",
        fi="""
import random

from nn import MLP, SGD

model = MLP(2, [8, 8, 1], seed=0)
optimizer = SGD(model.parameters(), lr=0.1)
rng = random.Random(0)  # yksi generaattori: uusi järjestys joka epookilla
for epoch in range(15):
    losses = []
    for X_batch, y_batch in minibatches(X, y, batch_size=20, rng=rng):
        outputs = [model(x) for x in X_batch]  # eteenpäin: M(x)
        loss = hinge(outputs, y_batch)  # virhe L(M(x), y)
        optimizer.zero_grad()
        loss.backward()  # jokainen p.grad = dL/dp
        optimizer.step()  # jokainen p siirtyy gradienttiaan vastaan
        losses.append(loss.data)
    if epoch % 3 == 2:  # keskiarvo epookin yli: yksi erä yksin on kohinainen
        print(f"epookki {epoch + 1}: virhe {sum(losses) / len(losses):.4f}")
""",
    ),
    md(
        en="""
What has it learned? The background is the network's answer at every point
of the plane; the dots are the training data (a red ring: answered wrong).
""",
        fi="""
Mitä se on oppinut? Tausta on verkon vastaus tason jokaisessa pisteessä;
pisteet ovat opetusdata (punainen rengas: väärä vastaus).
""",
    ),
    code(
        en="""
from demos.classify.plot import boundary_figure

classes = [(label + 1) // 2 for label in y]  # -1 / +1 back to class 0 / 1
title = "after 15 epochs"
boundary_figure(model, X, classes, title=title, resolution=40, lang="en")
""",
        fi="""
from demos.classify.plot import boundary_figure

classes = [(label + 1) // 2 for label in y]  # -1 / +1 takaisin luokiksi 0 / 1
title = "15 epookin jälkeen"
boundary_figure(model, X, classes, title=title, resolution=40, lang="fi")
""",
    ),
    md(
        en="""
takaisin's demos use this same loop in `demos.classify.train.train`, which
also records the loss and the accuracy at every step:
""",
        fi="""
takaisinin demot käyttävät tätä samaa silmukkaa funktiossa
`demos.classify.train.train`, joka myös tallentaa virheen ja tarkkuuden joka askeleella:
""",
    ),
    code(
        en="""
from demos.classify.plot import history_figure
from demos.classify.train import train

model = MLP(2, [8, 8, 1], seed=1)
history = train(
    model, X, y,
    loss_fn=hinge,
    predict=lambda score: 1 if score.data > 0 else -1,
    optimizer=SGD(model.parameters(), lr=0.1),
    steps=45, batch_size=20, progress=False,
)
title = "the loss and the accuracy, step by step"
history_figure(history, title=title, lang="en")
""",
        fi="""
from demos.classify.plot import history_figure
from demos.classify.train import train

model = MLP(2, [8, 8, 1], seed=1)
history = train(
    model, X, y,
    loss_fn=hinge,
    predict=lambda score: 1 if score.data > 0 else -1,
    optimizer=SGD(model.parameters(), lr=0.1),
    steps=45, batch_size=20, progress=False,
)
title = "virhe ja tarkkuus askel askeleelta"
history_figure(history, title=title, lang="fi")
""",
    ),
    md(
        en="Last: all of it on real pictures. [08 — the digits](08_digits.ipynb).",
        fi="Lopuksi kaikki oikeilla kuvilla. [08 — numerot](08_numerot.ipynb).",
    ),
]
