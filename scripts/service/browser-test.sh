#!/usr/bin/env bash
# Browser test of the review page (issue 18): headless Debian chromium + chromium-driver, driven by
# Python selenium in a venv. Starts `qiyue serve` on a free loopback port, submits a Corpus contract,
# checks every risk of the JSON is in the panel and that clicking one highlights its evidence (also
# after astral characters, by keyboard, at 200% zoom), checks colour contrast, times rendering a
# ≈100 KB contract, checks `qiyue report --html` renders the same view from a file, and saves
# screenshots in $OUT (default .build/service-browser).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-.build/service-browser}
VENV=${QIYUE_VENV:-.build/service-venv}
mkdir -p "$OUT"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
  echo "installing: ${need[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import selenium" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q selenium
fi

BIN=${QIYUE_BIN:-.build/debug/qiyue}
[ -x "$BIN" ] || swift build --product qiyue
PORT=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --host 127.0.0.1 --port "$PORT" --log-level warning 2>"$OUT/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
"$BIN" report Corpus/documents/gen-a-09.txt --html "$OUT/report.html"
"$VENV/bin/python" scripts/service/browser_test.py "http://127.0.0.1:$PORT/" "$OUT"
