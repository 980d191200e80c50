import Foundation

/// What produced a report: the tool's version and a digest of the rule files it ran with, so
/// that a system storing results can tell reports of different rule sets apart.
///
/// ```json
/// "producer": {"name": "qiyue", "version": "0.21.0", "rulesDigest": "sha256:3f1c…"}
/// ```
public struct Producer: Codable, Sendable, Hashable {
    /// Always `qiyue`.
    public var name: String = "qiyue"
    /// The tool's version (``Producer/version``).
    public var version: String
    /// `sha256:` and the SHA-256 of the active rule files (see ``Producer/digest(rulesDirectory:extraFiles:settings:)``).
    public var rulesDigest: String

    /// This build's version.
    public static let version = "0.21.0"

    /// A producer record for this build and a rules digest.
    public init(rulesDigest: String) {
        self.version = Self.version
        self.rulesDigest = rulesDigest
    }

    /// The digest of the active rules: every regular file under the rules directory (by relative
    /// path, sorted), then each extra rule file or directory (user `--rules`), then settings that
    /// change what the rules do (parameter overrides, `--no-default-rules`), each as text lines.
    /// Files that cannot be read contribute their path only.
    public static func digest(rulesDirectory: String, extraFiles: [String] = [], settings: [String] = []) -> String {
        var hash = SHA256()
        func feed(_ s: String) { hash.update(Array(s.utf8)); hash.update([0]) }
        func feedTree(_ root: String, label: String) {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else { feed(label); return }
            let files: [String]
            if isDir.boolValue {
                let all = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
                files = all.filter { p in
                    var d: ObjCBool = false
                    return FileManager.default.fileExists(atPath: root + "/" + p, isDirectory: &d) && !d.boolValue
                }.sorted()
            } else {
                files = [""]
            }
            for f in files {
                let path = f.isEmpty ? root : root + "/" + f
                feed(label + "/" + f)
                if let data = FileManager.default.contents(atPath: path) { hash.update(data) }
                hash.update([0])
            }
        }
        feedTree(rulesDirectory, label: "Rules")
        for (k, extra) in extraFiles.enumerated() { feedTree(extra, label: "extra\(k)") }
        for s in settings { feed(s) }
        return "sha256:" + SHA256.hexString(hash.finalize())
    }
}
