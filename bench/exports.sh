#!/usr/bin/env bash
# Whole-process figures of the charts, exports and imports (issue 7): the
# release binary on random plans of bench/gen_plan.py (seed 42), median wall
# time and peak resident memory over several runs, each after a warm-up.
#
#   bash bench/exports.sh            # 5 runs each
#   RUNS=9 bash bench/exports.sh
#
# The criterion benches time the library calls alone:
# `cargo bench -p retroplan-gantt` and `cargo bench -p retroplan-exports`.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
OUT=bench/out
mkdir -p "$OUT"

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
cargo build --release -q -p retroplan
BIN="$OUT/retroplan-exports-bench"
cp target/release/retroplan "$BIN"
for n in 500 5000 10000; do
    [ -s "$OUT/plan-$n-s42.toml" ] || python3 bench/gen_plan.py "$n" --seed 42 >"$OUT/plan-$n-s42.toml" 2>/dev/null
done
# The team's spreadsheet to import: the 10,000-task plan exported as CSV.
"$BIN" export "$OUT/plan-10000-s42.toml" -o "$OUT/plan-10000.csv"

python3 - "$BIN" "$RUNS" "$OUT" <<'PY'
import os, statistics, subprocess, sys, time

binary, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
p = lambda n: f"{out}/plan-{n}-s42.toml"
cases = [
    ("gantt 5,000 tasks -> svg", ["gantt", p(5000), "-o", f"{out}/g.svg"], 0.200),
    ("gantt 500 tasks -> png", ["gantt", p(500), "-o", f"{out}/g.png"], None),
    ("gantt 500 tasks -> pdf (13 pages)", ["gantt", p(500), "-o", f"{out}/g.pdf"], None),
    ("export 10,000 tasks -> xlsx", ["export", p(10000), "-o", f"{out}/e.xlsx"], 1.0),
    ("export 10,000 tasks -> csv", ["export", p(10000), "-o", f"{out}/e.csv"], None),
    ("export 10,000 tasks -> ics", ["export", p(10000), "-o", f"{out}/e.ics"], None),
    ("export 5,000 tasks -> html", ["export", p(5000), "-o", f"{out}/e.html"], None),
    ("import 10,000-row csv -> plan", ["import", f"{out}/plan-10000.csv", "-o", f"{out}/i.toml", "--force"], None),
]

def run(args):
    start = time.perf_counter()
    child = subprocess.Popen([binary, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{binary} {' '.join(args)} exited with {code}")
    return wall, usage.ru_maxrss * 1024

print(f"| case | median ms | min-max ms | peak MiB | goal |")
print(f"|---|---:|---:|---:|---|")
for name, args, goal in cases:
    run(args)
    results = [run(args) for _ in range(runs)]
    walls = sorted(r[0] for r in results)
    wall = statistics.median(walls)
    rss = max(r[1] for r in results)
    verdict = "" if goal is None else ("met" if wall < goal else "NOT met") + f" (< {goal * 1000:.0f} ms)"
    print(f"| {name} | {wall * 1000:,.0f} | {walls[0] * 1000:,.0f}-{walls[-1] * 1000:,.0f} | {rss / (1 << 20):,.0f} | {verdict} |")
print(f"(medians of {runs} runs; whole process: read, schedule, draw or write)")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
