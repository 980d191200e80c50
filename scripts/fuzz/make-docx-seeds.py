#!/usr/bin/env python3
"""Minimal DOCX files (document.xml with one paragraph per line, a table, numbering) from Corpus
texts, as fuzzing seeds."""
import pathlib, sys, zipfile
from xml.sax.saxutils import escape
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
for k, p in enumerate(sorted(src.glob("*.txt"))[:30]):
    try:
        lines = p.read_text(encoding="utf-8").splitlines()[:60]
    except UnicodeDecodeError:
        continue
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(l)}</w:t></w:r></w:p>" for l in lines)
    body += "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲方</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>某公司</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(out / f"seed-{k:02d}.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("word/document.xml", doc)
