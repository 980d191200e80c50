#!/usr/bin/env bash
# Load test (issue 18): wrk (Debian) against `qiyue serve` on loopback for $DURATION (60 s) with a
# ≈5 KB contract POSTed to /v1/extract; prints requests/s, p50/p99 latency, errors (non-2xx and
# socket errors) and the server's RSS before and after. Only 127.0.0.1 is ever addressed.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-8}
BIN=${QIYUE_BIN:-.build/debug/qiyue}
command -v wrk >/dev/null 2>&1 || { SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo; $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null; }
[ -x "$BIN" ] || swift build --product qiyue
DOC=${DOC:-Corpus/documents/gen-a-09.txt}
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
# A 5 KB contract: the document, repeated clauses trimmed to 5,000 bytes on a line boundary.
python3 - "$DOC" "$WORK/doc.txt" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
while len(t.encode()) < 5000: t += "\n" + t
out, n = [], 0
for line in t.splitlines(keepends=True):
    if n + len(line.encode()) > 5000: break
    out.append(line); n += len(line.encode())
open(sys.argv[2], "w", encoding="utf-8").write("".join(out))
PY
BYTES=$(wc -c <"$WORK/doc.txt")
cat >"$WORK/post.lua" <<LUA
local f = io.open("$WORK/doc.txt", "rb"); wrk.body = f:read("*a"); f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
LUA
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --host 127.0.0.1 --port "$PORT" --log-level warning --queue-length 64 2>"$WORK/server.log" &
SERVER=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS -o /dev/null --data-binary @"$WORK/doc.txt" "http://127.0.0.1:$PORT/v1/extract"
rss() { awk '/VmRSS/ {print $2}' /proc/$SERVER/status; }
BEFORE=$(rss)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/post.lua" "http://127.0.0.1:$PORT/v1/extract" | tee "$WORK/wrk.txt"
AFTER=$(rss)
# Memory flat: a second, shorter run must not grow RSS further by more than 10%.
wrk -t2 -c"$CONNECTIONS" -d10s -s "$WORK/post.lua" "http://127.0.0.1:$PORT/v1/extract" >/dev/null
AFTER2=$(rss)
RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
P50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.txt")
P99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.txt")
NON2XX=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt"); NON2XX=${NON2XX:-0}
SOCKERR=$(grep -c "Socket errors" "$WORK/wrk.txt" || true)
echo "load: $BYTES-byte contract, $DURATION, $CONNECTIONS connections, $(nproc) cores, binary $BIN"
echo "load: requests/s $RPS, p50 $P50, p99 $P99, non-2xx $NON2XX, socket-error lines $SOCKERR"
echo "load: RSS before $((BEFORE / 1024)) MiB, after $((AFTER / 1024)) MiB, after 10 s more $((AFTER2 / 1024)) MiB"
[ "$NON2XX" = 0 ] && [ "$SOCKERR" = 0 ] && [ "$AFTER2" -le $((AFTER * 11 / 10)) ]
