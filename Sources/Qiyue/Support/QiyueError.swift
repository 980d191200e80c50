/// An error Qiyue reports to its user, with a stable code and the file it concerns.
///
/// Codes are part of the public interface (scripts match on them); messages may improve.
/// ```
/// Q101 contract.txt: undecodable GB18030 byte sequence at byte offset 2051
/// ```
public struct QiyueError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A stable error code.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The input file could not be read.
        public static let unreadable = Code(rawValue: "Q100")
        /// The bytes are not valid in the detected or requested encoding.
        public static let undecodable = Code(rawValue: "Q101")
        /// The file is empty (or holds only white space).
        public static let empty = Code(rawValue: "Q102")
        /// The file looks binary (NUL bytes, control characters).
        public static let binary = Code(rawValue: "Q103")
        /// The file is larger than the configured limit.
        public static let tooLarge = Code(rawValue: "Q104")
        /// The requested encoding name is unknown.
        public static let unknownEncoding = Code(rawValue: "Q105")
        /// HTML or XML input could not be parsed.
        public static let badMarkup = Code(rawValue: "Q106")
        /// HTML that libxml2 stopped reading part-way (nesting deeper than its limit) was read
        /// whole by a plain tag stripper instead (a warning: no text is lost).
        public static let markupFallback = Code(rawValue: "Q107")
        /// The input is not a valid DOCX (not a zip archive, no word/document.xml, malformed XML).
        public static let notDocx = Code(rawValue: "Q110")
        /// Decompressing the input exceeded a limit (total size, compression ratio or entry count).
        public static let decompressionLimit = Code(rawValue: "Q111")
        /// A legacy Word/WPS file (.doc, .wps) needs LibreOffice to be read, and it is not installed.
        public static let needsLibreOffice = Code(rawValue: "Q112")
        /// LibreOffice failed to convert a legacy Word/WPS file.
        public static let conversionFailed = Code(rawValue: "Q113")
        /// An XML part declares a DTD or entities (refused: no entity is ever loaded or expanded).
        public static let forbiddenDTD = Code(rawValue: "Q114")
        /// The output file is one of the inputs (it would be overwritten).
        public static let outputIsInput = Code(rawValue: "Q115")
        /// The output file could not be written.
        public static let unwritableOutput = Code(rawValue: "Q116")
        /// The input is not a readable PDF (damaged, truncated, not a PDF at all).
        public static let badPDF = Code(rawValue: "Q120")
        /// The PDF is encrypted and needs a password.
        public static let encryptedPDF = Code(rawValue: "Q121")
        /// The PDF has more pages than `--max-pages`.
        public static let tooManyPages = Code(rawValue: "Q122")
        /// The image cannot be decoded (damaged, or a format Leptonica does not read).
        public static let badImage = Code(rawValue: "Q123")
        /// An image or a rendered page has more pixels than `--max-pixels`.
        public static let imageTooLarge = Code(rawValue: "Q124")
        /// PDF or image input needs the Scan trait (poppler, Tesseract) and this tool was built
        /// without it, or Tesseract's language data is missing.
        public static let scanUnavailable = Code(rawValue: "Q125")
        /// OCR of a page passed `--ocr-timeout` seconds: the words read so far are kept (a warning).
        public static let ocrTimeout = Code(rawValue: "Q126")
        /// Tesseract failed on a page.
        public static let ocrFailed = Code(rawValue: "Q127")
        /// A PDF page has no usable text layer and `--ocr never` keeps it unread (a warning).
        public static let noTextLayer = Code(rawValue: "Q128")
        /// The input holds no text at all: no text layer and nothing recognized.
        public static let noTextRecognized = Code(rawValue: "Q129")
        /// hOCR or ALTO input is malformed or holds no words.
        public static let badOCRMarkup = Code(rawValue: "Q130")
        /// A data file under Rules/ is missing or malformed.
        public static let badRuleData = Code(rawValue: "Q200")
        /// A risk rule file failed validation.
        public static let badRule = Code(rawValue: "Q201")
        /// A user regular expression exceeded its time limit.
        public static let regexTimeout = Code(rawValue: "Q202")
        /// A document used up its budget for rule regular expressions (`--regex-budget`); the
        /// remaining text rules were skipped for it (a warning).
        public static let regexBudget = Code(rawValue: "Q203")
        /// A rule's regular expression failed on a document (for example ICU's backtracking stack
        /// overflowed); the rule was skipped for it (a warning), never counted as "no match".
        public static let regexFailed = Code(rawValue: "Q204")
        /// An ICU service could not be opened.
        public static let icu = Code(rawValue: "Q300")
        /// A command-line argument or input is invalid.
        public static let usage = Code(rawValue: "Q400")
        /// The results could not be written (a closed pipe, a full disk): the run stops.
        public static let outputFailed = Code(rawValue: "Q500")
        /// The document is longer than the analysis budget (`--max-characters`): the text beyond
        /// it was not analyzed (a warning whose span is the part left out).
        public static let characterBudget = Code(rawValue: "Q600")
        /// Batch: a line of a stream input (`--stdin-jsonl`, `--stdin-tsv`) is not a record
        /// (not JSON, no id, neither text nor path); an error record takes its place.
        public static let badStreamRecord = Code(rawValue: "Q800")
        /// Batch: the results file to resume cannot be read as JSON Lines (a complete line that is
        /// not a JSON object): nothing is appended to it.
        public static let badResumeFile = Code(rawValue: "Q801")
        /// Batch: the results file already exists and neither `--resume` nor `--overwrite` was given.
        public static let outputExists = Code(rawValue: "Q802")
    }

    /// The stable code.
    public var code: Code
    /// The file concerned, if any.
    public var path: String?
    /// A human-readable explanation.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, path: String? = nil, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String {
        if let path { return "\(code) \(path): \(message)" }
        return "\(code) \(message)"
    }
}
