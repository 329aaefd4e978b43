"""The store: bounded, idle sessions dropped, the worker trains the playing."""

import time

import pytest

from demos.playground.errors import PlaygroundError
from demos.playground.session import Session
from demos.playground.sessions import EXPIRE_IDLE, MAX_SESSIONS, REPLACE_IDLE, Store
from demos.playground.settings import parse_settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def small() -> Session:
    return Session(parse_settings({"points": "20", "hidden": "2"}))


def test_the_store_is_bounded_and_replaces_only_long_idle_sessions():
    clock = Clock()
    store = Store(clock)
    keys = [store.create(small(), [], "en") for _ in range(MAX_SESSIONS)]
    with pytest.raises(PlaygroundError) as caught:
        store.create(small(), [], "en")
    assert caught.value.status == 429
    clock.now += REPLACE_IDLE / 2
    for key in keys[1:]:
        store.entry(key)  # used: not idle
    clock.now += REPLACE_IDLE / 2 + 1
    newest = store.create(small(), [], "en")
    assert len(store) == MAX_SESSIONS
    with pytest.raises(PlaygroundError) as caught:
        store.entry(keys[0])  # the longest idle one went
    assert caught.value.status == 404
    assert store.entry(newest).session is not None


def test_idle_sessions_expire():
    clock = Clock()
    store = Store(clock)
    key = store.create(small(), ["lr"], "fi")
    assert store.entry(key).hide == ["lr"] and store.entry(key).lang == "fi"
    clock.now += EXPIRE_IDLE + 1
    store.create(small(), [], "en")
    with pytest.raises(PlaygroundError):
        store.entry(key)


def test_ids_are_random_tokens():
    store = Store()
    a, b = store.create(small(), [], "en"), store.create(small(), [], "en")
    assert a != b and len(a) >= 20
    with pytest.raises(PlaygroundError):
        store.entry(17)


def test_the_worker_trains_only_playing_sessions_and_stops():
    store = Store()
    playing, paused = small(), small()
    store.create(playing, [], "en")
    store.create(paused, [], "en")
    playing.settings = parse_settings({"speed": "100"}, playing.settings)
    playing.play()
    store.start()
    deadline = time.monotonic() + 10
    while playing.steps < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    store.stop()
    assert playing.steps >= 3 and paused.steps == 0
    steps = playing.steps
    time.sleep(0.1)
    assert playing.steps == steps  # stopped


def test_a_failing_step_pauses_that_session_only():
    store = Store()
    broken = small()
    broken.step = None  # calling it raises TypeError: a bug, not bad input
    broken.play()
    store.create(broken, [], "en")
    store.start()
    deadline = time.monotonic() + 10
    while broken.playing and time.monotonic() < deadline:
        time.sleep(0.02)
    store.stop()
    assert not broken.playing and broken.error["code"] == "internal"
