"""One check for every family's word table: both languages say the same things.

A table is `{"en": {key: text}, "fi": {key: text}}` (see demos/common/words.py):
the same keys, the same `{...}` blanks in each text, and no empty Finnish text.
"""

from __future__ import annotations

import string
from collections.abc import Mapping


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def check_both_languages(table: Mapping[str, Mapping[str, str]]) -> None:
    assert set(table) == {"en", "fi"}
    assert table["en"].keys() == table["fi"].keys()
    for key, english in table["en"].items():
        assert _fields(english) == _fields(table["fi"][key]), key
        assert table["fi"][key].strip(), key
