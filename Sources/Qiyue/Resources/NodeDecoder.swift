import Foundation
import Yams

/// Decodes `Decodable` values from composed YAML nodes, as Yams' `YAMLDecoder` does, for the data
/// files of Rules/ that every run loads at start-up.
///
/// Written here because Yams' decoder looks every key up by a linear scan that compares whole
/// nodes, and builds a coding path array for every value: it was a fifth of a one-file run's CPU
/// time. This one finds keys by their scalar string (through an index for large mappings), keeps
/// the coding path as a parent chain that is turned into an array only for an error, and reads
/// scalars with Yams' own constructors, so a value reads the same as with `YAMLDecoder`
/// (`NodeDecoderTests` checks that on every data file of Rules/).
struct NodeDecoder {
    func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
        try NodeValueDecoder(node: node, path: nil).decodeValue(type)
    }
}

/// One step of a coding path: the key and the steps above it.
private final class NodePath {
    let parent: NodePath?
    let key: CodingKey
    init(_ parent: NodePath?, _ key: CodingKey) { self.parent = parent; self.key = key }

    var keys: [CodingKey] {
        var out: [CodingKey] = []
        var p: NodePath? = self
        while let step = p { out.append(step.key); p = step.parent }
        return out.reversed()
    }
}

/// A key of a sequence position or of `super`, for coding paths.
private struct NodeIndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init(intValue: Int) { stringValue = "Index \(intValue)"; self.intValue = intValue }
}

private struct NodeValueDecoder: Decoder, SingleValueDecodingContainer {
    let node: Node
    let path: NodePath?

    var codingPath: [CodingKey] { path?.keys ?? [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func child(_ node: Node, _ key: CodingKey) -> NodeValueDecoder {
        NodeValueDecoder(node: node, path: NodePath(path, key))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw mismatch([Any].self) }
        return NodeUnkeyedContainer(decoder: self, items: Array(sequence))
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { self }

    // MARK: Single values

    func decodeNil() -> Bool {
        if case .scalar(let s) = node { return NSNull.construct(from: s) != nil }
        return false
    }

    func scalar() throws -> Node.Scalar {
        if case .scalar(let s) = node { return s }
        throw mismatch(Node.Scalar.self)
    }

    func construct<T: ScalarConstructible>(_ type: T.Type) throws -> T {
        guard let v = T.construct(from: try scalar()) else { throw mismatch(type) }
        return v
    }

    func mismatch(_ expected: Any.Type) -> DecodingError {
        let found: String = switch node {
        case .scalar: "Scalar"
        case .mapping: "Mapping"
        case .sequence: "Sequence"
        case .alias: "Alias"
        }
        return .typeMismatch(expected, DecodingError.Context(
            codingPath: codingPath, debugDescription: "Expected to decode \(expected) but found \(found) instead."))
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        // The common scalar types first, by identity (cheaper than the conformance cast below).
        if T.self == String.self { return try scalar().string as! T }
        if T.self == Int.self { return try construct(Int.self) as! T }
        if T.self == Double.self { return try construct(Double.self) as! T }
        if T.self == Bool.self { return try construct(Bool.self) as! T }
        if let scalarType = T.self as? ScalarConstructible.Type {
            guard let v = scalarType.construct(from: try scalar()) as? T else { throw mismatch(type) }
            return v
        }
        return try T(from: self)
    }

    func decode(_ type: Bool.Type) throws -> Bool { try construct(type) }
    func decode(_ type: String.Type) throws -> String { try scalar().string }
    func decode(_ type: Double.Type) throws -> Double { try construct(type) }
    func decode(_ type: Float.Type) throws -> Float { try construct(type) }
    func decode(_ type: Int.Type) throws -> Int { try construct(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try construct(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try construct(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try construct(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try construct(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try construct(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try construct(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try construct(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try construct(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try construct(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type) }
}

private struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeValueDecoder
    /// Key strings and values in document order; a repeated key's last value wins, as in Yams.
    let keys: [String]
    let values: [Node]
    /// Position of each key, for mappings too large to scan.
    let index: [String: Int]?

    init(decoder: NodeValueDecoder, mapping: Node.Mapping) {
        self.decoder = decoder
        var keys: [String] = [], values: [Node] = []
        keys.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        for (k, v) in mapping {
            keys.append(k.string ?? "")
            values.append(v)
        }
        self.keys = keys
        self.values = values
        if keys.count > 12 {
            var index: [String: Int] = [:]
            index.reserveCapacity(keys.count)
            for (i, k) in keys.enumerated() { index[k] = i }
            self.index = index
        } else {
            index = nil
        }
    }

    var codingPath: [CodingKey] { decoder.codingPath }
    var allKeys: [Key] {
        var seen = Set<String>()
        return keys.reversed().filter { seen.insert($0).inserted }.reversed().compactMap(Key.init(stringValue:))
    }

    func position(_ key: String) -> Int? {
        if let index { return index[key] }
        var i = keys.count - 1
        while i >= 0 { if keys[i] == key { return i }; i -= 1 }
        return nil
    }

    func contains(_ key: Key) -> Bool { position(key.stringValue) != nil }

    func child(_ key: CodingKey) throws -> NodeValueDecoder {
        guard let i = position(key.stringValue) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return decoder.child(values[i], key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decodeValue(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { try child(NodeIndexKey(stringValue: "super")) }
    func superDecoder(forKey key: Key) throws -> Decoder { try child(key) }
}

private struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeValueDecoder
    let items: [Node]
    var currentIndex = 0

    init(decoder: NodeValueDecoder, items: [Node]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next(_ type: Any.Type) throws -> NodeValueDecoder {
        let key = NodeIndexKey(intValue: currentIndex)
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: codingPath + [key], debugDescription: "Unkeyed container is at end."))
        }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], key)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { _ = try next(Any?.self); return false }
        if decoder.child(items[currentIndex], NodeIndexKey(intValue: currentIndex)).decodeNil() {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type).decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type).decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type).decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type).decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).decode(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey> {
        try next([String: Any].self).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try next([Any].self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder { try next(Any.self) }
}
