"""The stepper page in a real browser: Fit, fixed buttons, jumps, focus, CSP."""

from __future__ import annotations

import http.server
import threading
from functools import partial

import pytest

from demos.common.examples import EXAMPLES
from demos.stepper.stepper import (
    page_data,
    render_page,
    stepper_css,
    stepper_js,
    write_page,
)
from tests.demos.stepper.conftest import open_page

SIZES = [(1400, 900), (1280, 800)]


def graph_inside_pane(page) -> bool:
    return page.evaluate(
        """() => {
        const pane = document.getElementById("canvas").getBoundingClientRect();
        const graph = document.getElementById("graph").getBBox();
        const box = document.querySelector("#graph .nodes").getBoundingClientRect();
        return box.left >= pane.left && box.right <= pane.right &&
               box.top >= pane.top && box.bottom <= pane.bottom && graph.width > 0;
    }"""
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("example", ["net", "deep"])
def test_fit_shows_the_whole_graph(browser, tmp_path, example, size):
    # Fit used to stop at 0.85, which cut net and deep off at 1400×900.
    path = tmp_path / "page.html"
    write_page(EXAMPLES[example][1](), path)
    page, problems = open_page(browser, path, *size)
    page.click("#zoom-fit")
    assert graph_inside_pane(page)
    # and the edges too (they end at the boxes, so the boxes bound them)
    canvas = page.locator("#canvas")
    no_scroll = (
        "e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight"
    )
    assert canvas.evaluate(no_scroll)
    page.screenshot(path=f"/tmp/stepper-fit-{example}-{size[0]}.png")
    assert problems == []
    page.close()


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_header_and_buttons_stay_on_screen_at_every_step(browser, tmp_path, lang):
    # Steps 2 and 71 of deep used to scroll the whole page, header and all.
    path = tmp_path / "deep.html"
    n_steps = write_page(EXAMPLES["deep"][1](), path, lang=lang)
    page, problems = open_page(browser, path, 1280, 800)
    where = """() => [document.scrollingElement.scrollTop, document.body.scrollTop,
        document.getElementById("panel").scrollTop,
        document.getElementById("toolbar").getBoundingClientRect().top,
        document.getElementById("nav").getBoundingClientRect().top]"""
    for k in range(n_steps):
        page_top, body_top, panel_top, toolbar, nav = page.evaluate(where)
        assert (page_top, body_top, panel_top) == (0, 0, 0), k
        assert 0 <= toolbar < 20 and 0 <= nav < 40, k
        assert page.locator("#steps li.current").is_visible()
        if k in (1, n_steps - 1):
            page.screenshot(path=f"/tmp/stepper-deep-{lang}-step{k + 1}.png")
        page.keyboard.press("ArrowRight")
    assert problems == []
    page.close()


def test_boxes_take_draw_dots_role_colours(browser, tmp_path):
    graphviz_style = pytest.importorskip("engine.draw.style")
    path = tmp_path / "net.html"
    write_page(EXAMPLES["net"][1](), path)
    page, _ = open_page(browser, path)
    fill = "e => getComputedStyle(e.querySelector('rect')).fill"

    def hex_of(rgb: str) -> str:
        r, g, b = (int(x) for x in rgb[4:-1].split(","))
        return f"#{r:02x}{g:02x}{b:02x}"

    for name, role in (("L1.N1.w1", "parameter"), ("x1", "input"), ("loss", "output")):
        box = page.locator(f'.node[data-name="{name}"]')
        assert hex_of(box.evaluate(fill)) == graphviz_style.COLOURS[role], name
    weight, data_input = (
        hex_of(page.locator(f'.node[data-name="{n}"]').evaluate(fill))
        for n in ("L1.N1.w1", "x1")
    )
    assert weight != data_input  # they used to share one colour
    page.close()


def test_the_jump_menu_goes_to_phases_and_layers(browser, tmp_path):
    root = EXAMPLES["deep"][1]()
    data = page_data(EXAMPLES["deep"][1]())
    path = tmp_path / "deep.html"
    write_page(root, path)
    page, problems = open_page(browser, path)
    labels = page.locator("#jump option").all_text_contents()
    assert "Backward pass" in labels and "Forward pass, layer 2" in labels
    for jump in data["jumps"]:
        page.select_option("#jump", label=jump["label"])
        assert page.locator("#panel").get_attribute("data-step") == str(jump["step"])
    page.select_option("#jump", label="Backward pass, layer 2")
    step = data["steps"][int(page.locator("#panel").get_attribute("data-step"))]
    names = {node["id"]: node["name"] for node in data["nodes"]}
    assert step["phase"] == "backward"
    assert any(names[i].startswith("L2.") for i in step["touches"])
    assert problems == []
    page.close()


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_focus_buttons_walk_the_path_to_one_weight(browser, tmp_path, lang):
    build = EXAMPLES["net"][1]
    data = page_data(build(), focus="L1.N1.w1", lang=lang)
    path = tmp_path / "net.html"
    write_page(build(), path, focus="L1.N1.w1", lang=lang)
    page, problems = open_page(browser, path, 1280, 800)
    assert page.locator("#focus-nav").is_visible()
    visited = []
    while not page.is_disabled("#focus-next"):
        page.click("#focus-next")
        visited.append(int(page.locator("#panel").get_attribute("data-step")))
    assert visited == data["focus"]["steps"]
    # The last one is the chain-rule step into the weight itself.
    assert page.locator("#panel").get_attribute("data-parent") == "L1.N1.w1"
    page.screenshot(path=f"/tmp/stepper-focus-{lang}.png")
    page.click("#focus-prev")
    assert int(page.locator("#panel").get_attribute("data-step")) == visited[-2]
    assert page.locator("#steps li.on-path").count() == len(visited)
    assert page.locator('.node.focus[data-name="L1.N1.w1"]').count() == 1
    assert problems == []
    page.close()


def test_a_lone_surrogate_label_becomes_a_replacement_character(browser, tmp_path):
    from engine import Value

    a = Value(2.0, label="a\ud800")
    y = a * 3
    y.label = "y"
    path = tmp_path / "page.html"
    write_page(y, path)
    page, problems = open_page(browser, path)
    assert page.locator('.node[data-name="a\ufffd"]').count() == 1
    assert problems == []
    page.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", "default-src 'self'")
        super().end_headers()

    def log_message(self, *args):
        pass


def test_served_as_three_files_under_a_strict_csp(browser, tmp_path):
    build = EXAMPLES["reuse"][1]
    (tmp_path / "index.html").write_text(
        render_page(page_data(build()), inline=False), encoding="utf-8"
    )
    (tmp_path / "stepper.js").write_text(stepper_js(), encoding="utf-8")
    (tmp_path / "stepper.css").write_text(stepper_css(), encoding="utf-8")
    (tmp_path / "favicon.ico").write_bytes(b"")  # the browser asks for one
    handler = partial(_Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
        n_steps = len(page_data(build())["steps"])
        assert page.text_content("#counter") == f"Step 1 of {n_steps}"
        page.keyboard.press("End")
        assert page.is_disabled("#next")
        # the style sheet applied: the panel is laid out beside the graph
        assert (
            page.locator("#panel").evaluate("e => getComputedStyle(e).display")
            == "flex"
        )
        assert errors == []
        page.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
