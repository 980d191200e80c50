#!/usr/bin/env bash
# Hostile-input suite: each case runs qiyue on an input made to break it and asserts a result or a
# coded error (the expected Q-code on stderr, or exit 0), within a time and a memory bound, never a
# crash (signal), a hang or unbounded memory. Prints one line per case and a summary; exit 1 if any
# case fails. Some cases need root (a tmpfs for the full disk, another user for unreadable files);
# without it they are reported as skipped.
#   bash scripts/hostile/run.sh [QIYUE_BINARY]
set -uo pipefail
cd "$(dirname "$0")/../.."
Q=$(realpath "${1:-.build/release/qiyue}")
[ -x "$Q" ] || { echo "build first: swift build -c release" >&2; exit 2; }
W=$(mktemp -d); trap 'umount "$W/full" 2>/dev/null; rm -rf "$W"' EXIT
pass=0; fail=0; skip=0

# check NAME EXPECT MAX_SECONDS MAX_MB -- COMMAND…   (EXPECT: ok | Qnnn | any-code)
check() {
  local name=$1 expect=$2 secs=$3 mb=$4; shift 5
  local t0 t1 status rss
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$W/rss" timeout -s KILL "$secs" "$@" > "$W/out" 2> "$W/err"
  status=$?
  t1=$(date +%s.%N)
  rss=$(( $(tail -1 "$W/rss" 2>/dev/null | grep -Eo '^[0-9]+$' || echo 0) / 1024 ))
  local took; took=$(printf '%.2f' "$(echo "$t1 - $t0" | bc)")
  local verdict=ok why=""
  if [ "$status" -ge 128 ] || [ "$status" = 124 ] || [ "$status" = 137 ]; then verdict=FAIL; why="killed or crashed (status $status)"
  elif [ "$rss" -gt "$mb" ]; then verdict=FAIL; why="peak RSS $rss MB over $mb MB"
  elif [ "$expect" = ok ] && [ "$status" != 0 ]; then verdict=FAIL; why="status $status: $(head -c 200 "$W/err")"
  elif [ "$expect" = any-code ] && ! grep -Eq 'Q[0-9]{3}' "$W/err" "$W/out"; then verdict=FAIL; why="no error code: $(head -c 200 "$W/err")"
  elif [[ "$expect" == Q* ]] && ! grep -q "$expect" "$W/err" "$W/out"; then verdict=FAIL; why="expected $expect: $(head -c 200 "$W/err")"
  fi
  if [ "$verdict" = ok ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
  printf '%-4s %-44s %-8s %6ss %5s MB  %s\n' "$verdict" "$name" "$expect" "$took" "$rss" "$why"
}
skipped() { skip=$((skip + 1)); printf '%-4s %-44s %s\n' SKIP "$1" "$2"; }

contract=Corpus/documents/gen-a-09.txt
# Encodings: truncated UTF-8, UTF-16 with an odd byte, mixed GB18030 + UTF-8, NULs inside text.
head -c 1001 "$contract" > "$W/truncated.txt"
check "truncated UTF-8 sequence at the end" any-code 20 300 -- "$Q" extract "$W/truncated.txt"
python3 -c "import sys; sys.stdout.buffer.write('甲方：张三'.encode('utf-16-le')[:-1] + b'\x00' * 3)" > "$W/odd16.txt"
check "UTF-16 with a truncated code unit" any-code 20 300 -- "$Q" extract "$W/odd16.txt"
{ cat "$contract"; python3 -c "import sys; sys.stdout.buffer.write('违约金'.encode('gb18030'))"; } > "$W/mixed.txt"
check "UTF-8 then GB18030 bytes" any-code 20 300 -- "$Q" extract "$W/mixed.txt"
python3 -c "import sys; sys.stdout.buffer.write(open('$contract','rb').read().replace(b'\n', b'\n\x00', 20))" > "$W/nuls.txt"
check "NUL bytes inside a contract" any-code 20 300 -- "$Q" extract "$W/nuls.txt"
# Size: 100 MB of contract text with the limit raised (and refused at the default).
python3 -c "
t=open('$contract',encoding='utf-8').read()
with open('$W/big.txt','w',encoding='utf-8') as f:
    n=0
    while n < 100_000_000: f.write(t); n += len(t.encode())"
check "100 MB file at the default --max-bytes" Q104 20 300 -- "$Q" extract "$W/big.txt"
check "100 MB file, limit raised (Q600 budget)" ok 900 4000 -- "$Q" extract --max-bytes 200000000 "$W/big.txt"
# Many tiny files.
mkdir -p "$W/tiny"; python3 -c "
import os
for i in range(100000): open(f'$W/tiny/{i:06d}.txt','w').write('甲方：张%d\n' % i)"
check "100,000 tiny files (batch)" ok 900 600 -- "$Q" batch "$W/tiny" -o "$W/tiny.jsonl" --quiet
# Markup: deep nesting, XXE, billion laughs.
python3 -c "print('<div>'*200000 + '甲方：张三' + '</div>'*200000)" > "$W/deep.html"
check "HTML nested 200,000 deep" ok 60 800 -- "$Q" extract "$W/deep.html"
python3 -c "print('<a>'*100000 + 'x' + '</a>'*100000)" > "$W/deep.xml"
check "XML nested 100,000 deep" any-code 60 800 -- "$Q" extract --input-format xml "$W/deep.xml"
printf '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;甲方</r>' > "$W/xxe.xml"
check "XXE entity (never resolved)" ok 20 300 -- "$Q" text --input-format xml "$W/xxe.xml"
if grep -q "root:" "$W/out"; then fail=$((fail + 1)); echo "FAIL XXE: /etc/passwd reached the output"; fi
python3 - "$W/laughs.xml" <<'PY'
import sys
d = ['<!ENTITY l0 "ha">'] + [f'<!ENTITY l{i} "' + f'&l{i-1};' * 10 + '">' for i in range(1, 10)]
open(sys.argv[1], 'w').write('<?xml version="1.0"?><!DOCTYPE r [' + ''.join(d) + ']><r>&l9;</r>')
PY
check "billion laughs" any-code 20 300 -- "$Q" extract --input-format xml "$W/laughs.xml"
# Zip bombs: one huge entry, many entries, a corrupt archive.
python3 - "$W" <<'PY'
import sys, zipfile
w = sys.argv[1]
with zipfile.ZipFile(f"{w}/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", "<w:document>" + " " * 400_000_000 + "</w:document>")
with zipfile.ZipFile(f"{w}/many.docx", "w", zipfile.ZIP_STORED) as z:
    for i in range(20000): z.writestr(f"x/{i}.xml", "")
data = open(f"{w}/bomb.docx", "rb").read()
open(f"{w}/corrupt.docx", "wb").write(data[:len(data)//2])
PY
check "zip bomb (400 MB in one entry)" Q111 60 600 -- "$Q" extract "$W/bomb.docx"
check "zip with 20,000 entries" Q111 60 600 -- "$Q" extract "$W/many.docx"
check "truncated zip archive" any-code 30 300 -- "$Q" extract "$W/corrupt.docx"
# Corrupt PDFs and images (scripts/hostile/make-corrupt-scans.py; the fast ones are also in swift test).
if "$Q" extract Tests/QiyueScanTests/Fixtures/text.pdf >/dev/null 2>&1; then
  mkdir -p "$W/scans"; python3 scripts/hostile/make-corrupt-scans.py Tests/QiyueScanTests/Fixtures "$W/scans"
  S=$W/scans
  check "zero-size PDF" Q102 10 300 -- "$Q" extract "$S/zero.pdf"
  check "PDF truncated to half" Q120 20 300 -- "$Q" extract "$S/truncated.pdf"
  check "PDF header and nothing else" Q120 20 300 -- "$Q" extract "$S/header-only.pdf"
  check "garbage cross-reference table (rebuilt)" ok 30 300 -- "$Q" extract "$S/garbage-xref.pdf"
  grep -q '"totalPrice":1850000' "$W/out" || { fail=$((fail + 1)); echo "FAIL garbage xref: the total price was not read"; }
  check "page tree that contains itself" Q120 20 300 -- "$Q" extract "$S/page-tree-cycle.pdf"
  check "600 pages (over --max-pages 500)" Q122 30 300 -- "$Q" extract "$S/600-pages.pdf"
  check "14,400-pt page, no text (60,000² px)" Q124 20 300 -- "$Q" extract "$S/huge-page.pdf"
  check "content stream inflating to 256 MiB" Q129 90 800 -- "$Q" extract "$S/flate-bomb.pdf"
  check "zero-size PNG" Q102 10 300 -- "$Q" extract "$S/zero.png"
  check "PNG truncated to a third" Q123 30 400 -- "$Q" extract "$S/truncated.png"
  check "PNG signature, then garbage" Q123 20 300 -- "$Q" extract "$S/garbage.png"
  check "PNG header of 100,000² px" Q124 10 300 -- "$Q" extract "$S/huge.png"
  check "TIFF header of 100,000² px" Q124 10 300 -- "$Q" extract "$S/huge.tiff"
  check "JPEG headers of 65,000² px" Q124 10 300 -- "$Q" extract "$S/huge.jpg"
  check "GIF header of 65,535² px" Q124 10 300 -- "$Q" extract "$S/huge.gif"
  check "BMP header of 10,000 × 5,000 px" Q124 10 300 -- "$Q" extract "$S/huge.bmp"
  # A 98 KB GIF of 12,000² pixels (LZW): refused from its header, not after decoding it.
  if python3 scripts/hostile/make-gif-bomb.py "$S/bomb.gif" 2>/dev/null; then
    check "GIF LZW bomb (98 KB, 12,000² px)" Q124 5 150 -- "$Q" extract "$S/bomb.gif"
  else
    skipped "GIF LZW bomb" "needs liblept.so (Leptonica) to write it"
  fi
else
  skipped "corrupt PDFs and images" "qiyue built without the Scan trait"
fi
# Rules: catastrophic regex in a user rule, YAML alias bomb.
cat > "$W/catastrophic.yaml" <<'YAML'
id: catastrophic
severity: low
title: 灾难性回溯
message: 用户规则中的灾难性回溯正则表达式
basis: [测试]
categories: [all]
when:
  text: '(a+)+$'
  within: document
examples:
  fire:
    - text: aaa
    - text: aaaa
  ok:
    - text: bbb
    - text: aab
YAML
python3 -c "print('a'*50000 + '!')" > "$W/aaaa.txt"
check "catastrophic user regex (a+)+\$ on 50,000 a's" Q202 60 400 -- "$Q" extract --category lease --rules "$W/catastrophic.yaml" "$W/aaaa.txt"
python3 - "$W/bomb.yaml" <<'PY'
import sys
lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]'] + [f'a{i}: &a{i} [' + ','.join([f'*a{i-1}'] * 9) + ']' for i in range(1, 10)]
open(sys.argv[1], 'w').write('\n'.join(lines) + '\nid: bomb\n')
PY
check "YAML alias bomb as a rule file" Q201 20 300 -- "$Q" extract --rules "$W/bomb.yaml" "$contract"
# Values: huge numbers, impossible dates.
printf '借款合同\n甲方：张三\n借款金额人民币%s元。\n' "$(python3 -c "print('9'*5000)")" > "$W/huge.txt"
check "a 5,000-digit amount" ok 30 400 -- "$Q" extract --category loan "$W/huge.txt"
printf '借款合同\n甲方：张三\n于2025年2月30日、2025年13月45日、0000年0月0日前还款。\n' > "$W/dates.txt"
check "impossible dates" ok 20 300 -- "$Q" extract --category loan "$W/dates.txt"
# 1 MB of one short label per line: the cell-per-line table reader must stay linear.
python3 -c 'import sys; sys.stdout.write("租赁合同\n" + "甲方\n乙方\n期次\n" * 90000)' > "$W/cells.txt"
check "1 MB of one-word lines (table reader)" ok 30 400 -- "$Q" extract --max-bytes 4000000 "$W/cells.txt"
# Special files.
mkfifo "$W/fifo"
check "a FIFO (never opened for reading)" Q100 10 300 -- "$Q" extract "$W/fifo"
check "a character device" Q100 10 300 -- "$Q" extract /dev/zero
mkdir -p "$W/nothing"
check "an empty directory" ok 10 300 -- "$Q" extract "$W/nothing" -o "$W/none.jsonl"
# Permissions: unreadable file and directory, read by another user.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1 && command -v runuser >/dev/null; then
  mkdir -p "$W/perm/closed"; cp "$contract" "$W/perm/secret.txt"; cp "$contract" "$W/perm/closed/x.txt"
  chmod 600 "$W/perm/secret.txt"; chmod 700 "$W/perm/closed"; chmod 755 "$W" "$W/perm"
  chmod o+rx "$(dirname "$Q")" 2>/dev/null || true
  check "unreadable file (as nobody)" Q100 20 300 -- runuser -u nobody -- "$Q" extract --rules-dir "$(pwd)/Rules" "$W/perm/secret.txt"
  check "unreadable directory (as nobody)" Q100 20 300 -- runuser -u nobody -- "$Q" extract --rules-dir "$(pwd)/Rules" "$W/perm/closed"
else
  skipped "unreadable file and directory" "needs root and the nobody user"
fi
# Full disk for the output: a 1 MB tmpfs.
if [ "$(id -u)" = 0 ] && mkdir -p "$W/full" && mount -t tmpfs -o size=1m tmpfs "$W/full" 2>/dev/null; then
  check "full disk under extract -o" Q500 60 400 -- "$Q" extract Corpus/documents --include-text -o "$W/full/out.jsonl"
  test ! -e "$W/full/out.jsonl" || { fail=$((fail + 1)); echo "FAIL extract left a partial output file"; }
  check "full disk under batch -o (then --resume)" Q500 60 400 -- "$Q" batch Corpus/documents --include-text -o "$W/full/b.jsonl" --quiet
  umount "$W/full"
else
  skipped "full disk" "needs root to mount a small tmpfs"
fi
printf '\nhostile inputs: %d passed, %d failed, %d skipped (qiyue %s)\n' "$pass" "$fail" "$skip" "$("$Q" --version)"
[ "$fail" = 0 ]
