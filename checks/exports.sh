#!/usr/bin/env bash
# The exports read by other people's software: each example exported as a
# workbook and converted by LibreOffice (`--convert-to csv`, both sheets),
# whose text must say what retroplan's own CSV says (accented titles, dates,
# one row per task) with a Gantt sheet of one row per task and one column per
# day; and as a calendar, parsed by Python's `icalendar` (checks/ics_check.py).
#
#   checks/exports.sh            builds target/release/retroplan first
#   RETROPLAN=path checks/exports.sh
#
# Needs libreoffice and `pip install icalendar`. Prints what it checked;
# exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${RETROPLAN:-}" ]; then
    bin=$RETROPLAN
else
    cargo build --release -q -p retroplan
    bin=target/release/retroplan
fi
command -v libreoffice >/dev/null || { echo "exports: libreoffice is not installed" >&2; exit 1; }
python3 -c 'import icalendar' 2>/dev/null || { echo "exports: pip install icalendar" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/retroplan-exports.XXXXXX")
trap 'rm -rf "$work"' EXIT

examples=(promo-noel lancement-produit campagne-communication)
for example in "${examples[@]}"; do
    plan=examples/$example.toml
    "$bin" export "$plan" -o "$work/$example.xlsx"
    "$bin" export "$plan" --format csv -o "$work/$example.csv"
    "$bin" export "$plan" --format json -o "$work/$example.json"
    "$bin" export "$plan" --format ics -o "$work/$example.ics"
    "$bin" export "$plan" --format ics --lang en -o "$work/$example-en.ics"
done
echo "exports: wrote xlsx, csv, json and two ics for ${examples[*]}"

# A profile of its own: no first-start dialogs, no lock on the user's.
# Filter options: comma, double quotes, UTF-8 (76), from line 1, cells as
# shown (dates as formatted), every sheet to its own file (-1).
libreoffice "-env:UserInstallation=file://$work/lo-profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
    --outdir "$work/lo" "$work"/*.xlsx >"$work/lo.log" 2>&1 ||
    { cat "$work/lo.log" >&2; echo "exports: libreoffice failed" >&2; exit 1; }

python3 - "$work" "${examples[@]}" <<'PY'
import csv, datetime, json, os, sys

work, examples = sys.argv[1], sys.argv[2:]
# columns.md, French: the examples are French plans.
HEADERS = ["ID", "Tâche", "Phase", "Responsable", "Date de début", "Date de fin", "J-x",
           "Jours", "Dépend de", "Statut", "Canal", "Marge", "Critique", "Commentaire"]

def fail(message):
    print(f"exports: FAIL: {message}")
    sys.exit(1)

def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))

def iso(french):
    day, month, year = french.split("/")
    return f"{year}-{month}-{day}"

lo = os.path.join(work, "lo")
for example in examples:
    sheets = [n for n in os.listdir(lo) if n.startswith(example + "-") and n.endswith(".csv")]
    gantt = f"{example}-Gantt.csv"
    tasks_file = [n for n in sheets if n != gantt]
    if gantt not in sheets or len(tasks_file) != 1:
        fail(f"{example}: LibreOffice wrote {sheets}, expected the task sheet and the Gantt sheet")
    converted = read(os.path.join(lo, tasks_file[0]))
    ours = read(os.path.join(work, example + ".csv"))
    with open(os.path.join(work, example + ".json"), encoding="utf-8") as f:
        schedule = json.load(f)
    n = len(schedule["tasks"])

    if converted[0] != HEADERS:
        fail(f"{example}: the task sheet's header is {converted[0]}")
    if ours[0] != HEADERS:
        fail(f"{example}: the CSV's header is {ours[0]}")
    if len(converted) != n + 1:
        fail(f"{example}: {len(converted) - 1} task rows in the workbook, {n} tasks in the plan")
    accented = 0
    for i, (row, theirs, task) in enumerate(zip(converted[1:], ours[1:], schedule["tasks"]), 2):
        if row[0] != task["id"] or row[1] != task["title"]:
            fail(f"{example}: row {i} is {row[:2]}, expected {task['id']}, {task['title']!r}")
        if iso(row[4]) != task["start"] or iso(row[5]) != task["end"]:
            fail(f"{example}: row {i} ({task['id']}) dates {row[4]} {row[5]}, "
                 f"expected {task['start']} {task['end']} as dd/mm/yyyy")
        as_csv = row[:4] + [iso(row[4]), iso(row[5])] + row[6:]
        if as_csv != theirs:
            fail(f"{example}: row {i} of the workbook {as_csv} differs from the CSV {theirs}")
        accented += any(ord(c) > 127 for c in row[1])
    if accented == 0:
        fail(f"{example}: no accented title came through")

    chart = read(os.path.join(lo, gantt))
    if len(chart) != n + 2:
        fail(f"{example}: the Gantt sheet has {len(chart)} rows, expected 2 headers + {n}")
    if chart[1][:3] != ["ID", "Tâche", "Responsable"]:
        fail(f"{example}: the Gantt sheet's header is {chart[1][:3]}")
    first = min(datetime.date.fromisoformat(t["start"]) for t in schedule["tasks"])
    last = max([datetime.date.fromisoformat(t["end"]) for t in schedule["tasks"]]
               + [datetime.date.fromisoformat(schedule["deadline"])])
    days = (last - first).days + 1
    header = chart[0][3:3 + days]
    expected = [(first + datetime.timedelta(d)).strftime("%d/%m") for d in range(days)]
    if header != expected:
        fail(f"{example}: the Gantt days are {header[:5]}..., expected {expected[:5]}...")
    deadline = (datetime.date.fromisoformat(schedule["deadline"]) - first).days
    if chart[1][3 + deadline] != "J":
        fail(f"{example}: the D-day column says {chart[1][3 + deadline]!r}, not J")
    if [r[0] for r in chart[2:]] != [t["id"] for t in schedule["tasks"]]:
        fail(f"{example}: the Gantt rows are not the tasks in plan order")
    diamonds = sum(r.count("◆") for r in chart[2:])
    milestones = sum(1 for t in schedule["tasks"] if t["milestone"])
    if diamonds != milestones:
        fail(f"{example}: {diamonds} ◆ on the Gantt sheet, {milestones} milestones")
    print(f"exports: {example}.xlsx through LibreOffice: {n} task rows equal to the CSV export "
          f"(French headers, {accented} accented titles, dates dd/mm/yyyy); Gantt sheet of "
          f"{n} rows x {days} days from {first}, J on {schedule['deadline']}, {diamonds} ◆")
PY

for example in "${examples[@]}"; do
    python3 checks/ics_check.py "$work/$example.ics" "$work/$example-en.ics" "$work/$example.json"
done
echo "exports: all checks passed"
