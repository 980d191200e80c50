#!/usr/bin/env bash
# Peer comparison: jionlp (and, with --all, recognizers-text-suite and cn2an) on Qiyue's inputs.
# Creates the virtualenv if missing (outside the repo; PEERS_VENV overrides the place), then runs
# the throughput benchmark and the money results. The one option is --all; run the two Python
# scripts directly for their own options (--runs, --json, --brief).
#   scripts/peers/run.sh            # jionlp
#   scripts/peers/run.sh --all      # + recognizers-text-suite, cn2an
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${PEERS_VENV:-/work/peers-venv}"
all=0
args=()
for a in "$@"; do
    case "$a" in
        --all) all=1; args=(--all) ;;
        *) echo "usage: $0 [--all]" >&2; exit 2 ;;
    esac
done

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import jionlp" >/dev/null 2>&1; then
    "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi
if [ "$all" = 1 ] && ! "$venv/bin/python" -c "import cn2an, recognizers_suite" >/dev/null 2>&1; then
    "$venv/bin/pip" install -q -r "$here/requirements-optional.txt"
fi

echo "# Throughput"
echo
"$venv/bin/python" "$here/jionlp_bench.py" "${args[@]}"
echo
echo "# Money results"
echo
"$venv/bin/python" "$here/jionlp_results.py" "${args[@]}"
