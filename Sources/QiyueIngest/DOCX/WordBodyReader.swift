import Qiyue

/// Reads one WordprocessingML part (word/document.xml, a header or a footer) into text, as Word
/// shows it with every tracked change accepted.
///
/// - A paragraph is a line; its automatic number (``WordNumbering``) is written in front, followed
///   by a space where Word puts its default tab.
/// - A table row is a line whose cells, in reading order, are separated by a tab (U+0009); inside a
///   cell, paragraphs, tabs and line breaks become single spaces, so a tab in a table line always
///   separates cells. Nested tables are flattened into their cell. ``tableSpans`` gives each
///   top-level table's lines.
/// - Tracked changes: `w:del` and `w:moveFrom` are dropped, `w:ins` and `w:moveTo` kept; a deleted
///   paragraph mark joins the paragraph with the next; a deleted table row is dropped.
///   ``sawChanges`` tells whether there were any.
/// - Check boxes drawn with symbol fonts (`w:sym`) become ☑ ☒ □.
/// - Not text: field codes (`w:instrText`), hidden runs (`w:vanish`), the fallback copy of
///   `mc:AlternateContent`, formatting-change records (`w:*PrChange`), placeholder text of empty
///   content controls.
final class WordBodyReader: SAXHandler {
    private static let cNames = CStrings(Tag.caseNames)
    override class var names: CStrings { cNames }

    private let numbering: WordNumbering
    /// The text, UTF-8.
    private(set) var out: [UInt8] = []
    /// Whether the part holds tracked changes (insertions, deletions, moves, formatting changes).
    private(set) var sawChanges = false
    /// The extent of each top-level table in ``out``, in Unicode scalar offsets.
    private(set) var tableSpans: [TextSpan] = []
    private var tableStart = 0
    private var countedBytes = 0, countedScalars = 0

    private struct Paragraph {
        var text: [UInt8] = []
        var numID: Int?
        var level: Int?
        var style: String?
        var markDeleted = false
    }

    private enum Container { case cell, textBox }

    private struct Table {
        var row: [[UInt8]] = []
        var cell: [UInt8] = []
        /// The row is a tracked deletion (`w:trPr/w:del`).
        var rowDeleted = false
    }

    private var paragraphs: [Paragraph] = []
    private var containers: [Container] = []
    private var tables: [Table] = []
    /// Text of paragraphs whose mark was deleted, waiting for the next paragraph.
    private var carry: [UInt8] = []

    private var inText = false
    private var pPr = 0
    private var trPr = 0
    private var rPr = 0
    private var runHidden = false
    private var placeholderSDT = 0
    private var sdtDepth = 0

    init(numbering: WordNumbering) { self.numbering = numbering }

    override func start(_ id: Int32, _ ns: XMLNamespace, _ attributes: SAXAttributes) -> Bool {
        guard let tag = Tag(rawValue: id) else { return false }
        return start(tag, ns, attributes)
    }

    override func end(_ id: Int32, _ ns: XMLNamespace) {
        if let tag = Tag(rawValue: id) { end(tag, ns) }
    }

    private static let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
    private var inCell: Bool { containers.last == .cell }

    /// The elements this reader tells apart (local names; the namespace is checked separately).
    enum Tag: Int32, CaseIterable {
        // Content dropped, tracked changes.
        case del, moveFrom, pPrChange, rPrChange, sectPrChange, tblPrChange, trPrChange, tcPrChange
        case tblGridChange, numberingChange, tblPrExChange
        // Content dropped, not changes.
        case instrText, delInstrText, footnoteReference, endnoteReference
        // Kept changes.
        case ins, moveTo
        case p, pPr, rPr, pStyle, numId, ilvl, r, vanish, specVanish, t, tab, br, cr, noBreakHyphen
        case tbl, tr, trPr, tc, txbxContent, sdt, showingPlcHdr, sdtContent, sym
        /// `mc:Fallback`.
        case Fallback

        /// Whether the element's content is dropped: nil when it is not, else whether it is a tracked change.
        var droppedAsChange: Bool? {
            switch self {
            case .del, .moveFrom, .pPrChange, .rPrChange, .sectPrChange, .tblPrChange, .trPrChange, .tcPrChange,
                 .tblGridChange, .numberingChange, .tblPrExChange: return true
            case .instrText, .delInstrText, .footnoteReference, .endnoteReference: return false
            default: return nil
            }
        }
    }

    private func start(_ tag: Tag, _ ns: XMLNamespace, _ a: SAXAttributes) -> Bool {
        if ns == .markupCompatibility { return tag == .Fallback }
        guard ns == .word else { return false }
        if let change = tag.droppedAsChange {
            // A deleted paragraph mark (w:pPr/w:rPr/w:del) joins this paragraph with the next.
            if tag == .del && pPr > 0 && rPr > 0 && !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].markDeleted = true }
            // A deleted table row (w:trPr/w:del) is dropped with its cells.
            if tag == .del && trPr > 0 && !tables.isEmpty { tables[tables.count - 1].rowDeleted = true }
            if change { sawChanges = true }
            return true
        }
        switch tag {
        case .ins, .moveTo: sawChanges = true
        case .p: paragraphs.append(Paragraph())
        case .pPr: pPr += 1
        case .rPr: rPr += 1
        case .pStyle: if pPr > 0 && rPr == 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].style = a["val"] }
        case .numId: if pPr > 0 && rPr == 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].numID = a.int("val") }
        case .ilvl: if pPr > 0 && rPr == 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].level = a.int("val") }
        case .r: runHidden = false
        case .vanish, .specVanish:
            if rPr > 0 && pPr == 0 { runHidden = a["val"].map { $0 != "0" && $0 != "false" && $0 != "off" } ?? true }
        case .t: inText = pPr == 0
        case .tab: if pPr == 0 { put(inCell ? Self.space : Self.tab) }
        case .br, .cr: if pPr == 0 { put(inCell ? Self.space : Self.newline) }
        case .noBreakHyphen: put(UInt8(ascii: "-"))
        case .tbl:
            if tables.isEmpty { tableStart = scalarOffset() }
            tables.append(Table())
        case .tr: if !tables.isEmpty { tables[tables.count - 1].row = []; tables[tables.count - 1].rowDeleted = false }
        case .trPr: trPr += 1
        case .sym: if pPr == 0, let c = a["char"].flatMap({ UInt32($0, radix: 16) }), let u = Self.symbols[c] { for b in u.utf8 { put(b) } }
        case .tc:
            if !tables.isEmpty { tables[tables.count - 1].cell = [] }
            containers.append(.cell)
        case .txbxContent: containers.append(.textBox)
        case .sdt: sdtDepth += 1
        case .showingPlcHdr: placeholderSDT = sdtDepth
        case .sdtContent: if placeholderSDT > 0 && placeholderSDT == sdtDepth { return true }
        default: break
        }
        return false
    }

    private func end(_ tag: Tag, _ ns: XMLNamespace) {
        guard ns == .word else { return }
        switch tag {
        case .t: inText = false
        case .pPr: pPr -= 1
        case .rPr: rPr -= 1
        case .trPr: trPr -= 1
        case .p: endParagraph()
        case .tc:
            if containers.last == .cell { containers.removeLast() }
            if !tables.isEmpty {
                let cell = tables[tables.count - 1].cell
                tables[tables.count - 1].row.append(cell)
                tables[tables.count - 1].cell = []
            }
        case .tr:
            guard !tables.isEmpty else { break }
            let row = tables[tables.count - 1].row
            tables[tables.count - 1].row = []
            if tables[tables.count - 1].rowDeleted { break }
            if tables.count > 1 {
                // A nested table's row goes into the enclosing cell, cells joined by spaces.
                var joined: [UInt8] = []
                for cell in row where !cell.isEmpty { if !joined.isEmpty { joined.append(Self.space) }; joined += cell }
                appendToCell(joined, table: tables.count - 2)
            } else {
                for (i, cell) in row.enumerated() {
                    if i > 0 { out.append(Self.tab) }
                    out += cell
                }
                out.append(Self.newline)
            }
        case .tbl:
            guard !tables.isEmpty else { break }
            tables.removeLast()
            if tables.isEmpty {
                let end = scalarOffset()
                if end > tableStart { tableSpans.append(TextSpan(tableStart, end)) }
            }
        case .txbxContent: if containers.last == .textBox { containers.removeLast() }
        case .sdt:
            if placeholderSDT == sdtDepth { placeholderSDT = 0 }
            sdtDepth -= 1
        default: break
        }
    }

    override func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard inText, !runHidden, !paragraphs.isEmpty else { return }
        if inCell {
            for b in utf8 { paragraphs[paragraphs.count - 1].text.append(b == Self.tab || b == Self.newline || b == 0x0D ? Self.space : b) }
        } else {
            paragraphs[paragraphs.count - 1].text.append(contentsOf: utf8)
        }
    }

    /// Check boxes that forms draw with symbol fonts (`w:sym w:font="Wingdings" w:char="F0FE"`);
    /// other symbols are left out.
    static let symbols: [UInt32: String] = [
        0xF0FE: "☑", 0xF0FD: "☒", 0xF078: "☒", 0xF0A8: "□", 0xF06F: "□", 0xF0A1: "○", 0xF052: "☑", 0xF0FC: "✓",
    ]

    /// The scalar length of ``out`` so far (counted incrementally).
    private func scalarOffset() -> Int {
        for b in out[countedBytes...] where b & 0xC0 != 0x80 { countedScalars += 1 }
        countedBytes = out.count
        return countedScalars
    }

    private func put(_ byte: UInt8) {
        guard !runHidden, !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].text.append(byte)
    }

    private func appendToCell(_ bytes: [UInt8], table: Int) {
        guard !bytes.isEmpty else { return }
        if !tables[table].cell.isEmpty { tables[table].cell.append(Self.space) }
        tables[table].cell += bytes
    }

    private func endParagraph() {
        guard let p = paragraphs.popLast() else { return }
        if p.markDeleted {
            carry += p.text
            return
        }
        var line: [UInt8] = []
        var numID = p.numID, level = p.level
        if numID == nil, let s = numbering.styleNumbering(p.style) { numID = s.numID; level = level ?? s.level }
        // Word's default gap after a number is a tab; it is written as a space ("第一条 标的"), as
        // contracts are typed, so that tabs stay what separates table cells.
        if let numID, let number = numbering.next(numID: numID, level: level ?? 0, tabAs: " ") {
            line += Array(number.utf8)
        }
        if !carry.isEmpty { line += carry; carry = [] }
        line += p.text
        if inCell, !tables.isEmpty {
            appendToCell(line, table: tables.count - 1)
        } else {
            out += line
            out.append(Self.newline)
        }
    }
}
