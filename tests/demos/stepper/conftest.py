"""Opening a stepper page in the shared headless Chromium (tests/conftest.py's
`browser`), watching for script errors, dialogs and any request off the file."""

from __future__ import annotations

from pathlib import Path


def open_page(browser, path: Path, width: int = 1400, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height})
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: (problems.append("dialog"), dialog.dismiss()))
    page.on("request", lambda r: r.url.startswith("file:") or problems.append(r.url))
    page.goto(path.as_uri())
    return page, problems
