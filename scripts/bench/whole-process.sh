#!/usr/bin/env bash
# Whole-process figures for the README, release build, interleaved ROUNDS times (default 5):
#  - `qiyue extract DIR > /dev/null` as a whole process (start-up, reading, JSON, writing) in MB/s of
#    the same UTF-8-equivalent bytes `qiyue bench` counts, beside `qiyue bench --stage icu DIR`;
#  - start-up: `qiyue extract` of a one-line file against `qiyue --version` (CPU seconds, median).
#   bash scripts/bench/whole-process.sh [DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${1:-Corpus/documents}; ROUNDS=${2:-5}
swift build -c release --product qiyue >/dev/null
Q=$(realpath .build/release/qiyue)
one=$(mktemp); echo "甲方：张三，乙方：李四，租金每月人民币3000元。" > "$one"; trap 'rm -f "$one"' EXIT
mb=$("$Q" bench --stage read --runs 1 "$DIR" | sed -n 's/.*input: \([0-9.]*\) MB.*/\1/p')
declare -a ex icu st ver
cpu() { /usr/bin/time -f "%e %U %S" -o /tmp/qiyue-wp.t "$@" > /dev/null 2>&1 || true; awk '{print $1, $2 + $3}' /tmp/qiyue-wp.t; }
for r in $(seq "$ROUNDS"); do
  ex+=("$(cpu "$Q" extract "$DIR" | cut -d' ' -f1)")
  icu+=("$("$Q" bench --stage icu --runs 3 "$DIR" | sed -n 's/^throughput: \([0-9.]*\) MB\/s.*/\1/p')")
  s=0; v=0
  for k in 1 2 3 4 5; do
    s=$(echo "$s + $(cpu "$Q" extract "$one" | cut -d' ' -f2)" | bc)
    v=$(echo "$v + $(cpu "$Q" --version | cut -d' ' -f2)" | bc)
  done
  st+=("$s"); ver+=("$v")
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
exw=$(printf '%s\n' "${ex[@]}" | median); icum=$(printf '%s\n' "${icu[@]}" | median)
stm=$(printf '%s\n' "${st[@]}" | median); vm=$(printf '%s\n' "${ver[@]}" | median)
exmbs=$(echo "scale=2; $mb / $exw" | bc)
echo "| measure ($DIR, $mb MB, median of $ROUNDS rounds) | value | reference in the same run | ratio |"
echo "|---|---|---|---|"
echo "| whole-process \`qiyue extract DIR\` | $exmbs MB/s ($exw s) | \`bench --stage icu\`: $icum MB/s | $(echo "scale=2; $exmbs / $icum" | bc)× |"
echo "| start-up: \`qiyue extract\` of one line, CPU s ×5 | $stm | \`qiyue --version\` ×5: $vm | $(echo "scale=1; $stm / $vm" | bc)× |"
