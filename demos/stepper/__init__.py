"""`python -m demos stepper`: a page that steps through backprop.

    stepper.py   the command; `write_page(root, path)` for your own graph;
                 `page_data` + `render_page` for a server
    steps.py     what each step says and lights up; jumps and the focus path
    notebook.py  `step_through(root)`: the same page inline in a notebook
    layout.py    where each box of the graph goes on the page
    text.py      the page's words in English and Finnish
    page.html, stepper.css, stepper.js
                 the page itself: SVG, CSS and JavaScript, no network

Uses `engine` and `demos.common`; the standard library only.
"""

from demos.stepper.notebook import StepThrough, step_through
from demos.stepper.stepper import (
    page_data,
    render_page,
    stepper_css,
    stepper_js,
    write_page,
)

__all__ = [
    "StepThrough",
    "page_data",
    "render_page",
    "step_through",
    "stepper_css",
    "stepper_js",
    "write_page",
]
