"""Test settings shared by every test file, and the one real browser."""

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI machines are shared and noisy: no hypothesis deadlines, a fixed budget.
settings.register_profile(
    "takaisin",
    deadline=None,
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("takaisin")


# A real headless Chromium (Debian's /usr/bin/chromium) for every page test:
# the stepper, the playground, the notebook frame. playwright drives it and
# never downloads a browser of its own.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
