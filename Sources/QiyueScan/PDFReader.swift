import CPopplerBridge
import Foundation
import Qiyue
import QiyueIngest

/// Reads a PDF page by page: the text layer (poppler) in reading order, or OCR of the rendered
/// page when it has no usable text layer (`--ocr auto`), always (`--ocr always`) or never.
struct PDFReader {
    let options: IngestOptions
    let engines: OCREngine.Pool

    func read(_ bytes: [UInt8], name: String) throws(QiyueError) -> PagedText {
        let pdf = try open(bytes, name: name)
        defer { qy_pdf_close(pdf) }
        let count = Int(qy_pdf_page_count(pdf))
        guard count > 0 else { throw QiyueError(.badPDF, path: name, "the PDF has no pages") }
        guard count <= options.maxPages else {
            throw QiyueError(.tooManyPages, path: name, "the PDF has \(count) pages, over the limit of \(options.maxPages) (see --max-pages)")
        }
        var out = PagedText()
        var lease: OCREngine.Lease?
        var unread: [Int] = []
        for index in 0..<count {
            var w = 0.0, h = 0.0
            qy_pdf_page_size(pdf, Int32(index), &w, &h)
            let lines = textLayer(pdf, page: index, width: w)
            let usable = Self.isUsable(lines)
            out.beginPage()
            if options.ocr == .always || (options.ocr == .auto && !usable) {
                let size = try recognize(pdf, page: index, lease: &lease, into: &out, name: name)
                out.endPage(width: Double(size.0), height: Double(size.1), unit: "px", ocr: true)
            } else {
                if !usable { unread.append(index + 1) }
                for line in lines { out.addLine(line.text) }
                out.endPage(width: w, height: h, unit: "pt", ocr: false)
            }
        }
        if !unread.isEmpty {
            out.warnings.append(ReportWarning(.noTextLayer, "page(s) \(unread.map(String.init).joined(separator: ", ")) have no usable text layer and were not recognized (--ocr never)"))
        }
        return out
    }

    private func open(_ bytes: [UInt8], name: String) throws(QiyueError) -> OpaquePointer {
        var status: Int32 = 0
        var err = [CChar](repeating: 0, count: 256)
        let pdf = bytes.withUnsafeBufferPointer { qy_pdf_open($0.baseAddress, $0.count, &status, &err, Int32(err.count)) }
        guard let pdf else {
            let message = String(decoding: err.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if Int(status) == QY_PDF_ENCRYPTED {
                throw QiyueError(.encryptedPDF, path: name, "the PDF is encrypted; Qiyue reads no password-protected PDF")
            }
            throw QiyueError(.badPDF, path: name, "not a readable PDF" + (message.isEmpty ? "" : " (poppler: \(message))"))
        }
        return pdf
    }

    /// The page's text layer as lines in reading order.
    private func textLayer(_ pdf: OpaquePointer, page: Int, width: Double) -> [TextLine] {
        var text: UnsafeMutablePointer<CChar>?
        var boxes: UnsafeMutablePointer<Double>?
        var count: Int32 = 0
        guard qy_pdf_page_text(pdf, Int32(page), &text, &boxes, &count) == 0, let text, let boxes else { return [] }
        defer { qy_pdf_free(text); qy_pdf_free(boxes) }
        let scalars = Array(String(cString: text).unicodeScalars)
        let lines = TextLine.split(scalars, boxes: UnsafeBufferPointer(start: boxes, count: 4 * Int(count)))
        return ColumnOrder.order(lines, pageWidth: width)
    }

    /// A text layer is usable when it holds a few characters and most are not U+FFFD or private
    /// use (fonts without a Unicode mapping).
    static func isUsable(_ lines: [TextLine]) -> Bool {
        var visible = 0, junk = 0
        for l in lines {
            for c in l.text.unicodeScalars where !c.isWhiteSpace {
                visible += 1
                if c.value == 0xFFFD || (0xE000...0xF8FF).contains(c.value) { junk += 1 }
            }
        }
        return visible >= 4 && junk * 3 < visible
    }

    /// Renders the page and recognizes it (Tesseract is started once a page has rendered); returns
    /// its size in pixels.
    private func recognize(_ pdf: OpaquePointer, page: Int, lease: inout OCREngine.Lease?, into out: inout PagedText,
                           name: String) throws(QiyueError) -> (Int, Int) {
        var w: Int32 = 0, h: Int32 = 0
        guard let gray = qy_pdf_render_gray(pdf, Int32(page), options.ocrDPI, Int64(options.maxPixels), &w, &h) else {
            if Int(w) * Int(h) > options.maxPixels {
                throw QiyueError(.imageTooLarge, path: name, "page \(page + 1) is \(w)×\(h) pixels at \(Int(options.ocrDPI)) dpi, over the limit of \(options.maxPixels) (see --max-pixels, --ocr-dpi)")
            }
            throw QiyueError(.badPDF, path: name, "page \(page + 1) cannot be rendered")
        }
        let pixels = Array(UnsafeBufferPointer(start: gray, count: Int(w) * Int(h)))
        qy_pdf_free(gray)
        if lease == nil { lease = try engines.engine(options: options, name: name) }
        let result = try lease!.recognize(gray: pixels, width: Int(w), height: Int(h), dpi: Int(options.ocrDPI),
                                         timeout: options.ocrTimeout, name: name)
        result.add(to: &out, page: page + 1, timeout: options.ocrTimeout)
        return (Int(w), Int(h))
    }
}
