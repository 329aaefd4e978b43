"""Runnable demos, datasets and plots: `python -m demos` lists them.

Each folder is one family; a family uses `engine`, `nn`, the shared helpers
in `common/` and the data in `datasets/`, and nothing from another family:

    common/       command-line helpers and small example graphs the families share
    datasets/     moons, circles, xor, blobs, spiral, digits (`demos.datasets`)
    classify/     moons, circles, xor, spiral, digits: train a classifier, plot it
    graph/        `graph`: pictures of computation graphs (draw_dot)
    stepper/      `stepper`: a page that steps through backprop, one edge at a time
    walkthrough/  `walkthrough` (the talk, runnable) and `explain`
    landscape/    `landscape`: the error landscape, slopes, valleys, guessing
    playground/   `playground`: a live page where a network learns, and why
    notebooks/    `notebooks DIR`: the course, in English and Finnish
    benchmark/    `benchmark`: speed and memory beside micrograd

`__main__.py` maps each command name to the module that runs it.
"""
