"""The playground's page in real headless Chromium, against the real server.

The server is started the way a learner starts it (`python -m demos
playground --no-browser`) on a free port of 127.0.0.1 and stopped with
Ctrl-C after the tests. Each test opens its own tab, so each has its own
session. What the page shows is checked against what Python computes: the
training loss after five single steps equals a fresh Session's, bit for bit.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from demos.playground.session import Session
from demos.playground.settings import parse_settings
from demos.playground.text import TEXT

ROOT = Path(__file__).resolve().parents[3]
COMMAND = [sys.executable, "-m", "demos", "playground"]
WAIT = 20_000  # ms: the longest any one thing may take before the test fails


@pytest.fixture
def server():
    """The base URL with its token, e.g. http://127.0.0.1:PORT/?token=T.

    One server per test: the store keeps at most 8 sessions, and every tab
    (every test) makes one."""
    process = subprocess.Popen(
        [*COMMAND, "--port", "0", "--no-browser"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url, seen = None, []
    deadline = time.monotonic() + 30
    while url is None and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        match = re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", line)
        url = match[0] if match else None
    if url is None:
        process.kill()
        pytest.fail("the playground printed no URL:\n" + "".join(seen))
    yield url
    process.send_signal(signal.SIGINT)  # Ctrl-C, as a learner stops it
    try:
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.stdout.close()


@pytest.fixture
def open_page(browser, server):
    """open_page(query="") -> a ready page; afterwards: no script errors,
    no request to anywhere but the server, no missing words."""
    pages = []
    problems: list[str] = []
    origin = server.split("/?")[0]

    def opener(query: str = ""):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.set_default_timeout(WAIT)
        page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
        page.on(
            "request",
            lambda r: r.url.startswith(origin) or problems.append(f"request: {r.url}"),
        )
        page.goto(server + ("&" + query if query else ""))
        page.wait_for_selector("body[data-session]")
        pages.append(page)
        return page

    yield opener
    for page in pages:
        assert page.evaluate("document.body.dataset.missingText || ''") == ""
        page.close()
    assert problems == []


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def shown(page, name: str) -> float:
    """The exact number behind a metric the page shows (its data-value)."""
    return float(page.get_attribute(f"#metric-{name}", "data-value"))


def wait_until(page, expression: str, seconds: float = WAIT / 1000) -> None:
    """Wait (bounded) until a JavaScript expression is true on the page.

    Playwright's wait_for_function compiles its predicate with eval, which the
    page's Content-Security-Policy forbids; page.evaluate does not."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still not true: {expression}"
        page.wait_for_timeout(50)


def set_setting(page, name: str, value: str) -> None:
    """Choose a value in a setting's control and wait for the server's answer."""
    with page.expect_response("**/api/settings"):
        page.select_option(f"#setting-{name}", value)


def play_until(page, steps: int) -> None:
    page.click("#play")
    wait_until(
        page, f"Number(document.querySelector('#counter').dataset.step) >= {steps}"
    )
    page.click("#play")  # pause
    wait_until(page, "document.querySelector('#play.playing') === null")


def message(page) -> str:
    page.wait_for_selector("#message:not(.hidden)")
    return page.text_content("#message-text")


# ------------------------------------------------------------------ tests


def test_play_lowers_the_loss_and_changes_the_boundary(open_page):
    page = open_page("speed=100&lr=0.3")
    loss_before = shown(page, "train_loss")
    picture_before = page.evaluate("document.querySelector('#plane').toDataURL()")
    play_until(page, 20)
    assert shown(page, "train_loss") < loss_before
    assert page.evaluate("document.querySelector('#plane').toDataURL()") != (
        picture_before
    )
    assert page.text_content("#metric-train_loss") == f"{shown(page, 'train_loss'):.4f}"


def test_the_shown_loss_is_the_one_python_computes(open_page):
    page = open_page("dataset=circles&hidden=3&lr=0.1")
    for k in range(1, 6):
        with page.expect_response("**/api/control"):
            page.click("#step")
        wait_until(page, f"document.querySelector('#counter').dataset.step === '{k}'")
    session = Session(
        parse_settings({"dataset": "circles", "hidden": "3", "lr": "0.1"})
    )
    session.step(5)
    metrics = session.metrics()
    assert shown(page, "train_loss") == metrics["train_loss"]
    assert shown(page, "test_accuracy") == metrics["test_accuracy"]
    assert page.text_content("#metric-train_loss") == f"{metrics['train_loss']:.4f}"
    # and the weight under the mouse is the model's, with four decimals
    page.hover("canvas.tile.kind-output")
    weight = session.model.layers[-1].neurons[0].w[0].data
    assert f"{weight:.4f}" in page.text_content("#tooltip")


def test_a_click_adds_a_point_there_and_shift_click_removes_it(open_page):
    page = open_page("points=50")
    box = page.locator("#plane").bounding_box()
    xmin, xmax, ymin, ymax = json.loads(page.get_attribute("#plane", "data-extent"))
    with page.expect_response("**/api/point") as answer:
        page.click("#plane", position={"x": box["width"] * 0.25, "y": 10})
    frame = answer.value.json()["frame"]
    want = (xmin + 0.25 * (xmax - xmin), ymax - 10 / box["height"] * (ymax - ymin))
    added = [
        p
        for p in frame["points"]["train"]
        if p[2] == 0 and abs(p[0] - want[0]) < 0.02 and abs(p[1] - want[1]) < 0.02
    ]
    assert len(added) == 1
    count = len(frame["points"]["train"])
    # The plane may have grown to hold the new point: find its pixel again.
    xmin, xmax, ymin, ymax = frame["extent"]
    x = (added[0][0] - xmin) / (xmax - xmin) * box["width"]
    y = (ymax - added[0][1]) / (ymax - ymin) * box["height"]
    page.click("button.klass[data-klass='1']")
    with page.expect_response("**/api/point") as answer:
        page.click("#plane", position={"x": x, "y": y}, modifiers=["Shift"])
    assert len(answer.value.json()["frame"]["points"]["train"]) == count - 1


def test_the_language_switch_speaks_finnish_and_keeps_it_in_the_url(open_page):
    page = open_page()
    fi = TEXT["fi"]
    assert page.text_content("#play") == TEXT["en"]["ui.play"]
    page.click("#language")
    assert page.text_content("h1") == fi["ui.title"]
    assert page.text_content("#play") == fi["ui.play"]
    lr_label = page.text_content("[data-setting='lr'] .name")
    assert lr_label == fi["setting.lr"] == "Oppimisnopeus"
    assert page.text_content("#metrics").count(fi["ui.train_loss"]) == 1
    assert "lang=fi" in page.url
    page.click("#language")
    assert page.text_content("#play") == TEXT["en"]["ui.play"]
    assert "lang=fi" not in page.url


def test_a_link_with_settings_and_hide_gives_that_setup(open_page):
    page = open_page("dataset=xor&hidden=6&lr=0.3&hide=lr,activation&lang=fi")
    assert page.is_hidden("[data-setting='lr']")
    assert page.is_hidden("[data-setting='activation']")
    assert page.is_visible("[data-setting='optimizer']")
    assert page.input_value("#setting-dataset") == "xor"
    assert page.text_content("#setting-hidden .count") == "1"
    assert page.locator("canvas.tile.kind-hidden").count() == 6
    assert page.text_content("#play") == TEXT["fi"]["ui.play"]
    assert "dataset=xor" in page.url and "hide=lr,activation" in page.url
    # the canonical query, with the token first
    assert re.search(r"\?token=[\w-]+&dataset=xor&hidden=6&lr=0.3&", page.url)


def test_xor_one_neuron_cannot_one_hidden_layer_can(open_page):
    page = open_page()
    with page.expect_response("**/api/control"):
        page.click("[data-preset='xor-one-neuron']")
    expect(page.locator("canvas.tile.kind-hidden")).to_have_count(0)
    set_setting(page, "speed", "100")
    play_until(page, 100)
    assert shown(page, "train_loss") > 0.68  # ln 2 = 0.693: a coin does as well
    assert shown(page, "train_accuracy") < 0.8
    with page.expect_response("**/api/control"):
        page.click("[data-preset='xor-hidden-layer']")
    expect(page.locator("canvas.tile.kind-hidden")).to_have_count(4)
    # Adam gets there in a few dozen steps (the preset's SGD takes ~300),
    # which keeps this test short on a busy machine.
    set_setting(page, "optimizer", "adam")
    set_setting(page, "speed", "100")
    play_until(page, 60)
    assert shown(page, "train_accuracy") >= 0.9


def test_learning_rate_100_overflows_and_says_so(open_page):
    page = open_page("activation=linear&lr=100&speed=30")
    page.click("#play")
    text = message(page)
    assert page.get_attribute("#message", "data-code") == "overflow"
    assert "smaller learning rate" in text
    wait_until(page, "document.querySelector('#play.playing') === null")
    assert page.text_content("#play") == TEXT["en"]["ui.play"]
    with page.expect_response("**/api/control"):
        page.click("#reset")
    page.wait_for_selector("#message.hidden", state="attached")


def test_a_bad_csv_file_shows_the_servers_message_and_changes_nothing(open_page):
    page = open_page("lang=fi")
    before = page.evaluate("document.querySelector('#plane').toDataURL()")
    with page.expect_response("**/api/csv") as answer:
        page.set_input_files(
            "#csv",
            files=[
                {
                    "name": "bad.csv",
                    "mimeType": "text/csv",
                    "buffer": b"x1,x2,label\n0.5,0.5,1\nabc,1,0\n",
                }
            ],
        )
    assert answer.value.status == 400
    body = answer.value.json()
    assert message(page) == body["message_fi"]
    assert "3" in body["message"]  # it names the line
    assert page.evaluate("document.querySelector('#plane').toDataURL()") == before


def test_a_bad_link_shows_its_message_and_the_page_still_works(open_page):
    page = open_page("lr=1000")
    assert "lr" in message(page)
    assert page.input_value("#setting-lr") == "0.03"
    page.click("#step")
    wait_until(page, "document.querySelector('#counter').dataset.step === '1'")
    assert page.is_hidden("#message")
