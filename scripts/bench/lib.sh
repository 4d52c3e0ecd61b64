#!/usr/bin/env bash
# Shared helpers of the benchmark scripts (sourced, not run): a temp folder, the sandbox tenant
# in the background, qcl under /usr/bin/time -v, and reading summary.json.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$(cd "$BENCH_DIR/../.." && pwd)"
JAR="$PROJECT/target/qlik-connection-loader.jar"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/qcl-bench.XXXXXX")"
SANDBOX_PID=""

QCL="$PROJECT/scripts/qcl"

# builds the jar (and the start-up archive of scripts/qcl) before anything is timed
ensure_jar() {
  "$QCL" --version >/dev/null
}

cleanup() {
  if [ -n "$SANDBOX_PID" ] && kill -0 "$SANDBOX_PID" 2>/dev/null; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
  fi
  if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$WORK"; else echo "work folder kept: $WORK" >&2; fi
}
trap cleanup EXIT

# start_sandbox [sandbox options...]: starts `qcl sandbox` on a free port, waits until it listens;
# sets SANDBOX_URL and KEY_FILE.
start_sandbox() {
  ensure_jar
  KEY_FILE="$WORK/api-key"
  rm -f "$WORK/sandbox.url" "$KEY_FILE"
  java ${SANDBOX_JAVA_OPTS:-} -jar "$JAR" sandbox --api-key-file="$KEY_FILE" --url-file="$WORK/sandbox.url" "$@" \
    >"$WORK/sandbox.log" 2>&1 &
  SANDBOX_PID=$!
  # up to 2 minutes: on a busy machine the sandbox's JVM and warm-up take tens of seconds
  for _ in $(seq 1 1200); do
    if [ -s "$WORK/sandbox.url" ] && [ -s "$KEY_FILE" ]; then break; fi
    kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$WORK/sandbox.log" >&2; echo "sandbox died" >&2; exit 1; }
    sleep 0.1
  done
  [ -s "$WORK/sandbox.url" ] || { cat "$WORK/sandbox.log" >&2; echo "sandbox did not start" >&2; exit 1; }
  chmod 600 "$KEY_FILE"
  SANDBOX_URL="$(cat "$WORK/sandbox.url")"
}

stop_sandbox() {
  if [ -n "$SANDBOX_PID" ]; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
    SANDBOX_PID=""
  fi
}

# run_qcl NAME [qcl args...]: runs qcl against the sandbox with a fresh home, under /usr/bin/time -v;
# sets QCL_RC, WALL_S (from date +%s%N), PEAK_RSS_MB, HOME_DIR, SUMMARY; JAVA_OPTS are JVM options.
run_qcl() {
  local name="$1"; shift
  HOME_DIR="$WORK/home-$name"; LAST_RUN="$name"
  local t0 t1
  t0=$(date +%s%N); T0_NS=$t0
  set +e
  # the user's entry point, as users run it; JAVA_OPTS reach the JVM through QCL_JAVA_OPTS
  QCL_JAVA_OPTS="${JAVA_OPTS:-}" /usr/bin/time -v -o "$WORK/$name.time" "$QCL" "$@" \
    --home "$HOME_DIR" --tenant "$SANDBOX_URL" --qcl.api-key-file="$KEY_FILE" \
    >"$WORK/$name.out" 2>"$WORK/$name.err"
  QCL_RC=$?
  set -e
  t1=$(date +%s%N)
  WALL_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  PEAK_RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/$name.time")
  SUMMARY="$(ls -d "$HOME_DIR"/reports/run-*/summary.json 2>/dev/null | tail -1 || true)"
}

# json PATH: a value from $SUMMARY, e.g. json counts.CREATED, json http.throttled.
json() {
  python3 - "$SUMMARY" "$1" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v = v.get(k, 0) if isinstance(v, dict) else 0
print(0 if v is None else v)
PY
}

# count_sandbox_connections PREFIX: lists every connection of every seeded space and the personal
# space through the API (following links.next) and prints "<total> <distinct> <duplicates>" for qNames
# starting with PREFIX; a duplicate is a second connection with the same qName in the same space.
count_sandbox_connections() {
  python3 - "$SANDBOX_URL" "$(cat "$KEY_FILE")" "$1" <<'PY'
import json, sys, urllib.request
base, key, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
spaces = ["6601c0a3e9b1f24d7a5c8e1%d" % i for i in range(6)]
def get(url):
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + key})
    return json.load(urllib.request.urlopen(req))
seen, total = {}, 0
for q in ["spaceId=" + s for s in spaces] + ["personal=true"]:
    url = "%s/api/v1/data-connections?%s&limit=100" % (base, q)
    while url:
        page = get(url)
        for c in page.get("data", []):
            if c.get("qName", "").startswith(prefix):
                total += 1
                k = (c.get("space"), c["qName"])
                seen[k] = seen.get(k, 0) + 1
        nxt = (page.get("links") or {}).get("next") or {}
        url = nxt.get("href")
        if url and url.startswith("/"):
            url = base + url
print(total, len(seen), sum(n - 1 for n in seen.values()))
PY
}

# timeline: from <home>/logs/qcl.log (needs --logging.level.dev.qcl.qlik=DEBUG) prints
# "startup_s=<process start to first request> writes_span_s=<first to last write> writes=<n> end_s=<last response>",
# times from the process start (T0_NS).
timeline() {
  python3 - "$HOME_DIR/logs/qcl.log" "$T0_NS" <<'PY'
import datetime, re, sys
t0 = int(sys.argv[2]) / 1e9
first = None; writes = []; last = None
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"(\S+Z) DEBUG \[[^]]*\] dev\.qcl\.qlik\.TenantHttp (\w+) .* in (\d+) ms", line)
    if not m:
        continue
    t = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc).timestamp()
    sent = t - int(m.group(3)) / 1000
    first = sent if first is None else first
    last = t
    if m.group(2) in ("POST", "PATCH", "PUT"):
        writes.append(sent)
span = (writes[-1] - writes[0]) if len(writes) > 1 else 0
print("startup_s=%.1f writes_span_s=%.1f writes=%d end_s=%.1f" % ((first or t0) - t0, span, len(writes), (last or t0) - t0))
PY
}

# cpu_s: user + system CPU seconds of the last run_qcl.
cpu_s() {
  awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$WORK/$LAST_RUN.time"
}

# window_floor N PER WINDOW_S: the least time N writes take when PER fit in any WINDOW_S seconds:
# a fresh window takes PER at once, each further PER waits a window.
window_floor() {
  awk -v n="$1" -v c="$2" -v w="$3" 'BEGIN { k = int((n + c - 1) / c) - 1; if (k < 0) k = 0; printf "%.1f", k * w }'
}

# writes_span: seconds from the first to the last write request of the last run (needs the DEBUG log).
writes_span() {
  timeline | sed -n 's/.*writes_span_s=\([0-9.]*\).*/\1/p'
}

# writes_sent: write requests of the last run that the tenant counted (every write answered, 429s not).
writes_sent() {
  local all; all=$(timeline | sed -n 's/.* writes=\([0-9]*\).*/\1/p')
  echo $(( all - $(json http.throttled) ))
}
