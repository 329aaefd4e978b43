"""Tests for demos/landscape/words.py: one table, the same words in both languages."""

from __future__ import annotations

import pytest

from demos.landscape.scenes import LEARNING_RATES
from demos.landscape.words import SLIDES, WORDS, words
from tests.demos.word_tables import check_both_languages


def test_both_languages_have_the_same_keys_and_blanks():
    check_both_languages(WORDS)


def test_every_picture_has_a_title_a_slide_and_every_verdict_its_words():
    for scene in SLIDES:
        assert f"title.{scene}" in WORDS["en"]
    for key, _ in LEARNING_RATES:
        assert f"verdict.{key}" in WORDS["en"]


def test_a_language_is_chosen_by_name_and_others_are_refused():
    assert words("fi")["loss"] == "virhe"
    assert words("en")["loss"] == "loss"
    for bad in ("sv", "EN", "", None):
        with pytest.raises(ValueError, match="lang must be 'en' or 'fi', got"):
            words(bad)
