#!/usr/bin/env python3
"""HTTP requests as fuzzing seeds for fuzz-http (request line, header lines, an empty line, the
body): Corpus texts as raw bodies in UTF-8, GB18030, Big5 and UTF-16 with their charsets, as HTML,
as multipart uploads, with each query option; JSON Lines and JSON jobs; the GET routes."""
import base64, json, pathlib, sys
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
texts = []
for p in sorted(src.glob("*.txt"))[:8]:
    try:
        texts.append(p.read_text(encoding="utf-8")[:1500])
    except UnicodeDecodeError:
        pass
n = 0
def seed(head, body=b""):
    global n
    (out / f"seed-{n:03d}.http").write_bytes(head.encode() + b"\n\n" + body)
    n += 1
queries = ["", "?split=false", "?include_text=true&redact=all", "?category=lease", "?only_rules=blank-field,deposit-over-20pct",
           "?split=0&include_text=yes&redact=ids,phones"]
for i, t in enumerate(texts):
    q = queries[i % len(queries)]
    seed(f"POST /v1/extract{q}\nContent-Type: text/plain; charset=utf-8", t.encode("utf-8"))
    for cs in ["gb18030", "big5", "utf-16"]:
        try:
            seed(f"POST /v1/extract{q}\nContent-Type: text/plain; charset={cs}", t.encode(cs))
        except UnicodeEncodeError:
            pass
    seed("POST /v1/extract\nContent-Type: text/html", ("<html><body><p>" + t.replace("\n", "</p><p>") + "</p></body></html>").encode())
    b = "qiyueBoundary"
    part = (f"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c{i}.txt\"\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n").encode() + t.encode() + f"\r\n--{b}--\r\n".encode()
    seed(f"POST /v1/extract{q}\nContent-Type: multipart/form-data; boundary={b}", part)
    lines = "\n".join(json.dumps({"name": f"d{k}.txt", "text": t[k * 300:(k + 1) * 300]}, ensure_ascii=False) for k in range(2))
    seed("POST /v1/jobs?split=false\nContent-Type: application/x-ndjson", lines.encode())
seed("POST /v1/jobs\nContent-Type: application/json", json.dumps({"documents": [{"name": "a.txt", "base64": base64.b64encode(texts[0][:200].encode()).decode()}]}).encode())
for path in ["/healthz", "/v1/rules", "/v1/schema", "/metrics", "/v1/jobs/0123", "/nowhere"]:
    seed(f"GET {path}")
seed("DELETE /v1/extract")
(out / "seed-bare.txt").write_bytes(texts[0].encode())
