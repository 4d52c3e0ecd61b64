#!/usr/bin/env bash
# J. Two windows' worth: 1,000 rows, sandbox quota 500 writes per 300 s window, qcl defaults.
# The window floor is 300 s (500 at once, 500 when the first ones leave the window).
# Target: wall <= 1.05 x floor (315 s), 0 FAILED.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-1000}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 12 --prefix bj --out "$WORK/sheet.csv"
start_sandbox --quota 500 --quota-window 300s
LOAD="$(uptime | sed 's/.*load average: //')"
run_qcl j run --input "$WORK/sheet.csv" --logging.level.dev.qcl.qlik=DEBUG "$@"
read -r total distinct dups < <(count_sandbox_connections bj-)
TIMELINE="$(timeline)"; LOAD_END="$(uptime | sed 's/.*load average: //')"
stop_sandbox
floor=$(window_floor "$ROWS" 500 300); failed=$(json counts.FAILED)
verdict=$(awk -v w="$WALL_S" -v f="$floor" -v x="$failed" -v n="$total" -v r="$ROWS" 'BEGIN { print (w <= 1.05 * f && x == 0 && n == r ? "PASS" : "FAIL") }')
echo "J window-1000 rows=$ROWS quota=500/300s defaults wall_s=$WALL_S job_ms=$(json durationMs) floor_s=$floor" \
     "ratio=$(awk -v w="$WALL_S" -v f="$floor" 'BEGIN { printf "%.3f", w / f }') CREATED=$(json counts.CREATED) FAILED=$failed" \
     "throttled=$(json http.throttled) in_tenant=$total duplicates=$dups $TIMELINE cpu_s=$(cpu_s) load_start=\"$LOAD\" load_end=\"$LOAD_END\"" \
     "exit=$QCL_RC target: wall<=1.05x floor, 0 FAILED $verdict"
