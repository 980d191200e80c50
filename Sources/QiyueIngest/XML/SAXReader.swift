import CXMLBridge
import Foundation
import Qiyue

/// The namespaces the Word readers tell apart.
enum XMLNamespace {
    /// WordprocessingML, transitional or strict.
    case word
    /// Markup compatibility (`mc:AlternateContent`).
    case markupCompatibility
    case other

    /// The URIs the bridge looks up, in the order of ``init(index:)``.
    static let uris = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                       "http://purl.oclc.org/ooxml/wordprocessingml/main",
                       "http://schemas.openxmlformats.org/markup-compatibility/2006"]

    init(index: Int32) {
        switch index {
        case 0, 1: self = .word
        case 2: self = .markupCompatibility
        default: self = .other
        }
    }
}

/// An element's attributes, valid only during the ``SAXHandler/start(_:_:_:)`` call.
struct SAXAttributes {
    let count: Int
    let pairs: UnsafePointer<UnsafePointer<CChar>?>?

    /// The value of the attribute with this local name (`w:val` → "val").
    subscript(_ local: String) -> String? {
        guard let pairs else { return nil }
        for i in 0..<count {
            if let n = pairs[2 * i], strcmp(n, local) == 0, let v = pairs[2 * i + 1] {
                return String(decoding: UnsafeRawBufferPointer(start: v, count: strlen(v)), as: UTF8.self)
            }
        }
        return nil
    }

    /// The attribute as an integer.
    func int(_ local: String) -> Int? { self[local].flatMap { Int($0) } }
}

/// Receives the events of a streaming parse: subclass and override. Only the elements named in
/// ``names`` are reported, by their index there (the bridge maps each name once per parse, so no
/// string is made or compared per element, and the callbacks need no generic dispatch).
class SAXHandler {
    /// The local names the handler tells apart; an element's id is its index here.
    class var names: CStrings { CStrings([]) }
    /// Returns true to skip the element's content (and its end event).
    func start(_ id: Int32, _ ns: XMLNamespace, _ attributes: SAXAttributes) -> Bool { false }
    func end(_ id: Int32, _ ns: XMLNamespace) {}
    func text(_ utf8: UnsafeBufferPointer<UInt8>) {}
}

extension CaseIterable {
    /// The case names, in declaration order (an `Int32` raw value is then the index).
    static var caseNames: [String] { allCases.map { String(describing: $0) } }
}

/// Streaming XML reading with libxml2 (through CXMLBridge): no DTD, no entity, no network, ever —
/// a document that declares a DTD is refused (Q114), so neither XXE nor billion laughs can start.
enum SAXReader {
    /// Which parser reads the XML: by default the bridge's fast path for plain XML (Office parts as
    /// Word writes them, several times libxml2's speed), libxml2 for everything else.
    enum Engine: Int32 {
        case auto = 0, libxml2 = 1
        /// The fast path alone: declines XML it leaves to libxml2 (for tests).
        case fast = 2
    }

    static func parse(_ bytes: [UInt8], handler: SAXHandler, part: String, path: String) throws(QiyueError) {
        _ = try parse(bytes, handler: handler, part: part, path: path, engine: .auto)
    }

    /// Parses with `engine`; false only when ``Engine/fast`` declines XML that is not plain (then
    /// no event was reported).
    static func parse(_ bytes: [UInt8], handler: SAXHandler, part: String, path: String, engine: Engine) throws(QiyueError) -> Bool {
        var callbacks = qy_sax_handlers(
            start: { ctx, id, ns, n, attrs in
                guard let ctx else { return 0 }
                let sink = Unmanaged<SAXHandler>.fromOpaque(ctx).takeUnretainedValue()
                return sink.start(id, XMLNamespace(index: ns), SAXAttributes(count: Int(n), pairs: attrs)) ? 1 : 0
            },
            end: { ctx, id, ns in
                guard let ctx else { return }
                Unmanaged<SAXHandler>.fromOpaque(ctx).takeUnretainedValue().end(id, XMLNamespace(index: ns))
            },
            text: { ctx, p, n in
                guard let ctx, let p, n > 0 else { return }
                let sink = Unmanaged<SAXHandler>.fromOpaque(ctx).takeUnretainedValue()
                p.withMemoryRebound(to: UInt8.self, capacity: Int(n)) { sink.text(UnsafeBufferPointer(start: $0, count: Int(n))) }
            })
        guard bytes.count < Int32.max else { throw QiyueError(.tooLarge, path: path, "\(part) is too large to parse") }
        var message = [CChar](repeating: 0, count: 256)
        let ctx = Unmanaged<SAXHandler>.passUnretained(handler).toOpaque()
        let names = type(of: handler).names
        let uris = CStrings.uris
        let status = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { cb in
                qy_sax_parse_engine(cb.baseAddress, Int32(cb.count), names.pointers, Int32(names.count), uris.pointers,
                                    Int32(uris.count), &callbacks, ctx, &message, Int32(message.count), engine.rawValue)
            }
        }
        withExtendedLifetime((handler, names, uris)) {}
        switch Int(status) {
        case QY_SAX_OK: return true
        case QY_SAX_NOT_PLAIN: return false
        case QY_SAX_DTD:
            throw QiyueError(.forbiddenDTD, path: path, "\(part) declares a DTD or entities; refused (no entity is loaded or expanded)")
        default:
            let detail = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw QiyueError(.notDocx, path: path, "\(part) is not well-formed XML" + (detail.isEmpty ? "" : " (\(detail))"))
        }
    }
}

/// NUL-terminated copies of strings, alive as long as the value (immutable, so shareable).
final class CStrings: @unchecked Sendable {
    static let uris = CStrings(XMLNamespace.uris)

    let storage: [UnsafeMutablePointer<CChar>]
    let pointers: [UnsafePointer<CChar>?]
    var count: Int { storage.count }

    init(_ strings: [String]) {
        storage = strings.map { strdup($0)! }
        pointers = storage.map { UnsafePointer($0) }
    }

    deinit { for p in storage { free(p) } }
}
