#!/usr/bin/env bash
# F. Latency-bound: every sandbox response delayed 200 ms, no quota, qcl --concurrency 8
# --rate-limit 100000, 600 rows. Target: >= 32 rows/s steady (8 in flight / 0.2 s = 40 ideal).
# "steady" = rows created between the first and the last CREATED progress, from results timing:
# (rows - 1) / (time of last create - time of first create), read from the qcl log; the
# summary's rowsPerSecond (whole job, lookups included) is reported too.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-600}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 6 --prefix bf --out "$WORK/sheet.csv"
start_sandbox --latency-ms 200
run_qcl f run --input "$WORK/sheet.csv" --concurrency 8 --rate-limit 100000 --logging.level.dev.qcl.qlik=DEBUG "$@"
TIMELINE="$(timeline)"; LOAD="$(cut -d" " -f1-3 /proc/loadavg)"
stop_sandbox
steady=$(python3 - "$HOME_DIR/logs/qcl.log" <<'PY'
import datetime, re, sys
ts = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"(\S+Z) DEBUG .*TenantHttp POST /api/v1/data-connections -> 201", line)
    if m:
        ts.append(datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%fZ").timestamp())
if len(ts) < 20:
    print(0)
else:
    lo, hi = len(ts) // 10, len(ts) - len(ts) // 10   # middle 80% of the creates
    print(round((hi - 1 - lo) / (ts[hi - 1] - ts[lo]), 1))
PY
)
verdict=$(awk -v s="$steady" 'BEGIN { print (s >= 32 ? "PASS" : "FAIL") }')
echo "F latency-bound rows=$ROWS latency=200ms concurrency=8 wall_s=$WALL_S job_ms=$(json durationMs)" \
     "job_rows_per_s=$(json rowsPerSecond) steady_creates_per_s=$steady CREATED=$(json counts.CREATED) FAILED=$(json counts.FAILED)" \
     "requests=$(json http.requests) $TIMELINE cpu_s=$(cpu_s) load=\"$LOAD\" exit=$QCL_RC target>=32/s $verdict"
