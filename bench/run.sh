#!/usr/bin/env bash
# Whole-process figures: `retroplan schedule PLAN --format json > /dev/null`
# on random plans of 1,000 / 100,000 / 1,000,000 tasks (bench/gen_plan.py),
# median wall time and peak resident memory over several runs.
#
#   bash bench/run.sh                 # all three sizes, 5 runs each
#   RUNS=9 bash bench/run.sh 100000   # chosen sizes, more runs
#
# Needs cargo and python3 (standard library only). Each run is timed by a
# small Python wrapper (time.perf_counter around fork/exec, os.wait4 for the
# child's peak RSS and CPU time), so neither hyperfine nor /usr/bin/time is
# required. Exit code 1 means the plan is late (the JSON is still written):
# that is a result, not a failure; anything else but 0 and 1 stops the script.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
SEED="${SEED:-42}"
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(1000 100000 1000000)
fi
OUT=bench/out
mkdir -p "$OUT"

echo "== machine"
echo "nproc: $(nproc)"
if command -v lscpu >/dev/null; then lscpu | grep -E '^(Model name|CPU\(s\)|Thread|L2|L3)' || true; fi
if command -v free >/dev/null; then free -h | head -2; fi
rustc --version
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; above ~0.5 other work shares the cores)"

echo "== build"
cargo build --release -p retroplan
# A copy, so that another build of the tree cannot replace the binary mid-run.
BIN="$OUT/retroplan"
cp target/release/retroplan "$BIN"
echo "binary: $BIN, from commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- crates Cargo.toml Cargo.lock 2>/dev/null || echo ' with uncommitted changes')"

echo "== plans"
for n in "${SIZES[@]}"; do
    plan="$OUT/plan-$n-s$SEED.toml"
    if [ ! -s "$plan" ] || [ bench/gen_plan.py -nt "$plan" ]; then
        python3 bench/gen_plan.py "$n" --seed "$SEED" >"$plan.tmp" 2>"$plan.info"
        mv "$plan.tmp" "$plan"
    fi
    echo "$plan: $(du -h "$plan" | cut -f1), $(cat "$plan.info")"
done

echo "== runs ($RUNS per size, after one warm-up run)"
python3 - "$BIN" "$RUNS" "$OUT" "$SEED" "${SIZES[@]}" <<'PY'
import os, re, statistics, subprocess, sys, time

binary, runs, out, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
sizes = [int(s) for s in sys.argv[5:]]
# The goals of the issue: (wall seconds, peak RSS bytes) per size.
goals = {100_000: (0.300, None), 1_000_000: (3.0, 1 << 30)}

def run(plan):
    with open(os.devnull, "wb") as devnull:
        start = time.perf_counter()
        child = subprocess.Popen([binary, "schedule", plan, "--format", "json"], stdout=devnull)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        sys.exit(f"{binary} schedule {plan} exited with {child.returncode}")
    # ru_maxrss is in KiB on Linux.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, child.returncode

rows = []
for n in sizes:
    plan = f"{out}/plan-{n}-s{seed}.toml"
    info = open(plan + ".info").read()
    edges = int(re.search(r"(\d+) edges", info).group(1))
    run(plan)  # warm-up: the file in the page cache, the binary loaded
    results = [run(plan) for _ in range(runs)]
    walls = sorted(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    rss = max(r[2] for r in results)
    code = results[0][3]
    wall = statistics.median(walls)
    verdict = ""
    if n in goals:
        limit_s, limit_rss = goals[n]
        ok = wall < limit_s and (limit_rss is None or rss < limit_rss)
        limits = f"< {limit_s * 1000:.0f} ms" + (f", < {limit_rss >> 20} MiB" if limit_rss else "")
        verdict = f"{'met' if ok else 'NOT met'} ({limits})"
    rows.append((
        f"{n:,}", f"{edges:,}", f"{wall * 1000:,.0f}", f"{walls[0] * 1000:,.0f}-{walls[-1] * 1000:,.0f}",
        f"{cpu * 1000:,.0f}", f"{wall * 1e9 / (n + edges):,.0f}", f"{rss / (1 << 20):,.0f}",
        "feasible" if code == 0 else "late", verdict,
    ))

head = ("tasks", "edges", "median ms", "min-max ms", "cpu ms", "ns/(task+edge)", "peak MiB", "plan", "goal")
widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
line = lambda cells: "| " + " | ".join(c.rjust(w) for c, w in zip(cells, widths)) + " |"
print(line(head))
print("|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")
for r in rows:
    print(line(r))
print(f"(wall and cpu = user + sys are medians of {runs} runs; peak = the largest max RSS of the runs)")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
