"""The playground: watch a network learn, live, in the browser.

`python -m demos playground` starts a local web server and opens a page
where takaisin trains a small network on 2-D points; the page only draws
what Python computed. The logic is plain Python with no I/O, so tests (and
other front ends) drive it directly; the server is a thin layer over it.

    settings.py  THE TABLE of settings; parsing and checking; URL queries
    text.py      every word on the page, English and Finnish
    errors.py    PlaygroundError: a refusal in both languages, with a status
    data.py      points from demos.datasets, train/test split, clicks, CSV
    forward.py   the network at many points at once (the engine's
                 arithmetic on floats, no graph: equal to model(x) exactly)
    metrics.py   loss and accuracy on a set of points (nn's losses)
    history.py   the curves, bounded however long training runs
    session.py   one learner's playground: data, model, optimizer, step()
    frame.py     a session as a JSON-ready dict: boundary, tiles, weights
    presets.py   the talk's stories as settings (each becomes a link)
    sessions.py  the store of sessions and the worker thread that trains
    server.py    ThreadingHTTPServer: token, Host/Origin checks, routes
    playground.py the command: options, server, URL, browser, Ctrl-C
    export.py    the model file and the history as CSV
    bench.py     speed: steps/s, frames/s and click latency, over HTTP
    chain.py     the chain rule behind one point: report, paths, next step
    why.py       the "why?" panel's answers (/api/inspect, /api/weight)
    picture.py   that point's computation graph, bounded, drawn by Graphviz
    stepper_page.py  GET /stepper: demos.stepper on that point's graph
    why_text.py  the panel's words (text.py merges them in)
    static/      the page (HTML, CSS, JavaScript): draws, never computes

Imports engine, nn, demos.common, demos.datasets, and demos.stepper (the
stepper page it serves for a clicked point) only. The contract between the
Python side and the page is in PLAYGROUND_API.md (and, for the why? panel,
BRIDGE_API.md).
"""
