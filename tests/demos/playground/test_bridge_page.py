"""The playground's "why?" panel (issue 14) in real headless Chromium.

The server runs in this process (PlaygroundServer on a free port of
127.0.0.1), so every number the panel shows can be checked against a fresh
computation on the very model of the tab's session, taken from the server's
store: the loss and the gradients of the clicked point (chain.point_report),
and after the panel's "one step" the weight's new value.
"""

from __future__ import annotations

import re
import time

import pytest

from demos.playground.chain import point_report
from demos.playground.text import TEXT

WAIT = 20_000  # ms: the longest any one thing may take before the test fails


@pytest.fixture
def open_page(browser, server):
    """open_page(query) -> (page, session); afterwards: no script errors in
    any tab (the stepper's too), no request elsewhere, no missing words."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(WAIT)
    problems: list[str] = []
    origin = server.url().split("/?")[0]

    def watch(page):
        page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
        page.on(
            "request",
            lambda r: (
                r.url.startswith((origin, "blob:"))
                or problems.append(f"request: {r.url}")
            ),
        )

    context.on("page", watch)

    def opener(query: str = ""):
        page = context.new_page()
        page.goto(server.url() + ("&" + query if query else ""))
        page.wait_for_selector("body[data-session]")
        key = page.get_attribute("body", "data-session")
        return page, server.store.entry(key).session

    yield opener
    for page in context.pages:
        if page.url.startswith(origin + "/?"):
            assert page.evaluate("document.body.dataset.missingText || ''") == ""
    context.close()
    assert problems == []


def wait_until(page, expression: str, seconds: float = WAIT / 1000) -> None:
    """Bounded wait for a JavaScript expression (the page's CSP forbids
    eval, which Playwright's wait_for_function needs)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still not true: {expression}"
        page.wait_for_timeout(50)


def steps(page, count: int) -> dict:
    """Press the bar's "One step" count times; the last frame."""
    for _ in range(count):
        with page.expect_response("**/api/control") as answer:
            page.click("#step")
    return answer.value.json()["frame"]


def click_point(page, frame: dict, which: str, index: int) -> None:
    """Click exactly on a point and wait until the panel has its weight part."""
    x, y, _ = frame["points"][which][index]
    xmin, xmax, ymin, ymax = frame["extent"]
    box = page.locator("#plane").bounding_box()
    position = {
        "x": (x - xmin) / (xmax - xmin) * box["width"],
        "y": (ymax - y) / (ymax - ymin) * box["height"],
    }
    with page.expect_response("**/api/weight"):
        page.click("#plane", position=position)
    wait_until(page, "!document.querySelector('#why').classList.contains('busy')")


def number(page, selector: str, attribute: str = "data-value") -> float:
    return float(page.get_attribute(selector, attribute))


def python_report(session, index: int) -> dict:
    with session.lock:
        x, y, label = session.points.train[index]
        return point_report(session.model, [x, y], label, session.example_loss)


def click_edge(page, name: str) -> None:
    """Click the network picture's edge for weight `name` on a spot where it
    is the topmost thing (edges cross in the middle and meet at the ends)."""
    hit = f"#network path.edge-hit[data-weight-name='{name}']"
    spot = page.evaluate(
        """(selector) => {
          const path = document.querySelector(selector);
          const box = path.ownerSVGElement.getBoundingClientRect();
          const length = path.getTotalLength();
          for (const f of [0.3, 0.7, 0.4, 0.6, 0.2, 0.8, 0.5, 0.1, 0.9]) {
            const p = path.getPointAtLength(f * length);
            const x = box.left + p.x, y = box.top + p.y;
            if (document.elementFromPoint(x, y) === path) return [x, y];
          }
          return null;
        }""",
        hit,
    )
    assert spot is not None, f"no free spot on the edge {name}"
    with page.expect_response("**/api/weight"):
        page.mouse.click(*spot)
    wait_until(page, f"document.querySelector('#why-step').dataset.weight === '{name}'")


# ------------------------------------------------------------------ tests


def test_clicking_a_point_shows_its_loss_and_gradients_as_python_has_them(open_page):
    page, session = open_page("lr=0.1")
    frame = steps(page, 5)
    click_point(page, frame, "train", 7)
    assert page.is_visible("#why")
    report = python_report(session, 7)
    assert number(page, "#why-loss") == report["loss"]
    assert page.text_content("#why-loss") == f"{report['loss']:.4f}"
    # the list of weights: this example's dL/dw for each, exactly
    for name in ("L1.N1.w1", "L2.N3.w2", "L3.N1.b"):
        option = f"#why-weight option[value='{name}']"
        assert number(page, option, "data-grad") == report["grads"][name]
        assert f"{report['grads'][name]:.4f}" in page.text_content(option)
    # the chosen weight's chain adds up to the same gradient
    chosen = page.get_attribute("#why-step", "data-weight")
    assert number(page, "#why-step", "data-example-grad") == report["grads"][chosen]
    assert number(page, "#why-example-grad") == pytest.approx(
        report["grads"][chosen], rel=1e-12, abs=1e-15
    )
    # the forward pass, four decimals of Python's numbers
    forward = page.text_content("#why-forward")
    for layer in report["layers"]:
        for neuron in layer["neurons"]:
            assert f"{neuron['sum']:.4f}" in forward
            assert f"{neuron['output']:.4f}" in forward
    # the graph is a picture from a blob: URL, not SVG put into the page
    src = page.get_attribute("#why-graph", "src")
    assert src.startswith("blob:")
    wait_until(page, "document.querySelector('#why-graph').naturalWidth > 0")
    assert page.locator("#why svg").count() == 0
    # training is paused while the panel is open
    assert session.playing is False


def test_the_stepper_opens_from_the_panel_and_walks_to_the_end(open_page):
    page, _ = open_page("hidden=3")
    frame = steps(page, 2)
    click_point(page, frame, "train", 0)
    link = page.locator("#why-stepper")
    assert link.get_attribute("target") == "_blank"
    assert link.text_content() == TEXT["en"]["why.stepper"]
    with page.context.expect_page() as opened:
        link.click()
    stepper = opened.value
    stepper.wait_for_load_state()
    stepper.wait_for_selector("#next")
    # on the chosen weight's paths: "next step on the path to w" is there
    chosen = page.get_attribute("#why-step", "data-weight")
    assert f"focus={chosen}" in stepper.url
    assert stepper.is_visible("#focus-next")
    stepper.click("#focus-next")
    for _ in range(5):
        stepper.click("#next")
    stepper.keyboard.press("End")
    wait_until(stepper, "document.querySelector('#next').disabled")
    numbers = re.findall(r"\d+", stepper.text_content("#counter"))
    assert len(numbers) == 2 and numbers[0] == numbers[1]  # "step n / n"
    stepper.keyboard.press("Home")
    wait_until(stepper, "document.querySelector('#prev').disabled")


def test_an_edge_and_one_step_move_the_weight_to_the_shown_value(open_page):
    for optimizer in ("sgd", "momentum", "adam"):
        page, session = open_page(f"optimizer={optimizer}&lr=0.1&batch=10")
        frame = steps(page, 3)
        click_point(page, frame, "train", 4)
        click_edge(page, "L2.N3.w2")
        assert "picked" in page.get_attribute(
            "#network path.edge[data-weight-name='L2.N3.w2']", "class"
        )
        promised = number(page, "#why-after")
        before = number(page, "#why-value")
        with session.lock:
            weights = dict(session.model.named_parameters())
            assert weights["L2.N3.w2"].data == before
        rule = page.text_content("#why-step .rule")
        assert f"{promised:.6g}" in rule  # the rule's result is this number
        with page.expect_response("**/api/control"):
            page.click("#why-one-step")
        page.wait_for_selector("#why-took.same")
        assert number(page, "#why-took") == promised
        assert number(page, "#why-took", "data-promised") == promised
        with session.lock:
            assert weights["L2.N3.w2"].data == promised
            assert session.steps == 4
        assert number(page, "#why-value") == promised
        page.close()


def test_a_misclassified_point_is_marked_and_its_panel_says_so(open_page):
    page, session = open_page("dataset=xor&hidden=2&points=60")
    frame = steps(page, 1)
    labels = [p[2] for p in frame["points"]["train"]]
    wrong = [i for i, c in enumerate(frame["predicted"]["train"]) if c != labels[i]]
    right = [i for i, c in enumerate(frame["predicted"]["train"]) if c == labels[i]]
    assert wrong and right
    # the plane draws a cross on it: its centre pixel is dark, a right one's is not
    shade = page.evaluate(
        """([frame, points]) => {
          const canvas = document.querySelector('#plane');
          const ctx = canvas.getContext('2d');
          const [xmin, xmax, ymin, ymax] = frame.extent;
          return points.map((i) => {
            const [x, y] = frame.points.train[i];
            const px = Math.round((x - xmin) / (xmax - xmin) * canvas.width);
            const py = Math.round((ymax - y) / (ymax - ymin) * canvas.height);
            const d = ctx.getImageData(px, py, 1, 1).data;
            return d[0] + d[1] + d[2];
          });
        }""",
        [frame, [wrong[0], right[0]]],
    )
    assert shade[0] < 200 < shade[1]
    click_point(page, frame, "train", wrong[0])
    assert page.get_attribute("#why", "data-correct") == "false"
    assert page.text_content("#why-verdict") == TEXT["en"]["why.wrong"]
    assert "wrong" in page.get_attribute("#why-verdict", "class")
    assert python_report(session, wrong[0])["correct"] is False
    click_point(page, frame, "train", right[0])
    assert page.get_attribute("#why", "data-correct") == "true"
    assert page.text_content("#why-verdict") == TEXT["en"]["why.correct"]


def test_the_panel_speaks_finnish_after_the_language_switch(open_page):
    page, session = open_page()
    frame = steps(page, 2)
    click_point(page, frame, "train", 1)
    assert page.text_content("#why h2") == TEXT["en"]["why.title"]
    assert "lr ·" in page.text_content("#why-step .rule")
    with page.expect_response("**/api/weight"):
        page.click("#language")
    wait_until(page, "!document.querySelector('#why').classList.contains('busy')")
    fi = TEXT["fi"]
    assert page.text_content("#why h2") == fi["why.title"]
    assert page.text_content("#why-stepper") == fi["why.stepper"]
    assert page.text_content("#why-one-step") == fi["why.one_step"]
    assert "oppimisnopeus" in page.text_content("#why-step .rule")  # Python's words
    assert "lang=fi" in page.get_attribute("#why-stepper", "href")
    verdict = page.text_content("#why-verdict")
    assert verdict in (fi["why.correct"], fi["why.wrong"])
    # the same numbers in either language
    assert number(page, "#why-loss") == python_report(session, 1)["loss"]


def test_closing_the_panel_gives_the_plane_back_to_adding_points(open_page):
    page, session = open_page("points=50")
    frame = steps(page, 1)
    click_point(page, frame, "train", 0)
    page.click("#why-close")
    assert page.is_hidden("#why")
    assert page.is_visible("#column-data")
    count = len(frame["points"]["train"])
    box = page.locator("#plane").bounding_box()
    with page.expect_response("**/api/point") as answer:
        page.click("#plane", position={"x": 6, "y": box["height"] - 6})
    assert len(answer.value.json()["frame"]["points"]["train"]) == count + 1
    with session.lock:
        assert len(session.points.train) == count + 1
