"""`python -m demos stepper`: a page that steps through backprop.

    stepper.py  the command, and `write_page(root, path)` for your own graph
    layout.py   where each box of the graph goes on the page
    text.py     the page's words in English and Finnish
    page.html   the page itself: SVG, CSS and JavaScript, no network

Uses `engine` and `demos.common`; the standard library only.
"""

from demos.stepper.stepper import page_data, render_page, write_page

__all__ = ["page_data", "render_page", "write_page"]
