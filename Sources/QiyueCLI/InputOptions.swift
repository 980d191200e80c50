import ArgumentParser
import Foundation
import Qiyue
import QiyueIngest
#if Scan
import QiyueScan
#endif

/// Options shared by every command that reads input files.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Force the input encoding (an ICU converter name such as GBK, Big5, UTF-16LE) instead of detecting it.")
    var encoding: String?

    @Option(name: .long, help: "Read inputs as this format instead of sniffing their content: text, html, xml, docx, pdf, image, hocr or alto (useful for standard input).")
    var inputFormat: SourceFormat?

    @Option(name: .long, help: "Refuse inputs larger than this many bytes.")
    var maxBytes: Int = 32 << 20

    @Option(name: .long, help: "DOCX: most bytes inflated from one archive (zip bomb guard).")
    var maxUncompressedBytes: Int = IngestOptions().maxUncompressedBytes

    @Option(name: .long, help: "DOCX: highest inflated/compressed ratio of a zip entry past 1 MiB (zip bomb guard).")
    var maxCompressionRatio: Int = IngestOptions().maxCompressionRatio

    @Option(name: .long, help: "DOCX: most entries a zip archive may list.")
    var maxZipEntries: Int = IngestOptions().maxEntries

    @Option(name: .long, help: "LibreOffice executable for legacy .doc/.wps files (default: $QIYUE_SOFFICE, or soffice on PATH).")
    var soffice: String?

    @Option(name: .long, help: "PDF: which pages go through OCR: auto (pages without a usable text layer), always, never.")
    var ocr: OCRMode = .auto

    @Option(name: .long, help: "PDF: refuse PDFs of more pages than this (Q122).")
    var maxPages: Int = IngestOptions().maxPages

    @Option(name: .long, help: "Images and scanned pages: refuse images of more pixels than this (Q124).")
    var maxPixels: Int = IngestOptions().maxPixels

    @Option(name: .long, help: "OCR: seconds Tesseract may spend on one page; then the words read so far are kept (warning Q126).")
    var ocrTimeout: Double = IngestOptions().ocrTimeout

    @Option(name: .long, help: "OCR: resolution scanned PDF pages are rendered at.")
    var ocrDpi: Double = IngestOptions().ocrDPI

    @Option(name: .long, help: "OCR: Tesseract languages.")
    var ocrLanguages: String = IngestOptions.defaultLanguages

    @Option(name: .long, help: "OCR: Tesseract's data directory (default: its own, or $TESSDATA_PREFIX).")
    var tessdata: String?

    @Option(name: .long, help: "OCR: facts whose lowest word confidence (0-100) is under this get needsReview.")
    var reviewBelow: Double = IngestOptions().reviewThreshold

    @Flag(name: .long, help: "OCR: analyze the recognized text as it is, without repairing confusions in figures, dates and amounts.")
    var noOcrRepair = false

    @Flag(name: .long, help: "Plain-text inputs are OCR output of another engine: read each as one recognized page, with OCR repair and the joins of lines OCR cut.")
    var ocrText = false

    @Flag(name: .long, help: "Keep Traditional characters instead of converting them to Simplified.")
    var keepTraditional = false

    @Option(name: .long, help: "Analyze at most this many characters of a document; the rest is reported as not analyzed (warning Q600).")
    var maxCharacters: Int = AnalysisLimits().maxCharacters

    @Option(name: .long, help: "ICU time limit for one match of a rule's regular expression (ICU work units, about a millisecond each); over it the rule is skipped for the document (warning Q202).")
    var regexTimeLimit: Int32 = AnalysisLimits().regexTimeLimit

    @Option(name: .long, help: "ICU work units all rule regular expressions together may spend on one document; then the remaining text rules are skipped for it (warning Q203).")
    var regexBudget: Int = AnalysisLimits().regexBudget

    @Option(name: .long, help: "The Rules directory (default: $QIYUE_RULES, the package's Rules/, or ./Rules).")
    var rulesDir: String?

    @Option(name: .long, help: "The date (YYYY-MM-DD) two-digit years (24年) are read near when a text has no four-digit year; default: the POSIX %y pivot (69–99 → 19xx, 00–68 → 20xx).")
    var referenceDate: String?

    var decoding: DecodingOptions {
        DecodingOptions(encoding: encoding, format: inputFormat == .docx ? nil : inputFormat, maxBytes: maxBytes)
    }
    var normalization: NormalizationOptions { NormalizationOptions(traditionalToSimplified: !keepTraditional) }
    var limits: AnalysisLimits {
        AnalysisLimits(maxCharacters: maxCharacters, regexTimeLimit: regexTimeLimit, regexBudget: regexBudget)
    }

    func validate() throws {
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
        guard maxCharacters > 0 else { throw ValidationError("--max-characters must be positive") }
        guard regexTimeLimit > 0 else { throw ValidationError("--regex-time-limit must be positive") }
        guard regexBudget > 0 else { throw ValidationError("--regex-budget must be positive") }
        guard maxPages > 0 else { throw ValidationError("--max-pages must be positive") }
        guard maxPixels > 0 else { throw ValidationError("--max-pixels must be positive") }
        guard ocrTimeout > 0 else { throw ValidationError("--ocr-timeout must be positive") }
        guard ocrDpi >= 36 && ocrDpi <= 1200 else { throw ValidationError("--ocr-dpi must be between 36 and 1200") }
        guard (0...100).contains(reviewBelow) else { throw ValidationError("--review-below must be between 0 and 100") }
    }

    var ingest: IngestOptions {
        var o = IngestOptions(decoding: decoding, format: inputFormat, maxUncompressedBytes: maxUncompressedBytes,
                              maxCompressionRatio: maxCompressionRatio, maxEntries: maxZipEntries, soffice: soffice)
        o.ocr = ocr
        o.maxPages = maxPages
        o.maxPixels = maxPixels
        o.ocrTimeout = ocrTimeout
        o.ocrDPI = ocrDpi
        o.ocrLanguages = ocrLanguages
        o.tessdata = tessdata
        o.reviewThreshold = reviewBelow
        o.repair = !noOcrRepair
        o.recognizedText = ocrText
        return o
    }

    /// The ingestor for these options (every input format, sniffed by content); PDF and images
    /// need the Scan trait.
    var ingestor: Ingestor { Ingestor(options: ingest, scanner: Self.scanner) }

    #if Scan
    /// One scanner for the run: its Tesseract instances are reused from input to input.
    static let scanner: (any PageScanner)? = Scanner()
    #else
    static let scanner: (any PageScanner)? = nil
    #endif

    /// Reads one input of any format; `-` is standard input (labelled `<stdin>`).

    func read(_ path: String) throws(QiyueError) -> Ingestor.Input {
        let ingestor = self.ingestor
        guard path == "-" else { return try ingestor.read(contentsOf: path) }
        return try ingestor.read(try StandardInput.read(limit: maxBytes), name: "<stdin>")
    }

    /// A pipeline over the rules directory; `risks` picks the risk rules from the loaded knowledge.
    func makePipeline(risks: (KnowledgeBase) throws -> Pipeline.RiskRules = { _ in .shipped }) throws -> Pipeline {
        let kb = try KnowledgeBase(directory: rulesDir)
        let pipeline = try Pipeline(knowledge: kb, decoding: decoding, normalization: normalization, limits: limits, risks: risks(kb))
        pipeline.referenceDate = try checkedReferenceDate()
        return pipeline
    }

    /// --reference-date, checked.
    func checkedReferenceDate() throws -> String? {
        guard let r = referenceDate else { return nil }
        let parts = r.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ Int($0) != nil }) else {
            throw ValidationError("--reference-date needs YYYY-MM-DD, got '\(r)'")
        }
        return r
    }

    func makeAnalyzer() throws -> Analyzer {
        let kb = try KnowledgeBase(directory: rulesDir)
        return try Analyzer(knowledge: kb, decoding: decoding, normalization: normalization, limits: limits)
    }
}

extension SourceFormat: ExpressibleByArgument {}
extension OCRMode: ExpressibleByArgument {}

/// Standard input, read up to a limit.
enum StandardInput {
    static func read(limit: Int) throws(QiyueError) -> [UInt8] {
        var out: [UInt8] = []
        let handle = FileHandle.standardInput
        while true {
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            out.append(contentsOf: chunk)
            if out.count > limit {
                throw QiyueError(.tooLarge, path: "<stdin>", "input is over the limit of \(limit) bytes (see --max-bytes)")
            }
        }
        return out
    }
}
