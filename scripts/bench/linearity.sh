#!/usr/bin/env bash
# Linearity rows for the README: `qiyue bench` (extract and the ICU reference) on 4 MB and 32 MB of
# contract text, with its line breaks and with every line break removed (as OCR and scraped pages
# give it), analyzed in full as a contract (`--category other_contract`, so the classifier cannot
# pass the text over). Each row is the median of ROUNDS interleaved rounds of `qiyue bench --runs 3`.
# Linear time shows as the same MB/s at 4 and 32 MB; the ICU row beside each is the floor reference.
#   bash scripts/bench/linearity.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
swift build -c release --product qiyue >/dev/null
Q=.build/release/qiyue
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import glob, sys
out = sys.argv[1]
docs = []
for f in sorted(glob.glob('Corpus/documents/*.txt')):
    try: docs.append(open(f, encoding='utf-8').read())
    except UnicodeDecodeError: pass
blob = '\n'.join(docs)
for name, text in (('lines', blob), ('nolines', blob.replace('\n', ''))):
    for mb in (4, 32):
        n = mb << 20
        s = text
        while len(s.encode()) < n: s += text
        open(f'{out}/{name}{mb}.txt', 'w', encoding='utf-8').write(s.encode()[:n].decode('utf-8', 'ignore'))
PY
res=$(mktemp)
for r in $(seq "$ROUNDS"); do
  for f in lines4 lines32 nolines4 nolines32; do
    for stage in icu extract; do
      o=$($Q bench --stage "$stage" --runs 3 --max-bytes 40000000 --category other_contract "$work/$f.txt")
      mbs=$(sed -n 's/^throughput: \([0-9.]*\) MB\/s.*/\1/p' <<<"$o")
      rss=$(sed -n 's/^peak memory (max RSS): \([0-9]*\) MB.*/\1/p' <<<"$o")
      echo "$f|$stage|$mbs|$rss" >>"$res"
    done
  done
done
python3 - "$res" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list); rss = {}
for line in open(sys.argv[1]):
    f, stage, mbs, m = line.strip().split('|')
    rows[(f, stage)].append(float(mbs)); rss[(f, stage)] = m
print('| input | line breaks | icu MB/s | extract MB/s | extract / icu | extract peak RSS |')
print('|---|---|---|---|---|---|')
for f in ('lines4', 'lines32', 'nolines4', 'nolines32'):
    icu = statistics.median(rows[(f, 'icu')]); ex = statistics.median(rows[(f, 'extract')])
    size = '4 MB' if f.endswith('4') else '32 MB'
    print(f"| {size} | {'yes' if f.startswith('lines') else 'none'} | {icu:.2f} | {ex:.2f} | {ex/icu:.2f} | {rss[(f, 'extract')]} MB |")
PY
