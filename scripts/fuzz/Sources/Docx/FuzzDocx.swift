import Qiyue
import QiyueIngest

/// Any bytes read as DOCX (zip archive, XML parts, numbering, tables, headers), within the limits.
private let ingestor: Ingestor = {
    var o = IngestOptions()
    o.format = .docx
    return Ingestor(options: o)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? ingestor.read(bytes, name: "fuzz.docx")
    return 0
}
