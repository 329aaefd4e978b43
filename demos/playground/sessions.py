"""The store of live sessions, and the one worker thread that trains them.

Each browser tab makes its own session; its id is a random token. The store
is bounded: at most MAX_SESSIONS at once (a new one replaces the one idle
longest, if that one has been idle for more than REPLACE_IDLE seconds; else
the answer is 429), and a session nobody has asked about for EXPIRE_IDLE
seconds is dropped.

The worker thread loops over the playing sessions: when a session's next
step is due (its `speed` is steps per second), it takes the session's lock,
does one step and lets go, so a request (a click, a frame) never waits for
more than one step. Request threads take the same lock to read or change a
session.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from demos.playground.errors import PlaygroundError
from demos.playground.session import Session

MAX_SESSIONS = 8
REPLACE_IDLE = 60.0
EXPIRE_IDLE = 15 * 60.0
TICK = 0.05  # the longest the worker sleeps before looking again
CATCH_UP = 0.25  # a worker running late skips steps older than this


@dataclass
class Entry:
    session: Session
    hide: list[str] = field(default_factory=list)
    lang: str = "en"
    last_used: float = 0.0
    next_due: float | None = None  # when the next training step is due
    encoded: tuple[int, str] | None = None  # (version, frame as JSON text)


class Store:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._entries: dict[str, Entry] = {}
        self._lock = threading.Lock()  # guards _entries only
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.token = ""  # the server's token, for the links answers give

    # -------------------------------------------------------------- store
    def create(self, session: Session, hide: list[str], lang: str) -> str:
        """Keep `session`; returns its new id (or 429 when the store is full)."""
        with self._lock:
            now = self.clock()
            self._expire(now)
            if len(self._entries) >= MAX_SESSIONS:
                oldest = min(self._entries, key=lambda k: self._entries[k].last_used)
                if now - self._entries[oldest].last_used <= REPLACE_IDLE:
                    raise PlaygroundError(
                        "too_many_sessions",
                        f"{MAX_SESSIONS} playgrounds are open already; close a "
                        "tab or wait a minute, then reload",
                        f"{MAX_SESSIONS} leikkikenttää on jo auki; sulje "
                        "välilehti tai odota hetki ja lataa sivu uudelleen",
                        status=429,
                    )
                del self._entries[oldest]
            key = secrets.token_urlsafe(16)
            self._entries[key] = Entry(session, hide, lang, last_used=now)
        return key

    def entry(self, key: object) -> Entry:
        """The entry of session `key` (404 if there is none); marks it used."""
        with self._lock:
            entry = self._entries.get(key) if isinstance(key, str) else None
            if entry is None:
                raise PlaygroundError(
                    "unknown_session",
                    "this playground session is gone (the server restarted or it "
                    "was idle too long); reload the page",
                    "tämä leikkikentän istunto on poistunut (palvelin käynnistyi "
                    "uudelleen tai se oli liian kauan käyttämättä); lataa sivu "
                    "uudelleen",
                    status=404,
                )
            entry.last_used = self.clock()
        self._wake.set()  # it may have started playing
        return entry

    def __len__(self) -> int:
        return len(self._entries)

    def _expire(self, now: float) -> None:
        for key in [k for k, e in self._entries.items()
                    if now - e.last_used > EXPIRE_IDLE]:  # fmt: skip
            del self._entries[key]

    # ------------------------------------------------------------- worker
    def start(self) -> None:
        """Start the worker thread (a daemon: it never keeps Python alive)."""
        self._thread = threading.Thread(
            target=self._work, name="playground-trainer", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop the worker thread and wait for it (at most one step)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _work(self) -> None:
        while not self._stop.is_set():
            now = self.clock()
            with self._lock:
                self._expire(now)
                entries = list(self._entries.values())
            soonest = now + TICK
            for entry in entries:
                due = self._train(entry, now)
                if due is not None:
                    soonest = min(soonest, due)
            wait = soonest - self.clock()
            if wait > 0:
                self._wake.wait(wait)
            self._wake.clear()

    def _train(self, entry: Entry, now: float) -> float | None:
        """One step of `entry` if one is due; returns when the next is due."""
        session = entry.session
        if not session.playing:
            entry.next_due = None
            return None
        if entry.next_due is None or entry.next_due < now - CATCH_UP:
            entry.next_due = now
        if entry.next_due <= now:
            with session.lock:
                if session.playing:
                    try:
                        session.step(1)
                    except Exception as problem:  # a bug must not stop the others
                        session.playing = False
                        session.error = {
                            "code": "internal",
                            "message": f"training stopped: {problem!r}",
                            "message_fi": f"opetus pysähtyi: {problem!r}",
                        }
                        session.version += 1
            entry.next_due += 1.0 / session.settings.speed
            time.sleep(0)  # let a request that waits for the lock have it
        return entry.next_due
