"""The web server: a thin, careful layer between the page and the logic.

Python's standard ThreadingHTTPServer, one thread per request. What it
checks, for every request, before anything else happens:

- Host must be this server's own name and port (127.0.0.1, localhost,
  [::1], the --host given; for --host 0.0.0.0 any IP address): a page on
  another site that renames itself to 127.0.0.1 (DNS rebinding) is refused.
- Origin, when the browser sends one, must be http:// + that Host.
- The run's token: `?token=` for the page, its files and the downloads, the
  header X-Takaisin-Token for the API. Every API call is a POST with
  Content-Type application/json: another web page cannot send such a
  request without asking first (a CORS preflight, OPTIONS), and OPTIONS is
  always refused, so it cannot forge one.
- Bodies have a Content-Length of at most MAX_BODY bytes.

Every refusal is a 4xx with a JSON body {"error", "message", "message_fi"};
the server keeps serving. The routes themselves are in api.py.
"""

from __future__ import annotations

import ipaddress
import json
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from demos.playground import api, export, stepper_page
from demos.playground.errors import PlaygroundError
from demos.playground.sessions import Store

STATIC = Path(__file__).parent / "static"
STATIC_FILES = {
    "style.css": "text/css; charset=utf-8",
    "api.js": "text/javascript; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "chart.js": "text/javascript; charset=utf-8",
    "controls.js": "text/javascript; charset=utf-8",
    "forward.js": "text/javascript; charset=utf-8",
    "heatmap.js": "text/javascript; charset=utf-8",
    "network.js": "text/javascript; charset=utf-8",
    "why.css": "text/css; charset=utf-8",
    "why.js": "text/javascript; charset=utf-8",
    "weight.js": "text/javascript; charset=utf-8",
}
MAX_BODY = 256 * 1024
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
        "script-src 'self'; connect-src 'self'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
NO_TOKEN_PAGE = (
    "This page needs the link with its token, printed where you started the "
    "playground.\nTämä sivu tarvitsee linkin tunnisteineen; se tulostui sinne, "
    "missä käynnistit leikkikentän.\n"
)


def refusal(status: int, code: str, en: str, fi: str) -> PlaygroundError:
    return PlaygroundError(code, en, fi, status=status)


class PlaygroundServer(ThreadingHTTPServer):
    """The HTTP server, with the run's token, its store and allowed Hosts."""

    daemon_threads = True

    def __init__(self, host: str, port: int, token: str | None = None) -> None:
        super().__init__((host, port), Handler)
        self.token = token or secrets.token_urlsafe(24)
        self.store = Store()
        self.store.token = self.token
        self.host = host
        self.port = self.server_address[1]
        names = {"127.0.0.1", "localhost", "[::1]", host}
        self.hosts = {f"{name}:{self.port}" for name in names}
        self.any_ip = host in ("0.0.0.0", "::")

    def handle_error(self, request: object, client_address: object) -> None:
        # A tab closed or reloaded in the middle of an answer: nothing went
        # wrong here, so no traceback in the learner's terminal.
        if isinstance(sys.exc_info()[1], BrokenPipeError | ConnectionResetError):
            return
        super().handle_error(request, client_address)

    def url(self, lang: str = "en") -> str:
        shown = "127.0.0.1" if self.any_ip else self.host
        extra = "&lang=fi" if lang == "fi" else ""
        return f"http://{shown}:{self.port}/?token={self.token}{extra}"

    def host_allowed(self, host: str | None) -> bool:
        if host is None:
            return False
        if host in self.hosts:
            return True
        if not self.any_ip:
            return False
        name, _, port = host.rpartition(":")
        try:
            ipaddress.ip_address(name.strip("[]"))
        except ValueError:
            return False  # a name: only the ones above
        return port == str(self.port)

    def start(self) -> threading.Thread:
        """Serve in a background thread (tests, the benchmark)."""
        self.store.start()
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """Stop serving, stop training, close the socket."""
        self.shutdown()
        self.store.stop()
        self.server_close()


class Handler(BaseHTTPRequestHandler):
    server: PlaygroundServer
    timeout = 10  # seconds a slow client may take per read
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes; without this, Nagle's algorithm
    # and the browser's delayed ACK hold the second one back by ~40 ms.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the terminal shows the URL, not every poll

    # ------------------------------------------------------------ answers
    def _send(self, status: int, body: bytes, content_type: str, **headers) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**SECURITY_HEADERS, **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, answer: dict) -> None:
        self._send(status, api.encode(answer), "application/json")

    def _error(self, error: PlaygroundError) -> None:
        self._json(error.status, error.as_dict())

    def _guard(self, handle) -> None:
        """Run `handle`; every PlaygroundError becomes its 4xx answer."""
        try:
            self._check_host()
            handle()
        except PlaygroundError as error:
            self._error(error)
        except Exception as problem:  # a bug: say so, keep serving
            self._error(
                refusal(
                    500,
                    "internal",
                    f"internal error: {problem!r}",
                    f"sisäinen virhe: {problem!r}",
                )
            )

    # ------------------------------------------------------------- checks
    def _check_host(self) -> None:
        host = self.headers.get("Host")
        if not self.server.host_allowed(host):
            raise refusal(
                403,
                "bad_host",
                f"Host {host!r} is not this playground",
                f"Host {host!r} ei ole tämä leikkikenttä",
            )
        origin = self.headers.get("Origin")
        if origin is not None and origin != f"http://{host}":
            raise refusal(
                403,
                "bad_origin",
                f"requests from {origin!r} are not allowed",
                f"pyynnöt osoitteesta {origin!r} eivät ole sallittuja",
            )

    def _check_token(self, given: str | None) -> None:
        if not isinstance(given, str) or not secrets.compare_digest(
            given.encode(), self.server.token.encode()
        ):
            raise refusal(
                403,
                "bad_token",
                "this request needs the token from the playground's link",
                "tämä pyyntö tarvitsee leikkikentän linkin tunnisteen",
            )

    def _query(self) -> tuple[str, dict[str, str]]:
        url = urlsplit(self.path)
        return url.path, {k: v[0] for k, v in parse_qs(url.query).items()}

    # -------------------------------------------------------------- GET
    def do_GET(self) -> None:
        self._guard(self._get)

    def _get(self) -> None:
        path, query = self._query()
        if path == "/":
            if query.get("token") != self.server.token:
                self._send(403, NO_TOKEN_PAGE.encode(), "text/plain; charset=utf-8")
                return
            page = (STATIC / "index.html").read_text("utf-8")
            page = page.replace("__TOKEN__", self.server.token)
            self._send(200, page.encode(), "text/html; charset=utf-8")
            return
        self._check_token(query.get("token"))
        name = path.removeprefix("/static/")
        if path.startswith("/static/") and name in STATIC_FILES:
            body = (STATIC / name).read_bytes()
            self._send(200, body, STATIC_FILES[name])
        elif path.startswith("/static/") and name in stepper_page.FILES:
            kind, text = stepper_page.FILES[name]
            self._send(200, text().encode("utf-8"), kind)
        elif path == "/stepper":
            page = stepper_page.stepper_html(self.server.store, query)
            self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")
        elif path in ("/api/export/model", "/api/export/history"):
            entry = self.server.store.entry(query.get("session"))
            with entry.session.lock:
                if path.endswith("model"):
                    body, kind = export.model_bytes(entry.session), "application/json"
                    filename = "playground-model.json"
                else:
                    body = export.history_csv(entry.session).encode()
                    kind, filename = "text/csv; charset=utf-8", "playground-history.csv"
            disposition = f"attachment; filename={filename}"
            self._send(200, body, kind, **{"Content-Disposition": disposition})
        else:
            raise refusal(
                404,
                "not_found",
                f"nothing at {path!r}",
                f"osoitteessa {path!r} ei ole mitään",
            )

    # ------------------------------------------------------------- POST
    def do_POST(self) -> None:
        self._guard(self._post)

    def _post(self) -> None:
        path, _ = self._query()
        route = api.ROUTES.get(path.removeprefix("/api/"))
        if not path.startswith("/api/") or route is None:
            raise refusal(
                404, "not_found", f"no API call {path!r}", f"API-kutsua {path!r} ei ole"
            )
        self._check_token(self.headers.get("X-Takaisin-Token"))
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind != "application/json":
            raise refusal(
                415,
                "bad_content_type",
                f"the body must be application/json, got {kind or 'nothing'!r}",
                f"rungon pitää olla application/json, saatiin {kind or 'ei mitään'!r}",
            )
        body = self._read_body()
        try:
            values = json.loads(body)
        except ValueError:
            values = None
        if not isinstance(values, dict):
            raise refusal(
                400,
                "bad_json",
                "the body must be a JSON object",
                "rungon pitää olla JSON-olio",
            )
        self._json(200, route(self.server.store, values))

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise refusal(
                411, "no_length", "Content-Length is required", "Content-Length puuttuu"
            )
        if int(length) > MAX_BODY:
            self.close_connection = True  # the rest is never read
            raise refusal(
                413,
                "too_large",
                f"the body is {length} bytes; at most {MAX_BODY} are allowed",
                f"runko on {length} tavua; enintään {MAX_BODY} on sallittu",
            )
        return self.rfile.read(int(length))

    # --------------------------------------------------------- the rest
    def _not_allowed(self) -> None:
        self.close_connection = True
        self._guard(self._refuse_method)

    def _refuse_method(self) -> None:
        raise refusal(
            405,
            "method_not_allowed",
            f"{self.command} is not allowed here",
            f"{self.command} ei ole sallittu täällä",
        )

    do_OPTIONS = do_PUT = do_DELETE = do_PATCH = _not_allowed
