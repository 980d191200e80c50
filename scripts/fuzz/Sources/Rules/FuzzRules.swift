import Qiyue

/// Any text as a risk rule file: YAML parsing within bounds, validation, compiling.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = RiskRuleLinter.lint(yaml: text, path: "fuzz.yaml")
    return 0
}
