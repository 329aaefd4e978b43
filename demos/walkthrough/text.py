"""What `python -m demos walkthrough` says, in English and in Finnish.

The stages follow the talk "Näin koulutat neuroverkkosi" (in
`../shared/seed/`), and the Finnish text uses its terms: neuroni,
aktivointifunktio, virhefunktio, gradientti, takaisinleviäminen.
`{...}` are filled in with live numbers by `demos/walkthrough.py`.
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "pause": "[Enter: next] ",
        "classes": "vertical|horizontal|diagonal",
        "intro_title": "How to train your neural network, step by step",
        "intro": "This program walks through the talk with real numbers: a "
        "picture becomes numbers, a neuron and a network compute an answer, a "
        "loss measures the error, backpropagation finds how to fix every "
        "weight, and training repeats that until the network is right.",
        # said only when the walkthrough really waits for Enter
        "intro_pause": "Press Enter to go on.",
        "vector_title": "1. An example becomes a vector",
        "vector": "A computer sees a picture as numbers. Our pictures are tiny: "
        "3 × 3 pixels, each a number from 0.0 (white) to 1.0 (black). Read the "
        "rows one after another and the picture becomes a list of 9 numbers, a "
        "vector x. The right answer y says what kind of line it shows: "
        "{classes}.",
        "vector_picture": "This picture shows a {name} line:",
        "neuron_title": "2. One neuron: z = g(w·x + b)",
        "neuron": "A neuron has its own weight for each input, w1 … w9. It "
        "multiplies each input by its weight and adds everything up, plus a "
        "bias b: s = w·x + b. A positive weight means 'this pixel speaks for "
        "me', a negative one 'against me'. Then the activation function g "
        "squeezes the sum; here g = tanh, which always gives a number between "
        "-1 and 1.",
        "neuron_sum": "s = w·x + b = {terms} + {b} = {s}",
        "neuron_out": "z = g(s) = tanh({s}) = {z}",
        "network_title": "3. A network M(x) gives a probability for each class",
        "network": "Neurons in layers make a network. Ours has 9 inputs, a "
        "hidden layer of {hidden} neurons, and {n_classes} outputs, one per "
        "class: M(x) = W2 g(W1 x), with {n_params} weights in all. The outputs "
        "are scores; softmax turns them into probabilities that are positive "
        "and add up to 1. The weights are still random, so the network is "
        "guessing:",
        "network_row": "  {name:<12} score {score:>8}   probability {p:>6}  {bar}",
        "loss_title": "4. The loss function measures the error",
        "loss": "A loss function L compares the network's answer with the right "
        "one. We use cross-entropy: L = -log(probability of the right class). "
        "If the network is sure of the right answer, that probability is 1 and "
        "L = 0; the less it believes the right answer, the larger L.",
        "loss_value": "The right class is {name}: L = -log({p}) = {L}",
        "backward_title": "5. Backpropagation: the gradient of every weight",
        "backward": "To make L smaller we need to know, for every weight w, how "
        "L changes when w changes: the derivative dL/dw. All of them together "
        "are the gradient. Backpropagation finds them all in one sweep from L "
        "back towards the inputs. Each step is the chain rule, and it reuses "
        "numbers the forward pass already computed. Here is every step that "
        "leads to one weight, {w} (layer 1, neuron 1, the weight of the middle "
        "pixel):",
        "backward_all": "That one sweep filled in all {n} gradients. The largest:",
        "grad_row": "  {gradient:<14} = {grad:>8}",
        "step_title": "6. One small step downhill",
        "step": "Move every weight a little against its gradient: "
        "w ← w - {lr} · dL/dw. Where dL/dw is positive, the weight goes down; "
        "where it is negative, up. For {w}:",
        "step_one": "  {w} = {old} - {lr} · ({grad}) = {new}",
        "step_result": "The same picture again: L was {before}, now {after}. The "
        "right class got probability {p_before} before, {p_after} now.",
        "train_title": "7. Again and again, on shuffled examples",
        "train": "One picture is not enough. We have {n_train} training pictures. "
        "In every round (an epoch) we shuffle them and take one small step per "
        "picture. The shuffling brings randomness, which helps the training "
        "not to get stuck.",
        "train_row": "  epoch {epoch:>2}: mean loss {loss}, right {right:>2}/{n}",
        "train_test": "{right}/{n} pictures the network never saw are classified "
        "right.",
        "summary_title": "Summary",
        "summary": "1. A neural network is made of layers of neurons.\n"
        "2. With bad weights its output M(x) gives a large error L(M(x), y).\n"
        "3. The gradient says which way to move each weight.\n"
        "4. Backpropagation computes the gradient of every weight efficiently, "
        "layer by layer backwards.\n"
        "5. Once the gradient is known, the weights take a small step.\n"
        "6. Repeat until the error is small.\n\n"
        "TL;DR: a neural network is trained by having a computer do lots of "
        "big derivative calculations.\n\n"
        "Next: step through one neuron's backpropagation in your browser:\n"
        "  python -m demos stepper -o backprop.html\n"
        "and read every chain-rule step as text:\n"
        "  python -m demos explain",
    },
    "fi": {
        "pause": "[Enter: jatka] ",
        "classes": "pysty|vaaka|vino",
        "intro_title": "Näin koulutat neuroverkkosi, askel askeleelta",
        "intro": "Tämä ohjelma käy esityksen läpi oikeilla luvuilla: kuvasta "
        "tulee lukuja, neuroni ja neuroverkko laskevat vastauksen, "
        "virhefunktio mittaa virheen, takaisinleviäminen kertoo, miten "
        "jokaista painoa pitää korjata, ja opettaminen toistaa tätä, kunnes "
        "verkko osaa.",
        "intro_pause": "Paina Enter jatkaaksesi.",
        "vector_title": "1. Esimerkistä tulee vektori",
        "vector": "Tietokoneelle kuva on lukuja. Meidän kuvamme ovat pieniä: "
        "3 × 3 pikseliä, ja jokainen pikseli on luku väliltä 0.0 (valkoinen) "
        "... 1.0 (musta). Kun rivit luetaan peräkkäin, kuvasta tulee 9 luvun "
        "lista eli vektori x. Oikea vastaus y kertoo, millainen viiva kuvassa "
        "on: {classes}.",
        "vector_picture": "Tässä kuvassa on {name}viiva:",
        "neuron_title": "2. Yksi neuroni: z = g(w·x + b)",
        "neuron": "Neuronilla on jokaiselle syötteelle oma paino, w1 … w9. Se "
        "kertoo jokaisen syötteen painollaan ja laskee kaiken yhteen, lisäksi "
        "vakiotermin b: s = w·x + b. Positiivinen paino tarkoittaa 'tämä "
        "pikseli puhuu puolestani', negatiivinen 'minua vastaan'. Sitten "
        "aktivointifunktio g joko korostaa tai latistaa summaa; tässä g = tanh, "
        "joka antaa aina luvun väliltä -1 ... 1.",
        "neuron_sum": "s = w·x + b = {terms} + {b} = {s}",
        "neuron_out": "z = g(s) = tanh({s}) = {z}",
        "network_title": "3. Neuroverkko M(x) antaa jokaiselle luokalle "
        "todennäköisyyden",
        "network": "Neuroneista tehdään tasoja ja tasoista verkko. Meidän "
        "verkossamme on 9 syötettä, {hidden} neuronin piilotaso ja "
        "{n_classes} ulostuloa, yksi kullekin luokalle: M(x) = W2 g(W1 x), "
        "yhteensä {n_params} painoa. Ulostulot ovat pisteitä; softmax muuttaa "
        "ne todennäköisyyksiksi, jotka ovat positiivisia ja joiden summa on 1. "
        "Painot ovat vielä satunnaisia, joten verkko arvaa:",
        "network_row": "  {name:<12} pisteet {score:>8}   todennäköisyys {p:>6}  {bar}",
        "loss_title": "4. Virhefunktio mittaa virheen",
        "loss": "Virhefunktio L vertaa verkon vastausta oikeaan vastaukseen. "
        "Käytämme ristientropiaa: L = -log(oikean luokan todennäköisyys). Jos "
        "verkko on varma oikeasta vastauksesta, todennäköisyys on 1 ja L = 0; "
        "mitä vähemmän verkko uskoo oikeaan vastaukseen, sitä suurempi L.",
        "loss_value": "Oikea luokka on {name}: L = -log({p}) = {L}",
        "backward_title": "5. Takaisinleviäminen: jokaisen painon gradientti",
        "backward": "Jotta L pienenisi, meidän täytyy tietää jokaiselle painolle "
        "w, miten L muuttuu, kun w muuttuu: derivaatta dL/dw. Kaikki nämä "
        "yhdessä ovat gradientti. Takaisinleviäminen laskee ne kaikki yhdellä "
        "kierroksella L:stä takaisin kohti syötteitä. Jokainen askel on "
        "ketjusääntö, ja se käyttää lukuja, jotka laskettiin jo eteenpäin "
        "mennessä. Tässä ovat kaikki askeleet, jotka johtavat yhteen painoon "
        "{w} (taso 1, neuroni 1, keskimmäisen pikselin paino):",
        "backward_all": "Tämä yksi kierros laski kaikki {n} gradienttia. Suurimmat:",
        "grad_row": "  {gradient:<14} = {grad:>8}",
        "step_title": "6. Pieni askel alamäkeen",
        "step": "Siirretään jokaista painoa vähän gradienttia vastaan: "
        "w ← w - {lr} · dL/dw. Kun dL/dw on positiivinen, paino pienenee; kun "
        "negatiivinen, paino kasvaa. Painolle {w}:",
        "step_one": "  {w} = {old} - {lr} · ({grad}) = {new}",
        "step_result": "Sama kuva uudestaan: L oli {before}, nyt {after}. Oikean "
        "luokan todennäköisyys oli {p_before}, nyt {p_after}.",
        "train_title": "7. Uudestaan ja uudestaan, sekoitetuilla esimerkeillä",
        "train": "Yksi kuva ei riitä. Meillä on {n_train} opetuskuvaa. Joka "
        "kierroksella (epookki) sekoitamme ne ja otamme yhden pienen askeleen "
        "kuvaa kohden. Sekoittaminen tuo satunnaisuutta, joka auttaa "
        "opettamista olemaan juuttumatta.",
        "train_row": "  epookki {epoch:>2}: keskim. virhe {loss}, oikein "
        "{right:>2}/{n}",
        "train_test": "Kuvista, joita verkko ei ole nähnyt, {right}/{n} "
        "luokitellaan oikein.",
        "summary_title": "Tiivistelmä",
        "summary": "1. Neuroverkko koostuu tasoista neuroneita.\n"
        "2. Huonoilla painoilla verkon ulostulo M(x) antaa suuren virheen "
        "L(M(x), y).\n"
        "3. Gradientti kertoo, mihin suuntaan kutakin painoa kannattaa "
        "siirtää.\n"
        "4. Takaisinleviäminen on tehokas tapa laskea gradientti kaikille "
        "painoille, taso kerrallaan takaisinpäin.\n"
        "5. Kun gradientti on laskettu, painoja siirretään pieni askel.\n"
        "6. Toistetaan, kunnes virhe on pieni.\n\n"
        "TLDR: Neuroverkko opetetaan laittamalla tietokone laskemaan paljon "
        "isoja derivaattalaskuja.\n\n"
        "Seuraavaksi: askella yhden neuronin takaisinleviäminen selaimessa:\n"
        "  python -m demos stepper -o backprop.html --lang fi\n"
        "ja lue jokainen ketjusäännön askel tekstinä:\n"
        "  python -m demos explain --lang fi",
    },
}
