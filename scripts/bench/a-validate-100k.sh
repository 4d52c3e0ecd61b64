#!/usr/bin/env bash
# A. validate of a 100,000-row sheet (5% invalid rows) against the sandbox; target: wall <= 6 s.
# Options: ROWS (100000), INVALID (0.05), JAVA_OPTS, extra qcl options as arguments
# (e.g. --concurrency 8 --qcl.job.chunk-size=200).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-100000}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --invalid-fraction "${INVALID:-0.05}" --seed 1 --out "$WORK/sheet.csv"
start_sandbox
run_qcl a validate --input "$WORK/sheet.csv" "$@"
LOAD="$(cut -d" " -f1-3 /proc/loadavg)"
stop_sandbox
rows_per_s=$(awk -v n="$ROWS" -v s="$WALL_S" 'BEGIN { printf "%.0f", n / s }')
verdict=$(awk -v s="$WALL_S" 'BEGIN { print (s <= 6 ? "PASS" : "FAIL") }')
echo "A validate rows=$ROWS extra='$*' wall_s=$WALL_S rows_per_s=$rows_per_s job_ms=$(json durationMs)" \
     "job_rows_per_s=$(json rowsPerSecond) CREATE=$(json counts.CREATE) INVALID=$(json counts.INVALID)" \
     "requests=$(json http.requests) peak_rss_mb=$PEAK_RSS_MB cpu_s=$(cpu_s) load=\"$LOAD\" exit=$QCL_RC target<=6s $verdict"
