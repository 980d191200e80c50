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
        do throws(QiyueError) {
            guard try SAXReader.parse(bytes, handler: log, part: "word/document.xml", path: "fuzz.docx", engine: engine) else { return ["not plain"] }
            return log.finished()
        } catch {
            return ["error \(error.code.rawValue) \(error.message)"]
        }
    }

    /// Every event, with WordprocessingML's element names; deletions skipped, as the body reader does.
    private final class EventLog: XMLEventLog {
        static let cNames = CStrings(WordBodyReader.Tag.caseNames + ["document", "body", "hdr", "ftr", "rFonts", "lvl", "abstractNum", "num", "style"])
        override class var names: CStrings { cNames }
        override class var skipped: Int32? { WordBodyReader.Tag.del.rawValue }
    }
}
