#!/usr/bin/env bash
# Runs qiyue over every Corpus document and page (qiyue batch, and the stream mode) and checks
# every line with python-jsonschema (installed in a virtual environment from PyPI).
set -euo pipefail
cd "$(dirname "$0")/../.."
qiyue=${QIYUE:-.build/debug/qiyue}
venv=${SCHEMA_VENV:-.build/venv-schema}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import jsonschema" 2>/dev/null || "$venv/bin/pip" install -q jsonschema
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Bad inputs too, so that error records are checked as well.
printf '' > "$out/empty.txt"
printf '\x00\x01\x02\x00\xff' > "$out/binary.txt"
"$qiyue" batch Corpus/documents Corpus/pages Corpus/blind/documents "$out/empty.txt" "$out/binary.txt" \
  -o "$out/batch.jsonl" --quiet || [ $? = 1 ]
python3 - "$out/stream.in" <<'PY'
import json, pathlib, sys
with open(sys.argv[1], "w") as f:
    for p in sorted(pathlib.Path("Corpus/documents").glob("*.txt"))[:20]:
        f.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
    f.write("not a record\n")
PY
"$qiyue" batch --stdin-jsonl --quiet < "$out/stream.in" > "$out/stream.jsonl"
"$qiyue" batch --stdin-jsonl --split --quiet < "$out/stream.in" > "$out/stream-split.jsonl"
"$venv/bin/python" scripts/ci/validate-schema.py "$out/batch.jsonl" "$out/stream.jsonl" "$out/stream-split.jsonl"
