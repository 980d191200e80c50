import Foundation
import Qiyue

/// The JSON text of a report, as every command writes it (sorted keys, slashes unescaped): one
/// line by ``JSONWriter``; indented (`--pretty`) by Foundation's encoder.
enum ReportJSON {
    static func encode<T: Encodable & JSONWritable>(_ r: T, pretty: Bool = false) -> String {
        guard pretty else { return JSONWriter.string(r) }
        return foundation(r, pretty: true)
    }

    static func encode(_ parties: [Party]) -> String {
        var w = JSONWriter(capacity: 512)
        w.beginObject()
        w.member("p", parties)
        w.endObject()
        // {"p":[...]} → [...]
        return String(decoding: w.bytes.dropFirst(5).dropLast(), as: UTF8.self)
    }

    static func foundation<T: Encodable>(_ r: T, pretty: Bool = false) -> String {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(r)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
