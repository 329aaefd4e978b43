"""For the picture tests: every word a Figure draws, and which are English.

`texts_of(figure)` collects the figure's titles, notes, axis labels and
legends (colour bars are axes too). `english_in(texts, table)` gives the
words of `texts` that only the English half of a words table uses, so a
Finnish picture with any English left in it is caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from matplotlib.figure import Figure

WORD = re.compile(r"[^\W\d_]{3,}")  # letters only, 3 or more (not x1, w, b)
FIELD = re.compile(r"\{[^}]*\}")  # "{n}", "{lr:g}": filled in, not words


def texts_of(figure: Figure) -> list[str]:
    """Every text the figure draws except tick numbers."""
    texts = [figure.get_suptitle()] + [t.get_text() for t in figure.texts]
    for ax in figure.axes:
        texts += [ax.get_title(loc) for loc in ("left", "center", "right")]
        texts += [ax.get_xlabel(), ax.get_ylabel()]
        texts += [t.get_text() for t in ax.texts]  # notes and annotations
        legend = ax.get_legend()
        if legend is not None:
            texts += [t.get_text() for t in legend.get_texts()]
            texts.append(legend.get_title().get_text())
    return [t for t in texts if t.strip()]


def _words(texts: Iterable[str]) -> set[str]:
    return {w.lower() for t in texts for w in WORD.findall(FIELD.sub(" ", t))}


def english_in(texts: Iterable[str], table: Mapping[str, Mapping[str, str]]) -> set:
    """The words of `texts` that the table's English has and its Finnish not."""
    english = _words(table["en"].values()) - _words(table["fi"].values())
    return _words(texts) & english


def finnish_figures_without_english(
    each_figure, table: Mapping[str, Mapping[str, str]]
) -> dict[str, list[str]]:
    """Draw every figure in both languages (`each_figure(lang)` yields (name,
    Figure) pairs); check the English ones do show English words (so the
    check can see them) and the Finnish ones none. Returns the Finnish texts."""
    finnish = {name: texts_of(figure) for name, figure in each_figure("fi")}
    for name, english_figure in each_figure("en"):
        assert english_in(texts_of(english_figure), table), name
        texts = finnish[name]
        assert texts and not english_in(texts, table), (name, texts)
    return finnish
