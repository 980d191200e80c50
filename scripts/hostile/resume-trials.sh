#!/usr/bin/env bash
# Crash-resume trials: a batch run over N generated documents (default 10,000) is killed with
# SIGKILL at a random moment, then resumed with --resume, TRIALS times (default 20); finally the
# run is completed and the results checked: every line valid JSON, no duplicate, none missing
# (compared with an uninterrupted run). Prints one line per trial and the verdict.
#   bash scripts/hostile/resume-trials.sh [N] [TRIALS]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10000}; TRIALS=${2:-20}
swift build -c release --product qiyue >/dev/null
Q=$(realpath .build/release/qiyue)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 scripts/bench/gen-docs.py "$N" "$work/docs" >&2
# Some bad inputs, so that error records are resumed too.
printf '' > "$work/docs/zz-empty.txt"; printf '\x00\x01\x02\xff' > "$work/docs/zz-binary.txt"
"$Q" batch "$work/docs" -o "$work/full.jsonl" --quiet || true
t0=$(date +%s.%N); "$Q" batch "$work/docs" -o "$work/timing.jsonl" --quiet || true
full_s=$(echo "$(date +%s.%N) - $t0" | bc)
for t in $(seq "$TRIALS"); do
  "$Q" batch "$work/docs" -o "$work/r.jsonl" --resume --quiet 2>/dev/null &
  pid=$!
  # Spread over the run: each trial gets about 2/TRIALS of the whole run before its kill.
  delay=$(python3 -c "import random; print(round(random.uniform(0.05, max(0.1, 2 * $full_s / $TRIALS)), 3))")
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null && killed=yes || killed=no
  wait "$pid" 2>/dev/null || true
  echo "trial $t: killed after ${delay}s ($killed), $(wc -l < "$work/r.jsonl" 2>/dev/null || echo 0) lines"
done
"$Q" batch "$work/docs" -o "$work/r.jsonl" --resume --quiet || true
python3 - "$work/full.jsonl" "$work/r.jsonl" <<'PY'
import json, sys
def keys(p):
    out = []
    for n, line in enumerate(open(p, encoding="utf-8"), 1):
        d = json.loads(line)            # every line must be whole JSON
        s = d["source"]
        out.append((s["path"], s.get("part")))
    return out
a, b = keys(sys.argv[1]), keys(sys.argv[2])
dups = len(b) - len(set(b))
missing = set(a) - set(b); extra = set(b) - set(a)
print(f"records: {len(a)} expected, {len(b)} after the trials; duplicates {dups}, missing {len(missing)}, unexpected {len(extra)}")
sys.exit(0 if dups == 0 and not missing and not extra else 1)
PY
echo "verdict: every input exactly once after $TRIALS kill -9 + --resume trials"
