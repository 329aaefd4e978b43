"""The backprop stepper page: its data, its escaping, and a real browser run."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given

from demos.common.examples import EXAMPLES, unsafe_labels
from demos.stepper.layout import BOX_HEIGHT, BOX_WIDTH, assign_columns, layout
from demos.stepper.stepper import (
    DATA_MARKER,
    main,
    page_data,
    render_page,
    to_script_json,
    write_page,
)
from engine import Value, backward_steps, topo_sort
from engine.explain import node_names, step_line
from tests.demos.stepper.conftest import open_page
from tests.strategies import programs_with_inputs


def expected_backward(build) -> list[tuple[str, str, str, float]]:
    """(node, parent, chain-rule line, contribution) of every step of a
    fresh copy of the graph, straight from backward_steps."""
    root = build()
    names = node_names(root)
    steps, before = [], {}
    for s in backward_steps(root):
        line = step_line(s, names, names[root], before=before.get(s.parent, 0.0))
        before[s.parent] = s.parent.grad
        steps.append((names[s.node], names[s.parent], line, s.contribution))
    return steps


def backward_grads(build) -> dict[str, float]:
    """name -> grad after a plain backward() on a fresh copy of the graph."""
    root = build()
    root.backward()
    return {name: node.grad for node, name in node_names(root).items()}


def script_json(html: str) -> dict:
    match = re.search(
        r'<script id="stepper-data" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "the data script is missing"
    return json.loads(match[1])


# ------------------------------------------------------------------ data


@pytest.mark.parametrize("example", list(EXAMPLES))
def test_steps_are_forward_then_backward_in_backward_order(example):
    build = EXAMPLES[example][1]
    root = build()
    data = page_data(root)
    steps = data["steps"]
    order = topo_sort(build())
    n_ops = sum(1 for node in order if node.parents)
    n_edges = sum(len(node.parents) for node in order)
    # the graph, the given leaves, one per operation, the seed, one per edge, done
    assert len(steps) == 1 + 1 + n_ops + 1 + n_edges + 1
    assert [s["phase"] for s in steps[: 2 + n_ops]] == ["graph"] + ["forward"] * (
        1 + n_ops
    )
    names = {node["id"]: node["name"] for node in data["nodes"]}
    backward = [s for s in steps if s["edge"] is not None]
    got = [(names[s["node"]], names[s["parent"]], s["arith"]) for s in backward]
    want = [(node, parent, line) for node, parent, line, _ in expected_backward(build)]
    assert got == want
    for s, (*_, contribution) in zip(backward, expected_backward(build), strict=True):
        assert float(s["exact"]["contribution"]) == contribution
        edge = data["edges"][s["edge"]]
        assert (edge["to"], edge["from"]) == (s["node"], s["parent"])


@pytest.mark.parametrize("example", list(EXAMPLES))
def test_the_last_step_holds_exactly_the_grads_of_backward(example):
    build = EXAMPLES[example][1]
    data = page_data(build())
    names = {node["id"]: node["name"] for node in data["nodes"]}
    final = {names[i]: float(exact) for i, _, exact in data["steps"][-1]["grads"]}
    assert final == backward_grads(build)


def test_a_reused_value_gets_one_arrow_per_use():
    a = Value(3.0, label="a")
    y = a * a
    y.label = "y"
    data = page_data(y)
    assert [(e["from"], e["to"], e["slot"]) for e in data["edges"]] == [
        (0, 1, 0),
        (0, 1, 1),
    ]
    assert data["edges"][0]["d"] != data["edges"][1]["d"]  # two visible arrows
    grads = [s["grads"] for s in data["steps"] if s["edge"] is not None]
    assert [g[0][1] for g in grads] == ["3.0000", "6.0000"]


def test_layout_boxes_never_overlap_and_arrows_point_right():
    for _, build in EXAMPLES.values():
        root = build()
        places = layout(root)
        boxes = list(places.position.values())
        for i, (x1, y1) in enumerate(boxes):
            assert 0 <= x1 <= places.width - BOX_WIDTH
            assert 0 <= y1 <= places.height - BOX_HEIGHT
            for x2, y2 in boxes[i + 1 :]:
                apart = abs(x1 - x2) >= BOX_WIDTH or abs(y1 - y2) >= BOX_HEIGHT
                assert apart, "two boxes overlap"
        column = assign_columns(topo_sort(root))
        for node in column:
            for parent in node.parents:
                assert column[parent] < column[node]


# ------------------------------------------------------------- the page


def test_the_page_is_self_contained(tmp_path):
    html = render_page(page_data(EXAMPLES["neuron"][1]()))
    assert DATA_MARKER not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    # Nothing to fetch: no external scripts, styles, images or fonts.
    assert not re.search(r"<(link|img|iframe)\b|\bsrc\s*=|@import|url\(http", html)
    assert re.findall(r"https?://[^\s\"']+", html) == ["http://www.w3.org/2000/svg"] * 2
    data = script_json(html)
    assert data["nodes"] and data["steps"]


def test_labels_that_look_like_html_stay_data():
    html = render_page(page_data(unsafe_labels()))
    # Only the page's own two scripts end; no label closes one early.
    assert html.count("</script>") == 2
    for dangerous in ("<script>alert", "<img", "<b>"):
        assert dangerous not in html.replace("</script>", "")
    names = {node["name"] for node in script_json(html)["nodes"]}
    assert "<script>alert(1)</script>" in names
    assert "</script><img src=x onerror=alert(2)>" in names
    assert "innerHTML" not in html and "insertAdjacentHTML" not in html


def test_script_json_escapes_the_three_characters_and_round_trips():
    data = {"label": "</script><!-- & -->", "line": "\u2028"}
    text = to_script_json(data)
    assert not set("<>&") & set(text)
    assert json.loads(text) == data


def test_the_command_writes_the_page(tmp_path, capsys):
    out = tmp_path / "sub" / "backprop.html"
    assert main(["-o", str(out), "--example", "reuse", "--lang", "fi"]) == 0
    assert "wrote" in capsys.readouterr().out
    data = script_json(out.read_text(encoding="utf-8"))
    assert data["lang"] == "fi" and data["ui"]["next"] == "Seuraava ▶"
    with pytest.raises(ValueError, match="lang"):
        page_data(Value(1.0), lang="sv")


def test_output_that_is_a_folder_is_a_clear_error(tmp_path, capsys):
    # `-o out` used to end in an IsADirectoryError traceback
    with pytest.raises(SystemExit) as exit_info:
        main(["-o", str(tmp_path)])
    assert exit_info.value.code == 2
    assert "is a folder, not a file" in capsys.readouterr().err


# -------------------------------------------------------- in a browser


@pytest.mark.parametrize("example", ["neuron", "reuse", "deep"])
def test_stepping_in_chromium_follows_backward(browser, tmp_path, example):
    build = EXAMPLES[example][1]
    path = tmp_path / "page.html"
    n_steps = write_page(build(), path)
    page, problems = open_page(browser, path)
    expected = iter(expected_backward(build))
    assert page.text_content("#counter") == f"Step 1 of {n_steps}"
    for k in range(1, n_steps):
        if k % 2:
            page.keyboard.press("ArrowRight")
        else:
            page.click("#next")
        panel = page.locator("#panel")
        assert panel.get_attribute("data-step") == str(k)
        if page.locator(".edge.active").count() == 0:
            continue  # a forward step, the seed, or the end
        node, parent, line, contribution = next(expected)
        edge = page.locator(".edge.active")
        assert (edge.get_attribute("data-node"), edge.get_attribute("data-parent")) == (
            node,
            parent,
        )
        assert panel.get_attribute("data-node") == node
        assert page.locator(".node.receiving").get_attribute("data-name") == parent
        assert page.text_content("#arith") == line
        assert float(panel.get_attribute("data-contribution")) == contribution
    assert next(expected, None) is None, "the page skipped backward steps"
    assert page.is_disabled("#next")
    shown = {
        g.get_attribute("data-name"): float(g.get_attribute("data-grad"))
        for g in page.locator(".node").all()
    }
    assert shown == backward_grads(build)
    # Back to the start with the keyboard, and the grads are gone again.
    page.keyboard.press("Home")
    assert page.text_content("#counter") == f"Step 1 of {n_steps}"
    assert page.locator(".node .grad.set").count() == 0
    assert problems == []
    page.close()


def test_html_in_labels_shows_as_text_in_chromium(browser, tmp_path):
    path = tmp_path / "unsafe.html"
    n_steps = write_page(unsafe_labels(), path, title="<i>not italic</i>")
    page, problems = open_page(browser, path)
    for _ in range(n_steps):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Home")
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    names = [g.get_attribute("data-name") for g in page.locator(".node").all()]
    assert "<script>alert(1)</script>" in names
    assert page.locator("#graph img, #graph script, #panel b, #panel img").count() == 0
    assert page.text_content("#example-title") == "<i>not italic</i>"
    assert "<script>alert(1)</script>" in page.text_content("#steps")
    assert problems == []  # no alert dialog, no error, no network request
    page.close()


@given(programs_with_inputs(max_steps=8))
def test_any_graph_ends_with_backwards_grads(program_and_inputs):
    program, xs = program_and_inputs

    def build():
        return program.run([Value(x, label=f"x{i}") for i, x in enumerate(xs, 1)])

    data = page_data(build())
    edges = sum(len(node.parents) for node in topo_sort(build()))
    assert sum(1 for s in data["steps"] if s["edge"] is not None) == edges
    names = {node["id"]: node["name"] for node in data["nodes"]}
    final = {names[i]: float(exact) for i, _, exact in data["steps"][-1]["grads"]}
    assert final == backward_grads(build)
    json.loads(to_script_json(data))  # always valid JSON (no NaN, no Infinity)


# ----------------------------------------------- --out, atomic writes


def test_out_folder_like_the_other_demos(tmp_path, capsys, monkeypatch):
    out = tmp_path / "pages"
    assert main(["--out", str(out)]) == 0
    assert (out / "backprop.html").is_file()
    assert main(["--out", str(out), "--example", "net", "--focus", "L1.N1.w1"]) == 0
    data = script_json((out / "net.html").read_text(encoding="utf-8"))
    assert data["focus"]["steps"]
    monkeypatch.chdir(tmp_path)
    assert main([]) == 0  # the default, like every other demo: ./out
    assert (tmp_path / "out" / "backprop.html").is_file()
    assert "out/backprop.html" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--out", str(out), "-o", str(tmp_path / "x.html")])
    with pytest.raises(SystemExit) as exit_info:
        main(["--out", ""])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["--example", "net", "--focus", "nope"])
    assert "no value labelled 'nope'" in capsys.readouterr().err


def test_a_lone_surrogate_neither_crashes_nor_empties_the_old_page(tmp_path):
    path = tmp_path / "page.html"
    write_page(Value(1.0, label="old"), path)
    a = Value(2.0, label="bad \ud800 label")
    y = a * a
    y.label = "y"
    write_page(y, path, title="\udfff")  # used to raise UnicodeEncodeError
    text = path.read_text(encoding="utf-8")
    names = {node["name"] for node in script_json(text)["nodes"]}
    assert "bad \ufffd label" in names
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_a_failed_write_keeps_the_old_page_and_leaves_no_temporary(
    tmp_path, monkeypatch
):
    import demos.stepper.stepper as stepper

    path = tmp_path / "page.html"
    write_page(Value(1.0, label="old"), path)
    before = path.read_bytes()

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(stepper.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_page(Value(2.0, label="new"), path)
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


def test_the_page_files_cannot_end_their_inline_elements():
    from demos.stepper.stepper import stepper_css, stepper_js

    assert "</" not in stepper_js() and "</" not in stepper_css()
    html = render_page(page_data(Value(1.0)), inline=False)
    assert '<script src="stepper.js"></script>' in html
    assert '<link rel="stylesheet" href="stepper.css">' in html
    assert "default-src 'self'" in html and "unsafe-inline" not in html


def test_a_server_can_say_where_the_page_files_are():
    html = render_page(
        page_data(Value(1.0)),
        inline=False,
        css_url="/static/stepper.css?token=a&b",
        js_url="/static/stepper.js?token=a&b",
    )
    assert '<script src="/static/stepper.js?token=a&amp;b"></script>' in html
    assert '<link rel="stylesheet" href="/static/stepper.css?token=a&amp;b">' in html
    assert 'src="stepper.js"' not in html
