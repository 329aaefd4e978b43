"""A live playground: watch a network learn in the browser, every number by takaisin.

    python -m demos playground                 http://127.0.0.1:8765/?token=...
    python -m demos playground --port 9000 --no-browser --lang fi
    python -m demos playground --host 0.0.0.0  a classroom on one network

Starts a local web server, prints the page's link (with this run's token:
only someone with the link can use it) and opens it in your browser.
Ctrl-C stops it.
"""

from __future__ import annotations

import argparse
import errno
import sys
import webbrowser

from demos.common.cli import non_negative_int
from demos.playground.server import PlaygroundServer

DEFAULT_PORT = 8765


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m demos playground",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--port",
        type=non_negative_int,
        default=DEFAULT_PORT,
        help="port to listen on; 0 picks a free one (default: %(default)s)",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: %(default)s: this computer only)",
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="print the link, open no browser"
    )
    parser.add_argument(
        "--lang", choices=("en", "fi"), default="en", help="language of the page"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        server = PlaygroundServer(args.host, args.port)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            print(
                f"playground: port {args.port} is busy (another playground?); "
                "try --port 0 for a free one, or --port N",
                file=sys.stderr,
            )
        else:
            print(
                f"playground: cannot listen on {args.host}:{args.port}: "
                f"{error.strerror or error}",
                file=sys.stderr,
            )
        return 1
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"WARNING: listening on {args.host}: anyone on the network who has "
            "the link can use this playground",
            file=sys.stderr,
        )
    url = server.url(args.lang)
    print(f"playground: open {url}", flush=True)
    print("(Ctrl-C stops it)", flush=True)
    if not args.no_browser:
        webbrowser.open(url)
    server.store.start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nplayground: stopped", flush=True)
    finally:
        server.store.stop()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
