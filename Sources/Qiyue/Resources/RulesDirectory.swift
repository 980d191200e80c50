import Foundation

/// Finds the Rules/ directory: an explicit path (`--rules-dir`), `$QIYUE_RULES`, the rules
/// installed beside the binary (`PREFIX/share/qiyue/Rules` for `PREFIX/bin/qiyue`, as
/// `make install` lays them out, or `Rules/` next to the binary), the package checkout this build
/// came from, or `./Rules`. An installed binary therefore never needs its build tree.
public enum RulesDirectory {
    /// The directory to use when none is given, or nil if none is found.
    public static func locate(explicit: String? = nil) -> String? {
        var candidates: [String] = []
        if let explicit { candidates.append(explicit) }
        if let env = ProcessInfo.processInfo.environment["QIYUE_RULES"], !env.isEmpty { candidates.append(env) }
        if let exe = executableDirectory {
            candidates.append(exe.deletingLastPathComponent().appendingPathComponent("share/qiyue/Rules").path)
            candidates.append(exe.appendingPathComponent("Rules").path)
        }
        // Sources/Qiyue/Resources/RulesDirectory.swift → package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("Rules").path)
        candidates.append(FileManager.default.currentDirectoryPath + "/Rules")
        for c in candidates {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: c + "/lexicon", isDirectory: &isDir), isDir.boolValue {
                return c
            }
            if explicit != nil && c == explicit { return nil }
        }
        return nil
    }

    /// The directory of the running executable (symbolic links resolved), if it can be told.
    static var executableDirectory: URL? {
        #if os(Linux)
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        if n > 0 { return URL(fileURLWithPath: String(decoding: buf[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)).deletingLastPathComponent() }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// Reads a text file under the rules directory.
    static func read(_ dir: String, _ relative: String) throws(QiyueError) -> String {
        try readFile(dir + "/" + relative)
    }

    /// Reads a UTF-8 text file.
    static func readFile(_ path: String) throws(QiyueError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw QiyueError(.badRuleData, path: path, "missing rule data file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Files with one of the extensions in a subdirectory, sorted.
    static func files(_ dir: String, _ sub: String, ext: [String]) -> [String] {
        let path = dir + "/" + sub
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { n in ext.contains { n.hasSuffix("." + $0) } }.sorted().map { path + "/" + $0 }
    }
}
