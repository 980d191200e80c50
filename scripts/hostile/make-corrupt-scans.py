#!/usr/bin/env python3
"""Corrupt PDFs and images for scripts/hostile/run.sh, made from the scan fixtures:
   make-corrupt-scans.py FIXTURES OUT"""
import pathlib, struct, sys, zlib, random
fx, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
text = (fx / "text.pdf").read_bytes()
png = (fx / "scan.png").read_bytes()
random.seed(19)

def pdf(objs, root=1):
    data = b"%PDF-1.4\n"
    offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(data))
        data += f"{n} 0 obj\n".encode() + (o if isinstance(o, bytes) else o.encode()) + b"\nendobj\n"
    x = len(data)
    data += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode() + "".join(f"{o:010d} 00000 n \n" for o in offs).encode()
    return data + f"trailer\n<< /Size {len(objs) + 1} /Root {root} 0 R >>\nstartxref\n{x}\n%%EOF\n".encode()

def page(box, contents="", font=True):
    return ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            f"<< /Type /Page /Parent 2 0 R /MediaBox [{box}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(contents)} >>\nstream\n{contents}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]

(out / "zero.pdf").write_bytes(b"")
(out / "truncated.pdf").write_bytes(text[: len(text) // 2])
(out / "header-only.pdf").write_bytes(b"%PDF-1.7\n%%EOF\n")
# Garbage cross-reference table: every offset digit random, startxref far past the end.
i = text.rfind(b"xref\n0 ")
j = text.rfind(b"trailer")
xref = bytes(c if c in b"\n fn" else random.choice(b"0123456789") for c in text[i + 5:j])
start = text.rfind(b"startxref")
(out / "garbage-xref.pdf").write_bytes(text[:i + 5] + xref + text[j:start] + b"startxref\n99999999\n%%EOF\n")
# A page of 14,400 × 14,400 points (the largest PDF allows), no text: 60,000² pixels at 300 dpi.
(out / "huge-page.pdf").write_bytes(pdf(page("0 0 14400 14400")))
# A page tree whose Pages node lists itself as its kid.
(out / "page-tree-cycle.pdf").write_bytes(pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]))
# 600 empty pages (the default limit is 500).
kids = " ".join(f"{k} 0 R" for k in range(3, 603))
(out / "600-pages.pdf").write_bytes(pdf(["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count 600 >>"] +
                                        ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * 600))
# A content stream that inflates to 256 MiB of spaces (a Flate bomb inside the PDF).
bomb = zlib.compress(b" " * (256 << 20), 9)
objs = page("0 0 595 842")
objs[3] = f"<< /Length {len(bomb)} /Filter /FlateDecode >>\nstream\n".encode() + bomb + b"\nendstream"
(out / "flate-bomb.pdf").write_bytes(pdf(objs))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
sig = b"\x89PNG\r\n\x1a\n"
(out / "huge.png").write_bytes(sig + chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 0, 0, 0, 0)) + chunk(b"IEND", b""))
(out / "truncated.png").write_bytes(png[: len(png) // 3])
(out / "garbage.png").write_bytes(sig + bytes(random.randrange(256) for _ in range(4096)))
(out / "zero.png").write_bytes(b"")
# TIFF (little endian): width and length 100,000, 8-bit gray, one strip that is not there.
entries = [(256, 4, 1, 100000), (257, 4, 1, 100000), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1), (273, 4, 1, 8), (277, 3, 1, 1),
           (278, 4, 1, 100000), (279, 4, 1, 10_000_000_000 % (1 << 32))]
ifd = struct.pack("<H", len(entries)) + b"".join(struct.pack("<HHII", *e) for e in entries) + struct.pack("<I", 0)
(out / "huge.tiff").write_bytes(b"II*\x00" + struct.pack("<I", 8) + ifd)
# JPEG: SOI, a quantization table, a baseline frame header of 65,000 × 65,000, Huffman tables
# and a scan header (all a decoder reads before the pixels), then the end.
dqt = b"\xff\xdb" + struct.pack(">HB", 67, 0) + bytes([1] * 64)
sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 65000, 65000, 1) + b"\x01\x11\x00"
dht = b"".join(b"\xff\xc4" + struct.pack(">HB", 20, tc) + bytes([1] + [0] * 15) + b"\x00" for tc in (0x00, 0x10))
sos = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00" + b"\x00\x3f\x00"
(out / "huge.jpg").write_bytes(b"\xff\xd8" + dqt + sof + dht + sos + b"\x00" * 16 + b"\xff\xd9")
# GIF: a screen and an image of 65,535 × 65,535 with a few bytes of LZW data.
gif = b"GIF89a" + struct.pack("<HHBBB", 65535, 65535, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
gif += b"," + struct.pack("<HHHHB", 0, 0, 65535, 65535, 0) + b"\x02\x02\x44\x01\x00;"
(out / "huge.gif").write_bytes(gif)
# BMP: 10,000 × 5,000 pixels at 24 bits (50 million, over the 40 million default), no pixel data.
(out / "huge.bmp").write_bytes(b"BM" + struct.pack("<IHHI", 54, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 10000, 5000, 1, 24, 0, 0, 2835, 2835, 0, 0))
