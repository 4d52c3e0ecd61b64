#!/usr/bin/env bash
# L. Faults under a tight window: 240 rows, sandbox quota 30 writes per 5 s with 8% 503s and 5% of
# creates dropped after commit; qcl at the tenant's rate (--rate-limit 360, window learned).
# The floor is that of the writes the tenant counted (every answered write, 429s not).
# Targets: first to last write <= 1.15 x floor, every row CREATED once, 0 FAILED.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-240}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 14 --prefix bl --out "$WORK/sheet.csv"
start_sandbox --quota 30 --quota-window 5s --fail-503 0.08 --drop-after-commit 0.05
LOAD="$(uptime | sed 's/.*load average: //')"
run_qcl l run --input "$WORK/sheet.csv" --rate-limit 360 --logging.level.dev.qcl.qlik=DEBUG "$@"
read -r total distinct dups < <(count_sandbox_connections bl-)
TIMELINE="$(timeline)"; SPAN="$(writes_span)"; SENT="$(writes_sent)"
stop_sandbox
floor=$(window_floor "$SENT" 30 5); failed=$(json counts.FAILED)
verdict=$(awk -v s="$SPAN" -v f="$floor" -v x="$failed" -v n="$total" -v d="$dups" -v r="$ROWS" \
  'BEGIN { print (s <= 1.15 * f && x == 0 && n == r && d == 0 ? "PASS" : "FAIL") }')
echo "L faults-window rows=$ROWS quota=30/5s fail503=0.08 drop=0.05 rate=360 wall_s=$WALL_S job_ms=$(json durationMs)" \
     "writes_counted=$SENT floor_s=$floor writes_span_s=$SPAN ratio=$(awk -v s="$SPAN" -v f="$floor" 'BEGIN { printf "%.3f", s / f }')" \
     "CREATED=$(json counts.CREATED) FAILED=$failed retries=$(json http.retries) throttled=$(json http.throttled)" \
     "in_tenant=$total duplicates=$dups $TIMELINE cpu_s=$(cpu_s) load=\"$LOAD\" exit=$QCL_RC target: span<=1.15x floor, 0 FAILED $verdict"
