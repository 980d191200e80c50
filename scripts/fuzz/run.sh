#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer and AddressSanitizer.
#   bash scripts/fuzz/run.sh TARGET SECONDS      TARGET: pipeline | rules | docx
# Seeds: Corpus documents and pages, ../shared/seeds, the shipped rule files, DOCX made from Corpus
# texts. New inputs are kept in .build/fuzz/corpus-TARGET; a crash is written to
# .build/fuzz/crash-TARGET-* and the script exits non-zero (minimize it with -minimize_crash=1 and
# add it as a regression test).
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?target: pipeline, rules or docx}
seconds=${2:-60}
here=$(pwd); root=$(cd ../.. && pwd)
swift build -c release --sanitize=fuzzer --sanitize=address --product "fuzz-$target" >&2
bin=$(swift build -c release --sanitize=fuzzer --sanitize=address --show-bin-path)/fuzz-$target
work=$root/.build/fuzz; corpus=$work/corpus-$target; seeds=$work/seeds-$target
mkdir -p "$corpus" "$seeds"
case $target in
  pipeline) cp "$root"/Corpus/documents/*.txt "$root"/Corpus/pages/*.txt "$seeds"/ 2>/dev/null || true
            [ -d "$root/../shared/seeds" ] && cp "$root"/../shared/seeds/*.txt "$seeds"/ 2>/dev/null || true ;;
  rules)    cp "$root"/Rules/risks/*.yaml "$seeds"/ ;;
  docx)     python3 "$here/make-docx-seeds.py" "$root/Corpus/documents" "$seeds" ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
"$bin" "$corpus" "$seeds" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=${FUZZ_TIMEOUT:-30} -max_len=262144 \
  -artifact_prefix="$work/crash-$target-" -print_final_stats=1 2>&1 | tee "$work/log-$target.txt" | grep -E "^(#[0-9]+.*(DONE|pulse|NEW)|stat::|==[0-9]+==|SUMMARY|Done)" | tail -15
