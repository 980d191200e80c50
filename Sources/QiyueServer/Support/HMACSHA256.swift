import Qiyue

/// HMAC-SHA256 (RFC 2104) over the core's SHA-256, for signing job callbacks without pulling in a
/// crypto package for one function.
public enum HMACSHA256 {
    /// The MAC of `message` under `key`, as lower-case hex.
    public static func hex(key: [UInt8], message: [UInt8]) -> String {
        SHA256.hexString(mac(key: key, message: message))
    }

    /// The MAC of `message` under `key`.
    public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var k = key.count > 64 ? sha256(key) : key
        k += [UInt8](repeating: 0, count: 64 - k.count)
        let inner = sha256(k.map { $0 ^ 0x36 } + message)
        return sha256(k.map { $0 ^ 0x5C } + inner)
    }

    /// SHA-256 of `data`.
    public static func sha256(_ data: [UInt8]) -> [UInt8] {
        var h = SHA256()
        h.update(data)
        return h.finalize()
    }
}
