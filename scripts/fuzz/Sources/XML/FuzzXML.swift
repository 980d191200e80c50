@_spi(Fuzzing) import QiyueIngest

/// Any bytes as a Word XML part, through both of the bridge's parsers: the fast path for plain XML
/// must report exactly what libxml2 reports (events, attributes, text, errors); a difference traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    precondition(XMLEngineCheck.agree(bytes), "the fast XML path and libxml2 disagree")
    return 0
}
