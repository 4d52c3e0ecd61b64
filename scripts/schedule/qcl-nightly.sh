#!/usr/bin/env bash
# qcl-nightly.sh SHEET [QCL OPTIONS ...]: one scheduled run of a sheet, for cron, systemd or a container.
#
# - Run label: QCL_RUN_LABEL, default "nightly". A label names a series of runs: after a run of the
#   series that failed or was killed, the next call over the same sheet continues it from its last
#   committed chunk; otherwise (the last run completed, or the sheet changed) it starts a new run,
#   which checks every row against the tenant again and exits with its own code.
# - Guard: flock -n on $QCL_HOME/qcl-nightly.lock, so that a slow run and the next schedule never
#   overlap on this machine; the second one exits 75 at once, sending nothing.
# - Exit code: qcl's own (0 done, 1 some rows INVALID or FAILED, 2 usage or configuration or more
#   deletions than the cap, 3 run FAILED or STOPPED: the next call continues it; diff: 4 the tenant
#   differs), or 75 when another run holds the lock.
#
# - Converge: the sheet is applied with --on-existing update --own "$QCL_OWN_SET" (default: the
#   label), so a connection edited in the hub is put back and a row's connection made by hand is
#   adopted (tagged qcl:SET); UPDATED rows in the report say what changed. QCL_PRUNE=1 adds --prune:
#   connections tagged qcl:SET that the sheet no longer names are deleted, at most QCL_MAX_DELETES
#   (default 20) a night; more stop the run before anything is sent (exit 2).
# - Alert only: QCL_NIGHTLY_MODE=diff runs `qcl diff` instead (reads only, takes no lock): exit 0
#   when the tenant equals the sheet, 4 when something would change (the plan is printed and in the
#   report), 1 when rows are INVALID.
#
# Needs QLIK_TENANT_URL (or --tenant URL) and QLIK_API_KEY (or --qcl.api-key-file=FILE); QCL_HOME
# defaults to the project's data folder. Extra arguments are passed to `qcl run` (or `qcl diff`),
# e.g. --spring.datasource.url=jdbc:postgresql://db:5432/qcl.
set -euo pipefail

project="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ $# -lt 1 ] || [ "${1#-}" != "$1" ]; then
  echo "usage: $(basename "$0") SHEET.csv [qcl run options ...]" >&2
  exit 2
fi
sheet="$1"
shift
label="${QCL_RUN_LABEL:-nightly}"
own_set="${QCL_OWN_SET:-$label}"
export QCL_HOME="${QCL_HOME:-$project/data}"
mkdir -p "$QCL_HOME"

owned=(--own "$own_set")
if [ "${QCL_PRUNE:-0}" = "1" ]; then
  owned+=(--prune --max-deletes "${QCL_MAX_DELETES:-20}")
fi
if [ "${QCL_NIGHTLY_MODE:-run}" = "diff" ]; then
  # a diff only reads: it may run while a run holds the lock
  exec "$project/scripts/qcl" diff --input "$sheet" "${owned[@]}" "$@"
fi

lock="$QCL_HOME/qcl-nightly.lock"
exec 9>>"$lock"
if ! flock -n 9; then
  echo "qcl-nightly: another run holds $lock; not starting this one" >&2
  exit 75
fi
# exec: qcl inherits the lock (descriptor 9) and its exit code is this script's
exec "$project/scripts/qcl" run --input "$sheet" --run-label "$label" --on-existing update "${owned[@]}" "$@"
