/// A named field of a fact kind (or of the document) and how to read it from a report.
struct FactField: Sendable {
    /// The name used in rule files.
    let name: String
    /// Its type.
    let type: FieldType
    /// The words it can hold, when it is a closed vocabulary (checked for literals by the linter).
    let vocabulary: Set<String>?
    /// Reads the field of fact number `index` (ignored for document fields).
    let get: @Sendable (RiskContext, Int) -> FieldValue

    init(_ name: String, _ type: FieldType, _ vocabulary: Set<String>? = nil,
         _ get: @escaping @Sendable (RiskContext, Int) -> FieldValue) {
        self.name = name
        self.type = type
        self.vocabulary = vocabulary
        self.get = get
    }

    /// Builds a name → field table.
    static func table(_ fields: [FactField]) -> [String: FactField] {
        Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
