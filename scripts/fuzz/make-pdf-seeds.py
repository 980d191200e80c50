#!/usr/bin/env python3
"""Small PDFs as fuzzing seeds: uncompressed content streams (so that mutations reach the page
text), one to three pages, a correct cross-reference table, text in the standard Helvetica font and
the lines of a few Corpus texts where they are ASCII (figures, dates, clause numbers)."""
import pathlib, sys
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])

def pdf(pages):
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", None,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "50 800 Td", "14 TL"]
        for l in lines:
            ops.append("(" + l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*")
        ops.append("ET")
        stream = "\n".join(ops)
        objs.append(f"<< /Length {len(stream.encode())} >>\nstream\n{stream}\nendstream")
        content = len(objs)
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R /Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(len(objs))
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    data = b"%PDF-1.4\n"
    offsets = []
    for n, o in enumerate(objs, 1):
        offsets.append(len(data))
        data += f"{n} 0 obj\n{o}\nendobj\n".encode()
    xref = len(data)
    data += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    data += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    data += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return data

texts = []
for p in sorted(src.glob("*.txt"))[:12]:
    try:
        lines = [l for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]
    except UnicodeDecodeError:
        continue
    ascii_lines = ["".join(c if 32 <= ord(c) < 127 else " " for c in l).strip() for l in lines]
    texts.append([l for l in ascii_lines if l][:40] or ["Contract No. 2024-001", "Total price: 1,850,000"])
for k, t in enumerate(texts):
    pages = [t[i:i + 20] for i in range(0, len(t), 20)][:3] or [t]
    (out / f"seed-{k:02d}.pdf").write_bytes(pdf(pages))
(out / "seed-empty-page.pdf").write_bytes(pdf([[]]))
