import Foundation
import Qiyue

/// Reads an input of any supported format into the text every span indexes, choosing the adapter
/// by content (not only by the file name): a zip archive with word/document.xml is a DOCX, an OLE2
/// compound file or RTF goes through LibreOffice, anything else is text or HTML/XML for
/// ``TextDecoder``.
///
/// ```swift
/// let input = try Ingestor().read(contentsOf: "合同.docx")
/// let report = try Pipeline().report(input.decoded, source: input.source)
/// ```
public struct Ingestor: Sendable {
    /// What the content of an input looks like.
    public enum Kind: String, Sendable {
        /// A zip archive (a DOCX when it holds word/document.xml).
        case zip
        /// An OLE2 compound file (.doc, .wps) or RTF: converted with LibreOffice.
        case legacy
        /// A PDF (read by the ``scanner``).
        case pdf
        /// A PNG, JPEG, TIFF, GIF, BMP or WebP image (recognized by the ``scanner``).
        case image
        /// hOCR: HTML with the words an OCR engine recognized.
        case hocr
        /// ALTO XML from an OCR engine.
        case alto
        /// Text, HTML or XML.
        case text
    }

    /// Options and limits.
    public var options: IngestOptions

    /// Reads PDF and image input (the QiyueScan module's `Scanner`); nil refuses them (Q125).
    public var scanner: (any PageScanner)?

    /// Creates an ingestor; without a `scanner`, PDF and image input is refused.
    public init(options: IngestOptions = IngestOptions(), scanner: (any PageScanner)? = nil) {
        self.options = options
        self.scanner = scanner
    }

    /// The decoded text and the source description for one input.
    public struct Input: Sendable {
        /// The text (what spans index) with its encoding and format.
        public var decoded: DecodedText
        /// Path, encoding, format, and for DOCX the tracked-change flag, headers and footers; for
        /// paged input its pages and OCR repairs.
        public var source: SourceInfo
        /// For OCR input: the recognized words, their boxes and confidences.
        public var words: [RecognizedWord] = []
        /// For OCR input: the text with its recognition errors repaired (``OCRRepairer``), which
        /// the analysis reads; of the same length as ``decoded``, so spans index both. Nil when
        /// nothing was repaired.
        public var repaired: DecodedText? = nil
        /// Problems met while reading (pages left unread, OCR timeouts) for the report's warnings.
        public var warnings: [ReportWarning] = []
        /// Confidence under which a traced fact needs review.
        var reviewThreshold: Double = 70

        /// The text the analysis reads: the repaired text for OCR input, else ``decoded``.
        public var analyzed: DecodedText { repaired ?? decoded }

        /// Adds to a report on this input the reading warnings and, for paged input, each fact's page
        /// and, for OCR input, the words under it with their lowest confidence and `needsReview`.
        public func annotate(_ report: inout ContractReport) {
            if !warnings.isEmpty { report.warnings = warnings + (report.warnings ?? []) }
            guard let pages = source.pages, !pages.isEmpty else { return }
            let tracer = ReportTracer(pages: pages, words: words, threshold: reviewThreshold)
            report.trace(tracer.trace)
        }
    }

    /// Sniffs the content.
    public static func kind(of bytes: [UInt8]) -> Kind {
        if ZipParts.looksLikeZip(bytes) { return .zip }
        if looksLikePDF(bytes) { return .pdf }
        if looksLikeImage(bytes) { return .image }
        if ALTOReader.looksLikeALTO(bytes) { return .alto }
        if HOCRReader.looksLikeHOCR(bytes) { return .hocr }
        if LegacyConverter.looksLegacy(bytes) || bytes.starts(with: Array("{\\rtf".utf8)) { return .legacy }
        return .text
    }

    /// Reads a file.
    public func read(contentsOf path: String) throws(QiyueError) -> Input {
        try read(contentsOfRawPath: Array(path.utf8))
    }

    /// Reads a file named by the raw bytes of its path (which need not be UTF-8); FIFOs, devices
    /// and directories are refused at once (``FileReader``).
    public func read(contentsOfRawPath raw: [UInt8]) throws(QiyueError) -> Input {
        try read(FileReader.read(path: raw, maxBytes: options.decoding.maxBytes), name: FileReader.displayName(raw))
    }

    /// Reads bytes (a file's or standard input's); `name` labels the source and, for text, hints
    /// at HTML/XML by its extension.
    /// `source.sha256` and `source.id` are the SHA-256 of the bytes (`sha256`, when the caller has
    /// computed it already).
    public func read(_ bytes: [UInt8], name: String, sha256: String? = nil) throws(QiyueError) -> Input {
        var input = try decode(bytes, name: name)
        let hash = sha256 ?? SHA256.hex(bytes)
        input.source.sha256 = hash
        input.source.id = hash
        return input
    }

    private func decode(_ bytes: [UInt8], name: String) throws(QiyueError) -> Input {
        guard bytes.count <= options.decoding.maxBytes else {
            throw QiyueError(.tooLarge, path: name, "input is \(bytes.count) bytes, over the limit of \(options.decoding.maxBytes) bytes (see --max-bytes)")
        }
        if bytes.isEmpty { throw QiyueError(.empty, path: name, "file is empty") }
        let kind = Self.kind(of: bytes)
        switch options.format {
        case .docx:
            switch kind {
            case .zip: return try docx(bytes, name: name)
            case .legacy: return try legacy(bytes, name: name)
            default: throw QiyueError(.notDocx, path: name, "--input-format docx, but the input is not a zip archive")
            }
        case .pdf: return try paged(bytes, name: name, kind: .pdf)
        case .image: return try paged(bytes, name: name, kind: .image)
        case .hocr: return try paged(bytes, name: name, kind: .hocr)
        case .alto: return try paged(bytes, name: name, kind: .alto)
        case .some(let format):
            var decoding = options.decoding
            decoding.format = format
            return try text(bytes, name: name, decoding: decoding)
        case nil:
            switch kind {
            case .zip: return try docx(bytes, name: name)
            case .legacy: return try legacy(bytes, name: name)
            case .text: return try text(bytes, name: name, decoding: options.decoding)
            case .pdf, .image, .hocr, .alto: return try paged(bytes, name: name, kind: kind)
            }
        }
    }

    /// `%PDF-` within the first kilobyte (as readers allow).
    static func looksLikePDF(_ bytes: [UInt8]) -> Bool {
        let marker = Array("%PDF-".utf8)
        return OCRMarkup.find(marker, in: bytes.prefix(1024)) != nil
    }

    /// PNG, JPEG, TIFF, GIF, BMP or WebP signatures.
    static func looksLikeImage(_ bytes: [UInt8]) -> Bool {
        let signatures: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A],
            Array("GIF8".utf8), Array("BM".utf8),
        ]
        if signatures.contains(where: { bytes.starts(with: $0) }) { return true }
        return bytes.count > 12 && bytes.starts(with: Array("RIFF".utf8)) && Array(bytes[8..<12]) == Array("WEBP".utf8)
    }

    private func paged(_ bytes: [UInt8], name: String, kind: Kind) throws(QiyueError) -> Input {
        let text: PagedText
        let format: SourceFormat
        switch kind {
        case .hocr:
            text = try HOCRReader.read(bytes, path: name); format = .hocr
        case .alto:
            text = try ALTOReader.read(bytes, path: name); format = .alto
        case .pdf, .image:
            guard let scanner else {
                throw QiyueError(.scanUnavailable, path: name, "\(kind == .pdf ? "PDF" : "image") input needs the Scan trait (poppler, Tesseract); this qiyue was built without it")
            }
            if kind == .pdf {
                text = try scanner.readPDF(bytes, name: name, options: options); format = .pdf
            } else {
                text = try scanner.readImage(bytes, name: name, options: options); format = .image
            }
        default:
            throw QiyueError(.usage, path: name, "not a paged input")
        }
        guard text.hasText else {
            let why = format == .pdf && options.ocr == .never ? " (no text layer, and --ocr never)" : ""
            throw QiyueError(.noTextRecognized, path: name, "no text in the \(format.rawValue) input\(why)")
        }
        var source = SourceInfo(path: name, encoding: "UTF-8", format: format)
        source.pages = text.pages
        var input = Input(decoded: DecodedText(text: text.text, encoding: "UTF-8", format: format), source: source)
        input.words = text.words
        input.warnings = text.warnings
        input.reviewThreshold = options.reviewThreshold
        repair(&input, text.text, ocrPages: text.pages.filter(\.ocr).map(\.span))
        return input
    }

    /// OCR repair of the recognized pages' text, when asked for.
    private func repair(_ input: inout Input, _ text: String, ocrPages: [TextSpan]) {
        guard options.repair && !ocrPages.isEmpty else { return }
        let (repaired, repairs) = OCRRepairer().repair(text, in: ocrPages)
        if !repairs.isEmpty {
            input.repaired = DecodedText(text: repaired, encoding: "UTF-8", format: input.decoded.format)
            input.source.repairs = repairs
        }
    }

    private func text(_ bytes: [UInt8], name: String, decoding: DecodingOptions) throws(QiyueError) -> Input {
        let decoded = try TextDecoder(options: decoding).decode(bytes, name: name)
        var input = Input(decoded: decoded, source: SourceInfo(path: name, encoding: decoded.encoding, format: decoded.format))
        // --ocr-text: another engine's OCR output, read as one recognized page.
        if options.recognizedText && decoded.format == .text {
            let page = PageInfo(number: 1, span: TextSpan(0, decoded.text.unicodeScalars.count), width: 0, height: 0, unit: "px", ocr: true)
            input.source.pages = [page]
            repair(&input, decoded.text, ocrPages: [page.span])
        }
        return input
    }

    private func docx(_ bytes: [UInt8], name: String) throws(QiyueError) -> Input {
        let r = try DocxReader(options: options).read(bytes, path: name)
        if r.text.unicodeScalars.allSatisfy(\.isWhiteSpace) {
            throw QiyueError(.empty, path: name, "the document body holds no text")
        }
        var source = SourceInfo(path: name, encoding: "UTF-8", format: .docx)
        source.unacceptedChanges = r.unacceptedChanges ? true : nil
        source.headers = r.headers.isEmpty ? nil : r.headers
        source.footers = r.footers.isEmpty ? nil : r.footers
        source.tables = r.tables.isEmpty ? nil : r.tables
        return Input(decoded: DecodedText(text: r.text, encoding: "UTF-8", format: .docx), source: source)
    }

    private func legacy(_ bytes: [UInt8], name: String) throws(QiyueError) -> Input {
        let converted = try LegacyConverter(options: options).convert(bytes, path: name)
        return try docx(converted, name: name)
    }
}

extension Pipeline {
    /// The reports of an ingested input, as every interface writes them (extract, batch, the
    /// service): OCR input is analyzed repaired (spans still index the text as recognized, the
    /// repairs keep its length), and each fact is traced to its page and word boxes. `source`
    /// defaults to the input's own.
    public func reports(_ input: Ingestor.Input, source: SourceInfo? = nil, split: Bool, category: String? = nil) -> [ContractReport] {
        var reports = self.reports(input.analyzed, source: source ?? input.source, split: split, category: category)
        for i in reports.indices { input.annotate(&reports[i]) }
        return reports
    }
}
