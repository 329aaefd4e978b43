"""Checks made before a demo starts, so that nothing fails after the work is done.

    shadowing_problem()         a learner's own engine.py / nn.py that hides
                                takaisin's package of the same name
    missing_packages(name, ...) what a demo needs that is not installed, and
                                the one line that says how to get it

Both only look (importlib.util.find_spec finds a module without running
it); `demos/__main__.py` calls them before it imports any demo.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

# The packages of takaisin that a file of the same name in the current
# folder would hide (Python looks in the current folder first).
OWN_PACKAGES = ("engine", "nn")

# Where takaisin's packages live: beside this `demos` folder.
ROOT = Path(__file__).resolve().parent.parent.parent

INSTALL = 'pip install "takaisin[demos]"'

# What each demo needs beyond the standard library, and what for. A need
# "for pictures" can be skipped with --no-plot; a need "to run" cannot.
NEEDS: dict[str, list[tuple[str, str]]] = {
    "moons": [("matplotlib", "pictures")],
    "circles": [("matplotlib", "pictures")],
    "xor": [("matplotlib", "pictures")],
    "spiral": [("matplotlib", "pictures")],
    "digits": [("matplotlib", "pictures")],
    "landscape": [("matplotlib", "pictures")],
    "graph": [("graphviz", "run")],
    "playground": [("graphviz", "run")],  # the why? panel draws a point's graph
}


def _is_installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a broken or half-imported package
        return False


def shadowing_problem() -> str | None:
    """A message if `engine` or `nn` would not be takaisin's own; else None.

    A learner who saves their own attempt as `engine.py` (or `nn.py`, or a
    folder `engine/` with an `__init__.py`) in the folder they run from
    hides takaisin's package: the demos would then fail deep inside with
    "cannot import name 'dot' from 'engine'".
    """
    for name in OWN_PACKAGES:
        expected = ROOT / name / "__init__.py"
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None:
            return (
                f"takaisin's package {name!r} is missing (expected {expected}); "
                f"reinstall takaisin: {INSTALL}"
            )
        if spec.origin is None:  # a folder without __init__.py
            found = ", ".join(spec.submodule_search_locations or []) or "?"
        else:
            found = spec.origin
        if spec.origin is None or Path(found).resolve() != expected:
            hider = Path(found)
            return (
                f"{found} hides takaisin's package {name!r} ({expected.parent}).\n"
                f"Python finds your {hider.name!r} first because it is in the "
                f"folder you run from. Rename it (for example to "
                f"'my_{hider.name}') or run the demo from another folder."
            )
    return None


def missing_packages(demo: str, no_plot: bool) -> str | None:
    """A message naming what `demo` needs and lacks, or None if all is there.

    `no_plot`: the learner passed --no-plot, so needs "for pictures" do not
    count. The message says how to install what is missing and, where the
    demo can run without pictures, that --no-plot is the other way.
    """
    missing = [
        (module, use)
        for module, use in NEEDS.get(demo, [])
        if not (use == "pictures" and no_plot) and not _is_installed(module)
    ]
    if not missing:
        return None
    names = " and ".join(module for module, _ in missing)
    message = f"{demo} needs {names}, which is not installed. Install it with\n"
    message += f"    {INSTALL}"
    if all(use == "pictures" for _, use in missing):
        message += f"\nor run without pictures: python -m demos {demo} --no-plot"
    return message
