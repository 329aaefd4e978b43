"""The talk in the terminal: `walkthrough`, and `explain` for one graph.

    walkthrough.py  the talk's seven stages with live numbers (`--lang fi`)
    text.py         what the walkthrough says, in English and Finnish
    explain.py      `python -m demos explain`: backprop as lines of arithmetic

Uses `engine`, `nn` and `demos.common`; the standard library only.
"""
