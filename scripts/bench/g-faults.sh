#!/usr/bin/env bash
# G. Faults: sandbox --fail-503 0.08 --drop-after-commit 0.05, 1,000 rows, --rate-limit 100000.
# Targets: every row CREATED exactly once (tenant listing checked), 0 duplicates, 0 FAILED.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-1000}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 8 --prefix bg --out "$WORK/sheet.csv"
start_sandbox --fail-503 0.08 --drop-after-commit 0.05
run_qcl g run --input "$WORK/sheet.csv" --rate-limit 100000 --logging.level.dev.qcl.qlik=DEBUG "$@"
read -r total distinct dups < <(count_sandbox_connections bg-)
TIMELINE="$(timeline)"; LOAD="$(cut -d" " -f1-3 /proc/loadavg)"
stop_sandbox
created=$(json counts.CREATED); failed=$(json counts.FAILED)
verdict=$([ "$failed" -eq 0 ] && [ "$created" -eq "$ROWS" ] && [ "$total" -eq "$ROWS" ] && [ "$dups" -eq 0 ] && echo PASS || echo FAIL)
echo "G faults rows=$ROWS fail503=0.08 drop=0.05 wall_s=$WALL_S job_ms=$(json durationMs) CREATED=$created FAILED=$failed" \
     "requests=$(json http.requests) retries=$(json http.retries) in_tenant=$total distinct=$distinct duplicates=$dups" \
     "$TIMELINE cpu_s=$(cpu_s) load=\"$LOAD\" exit=$QCL_RC target: all CREATED once, 0 dup, 0 FAILED $verdict"
