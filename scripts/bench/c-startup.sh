#!/usr/bin/env bash
# C. JVM start to first HTTP request (target <= 3 s), for a 1-row validate, with JVM variants:
# scripts/qcl as users run it (unpacked jar + AppCDS archive); java -jar default; -XX:TieredStopAtLevel=1; -Xshare:off (no CDS at all); AppCDS of the fat jar;
# the jar extracted (java -Djarmode=tools extract) with AppCDS; the latter plus TieredStopAtLevel=1.
# "first request" = timestamp of the first DEBUG TenantHttp line in <home>/logs/qcl.log minus the
# duration that line reports, measured from the date +%s%N taken just before java starts.
# REPS (3) runs per variant; one result line per variant (all runs and the median).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REPS="${REPS:-3}"
python3 "$BENCH_DIR/gen-sheet.py" --rows 1 --seed 7 --out "$WORK/one.csv"
start_sandbox
sleep 2   # let the sandbox finish starting before the clock runs

# Prepare the AppCDS archives (training runs, not measured).
java -XX:ArchiveClassesAtExit="$WORK/fat.jsa" -jar "$JAR" validate --input "$WORK/one.csv" --home "$WORK/train1" \
  --tenant "$SANDBOX_URL" --qcl.api-key-file="$KEY_FILE" >/dev/null 2>&1 || true
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null
EXTRACTED_JAR="$(ls "$WORK"/extracted/*.jar | head -1)"
java -XX:ArchiveClassesAtExit="$WORK/ext.jsa" -jar "$EXTRACTED_JAR" validate --input "$WORK/one.csv" --home "$WORK/train2" \
  --tenant "$SANDBOX_URL" --qcl.api-key-file="$KEY_FILE" >/dev/null 2>&1 || true

first_request_ms() { # $1 = home, $2 = t0 in ns
  python3 - "$1/logs/qcl.log" "$2" <<'PY'
import datetime, re, sys
t0 = int(sys.argv[2]) / 1e9
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"(\S+Z) DEBUG \[[^]]*\] dev\.qcl\.qlik\.TenantHttp .* in (\d+) ms", line)
    if m:
        t = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc).timestamp()
        print(round((t - int(m.group(2)) / 1000 - t0) * 1000)); break
else:
    print(-1)
PY
}

measure() { # $1 = variant name, $2 = jar (or "qcl": the user's scripts/qcl), rest = JVM options
  local name="$1" jar="$2"; shift 2
  local firsts=() walls=() cpus=() i
  for i in $(seq 1 "$REPS"); do
    local home="$WORK/home-$name-$i" t0 t1
    t0=$(date +%s%N)
    local launcher=(java "$@" -jar "$jar")
    [ "$jar" = qcl ] && launcher=(env QCL_JAVA_OPTS="$*" "$QCL")
    /usr/bin/time -f "%U %S" -o "$WORK/c.time" "${launcher[@]}" validate --input "$WORK/one.csv" --home "$home" \
      --tenant "$SANDBOX_URL" --qcl.api-key-file="$KEY_FILE" --logging.level.dev.qcl.qlik=DEBUG >"$WORK/c.out" 2>&1 || true
    t1=$(date +%s%N)
    firsts+=("$(first_request_ms "$home" "$t0")")
    walls+=("$(( (t1 - t0) / 1000000 ))")
    cpus+=("$(awk '{ printf "%.1f", $1 + $2 }' "$WORK/c.time")")
  done
  local med_first med_wall
  med_first=$(printf '%s\n' "${firsts[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  med_wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "C variant=$name first_request_ms=[${firsts[*]}] median=$med_first wall_ms=[${walls[*]}] median=$med_wall" \
       "cpu_s=[${cpus[*]}] load=$(cut -d' ' -f1 /proc/loadavg) target<=3000ms $([ "$med_first" -le 3000 ] && echo PASS || echo FAIL)"
}

measure scripts/qcl qcl
measure default "$JAR"
measure tiered1 "$JAR" -XX:TieredStopAtLevel=1
measure xshare-off "$JAR" -Xshare:off
measure appcds-fatjar "$JAR" -XX:SharedArchiveFile="$WORK/fat.jsa"
measure extracted "$EXTRACTED_JAR"
measure extracted+appcds "$EXTRACTED_JAR" -XX:SharedArchiveFile="$WORK/ext.jsa"
measure extracted+appcds+tiered1 "$EXTRACTED_JAR" -XX:SharedArchiveFile="$WORK/ext.jsa" -XX:TieredStopAtLevel=1
stop_sandbox
