#!/usr/bin/env bash
# The Gantt pictures through tools outside the project: every example drawn
# to PNG (its size read from the file's header) and to PDF, read back by
# poppler (`pdfinfo` for the page count and size, `pdftotext` for the text:
# the PDF's text must be real text, accents included, not shapes).
#
#   checks/gantt.sh                builds target/release/retroplan first
#   RETROPLAN=path checks/gantt.sh
#
# Needs poppler-utils (Debian) and python3. Exits non-zero on the first
# failure and prints what it checked.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${RETROPLAN:-}" ]; then
    BIN=$RETROPLAN
else
    cargo build --release -q -p retroplan
    BIN=target/release/retroplan
fi
command -v pdftotext >/dev/null || { echo "gantt: poppler-utils is not installed" >&2; exit 1; }
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

for example in promo-noel lancement-produit campagne-communication; do
    plan="examples/$example.toml"
    "$BIN" gantt "$plan" -o "$OUT/$example.svg"
    "$BIN" gantt "$plan" -o "$OUT/$example.png"
    "$BIN" gantt "$plan" -o "$OUT/$example.pdf"

    # PNG: twice the SVG's size (retroplan-gantt's png_scale under 16,000 px).
    python3 - "$OUT/$example.svg" "$OUT/$example.png" <<'PY'
import re, struct, sys
svg = open(sys.argv[1], encoding="utf-8").read()
w, h = (float(x) for x in re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg).groups())
data = open(sys.argv[2], "rb").read(24)
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pw, ph = struct.unpack(">II", data[16:24])
assert (pw, ph) == (round(w * 2), round(h * 2)), f"PNG {pw}x{ph}, SVG {w}x{h}"
print(f"  png {pw}x{ph} = 2 x svg {w:.0f}x{h:.0f}")
PY

    pages=$(pdfinfo "$OUT/$example.pdf" | awk '/^Pages:/ {print $2}')
    [ "$pages" = "1" ] || fail "$example.pdf has $pages pages, expected 1 (under 40 rows)"
    title=$(pdfinfo "$OUT/$example.pdf" | sed -n 's/^Title: *//p')
    name=$(sed -n 's/^name = "\(.*\)"/\1/p' "$plan" | head -1)
    [ "$title" = "$name" ] || fail "$example.pdf title '$title', expected '$name'"
    pdftotext "$OUT/$example.pdf" "$OUT/$example.txt"
    "$BIN" schedule "$plan" --format json > "$OUT/$example.json" || [ $? -eq 1 ]
    # The plan's name, the D-day label and every task title the chart shows
    # in full (not cut with an ellipsis) are text in the PDF.
    python3 - "$OUT/$example.json" "$OUT/$example.svg" "$OUT/$example.txt" <<'PY'
import html, json, sys
plan = json.load(open(sys.argv[1], encoding="utf-8"))
svg = html.unescape(open(sys.argv[2], encoding="utf-8").read())
flat = " ".join(open(sys.argv[3], encoding="utf-8").read().split())
for must in (plan["name"], "Jour J"):
    assert must in flat, f"{must!r} not extractable from the PDF"
shown = [t["title"] for t in plan["tasks"] if f">{t['title']}<" in svg]
assert shown, "no full title in the chart"
missing = [t for t in shown if " ".join(t.split()) not in flat]
assert not missing, f"titles not extractable from the PDF: {missing}"
print(f"  pdf 1 page, title {plan['name']!r}, {len(shown)} task titles extractable")
PY
    echo "ok $example"
done

# A plan of 100 tasks: the PDF is cut into pages of 40 rows.
python3 bench/gen_plan.py 100 > "$OUT/p100.toml"
"$BIN" gantt "$OUT/p100.toml" -o "$OUT/p100.pdf"
"$BIN" gantt "$OUT/p100.toml" -o "$OUT/p100.svg"
rows=$(grep -o 'class="task ' "$OUT/p100.svg" | wc -l)
phases=$(grep -o '<text x="12.0" y="[0-9.]*" font-weight="bold">' "$OUT/p100.svg" | wc -l)
pages=$(pdfinfo "$OUT/p100.pdf" | awk '/^Pages:/ {print $2}')
expected=$(( (rows + phases + 39) / 40 ))
[ "$pages" -ge "$expected" ] && [ "$pages" -le $((expected + 1)) ] \
    || fail "p100.pdf has $pages pages for $rows tasks and $phases phase rows"
pdftotext -f "$pages" -l "$pages" "$OUT/p100.pdf" - | grep -qF "page $pages/$pages" \
    || fail "p100.pdf last page does not say page $pages/$pages"
echo "ok 100 tasks: $pages pages"
echo "gantt checks passed"
