#!/usr/bin/env python3
"""Prints the medians of the last `cargo bench` runs from target/criterion.

    cargo bench -p retroplan-engine && cargo bench -p retroplan-formats
    python3 bench/criterion_medians.py

One line per benchmark: the median time per iteration with its 95 %
confidence interval, and the median time per element (criterion's
throughput: tasks + edges for `schedule/N`, tasks for the formats' benches).
Python 3 standard library only.
"""

import json
import pathlib
import sys


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}" if unit != "s" else f"{ns / scale:.3f} {unit}"
    return f"{ns:.3g} ns"


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
    rows = []
    for bench in sorted(root.glob("**/new/benchmark.json")):
        meta = json.loads(bench.read_text())
        median = json.loads((bench.parent / "estimates.json").read_text())["median"]
        ns = median["point_estimate"]
        ci = median["confidence_interval"]
        elements = (meta.get("throughput") or {}).get("Elements")
        group, _, size = meta["full_id"].rpartition("/")
        key = (group, int(size) if size.isdigit() else size)
        per = f"{ns / elements:,.1f} ns" if elements else ""
        rows.append((key, meta["full_id"], fmt(ns), f"{fmt(ci['lower_bound'])} .. {fmt(ci['upper_bound'])}", f"{elements:,}" if elements else "", per))
    if not rows:
        sys.exit(f"no criterion results under {root}: run cargo bench first")
    rows.sort()
    head = ("benchmark", "median", "95% CI of the median", "elements", "median per element")
    table = [head] + [r[1:] for r in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    for j, r in enumerate(table):
        print("| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |")
        if j == 0:
            print("|" + "|".join(("-" * (w + 2)) if i == 0 else ("-" * (w + 1) + ":") for i, w in enumerate(widths)) + "|")


if __name__ == "__main__":
    main()
