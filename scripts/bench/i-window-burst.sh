#!/usr/bin/env bash
# I. A fresh window takes a burst: 300 rows, sandbox quota 500 writes per 300 s window (Qlik's tier-2
# shape), qcl with default settings (100/min over 5 min). Target: wall <= 15 s, 0 FAILED, no 429.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-300}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 11 --prefix bi --out "$WORK/sheet.csv"
start_sandbox --quota 500 --quota-window 300s
LOAD="$(uptime | sed 's/.*load average: //')"
run_qcl i run --input "$WORK/sheet.csv" --logging.level.dev.qcl.qlik=DEBUG "$@"
read -r total distinct dups < <(count_sandbox_connections bi-)
TIMELINE="$(timeline)"
stop_sandbox
failed=$(json counts.FAILED); throttled=$(json http.throttled)
verdict=$(awk -v w="$WALL_S" -v x="$failed" -v n="$total" -v r="$ROWS" 'BEGIN { print (w <= 15 && x == 0 && n == r ? "PASS" : "FAIL") }')
echo "I window-burst rows=$ROWS quota=500/300s defaults wall_s=$WALL_S job_ms=$(json durationMs) CREATED=$(json counts.CREATED)" \
     "FAILED=$failed throttled=$throttled in_tenant=$total duplicates=$dups $TIMELINE cpu_s=$(cpu_s) load=\"$LOAD\"" \
     "exit=$QCL_RC target: wall<=15s 0 FAILED $verdict"
