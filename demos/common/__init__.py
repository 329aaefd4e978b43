"""What every family of demos shares, and nothing family-specific.

    cli.py       the command-line options and checks every demo uses
    examples.py  small graphs to watch backprop on (a neuron, a reused value,
                 a network), used by the stepper, explain and the walkthrough
    words.py     picks a picture's words by language ("en" or "fi")

Uses only `engine`, `nn` and the standard library.
"""
