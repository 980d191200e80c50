import Foundation
import Qiyue
import QiyueIngest
#if Scan
import QiyueScan
#endif

/// The fixtures of Tests/QiyueScanTests/Fixtures (scripts/fixtures/render.sh) and a pipeline run
/// the way `qiyue extract` runs it.
enum ScanFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) ?? Data())
    }

    /// Options for the tests: Simplified Chinese only (one model loaded, not two: the test process
    /// stays small).
    static var options: IngestOptions {
        var o = IngestOptions()
        o.ocrLanguages = "chi_sim"
        return o
    }

    static func ingestor(_ options: IngestOptions = ScanFixtures.options) -> Ingestor {
        #if Scan
        return Ingestor(options: options, scanner: shared)
        #else
        return Ingestor(options: options)
        #endif
    }

    #if Scan
    static let shared = Scanner()
    #endif

    static func read(_ name: String, _ options: IngestOptions = ScanFixtures.options) throws(QiyueError) -> Ingestor.Input {
        try ingestor(options).read(bytes(name), name: name)
    }

    /// The report `qiyue extract` writes for the input.
    static func report(_ input: Ingestor.Input) throws -> ContractReport {
        var r = try Pipeline().report(input.analyzed, source: input.source)
        input.annotate(&r)
        return r
    }

    static func substring(_ text: String, _ span: TextSpan) -> String {
        let s = Array(text.unicodeScalars)
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[span.start..<span.end])
        return String(v)
    }
}
