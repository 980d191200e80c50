#!/usr/bin/env bash
# CI's fuzzing smoke: builds every fuzz target (libFuzzer + ASan, release) and runs each for
# $FUZZ_SMOKE_SECONDS (10) seconds from its seeds; exits non-zero when any target crashes (or
# fails to build). About a minute of fuzzing in all, on top of the build.
#   bash scripts/fuzz/smoke.sh
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SMOKE_SECONDS:-10}
t0=$(date +%s)
swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table
t1=$(date +%s)
echo "fuzz smoke: targets built in $((t1 - t0)) s"
status=0
mkdir -p ../../.build/fuzz
for target in pipeline rules docx xml pdf hocr http; do
  if FUZZ_SKIP_BUILD=1 bash run.sh "$target" "$seconds" >"../../.build/fuzz-smoke-$target.txt" 2>&1; then
    echo "fuzz smoke: $target ok, $(grep -Eo 'stat::number_of_executed_units: [0-9]+' "../../.build/fuzz/log-$target.txt" | grep -Eo '[0-9]+$') executions in $seconds s"
  else
    echo "fuzz smoke: $target FAILED (log: .build/fuzz/log-$target.txt)"; tail -30 "../../.build/fuzz/log-$target.txt"; status=1
  fi
done
echo "fuzz smoke: $(( $(date +%s) - t0 )) s in all"
exit "$status"
