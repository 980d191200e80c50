import Qiyue
import QiyueIngest

/// Any bytes read as hOCR and as ALTO (the XML reader, page and word collection, boxes and
/// confidences, the OCR repairs of the recognized text), within the limits.
private let hocr: Ingestor = {
    var o = IngestOptions()
    o.format = .hocr
    return Ingestor(options: o)
}()
private let alto: Ingestor = {
    var o = IngestOptions()
    o.format = .alto
    return Ingestor(options: o)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHOCR(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Every refusal is a coded error of these readers; anything else is a finding.
    let expected: Set<QiyueError.Code> = [.empty, .badOCRMarkup, .forbiddenDTD, .noTextRecognized, .badMarkup]
    for ingestor in [hocr, alto] {
        do {
            let input = try ingestor.read(bytes, name: "fuzz.hocr")
            // The words' boxes and the pages' spans must lie within the text.
            let count = input.decoded.text.unicodeScalars.count
            for page in input.source.pages ?? [] where page.span.start > page.span.end || page.span.end > count {
                fatalError("page span \(page.span) outside a text of \(count) scalars")
            }
            for word in input.words where word.span.start > word.span.end || word.span.end > count {
                fatalError("word span \(word.span) outside a text of \(count) scalars")
            }
        } catch {
            if !expected.contains(error.code) { fatalError("unexpected error \(error.code.rawValue): \(error.message)") }
        }
    }
    return 0
}
