#!/usr/bin/env bash
# Scores real Tesseract output against the gold: renders Corpus contracts as scanned PDFs (cairo,
# fonts-noto-cjk, 200 dpi, image only), reads them with `qiyue text` (OCR through Tesseract's C
# API), and runs `qiyue eval --ocr-texts` on those documents: facts F1 on the clean text and on the
# OCR text (repaired as qiyue extract repairs it). Then times OCR: qiyue (bench --stage read on the
# page images) beside Tesseract's own CLI on the same images. Too slow for swift test (about 1 s a page).
#   scripts/ocr-score.sh                 # 8 contracts
#   scripts/ocr-score.sh gen-a-01 gen-b-05 …
#   OCR_SPEED=0 scripts/ocr-score.sh …   # scores only
set -euo pipefail
cd "$(dirname "$0")/.."
qiyue=${QIYUE:-.build/debug/qiyue}
[ -x "$qiyue" ] || swift build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ids=("$@")
if [ ${#ids[@]} -eq 0 ]; then ids=(gen-a-01 gen-a-04 gen-a-11 gen-a-14 gen-b-02 gen-b-05 gen-b-10 gen-b-16); fi
cc -O2 -o "$work/render" scripts/fixtures/render.c $(pkg-config --cflags --libs cairo lept)
mkdir -p "$work/corpus/documents" "$work/ocr" "$work/pages"
pages=0
for id in "${ids[@]}"; do
  cp "Corpus/documents/$id.txt" "Corpus/documents/$id.gold.json" "$work/corpus/documents/"
  "$work/render" --text "Corpus/documents/$id.txt" "$work/$id.pdf"
  "$qiyue" text "$work/$id.pdf" -o "$work/ocr/$id.txt"
  pdftoppm -r 200 -gray -png "$work/$id.pdf" "$work/pages/$id"
  pages=$((pages + $(pdfinfo "$work/$id.pdf" | awk '/^Pages:/ {print $2}')))
done
echo "== facts: clean text vs OCR of its scan (${#ids[@]} contracts, $pages pages)"
"$qiyue" eval "$work/corpus" --ocr-texts "$work/ocr"
[ "${OCR_SPEED:-1}" = 0 ] && exit 0
echo
echo "== OCR speed on the same $pages page images (chi_sim+chi_tra)"
"$qiyue" bench --stage read --runs 1 "$work/pages" | grep -E "documents|throughput"
start=$(date +%s.%N)
for f in "$work"/pages/*.png; do tesseract "$f" - -l chi_sim+chi_tra >/dev/null 2>&1; done
end=$(date +%s.%N)
awk -v n="$pages" -v s="$start" -v e="$end" 'BEGIN { printf "tesseract CLI: %.2f pages/s (%.1f s for %d pages)\n", n / (e - s), e - s, n }'
