import Foundation
@testable import Qiyue

/// Shared helpers for the test suite.
enum TestSupport {
    /// The package root (…/Tests/QiyueTests/Support/TestSupport.swift → root).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The seed pages: ../shared/seeds beside the checkout, or the copies in Corpus/pages.
    static var seedFiles: [String] {
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
        let pages = root.appendingPathComponent("Corpus/pages").path
        for dir in [shared, pages] {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
            if !names.isEmpty { return names.map { dir + "/" + $0 } }
        }
        return []
    }

    static func analyzer(_ options: NormalizationOptions = NormalizationOptions()) throws -> Analyzer {
        try Analyzer(normalization: options)
    }

    static func utf16(_ s: String) -> [UInt16] { Array(s.utf16) }

    /// The first line of any seed file containing `needle`.
    static func seedLine(containing needle: String) -> String? {
        for f in seedFiles {
            guard let text = try? String(contentsOfFile: f, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.contains(needle) { return String(line) }
        }
        return nil
    }

    /// Scalar offset of `needle` in `haystack`.
    static func scalarOffset(of needle: String, in haystack: String) -> Int? {
        let h = Array(haystack.unicodeScalars), n = Array(needle.unicodeScalars)
        guard n.count <= h.count else { return nil }
        for i in 0...(h.count - n.count) where Array(h[i..<(i + n.count)]) == n { return i }
        return nil
    }
}
