"""`step_through(root)`: the stepper inline in a notebook cell.

    from demos.stepper import step_through
    step_through(loss)            # as the last line of a cell

Jupyter, JupyterLab, VS Code and Colab show an object by its
`_repr_html_()`. Here that is the stepper's self-contained page inside a
sandboxed iframe (`sandbox="allow-scripts"`: the page's script runs, but it
cannot reach the notebook, its cookies or the network; the page's own
Content-Security-Policy forbids loading anything too). The page goes into
the iframe's `srcdoc` attribute, HTML-escaped, so no label can break out.
"""

from __future__ import annotations

import html
from pathlib import Path

from demos.stepper.stepper import page_data, render_page, write_text_atomically
from engine import Value

FRAME_HEIGHT = 640  # pixels: the graph, the buttons and a few lines of text


class StepThrough:
    """The steps of backprop through one graph, ready to show or to save.

    `.steps`: the number of steps; `.save(path)`: write the page as one HTML
    file; `.data`: what the page shows (see `page_data`); `.html`: the page.
    """

    def __init__(self, data: dict, height: int = FRAME_HEIGHT) -> None:
        self.data = data
        self.height = height
        self.html = render_page(data)

    @property
    def steps(self) -> int:
        return len(self.data["steps"])

    def save(self, path: Path | str) -> Path:
        """Write the page (the same file as `write_page`); returns its path."""
        path = Path(path)
        write_text_atomically(path, self.html)
        return path

    def _repr_html_(self) -> str:
        title = html.escape(self.data["title"], quote=True)
        page = html.escape(self.html, quote=True)
        return (
            f'<iframe sandbox="allow-scripts" srcdoc="{page}" title="{title}" '
            f'width="100%" height="{self.height}" '
            'style="border: 1px solid #c9cfdb; border-radius: 6px;"></iframe>'
        )

    def __repr__(self) -> str:
        return f"<StepThrough {self.data['title']!r}: {self.steps} steps>"


def step_through(
    root: Value,
    title: str = "",
    lang: str = "en",
    focus: Value | str | None = None,
    height: int = FRAME_HEIGHT,
) -> StepThrough:
    """Backprop through root's graph, step by step, to show in a notebook.

    Runs backward (as `explain` does, filling in the grads); `focus` (a Value
    of the graph or its label) marks the steps on the path back to it;
    `lang` is "en" or "fi". The steps and numbers are those of `write_page`.
    """
    if (
        not isinstance(height, int)
        or isinstance(height, bool)
        or not 200 <= height <= 4000
    ):
        raise ValueError(
            f"step_through: height must be 200..4000 pixels, got {height!r}"
        )
    return StepThrough(page_data(root, title, lang, focus), height)
