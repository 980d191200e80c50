import Foundation
import Testing

/// `qiyue batch`: parallel runs, error records, resume after kill -9, CSV, stream modes.
@Suite(.serialized) struct BatchTests {
    /// A folder of inputs: Corpus contracts and non-contracts under several names, plus bad files.
    static func inputs(copies: Int = 2, bad: Bool = true) throws -> URL {
        let dir = try CLITests.tempDir().appendingPathComponent("in")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let docs = CLI.root.appendingPathComponent("Corpus/documents")
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".txt") }.sorted()
        for k in 0..<copies {
            for n in names.prefix(20) {
                try FileManager.default.copyItem(at: docs.appendingPathComponent(n), to: dir.appendingPathComponent("\(k)-\(n)"))
            }
        }
        if bad {
            try Data().write(to: dir.appendingPathComponent("empty.txt"))
            try Data([0, 1, 2, 0, 0, 0xFF, 0xFE, 0]).write(to: dir.appendingPathComponent("binary.txt"))
        }
        return dir
    }

    static func lines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    static func key(_ record: [String: Any]) -> String {
        let s = record["source"] as! [String: Any]
        return "\(s["path"]!)#\(s["part"] ?? 0)"
    }

    @Test func parallelRunEqualsOneJobAndRecordsBadFiles() throws {
        let dir = try Self.inputs()
        let one = dir.deletingLastPathComponent().appendingPathComponent("one.jsonl")
        let two = dir.deletingLastPathComponent().appendingPathComponent("two.jsonl")
        let summary = dir.deletingLastPathComponent().appendingPathComponent("summary.json")
        let r1 = try CLI.run(["batch", dir.path, "-o", one.path, "--jobs", "1", "--quiet"])
        let r2 = try CLI.run(["batch", dir.path, "-o", two.path, "--jobs", "3", "--summary", summary.path])
        // Two inputs fail: the run goes on and says so by its status.
        #expect(r1.status == 1 && r2.status == 1)
        let a = try Self.lines(one), b = try Self.lines(two)
        #expect(a.count == 42 && b.count == 42)
        // Same records in the same (input) order, whatever the number of workers.
        #expect(a.map(Self.key) == b.map(Self.key))
        let errors = b.filter { $0["error"] != nil }
        #expect(Set(errors.map { ($0["error"] as! [String: Any])["code"] as! String }) == ["Q102", "Q103"])
        #expect(errors.allSatisfy { (($0["source"] as! [String: Any])["path"] as! String).hasSuffix(".txt") })
        let reports = b.filter { $0["schema"] != nil }
        #expect(reports.allSatisfy { (($0["source"] as! [String: Any])["id"] as? String)?.count == 64 })
        let producer = reports.first?["producer"] as? [String: Any]
        #expect((producer?["rulesDigest"] as? String)?.hasPrefix("sha256:") == true)
        let s = try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as! [String: Any]
        #expect(s["inputs"] as? Int == 42 && s["failures"] as? Int == 2 && s["documents"] as? Int == 40)
        #expect((s["failuresByCode"] as? [String: Int]) == ["Q102": 1, "Q103": 1])
        #expect(r2.stderr.contains("batch: 42 inputs"))
        // An existing results file is never overwritten without being asked.
        let again = try CLI.run(["batch", dir.path, "-o", two.path, "--quiet"])
        #expect(again.status == 1 && again.stderr.contains("Q802"))
        #expect(try Self.lines(two).count == 42)
    }

    /// kill -9 at random moments, then --resume, until done: every input exactly once.
    @Test func killNineThenResumeGivesEveryInputOnce() throws {
        let dir = try Self.inputs(copies: 6, bad: true)
        let out = dir.deletingLastPathComponent().appendingPathComponent("r.jsonl")
        let full = dir.deletingLastPathComponent().appendingPathComponent("full.jsonl")
        _ = try CLI.run(["batch", dir.path, "-o", full.path, "--quiet"])
        let expected = try Self.lines(full).map(Self.key).sorted()
        var kills = 0
        for attempt in 0..<12 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["batch", dir.path, "-o", out.path, "--resume", "--quiet", "--jobs", "2"]
            p.currentDirectoryURL = CLI.root
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(20_000 + (attempt * 37_000) % 150_000))
            if p.isRunning { kill(p.processIdentifier, SIGKILL); kills += 1 }
            p.waitUntilExit()
        }
        let last = try CLI.run(["batch", dir.path, "-o", out.path, "--resume", "--quiet"])
        #expect(last.status <= 1)
        // Every line is whole JSON (lines() would throw otherwise), no duplicate, none missing.
        let got = try Self.lines(out).map(Self.key)
        #expect(got.count == Set(got).count)
        #expect(got.sorted() == expected)
        #expect(kills > 0, "no run was killed: the inputs are too few to test resume")
    }

    @Test func resumeDropsAPartialLastLineAndRefusesForeignFiles() throws {
        let dir = try Self.inputs(copies: 1, bad: false)
        let out = dir.deletingLastPathComponent().appendingPathComponent("r.jsonl")
        _ = try CLI.run(["batch", dir.path, "-o", out.path, "--quiet"])
        var text = try String(contentsOf: out, encoding: .utf8)
        let complete = text.split(separator: "\n").count
        text += "{\"schema\":\"qiyue.document/1\",\"sou"
        try text.write(to: out, atomically: true, encoding: .utf8)
        let r = try CLI.run(["batch", dir.path, "-o", out.path, "--resume"])
        #expect(r.status == 0 && r.stderr.contains("\(complete) complete records kept") && r.stderr.contains("bytes of an incomplete last input dropped"))
        #expect(try Self.lines(out).count == complete)
        let foreign = dir.deletingLastPathComponent().appendingPathComponent("notes.jsonl")
        try "hello\n".write(to: foreign, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["batch", dir.path, "-o", foreign.path, "--resume"])
        #expect(bad.status == 1 && bad.stderr.contains("Q801"))
        #expect(try String(contentsOf: foreign, encoding: .utf8) == "hello\n")
    }

    @Test func csvRowsWithStableColumnsAndBOM() throws {
        let dir = try Self.inputs(copies: 1, bad: true)
        let out = dir.deletingLastPathComponent().appendingPathComponent("r.csv")
        let r = try CLI.run(["batch", dir.path, "--format", "csv", "--bom", "-o", out.path, "--quiet"])
        #expect(r.status == 1)
        let data = try Data(contentsOf: out)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("id,path,is_contract,category,contract_type,party_a_role,party_a_name"))
        // A quoted parties column holds JSON with commas; rows end in CRLF.
        #expect(text.contains("\"[{\"\""))
        #expect(text.contains("Q103"))
        let jsonl = dir.deletingLastPathComponent().appendingPathComponent("r.jsonl")
        _ = try CLI.run(["batch", dir.path, "-o", jsonl.path, "--quiet"])
        let ids = try Self.lines(jsonl).compactMap { ($0["source"] as? [String: Any])?["id"] as? String }
        for id in ids { #expect(text.contains("\r\n" + id + ",")) }
    }

    @Test func streamJsonlAnswersOneLinePerRecordInOrder() throws {
        let contract = try String(contentsOf: CLI.root.appendingPathComponent(CLITests.sample), encoding: .utf8)
        var input = ""
        for k in 0..<30 {
            let rec: [String: Any] = k % 3 == 0 ? ["id": "c\(k)", "text": contract] : (k % 3 == 1 ? ["id": k, "path": CLITests.sample] : ["id": "t\(k)", "text": "这是一篇关于天气的短文，与合同无关。"])
            input += String(decoding: try JSONSerialization.data(withJSONObject: rec), as: UTF8.self) + "\n"
        }
        input += "not json\n"
        let r = try CLI.run(["batch", "--stdin-jsonl", "--quiet"], stdin: Array(input.utf8))
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 31)
        for k in 0..<30 {
            let id = (lines[k]["source"] as? [String: Any])?["id"] as? String
            #expect(id == (k % 3 == 0 ? "c\(k)" : (k % 3 == 1 ? "\(k)" : "t\(k)")))
        }
        #expect(((lines[30]["error"] as? [String: Any])?["code"] as? String) == "Q800")
        let c0 = lines[0]["parties"] as? [[String: Any]]
        #expect((c0?.count ?? 0) >= 2)
    }

    @Test func streamTsvKeysEachResult() throws {
        let text = try String(contentsOf: CLI.root.appendingPathComponent(CLITests.sample), encoding: .utf8)
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        let input = "a1\t\(escaped)\nno-tab-here\na2\t\(escaped)\n"
        let r = try CLI.run(["batch", "--stdin-tsv", "--quiet"], stdin: Array(input.utf8))
        let rows = r.out.split(separator: "\n").map { $0.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { $0[0] } == ["a1", "", "a2"])
        let first = try JSONSerialization.jsonObject(with: Data(rows[0][1].utf8)) as! [String: Any]
        let viaFile = try CLI.json(try CLI.run(["extract", "--no-split", CLITests.sample]))
        #expect((first["parties"] as? [[String: Any]])?.count == (viaFile["parties"] as? [[String: Any]])?.count)
        #expect(rows[1][1].contains("Q800"))
    }

    @Test func redactionMasksPersonalDataAndKeepsSpans() throws {
        let text = """
        借款合同
        出借人（甲方）：张建国，身份证号：110101199003074514，电话：13800138000
        借款人（乙方）：李小红，身份证号：11010519491231002X，手机：13912345678
        开户行：中国工商银行北京分行，账号：6222020200112233445
        第一条 借款金额人民币100,000元。
        第二条 借款期限自2025年1月1日起至2025年12月31日止。
        """
        let plain = try CLI.json(try CLI.run(["extract", "-", "--include-text"], stdin: Array(text.utf8)))
        let masked = try CLI.json(try CLI.run(["extract", "-", "--include-text", "--redact", "ids,phones,accounts,names"], stdin: Array(text.utf8)))
        let out = String(decoding: try JSONSerialization.data(withJSONObject: masked), as: UTF8.self)
        for secret in ["110101199003074514", "13800138000", "13912345678", "6222020200112233445", "张建国", "李小红"] {
            #expect(!out.contains(secret), "\(secret) is still in the output")
        }
        #expect(out.contains("110101********4514") && out.contains("138****8000") && out.contains("张**"))
        // Same spans, same text length: a reviewer's highlights still land in the same places.
        let ps = (plain["parties"] as? [[String: Any]])?.map { $0["span"] as! [Int] }
        let ms = (masked["parties"] as? [[String: Any]])?.map { $0["span"] as! [Int] }
        #expect(ps == ms)
        let pt = ((plain["source"] as? [String: Any])?["text"] as? String)?.unicodeScalars.count
        let mt = ((masked["source"] as? [String: Any])?["text"] as? String)?.unicodeScalars.count
        #expect(pt == mt)
        let bad = try CLI.run(["extract", "-", "--redact", "ids,faces"], stdin: Array(text.utf8))
        #expect(bad.status == 64 && bad.stderr.contains("faces"))
    }
}
