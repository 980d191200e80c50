import CXMLBridge
import Foundation
import Qiyue

/// The namespaces the Word readers tell apart.
enum XMLNamespace {
    /// WordprocessingML, transitional or strict.
    case word
    /// Markup compatibility (`mc:AlternateContent`).
    case markupCompatibility
    /// Package relationships.
    case relationships
    case other

    static func of(_ uri: UnsafePointer<CChar>?) -> XMLNamespace {
        guard let uri else { return .other }
        if strcmp(uri, "http://schemas.openxmlformats.org/wordprocessingml/2006/main") == 0
            || strcmp(uri, "http://purl.oclc.org/ooxml/wordprocessingml/main") == 0 { return .word }
        if strcmp(uri, "http://schemas.openxmlformats.org/markup-compatibility/2006") == 0 { return .markupCompatibility }
        if strcmp(uri, "http://schemas.openxmlformats.org/package/2006/relationships") == 0 { return .relationships }
        return .other
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
            if let n = pairs[2 * i], strcmp(n, local) == 0, let v = pairs[2 * i + 1] { return String(cString: v) }
        }
        return nil
    }

    /// The attribute as an integer.
    func int(_ local: String) -> Int? { self[local].flatMap { Int($0) } }
}

/// Receives the events of a streaming parse.
protocol SAXHandler: AnyObject {
    func start(_ name: String, _ ns: XMLNamespace, _ attributes: SAXAttributes)
    func end(_ name: String, _ ns: XMLNamespace)
    func text(_ utf8: UnsafeBufferPointer<UInt8>)
}

/// Carries the handler through libxml2's context pointer.
private final class SAXBox {
    let handler: any SAXHandler
    init(_ handler: any SAXHandler) { self.handler = handler }
}

/// Streaming XML reading with libxml2 (through CXMLBridge): no DTD, no entity, no network, ever —
/// a document that declares a DTD is refused (Q114), so neither XXE nor billion laughs can start.
enum SAXReader {
    static func parse(_ bytes: [UInt8], handler: some SAXHandler, part: String, path: String) throws(QiyueError) {
        var callbacks = qy_sax_handlers(
            start: { ctx, name, uri, n, attrs in
                guard let ctx, let name else { return }
                let h = Unmanaged<SAXBox>.fromOpaque(ctx).takeUnretainedValue().handler
                h.start(String(cString: name), XMLNamespace.of(uri), SAXAttributes(count: Int(n), pairs: attrs))
            },
            end: { ctx, name, uri in
                guard let ctx, let name else { return }
                let h = Unmanaged<SAXBox>.fromOpaque(ctx).takeUnretainedValue().handler
                h.end(String(cString: name), XMLNamespace.of(uri))
            },
            text: { ctx, p, n in
                guard let ctx, let p, n > 0 else { return }
                let h = Unmanaged<SAXBox>.fromOpaque(ctx).takeUnretainedValue().handler
                p.withMemoryRebound(to: UInt8.self, capacity: Int(n)) { h.text(UnsafeBufferPointer(start: $0, count: Int(n))) }
            })
        guard bytes.count < Int32.max else { throw QiyueError(.tooLarge, path: path, "\(part) is too large to parse") }
        var message = [CChar](repeating: 0, count: 256)
        let box = SAXBox(handler)
        let ctx = Unmanaged.passUnretained(box).toOpaque()
        let status = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { cb in
                qy_sax_parse(cb.baseAddress, Int32(cb.count), &callbacks, ctx, &message, Int32(message.count))
            }
        }
        withExtendedLifetime(box) {}
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
