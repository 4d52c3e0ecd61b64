#!/usr/bin/env bash
# E. Rate limit set 4x too high: qcl --rate-limit 2400 against sandbox --quota 600, 1,000 rows.
# Targets: 0 FAILED, every row CREATED exactly once (the tenant's listing is checked for duplicates).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-1000}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 5 --prefix be --out "$WORK/sheet.csv"
start_sandbox --quota 600
run_qcl e run --input "$WORK/sheet.csv" --rate-limit 2400 --logging.level.dev.qcl.qlik=DEBUG "$@"
read -r total distinct dups < <(count_sandbox_connections be-)
TIMELINE="$(timeline)"; LOAD="$(cut -d" " -f1-3 /proc/loadavg)"
stop_sandbox
created=$(json counts.CREATED); failed=$(json counts.FAILED)
verdict=$([ "$failed" -eq 0 ] && [ "$created" -eq "$ROWS" ] && [ "$total" -eq "$ROWS" ] && [ "$dups" -eq 0 ] && echo PASS || echo FAIL)
echo "E rate-too-high rows=$ROWS quota=600 rate=2400 wall_s=$WALL_S job_ms=$(json durationMs) CREATED=$created FAILED=$failed" \
     "requests=$(json http.requests) retries=$(json http.retries) throttled=$(json http.throttled) throttle_wait_ms=$(json http.throttleWaitMs)" \
     "in_tenant=$total distinct=$distinct duplicates=$dups $TIMELINE cpu_s=$(cpu_s) load=\"$LOAD\" exit=$QCL_RC target: 0 FAILED, all CREATED once $verdict"
