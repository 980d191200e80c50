#!/usr/bin/env python3
"""Writes N {"id", "text"} JSON lines: Corpus documents with party names, amounts and dates varied
(seeded), so that no two documents are equal."""
import json, pathlib, random, re, sys
n = int(sys.argv[1])
rng = random.Random(20261201)
root = pathlib.Path(__file__).resolve().parents[2]
texts = []
for p in sorted((root / "Corpus/documents").glob("*.txt")):
    try:
        texts.append(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        pass  # the GB18030/Big5 encoding samples: a stream record's text is already a string
surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
for i in range(n):
    t = texts[i % len(texts)]
    t = re.sub(r"\d{4,}", lambda m: str(int(m.group()) + rng.randint(1, 99)), t)
    t = re.sub(r"(20[12]\d)年", lambda m: f"{rng.randint(2020, 2029)}年", t)
    t = t.replace("张三", rng.choice(surnames) + rng.choice("伟芳娜敏静丽强磊军洋"))
    print(json.dumps({"id": f"doc-{i:06d}", "text": t}, ensure_ascii=False))
