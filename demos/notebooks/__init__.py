"""The notebook course: the talk slide by slide, in English and Finnish.

    python -m demos notebooks DIR    copies the course into DIR

    notebooks.py  that command
    course/       the notebooks themselves: course/en/*.ipynb, course/fi/*.ipynb
    pages/        what each notebook says, both languages side by side;
                  build.py turns them into the .ipynb files
    checks.py     the check cells: "right" / "oikein", or what is still wrong
    verdicts.py   what every check shares (its wording, the shape tests)
    solutions.py  the code that completes each exercise (for teachers and tests)

Uses `engine`, `nn` and `demos`; the notebooks also use matplotlib and graphviz.
"""
