import Qiyue
import QiyueIngest
import QiyueScan

/// Any bytes read as a PDF through poppler (document, pages, each page's text layer with its
/// character boxes, lines, column order), then the paged text as an input, within the limits.
/// OCR is off (`--ocr never`): Tesseract on every rendered page would make a run a few inputs a
/// second; the page limit is lowered so that a PDF of many empty pages stays fast.
private let ingestor: Ingestor = {
    var o = IngestOptions()
    o.format = .pdf
    o.ocr = .never
    o.maxPages = 50
    return Ingestor(options: o, scanner: Scanner())
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        _ = try ingestor.read(bytes, name: "fuzz.pdf")
    } catch {
        // Every refusal is one of the PDF codes (or empty input); anything else is a finding.
        let expected: Set<QiyueError.Code> = [.empty, .badPDF, .encryptedPDF, .tooManyPages, .noTextRecognized]
        if !expected.contains(error.code) { fatalError("unexpected error \(error.code.rawValue): \(error.message)") }
    }
    return 0
}
