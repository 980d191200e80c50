@testable import Qiyue
import Testing

/// FIPS 180-4 example vectors, and chunked feeding equal to one update.
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
        // Fed a byte at a time: the same digest.
        var h = SHA256()
        for b in Array(input.utf8) { h.update([b]) }
        #expect(SHA256.hexString(h.finalize()) == digest)
    }

    @Test func millionAs() {
        var h = SHA256()
        let chunk = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { h.update(chunk[0..<333]); h.update(chunk[333...]) }
        #expect(SHA256.hexString(h.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The CPU-extension path and the portable path give the same digests on inputs of every
    /// length around the block size and on a long input fed in uneven pieces.
    @Test func acceleratedAndPortablePathsAgree() {
        var bytes: [UInt8] = []
        var x: UInt32 = 2463534242
        for _ in 0..<70_000 { x ^= x << 13; x ^= x >> 17; x ^= x << 5; bytes.append(UInt8(truncatingIfNeeded: x)) }
        for n in [0, 1, 55, 56, 63, 64, 65, 119, 128, 129, 1000, 70_000] {
            var fast = SHA256(), slow = SHA256(portable: true)
            var i = 0, step = 1
            while i < n { let j = min(n, i + step); fast.update(bytes[i..<j]); slow.update(bytes[i..<j]); i = j; step = step * 3 + 1 }
            #expect(fast.finalize() == slow.finalize(), "length \(n)")
        }
        var portable = SHA256(portable: true)
        portable.update(Array("abc".utf8))
        #expect(SHA256.hexString(portable.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
