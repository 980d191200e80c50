#!/usr/bin/env python3
"""Minimal DOCX files (document.xml with one paragraph per line, a table, numbering) from Corpus
texts, as fuzzing seeds; with --xml, the document.xml parts alone (Word-style runs with run properties,
references, CDATA, comments, CRLF, other prefixes) for the xml target."""
import pathlib, sys, zipfile
from xml.sax.saxutils import escape
args = [a for a in sys.argv[1:] if a != "--xml"]
xml_only = "--xml" in sys.argv
src, out = pathlib.Path(args[0]), pathlib.Path(args[1])
RPR = '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体" w:hint="eastAsia"/><w:sz w:val="24"/></w:rPr>'
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
    if xml_only:
        word = "".join(f'<w:p w:rsidR="00{k:06X}"><w:pPr>{RPR}</w:pPr><w:r w:rsidRPr="00A1B2C3">{RPR}'
                       f'<w:t xml:space="preserve">{escape(l)}</w:t></w:r></w:p>' for l in lines[:20])
        extra = ('<!-- 注释 --><w:p><w:r><w:t>A&amp;B &#x4E19;&#20013;\r\n</w:t></w:r><w:r><w:t><![CDATA[<x>]]></w:t></w:r>'
                 '<w:del><w:r><w:t>删</w:t></w:r></w:del><x:r xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:t>严格</x:t></x:r></w:p>')
        (out / f"seed-{k:02d}.xml").write_text(doc, encoding="utf-8")
        (out / f"seed-{k:02d}-word.xml").write_text(
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document {W}><w:body>{word}{extra}</w:body></w:document>', encoding="utf-8")
        continue
    with zipfile.ZipFile(out / f"seed-{k:02d}.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("word/document.xml", doc)
