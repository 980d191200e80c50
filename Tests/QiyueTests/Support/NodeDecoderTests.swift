import Foundation
import Testing
import Yams
@testable import Qiyue

/// The start-up decoder reads every value as Yams' `YAMLDecoder` does.
struct NodeDecoderTests {
    /// Any YAML value, decoded through the single-value container in the order a data file's
    /// fields are typed (null, bool, int, double, string, list, mapping).
    enum Value: Decodable, Equatable {
        case null, bool(Bool), int(Int), double(Double), string(String), list([Value]), map([String: Value])

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else if let d = try? c.decode(Double.self) { self = d.isNaN ? .string("nan") : .double(d) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let l = try? c.decode([Value].self) { self = .list(l) }
            else { self = .map(try c.decode([String: Value].self)) }
        }
    }

    struct Sample: Decodable, Equatable {
        struct Inner: Decodable, Equatable { let words: [String]; let weight: Double? }
        let name: String
        let count: Int
        let enabled: Bool
        let quoted: String
        let missing: String?
        let empty: String?
        let inner: Inner
        let table: [String: Int]
        let list: [Inner]
    }

    static let sample = """
        name: 违约金
        count: 12
        enabled: yes
        quoted: "true"
        empty: ~
        inner: {words: [甲方, 乙方], weight: 0.5}
        table: {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14}
        list:
          - words: []
          - {words: [x], weight: 2}
        """

    func both<T: Decodable>(_ type: T.Type, _ yaml: String) throws -> (T, T) {
        let node = try #require(try BoundedYAML.compose(yaml))
        return (try NodeDecoder().decode(type, from: node), try YAMLDecoder().decode(type, from: node))
    }

    @Test func aTypedSampleDecodesAsWithYams() throws {
        let (mine, yams) = try both(Sample.self, Self.sample)
        #expect(mine == yams)
        #expect(mine.enabled && mine.quoted == "true" && mine.missing == nil && mine.empty == nil)
        #expect(mine.table["n"] == 14 && mine.table.count == 14 && mine.list[1].weight == 2)
    }

    @Test func everyRulesFileReadsTheSame() throws {
        let rules = TestSupport.root.appendingPathComponent("Rules")
        let files = try #require(FileManager.default.enumerator(atPath: rules.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count > 20)
        for f in files {
            let text = try String(contentsOf: rules.appendingPathComponent(f), encoding: .utf8)
            guard try BoundedYAML.compose(text) != nil else { continue }
            let (mine, yams) = try both(Value.self, text)
            #expect(mine == yams, "\(f)")
        }
    }

    @Test func errorsNameTheKeyAndThePath() throws {
        struct Needs: Decodable { struct Inner: Decodable { let n: Int }; let inner: Inner }
        do {
            _ = try both(Needs.self, "inner: {m: 1}").0
            Issue.record("no error")
        } catch DecodingError.keyNotFound(let key, let context) {
            #expect(key.stringValue == "n" && context.codingPath.map(\.stringValue) == ["inner"])
        }
        do {
            _ = try both(Needs.self, "inner: {n: [1]}").0
            Issue.record("no error")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["inner", "n"])
        }
        #expect(throws: DecodingError.self) { try NodeDecoder().decode([Int].self, from: #require(try BoundedYAML.compose("- 1\n- x"))) }
    }
}
