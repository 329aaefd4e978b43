"""The playground's server in this process, on a free port of 127.0.0.1.

One per test (a server holds at most 8 sessions), stopped afterwards. The
page tests in test_page.py start the real command instead, and define their
own `server`.
"""

from __future__ import annotations

import pytest

from demos.playground.server import PlaygroundServer


@pytest.fixture
def server():
    running = PlaygroundServer("127.0.0.1", 0)
    running.start()
    yield running
    running.stop()
