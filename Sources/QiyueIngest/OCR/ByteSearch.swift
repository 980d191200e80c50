/// Byte-level search for format sniffing: `String.contains` goes through Foundation's locale-aware
/// search on Linux, which cost a fifth of reading a plain text file when it ran on every input.
enum ByteSearch {
    /// Whether `needle` (UTF-8) occurs in the first `limit` bytes of `bytes`.
    static func contains(_ bytes: [UInt8], _ needle: String, within limit: Int) -> Bool {
        let n = Array(needle.utf8)
        let end = min(bytes.count, limit)
        guard let first = n.first, end >= n.count else { return false }
        var i = 0
        let last = end - n.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < n.count && bytes[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }
}
