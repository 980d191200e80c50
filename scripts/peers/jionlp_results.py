#!/usr/bin/env python3
"""What jionlp's extract_money finds on the Corpus documents, scored against the gold amounts.

Gold: Corpus/documents/<id>.gold.json "amounts": [{"value": number|null, "purpose": ...}], one entry per
money mention; null is a template blank (人民币____元, " 万元").

Scoring is value-level and ignores purpose (and currency): the document's predicted values and its
gold non-null values are matched as multisets (values compared to the cent).
  precision = matched / predicted values,  recall = matched / gold non-null values.
A gold null must not produce a number: any number predicted there has no gold partner and so counts
against precision. A prediction whose text has no digit at all, only a unit (万元, 仟元), is listed as
"a number from a unit alone": that is how a blank becomes a value.

Two counts are given: "raw" scores every entity jionlp returns; "merged" first joins two entities of
equal value that stand at most MERGE_GAP characters apart with no sentence break between them (a
written amount and its figures, 壹拾万元整（¥100,000.00）, which the gold counts once). Contracts
(classification.isContract) are the headline; non-contracts have no gold amounts and are reported apart.

    /work/peers-venv/bin/python scripts/peers/jionlp_results.py          # jionlp
    /work/peers-venv/bin/python scripts/peers/jionlp_results.py --all    # + recognizers-text currency model
"""
import argparse
import collections
import contextlib
import io
import os
import re
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

MERGE_GAP = 12
DIGITS = re.compile(r"[0-9０-９零〇一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖]")
SENTENCE_BREAK = re.compile(r"[。；;！!？?]")


def key(v):
    return round(float(v), 2)


def jionlp_extractor():
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp
        from jionlp.algorithm.ner import extract_money

    def run(text):
        out = []
        for e in extract_money(text):
            num = e["detail"]["num"]
            rng = None
            if isinstance(num, list):  # a range or bound: [min, max]
                lo, hi = (None if x is None else float(x) for x in num)
                value = lo if lo == hi else None
                rng = None if value is not None else (lo, hi)
            else:
                value = float(num)
            out.append({"text": e["text"], "start": e["offset"][0], "end": e["offset"][1], "value": value,
                        "range": rng, "currency": e["detail"]["case"], "note": e["detail"]["definition"]})
        return out

    return f"jionlp {jionlp.__version__} (jio.ner.extract_money, defaults)", run


def recognizers_extractor():
    import importlib.metadata as md
    from recognizers_text import Culture
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    model = NumberWithUnitRecognizer(Culture.Chinese).get_currency_model()

    def run(text):
        out = []
        for r in model.parse(text):
            v = (r.resolution or {}).get("value")
            out.append({"text": r.text, "start": r.start, "end": r.end + 1,  # its End is inclusive
                        "value": None if v is None else float(v), "range": None,
                        "currency": (r.resolution or {}).get("isoCurrency") or "",
                        "note": (r.resolution or {}).get("isoCurrency") or ""})
        return out

    return f"recognizers-text-suite {md.version('recognizers-text-suite')} (Chinese currency model)", run


def is_number(x):
    return x["value"] is not None or x["range"] is not None


def merge(preds, text):
    preds = sorted(preds, key=lambda p: p["start"])
    out = []
    for p in preds:
        q = out[-1] if out else None
        if q and p["value"] is not None and q["value"] is not None and key(p["value"]) == key(q["value"]):
            gap = text[q["end"]:p["start"]]
            if len(gap) <= MERGE_GAP and not SENTENCE_BREAK.search(gap) and not DIGITS.search(gap):
                out[-1] = dict(q, end=max(q["end"], p["end"]), text=q["text"] + "…" + p["text"])
                continue
        out.append(p)
    return out


CURRENCY_WORDS = re.compile(r"^(人民币|人民幣|新台币|新臺幣|港币|港幣|美金|RMB|CNY|[¥￥$€]|\s|_|＿)+")
MULTIPLIER_FIRST = re.compile(r"^[百佰千仟万萬亿億]")
HANZI_NUMERAL = re.compile(r"[零〇一二两兩三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億]")
NUMERAL = re.compile(r"[0-9０-９零〇一二两兩三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億]")


def why(x, text):
    """Why a prediction matched no gold value: (cause, detail)."""
    s, e, t = x["start"], x["end"], x["text"]
    if x["range"] is not None:
        return "a range", str(x["range"])
    core = CURRENCY_WORDS.sub("", t)
    before = text[s - 1] if s > 0 else ""
    if core and HANZI_NUMERAL.match(core) and HANZI_NUMERAL.match(before):
        return "only the tail of a longer amount", "the numerals before it were not read"
    if not DIGITS.search(t) and MULTIPLIER_FIRST.search(core):
        if before and NUMERAL.search(before):
            return "only the tail of a longer amount", "the numerals before it were not read"
        return "template blank read as a number", "a unit alone"
    if t.startswith("元") and before == "单":
        return "单元 + room number read as 元 + amount", ""
    if re.match(r"^[.．][0-9０-９]", text[e:e + 2]) or re.search(r"[0-9０-９][.．]$", text[max(0, s - 2):s]):
        return "split at a decimal point", ""
    if re.search(r"[0-9０-９][,，]$", text[max(0, s - 2):s]):
        return "split at a thousands separator", ""
    return "other", x.get("note") or ""


def unit_alone(x):
    return x["value"] is not None and not DIGITS.search(x["text"]) and MULTIPLIER_FIRST.search(CURRENCY_WORDS.sub("", x["text"]))


def score(docs, preds_of, merged):
    tp = npred = ngold = nblank = nvalueless = 0
    per_doc = []
    for d in docs:
        preds = preds_of[d["path"]]
        nums = [x for x in preds if is_number(x)]
        nvalueless += len(preds) - len(nums)
        if merged:
            nums = merge(nums, d["text"])
        gold = [a["value"] for a in d["gold"]["amounts"]]
        g = collections.Counter(key(v) for v in gold if v is not None)
        p = collections.Counter(key(x["value"]) for x in nums if x["value"] is not None)
        m = sum((g & p).values())
        tp += m
        npred += len(nums)  # a range counts as one predicted number, and never matches a gold value
        ngold += sum(g.values())
        nblank += sum(v is None for v in gold)
        per_doc.append((d, nums, g, p))
    prec = tp / npred if npred else float("nan")
    rec = tp / ngold if ngold else float("nan")
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "pred": npred, "gold": ngold, "blank": nblank, "valueless": nvalueless,
            "p": prec, "r": rec, "f1": f1, "per_doc": per_doc}


def ctx(text, s, e, width=10):
    return (text[max(0, s - width):s] + "[" + text[s:e] + "]" + text[e:e + width]).replace("\n", "⏎")


def fmt(v):
    return "—" if v is None else f"{v:,.2f}".rstrip("0").rstrip(".")


def extras(nums, g):
    """The predictions left over after matching gold values, in text order."""
    left = collections.Counter(g)
    out = []
    for x in nums:
        k = None if x["value"] is None else key(x["value"])
        if k is not None and left[k] > 0:
            left[k] -= 1
        else:
            out.append(x)
    return out


def entity_probe(run):
    """Runs the extractor on Corpus/entities/money.yaml: each text on its own."""
    import yaml
    with open(os.path.join(corpus.CORPUS, "entities", "money.yaml"), encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    rows = collections.OrderedDict((k, [0, 0]) for k in ("amount", "range or bound", "template blank", "negative"))
    fails = []
    for grp in spec["positive"]:
        v = grp["value"]
        for t in grp["texts"]:
            found = [x for x in run(t) if is_number(x)]
            if v.get("blank"):
                kind, ok = "template blank", not found
                want = "no number"
            elif "value" in v:
                kind, ok = "amount", any(x["value"] is not None and key(x["value"]) == key(v["value"]) for x in found)
                want = fmt(v["value"])
            else:
                lo, hi = v.get("min"), v.get("max")
                kind = "range or bound"
                ok = any(x["range"] is not None and x["range"] == (lo and float(lo), hi and float(hi)) for x in found)
                want = f"[{fmt(lo)}, {fmt(hi)}]"
            rows[kind][0] += ok
            rows[kind][1] += 1
            if not ok:
                fails.append((kind, t, want, found))
    for t in spec["negative"]:
        found = run(t)
        ok = not found
        rows["negative"][0] += ok
        rows["negative"][1] += 1
        if not ok:
            fails.append(("negative", t, "nothing", found))
    return rows, fails


def show_found(found):
    if not found:
        return "nothing"
    return "; ".join(f"`{x['text']}` → " + (f"range {x['range']}" if x["range"] is not None else fmt(x["value"]))
                     for x in found)


def pages_probe(run, pages, show):
    """The seed pages have no gold amounts; counts the numbers made from a unit alone there."""
    hits = []
    total = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for pg in pages:
            nums = [x for x in run(pg["text"]) if is_number(x)]
            total += len(nums)
            hits += [(pg, x) for x in nums if why(x, pg["text"])[0] == "template blank read as a number"]
    print()
    print(f"Seed pages ({len(pages)} pages, no gold amounts): {total} numbers found, {len(hits)} of them made "
          f"from a unit alone where the page has no figure (e.g. 新增贷款万元, a scraped page whose digits were removed).")
    if show and hits:
        print()
        for pg, x in hits[:6]:
            print(f"- {os.path.basename(pg['path'])}: {fmt(x['value'])} from `{ctx(pg['text'], x['start'], x['end'])}`")
        if len(hits) > 6:
            print(f"- … {len(hits) - 6} more")


def report(label, run, docs, nonc, show, pages=()):
    preds_of = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for d in docs + nonc:
            preds_of[d["path"]] = run(d["text"])
    n_amounts = sum(len(d["gold"]["amounts"]) for d in docs)
    n_blank = sum(a["value"] is None for d in docs for a in d["gold"]["amounts"])
    print(f"## {label}")
    print()
    print(f"Corpus/documents: {len(docs)} contracts with {n_amounts} gold amounts "
          f"({n_amounts - n_blank} with a value, {n_blank} template blanks).")
    print()
    print("| counting | predicted numbers | gold values | matched | precision | recall | F1 | mentions without a value (not counted) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    results = {}
    for merged in (False, True):
        s = score(docs, preds_of, merged)
        results[merged] = s
        print(f"| {'merged' if merged else 'raw'} | {s['pred']} | {s['gold']} | {s['tp']} | "
              f"{s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} | {s['valueless']} |")
    n_non = sum(sum(is_number(x) for x in preds_of[d["path"]]) for d in nonc)
    print()
    print(f"Non-contracts ({len(nonc)} documents, no gold amounts): {n_non} numbers found; not scored, "
          f"since the gold annotates amounts in contracts only.")

    s = results[True]
    reasons = collections.Counter()
    for d, nums, g, p in s["per_doc"]:
        for x in extras(nums, g):
            reasons[why(x, d["text"])[0]] += 1
    print()
    print("Unmatched predictions (merged) by cause: " +
          "; ".join(f"{n} {r}" for r, n in reasons.most_common()))
    missed = sum(sum((g - p).values()) for d, nums, g, p in s["per_doc"])
    print(f"Gold values not found (merged): {missed}.")
    blank_docs = [d for d, nums, g, p in s["per_doc"] if any(a["value"] is None for a in d["gold"]["amounts"])]
    blank_hits = [(d, x) for d, nums, g, p in s["per_doc"] for x in nums
                  if unit_alone(x) and not (x["start"] > 0 and NUMERAL.search(d["text"][x["start"] - 1]))]
    print(f"Template blanks: {n_blank} gold blanks in {len(blank_docs)} contracts; numbers produced from a "
          f"unit alone next to a blank: {len(blank_hits)}.")

    if pages:
        pages_probe(run, pages, show)

    rows, fails = entity_probe(run)
    print()
    print("Corpus/entities/money.yaml, each text alone (amount: the value is among the numbers found, "
          "currency ignored; range or bound: a range equal to it; template blank: no number; negative: nothing):")
    print()
    print("| kind | passed | of |")
    print("|---|---:|---:|")
    for k, (ok, n) in rows.items():
        print(f"| {k} | {ok} | {n} |")
    if not show:
        return
    print()
    print("### Failures on Corpus/entities/money.yaml")
    print()
    for kind, t, want, found in fails:
        print(f"- {kind}: `{t}` — expected {want}, found {show_found([x for x in found])}")
    print()
    print("### Per contract (merged): misses and extras")
    print()
    print("| document | encoding | gold values (+ blanks) | found numbers | missed | extra |")
    print("|---|---|---|---|---|---|")
    for d, nums, g, p in s["per_doc"]:
        miss = g - p
        ext = extras(nums, g)
        blanks = sum(a["value"] is None for a in d["gold"]["amounts"])
        if not miss and not ext:
            continue
        found = ", ".join(fmt(x["value"]) if x["range"] is None else f"{x['range']}" for x in nums)
        print(f"| {os.path.basename(d['path'])} | {d['codec']} | "
              f"{', '.join(fmt(v) for v in sorted(g.elements())) or '—'} (+{blanks}) | {found or '—'} | "
              f"{', '.join(fmt(v) for v in sorted(miss.elements())) or '—'} | "
              f"{', '.join(fmt(x['value']) if x['range'] is None else str(x['range']) for x in ext) or '—'} |")
    print()
    print("### Every unmatched prediction, in context (merged)")
    print()
    for d, nums, g, p in s["per_doc"]:
        for x in extras(nums, g):
            print(f"- {os.path.basename(d['path'])}: {fmt(x['value']) if x['range'] is None else x['range']} "
                  f"from `{ctx(d['text'], x['start'], x['end'])}` — {': '.join(w for w in why(x, d['text']) if w)}")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--all", action="store_true", help="also score recognizers-text-suite's currency model")
    ap.add_argument("--brief", action="store_true", help="figures only, no failure lists")
    args = ap.parse_args()
    everything = corpus.load_inputs()
    pages = [i for i in everything if i["path"].startswith(os.path.join("Corpus", "pages"))]
    inputs = [i for i in everything if i["gold"] is not None]
    docs = [i for i in inputs if i["gold"]["classification"].get("isContract")]
    nonc = [i for i in inputs if not i["gold"]["classification"].get("isContract")]
    extractors = [jionlp_extractor]
    if args.all:
        extractors.append(recognizers_extractor)
    for make in extractors:
        try:
            label, run = make()
        except Exception as e:  # optional peers
            print(f"({make.__name__}: skipped: {e})", file=sys.stderr)
            continue
        report(label, run, docs, nonc, show=not args.brief, pages=pages)


if __name__ == "__main__":
    main()
