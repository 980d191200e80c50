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

/// Receives the events of a streaming parse. Only the elements named by ``Tag`` are reported (the
/// bridge maps each name once per parse, so no string is made or compared per element).
protocol SAXHandler: AnyObject {
    /// The element names the handler tells apart; their case names are the XML local names.
    associatedtype Tag: RawRepresentable, CaseIterable where Tag.RawValue == Int32
    /// Returns true to skip the element's content (and its end event).
    func start(_ tag: Tag, _ ns: XMLNamespace, _ attributes: SAXAttributes) -> Bool
    func end(_ tag: Tag, _ ns: XMLNamespace)
    func text(_ utf8: UnsafeBufferPointer<UInt8>)
}

/// What the C callbacks see (a class, so the context pointer needs no dynamic cast): ids in,
/// handler calls out.
private class SAXSink {
    func start(_ id: Int32, _ ns: Int32, _ attributes: SAXAttributes) -> Bool { false }
    func end(_ id: Int32, _ ns: Int32) {}
    func text(_ utf8: UnsafeBufferPointer<UInt8>) {}
}

private final class SAXBox<H: SAXHandler>: SAXSink {
    let handler: H
    init(_ handler: H) { self.handler = handler }
    override func start(_ id: Int32, _ ns: Int32, _ attributes: SAXAttributes) -> Bool {
        guard let tag = H.Tag(rawValue: id) else { return false }
        return handler.start(tag, XMLNamespace(index: ns), attributes)
    }
    override func end(_ id: Int32, _ ns: Int32) {
        if let tag = H.Tag(rawValue: id) { handler.end(tag, XMLNamespace(index: ns)) }
    }
    override func text(_ utf8: UnsafeBufferPointer<UInt8>) { handler.text(utf8) }
}

/// Streaming XML reading with libxml2 (through CXMLBridge): no DTD, no entity, no network, ever —
/// a document that declares a DTD is refused (Q114), so neither XXE nor billion laughs can start.
enum SAXReader {
    static func parse<H: SAXHandler>(_ bytes: [UInt8], handler: H, part: String, path: String) throws(QiyueError) {
        var callbacks = qy_sax_handlers(
            start: { ctx, id, ns, n, attrs in
                guard let ctx else { return 0 }
                let sink = Unmanaged<SAXSink>.fromOpaque(ctx).takeUnretainedValue()
                return sink.start(id, ns, SAXAttributes(count: Int(n), pairs: attrs)) ? 1 : 0
            },
            end: { ctx, id, ns in
                guard let ctx else { return }
                (Unmanaged<SAXSink>.fromOpaque(ctx).takeUnretainedValue()).end(id, ns)
            },
            text: { ctx, p, n in
                guard let ctx, let p, n > 0 else { return }
                let sink = Unmanaged<SAXSink>.fromOpaque(ctx).takeUnretainedValue()
                p.withMemoryRebound(to: UInt8.self, capacity: Int(n)) { sink.text(UnsafeBufferPointer(start: $0, count: Int(n))) }
            })
        guard bytes.count < Int32.max else { throw QiyueError(.tooLarge, path: path, "\(part) is too large to parse") }
        var message = [CChar](repeating: 0, count: 256)
        let box = SAXBox(handler)
        let ctx = Unmanaged<SAXSink>.passUnretained(box).toOpaque()
        let names = CStrings(H.Tag.allCases.map { String(describing: $0) })
        let uris = CStrings(XMLNamespace.uris)
        let status = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { cb in
                qy_sax_parse(cb.baseAddress, Int32(cb.count), names.pointers, Int32(names.count), uris.pointers, Int32(uris.count),
                             &callbacks, ctx, &message, Int32(message.count))
            }
        }
        withExtendedLifetime((box, names, uris)) {}
        switch Int(status) {
        case QY_SAX_OK: return
        case QY_SAX_DTD:
            throw QiyueError(.forbiddenDTD, path: path, "\(part) declares a DTD or entities; refused (no entity is loaded or expanded)")
        default:
            let detail = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw QiyueError(.notDocx, path: path, "\(part) is not well-formed XML" + (detail.isEmpty ? "" : " (\(detail))"))
        }
    }
}

/// NUL-terminated copies of strings, alive as long as the value.
private final class CStrings {
    let storage: [UnsafeMutablePointer<CChar>]
    let pointers: [UnsafePointer<CChar>?]
    var count: Int { storage.count }

    init(_ strings: [String]) {
        storage = strings.map { strdup($0)! }
        pointers = storage.map { UnsafePointer($0) }
    }

    deinit { for p in storage { free(p) } }
}
