"""Speed of the playground, measured as the page meets it: over real HTTP.

    python -m demos.playground.bench [SECONDS]

Starts a real server on a free port on 127.0.0.1, makes a session with
MLP(2, [8, 8, 1]) on 200 moons points (140 of them for training, full
batch), presses play at the top speed, and for SECONDS seconds

    - a thread polls /api/frame 10 times a second, as the page does
      (40 x 40 boundary grid with every neuron's tile);
    - the main thread adds a point every quarter second, timing each
      request from sending to the whole answer (a new frame) received.

Reports training steps per second, new frames per second, and the click
latency (median and max). Issue 13's targets on a 2-core machine: >= 30
steps/s while the view refreshes >= 8 times/s, clicks answered within
100 ms. A benchmark, not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import http.client
import json
import statistics
import sys
import threading
import time
from dataclasses import dataclass

from demos.playground.server import PlaygroundServer

POLL_EVERY = 0.1
CLICK_EVERY = 0.25
MAX_SECONDS = 60.0


@dataclass
class Result:
    seconds: float
    steps_per_second: float
    frames_per_second: float
    click_median_ms: float
    click_max_ms: float
    clicks: int

    def lines(self) -> list[str]:
        return [
            f"playground ({self.seconds:.1f} s, MLP(2, [8, 8, 1]), 200 moons points,"
            " full batch, 40x40 grid with tiles):",
            f"  training steps/s  {self.steps_per_second:6.1f}   (target >= 30)",
            f"  new frames/s      {self.frames_per_second:6.1f}   (target >= 8)",
            f"  click answered    median {self.click_median_ms:.0f} ms, "
            f"max {self.click_max_ms:.0f} ms over {self.clicks} clicks "
            "(target <= 100 ms)",
        ]


class Client:
    """One keep-alive connection that speaks the page's API."""

    def __init__(self, server: PlaygroundServer) -> None:
        self.server = server
        self.connection = http.client.HTTPConnection(
            "127.0.0.1", server.port, timeout=10
        )

    def post(self, name: str, body: dict) -> dict:
        data = json.dumps(body).encode()
        self.connection.request(
            "POST",
            f"/api/{name}",
            data,
            {
                "X-Takaisin-Token": self.server.token,
                "Content-Type": "application/json",
                "Host": f"127.0.0.1:{self.server.port}",
            },
        )
        response = self.connection.getresponse()
        answer = json.loads(response.read())
        if response.status != 200:
            raise RuntimeError(f"{name}: {response.status} {answer}")
        return answer

    def close(self) -> None:
        self.connection.close()


def measure(seconds: float = 4.0) -> Result:
    """Run the measurement for `seconds` (at most MAX_SECONDS)."""
    seconds = min(max(seconds, 0.5), MAX_SECONDS)
    server = PlaygroundServer("127.0.0.1", 0)
    server.start()
    try:
        main = Client(server)
        settings = {"hidden": "8,8", "points": 200, "batch": 0, "speed": 100}
        key = main.post("session", {"settings": settings})["session"]
        start_step = main.post("control", {"session": key, "action": "play"})
        first_step = start_step["frame"]["step"]
        stop = threading.Event()
        frames = [0]

        def poll() -> None:
            client = Client(server)
            version = None
            while not stop.is_set():
                sent = time.perf_counter()
                answer = client.post("frame", {"session": key, "since": version})
                if "frame" in answer:
                    frames[0] += 1
                    version = answer["frame"]["version"]
                # as the page does: every POLL_EVERY from one request to the next
                stop.wait(max(0.0, POLL_EVERY - (time.perf_counter() - sent)))
            client.close()

        poller = threading.Thread(target=poll)
        started = time.perf_counter()
        poller.start()
        latencies = []
        k = 0
        while time.perf_counter() - started < seconds:
            time.sleep(CLICK_EVERY)
            k += 1
            body = {
                "session": key,
                "action": "add",
                "x": 0.01 * (k % 50),
                "y": -0.3,
                "label": k % 2,
            }
            sent = time.perf_counter()
            main.post("point", body)
            latencies.append(time.perf_counter() - sent)
        stop.set()
        poller.join()
        elapsed = time.perf_counter() - started
        last = main.post("control", {"session": key, "action": "pause"})
        main.close()
    finally:
        server.stop()
    return Result(
        seconds=elapsed,
        steps_per_second=(last["frame"]["step"] - first_step) / elapsed,
        frames_per_second=frames[0] / elapsed,
        click_median_ms=1000 * statistics.median(latencies),
        click_max_ms=1000 * max(latencies),
        clicks=len(latencies),
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    seconds = float(args[0]) if args else 4.0
    print("\n".join(measure(seconds).lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
