/// Records a parse's events as lines, consecutive text pieces joined (either parser may cut text
/// anywhere), so that two parsers can be compared: the `xml` fuzz target and the tests. Subclass to
/// name the elements (``SAXHandler/names``) and the one whose content is skipped.
class XMLEventLog: SAXHandler {
    /// The element whose content and end are skipped, by id (nil: none).
    class var skipped: Int32? { nil }
    private var events: [String] = []
    private var text: [UInt8] = []

    private func flush() {
        if !text.isEmpty { events.append("text " + String(decoding: text, as: UTF8.self)); text = [] }
    }

    override func start(_ id: Int32, _ ns: XMLNamespace, _ attributes: SAXAttributes) -> Bool {
        flush()
        var attrs: [String] = []
        if let pairs = attributes.pairs {
            for i in 0..<attributes.count {
                attrs.append(String(cString: pairs[2 * i]!) + "=" + String(cString: pairs[2 * i + 1]!))
            }
        }
        events.append("start \(id) \(ns) [\(attrs.joined(separator: " "))]")
        return id == type(of: self).skipped
    }

    override func end(_ id: Int32, _ ns: XMLNamespace) {
        flush()
        events.append("end \(id) \(ns)")
    }

    override func text(_ utf8: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: utf8) }

    /// The events, once the parse is over.
    func finished() -> [String] { flush(); return events }
}
