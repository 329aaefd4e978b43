"""The server over real HTTP on 127.0.0.1: refusals, sessions, shutdown."""

import http.client
import json
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import nn
from demos.playground import playground
from demos.playground.server import STATIC, STATIC_FILES, PlaygroundServer
from demos.playground.sessions import MAX_SESSIONS

ROOT = Path(__file__).resolve().parents[3]


def send(server, method, path, body=None, **headers):
    """(status, headers, body bytes); headers given replace the defaults."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    sent = {"Host": f"127.0.0.1:{server.port}"}
    if body is not None:
        sent["Content-Length"] = str(len(body))
    sent.update({k.replace("_", "-"): v for k, v in headers.items()})
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    for name, value in sent.items():
        if value is not None:
            connection.putheader(name, value)
    connection.endheaders(body)
    response = connection.getresponse()
    answer = response.status, dict(response.getheaders()), response.read()
    connection.close()
    return answer


def api(server, name, body, **headers):
    """POST /api/NAME as the page does; returns (status, JSON answer)."""
    defaults = {"X_Takaisin_Token": server.token, "Content_Type": "application/json"}
    status, _, raw = send(
        server,
        "POST",
        f"/api/{name}",
        json.dumps(body).encode(),
        **{**defaults, **headers},
    )
    return status, json.loads(raw)


def new_session(server, **settings):
    status, answer = api(server, "session", {"settings": settings})
    assert status == 200
    return answer["session"], answer["frame"]


def assert_refusal(status, answer, expected):
    assert status == expected
    assert set(answer) == {"error", "message", "message_fi"}
    assert answer["message"] and answer["message_fi"] != answer["message"]


# ------------------------------------------------------------------ page
def test_the_page_needs_its_token(server):
    status, headers, body = send(server, "GET", "/")
    assert status == 403 and b"token" in body
    status, headers, body = send(server, "GET", f"/?token={server.token}")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"__TOKEN__" not in body and server.token.encode() in body
    assert headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_are_an_allow_list(server):
    status, headers, _ = send(server, "GET", f"/static/api.js?token={server.token}")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert headers["Cache-Control"] == "no-store"
    for path in ("/static/../server.py", "/static/index.html", "/static/x.js"):
        status, _, raw = send(server, "GET", f"{path}?token={server.token}")
        assert status == 404 and json.loads(raw)["error"] == "not_found"
    status, _, _ = send(server, "GET", "/static/api.js")
    assert status == 403


def test_every_file_the_page_loads_is_served(server):
    page = (STATIC / "index.html").read_text("utf-8")
    loaded = re.findall(r'(?:src|href)="/static/([^"?]+)\?token=', page)
    assert "forward.js" in loaded and loaded.index("forward.js") < loaded.index(
        "why.js"
    )
    assert set(loaded) == {
        name for name in STATIC_FILES if name.endswith((".js", ".css"))
    }
    for name in loaded:
        status, _, body = send(server, "GET", f"/static/{name}?token={server.token}")
        assert status == 200 and body, name


# ------------------------------------------------------------ forgeries
@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"X_Takaisin_Token": None}, 403),
        ({"X_Takaisin_Token": "guess"}, 403),
        ({"Host": "evil.example:80"}, 403),
        ({"Host": "evil.example"}, 403),
        ({"Origin": "http://evil.example"}, 403),
        ({"Content_Type": "application/x-www-form-urlencoded"}, 415),
        ({"Content_Type": "text/plain"}, 415),
        ({"Content_Type": None}, 415),
    ],
)
def test_forged_requests_are_refused(server, headers, expected):
    status, answer = api(server, "boot", {}, **headers)
    assert_refusal(status, answer, expected)
    assert api(server, "boot", {})[0] == 200  # and it keeps serving


def test_the_same_origin_is_fine(server):
    origin = f"http://127.0.0.1:{server.port}"
    assert api(server, "boot", {}, Origin=origin)[0] == 200
    status, answer = api(server, "boot", {}, Host=f"localhost:{server.port}")
    assert status == 200 and answer["table"]


def test_no_preflight_is_ever_allowed(server):
    for method in ("OPTIONS", "PUT", "DELETE"):
        status, headers, raw = send(server, method, "/api/boot")
        assert status == 405 and json.loads(raw)["error"] == "method_not_allowed"
        assert not any(h.lower().startswith("access-control") for h in headers)


def test_bodies_are_bounded(server):
    big = b"{" + b" " * (300 * 1024) + b"}"
    status, _, raw = send(
        server,
        "POST",
        "/api/boot",
        big,
        X_Takaisin_Token=server.token,
        Content_Type="application/json",
    )
    assert status == 413 and "262144" in json.loads(raw)["message"]
    status, _, raw = send(
        server,
        "POST",
        "/api/boot",
        None,
        X_Takaisin_Token=server.token,
        Content_Type="application/json",
    )
    assert status == 411
    assert api(server, "boot", {})[0] == 200


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b"\xff\xfe", b"NaN"])
def test_a_body_must_be_a_json_object(server, body):
    status, _, raw = send(
        server,
        "POST",
        "/api/boot",
        body,
        X_Takaisin_Token=server.token,
        Content_Type="application/json",
    )
    assert_refusal(status, json.loads(raw), 400)


def test_unknown_routes_and_sessions(server):
    assert_refusal(*api(server, "nothing", {}), 404)
    assert_refusal(*api(server, "frame", {"session": "no-such"}), 404)
    assert_refusal(*api(server, "frame", {}), 404)
    status, _, _ = send(server, "GET", f"/elsewhere?token={server.token}")
    assert status == 404


BAD_INPUTS = [
    ("session", {"settings": {"lr": "1000"}}, "lr"),
    ("session", {"settings": {"colour": "red"}}, "colour"),
    ("session", {"settings": "lr=1"}, "settings"),
    ("session", {"hide": "lr,colour"}, "colour"),
    ("session", {"lang": "sv"}, "lang"),
    ("settings", {"settings": {"hidden": "1,2,3,4,5"}}, "hidden"),
    ("settings", {"settings": {"points": 5000}}, "points"),
    ("control", {"action": "jump"}, "action"),
    ("control", {"action": "step", "steps": 101}, "steps"),
    ("control", {"action": "step", "steps": "5"}, "steps"),
    ("point", {"action": "add", "x": "a", "y": 0, "label": 0}, "x"),
    ("point", {"action": "add", "x": 0, "y": 0, "label": 7}, "label"),
    ("point", {"action": "add", "x": 0, "y": 0, "label": 0, "test": 1}, "test"),
    ("point", {"action": "remove", "x": 50, "y": 50}, "no point"),
    ("point", {"action": "move"}, "action"),
    ("csv", {"text": "0,0,0\n1,x,1"}, "line 2"),
    ("csv", {"text": 17}, "text"),
    ("frame", {"since": "7"}, "since"),
]


@pytest.mark.parametrize(("route", "body", "named"), BAD_INPUTS)
def test_every_bad_input_gets_a_400_that_names_it(server, route, body, named):
    key, frame = new_session(server)
    if route != "session":
        body = {"session": key, **body}
    status, answer = api(server, route, body)
    assert_refusal(status, answer, 400)
    assert named in answer["message"]
    _, after = api(server, "frame", {"session": key})
    assert after["frame"]["points"] == frame["points"]  # nothing changed
    assert after["frame"]["settings"] == frame["settings"]


def test_too_many_sessions(server):
    for _ in range(MAX_SESSIONS):
        new_session(server)
    assert_refusal(*api(server, "session", {}), 429)
    assert api(server, "boot", {})[0] == 200


# --------------------------------------------------------------- sessions
def test_two_sessions_are_apart(server):
    a, _ = new_session(server, dataset="xor")
    b, _ = new_session(server, dataset="moons")
    status, answer = api(server, "settings", {"session": a, "settings": {"lr": 0.3}})
    assert status == 200 and answer["query"] == "dataset=xor&lr=0.3"
    api(server, "control", {"session": a, "action": "step", "steps": 5})
    _, b_now = api(server, "frame", {"session": b})
    assert b_now["frame"]["step"] == 0 and b_now["frame"]["settings"]["lr"] == 0.03
    _, a_now = api(server, "frame", {"session": a})
    assert (
        a_now["frame"]["step"] == 5 and a_now["frame"]["settings"]["dataset"] == "xor"
    )


def test_controls_over_http(server):
    key, frame = new_session(server, hidden="4")
    _, answer = api(server, "frame", {"session": key, "since": frame["version"]})
    assert answer == {"same": True}
    _, answer = api(server, "control", {"session": key, "action": "play"})
    assert answer["frame"]["playing"]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the worker thread trains it
        _, answer = api(server, "frame", {"session": key})
        if answer["frame"]["step"] >= 3:
            break
        time.sleep(0.05)
    assert answer["frame"]["step"] >= 3
    _, answer = api(server, "control", {"session": key, "action": "reset"})
    assert answer["frame"]["network"] == frame["network"]  # same first weights
    body = {"session": key, "action": "add", "x": 0.5, "y": 0.5, "label": 1}
    _, answer = api(server, "point", body)
    assert [0.5, 0.5, 1] in answer["frame"]["points"]["train"]
    _, answer = api(server, "csv", {"session": key, "text": "0,0,0\n1,1,1\n2,2,2"})
    assert answer["frame"]["classes"] == 3 and answer["frame"]["source"] == "csv"


def test_an_overflow_is_a_frame_error_not_a_500(server):
    key, _ = new_session(server, activation="linear", lr=100)
    status, answer = api(
        server, "control", {"session": key, "action": "step", "steps": 100}
    )
    assert status == 200 and answer["frame"]["error"]["code"] == "overflow"
    assert not answer["frame"]["playing"]


def test_exports(server, tmp_path):
    key, _ = new_session(server, hidden="3")
    api(server, "control", {"session": key, "action": "step", "steps": 4})
    status, headers, body = send(
        server, "GET", f"/api/export/model?token={server.token}&session={key}"
    )
    assert status == 200 and "playground-model.json" in headers["Content-Disposition"]
    (tmp_path / "m.json").write_bytes(body)
    model = nn.load(tmp_path / "m.json")
    _, answer = api(server, "frame", {"session": key})
    weights = [n["weights"] for n in answer["frame"]["network"]["layers"][0]["neurons"]]
    assert [[w.data for w in n.w] for n in model.layers[0].neurons] == weights
    status, _, body = send(
        server, "GET", f"/api/export/history?token={server.token}&session={key}"
    )
    lines = body.decode().splitlines()
    assert lines[0] == "step,train_loss,test_loss,train_accuracy,test_accuracy"
    assert len(lines) == 6 and lines[-1].startswith("4,")
    status, _, _ = send(server, "GET", f"/api/export/model?session={key}")
    assert status == 403


# --------------------------------------------------------------- shutdown
def test_a_clean_shutdown():
    running = PlaygroundServer("127.0.0.1", 0)
    thread = running.start()
    port = running.port
    key, _ = new_session(running)
    api(running, "control", {"session": key, "action": "play"})
    started = time.monotonic()
    running.stop()
    thread.join(timeout=5)
    assert not thread.is_alive() and time.monotonic() - started < 5
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), 1):
        pass


def test_the_command_prints_the_link_and_stops_on_ctrl_c():
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "demos.playground.playground",
            "--port",
            "0",
            "--no-browser",
            "--lang",
            "fi",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)&lang=fi", line)
        assert match, line
        connection = http.client.HTTPConnection("127.0.0.1", int(match[1]), timeout=10)
        connection.request("GET", f"/?token={match[2]}")
        assert connection.getresponse().status == 200
        connection.close()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert "stopped" in process.stdout.read()
    finally:
        process.kill()
        process.wait()


def test_a_busy_port_is_said_clearly(server, capsys):
    assert playground.main(["--port", str(server.port), "--no-browser"]) == 1
    assert "is busy" in capsys.readouterr().err


def test_a_tab_that_goes_away_mid_answer_prints_no_traceback(capsys):
    from demos.playground.server import PlaygroundServer

    server = PlaygroundServer("127.0.0.1", 0)
    try:
        for gone in (BrokenPipeError(), ConnectionResetError()):
            try:
                raise gone
            except OSError:
                server.handle_error(None, ("127.0.0.1", 1))
        assert capsys.readouterr().err == ""
        try:
            raise RuntimeError("a real bug")
        except RuntimeError:
            server.handle_error(None, ("127.0.0.1", 1))
        assert "a real bug" in capsys.readouterr().err
    finally:
        server.server_close()
