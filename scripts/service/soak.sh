#!/usr/bin/env bash
# Service reliability (issue 19), against a release `qiyue serve` on 127.0.0.1 only:
#  1. soak: wrk for $SOAK (10 min) with 8 connections POSTing a ≈5 KB contract to /v1/extract; RSS
#     after a 10 s warm-up and at the end must be within 10% (sampled every minute in between);
#  2. slow clients: $SLOW_BODY slow-body and $SLOW_HEAD slow-head clients (one byte every 2 s) while
#     a normal client keeps POSTing; each slow body must be ended by the server (the request
#     timeout, here 10 s), each slow head closed by it (the header timeout, here 10 s) and every
#     normal request answered 200;
#  3. burst: 48 simultaneous POSTs of a ≈100 KB contract at a server with 1 worker and a queue of
#     2: those past the bound get 503 with Retry-After and a coded JSON error, the rest 200;
#  and no error line in either server's log.
#   bash scripts/service/soak.sh            SOAK=60s bash scripts/service/soak.sh   (a short run)
set -euo pipefail
cd "$(dirname "$0")/../.."
SOAK=${SOAK:-600s}
SLOW_BODY=${SLOW_BODY:-200}
SLOW_HEAD=${SLOW_HEAD:-50}
HEADER_TIMEOUT=${HEADER_TIMEOUT:-10}   # the server's --header-timeout (1000000: none, to compare RSS)
MALLOC_ARENAS=${MALLOC_ARENAS:-2}      # the server's --malloc-arenas (0: glibc's default, to compare RSS)
BIN=${QIYUE_BIN:-.build/release/qiyue}
command -v wrk >/dev/null 2>&1 || { SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo; $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null; }
[ -x "$BIN" ] || swift build -c release --product qiyue
WORK=$(mktemp -d)
SERVER=; SERVER2=
trap 'kill $SERVER $SERVER2 2>/dev/null || true; rm -rf "$WORK"' EXIT
python3 - Corpus/documents/gen-a-09.txt "$WORK" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
def cut(n):
    s = t
    while len(s.encode()) < n: s += "\n" + t
    out, k = [], 0
    for line in s.splitlines(keepends=True):
        if k + len(line.encode()) > n: break
        out.append(line); k += len(line.encode())
    return "".join(out)
open(sys.argv[2] + "/doc.txt", "w", encoding="utf-8").write(cut(5000))
open(sys.argv[2] + "/big.txt", "w", encoding="utf-8").write(cut(100000))
PY
cat >"$WORK/post.lua" <<LUA
local f = io.open("$WORK/doc.txt", "rb"); wrk.body = f:read("*a"); f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
LUA
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "server on $1 did not start" >&2; exit 1; }
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
errors() { grep -Ec '(^|[[:space:]])(error|critical)([[:space:]]|$)' "$1" || true; }
fail=0

PORT=$(free_port)
"$BIN" serve --host 127.0.0.1 --port "$PORT" --queue-length 64 --request-timeout 10 --header-timeout "$HEADER_TIMEOUT" --malloc-arenas "$MALLOC_ARENAS" 2>"$WORK/server.log" &
SERVER=$!
wait_up "$PORT"
wrk -t2 -c8 -d10s -s "$WORK/post.lua" "http://127.0.0.1:$PORT/v1/extract" >/dev/null
START=$(rss $SERVER)
( while sleep 60; do echo "$(date -u +%H:%M:%S) $(rss $SERVER)"; done ) >"$WORK/rss.txt" & SAMPLER=$!
wrk -t2 -c8 -d"$SOAK" --latency -s "$WORK/post.lua" "http://127.0.0.1:$PORT/v1/extract" >"$WORK/wrk.txt"
END=$(rss $SERVER); kill $SAMPLER 2>/dev/null || true
REQS=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
RPS=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
P50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.txt"); P99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.txt")
NON2XX=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt"); NON2XX=${NON2XX:-0}
SOCKERR=$(grep -c "Socket errors" "$WORK/wrk.txt" || true)
echo "soak: $SOAK, 8 connections, --malloc-arenas $MALLOC_ARENAS, $(wc -c <"$WORK/doc.txt")-byte contract: $REQS requests, $RPS/s, p50 $P50, p99 $P99, non-2xx $NON2XX, socket-error lines $SOCKERR"
echo "soak: RSS after warm-up $START MiB, at the end $END MiB; each minute: $(awk '{printf "%s ", $2}' "$WORK/rss.txt")"
{ [ "$NON2XX" = 0 ] && [ "$SOCKERR" = 0 ] && [ "$END" -le $((START * 11 / 10)) ]; } || { echo "FAIL soak"; fail=1; }

python3 scripts/service/soak_clients.py slow "$PORT" "$WORK/doc.txt" "$SLOW_BODY" "$SLOW_HEAD" 40 >"$WORK/slow.json"
echo "slow clients ($SLOW_BODY slow bodies, $SLOW_HEAD slow heads, 40 s, request timeout 10 s, header timeout $HEADER_TIMEOUT s): $(cat "$WORK/slow.json")"
python3 - "$WORK/slow.json" "$SLOW_BODY" "$SLOW_HEAD" <<'PY' || { echo "FAIL slow clients"; fail=1; }
import json, sys
r = json.load(open(sys.argv[1])); n, h = int(sys.argv[2]), int(sys.argv[3])
ended = sum(v["clients"] for k, v in r["slow"].items() if k.startswith("body:") and "open at the end" not in k)
heads_closed = sum(v["clients"] for k, v in r["slow"].items() if k == "head: closed by the server")
ok = r["normal"]["requests"] > 0 and r["normal"]["ok"] == r["normal"]["requests"] and ended == n and heads_closed == h
sys.exit(0 if ok else 1)
PY
echo "server log: $(wc -l <"$WORK/server.log") lines, $(errors "$WORK/server.log") error lines"
[ "$(errors "$WORK/server.log")" = 0 ] || { grep -E '(error|critical)' "$WORK/server.log" | head -5; fail=1; }
kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=

PORT2=$(free_port)
"$BIN" serve --host 127.0.0.1 --port "$PORT2" --workers 1 --queue-length 2 2>"$WORK/server2.log" &
SERVER2=$!
wait_up "$PORT2"
python3 scripts/service/soak_clients.py burst "$PORT2" "$WORK/big.txt" 48 >"$WORK/burst.json"
echo "burst: 48 at once at 1 worker + queue 2, $(wc -c <"$WORK/big.txt")-byte contract: $(cat "$WORK/burst.json")"
python3 - "$WORK/burst.json" <<'PY' || { echo "FAIL burst"; fail=1; }
import json, sys
r = json.load(open(sys.argv[1])); s = r["statuses"]
ok = set(s) <= {"200", "503"} and s.get("503", 0) > 0 and r["503_with_retry_after"] == s["503"] and r["503_codes"] == ["Q720"]
sys.exit(0 if ok else 1)
PY
echo "burst server log: $(wc -l <"$WORK/server2.log") lines, $(errors "$WORK/server2.log") error lines"
[ "$(errors "$WORK/server2.log")" = 0 ] || { grep -E '(error|critical)' "$WORK/server2.log" | head -5; fail=1; }
[ "$fail" = 0 ] && echo "service soak: all checks passed" || { echo "service soak: FAILED"; exit 1; }
