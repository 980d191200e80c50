import Testing
@testable import Qiyue

/// The hand-written look-up structures behind tokenizing and matching agree with the standard
/// library structures they replace.
@Suite struct LookupTableTests {
    @Test func trieEdgesMatchADictionaryThroughGrowth() {
        var rng = SplitMix64(seed: 7)
        var edges = TrieEdges()
        var reference: [UInt64: Int32] = [:]
        for k in 0..<20_000 {
            let node = Int32.random(in: 0..<5_000, using: &rng)
            let c = UInt32.random(in: 0x20..<0x11000, using: &rng)
            edges.set(node, c, Int32(k))
            reference[UInt64(UInt32(node)) << 32 | UInt64(c)] = Int32(k)
        }
        #expect(edges.count == reference.count)
        for (key, value) in reference {
            #expect(edges.child(Int32(key >> 32), UInt32(key & 0xFFFF_FFFF)) == value)
        }
        // Absent keys stay absent.
        var misses = 0
        for _ in 0..<5_000 {
            let node = Int32.random(in: 5_000..<6_000, using: &rng)
            if edges.child(node, 0x4E00) == nil { misses += 1 }
        }
        #expect(misses == 5_000)
        #expect(Set(edges.all.map { UInt64(UInt32($0.0)) << 32 | UInt64($0.1) }) == Set(reference.keys))
    }

    @Test func scalarMapCoversTheBMPAndBeyond() {
        var map = ScalarMap<Int>()
        #expect(map[0x4E00] == nil)
        map[0x4E00] = 1
        map[0x4E00] = 2          // overwrite
        map[0xFFFF] = 3
        map[0x20000] = 4         // astral
        #expect(map[0x4E00] == 2 && map[0xFFFF] == 3 && map[0x20000] == 4)
        #expect(map[0x4E01] == nil && map[0x20001] == nil && map[0] == nil)
    }

    @Test func lexiconMatchesForwardAndBackward() {
        let table = WordTable([("违约金", "penalty"), ("违约", "breach"), ("人民币", "CNY"), ("元", "CNY-yuan")])
        let t = "支付违约金人民币5000元".unicodeScalars.map(\.value)
        #expect(table.match(t, at: 2)?.end == 5 && table.match(t, at: 2)?.value == "penalty")
        #expect(table.match(t, at: 0) == nil)
        #expect(table.match(t, endingAt: 5)?.start == 2)
        #expect(table.match(t, endingAt: 4)?.value == "breach")
        #expect(table.match(t, endingAt: 13)?.value == "CNY-yuan")
        #expect(table.match(t, endingAt: 0) == nil)
    }
}
