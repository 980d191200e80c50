#!/usr/bin/env bash
# Runs qiyue as a stage of a real Spark job (pyspark from PyPI, local mode) and checks that its
# results equal `qiyue batch` on the same inputs.
#
#   scripts/spark/run.sh [DOCUMENTS] [PARTITIONS]      (defaults: 2000 documents, 4 partitions)
#
# Needs Java 17+ (Debian: openjdk-17-jre-headless) and network access to PyPI the first time.
# The stage is `rdd.pipe("qiyue batch --stdin-jsonl --quiet")`: every partition streams
# {"id", "text"} lines through one qiyue process and reads one result line per record back.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-2000}
parts=${2:-4}
qiyue=$(realpath "${QIYUE:-.build/release/qiyue}")
[ -x "$qiyue" ] || { echo "build first: swift build -c release" >&2; exit 2; }
venv=${SPARK_VENV:-.build/venv-spark}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import pyspark" 2>/dev/null || "$venv/bin/pip" install -q pyspark
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" scripts/spark/generate.py "$n" > "$work/input.jsonl"
echo "input: $n documents, $(du -h "$work/input.jsonl" | cut -f1)"

start=$(date +%s.%N)
"$qiyue" batch --stdin-jsonl --quiet < "$work/input.jsonl" > "$work/batch.jsonl"
batch_s=$(echo "$(date +%s.%N) - $start" | bc)

QIYUE_BIN="$qiyue" "$venv/bin/python" scripts/spark/stage.py "$work/input.jsonl" "$work/spark" "$parts" > "$work/spark.log" 2>&1 || { tail -30 "$work/spark.log"; exit 1; }
spark_s=$(grep -o 'spark seconds [0-9.]*' "$work/spark.log" | awk '{print $3}')
"$venv/bin/python" scripts/spark/compare.py "$work/batch.jsonl" "$work/spark"
echo "qiyue batch --stdin-jsonl (one process): ${batch_s} s; Spark local[$parts] job with rdd.pipe: ${spark_s} s (includes JVM and job start)"
