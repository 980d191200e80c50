import Qiyue

/// Compares the bridge's two XML parsers on any bytes, for the `xml` fuzz target: the events of
/// the automatic choice (the fast path for plain XML, else libxml2) must equal libxml2's own, and
/// so must the error, if any. Not for library users.
@_spi(Fuzzing)
public enum XMLEngineCheck {
    /// Whether both parsers give the same outcome for `bytes`, read as a Word part.
    public static func agree(_ bytes: [UInt8]) -> Bool {
        outcome(bytes, .auto) == outcome(bytes, .libxml2)
    }

    private static func outcome(_ bytes: [UInt8], _ engine: SAXReader.Engine) -> [String] {
        let log = EventLog()
        do {
            try SAXReader.parse(bytes, handler: log, part: "word/document.xml", path: "fuzz.docx", engine: engine)
            return log.finished()
        } catch let e as QiyueError {
            return ["error \(e.code.rawValue) \(e.message)"]
        } catch {
            return ["not plain"]
        }
    }

    /// Every event as a line, with WordprocessingML's element names; text pieces joined.
    private final class EventLog: SAXHandler {
        static let cNames = CStrings(WordBodyReader.Tag.caseNames + ["document", "body", "hdr", "ftr", "rFonts", "lvl", "abstractNum", "num", "style"])
        override class var names: CStrings { cNames }
        private var events: [String] = []
        private var text: [UInt8] = []

        private func flush() {
            if !text.isEmpty { events.append("text " + String(decoding: text, as: UTF8.self)); text = [] }
        }

        override func start(_ id: Int32, _ ns: XMLNamespace, _ attributes: SAXAttributes) -> Bool {
            flush()
            var line = "start \(id) \(ns)"
            if let pairs = attributes.pairs {
                for i in 0..<attributes.count {
                    line += " " + String(cString: pairs[2 * i]!) + "=" + String(cString: pairs[2 * i + 1]!)
                }
            }
            events.append(line)
            return id == WordBodyReader.Tag.del.rawValue  // skipped subtrees too
        }

        override func end(_ id: Int32, _ ns: XMLNamespace) { flush(); events.append("end \(id) \(ns)") }
        override func text(_ utf8: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: utf8) }
        func finished() -> [String] { flush(); return events }
    }
}
