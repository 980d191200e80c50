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

    /// An empty folder of its own under the temporary directory; the caller removes it.
    static func temporaryDirectory(_ prefix: String = "qiyue") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A copy of the shipped Rules/ with the file at `relative` rewritten by `edit`; the caller
    /// removes the returned folder.
    static func rulesCopy(editing relative: String, _ edit: (String) throws -> String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qiyue-rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: root.appendingPathComponent("Rules"), to: dir)
        let file = dir.appendingPathComponent(relative)
        try edit(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        return dir
    }

    /// The deadlines of `text` under a minimal party header (甲方 张三, 乙方 李四), each as
    /// "anchor|amount|unit|bound|obligor", or "date:…|bound|obligor" for a dated one.
    static func deadlineKeys(_ pipeline: Pipeline, _ text: String, category: String = "service") -> [String] {
        pipeline.report(text: "合同\n甲方：张三\n乙方：李四\n" + text, category: category).0.deadlines.map { d in
            let head = d.relative.map { "\($0.anchor)|\(FactEvaluation.num($0.amount))|\($0.unit)" } ?? "date:\(d.date ?? "blank")"
            return "\(head)|\(d.bound)|\(d.obligor ?? "∅")"
        }
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

/// Runs the built `qiyue` binary as a subprocess (the CLI's exit statuses and streams are part of
/// its interface).
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `qiyue` executable of this build: beside the test bundle, or in .build/debug.
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qiyue")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return TestSupport.root.appendingPathComponent(".build/debug/qiyue")
    }

    /// Runs a shell command line with `$Q` set to the binary; output is captured through files.
    static func shell(_ script: String, cwd: URL = TestSupport.root) throws -> Result {
        let dir = try TestSupport.temporaryDirectory("qiyue-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        p.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        env["Q"] = binary.path
        env["OUT"] = out.path
        env["ERR"] = err.path
        p.environment = env
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let read = { (u: URL) in (try? String(contentsOf: u, encoding: .utf8)) ?? "" }
        return Result(status: p.terminationStatus, stdout: read(out), stderr: read(err))
    }
}
