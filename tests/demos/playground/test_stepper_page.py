"""GET /stepper over real HTTP: the stepper on one clicked point's graph."""

from __future__ import annotations

import json
import re

import pytest

from demos.playground.settings import parse_settings
from demos.stepper import page_data, stepper_css, stepper_js
from tests.demos.playground.test_server import new_session, send
from tests.demos.playground.test_why import fresh_pass

DATA = re.compile(rb'<script id="stepper-data" type="application/json">(.*?)</script>')


def get(server, path):
    status, headers, body = send(server, "GET", path)
    return status, headers, body


def test_the_served_stepper_is_backward_for_that_one_example(server):
    key, _ = new_session(server, hidden="4,4", seed=1)
    session = server.store.entry(key).session
    session.step(5)
    x, y, label = session.points.train[3]
    query = f"token={server.token}&session={key}&set=train&index=3&focus=L1.N2.w1"
    status, headers, body = get(server, f"/stepper?{query}&lang=fi")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert headers["X-Frame-Options"] == "DENY"
    assert b"<style>" not in body and b"<script>" not in body  # nothing inline
    data = json.loads(DATA.search(body).group(1))
    # the same page demos.stepper makes for the same graph
    twin_loss, grads, _ = fresh_pass(session, x, y, label)
    twin_loss.label = "loss"
    assert len(data["steps"]) == len(page_data(twin_loss, lang="fi")["steps"])
    assert data["lang"] == "fi" and data["focus"] is not None
    # its last step shows exactly the grads backward() gives
    names = {node["id"]: node["name"] for node in data["nodes"]}
    final = {names[i]: float(exact) for i, _, exact in data["steps"][-1]["grads"]}
    for name, grad in grads.items():
        assert final[name] == grad
    assert final["loss"] == 1.0


def test_the_steppers_files_need_the_token(server):
    key, _ = new_session(server)
    status, _, body = get(server, f"/stepper?token={server.token}&session={key}"
                                  "&set=test&index=0")  # fmt: skip
    links = re.findall(rb'(?:src|href)="([^"]+)"', body)
    assert sorted(links) == sorted(
        f"/static/stepper.{kind}?token={server.token}".encode()
        for kind in ("css", "js")
    )
    status, headers, js = get(server, f"/static/stepper.js?token={server.token}")
    assert status == 200 and js.decode() == stepper_js()
    assert headers["Content-Type"].startswith("text/javascript")
    status, _, css = get(server, f"/static/stepper.css?token={server.token}")
    assert status == 200 and css.decode() == stepper_css()
    assert get(server, "/static/stepper.js")[0] == 403
    assert get(server, f"/stepper?session={key}&set=test&index=0")[0] == 403


@pytest.mark.parametrize(
    "query, status",
    [
        ("set=train&index=99999", 400),
        ("set=both&index=0", 400),
        ("set=train&index=x", 400),
        ("set=train&index=0&focus=L7.N1.w1", 400),
        ("set=train&index=0&lang=de", 400),
    ],
)
def test_bad_queries_are_refused_in_both_languages(server, query, status):
    key, _ = new_session(server)
    got, _, body = get(server, f"/stepper?token={server.token}&session={key}&{query}")
    answer = json.loads(body)
    assert got == status and answer["message"] and answer["message_fi"]


def test_the_largest_network_still_gets_its_stepper(server):
    settings = parse_settings({"hidden": "16,16,16,16", "dataset": "blobs"})
    key, _ = new_session(server, hidden="16,16,16,16", dataset="blobs")
    assert server.store.entry(key).session.settings == settings
    status, _, body = get(server, f"/stepper?token={server.token}&session={key}"
                                  "&set=train&index=0&focus=L1.N1")  # fmt: skip
    assert status == 200 and len(body) < 20_000_000
