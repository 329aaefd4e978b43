"""`python -m demos benchmark`: takaisin's speed and memory beside micrograd.

    benchmark.py  the command: checks both engines agree, then times them
    workloads.py  the work timed, the same on both engines
    measure.py    clocks, the garbage collector, bytes per node
    report.py     the Markdown tables it prints

Uses `engine`, `nn`, `demos.common`, `demos.datasets`; micrograd (the
`bench` extra) for the comparison. The benchmark is the one family of demos
that imports another (demos.playground.bench), and only to time it: the
playground's speed is measured as its page meets it, over HTTP.
"""
