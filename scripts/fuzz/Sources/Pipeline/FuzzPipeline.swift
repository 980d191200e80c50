import Qiyue
import QiyueIngest

/// Any bytes through the whole pipeline as `qiyue extract` runs it: sniff and decode (text,
/// HTML/XML, DOCX), normalize, segment, split, extract, classify, rules, JSON.
nonisolated(unsafe) private let pipeline = try! Pipeline()
private let ingestor = Ingestor(options: IngestOptions())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let input = try? ingestor.read(bytes, name: "fuzz.txt") else { return 0 }
    for report in pipeline.reports(input.decoded, source: input.source, split: true) {
        _ = JSONWriter.string(report)
    }
    return 0
}

/// Loads the rules before the first input, outside the per-input timeout.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = pipeline.knowledge
    return 0
}
