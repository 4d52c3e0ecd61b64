#!/usr/bin/env bash
# D. Quota-bound: 1,000 rows, sandbox --quota 600, qcl --rate-limit 600. Targets: wall <= 110 s
# (1.10 x the 100 s quota floor), throttled <= 2% of writes, 0 FAILED.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-1000}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 4 --prefix bd --out "$WORK/sheet.csv"
start_sandbox --quota 600
run_qcl d run --input "$WORK/sheet.csv" --rate-limit 600 --logging.level.dev.qcl.qlik=DEBUG "$@"
read -r total distinct dups < <(count_sandbox_connections bd-)
TIMELINE="$(timeline)"; LOAD="$(cut -d" " -f1-3 /proc/loadavg)"
stop_sandbox
floor=$(awk -v n="$ROWS" 'BEGIN { printf "%.1f", n / 600 * 60 }')
throttled=$(json http.throttled); failed=$(json counts.FAILED); job_s=$(awk -v ms="$(json durationMs)" 'BEGIN { printf "%.1f", ms / 1000 }')
verdict=$(awk -v w="$WALL_S" -v f="$floor" -v t="$throttled" -v n="$ROWS" -v x="$failed" \
  'BEGIN { print (w <= 1.10 * f && t <= 0.02 * n && x == 0 ? "PASS" : "FAIL") }')
echo "D quota-bound rows=$ROWS quota=600 rate=600 wall_s=$WALL_S job_s=$job_s floor_s=$floor ratio=$(awk -v w="$WALL_S" -v f="$floor" 'BEGIN { printf "%.3f", w / f }')" \
     "CREATED=$(json counts.CREATED) FAILED=$failed requests=$(json http.requests) retries=$(json http.retries) throttled=$throttled" \
     "in_tenant=$total distinct=$distinct duplicates=$dups $TIMELINE cpu_s=$(cpu_s) load=\"$LOAD\" exit=$QCL_RC target: wall<=110s throttled<=2% 0 FAILED $verdict"
