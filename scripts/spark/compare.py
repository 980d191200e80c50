#!/usr/bin/env python3
"""Checks that the Spark stage's results equal qiyue batch's: the same ids, each once, and the same
report for each id (as parsed JSON)."""
import json, pathlib, sys
def load(paths):
    out = {}
    for p in paths:
        for line in open(p, encoding="utf-8"):
            d = json.loads(line)
            key = d.get("id") or d["source"]["id"]
            if key in out:
                sys.exit(f"duplicate result for {key}")
            out[key] = d
    return out
batch = load([sys.argv[1]])
spark = load(sorted(pathlib.Path(sys.argv[2]).glob("part-*")))
if batch.keys() != spark.keys():
    sys.exit(f"different ids: {len(batch)} from batch, {len(spark)} from Spark")
diff = [k for k in batch if batch[k] != spark[k]]
if diff:
    sys.exit(f"{len(diff)} reports differ, e.g. {diff[:3]}")
print(f"spark stage equals qiyue batch: {len(batch)} results, all equal")
