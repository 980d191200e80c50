import Foundation
import IngestFixtures
@testable import Qiyue
import QiyueIngest
import Testing

/// The `qiyue` binary, run as a subprocess.
enum CLI {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The qiyue executable built beside the test bundle.
    static let binary: String = {
        var candidates: [String] = []
        if let exe = Bundle.main.executableURL?.deletingLastPathComponent() { candidates.append(exe.appendingPathComponent("qiyue").path) }
        let arg0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(arg0.appendingPathComponent("qiyue").path)
        candidates.append(arg0.deletingLastPathComponent().appendingPathComponent("qiyue").path)
        candidates.append(root.appendingPathComponent(".build/debug/qiyue").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
    }

    static func run(_ args: [String], stdin: [UInt8]? = nil, cwd: URL? = nil, executable: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable ?? binary)
        p.arguments = args
        p.currentDirectoryURL = cwd ?? root
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = stdin == nil ? FileHandle.nullDevice : inp
        try p.run()
        if let stdin {
            // Written on another thread so a large input cannot deadlock against a full stdout pipe.
            let writer = inp.fileHandleForWriting
            let data = Data(stdin)
            Thread.detachNewThread { try? writer.write(contentsOf: data); try? writer.close() }
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: [UInt8](o), stderr: String(decoding: e, as: UTF8.self))
    }

    static func json(_ r: Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(r.stdout)) as! [String: Any]
    }

    /// The texts of `field`'s facts and the text their spans select in `text`.
    static func spanTexts(_ report: [String: Any], _ field: String, in text: String) -> [(String, String)] {
        let scalars = Array(text.unicodeScalars)
        return (report[field] as? [[String: Any]] ?? []).compactMap { f in
            guard let span = f["span"] as? [Int], let t = f["text"] as? String, span[1] <= scalars.count else { return nil }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[span[0]..<span[1]])
            return (t, String(v))
        }
    }
}

@Suite(.serialized) struct CLITests {
    static let sample = "Corpus/documents/gen-a-09.txt"

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: CLI.binary), "\(CLI.binary)")
    }

    @Test func stdinTextGivesTheSameReportAsTheFile() throws {
        let bytes = [UInt8](FileManager.default.contents(atPath: CLI.root.appendingPathComponent(Self.sample).path)!)
        let piped = try CLI.run(["extract", "-"], stdin: bytes)
        let file = try CLI.run(["extract", Self.sample])
        #expect(piped.status == 0, "\(piped.stderr)")
        var a = try CLI.json(piped), b = try CLI.json(file)
        #expect((a["source"] as? [String: Any])?["path"] as? String == "<stdin>")
        a["source"] = nil; b["source"] = nil
        #expect(NSDictionary(dictionary: a) == NSDictionary(dictionary: b))
    }

    static let htmlFragment = "<h1>借款合同</h1><p>出借人（甲方）：张三</p><p>借款人（乙方）：李四</p><p>第一条 借款金额为人民币<b>伍万元整</b>（¥50,000.00）。</p><p>第二条 乙方应于2025年6月30日前归还借款，逾期每日按欠款的万分之五支付违约金。</p>"

    @Test func stdinHTMLWithAFormatHint() throws {
        let r = try CLI.run(["extract", "-", "--input-format", "html", "--include-text"], stdin: Array(Self.htmlFragment.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let report = try CLI.json(r)
        let source = report["source"] as! [String: Any]
        #expect(source["format"] as? String == "html")
        let text = source["text"] as! String
        #expect(!text.contains("<p>"))
        #expect((report["amounts"] as! [[String: Any]]).contains { $0["value"] as? Double == 50000 })
        for (fact, selected) in CLI.spanTexts(report, "amounts", in: text) + CLI.spanTexts(report, "deadlines", in: text) {
            #expect(fact == selected)
        }
        // The same text, printed by qiyue text.
        let t = try CLI.run(["text", "-", "--input-format", "html"], stdin: Array(Self.htmlFragment.utf8))
        #expect(t.out == text)
        // An encoding hint for standard input.
        let gb = ICUCharset.fromUTF16(Array(Self.htmlFragment.utf16), charset: "GB18030")!
        let hinted = try CLI.run(["text", "-", "--input-format", "html", "--encoding", "GB18030"], stdin: gb)
        #expect(hinted.out == text)
    }

    @Test func stdinDocxIsSniffed() throws {
        let docx = try DocxWriter.docx(fromText: "借款合同\n第一条 借款金额为人民币伍万元整。\n", numbering: true)
        let r = try CLI.run(["extract", "-"], stdin: docx)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(((try CLI.json(r))["source"] as! [String: Any])["format"] as? String == "docx")
    }

    @Test func textPrintsWhatSpansIndex() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Plain text: the decoded file itself (here UTF-8, so byte for byte).
        let t = try CLI.run(["text", Self.sample])
        #expect(t.stdout == [UInt8](FileManager.default.contents(atPath: CLI.root.appendingPathComponent(Self.sample).path)!))
        // HTML and DOCX: the text every span of extract selects from.
        let html = dir.appendingPathComponent("c.html")
        try Data(("<html><body>" + Self.htmlFragment + "</body></html>").utf8).write(to: html)
        let sale = dir.appendingPathComponent("sale.docx")
        try Data(try Fixtures.saleContract()).write(to: sale)
        for file in [html.path, sale.path] {
            let text = try CLI.run(["text", file]).out
            let report = try CLI.json(try CLI.run(["extract", file, "--include-text"]))
            #expect((report["source"] as! [String: Any])["text"] as? String == text)
            let pairs = ["parties", "amounts", "deadlines", "penalties"].flatMap { CLI.spanTexts(report, $0, in: text) }
            #expect(pairs.count >= 2, "\(file)")
            for (fact, selected) in pairs where !fact.isEmpty { #expect(fact == selected, "\(file)") }
        }
        let docxReport = try CLI.json(try CLI.run(["extract", sale.path]))
        let source = docxReport["source"] as! [String: Any]
        #expect(source["format"] as? String == "docx")
        #expect(source["unacceptedChanges"] as? Bool == true)
        #expect(source["headers"] as? [String] == ["合同编号：BJ-2025-001"])
        #expect((source["tables"] as? [[Int]])?.count == 1)
        #expect(source["text"] == nil)
    }

    @Test func outputFile() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.txt")
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent(Self.sample).path, toPath: input.path)
        let original = try Data(contentsOf: input)
        let out = dir.appendingPathComponent("out.jsonl")
        let r = try CLI.run(["extract", input.path, "-o", out.path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        #expect(try CLI.json(CLI.Result(status: 0, stdout: [UInt8](try Data(contentsOf: out)), stderr: ""))["schema"] as? String == "qiyue.document/1")
        // The output may never be an input, however it is spelled.
        for spelling in [input.path, dir.path + "/./in.txt", "in.txt"] {
            let refused = try CLI.run(["extract", input.path, "--output", spelling], cwd: dir)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("Q115"))
        }
        let refusedText = try CLI.run(["text", input.path, "-o", input.path])
        #expect(refusedText.stderr.contains("Q115"))
        #expect(try Data(contentsOf: input) == original)
        // Every command that writes results takes -o; no temporary file is left behind.
        for args in [["text", input.path], ["segment", input.path], ["split", input.path], ["entities", "--file", input.path]] {
            let target = dir.appendingPathComponent(args[0] + ".out")
            let w = try CLI.run(args + ["-o", target.path])
            #expect(w.status == 0, "\(args): \(w.stderr)")
            #expect(FileManager.default.fileExists(atPath: target.path))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") })
        // A failing input still gives the others' output, and the exit status says so.
        let partial = try CLI.run(["extract", input.path, dir.appendingPathComponent("missing.txt").path, "-o", out.path])
        #expect(partial.status == 1 && partial.stderr.contains("Q100"))
        #expect(!(try Data(contentsOf: out)).isEmpty)
    }

    @Test func zipBombFailsWithACodeInBoundedMemory() throws {
        var bomb = try Fixtures.zipBomb(size: 256 << 20)
        Fixtures.patchSizes(&bomb, entry: "word/document.xml", claimed: 1000)
        // GNU time waits for qiyue itself and reports its peak alone. (getrusage(RUSAGE_CHILDREN) also
        // counts the test process's own peak, which a child spawned from it inherits at exec: with
        // Tesseract's models loaded by the OCR tests in this process, that alone passes 160 MB.)
        let time = "/usr/bin/time"
        if FileManager.default.isExecutableFile(atPath: time) {
            let report = FileManager.default.temporaryDirectory.appendingPathComponent("qiyue-bomb-\(UUID().uuidString).rss")
            defer { try? FileManager.default.removeItem(at: report) }
            let r = try CLI.run(["-f", "%M", "-o", report.path, CLI.binary, "extract", "-"], stdin: bomb, executable: time)
            #expect(r.status == 1)
            #expect(r.stderr.contains("Q111"), "\(r.stderr)")
            let kb = Int((try String(contentsOf: report, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") ?? .max
            #expect(kb < Fixtures.memoryBound(kib: 160 * 1024), "\(kb) KiB")
            return
        }
        let r = try CLI.run(["extract", "-"], stdin: bomb)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Q111"), "\(r.stderr)")
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        // ru_maxrss is in KiB: the largest child (any qiyue run of this suite) stayed far below 256 MiB.
        #expect(usage.ru_maxrss < Fixtures.memoryBound(kib: 160 * 1024), "\(usage.ru_maxrss) KiB")
    }

    @Test func serveRefusesANegativeArenaCount() throws {
        let r = try CLI.run(["serve", "--port", "0", "--malloc-arenas=-1"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--malloc-arenas"), "\(r.stderr)")
    }

    @Test func legacyWordWithoutLibreOffice() throws {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let r = try CLI.run(["extract", "-", "--soffice", "/nonexistent/soffice"], stdin: ole)
        #expect(r.status == 1 && r.stderr.contains("Q113"))
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qiyue-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
