import Foundation
import Testing

/// An installed binary finds its rules beside it, with the checkout's Rules/ hidden.
@Suite(.serialized) struct InstallTests {
    /// Whether this process may make a private mount namespace (root, or unprivileged user namespaces).
    static let canMask: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        p.arguments = ["-m", "true"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    static func sh(_ script: String) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        p.arguments = ["-m", "/bin/sh", "-c", script]
        p.currentDirectoryURL = URL(fileURLWithPath: "/")
        var env = ProcessInfo.processInfo.environment
        env["QIYUE_RULES"] = nil
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test(.enabled(if: canMask, "needs unshare -m (a private mount namespace) to hide the checkout's Rules/"))
    func installedBinaryUsesItsOwnRules() throws {
        let prefix = try CLITests.tempDir()
        let bin = prefix.appendingPathComponent("bin"), share = prefix.appendingPathComponent("share/qiyue")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: bin.appendingPathComponent("qiyue").path)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Rules"), to: share.appendingPathComponent("Rules"))
        let empty = prefix.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let sample = CLI.root.appendingPathComponent(CLITests.sample).path
        let rules = CLI.root.appendingPathComponent("Rules").path
        let q = bin.appendingPathComponent("qiyue").path
        // The checkout's Rules/ is an empty folder inside this namespace only.
        let mask = "mount --bind '\(empty.path)' '\(rules)' && test ! -e '\(rules)/lexicon'"
        let ok = try Self.sh("\(mask) && '\(q)' extract '\(sample)'")
        #expect(ok.0 == 0, "\(ok.2)")
        let report = try JSONSerialization.jsonObject(with: Data(ok.1.utf8)) as? [String: Any]
        #expect((report?["parties"] as? [Any])?.isEmpty == false)
        #expect((report?["risks"] as? [Any]) != nil)
        // Without the installed copy the masked build tree gives nothing: the rules came from share/.
        try FileManager.default.removeItem(at: share.appendingPathComponent("Rules"))
        let missing = try Self.sh("\(mask) && '\(q)' extract '\(sample)'")
        #expect(missing.0 != 0 && missing.2.contains("cannot find the Rules directory"), "\(missing.2)")
        // --rules-dir and QIYUE_RULES still name any copy.
        let byOption = try Self.sh("\(mask) && '\(q)' extract --rules-dir '\(CLI.root.path)/Corpus/../Rules' '\(sample)' >/dev/null; echo $?")
        #expect(byOption.1.trimmingCharacters(in: .whitespacesAndNewlines) != "0", "the masked Rules/ must not be readable by any path")
    }
}
