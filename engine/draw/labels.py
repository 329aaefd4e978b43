"""Text for the boxes of a graph drawing, escaped so that no label breaks DOT.

Graphviz reads labels as DOT strings in which some characters mean something:
`\\n` starts a new line, `"` ends the string, and in a "record" box (the
boxes with rows that draw a Value) `{ } | < >` split the box into fields.
A Value labelled `{x|y}` or `a\\b` must still show exactly that text, so every
piece of text goes through `escape_record` or `escape_text` first.

Graphviz also reads `&amp;`, `&lt;`, `&#916;` ... as the characters they
name, so `&` itself is written `&amp;`. And the system `dot` refuses any
string of 16 KB or more, so long text is shortened with `shorten` first.

(Graphviz's HTML-like labels would avoid some of this, but the WebAssembly
Graphviz that draws SVG without a system install cannot read them; records
work everywhere.)
"""

from __future__ import annotations

import unicodedata

# In a record label these characters are syntax; a backslash makes them text.
_RECORD_SPECIAL = set('{}|<>"\\')
_TEXT_SPECIAL = set('"\\')

# How many characters of a text are drawn. A box label longer than this shows
# its start and "…" (the tooltip, seen on hovering, keeps more); the limits
# keep every DOT string far below Graphviz's 16 KB, even when each character
# is escaped into several.
LABEL_LIMIT = 60
TITLE_LIMIT = 200
TOOLTIP_LIMIT = 500


def _visible(char: str) -> str:
    """Control characters (newline, tab, NUL, ...) shown as their escape code."""
    if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") and char != " ":
        return repr(char)[1:-1]  # "\n" -> the two characters \ and n
    return char


def _escape(text: str, special: set[str]) -> str:
    out = []
    for char in text:
        for shown in _visible(char):
            if shown == "&":  # else "&amp;" would be drawn as "&"
                out.append("&amp;")
            else:
                out.append("\\" + shown if shown in special else shown)
    return "".join(out)


def shorten(text: str, limit: int = LABEL_LIMIT) -> str:
    """text, or its first `limit` - 1 characters and "…" if it is longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def escape_text(text: str) -> str:
    """`text` as the inside of a plain DOT label, shown character for character."""
    return _escape(text, _TEXT_SPECIAL)


def escape_record(text: str) -> str:
    """`text` as one field of a DOT record label, shown character for character."""
    # Records squeeze runs of spaces into one; escaped spaces are all kept.
    return _escape(text, _RECORD_SPECIAL).replace(" ", "\\ ")


def format_number(x: float, number_format: str) -> str:
    """x with the format spec, e.g. ".4f" -> "2.0000"; -0.0 shows as 0."""
    if x == 0.0:
        x = 0.0  # -0.0 -> 0.0: a minus sign on zero only confuses
    return format(x, number_format)


def check_number_format(number_format: str) -> None:
    """A clear error now rather than a confusing one halfway through drawing."""
    try:
        format(1.5, number_format)
    except (ValueError, TypeError):
        raise ValueError(
            f"number_format must be a format spec for floats such as '.4f' or "
            f"'.3g', got {number_format!r}"
        ) from None
