#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Qiyue

/// Where batch results go: standard output, or a file written in place with one write(2) per
/// input (so a crash leaves at most a partial last input, which `--resume` drops). Unlike
/// extract's output, the file is not renamed into place: a long run's results must survive the
/// run being killed. A write that fails (full disk, closed pipe) stops the run with Q500 and
/// exit status 74; what was written stays, and --resume continues it.
struct BatchSink {
    private let fd: Int32
    private let path: String?
    /// The file was empty or new when opened (a CSV header is due).
    let isNew: Bool

    init(path: String?, inputs: [String], append: Bool, overwrite: Bool) throws(QiyueError) {
        self.path = path
        guard let path, path != "-" else { fd = 1; isNew = true; return }
        for input in inputs where ResultOutput.sameFile(path, input) {
            throw QiyueError(.outputIsInput, path: path, "the output file is an input (\(input)); refusing to overwrite it")
        }
        var st = stat()
        let exists = stat(path, &st) == 0
        if exists && (st.st_mode & S_IFMT) == S_IFDIR { throw QiyueError(.unwritableOutput, path: path, "is a directory") }
        if exists && st.st_size > 0 && !append && !overwrite {
            throw QiyueError(.outputExists, path: path, "the results file exists; --resume continues it, --overwrite replaces it")
        }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else { throw QiyueError(.unwritableOutput, path: path, "cannot open for writing (\(FileReader.reason(errno)))") }
        self.fd = fd
        var now = stat()
        isNew = fstat(fd, &now) != 0 || now.st_size == 0
    }

    /// Writes whole lines at once.
    func write(_ s: String) throws {
        guard Output.writeAll(fd, s) else {
            let reason = FileReader.reason(errno)
            Output.error(QiyueError(.outputFailed, path: path ?? "<stdout>", "cannot write the results (\(reason)); the records written so far are complete and --resume continues them").description)
            exit(Output.outputFailureStatus)
        }
    }

    func close() { if fd > 2 { _ = Glibc.close(fd) } }
}

/// Reads lines from a file or standard input a chunk at a time (never the whole input).
enum LineReader {
    /// Calls `body` with each line's 1-based number and bytes (without the newline and a trailing
    /// CR); a line longer than `maxLine` bytes is skipped and reported to `tooLong` instead.
    static func each(path: String, maxLine: Int, tooLong: (Int) throws -> Void = { _ in },
                     _ body: (Int, [UInt8]) throws -> Void) throws {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw QiyueError(.unreadable, path: path, "cannot open the list (\(FileReader.reason(errno)))")
        }
        defer { if fd != 0 { _ = Glibc.close(fd) } }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var line: [UInt8] = []
        var number = 0
        var skipping = false
        func emit() throws {
            number += 1
            if skipping { skipping = false; try tooLong(number); line.removeAll(keepingCapacity: true); return }
            if line.last == 0x0D { line.removeLast() }
            try body(number, line)
            line.removeAll(keepingCapacity: true)
        }
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw QiyueError(.unreadable, path: path, "read failed (\(FileReader.reason(errno)))") }
            if n == 0 { break }
            var start = 0
            while start < n {
                if let nl = buffer[start..<n].firstIndex(of: 0x0A) {
                    if !skipping { line.append(contentsOf: buffer[start..<nl]) }
                    if line.count > maxLine { skipping = true; line.removeAll() }
                    try emit()
                    start = nl + 1
                } else {
                    if !skipping { line.append(contentsOf: buffer[start..<n]) }
                    if line.count > maxLine { skipping = true; line.removeAll() }
                    start = n
                }
            }
        }
        if !line.isEmpty || skipping { try emit() }
    }
}

/// Glob patterns on the command line (quoted, so the shell did not expand them), by glob(3).
enum Glob {
    static func expand(_ args: [String]) -> [String] {
        var out: [String] = []
        for a in args {
            guard a.contains(where: { "*?[".contains($0) }), access(a, F_OK) != 0 else { out.append(a); continue }
            var g = glob_t()
            defer { globfree(&g) }
            guard glob(a, 0, nil, &g) == 0, g.gl_pathc > 0 else { out.append(a); continue }
            for i in 0..<Int(g.gl_pathc) { if let p = g.gl_pathv[i] { out.append(String(cString: p)) } }
        }
        return out
    }
}
