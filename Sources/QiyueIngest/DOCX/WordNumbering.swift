import Qiyue

/// Word's automatic numbering (word/numbering.xml, and list styles from word/styles.xml): the
/// definitions, and the counters that turn a paragraph's `w:numPr` into the text Word shows
/// (第一条, 一、, 1.1).
final class WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text: String?
        /// tab, space or nothing.
        var suffix = "tab"
        var legal = false
    }

    struct Instance {
        var abstractID: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    /// A paragraph style's list reference.
    struct StyleNumbering {
        var numID: Int?
        var level: Int?
        var basedOn: String?
    }

    private(set) var abstracts: [Int: [Int: Level]] = [:]
    private(set) var instances: [Int: Instance] = [:]
    private(set) var styles: [String: StyleNumbering] = [:]
    private var counters: [Int: [Int?]] = [:]

    var isEmpty: Bool { instances.isEmpty }

    /// The same list definitions with counters of their own and no paragraph styles (a header or
    /// footer counts its own lists), without parsing numbering.xml again.
    init(listsOf other: WordNumbering) {
        abstracts = other.abstracts
        instances = other.instances
    }

    /// Reads numbering.xml (and styles.xml) bytes; either may be nil.
    init(numbering: [UInt8]?, styles: [UInt8]?, path: String) throws(QiyueError) {
        if let numbering {
            let reader = NumberingReader()
            try SAXReader.parse(numbering, handler: reader, part: "word/numbering.xml", path: path)
            abstracts = reader.abstracts
            instances = reader.instances
        }
        if let styles {
            let reader = StylesReader()
            try SAXReader.parse(styles, handler: reader, part: "word/styles.xml", path: path)
            self.styles = reader.styles
        }
    }

    /// The numbering (numId, level) a paragraph of `style` gets when it has no `w:numPr` of its own.
    func styleNumbering(_ style: String?) -> (numID: Int, level: Int?)? {
        var id = style, seen = 0
        while let s = id, seen < 32, let def = styles[s] {
            if let n = def.numID { return (n, def.level) }
            id = def.basedOn
            seen += 1
        }
        return nil
    }

    /// Counts a paragraph of list `numID` at `level` and returns its number text with its suffix
    /// ("第一条" + "" for `w:suff="nothing"`), or nil when the list or level is not defined.
    func next(numID: Int, level: Int, tabAs tab: String) -> String? {
        guard numID != 0, let inst = instances[numID], let levels = abstracts[inst.abstractID] else { return nil }
        func def(_ l: Int) -> Level? { inst.levelOverrides[l] ?? levels[l] }
        guard (0...8).contains(level), let lvl = def(level) else { return nil }
        // Lists without a restart share their abstract definition's counters, as Word does.
        let key = inst.startOverrides.isEmpty && inst.levelOverrides.isEmpty ? -1 - inst.abstractID : numID
        var c = counters[key] ?? Array(repeating: nil, count: 9)
        func start(_ l: Int) -> Int { inst.startOverrides[l] ?? def(l)?.start ?? 1 }
        c[level] = (c[level] ?? start(level) - 1) + 1
        for deeper in (level + 1)..<9 { c[deeper] = nil }
        counters[key] = c
        var out = ""
        let template = Array((lvl.text ?? "%\(level + 1).").unicodeScalars)
        var i = 0
        while i < template.count {
            let u = template[i]
            if u == "%", i + 1 < template.count, let d = Int(String(template[i + 1])), (1...9).contains(d) {
                let l = d - 1
                let value = c[l] ?? start(l)
                // A legal-style level (w:isLgl) shows every level's number in Arabic digits.
                out += NumberFormat.render(value, format: lvl.legal ? "decimal" : def(l)?.format ?? "decimal")
                i += 2
                continue
            }
            // Bullets from symbol fonts are private-use code points; show them as a bullet.
            if (0xE000...0xF8FF).contains(u.value) { out += "•" } else { out.unicodeScalars.append(u) }
            i += 1
        }
        switch lvl.suffix {
        case "nothing": break
        case "space": out += " "
        default: out += tab
        }
        return out
    }
}

/// Reads word/numbering.xml.
private final class NumberingReader: SAXHandler {
    private static let cNames = CStrings(Tag.caseNames)
    override class var names: CStrings { cNames }

    override func start(_ id: Int32, _ ns: XMLNamespace, _ attributes: SAXAttributes) -> Bool {
        guard let tag = Tag(rawValue: id) else { return false }
        return start(tag, ns, attributes)
    }

    override func end(_ id: Int32, _ ns: XMLNamespace) {
        if let tag = Tag(rawValue: id) { end(tag, ns) }
    }

    enum Tag: Int32, CaseIterable {
        case abstractNum, num, abstractNumId, lvlOverride, startOverride, lvl, start, numFmt, lvlText, suff, isLgl
    }

    var abstracts: [Int: [Int: WordNumbering.Level]] = [:]
    var instances: [Int: WordNumbering.Instance] = [:]
    private var abstractID: Int?
    private var numID: Int?
    private var overrideLevel: Int?
    private var level: Int?
    private var current = WordNumbering.Level()

    private func start(_ tag: Tag, _ ns: XMLNamespace, _ a: SAXAttributes) -> Bool {
        guard ns == .word else { return false }
        switch tag {
        case .abstractNum: abstractID = a.int("abstractNumId"); abstracts[abstractID ?? -1] = abstracts[abstractID ?? -1] ?? [:]
        case .num: numID = a.int("numId")
        case .abstractNumId:
            if let numID, let v = a.int("val") { instances[numID] = WordNumbering.Instance(abstractID: v) }
        case .lvlOverride: overrideLevel = a.int("ilvl")
        case .startOverride:
            if let numID, let l = overrideLevel, let v = a.int("val") { instances[numID]?.startOverrides[l] = v }
        case .lvl: level = a.int("ilvl"); current = WordNumbering.Level()
        case .start: if level != nil, let v = a.int("val") { current.start = v }
        case .numFmt: if level != nil, let v = a["val"] { current.format = v }
        case .lvlText: if level != nil { current.text = a["val"] ?? "" }
        case .suff: if level != nil, let v = a["val"] { current.suffix = v }
        case .isLgl: if level != nil { current.legal = a["val"].map { $0 != "0" && $0 != "false" } ?? true }
        }
        return false
    }

    private func end(_ tag: Tag, _ ns: XMLNamespace) {
        guard ns == .word else { return }
        switch tag {
        case .lvl:
            if let l = level {
                if let numID, overrideLevel != nil { instances[numID]?.levelOverrides[l] = current }
                else if let abstractID { abstracts[abstractID, default: [:]][l] = current }
            }
            level = nil
        case .lvlOverride: overrideLevel = nil
        case .abstractNum: abstractID = nil
        case .num: numID = nil
        default: break
        }
    }
}

/// Reads the list references of paragraph styles in word/styles.xml.
private final class StylesReader: SAXHandler {
    private static let cNames = CStrings(Tag.caseNames)
    override class var names: CStrings { cNames }

    override func start(_ id: Int32, _ ns: XMLNamespace, _ attributes: SAXAttributes) -> Bool {
        guard let tag = Tag(rawValue: id) else { return false }
        return start(tag, ns, attributes)
    }

    override func end(_ id: Int32, _ ns: XMLNamespace) {
        if let tag = Tag(rawValue: id) { end(tag, ns) }
    }

    enum Tag: Int32, CaseIterable { case style, basedOn, pPr, numId, ilvl }

    var styles: [String: WordNumbering.StyleNumbering] = [:]
    private var style: String?
    private var inPPr = false

    private func start(_ tag: Tag, _ ns: XMLNamespace, _ a: SAXAttributes) -> Bool {
        guard ns == .word else { return false }
        switch tag {
        case .style: style = a["styleId"]; if let s = style { styles[s] = WordNumbering.StyleNumbering() }
        case .basedOn: if let s = style { styles[s]?.basedOn = a["val"] }
        case .pPr: inPPr = true
        case .numId: if inPPr, let s = style { styles[s]?.numID = a.int("val") }
        case .ilvl: if inPPr, let s = style { styles[s]?.level = a.int("val") }
        }
        return false
    }

    private func end(_ tag: Tag, _ ns: XMLNamespace) {
        guard ns == .word else { return }
        if tag == .pPr { inPPr = false } else if tag == .style { style = nil }
    }
}
