"""step_through(): the stepper inline in a notebook, in a sandboxed iframe."""

from __future__ import annotations

import html
import re

import pytest

from demos.common.examples import EXAMPLES, unsafe_labels
from demos.stepper import StepThrough, page_data, step_through
from tests.demos.stepper.conftest import open_page


def srcdoc(frame_html: str) -> str:
    match = re.fullmatch(
        r'<iframe sandbox="allow-scripts" srcdoc="([^"]*)" .*</iframe>',
        frame_html,
        re.S,
    )
    assert match, frame_html[:200]
    return html.unescape(match[1])


def test_step_through_has_the_same_steps_and_numbers_as_the_page(tmp_path):
    shown = step_through(EXAMPLES["net"][1](), focus="L1.N1.w1")
    data = page_data(EXAMPLES["net"][1](), focus="L1.N1.w1")
    assert isinstance(shown, StepThrough)
    assert shown.steps == len(data["steps"]) == 41
    assert shown.data == data
    path = shown.save(tmp_path / "sub" / "page.html")
    assert path.read_text(encoding="utf-8") == shown.html == srcdoc(shown._repr_html_())
    assert "41 steps" in repr(shown)


def test_the_frame_is_sandboxed_escaped_and_offline():
    frame = step_through(
        unsafe_labels(), title='"><script>alert(3)</script>'
    )._repr_html_()
    assert frame.startswith('<iframe sandbox="allow-scripts" srcdoc="')
    assert "allow-same-origin" not in frame
    # everything inside srcdoc is escaped: no tag of the page is a tag here
    inside = frame[frame.index('srcdoc="') + 8 : frame.index('" title=')]
    assert "<" not in inside and '"' not in inside
    assert 'height="640"' in frame
    with pytest.raises(ValueError, match="height"):
        step_through(EXAMPLES["neuron"][1](), height=10)


def test_the_inline_frame_steps_through_in_chromium(browser, tmp_path):
    shown = step_through(EXAMPLES["reuse"][1](), lang="fi")
    notebook = tmp_path / "cell.html"
    notebook.write_text(
        "<!DOCTYPE html><meta charset='utf-8'><body>" + shown._repr_html_(),
        encoding="utf-8",
    )
    page, problems = open_page(browser, notebook, 1280, 800)
    frame = page.frame_locator("iframe")
    assert frame.locator("#counter").text_content() == f"Askel 1 / {shown.steps}"
    for _ in range(shown.steps - 1):
        frame.locator("#next").click()
    assert frame.locator("#next").is_disabled()
    grads = {
        g.get_attribute("data-name"): float(g.get_attribute("data-grad"))
        for g in frame.locator(".node").all()
    }
    final = shown.data["steps"][-1]["grads"]
    names = {node["id"]: node["name"] for node in shown.data["nodes"]}
    assert grads == {names[i]: float(exact) for i, _, exact in final}
    page.screenshot(path="/tmp/stepper-notebook-fi.png")
    assert problems == []
    page.close()
