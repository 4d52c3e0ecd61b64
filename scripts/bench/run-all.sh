#!/usr/bin/env bash
# Runs every benchmark in turn (about 30 minutes on 2 cores) and prints their result lines.
# The machine facts go first so that a pasted result carries its context.
set -uo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
echo "# $(date -u +%FT%TZ) nproc=$(nproc) mem=$(free -g | awk '/Mem:/ { print $2 "G" }') $(java -version 2>&1 | head -1)"
for bench in a-validate-100k b-dryrun-1m-xmx256m c-startup d-quota-bound e-rate-too-high f-latency-bound g-faults h-curl-loop \
    i-window-burst j-window-1000 k-strict-tenant l-faults-window m-other-client n-export-2000 o-workbook-validate \
    p-tenants q-bursty-client; do
  "$dir/$bench.sh" || echo "$bench: exit $?"
done
