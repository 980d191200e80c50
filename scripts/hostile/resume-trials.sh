#!/usr/bin/env bash
# Crash-resume trials: a batch run over N generated documents (default 10,000) is killed with
# SIGKILL at a random moment, then resumed with --resume, until TRIALS kills (default 20) have landed
# mid-run (a resumed run that finishes before its kill is checked, and a new round starts from an
# empty output); finally the run is completed and the results checked: every line valid JSON, no
# duplicate, none missing (compared with an uninterrupted run). Prints one line per trial and the
# verdict.
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
# check FILE: every line whole JSON, each input once, none missing (against the uninterrupted run).
check() {
python3 - "$work/full.jsonl" "$1" <<'PY'
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
}
total=$(wc -l < "$work/full.jsonl")
# The fixed cost of a run (start-up, reading the rules, the resume scan): a resume with nothing left.
cp "$work/full.jsonl" "$work/fixed.jsonl"
t0=$(date +%s.%N); "$Q" batch "$work/docs" -o "$work/fixed.jsonl" --resume --quiet 2>/dev/null || true
fixed_s=$(echo "$(date +%s.%N) - $t0" | bc)
lines() { { wc -l < "$1"; } 2>/dev/null || echo 0; }
wrote=0
# A trial counts only when its kill lands while the run is still going; when the resumed run had
# already finished (the kill came too late), that output is checked, a new round starts from an
# empty output, and the trial is tried again (at most 3 × TRIALS attempts).
kills=0; rounds=1; attempts=0
while [ "$kills" -lt "$TRIALS" ] && [ "$attempts" -lt $((3 * TRIALS)) ]; do
  attempts=$((attempts + 1))
  done_lines=$(lines "$work/r.jsonl")
  "$Q" batch "$work/docs" -o "$work/r.jsonl" --resume --quiet 2>/dev/null &
  pid=$!
  # The moment of the kill: in one trial of five a random time within the run's fixed cost
  # (start-up, the resume scan); otherwise once the output reaches a random count of records
  # between what it held and the end, polled every 20 ms, plus up to 20 ms (between two writes).
  # By progress, not by time, so the kills land mid-run however loaded the machine is.
  if python3 -c "import random, sys; sys.exit(0 if random.random() < 0.2 else 1)"; then
    delay=$(python3 -c "import random; print(round(random.uniform(0.02, max(0.05, $fixed_s)), 3))")
    how="after ${delay}s"
    sleep "$delay"
  else
    target=$(python3 -c "import random; d, t = $done_lines, $total; print(random.randint(min(d + 1, t - 1), t - 1))")
    how="at ≥ $target records"
    while kill -0 "$pid" 2>/dev/null && [ "$(lines "$work/r.jsonl")" -lt "$target" ]; do sleep 0.02; done
    sleep "$(python3 -c "import random; print(round(random.uniform(0, 0.02), 3))")"
  fi
  kill -9 "$pid" 2>/dev/null || true
  # Killed only if SIGKILL ended it (137); a run that had already finished exits 0 or 1 even
  # when the kill reached its zombie.
  st=0; wait "$pid" 2>/dev/null || st=$?
  if [ "$st" = 137 ]; then killed=yes; kills=$((kills + 1)); else killed=no; fi
  after=$(lines "$work/r.jsonl")
  [ "$killed" = yes ] && [ "$after" -gt "$done_lines" ] && wrote=$((wrote + 1))
  echo "trial $attempts (round $rounds): kill $how ($killed), $done_lines → $after lines"
  if [ "$killed" = no ]; then
    out=$(check "$work/r.jsonl") || { echo "FAIL round $rounds: $out"; exit 1; }
    echo "round $rounds finished before its kill: $out"
    rm -f "$work/r.jsonl"; rounds=$((rounds + 1))
  fi
done
"$Q" batch "$work/docs" -o "$work/r.jsonl" --resume --quiet || true
check "$work/r.jsonl"
echo "kill -9 trials: $kills that landed mid-run ($wrote of them after the run had written new records; of $attempts attempts, $rounds round(s), each round's output checked); full run ${full_s}s, fixed cost ${fixed_s}s"
[ "$kills" -ge "$TRIALS" ] || { echo "FAIL: only $kills of $TRIALS kills landed mid-run"; exit 1; }
echo "verdict: every input exactly once after $kills kill -9 + --resume trials"
