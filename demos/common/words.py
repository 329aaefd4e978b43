"""Picking a picture's words by language: one table per family of demos.

A family keeps all the words its pictures draw in one `words.py`, as
`{"en": {key: text}, "fi": {key: text}}` with the same keys in both
languages; `{...}` in a text is filled in with `str.format` where it is
drawn. `choose` gives one language's half, or says what it takes.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGS = ("en", "fi")


def choose(
    table: Mapping[str, Mapping[str, str]], lang: str, who: str
) -> Mapping[str, str]:
    """`table[lang]`, or a ValueError that names the choices."""
    if not isinstance(lang, str) or lang not in table:
        choices = " or ".join(repr(k) for k in table)
        raise ValueError(f"{who}: lang must be {choices}, got {lang!r}")
    return table[lang]
