#!/usr/bin/env bash
# O. validate of a 100,000-row workbook with -Xmx256m next to the same rows as CSV (issue 19: wall within
# 2x the CSV's), then memory flat in the rows: the workbook at 100,000 and 400,000 rows, with the text in
# the cells (inline strings) and in the shared strings as Excel saves it (those are held while reading).
# Memory: the largest heap in use right after a collection (-Xlog:gc), and peak RSS.
# Options: ROWS (100000), BIG (400000), ROUNDS (2), extra qcl options as arguments.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${ROWS:-100000}"
BIG="${BIG:-400000}"
ROUNDS="${ROUNDS:-2}"
gen() { python3 "$BENCH_DIR/gen-sheet.py" --rows "$1" --invalid-fraction 0.05 --seed 1 --out "$2" "${@:3}"; }
gen "$ROWS" "$WORK/sheet.csv"
gen "$ROWS" "$WORK/sheet.xlsx" --xlsx
gen "$ROWS" "$WORK/inline.xlsx" --xlsx --inline-strings
gen "$BIG" "$WORK/big.xlsx" --xlsx
gen "$BIG" "$WORK/big.csv"
gen "$BIG" "$WORK/big-inline.xlsx" --xlsx --inline-strings
start_sandbox

# largest heap in use after a collection, in MB, from the -Xlog:gc file of the last run
heap_after() {
  sed -n 's/.*[0-9]M->\([0-9]*\)M([0-9]*M).*/\1/p' "$WORK/gc.log" | sort -n | tail -1
}

measure() { # name file: one validate with -Xmx256m; prints one line
  local name="$1" file="$2"; shift 2
  rm -f "$WORK/gc.log"
  JAVA_OPTS="-Xmx256m -Xlog:gc:file=$WORK/gc.log" run_qcl "$name" validate --input "$file" "$@"
  echo "O $name rows=$(json rows) wall_s=$WALL_S job_ms=$(json durationMs) cpu_s=$(cpu_s) peak_rss_mb=$PEAK_RSS_MB" \
       "heap_after_gc_max_mb=$(heap_after) CREATE=$(json counts.CREATE) INVALID=$(json counts.INVALID) exit=$QCL_RC" \
       "load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
}

csv_total=0; xlsx_total=0
for round in $(seq 1 "$ROUNDS"); do
  measure "csv-$round" "$WORK/sheet.csv" "$@"; csv_total=$(awk -v a="$csv_total" -v b="$WALL_S" 'BEGIN { print a + b }')
  measure "xlsx-$round" "$WORK/sheet.xlsx" "$@"; xlsx_total=$(awk -v a="$xlsx_total" -v b="$WALL_S" 'BEGIN { print a + b }')
done
# the job itself holds a key per valid row (duplicates): the CSV at BIG rows is the baseline
measure "csv-$BIG" "$WORK/big.csv" "$@"
measure "xlsx-inline-$ROWS" "$WORK/inline.xlsx" "$@"
measure "xlsx-inline-$BIG" "$WORK/big-inline.xlsx" "$@"
measure "xlsx-shared-$BIG" "$WORK/big.xlsx" "$@"
stop_sandbox
ratio=$(awk -v x="$xlsx_total" -v c="$csv_total" 'BEGIN { printf "%.2f", x / c }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 2 ? "PASS" : "FAIL") }')
echo "O workbook/csv wall ratio=$ratio over $ROUNDS rounds target<=2 $verdict"
