#!/usr/bin/env bash
# Writes input-samples/connections.xlsx anew from input-samples/connections.csv (dev.qcl.SampleWorkbook, a
# test-scope main: it uses the tests' workbook writer). Run it after changing the CSV; SampleWorkbookTests
# fails while the two differ.
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$project"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/sample-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/sample-classpath.txt)" dev.qcl.SampleWorkbook "$project"
