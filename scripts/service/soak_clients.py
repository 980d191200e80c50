#!/usr/bin/env python3
"""Clients for scripts/service/soak.sh, all on 127.0.0.1 only.

  soak_clients.py slow PORT DOC SLOW_BODY SLOW_HEAD SECONDS
      SLOW_BODY clients send a request head with Content-Length 100000 and then one body byte
      every 2 s; SLOW_HEAD clients send the head itself one byte every 2 s. Meanwhile one normal
      client POSTs DOC again and again. Prints one JSON object: how each slow client ended
      (status answered, closed by the server, or still open at the end) and when, and the normal
      client's answers and latencies.
  soak_clients.py burst PORT DOC N
      N clients POST DOC at the same moment; prints the statuses, whether every 503 had
      Retry-After and a JSON error with a code."""
import json, socket, sys, threading, time, http.client

def post(port, body, timeout=60):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    t0 = time.monotonic()
    c.request("POST", "/v1/extract", body=body, headers={"Content-Type": "text/plain; charset=utf-8"})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, dict(r.getheaders()), data, time.monotonic() - t0

def slow(port, doc, n_body, n_head, seconds):
    body = open(doc, "rb").read()
    head = (f"POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: text/plain\r\n"
            f"Content-Length: 100000\r\n\r\n").encode()
    results = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(kind):
        t0 = time.monotonic()
        end, status = "open at the end", None
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.settimeout(0.01)
            if kind == "body":
                s.sendall(head)
            sent = 0
            while time.monotonic() < stop:
                try:
                    if kind == "body":
                        s.sendall(b"x")
                    elif sent < len(head):
                        s.sendall(head[sent:sent + 1]); sent += 1
                except OSError:
                    end = "closed by the server"; break
                got = b""
                deadline = time.monotonic() + 2
                try:
                    s.settimeout(2)
                    got = s.recv(4096)
                    if got == b"":
                        end = "closed by the server"; break
                    line = got.split(b"\r\n", 1)[0].decode("latin1")
                    status = int(line.split()[1]) if line.startswith("HTTP/") else None
                    end = "answered"; break
                except socket.timeout:
                    pass
                except OSError:
                    end = "closed by the server"; break
                time.sleep(max(0, deadline - time.monotonic()))
            s.close()
        except OSError as e:
            end = f"connect failed: {e}"
        with lock:
            results.append({"kind": kind, "end": end, "status": status, "after": round(time.monotonic() - t0, 1)})

    threads = [threading.Thread(target=client, args=("body",)) for _ in range(n_body)]
    threads += [threading.Thread(target=client, args=("head",)) for _ in range(n_head)]
    for t in threads: t.start()
    normal = []
    time.sleep(1)
    while time.monotonic() < stop:
        try:
            st, _, _, took = post(port, body, timeout=30)
            normal.append((st, took))
        except Exception as e:
            normal.append((str(e), None))
        time.sleep(0.5)
    for t in threads: t.join()
    summary = {}
    for r in results:
        key = f'{r["kind"]}: {r["end"]}' + (f' {r["status"]}' if r["status"] else "")
        summary.setdefault(key, []).append(r["after"])
    lat = sorted(t for st, t in normal if st == 200)
    print(json.dumps({
        "slow": {k: {"clients": len(v), "min_s": min(v), "max_s": max(v)} for k, v in sorted(summary.items())},
        "normal": {"requests": len(normal), "ok": sum(1 for st, _ in normal if st == 200),
                   "other": [st for st, _ in normal if st != 200][:10],
                   "p50_ms": round(1000 * lat[len(lat) // 2]) if lat else None,
                   "max_ms": round(1000 * lat[-1]) if lat else None},
    }))

def burst(port, doc, n):
    body = open(doc, "rb").read()
    out = []
    lock = threading.Lock()
    go = threading.Event()
    def client():
        go.wait()
        try:
            st, h, data, took = post(port, body, timeout=120)
            code = None
            if st != 200:
                try: code = json.loads(data)["error"]["code"]
                except Exception: code = "not JSON"
            with lock: out.append((st, h.get("Retry-After"), code, took))
        except Exception as e:
            with lock: out.append((str(e), None, None, None))
    threads = [threading.Thread(target=client) for _ in range(n)]
    for t in threads: t.start()
    time.sleep(0.5); go.set()
    for t in threads: t.join()
    statuses = {}
    for st, *_ in out: statuses[str(st)] = statuses.get(str(st), 0) + 1
    refused = [o for o in out if o[0] == 503]
    print(json.dumps({"statuses": statuses,
                      "503_with_retry_after": sum(1 for o in refused if o[1]),
                      "503_codes": sorted({o[2] for o in refused}),
                      "max_s": round(max((o[3] for o in out if o[3] is not None), default=0), 2)}))

if __name__ == "__main__":
    if sys.argv[1] == "slow":
        slow(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]))
    else:
        burst(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
