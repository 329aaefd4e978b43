"""Tests for demos/classify/words.py: one table, the same words in both languages."""

from __future__ import annotations

import pytest

from demos.classify.words import WORDS, words
from tests.demos.word_tables import check_both_languages


def test_both_languages_have_the_same_keys_and_blanks():
    check_both_languages(WORDS)


def test_a_language_is_chosen_by_name_and_others_are_refused():
    assert words("fi")["loss"] == "virhe"
    assert words("en")["loss"] == "loss"
    for bad in ("sv", "FI", "", None):
        with pytest.raises(ValueError, match="lang must be 'en' or 'fi', got"):
            words(bad)
