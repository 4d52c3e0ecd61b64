#!/usr/bin/env bash
# P. Many tenants in one run (issue 20): T sandbox tenants, each its own process, key, quota and state;
# one sheet of R rows per tenant with a `tenant` column; qcl run --tenants at --tenant-concurrency T.
# First the same R rows over ONE tenant (its own time), then over T: the run should take about the
# slowest tenant's own time.
#   P1 (default): T=8 R=300, fresh 5-minute windows (qcl defaults), latency 150 ms: target <= 1.3 x one tenant.
#   P2: TENANTS=4 ROWS=240 QUOTA=60 WINDOW=10s: 60 writes per 10 s per tenant; floor 30 s: target <= 1.15 x floor.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TENANTS="${TENANTS:-8}"; ROWS="${ROWS:-300}"; LATENCY="${LATENCY:-150}"
QUOTA="${QUOTA:-}"; WINDOW="${WINDOW:-}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 20 --prefix bp --out "$WORK/rows.csv"
ensure_jar

PIDS=()
stop_all() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; }
trap 'stop_all; cleanup' EXIT

# start_tenants N: one sandbox process serving t1..tN (`sandbox --tenants N`), each on its own port with
# its own key, quota and state (one process, so that N tenants do not cost N JVMs of this machine's CPU);
# it writes $WORK/sN/tenants.csv (keys by ${file:}); fresh state every call
start_tenants() {
  stop_all; PIDS=()
  local n="$1" args=(--latency-ms "$LATENCY")
  if [ -n "$QUOTA" ]; then args+=(--quota "$QUOTA" --quota-window "$WINDOW"); fi
  mkdir -p "$WORK/s$n"; rm -f "$WORK/s$n"/*
  java -jar "$JAR" sandbox --tenants "$n" --api-key-file="$WORK/s$n/key" --url-file="$WORK/s$n/url" \
    --tenants-file="$WORK/s$n/tenants.csv" "${args[@]}" >"$WORK/s$n.log" 2>&1 &
  PIDS+=($!)
  # the URL file is written last
  for _ in $(seq 1 600); do [ -s "$WORK/s$n/url" ] && break; sleep 0.1; done
  [ -s "$WORK/s$n/url" ] || { cat "$WORK/s$n.log" >&2; echo "sandbox did not start" >&2; exit 1; }
}

# sheet N: the R rows once per tenant t1..tN, with a first column `tenant`
sheet() {
  python3 - "$WORK/rows.csv" "$1" "$WORK/sheet-$1.csv" <<'PY'
import csv, sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = list(csv.reader(open(src, encoding="utf-8")))
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["tenant"] + rows[0])
    for i in range(1, n + 1):
        for r in rows[1:]:
            w.writerow(["t%d" % i] + r)
PY
}

# run_tenants NAME N [args]: qcl run over N tenants, with a fresh home
run_tenants() {
  local name="$1" n="$2"; shift 2
  HOME_DIR="$WORK/home-$name"; LAST_RUN="$name"
  local t0 t1; t0=$(date +%s%N)
  set +e
  /usr/bin/time -v -o "$WORK/$name.time" "$QCL" run --input "$WORK/sheet-$n.csv" --tenants "$WORK/s$n/tenants.csv" \
    --tenant-concurrency "$n" --home "$HOME_DIR" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  QCL_RC=$?
  set -e
  t1=$(date +%s%N)
  WALL_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  SUMMARY="$(ls -d "$HOME_DIR"/reports/run-*/summary.json 2>/dev/null | tail -1 || true)"
}

EXTRA=()
if [ -n "$QUOTA" ]; then
  per_min=$(awk -v q="$QUOTA" -v w="${WINDOW%s}" 'BEGIN { printf "%d", q * 60 / w }')
  EXTRA=(--rate-limit "$per_min" --qcl.write.window="$WINDOW")
fi
sheet 1; start_tenants 1
run_tenants one 1 "${EXTRA[@]}" "$@"
ONE_MS=$(json durationMs); ONE_WALL=$WALL_S; ONE_RC=$QCL_RC
sheet "$TENANTS"; start_tenants "$TENANTS"
LOAD="$(uptime | sed 's/.*load average: //')"
run_tenants many "$TENANTS" "${EXTRA[@]}" "$@"
MANY_MS=$(json durationMs)
SLOWEST_MS=$(python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['tenants']; print(max(v['durationMs'] for v in t.values()))" "$SUMMARY")
STATUSES=$(python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['tenants']; print(','.join(sorted(set(v['status'] for v in t.values()))))" "$SUMMARY")
stop_all
ratio=$(awk -v m="$MANY_MS" -v o="$ONE_MS" 'BEGIN { printf "%.3f", m / o }')
if [ -n "$QUOTA" ]; then
  floor=$(window_floor "$ROWS" "$QUOTA" "${WINDOW%s}")
  fratio=$(awk -v m="$MANY_MS" -v f="$floor" 'BEGIN { printf "%.3f", m / 1000 / f }')
  verdict=$(awk -v r="$fratio" -v x="$(json counts.FAILED)" 'BEGIN { print (r <= 1.15 && x == 0 ? "PASS" : "FAIL") }')
  target="job<=1.15x floor ${floor}s: ratio_to_floor=$fratio"
else
  verdict=$(awk -v r="$ratio" -v x="$(json counts.FAILED)" 'BEGIN { print (r <= 1.3 && x == 0 ? "PASS" : "FAIL") }')
  target="job<=1.3x one tenant"
fi
echo "P tenants=$TENANTS rows_per_tenant=$ROWS latency_ms=$LATENCY quota=${QUOTA:-default}/${WINDOW:-5m}" \
     "one_tenant_job_ms=$ONE_MS one_wall_s=$ONE_WALL many_job_ms=$MANY_MS slowest_tenant_ms=$SLOWEST_MS many_wall_s=$WALL_S" \
     "ratio_to_one=$ratio CREATED=$(json counts.CREATED) FAILED=$(json counts.FAILED) tenant_statuses=$STATUSES" \
     "throttled=$(json http.throttled) requests=$(json http.requests) load=\"$LOAD\" exit=$ONE_RC/$QCL_RC target: $target $verdict"
