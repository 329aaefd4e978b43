"""engine/draw/words.py: a picture's own words, in English or in Finnish."""

from __future__ import annotations

import json
import re
import string

import pytest

from engine import Value, draw_dot
from engine.draw.renderer import render_bytes
from engine.draw.words import LANGUAGES, WORDS

nn = pytest.importorskip("nn")


def fields(template: str) -> set[str]:
    """The `{...}` names a template fills in: "{count} more" -> {"count"}."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def drawn_strings(graph) -> list[str]:
    """Every text Graphviz drew and every hover text, from its JSON output."""
    found: list[str] = []

    def walk(part: object) -> None:
        if isinstance(part, dict):
            for key, value in part.items():
                if key in ("text", "tooltip") and isinstance(value, str):
                    found.append(value)
                walk(value)
        elif isinstance(part, list):
            for item in part:
                walk(item)

    walk(json.loads(render_bytes(graph.source, "json", backend="wasm")))
    return found


def words_of(texts) -> set[str]:
    return {w.lower() for text in texts for w in re.findall(r"[^\W\d_]+", text)}


def table_words(lang: str) -> set[str]:
    """The words of one language's table, without the `{...}` names."""
    return words_of(re.sub(r"\{\w*\}", " ", text) for text in WORDS[lang].values())


# Words of the English table that the Finnish one does not also use (grad,
# backward, d, ... are the same in both).
ENGLISH_ONLY = table_words("en") - table_words("fi")


def assert_finnish(texts: list[str]) -> None:
    english = words_of(texts) & ENGLISH_ONLY
    assert not english, f"English words in a Finnish picture: {sorted(english)}"


def test_both_languages_have_the_same_keys_and_fill_in_the_same_names():
    assert set(WORDS) == set(LANGUAGES) == {"en", "fi"}
    assert WORDS["en"].keys() == WORDS["fi"].keys()
    for key, english in WORDS["en"].items():
        assert fields(english) == fields(WORDS["fi"][key]), key
        assert WORDS["fi"][key].strip(), key


def test_english_only_words_catch_english():
    # The check below would pass on any picture if this set were empty.
    assert {"input", "layer", "neuron", "shown", "data", "key"} <= ENGLISH_ONLY


def network_loss(activation: str = "tanh"):
    model = nn.MLP(2, [4, 4, 1], activation=activation, seed=0)
    score = model([Value(0.5, label="x1"), Value(-1.2, label="x2")])
    loss = nn.binary_cross_entropy(score, 1)
    loss.label = "loss"
    return loss, dict(model.named_parameters())


def test_a_finnish_focus_picture_has_finnish_words_only():
    loss, params = network_loss()
    loss.backward()
    graph = draw_dot(
        loss, focus=params["L1.N2.w1"], cluster=True, legend=True, lang="fi"
    )
    texts = drawn_strings(graph)
    assert "vain polut luvusta loss takaisin kohteeseen L1.N2.w1 (punaisella)" in texts
    english = drawn_strings(draw_dot(loss, focus=params["L1.N2.w1"]))
    left_out = next(t for t in english if t.endswith("more nodes not shown"))
    count = left_out.split()[0]
    assert f"{count} muuta solmua jätetty pois" in texts
    assert {"kerros 1", "neuroni 2", "selitys", "syöte", "tulos"} <= set(texts)
    assert "punainen nuoli: polulla takaisin punakehyksiseen lukuun" in texts
    assert any(t.startswith("arvo ") for t in texts)
    assert any(re.fullmatch(r"\+\d+ muuta", t) for t in texts)
    assert_finnish(texts)


def test_a_finnish_clustered_picture_with_a_key_has_finnish_words_only():
    loss, _ = network_loss("relu")  # relu: some arrows carry no gradient
    half = loss * 0.5  # a constant, so that the key shows one
    half.label = "L"
    half.backward()
    texts = drawn_strings(draw_dot(half, cluster=True, legend=True, lang="fi"))
    assert {"kerros 1", "kerros 3", "neuroni 4", "selitys"} <= set(texts)
    key = {"syöte", "paino tai vakiotermi (opitaan)", "laskettu luku", "tulos"}
    assert key | {"0.5: vakio", "grad: d(L)/d(tämä luku), backward() laskee sen"} <= (
        set(texts)
    )
    assert "tätä nuolta pitkin ei virtaa gradienttia takaisin" in texts
    assert any(t.startswith("x1 (syöte): arvo = 0.5") for t in texts)
    assert_finnish(texts)
    # The same picture in English has the English words, as before.
    english = drawn_strings(draw_dot(half, cluster=True, legend=True))
    assert {"layer 1", "neuron 4", "key", "0.5: a constant"} <= set(english)


def test_unnamed_root_and_focus_and_a_cut_in_finnish():
    x, y, z = Value(2.0), Value(3.0), Value(1.0)
    f = x * y + (z * 5).exp()
    f.backward()
    texts = drawn_strings(draw_dot(f, focus=x, legend=True, lang="fi"))
    assert "vain polut tuloksesta takaisin valittuun lukuun (punaisella)" in texts
    caption = "3 muuta solmua jätetty pois; katkoviivalaatikko on laskettu"
    assert any(t.startswith(caption) for t in texts)
    assert any(
        t.endswith("; laskettu luvuista, jotka eivät näy kuvassa") for t in texts
    )
    assert_finnish(texts)
    one = drawn_strings(draw_dot(x * y, focus=x, lang="fi"))
    assert "yhtään graafin solmua ei ole jätetty pois" in one
    g = x * y + z.exp()  # z alone is left out
    g.backward()
    assert any(
        t.startswith("1 muu solmu jätetty pois;")
        for t in drawn_strings(draw_dot(g, focus=x, lang="fi"))
    )


@pytest.mark.parametrize("lang", ["sv", "FI", "", None, 1, ("fi",)])
def test_a_language_other_than_en_or_fi_is_refused(lang):
    with pytest.raises(ValueError, match=r"lang=.*must be 'en' or 'fi'.*got"):
        draw_dot(Value(1.0), lang=lang)
