#!/usr/bin/env bash
# N. Export: 2,000 connections (over the six connectors and the six seeded spaces), sandbox with
# Qlik's read quota (--read-quota 1000 over a 5-minute window). Target: the export's reads, first
# request to last response, take <= 1.05 x their tier-1 floor (reads / 1,000 per minute), every
# connection exported, no 429. The wall time (JVM start to exit) and its ratio are printed too: on a
# loaded machine the start-up adds seconds that are not the export's. The seeding run is not timed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-2000}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 9 --prefix bi --out "$WORK/sheet.csv"
start_sandbox --read-quota 1000 --read-window 5m
run_qcl seed run --input "$WORK/sheet.csv" --rate-limit 100000 --concurrency 8
[ "$QCL_RC" = 0 ] || { cat "$WORK/seed.err" >&2; echo "seeding failed: exit $QCL_RC" >&2; exit 1; }
run_qcl i export --all --output "$WORK/export.csv" --logging.level.dev.qcl.qlik=DEBUG "$@"
UPTIME="$(uptime)"
TIMELINE="$(timeline)"
stop_sandbox
read -r reads throttled < <(python3 - "$HOME_DIR/logs/qcl.log" <<'PY'
import sys
reads = throttled = 0
for line in open(sys.argv[1], encoding="utf-8"):
    if " dev.qcl.qlik.TenantHttp GET " in line:
        reads += 1
        throttled += " -> 429 " in line
print(reads, throttled)
PY
)
exported=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))) - 1)' "$WORK/export.csv")
floor=$(awk -v n="$reads" 'BEGIN { printf "%.1f", n / 1000 * 60 }')
ratio=$(awk -v w="$WALL_S" -v f="$floor" 'BEGIN { printf "%.3f", w / f }')
reads_s=$(echo "$TIMELINE" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } } END { printf "%.1f", v["end_s"] - v["startup_s"] }')
reads_ratio=$(awk -v s="$reads_s" -v f="$floor" 'BEGIN { printf "%.3f", s / f }')
verdict=$(awk -v r="$reads_ratio" -v e="$exported" -v n="$ROWS" -v t="$throttled" -v rc="$QCL_RC" \
  'BEGIN { print (r <= 1.05 && e == n && t == 0 && rc == 0 ? "PASS" : "FAIL") }')
echo "N export connections=$ROWS exported=$exported reads=$reads throttled=$throttled floor_s=$floor reads_s=$reads_s reads_ratio=$reads_ratio" \
     "wall_s=$WALL_S wall_ratio=$ratio $TIMELINE cpu_s=$(cpu_s) peak_rss_mb=$PEAK_RSS_MB exit=$QCL_RC uptime=\"$UPTIME\" target: reads<=1.05x floor, all exported, 0 429 $verdict"
