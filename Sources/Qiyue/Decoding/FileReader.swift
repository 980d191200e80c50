#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file's bytes with POSIX calls, by the path's raw bytes, so that a file name
/// that is not valid UTF-8 is still found (it is shown with `\xNN` escapes in messages), and so
/// that a FIFO, a device or a directory is refused at once instead of blocking or reading forever.
///
/// ```swift
/// let bytes = try FileReader.read(path: Array("合同.txt".utf8), maxBytes: 32 << 20)
/// ```
public enum FileReader {
    /// A path's bytes as text for messages: valid UTF-8 as it is, other bytes as `\xNN`.
    public static func displayName(_ raw: [UInt8]) -> String {
        if let s = String(validating: raw, as: UTF8.self) { return s }
        var out = ""
        var i = 0
        while i < raw.count {
            // Keep the valid UTF-8 runs readable; escape only the bytes that break it.
            var j = i
            var ok: String?
            for len in [4, 3, 2, 1] where i + len <= raw.count {
                if let s = String(validating: raw[i..<(i + len)], as: UTF8.self), s.unicodeScalars.count == 1 { ok = s; j = i + len; break }
            }
            if let ok { out += ok; i = j } else { out += "\\x" + String(raw[i], radix: 16, uppercase: true).leftPadded(2); i += 1 }
        }
        return out
    }

    /// The bytes of a regular file, refusing anything over `maxBytes`.
    /// - Throws: `Q100` (missing, unreadable, a directory, not a regular file), `Q104` (too large).
    public static func read(path raw: [UInt8], maxBytes: Int) throws(QiyueError) -> [UInt8] {
        let name = displayName(raw)
        var cpath = raw.map { CChar(bitPattern: $0) }
        cpath.append(0)
        // O_NONBLOCK: opening a FIFO with no writer must not wait.
        let fd = open(cpath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { throw QiyueError(.unreadable, path: name, reason(errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw QiyueError(.unreadable, path: name, reason(errno)) }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { throw QiyueError(.unreadable, path: name, "is a directory") }
        guard type == S_IFREG else {
            let kind = type == S_IFIFO ? "a FIFO (named pipe)" : type == S_IFCHR ? "a character device"
                : type == S_IFBLK ? "a block device" : type == S_IFSOCK ? "a socket" : "not a regular file"
            throw QiyueError(.unreadable, path: name, "is \(kind), not a regular file; pipe its content to standard input instead")
        }
        let size = Int(st.st_size)
        if size > maxBytes {
            throw QiyueError(.tooLarge, path: name, "file is \(size) bytes, over the limit of \(maxBytes) bytes (see --max-bytes)")
        }
        // Read to the end (the file may have grown since fstat), never past the limit.
        var out = [UInt8](repeating: 0, count: size)
        var got = 0
        while true {
            if got == out.count {
                if out.count > maxBytes { break }
                out.append(contentsOf: repeatElement(0, count: max(4096, out.count / 2)))
            }
            let n = out.withUnsafeMutableBytes { b in Glibc.read(fd, b.baseAddress! + got, b.count - got) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw QiyueError(.unreadable, path: name, reason(errno))
            }
            if n == 0 { break }
            got += n
        }
        if got > maxBytes {
            throw QiyueError(.tooLarge, path: name, "file is over the limit of \(maxBytes) bytes (see --max-bytes)")
        }
        out.removeSubrange(got...)
        return out
    }

    /// A short reason for a POSIX error number, as messages give it.
    public static func reason(_ e: Int32) -> String {
        switch e {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case ENAMETOOLONG: "file name too long"
        case ELOOP: "too many symbolic links"
        case ENOTDIR: "a part of the path is not a directory"
        default: String(cString: strerror(e))
        }
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
