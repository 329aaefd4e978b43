"""The classification pictures' shared colours, and how a picture is saved.

Every picture is a plain matplotlib `Figure`, made without pyplot: it opens
no window and needs no display, and in a notebook it shows once, where it
is returned.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from demos.common.files import write_atomically

# One colour per class (matplotlib's tab10), light for regions, full for points.
CLASS_COLORS = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
]
WRONG = "#d62728"  # red: marks misclassified examples


def save_figure(figure: Figure, path: Path | str) -> Path:
    """Write `figure` as a PNG at `path`, whole or not at all."""
    return write_atomically(
        path, lambda temp: figure.savefig(temp, dpi=110, bbox_inches="tight")
    )
