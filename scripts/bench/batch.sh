#!/usr/bin/env bash
# Batch figures for the README (release build): over N generated contract documents (default
# 10,000), `qiyue batch --jobs 1` vs `--jobs J` (default: the core count), wall time and peak RSS
# by /usr/bin/time, interleaved ROUNDS times (default 3), with `qiyue bench --stage icu` over
# the same files in the same run as the reference; then peak RSS at 10× the documents.
#   bash scripts/bench/batch.sh [N] [ROUNDS] [J]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10000}; ROUNDS=${2:-3}; J=${3:-$(nproc)}
swift build -c release --product qiyue >/dev/null
Q=$(realpath .build/release/qiyue)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 scripts/bench/gen-docs.py "$N" "$work/docs" >&2
mb=$(echo "scale=2; $(du -sb --apparent-size "$work/docs" | cut -f1) / 1000000" | bc)
run() { # jobs → "wall_s rss_kb"
  /usr/bin/time -f "%e %M" -o "$work/t" "$Q" batch "$work/docs" -o "$work/out.jsonl" --overwrite --quiet --jobs "$1" || true
  cat "$work/t"
}
declare -a one two icu
for r in $(seq "$ROUNDS"); do
  one+=("$(run 1)"); two+=("$(run "$J")")
  icu+=("$("$Q" bench --stage icu --runs 3 "$work/docs" | sed -n 's/^throughput: \([0-9.]*\) MB\/s.*/\1/p')")
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
w1=$(printf '%s\n' "${one[@]}" | cut -d' ' -f1 | median); w2=$(printf '%s\n' "${two[@]}" | cut -d' ' -f1 | median)
m1=$(printf '%s\n' "${one[@]}" | cut -d' ' -f2 | median); m2=$(printf '%s\n' "${two[@]}" | cut -d' ' -f2 | median)
icu_mbs=$(printf '%s\n' "${icu[@]}" | median)
echo "| documents | MB | jobs | wall s (median of $ROUNDS) | MB/s | ÷ icu | peak RSS MB |"
echo "|---|---|---|---|---|---|---|"
for row in "1 $w1 $m1" "$J $w2 $m2"; do
  read -r j w m <<<"$row"
  echo "| $N | $mb | $j | $w | $(echo "scale=2; $mb / $w" | bc) | $(echo "scale=2; $mb / $w / $icu_mbs" | bc) | $((m / 1024)) |"
done
echo "| $N | $mb | icu reference (bench --stage icu, one core) | | $icu_mbs | 1.00 | |"
echo "speed-up --jobs $J over --jobs 1: $(echo "scale=2; $w1 / $w2" | bc)×"
if [ "${BIG:-1}" = 1 ]; then
  rm -rf "$work/docs"
  python3 scripts/bench/gen-docs.py "$((N * 10))" "$work/docs" >&2
  /usr/bin/time -f "%e %M" -o "$work/t" "$Q" batch "$work/docs" -o "$work/out.jsonl" --overwrite --quiet --jobs "$J" || true
  read -r wb mbig < "$work/t"
  echo "peak RSS at $((N * 10)) documents: $((mbig / 1024)) MB vs $((m2 / 1024)) MB at $N ($(echo "scale=2; $mbig / $m2" | bc)×), $wb s"
fi
