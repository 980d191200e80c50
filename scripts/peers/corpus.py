"""Load the inputs Qiyue is benchmarked and evaluated on, decoded to str.

Inputs: Corpus/pages/*.txt (the scraped seed pages) and Corpus/documents/*.txt (single documents),
in name order: the same 60 files `qiyue bench Corpus` reads (it walks Corpus/ for .txt files).

Decoding: a document's gold file (Corpus/documents/<id>.gold.json) names its encoding, and that is
used when present. Otherwise UTF-8, then GB18030, then Big5 are tried in that order. The gold field
comes first because Big5 bytes usually decode as GB18030 without error (and give mojibake).
"""
import glob
import json
import os

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(REPO, "Corpus")

_CODECS = {"UTF-8": "utf-8", "GB18030": "gb18030", "GBK": "gb18030", "Big5": "big5", "UTF-16": "utf-16"}
FALLBACK_ORDER = ("utf-8", "gb18030", "big5")


def decode(raw, declared=None):
    """Returns (text, codec used). `declared` is the gold "encoding" value, if any."""
    if declared:
        codec = _CODECS.get(declared, declared)
        return raw.decode(codec), codec
    for codec in FALLBACK_ORDER:
        try:
            return raw.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise ValueError("undecodable input")


def gold_path(txt_path):
    return txt_path[: -len(".txt")] + ".gold.json"


def load_gold(txt_path):
    p = gold_path(txt_path)
    if not os.path.exists(p):
        return None
    with open(p, encoding="utf-8") as f:
        return json.load(f)


def input_files():
    pages = sorted(glob.glob(os.path.join(CORPUS, "pages", "*.txt")))
    docs = sorted(glob.glob(os.path.join(CORPUS, "documents", "*.txt")))
    return pages + docs


def load_inputs():
    """Returns a list of dicts: path (repo-relative), raw_bytes, text, codec, gold (or None)."""
    out = []
    for path in input_files():
        with open(path, "rb") as f:
            raw = f.read()
        gold = load_gold(path)
        text, codec = decode(raw, gold.get("encoding") if gold else None)
        out.append({"path": os.path.relpath(path, REPO), "raw_bytes": len(raw), "text": text,
                    "codec": codec, "gold": gold})
    return out
