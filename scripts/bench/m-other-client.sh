#!/usr/bin/env bash
# M. Another client of the same user spends half the quota: 120 rows, sandbox quota 60 writes per
# 30 s of which the other client spends 30 (evenly, since before qcl started); qcl at the tenant's
# rate (--rate-limit 120). Floor of the remaining budget (30 per 30 s): 90 s.
# Targets: 0 FAILED, first to last write <= 1.25 x that floor.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-120}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 15 --prefix bm --out "$WORK/sheet.csv"
start_sandbox --quota 60 --quota-window 30s --other-client-share 0.5
LOAD="$(uptime | sed 's/.*load average: //')"
run_qcl m run --input "$WORK/sheet.csv" --rate-limit 120 --logging.level.dev.qcl.qlik=DEBUG "$@"
read -r total distinct dups < <(count_sandbox_connections bm-)
TIMELINE="$(timeline)"; SPAN="$(writes_span)"
stop_sandbox
floor=$(window_floor "$ROWS" 30 30); failed=$(json counts.FAILED)
verdict=$(awk -v s="$SPAN" -v f="$floor" -v x="$failed" -v n="$total" -v r="$ROWS" \
  'BEGIN { print (s <= 1.25 * f && x == 0 && n == r ? "PASS" : "FAIL") }')
echo "M other-client rows=$ROWS quota=60/30s other=0.5 rate=120 wall_s=$WALL_S job_ms=$(json durationMs) floor_s=$floor" \
     "writes_span_s=$SPAN ratio=$(awk -v s="$SPAN" -v f="$floor" 'BEGIN { printf "%.3f", s / f }') CREATED=$(json counts.CREATED)" \
     "FAILED=$failed throttled=$(json http.throttled) in_tenant=$total duplicates=$dups $TIMELINE cpu_s=$(cpu_s) load=\"$LOAD\"" \
     "exit=$QCL_RC target: span<=1.25x floor, 0 FAILED $verdict"
