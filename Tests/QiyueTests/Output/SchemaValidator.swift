import Foundation

/// A small JSON Schema (2020-12) validator for the keywords the published schema uses: type,
/// enum, const, required, properties, items, minItems, maxItems, minimum, maximum, pattern and
/// local $ref. With `strict`, every object key must be declared under `properties`, so the schema
/// cannot fall behind the output.
struct SchemaValidator {
    let root: [String: Any]
    var strict = true

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    func validate(_ value: Any) -> [String] {
        var errors: [String] = []
        check(value, root, "$", &errors)
        return errors
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/") else { return schema }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return node as? [String: Any] ?? [:]
    }

    private func check(_ v: Any, _ s0: [String: Any], _ path: String, _ errors: inout [String]) {
        let s = resolve(s0)
        if let c = s["const"] as? String, (v as? String) != c { errors.append("\(path): expected const \(c)") }
        if let e = s["enum"] as? [Any] {
            let ok = e.contains { ($0 as? String) == (v as? String) && v is String }
            if !ok { errors.append("\(path): \(v) not in enum") }
        }
        if let t = s["type"] as? String {
            let ok: Bool
            switch t {
            case "object": ok = v is [String: Any]
            case "array": ok = v is [Any]
            case "string": ok = v is String
            case "boolean": ok = v as? Bool != nil
            case "integer": ok = (v as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
            case "number": ok = v is NSNumber
            default: ok = true
            }
            if !ok { errors.append("\(path): expected \(t), got \(v)"); return }
        }
        if let n = v as? NSNumber, !(v is Bool) {
            if let mn = s["minimum"] as? Double, n.doubleValue < mn { errors.append("\(path): below minimum") }
            if let mx = s["maximum"] as? Double, n.doubleValue > mx { errors.append("\(path): above maximum") }
        }
        if let str = v as? String, let p = s["pattern"] as? String, str.range(of: p, options: .regularExpression) == nil {
            errors.append("\(path): \(str) does not match \(p)")
        }
        if let o = v as? [String: Any] {
            let props = s["properties"] as? [String: Any] ?? [:]
            for r in s["required"] as? [String] ?? [] where o[r] == nil { errors.append("\(path): missing \(r)") }
            for (k, val) in o {
                if let ps = props[k] as? [String: Any] { check(val, ps, path + "." + k, &errors) }
                else if strict { errors.append("\(path): undeclared key \(k)") }
            }
        }
        if let a = v as? [Any] {
            if let mn = s["minItems"] as? Int, a.count < mn { errors.append("\(path): fewer than \(mn) items") }
            if let mx = s["maxItems"] as? Int, a.count > mx { errors.append("\(path): more than \(mx) items") }
            if let items = s["items"] as? [String: Any] {
                for (i, x) in a.enumerated() { check(x, items, "\(path)[\(i)]", &errors) }
            }
        }
    }
}
