#!/usr/bin/env python3
"""Small hOCR and ALTO files as fuzzing seeds: the lines of a few Corpus texts as OCR words (a
word per two to four characters), boxes on a page grid, confidences, one or two pages."""
import pathlib, sys
from xml.sax.saxutils import escape, quoteattr
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])

def words(line):
    return [line[i:i + 3] for i in range(0, len(line), 3)]

def hocr(pages):
    body = []
    for p, lines in enumerate(pages, 1):
        body.append(f"<div class='ocr_page' id='page_{p}' title='image \"scan.png\"; bbox 0 0 2480 3508; ppageno {p - 1}'>")
        for n, l in enumerate(lines):
            y = 100 + 60 * n
            body.append(f"<span class='ocr_line' id='line_{p}_{n}' title='bbox 100 {y} 2000 {y + 40}; baseline 0 -5'>")
            for k, w in enumerate(words(l)):
                x = 100 + 120 * k
                body.append(f"<span class='ocrx_word' id='word_{p}_{n}_{k}' title='bbox {x} {y} {x + 110} {y + 40}; x_wconf {60 + (k * 7) % 40}'>{escape(w)}</span>")
            body.append("</span>")
        body.append("</div>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
            '<head><meta name="ocr-system" content="tesseract"/></head><body>' + "".join(body) + "</body></html>\n")

def alto(pages):
    body = []
    for p, lines in enumerate(pages, 1):
        body.append(f'<Page WIDTH="2480" HEIGHT="3508" PHYSICAL_IMG_NR="{p}" ID="page_{p}"><PrintSpace><TextBlock ID="b_{p}">')
        for n, l in enumerate(lines):
            y = 100 + 60 * n
            body.append(f'<TextLine ID="l_{p}_{n}" HPOS="100" VPOS="{y}" WIDTH="1900" HEIGHT="40">')
            for k, w in enumerate(words(l)):
                body.append(f'<String ID="s_{p}_{n}_{k}" HPOS="{100 + 120 * k}" VPOS="{y}" WIDTH="110" HEIGHT="40" WC="{0.6 + (k % 4) / 10:.2f}" CONTENT={quoteattr(w)}/><SP WIDTH="10" VPOS="{y}" HPOS="{210 + 120 * k}"/>')
            body.append("</TextLine>")
        body.append("</TextBlock></PrintSpace></Page>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">'
            '<Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout>' + "".join(body) + "</Layout></alto>\n")

k = 0
for p in sorted(src.glob("*.txt"))[:10]:
    try:
        lines = [l.strip() for l in p.read_text(encoding="utf-8").splitlines() if l.strip()][:30]
    except UnicodeDecodeError:
        continue
    pages = [lines[:15], lines[15:]] if len(lines) > 15 else [lines]
    (out / f"seed-{k:02d}.hocr.html").write_text(hocr(pages), encoding="utf-8")
    (out / f"seed-{k:02d}.alto.xml").write_text(alto(pages), encoding="utf-8")
    k += 1
