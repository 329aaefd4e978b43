"""Escaping: every character of a label is shown as itself, none breaks DOT."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.draw.labels import (
    check_number_format,
    escape_record,
    escape_text,
    format_number,
    shorten,
)


def unescape(escaped: str) -> str:
    """Read escaped text back the way Graphviz does: backslash + char -> char,
    and `&amp;` -> `&`."""
    out, chars = [], iter(escaped.replace("&amp;", "\0"))
    for char in chars:
        out.append(next(chars) if char == "\\" else char)
    return "".join(out).replace("\0", "&")


@pytest.mark.parametrize(
    ("text", "record"),
    [
        ("{x|y}", r"\{x\|y\}"),
        ("<p>", r"\<p\>"),
        ('a"b', r"a\"b"),
        ("a\\b", r"a\\b"),
        ("a b", r"a\ b"),
        ("a\nb", r"a\\nb"),  # a newline is shown as the two characters \n
        ("Σ w·x", r"Σ\ w·x"),
    ],
)
def test_record_escapes(text, record):
    assert escape_record(text) == record


def test_plain_text_escapes_only_quotes_and_backslashes():
    assert escape_text('{x|<y>} "q" \\') == '{x|<y>} \\"q\\" \\\\'
    assert escape_text("tab\there") == "tab\\\\there"


def test_an_ampersand_is_escaped_so_entities_show_as_written():
    # Graphviz reads "&amp;" as "&": it used to draw the label "&amp; &lt;" as "& <".
    assert escape_text("&amp; &lt;") == "&amp;amp; &amp;lt;"
    assert escape_record("a & b") == "a\\ &amp;\\ b"


def test_long_text_is_shortened_with_an_ellipsis():
    assert shorten("short") == "short"
    assert shorten("x" * 60) == "x" * 60
    assert shorten("x" * 61) == "x" * 59 + "…"
    assert shorten("abcdef", 4) == "abc…"
    assert len(shorten("y" * 100_000, 500)) == 500


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn"))))
def test_escaping_is_undone_by_reading_back(text):
    assert unescape(escape_record(text)) == text
    assert unescape(escape_text(text)) == text


@given(st.text())
def test_escaped_text_never_ends_a_dot_string_early(text):
    for escaped in (escape_record(text), escape_text(text)):
        # Every quote is preceded by an odd run of backslashes: escaped.
        body = escaped
        while '"' in body:
            before, _, body = body.partition('"')
            run = len(before) - len(before.rstrip("\\"))
            assert run % 2 == 1
        assert "\n" not in escaped and "\x00" not in escaped


def test_numbers():
    assert format_number(2.0, ".4f") == "2.0000"
    assert format_number(-0.0, ".4f") == "0.0000"
    assert format_number(1234.5678, ".2e") == "1.23e+03"
    check_number_format(".3g")
    with pytest.raises(ValueError, match="format spec"):
        check_number_format("d")
