#!/usr/bin/env python3
"""Writes N generated contract documents as files DIR/NNNNNN.txt (Corpus contracts with party
names, figures and years varied, seeded), for the batch benchmarks."""
import pathlib, random, re, sys
n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
root = pathlib.Path(__file__).resolve().parents[2]
texts = []
for p in sorted((root / "Corpus/documents").glob("*.txt")):
    try:
        t = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        continue
    if "合同" in t[:200] or "协议" in t[:200]:
        texts.append(t)
rng = random.Random(7)
names = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
for i in range(n):
    t = texts[i % len(texts)]
    t = re.sub(r"\d{4,}", lambda m: str(int(m.group()) + rng.randint(1, 99)), t)
    t = t.replace("张三", rng.choice(names) + rng.choice("伟芳娜敏静丽强磊军洋"))
    (out / f"{i:06d}.txt").write_text(t, encoding="utf-8")
print(f"{n} documents from {len(texts)} contracts in {out}")
