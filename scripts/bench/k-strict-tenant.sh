#!/usr/bin/env bash
# K. A stricter tenant than configured: 200 rows, sandbox quota 50 writes per 30 s, qcl defaults
# (it expects 500 per 5 min and learns the real budget from the first 429). Floor: 90 s.
# Targets: wall <= 1.10 x floor, 429s <= 5% of rows, 0 FAILED.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-200}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 13 --prefix bk --out "$WORK/sheet.csv"
start_sandbox --quota 50 --quota-window 30s
LOAD="$(uptime | sed 's/.*load average: //')"
run_qcl k run --input "$WORK/sheet.csv" --logging.level.dev.qcl.qlik=DEBUG "$@"
read -r total distinct dups < <(count_sandbox_connections bk-)
TIMELINE="$(timeline)"; SPAN="$(writes_span)"
stop_sandbox
floor=$(window_floor "$ROWS" 50 30); failed=$(json counts.FAILED); throttled=$(json http.throttled)
verdict=$(awk -v w="$WALL_S" -v f="$floor" -v t="$throttled" -v r="$ROWS" -v x="$failed" -v n="$total" \
  'BEGIN { print (w <= 1.10 * f && t <= 0.05 * r && x == 0 && n == r ? "PASS" : "FAIL") }')
echo "K strict-tenant rows=$ROWS quota=50/30s defaults wall_s=$WALL_S job_ms=$(json durationMs) writes_span_s=$SPAN floor_s=$floor" \
     "ratio=$(awk -v w="$WALL_S" -v f="$floor" 'BEGIN { printf "%.3f", w / f }') CREATED=$(json counts.CREATED) FAILED=$failed" \
     "throttled=$throttled in_tenant=$total duplicates=$dups $TIMELINE cpu_s=$(cpu_s) load=\"$LOAD\"" \
     "exit=$QCL_RC target: wall<=1.10x floor, 429s<=5% rows, 0 FAILED $verdict"
