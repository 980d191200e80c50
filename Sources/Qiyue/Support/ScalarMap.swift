/// A map from scalars to a few values, read in one array access for the Basic Multilingual Plane
/// (numeral and heading tables are consulted for every character of a number or a line start).
struct ScalarMap<Value: Sendable>: Sendable {
    /// 0 = absent, else index + 1 into `values`; built lazily at the first insert.
    private var index: [UInt16] = []
    private var values: [Value] = []
    private var astral: [UInt32: Value] = [:]

    init() {}

    init(_ pairs: [UInt32: Value]) {
        for (k, v) in pairs { self[k] = v }
    }

    subscript(_ c: UInt32) -> Value? {
        @inline(__always) get {
            if c < 0x10000 {
                guard !index.isEmpty else { return nil }
                let i = index[Int(c)]
                return i == 0 ? nil : values[Int(i) - 1]
            }
            return astral[c]
        }
        set {
            guard let newValue else { return }  // entries are never removed
            if c >= 0x10000 { astral[c] = newValue; return }
            if index.isEmpty { index = [UInt16](repeating: 0, count: 0x10000) }
            let i = index[Int(c)]
            if i != 0 { values[Int(i) - 1] = newValue; return }
            values.append(newValue)
            index[Int(c)] = UInt16(values.count)
        }
    }
}
