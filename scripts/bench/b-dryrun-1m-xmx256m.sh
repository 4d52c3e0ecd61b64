#!/usr/bin/env bash
# B. validate of a 1,000,000-row sheet (5% invalid) with -Xmx256m (issue 9: must finish without
# OutOfMemoryError, wall <= 20 s); reports peak RSS (/usr/bin/time -v), wall time and CPU seconds.
# validate is `run --dry-run` (same job); B_COMMAND="run --dry-run" runs it that way.
# Options: ROWS (1000000), B_COMMAND, extra qcl options as arguments.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-1000000}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --invalid-fraction 0.05 --seed 2 --out "$WORK/sheet.csv"
start_sandbox
# shellcheck disable=SC2086  # B_COMMAND is a command and its options
JAVA_OPTS="-Xmx256m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$WORK" run_qcl b ${B_COMMAND:-validate} --input "$WORK/sheet.csv" "$@"
LOAD="$(cut -d" " -f1-3 /proc/loadavg)"
stop_sandbox
oom=$(cat "$WORK/b.err" "$WORK/b.out" "$HOME_DIR/logs/qcl.log" 2>/dev/null | grep -c "OutOfMemoryError" || true)
fast=$(awk -v s="$WALL_S" 'BEGIN { print (s <= 20 ? 1 : 0) }')
verdict=$([ "$oom" -eq 0 ] && [ -n "$SUMMARY" ] && [ "$(json status)" = COMPLETED ] && [ "$fast" = 1 ] && echo PASS || echo FAIL)
echo "B ${B_COMMAND:-validate} rows=$ROWS -Xmx256m wall_s=$WALL_S peak_rss_mb=$PEAK_RSS_MB status=$(json status) job_ms=$(json durationMs)" \
     "rows_per_s=$(json rowsPerSecond) CREATE=$(json counts.CREATE) INVALID=$(json counts.INVALID) oom_lines=$oom cpu_s=$(cpu_s) load=\"$LOAD\" exit=$QCL_RC" \
     "target=no-OOM,wall<=20s $verdict"
