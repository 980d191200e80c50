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
  # Swift 6.3.1 on Linux refuses -sanitize=undefined ("unsupported option … for target
  # x86_64-unknown-linux-gnu", 2026-12-01): UBSan then covers the C bridges (ICU, libxml2, zlib,
  # poppler, Tesseract glue), compiled with clang's -fsanitize=undefined, over the same swift test.
  if [ "$s" = undefined ] && [ "$(uname)" = Linux ] && ! swiftc -sanitize=undefined -typecheck - </dev/null >/dev/null 2>&1; then
    echo "== swift test with UBSan over the C targets (this toolchain has no -sanitize=undefined for Swift on Linux)"
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      swift test --scratch-path .build-sanitize-undefined -Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined \
      -Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined 2>&1 | tee /tmp/qiyue-sanitize-undefined.log | grep -E "^(✔ Test run|✘|.*runtime error:)" | tail -20
    ! grep -Eq "runtime error:" /tmp/qiyue-sanitize-undefined.log
    return
  fi
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
