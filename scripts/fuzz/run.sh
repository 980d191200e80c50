#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer and AddressSanitizer.
#   bash scripts/fuzz/run.sh TARGET SECONDS      TARGET: pipeline | rules | docx | xml | pdf | hocr | http
# Seeds: Corpus documents and pages, ../shared/seeds, the shipped rule files, DOCX, PDF, hOCR, ALTO
# and HTTP requests made from Corpus texts, the PDF/hOCR/ALTO fixtures of Tests/QiyueScanTests. New
# inputs are kept in .build/fuzz/corpus-TARGET; a crash is written to .build/fuzz/crash-TARGET-*
# and the script exits non-zero (minimize it with -minimize_crash=1 and add it as a regression
# test). Swift 6.3's `-sanitize=fuzzer` alone leaves compiled modules without coverage counters
# (libFuzzer then sees only the C bridges), so the coverage kinds are named with -sanitize-coverage.
# FUZZ_SKIP_BUILD=1 uses the targets as built (smoke.sh builds them all at once);
# FUZZ_JOBS=N runs N processes (libFuzzer -fork), FUZZ_TIMEOUT the seconds per input.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?target: pipeline, rules, docx, xml, pdf, hocr or http}
seconds=${2:-60}
here=$(pwd); root=$(cd ../.. && pwd)
case $target in pipeline|rules|docx|xml|pdf|hocr|http) ;; *) echo "unknown target $target" >&2; exit 2 ;; esac
[ -n "${FUZZ_SKIP_BUILD:-}" ] || swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table --product "fuzz-$target" >&2
bin=$(swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table --show-bin-path)/fuzz-$target
work=$root/.build/fuzz; corpus=$work/corpus-$target; seeds=$work/seeds-$target
mkdir -p "$corpus" "$seeds"
fixtures=$root/Tests/QiyueScanTests/Fixtures
case $target in
  pipeline) cp "$root"/Corpus/documents/*.txt "$root"/Corpus/pages/*.txt "$seeds"/ 2>/dev/null || true
            [ -d "$root/../shared/seeds" ] && cp "$root"/../shared/seeds/*.txt "$seeds"/ 2>/dev/null || true ;;
  rules)    cp "$root"/Rules/risks/*.yaml "$seeds"/ ;;
  docx)     python3 "$here/make-docx-seeds.py" "$root/Corpus/documents" "$seeds" ;;
  xml)      python3 "$here/make-docx-seeds.py" --xml "$root/Corpus/documents" "$seeds" ;;
  pdf)      python3 "$here/make-pdf-seeds.py" "$root/Corpus/documents" "$seeds"
            cp "$fixtures"/*.pdf "$seeds"/ ;;
  hocr)     python3 "$here/make-ocr-seeds.py" "$root/Corpus/documents" "$seeds"
            cp "$fixtures"/*.hocr.html "$fixtures"/*.alto.xml "$seeds"/ ;;
  http)     python3 "$here/make-http-seeds.py" "$root/Corpus/documents" "$seeds" ;;
esac
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
fork=(); [ -n "${FUZZ_JOBS:-}" ] && fork=(-fork="$FUZZ_JOBS" -ignore_crashes=0)
set +e
"$bin" "$corpus" "$seeds" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=${FUZZ_TIMEOUT:-30} -max_len=262144 \
  "${fork[@]}" -artifact_prefix="$work/crash-$target-" -print_final_stats=1 2>&1 |
  # poppler's own complaints about damaged PDFs, one or more per input, are left out of the log.
  grep -av --line-buffered -E '^(Syntax (Error|Warning)|Internal Error|I/O Error|Command Line Error)' >"$work/log-$target.txt"
status=${PIPESTATUS[0]}
set -e
grep -E "^(#[0-9]+.*(DONE|pulse|NEW)|stat::|==[0-9]+==|SUMMARY|Done|INFO: fuzzed for)" "$work/log-$target.txt" | tail -15
exit "$status"
