#!/usr/bin/env bash
# Speed table for the README: every (input, stage) row is measured ROUNDS times, interleaved
# (so a slow spell of the machine hits all rows alike), each time as the median of 5 runs of
# `qiyue bench`; the table shows the median of those medians and their range.
#   bash scripts/bench/measure.sh [ROUNDS] [SEEDS_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
SEEDS=${2:-../shared/seeds}
[ -d "$SEEDS" ] || SEEDS=Corpus/pages
swift build -c release --product qiyue >/dev/null
Q=.build/release/qiyue
rows=(
  "seeds|icu|$SEEDS"
  "seeds|segment|$SEEDS"
  "seeds|entities|$SEEDS"
  "seeds|extract|$SEEDS"
  "Corpus + seeds|icu|Corpus $SEEDS"
  "Corpus + seeds|segment|Corpus $SEEDS"
  "Corpus + seeds|entities|Corpus $SEEDS"
  "Corpus + seeds|facts|Corpus $SEEDS"
  "Corpus + seeds|extract|Corpus $SEEDS"
)
out=$(mktemp)
for r in $(seq "$ROUNDS"); do
  for row in "${rows[@]}"; do
    IFS='|' read -r name stage paths <<<"$row"
    # shellcheck disable=SC2086
    res=$($Q bench --stage "$stage" --runs 5 $paths)
    mbs=$(sed -n 's/^throughput: \([0-9.]*\) MB\/s.*/\1/p' <<<"$res")
    docs=$(sed -n 's/^documents: \([0-9.]*\) docs\/s.*/\1/p' <<<"$res")
    rss=$(sed -n 's/^peak memory (max RSS): \([0-9]*\) MB.*/\1/p' <<<"$res")
    echo "$name|$stage|$mbs|$docs|$rss" >>"$out"
  done
done
# Memory with five times the input in one run.
res=$($Q bench --stage extract --runs 3 --repeat-inputs 5 Corpus "$SEEDS")
echo "Corpus + seeds, input repeated 5x|extract|$(sed -n 's/^throughput: \([0-9.]*\) MB\/s.*/\1/p' <<<"$res")|$(sed -n 's/^documents: \([0-9.]*\) docs\/s.*/\1/p' <<<"$res")|$(sed -n 's/^peak memory (max RSS): \([0-9]*\) MB.*/\1/p' <<<"$res")" >>"$out"
python3 - "$out" <<'PY'
import sys, statistics, collections
rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    name, stage, mbs, docs, rss = line.strip().split("|")
    rows.setdefault((name, stage), []).append((float(mbs), float(docs), int(rss)))
print("| input | stage | MB/s (median of rounds) | range | documents/s | peak RSS |")
print("|---|---|---|---|---|---|")
for (name, stage), v in rows.items():
    m = [x[0] for x in v]
    print(f"| {name} | {stage} | {statistics.median(m):.2f} | {min(m):.2f}–{max(m):.2f} | "
          f"{statistics.median(x[1] for x in v):.0f} | {max(x[2] for x in v)} MB |")
PY
rm -f "$out"
