"""Every word in both languages, and a word for every setting and choice."""

from demos.playground.settings import TABLE
from demos.playground.text import TEXT, word


def test_both_languages_have_the_same_keys_and_no_empty_text():
    assert TEXT["en"].keys() == TEXT["fi"].keys()
    for lang in ("en", "fi"):
        assert all(text.strip() for text in TEXT[lang].values())


def test_every_setting_and_choice_has_a_label_and_help():
    for setting in TABLE:
        assert word(f"setting.{setting.name}", "fi")
        assert word(f"help.{setting.name}", "en")
        if setting.kind == "choice":
            for choice in setting.choices:
                assert word(f"choice.{setting.name}.{choice}", "fi")


def test_the_talks_terms_are_used():
    finnish = " ".join(TEXT["fi"].values()).lower()
    for term in ("neuroni", "aktivointifunktio", "virhefunktio", "gradient",
                 "oppimisnopeus"):  # fmt: skip
        assert term in finnish
