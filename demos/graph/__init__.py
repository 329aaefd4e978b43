"""`python -m demos graph`: pictures of computation graphs.

    graph.py  draws a neuron, an expression and a small network with
              `engine.draw_dot`, every value and gradient on them

Uses `engine`, `nn`, `demos.common` and graphviz (the `demos` extra).
"""
