#!/usr/bin/env bash
# H. The tutorial's way, for comparison with D: a sequential curl loop, one POST per row of the same
# kind of sheet, over the same emulated quota (sandbox --quota 600). The loop does not retry a 429,
# so rows past the quota are lost. The request bodies are prepared beforehand (space names mapped to
# IDs, cells typed as the specs declare) so that only the sending is timed, and it is generous to the
# loop. Reports rows created (201), 429s, other statuses and the time, next to D's numbers.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-1000}"
python3 "$BENCH_DIR/gen-sheet.py" --rows "$ROWS" --seed 4 --prefix bh --out "$WORK/sheet.csv"
mkdir -p "$WORK/bodies"
python3 - "$WORK/sheet.csv" "$WORK/bodies" <<'PY'
import csv, json, sys
spaces = {"Finance": "6601c0a3e9b1f24d7a5c8e10", "Finance Archive": "6601c0a3e9b1f24d7a5c8e11",
          "Sales": "6601c0a3e9b1f24d7a5c8e12", "Marketing": "6601c0a3e9b1f24d7a5c8e13",
          "Griffin Ops": "6601c0a3e9b1f24d7a5c8e14", "Data Engineering": "6601c0a3e9b1f24d7a5c8e15"}
ints = {"port", "timeout"}; nums = {"queryTimeout"}; bools = {"SSL", "allowResponseHeaders"}
arrays = {"httpHeaders", "privateKeyFile"}
reserved = {"qName", "dataSourceId", "space", "spaceName", "tags"}
for n, row in enumerate(csv.DictReader(open(sys.argv[1], encoding="utf-8"))):
    props = {}
    for k, v in row.items():
        if k in reserved or k.startswith("#") or v == "":
            continue
        if k in ints: v = int(v)
        elif k in nums: v = float(v)
        elif k in bools: v = v.lower() in ("true", "yes", "1")
        elif k in arrays: v = json.loads(v)
        props[k] = v
    body = {"dataSourceId": row["dataSourceId"], "qName": row["qName"],
            "space": row["space"] or spaces[row["spaceName"]], "connectionProperties": props,
            "tags": row["tags"].split(";")}
    open("%s/%07d.json" % (sys.argv[2], n), "w").write(json.dumps(body))
PY
start_sandbox --quota 600
KEY="$(cat "$KEY_FILE")"
t0=$(date +%s%N)
for body in "$WORK"/bodies/*.json; do
  curl --silent --output /dev/null --write-out '%{http_code}\n' --location "$SANDBOX_URL/api/v1/data-connections" \
    --header "Content-Type: application/json" --header "Authorization: Bearer $KEY" --data @"$body" >>"$WORK/codes.txt" || echo 000 >>"$WORK/codes.txt"
done
t1=$(date +%s%N)
read -r total distinct dups < <(count_sandbox_connections bh-)
stop_sandbox
wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
created=$(grep -c '^201$' "$WORK/codes.txt" || true); throttled=$(grep -c '^429$' "$WORK/codes.txt" || true)
other=$(grep -vcE '^(201|429)$' "$WORK/codes.txt" || true)
echo "H curl-loop rows=$ROWS quota=600 wall_s=$wall created_201=$created throttled_429_lost=$throttled other=$other" \
     "in_tenant=$total statuses=$(sort "$WORK/codes.txt" | uniq -c | awk '{ printf "%s:%s ", $2, $1 }')"
