"""`python -m demos landscape`: the error landscape of the talk.

    landscape.py  the command: computes every scene, draws, prints a summary
    surfaces.py   loss functions, slopes from backward(), descent paths
    guessing.py   "Arvataan?": random guessing against gradient descent
    scenes.py     the numbers of each picture, and their settings
    plots.py      drawing the 1-D and 2-D pictures and the GIF
    cautions.py   drawing the two valleys and the guessing race
    figures.py    each picture as one call returning a Figure (notebooks)
    style.py      the pictures' shared look
    words.py      every word the pictures draw, in English and Finnish

Uses `engine`, `nn`, `demos.common`, `demos.datasets` and matplotlib.
"""
