"""The routes of the playground's API: a JSON body in, a JSON answer out.

Each route is a function `(store, body) -> dict`; server.py checks the
request (token, Host, Origin, size) and turns every PlaygroundError raised
here into a 4xx answer with the message in English and Finnish. The frame
in an answer is made under the session's lock (the worker thread trains
under the same lock), once per version of the session.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from demos.playground import data, why
from demos.playground.errors import PlaygroundError
from demos.playground.frame import cached_frame
from demos.playground.presets import preset_list
from demos.playground.session import MAX_STEPS, Session
from demos.playground.sessions import MAX_SESSIONS, Entry, Store
from demos.playground.settings import (
    MAX_LAYERS,
    MAX_POINTS,
    parse_hide,
    parse_lang,
    parse_settings,
    table_rows,
    to_query,
)
from demos.playground.text import TEXT

Body = dict[str, Any]


class Raw(str):
    """JSON text that goes into an answer as it is (an encoded frame)."""


def bad_field(
    name: str, value: object, allowed: str, allowed_fi: str
) -> PlaygroundError:
    shown = repr(value)[:40]
    return PlaygroundError(
        "bad_request",
        f"{name}: {shown} is not allowed; it must be {allowed}",
        f"{name}: {shown} ei käy; sen pitää olla {allowed_fi}",
    )


def frame_json(entry: Entry) -> Raw:
    """The session's frame as JSON text, encoded once per version."""
    session = entry.session
    with session.lock:
        if entry.encoded is None or entry.encoded[0] != session.version:
            frame = cached_frame(session)
            entry.encoded = (session.version, json.dumps(frame, allow_nan=False))
        return Raw(entry.encoded[1])


def boot(store: Store, body: Body) -> Body:
    return {
        "table": table_rows(),
        "presets": preset_list(),
        "text": TEXT,
        "limits": {
            "points": MAX_POINTS,
            "layers": MAX_LAYERS,
            "neurons": 16,
            "steps": MAX_STEPS,
            "csv_bytes": data.MAX_CSV_BYTES,
            "sessions": MAX_SESSIONS,
            "remove_radius": data.REMOVE_RADIUS,
        },
    }


def new_session(store: Store, body: Body) -> Body:
    settings = parse_settings(body.get("settings", {}))
    hide = parse_hide(body.get("hide"))
    lang = parse_lang(body.get("lang"))
    key = store.create(Session(settings), hide, lang)
    entry = store.entry(key)
    return {
        "session": key,
        "hide": hide,
        "lang": lang,
        "query": to_query(settings, hide, lang),
        "frame": frame_json(entry),
    }


def change_settings(store: Store, body: Body) -> Body:
    entry = store.entry(body.get("session"))
    if "lang" in body:
        entry.lang = parse_lang(body["lang"])
    if "hide" in body:
        entry.hide = parse_hide(body["hide"])
    session = entry.session
    with session.lock:
        session.apply(parse_settings(body.get("settings", {}), session.settings))
        query = to_query(session.settings, entry.hide, entry.lang)
    return {"query": query, "frame": frame_json(entry)}


def control(store: Store, body: Body) -> Body:
    entry = store.entry(body.get("session"))
    action = body.get("action")
    session = entry.session
    with session.lock:
        if action == "play":
            session.play()
        elif action == "pause":
            session.pause()
        elif action == "reset":
            session.reset()
        elif action == "step":
            steps = body.get("steps", 1)
            if (
                isinstance(steps, bool)
                or not isinstance(steps, int)
                or not 1 <= steps <= MAX_STEPS
            ):
                raise bad_field(
                    "steps",
                    steps,
                    f"a whole number from 1 to {MAX_STEPS}",
                    f"kokonaisluku väliltä 1–{MAX_STEPS}",
                )
            session.pause()
            session.step(steps)
        else:
            raise bad_field(
                "action",
                action,
                "one of play, pause, step, reset",
                "jokin näistä: play, pause, step, reset",
            )
    return {"frame": frame_json(entry)}


def point(store: Store, body: Body) -> Body:
    entry = store.entry(body.get("session"))
    action = body.get("action")
    session = entry.session
    with session.lock:
        if action == "add":
            test = body.get("test", False)
            if not isinstance(test, bool):
                raise bad_field("test", test, "true or false", "true tai false")
            session.add_point(body.get("x"), body.get("y"), body.get("label"), test)
        elif action == "remove":
            session.remove_point(body.get("x"), body.get("y"))
        else:
            raise bad_field("action", action, "add or remove", "add tai remove")
    return {"frame": frame_json(entry)}


def load_csv(store: Store, body: Body) -> Body:
    entry = store.entry(body.get("session"))
    with entry.session.lock:
        entry.session.load_csv(body.get("text"))
    return {"frame": frame_json(entry)}


def frame(store: Store, body: Body) -> Body:
    entry = store.entry(body.get("session"))
    since = body.get("since")
    if since is not None and (isinstance(since, bool) or not isinstance(since, int)):
        raise bad_field("since", since, "a version number", "versionumero")
    if since is not None and since == entry.session.version:
        return {"same": True}
    return {"frame": frame_json(entry)}


def inspect(store: Store, body: Body) -> Body:
    """The "why?" panel for one point (pauses the session).

    The answer is worked out under the session's lock; its picture is drawn
    by Graphviz after the lock is let go, so training never waits for it.
    """
    key = body.get("session")
    entry = store.entry(key)
    with entry.session.lock:
        answer, picture = why.inspect_point(entry.session, body, store.token, key)
    answer["graph"] = picture.render()
    return {"inspect": answer, "frame": frame_json(entry)}


def weight(store: Store, body: Body) -> Body:
    """One weight for one point: its chain, and what the next step does."""
    entry = store.entry(body.get("session"))
    with entry.session.lock:
        answer, picture = why.weight_answer(entry.session, body)
    answer["graph"] = picture.render()
    return {"weight": answer, "frame": frame_json(entry)}


ROUTES: dict[str, Callable[[Store, Body], Body]] = {
    "boot": boot,
    "session": new_session,
    "settings": change_settings,
    "control": control,
    "point": point,
    "csv": load_csv,
    "frame": frame,
    "inspect": inspect,
    "weight": weight,
}


def encode(answer: Body) -> bytes:
    """The answer as JSON bytes; Raw values (frames) go in as they are."""
    parts = []
    for key, value in answer.items():
        text = value if isinstance(value, Raw) else json.dumps(value, allow_nan=False)
        parts.append(f"{json.dumps(key)}: {text}")
    return ("{" + ", ".join(parts) + "}").encode("utf-8")
