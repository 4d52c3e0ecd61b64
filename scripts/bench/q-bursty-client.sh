#!/usr/bin/env bash
# Q. Another client of the same user writes in bursts (issue 20): 150 rows, sandbox quota 60 writes
# per 10 s; the other client sends 30 at once every 10 s (from the sandbox's start, so at a phase of
# its own against qcl's start); qcl at the tenant's rate (--rate-limit 360). Floor of the rest of the
# quota (30 per 10 s): 40 s.
# Targets: 0 FAILED, first to last write <= 1.25 x that floor, 429 answers <= 5% of the rows.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-150}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 16 --prefix bo --out "$WORK/sheet.csv"
start_sandbox --quota 60 --quota-window 10s --other-client-burst 30 --other-client-every 10s
LOAD="$(uptime | sed 's/.*load average: //')"
run_qcl o run --input "$WORK/sheet.csv" --rate-limit 360 --logging.level.dev.qcl.qlik=DEBUG "$@"
read -r total distinct dups < <(count_sandbox_connections bo-)
TIMELINE="$(timeline)"; SPAN="$(writes_span)"
stop_sandbox
floor=$(window_floor "$ROWS" 30 10); failed=$(json counts.FAILED); throttled=$(json http.throttled)
refused=$(awk -v t="$throttled" -v r="$ROWS" 'BEGIN { printf "%.3f", t / r }')
verdict=$(awk -v s="$SPAN" -v f="$floor" -v x="$failed" -v n="$total" -v r="$ROWS" -v q="$refused" \
  'BEGIN { print (s <= 1.25 * f && x == 0 && n == r && q <= 0.05 ? "PASS" : "FAIL") }')
echo "Q bursty-client rows=$ROWS quota=60/10s other=30/10s rate=360 wall_s=$WALL_S job_ms=$(json durationMs) floor_s=$floor" \
     "writes_span_s=$SPAN ratio=$(awk -v s="$SPAN" -v f="$floor" 'BEGIN { printf "%.3f", s / f }') CREATED=$(json counts.CREATED)" \
     "FAILED=$failed throttled=$throttled refused=$refused in_tenant=$total duplicates=$dups $TIMELINE cpu_s=$(cpu_s) load=\"$LOAD\"" \
     "exit=$QCL_RC target: span<=1.25x floor, 429s<=5% of rows, 0 FAILED $verdict"
