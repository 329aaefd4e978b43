"""The tables `python -m demos benchmark` prints (Markdown, so they paste
into a README as they are)."""

from __future__ import annotations

from demos.benchmark.measure import PAUSED, StepTime, median_step, median_total


def fmt_time(seconds: float) -> str:
    """2.35 s, 14.2 ms or 350 µs."""
    if seconds >= 1:
        return f"{seconds:,.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:,.1f} ms"
    return f"{seconds * 1e6:,.0f} µs"


def fmt_ratio(ratio: float) -> str:
    """63×, or 9.5× below 20 (where a rounded 10× could hide a missed target)."""
    return f"{ratio:,.0f}×" if ratio >= 20 else f"{ratio:.1f}×"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table, its columns padded so that it reads as text too."""
    cells = [header, *rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        padded = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(header), rule, *map(line, rows)])


def speed_row(
    name: str, ours: float, theirs: float | None, target: float | None
) -> list[str]:
    """[workload, takaisin, micrograd, ratio, target, met] for two times."""
    ratio = fmt_ratio(theirs / ours) if theirs else "–"
    wanted = f"≥ {target:g}×" if target else ""
    met = ("yes" if theirs / ours >= target else "no") if theirs and target else ""
    return [
        name,
        fmt_time(ours),
        fmt_time(theirs) if theirs else "–",
        ratio,
        wanted,
        met,
    ]


def speed_table(moons: dict, graphs: dict, digits: dict, chain: dict) -> str:
    total = {name: median_total(steps) for name, steps in moons.items()}
    rows = []
    # Three ways to compare: both engines as they run by default (collector
    # on); takaisin with the collector paused in its step, which is safe
    # because its graphs have no cycles, against micrograd as it runs; and
    # both paused (micrograd must still collect its graph at the end).
    comparisons = (
        ("", "", "collector on in both"),
        (PAUSED, "", "takaisin's collector paused"),
        (PAUSED, PAUSED, "collector paused in both"),
    )
    for name, label, target in (
        ("takaisin", "one dot node per neuron", 60),
        ("takaisin binary", "binary + and * only", 10),
    ):
        for ours, theirs, how in comparisons:
            wanted = None if theirs else target
            rows.append(
                speed_row(
                    f"moons step, {label}: {how}",
                    total[name + ours],
                    total.get("micrograd" + theirs),
                    wanted,
                )
            )
    backward = {name: median_step(moons[name]).backward for name in graphs}
    for unit, target in (("node", 600), ("edge", None)):
        size = {n: getattr(g, f"{unit}s") for n, g in graphs.items()}
        theirs = (
            backward["micrograd"] / size["micrograd"] if "micrograd" in graphs else 0
        )
        for name, label in (("takaisin", "dot-node"), ("takaisin binary", "binary")):
            ours = backward[name] / size[name]
            rows.append(
                [
                    f"backward per {unit}, {label} graph",
                    f"{ours * 1e9:,.0f} ns",
                    f"{theirs * 1e9:,.0f} ns" if theirs else "–",
                    fmt_ratio(theirs / ours) if theirs else "–",
                    f"≤ {target} ns" if target else "",
                    ("yes" if ours * 1e9 <= target else "no") if target else "",
                ]
            )
    epoch = sum(step.total for step in digits["takaisin"])
    row = [
        f"digits: one epoch, {digits['images']:,} images in "
        f"{digits['batches']} batches",
        fmt_time(epoch),
        "–",
        "–",
        "report",
        "",
    ]
    if digits["micrograd"]:
        n = len(digits["micrograd"])
        per_batch = median_total(digits["micrograd"])
        row[2] = f"≈ {fmt_time(per_batch * digits['batches'])}"
        row[3] = fmt_ratio(per_batch / median_total(digits["takaisin"][:n]))
    rows.append(row)
    build, backward, free = chain["gc on"]
    rows.append(
        [
            f"{chain['n']:,}-node chain: build, backward, free",
            fmt_time(build + backward + free),
            chain.get("micrograd", "–"),
            "",
            "runs",
            "yes",
        ]
    )
    return table(["workload", "takaisin", "micrograd", "ratio", "target", "met"], rows)


def memory_table(graphs: dict) -> str:
    rows = []
    for name, g in graphs.items():
        rows.append(
            [
                name,
                f"{g.nodes:,}",
                f"{g.edges:,}",
                f"{g.bytes / g.new_nodes:,.0f}",
                f"{g.bytes / g.edges:,.0f}",
                f"{g.bytes / 1e6:,.1f} MB",
                "≤ 200 bytes/node" if name.startswith("takaisin") else "",
            ]
        )
    header = [
        "moons graph of one step",
        "nodes",
        "edges",
        "bytes/node",
        "bytes/edge",
        "whole graph",
        "target",
    ]
    return table(header, rows)


def parts_table(moons: dict[str, list[StepTime]]) -> str:
    rows = []
    for name, steps in moons.items():
        p = median_step(steps)
        parts = (p.forward, p.backward, p.update, p.free, p.in_gc, median_total(steps))
        rows.append([name, *(f"{x * 1e3:,.1f}" for x in parts), f"{p.garbage:,}"])
    header = [
        "moons step, ms (medians)",
        "forward",
        "backward",
        "update",
        "free",
        "in gc",
        "total",
        "objects left for gc",
    ]
    return table(header, rows)


def report(moons: dict, graphs: dict, digits: dict, chain: dict) -> str:
    """All the tables, and the lines that explain them."""
    build, backward, free = chain["gc on"]
    p_build, p_backward, p_free = chain["gc paused"]
    notes = [
        f"chain of {chain['n']:,} nodes, build / backward / free: gc on "
        f"{build:.2f} / {backward:.2f} / {free:.2f} s, gc paused "
        f"{p_build:.2f} / {p_backward:.2f} / {p_free:.2f} s",
        "free: dropping the graph (micrograd: plus the gc.collect() that frees "
        "it); in gc: time inside Python's cyclic garbage collector; "
        "gc paused: the collector switched off inside the timed step only",
    ]
    if "micrograd" not in moons:
        notes.append(
            "micrograd was not measured (--no-micrograd, or not installed: "
            "pip install micrograd==0.1.0)"
        )
    return "\n\n".join(
        [
            speed_table(moons, graphs, digits, chain),
            memory_table(graphs),
            parts_table(moons),
            "\n".join(notes),
        ]
    )
