#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and under UndefinedBehaviorSanitizer, each in its own
# build folder (a sanitized build shares nothing with the normal one). Not run by CI: each is a
# full rebuild of the package and its dependencies (see the README for when they last passed).
#   bash scripts/sanitize.sh [address|undefined|both]
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
run() {
  local s=$1
  echo "== swift test --sanitize=$s"
  ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    swift test --sanitize="$s" --scratch-path ".build-sanitize-$s" 2>&1 | tee "/tmp/qiyue-sanitize-$s.log" | grep -E "^(✔ Test run|✘|.*ERROR: AddressSanitizer|.*runtime error:)" | tail -20
  ! grep -Eq "ERROR: AddressSanitizer|runtime error:" "/tmp/qiyue-sanitize-$s.log"
}
case $which in
  address|undefined) run "$which" ;;
  both) run address; run undefined ;;
  *) echo "address, undefined or both" >&2; exit 2 ;;
esac
