#!/usr/bin/env python3
"""Throughput and peak memory of jionlp's money and time extraction on Qiyue's benchmark inputs.

Inputs: Corpus/pages/*.txt and Corpus/documents/*.txt (see corpus.py for decoding), read and decoded
once before any timing, so disk and decoding time are excluded (jionlp takes str, not bytes).

For each function: one call on a short string (the first-call load time: jionlp builds its
regexes and dictionaries lazily), one untimed warm-up pass over all inputs, then --runs timed
passes. Reports the median pass, MB/s of input (UTF-8 bytes of the decoded text, 1 MB = 10^6 bytes)
and documents/s, and the process's peak RSS (resource.getrusage). "combined" runs extract_money
then extract_time on each text within one pass.

    /work/peers-venv/bin/python scripts/peers/jionlp_bench.py            # jionlp only
    /work/peers-venv/bin/python scripts/peers/jionlp_bench.py --all      # + recognizers-text, cn2an

Each peer runs in its own process (--peer NAME), so its peak RSS is its own.
"""
import argparse
import datetime
import gc
import io
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import time
import warnings
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

# A fixed reference time for relative expressions (30日内, 明天): 2025-01-01 00:00 UTC+8.
TIME_BASE = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=8))).timestamp()
PEERS = ("jionlp", "recognizers", "cn2an")


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def current_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def quiet_call(fn):
    """Runs fn() with jionlp's import banner / warnings silenced; returns (result, seconds)."""
    t0 = time.perf_counter()
    with redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = fn()
    return r, time.perf_counter() - t0


def time_passes(per_text, texts, runs):
    """Warm-up pass, then `runs` timed passes. Returns (warmup seconds, sorted run seconds, count)."""
    t0 = time.perf_counter()
    count = sum(per_text(t) for t in texts)
    warm = time.perf_counter() - t0
    times = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        n = sum(per_text(t) for t in texts)
        times.append(time.perf_counter() - t0)
        assert n == count, "non-deterministic result count"
    return warm, sorted(times), count


def setup_jionlp():
    (jio, imp) = quiet_call(lambda: __import__("jionlp"))
    from jionlp.algorithm.ner import extract_money, extract_time
    # jionlp's time parser logs a full traceback (logging.error) for every candidate it rejects;
    # thousands on this corpus. Logging is switched off so that the timing is of the extractor, not
    # of writing tracebacks to a terminal (the traceback strings are still formatted).
    logging.disable(logging.CRITICAL)
    _, first_money = quiet_call(lambda: extract_money("定金人民币10万元"))
    _, first_time = quiet_call(lambda: extract_time("2025年3月15日签订，30日内付款", time_base=TIME_BASE))

    def money(t):
        return len(extract_money(t))

    def time_parse(t):
        return len(extract_time(t, time_base=TIME_BASE))

    def time_noparse(t):
        return len(extract_time(t, time_base=TIME_BASE, with_parsing=False))

    def combined(t):
        return len(extract_money(t)) + len(extract_time(t, time_base=TIME_BASE))

    fns = [
        ("jio.ner.extract_money", money),
        ("jio.ner.extract_time", time_parse),
        ("jio.ner.extract_time (with_parsing=False)", time_noparse),
        ("combined: extract_money + extract_time", combined),
    ]
    meta = {"version": jio.__version__, "import_s": imp,
            "first_call_s": {"extract_money": first_money, "extract_time": first_time}}

    def extra(texts, runs):
        # parse_money alone, on every string extract_money found (spaces removed, as
        # extract_money does before parsing). Not per-document: strings/s only.
        found = [e["text"].replace(" ", "") for t in texts for e in extract_money(t)]

        def parse_all():
            ok = 0
            for s in found:
                try:
                    jio.parse_money(s)
                    ok += 1
                except Exception:
                    pass
            return ok

        parse_all()
        ts = []
        for _ in range(runs):
            t0 = time.perf_counter()
            ok = parse_all()
            ts.append(time.perf_counter() - t0)
        ts.sort()
        return {"name": "jio.parse_money on the strings extract_money found", "strings": len(found),
                "parsed": ok, "median_s": statistics.median(ts),
                "strings_per_s": len(found) / statistics.median(ts)}

    return fns, meta, extra


def setup_recognizers():
    def load():
        from recognizers_text import Culture
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_date_time import DateTimeRecognizer
        import importlib.metadata as md
        cur = NumberWithUnitRecognizer(Culture.Chinese).get_currency_model()
        dt = DateTimeRecognizer(Culture.Chinese).get_datetime_model()
        return cur, dt, md.version("recognizers-text-suite")

    (cur, dt, version), imp = quiet_call(load)
    ref = datetime.datetime(2025, 1, 1)
    _, first_cur = quiet_call(lambda: cur.parse("定金人民币10万元"))
    _, first_dt = quiet_call(lambda: dt.parse("2025年3月15日签订，30日内付款", ref))
    fns = [
        ("recognizers currency model (Chinese)", lambda t: len(cur.parse(t))),
        ("recognizers datetime model (Chinese)", lambda t: len(dt.parse(t, ref))),
    ]
    meta = {"version": version, "import_s": imp,
            "first_call_s": {"currency": first_cur, "datetime": first_dt}}
    return fns, meta, None


def setup_cn2an():
    def load():
        import cn2an
        import importlib.metadata as md
        return cn2an, md.version("cn2an")

    (cn2an, version), imp = quiet_call(load)
    warnings.simplefilter("ignore")  # cn2an.transform warns on every bare 万/千 it cannot convert
    _, first = quiet_call(lambda: cn2an.transform("人民币壹佰捌拾伍万元整", "cn2an"))
    fns = [("cn2an.transform(text, 'cn2an') (numeral rewriting, not extraction; no entities)",
            lambda t: 0 * len(cn2an.transform(t, "cn2an")))]
    meta = {"version": version, "import_s": imp, "first_call_s": {"transform": first}}
    return fns, meta, None


SETUPS = {"jionlp": setup_jionlp, "recognizers": setup_recognizers, "cn2an": setup_cn2an}


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def run_peer(peer, runs):
    load_start = loadavg()
    inputs = corpus.load_inputs()
    texts = [i["text"] for i in inputs]
    utf8_bytes = sum(len(t.encode("utf-8")) for t in texts)
    raw_bytes = sum(i["raw_bytes"] for i in inputs)
    rss_inputs = current_rss_mb()
    fns, meta, extra = SETUPS[peer]()
    rss_loaded = current_rss_mb()
    rows = []
    for name, fn in fns:
        warm, times, count = time_passes(fn, texts, runs)
        med = statistics.median(times)
        rows.append({"function": name, "entities": count, "warmup_s": warm, "min_s": times[0],
                     "median_s": med, "max_s": times[-1], "mb_per_s": utf8_bytes / 1e6 / med,
                     "docs_per_s": len(texts) / med})
    out = {"peer": peer, "meta": meta, "runs": runs, "files": len(texts), "utf8_bytes": utf8_bytes,
           "raw_bytes": raw_bytes, "rows": rows, "rss_after_inputs_mb": rss_inputs,
           "rss_after_load_mb": rss_loaded, "loadavg_start": load_start}
    if extra:
        out["extra"] = extra(texts, runs)
    out["peak_rss_mb"] = peak_rss_mb()
    out["loadavg_end"] = loadavg()
    return out


def print_report(results):
    r0 = results[0]
    print(f"inputs: {r0['files']} files (Corpus/pages/*.txt + Corpus/documents/*.txt), "
          f"{r0['utf8_bytes'] / 1e6:.3f} MB as UTF-8 ({r0['raw_bytes'] / 1e6:.3f} MB as stored); "
          f"{r0['runs']} timed runs after one warm-up pass; median reported")
    print()
    print("| peer | function | entities | MB/s | docs/s | median s | min s | max s | warm-up pass s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        for row in r["rows"]:
            print(f"| {r['peer']} {r['meta']['version']} | {row['function']} | {row['entities'] or '—'} | "
                  f"{row['mb_per_s']:.3f} | {row['docs_per_s']:.1f} | {row['median_s']:.3f} | "
                  f"{row['min_s']:.3f} | {row['max_s']:.3f} | {row['warmup_s']:.3f} |")
    print()
    print("| peer | import s | first call s (excluded from timings) | RSS after inputs MB | "
          "RSS after load MB | peak RSS MB | load average at start → end |")
    print("|---|---:|---|---:|---:|---:|---|")
    for r in results:
        m = r["meta"]
        first = ", ".join(f"{k} {v:.3f}" for k, v in m["first_call_s"].items())
        print(f"| {r['peer']} | {m['import_s']:.3f} | {first} | {r['rss_after_inputs_mb']:.1f} | "
              f"{r['rss_after_load_mb']:.1f} | {r['peak_rss_mb']:.1f} | "
              f"{r['loadavg_start']} → {r['loadavg_end']} |")
    for r in results:
        e = r.get("extra")
        if e:
            print()
            print(f"{e['name']}: {e['strings']} strings ({e['parsed']} parsed without error), "
                  f"median {e['median_s'] * 1000:.2f} ms, {e['strings_per_s']:.0f} strings/s")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peer", choices=PEERS, help="run one peer in this process and print JSON")
    ap.add_argument("--all", action="store_true", help="also recognizers-text-suite and cn2an, if installed")
    ap.add_argument("--json", help="also write the results as JSON to this file")
    args = ap.parse_args()

    if args.peer:
        print(json.dumps(run_peer(args.peer, args.runs)))
        return
    results = []
    for peer in (PEERS if args.all else ("jionlp",)):
        p = subprocess.run([sys.executable, os.path.abspath(__file__), "--peer", peer, "--runs", str(args.runs)],
                           capture_output=True, text=True)
        if p.returncode != 0:
            tail = p.stderr.strip().splitlines()[-1:] or ["?"]
            print(f"({peer}: skipped: {tail[0]})", file=sys.stderr)
            if peer == "jionlp":
                sys.exit(p.stderr)
            continue
        results.append(json.loads(p.stdout.strip().splitlines()[-1]))
    print_report(results)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
