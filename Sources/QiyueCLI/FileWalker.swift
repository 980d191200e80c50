#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Qiyue

/// An input named on the command line or found in a directory, by the raw bytes of its path.
struct InputFile: Sendable {
    /// The path's bytes (not necessarily UTF-8).
    let raw: [UInt8]
    /// The path for messages and `source.path` (`\xNN` for bytes that are not UTF-8).
    var name: String { FileReader.displayName(raw) }
}

/// Expands the command line's paths into input files: files as given, directories walked
/// recursively (sorted, symbolic-link loops skipped) for .txt/.html/.htm/.xml/.docx/.doc/.wps/.pdf/.png/.jpg/.jpeg/.tif/.tiff/.hocr files. A directory
/// that cannot be read is an error entry (`Q100`), never skipped without a word.
enum FileWalker {
    static let extensions = ["txt", "html", "htm", "xml", "docx", "doc", "wps", "pdf", "png", "jpg", "jpeg", "tif", "tiff", "hocr"]

    static func inputs(_ paths: [String]) -> [Result<InputFile, QiyueError>] {
        var out: [Result<InputFile, QiyueError>] = []
        each(paths) { out.append($0) }
        return out
    }

    /// The same inputs one at a time, in the same order, without holding them all (a batch run
    /// over a million files keeps one directory's names at a time, not every path).
    static func each(_ paths: [String], _ body: (Result<InputFile, QiyueError>) throws -> Void) rethrows {
        for p in paths {
            let raw = RawArguments.bytes(of: p)
            if isDirectory(raw) {
                var seen = Set<[UInt64]>()
                try walk(raw, seen: &seen, body)
            } else {
                try body(.success(InputFile(raw: raw)))
            }
        }
    }

    private static func cString(_ raw: [UInt8]) -> [CChar] { raw.map { CChar(bitPattern: $0) } + [0] }

    private static func isDirectory(_ raw: [UInt8]) -> Bool {
        var st = stat()
        return stat(cString(raw), &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    private static func walk(_ dir: [UInt8], seen: inout Set<[UInt64]>, _ body: (Result<InputFile, QiyueError>) throws -> Void) rethrows {
        var st = stat()
        guard stat(cString(dir), &st) == 0 else { return }
        guard seen.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted else { return }
        guard let d = opendir(cString(dir)) else {
            try body(.failure(QiyueError(.unreadable, path: FileReader.displayName(dir),
                                         "directory cannot be read (\(FileReader.reason(errno))); its files were not processed")))
            return
        }
        var names: [[UInt8]] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { b in Array(b.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        closedir(d)
        names.sort { $0.lexicographicallyPrecedes($1) }
        let prefix = dir + (dir.last == 0x2F ? [] : [0x2F])
        var dirs: [Int] = []
        // Files of a directory before its subdirectories, each level sorted.
        for (k, n) in names.enumerated() {
            let path = prefix + n
            if isDirectory(path) { dirs.append(k) } else if hasInputExtension(n) { try body(.success(InputFile(raw: path))) }
        }
        for k in dirs { try walk(prefix + names[k], seen: &seen, body) }
    }

    private static func hasInputExtension(_ name: [UInt8]) -> Bool {
        guard let dot = name.lastIndex(of: 0x2E) else { return false }
        let ext = String(decoding: name[(dot + 1)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        return extensions.contains(ext)
    }
}

/// The raw bytes of the command-line arguments. Swift repairs arguments that are not valid UTF-8
/// (U+FFFD) before the parser sees them; a path so repaired would name no file, so the original
/// bytes are looked up here by the repaired string.
enum RawArguments {
    private static let repaired: [String: [UInt8]] = {
        var map: [String: [UInt8]] = [:]
        for i in 1..<Int(CommandLine.argc) {
            guard let p = CommandLine.unsafeArgv[i] else { continue }
            let raw = Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
            if String(validating: raw, as: UTF8.self) == nil { map[String(decoding: raw, as: UTF8.self)] = raw }
        }
        return map
    }()

    /// The bytes the user typed for an argument the parser handed over as `s`.
    static func bytes(of s: String) -> [UInt8] { repaired[s] ?? Array(s.utf8) }
}
