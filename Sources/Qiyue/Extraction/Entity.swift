/// An entity dimension.
public enum EntityDimension: String, Sendable, Codable, CaseIterable, Hashable {
    /// A plain number (1,850,000.00, 三万五, 二〇二五).
    case number
    /// A rate as a fraction (30% → 0.3, 千分之五 → 0.005).
    case percentage
    /// An amount of money, a range or bound of amounts, or a blank money slot.
    case money
    /// An absolute or partial date, or a blank date slot.
    case date
    /// A duration (30日, 三个月, 3个工作日, T+1日), with its relation to an anchor if written.
    case duration
}

/// A resolved entity value. Which fields are set depends on the dimension.
public struct EntityValue: Sendable, Codable, Hashable {
    /// number / percentage / money: the value (percentages as fractions).
    public var value: Double?
    /// money: ISO currency code.
    public var currency: String?
    /// money ranges and bounds.
    public var min: Double?
    /// money ranges and bounds.
    public var max: Double?
    /// money: the written-out (大写) amount, when given next to figures.
    public var words: Reading?
    /// money: the figures, when given next to a written-out amount.
    public var figures: Reading?
    /// date: ISO date when year, month and day are known.
    public var date: String?
    /// date: known parts.
    public var year: Int?
    /// date: known parts.
    public var month: Int?
    /// date: known parts.
    public var day: Int?
    /// date / duration: before, after, on, from, until, within.
    public var bound: String?
    /// duration: amount of units.
    public var amount: Double?
    /// duration: second, minute, hour, day, workday, week, month, quarter, year; percentage:
    /// `point` for percentage points (2个百分点).
    public var unit: String?
    /// number / money: true for a figure beyond Double's range (then no `value`).
    public var overflow: Bool?
    /// number / money: true for an approximate count (五十余万 = 500000, 一千多万 = 10000000).
    public var approximate: Bool?
    /// percentage: `discount` for 八折 (value 0.8).
    public var kind: String?
    /// duration: ISO 8601 duration of a compound (三年零五个月 → P3Y5M).
    public var iso: String?
    /// duration: calendar, natural, workday, bank_workday or trading, where the text says which days.
    public var dayKind: String?
    /// date ranges: first and last date, ISO or partial ("2024-05").
    public var start: String?
    /// date ranges: first and last date, ISO or partial ("2024-05").
    public var end: String?
    /// date-times: "HH:MM" (24 h).
    public var time: String?
    /// date: the finest part written (year, month, day, hour, minute).
    public var grain: String?
    /// date: false for an impossible date (2月30日); absent when the date is possible.
    public var valid: Bool?

    /// One reading of an amount (words or figures).
    public struct Reading: Sendable, Codable, Hashable {
        /// The text as written.
        public var text: String
        /// Its value.
        public var value: Double
    }

    init() {}

    /// The value with every figure beyond Double's range (a 309-digit number, 一亿亿亿…) removed and
    /// `overflow` set instead: such a figure is an entity, but has no value JSON could carry.
    var isFinite: Bool {
        func ok(_ d: Double?) -> Bool { d?.isFinite ?? true }
        return ok(value) && ok(min) && ok(max) && ok(amount) && ok(words?.value) && ok(figures?.value)
    }

    var finite: EntityValue {
        func bad(_ d: Double?) -> Bool { d.map { !$0.isFinite } ?? false }
        guard !isFinite else { return self }
        var v = self
        if bad(v.value) { v.value = nil }
        if bad(v.min) { v.min = nil }
        if bad(v.max) { v.max = nil }
        if bad(v.amount) { v.amount = nil }
        if bad(v.words?.value) { v.words = nil }
        if bad(v.figures?.value) { v.figures = nil }
        v.overflow = true
        return v
    }
}

/// An entity found in a document.
public struct Entity: Sendable, Codable, Hashable {
    /// EntityDimension.
    public var dim: EntityDimension
    /// Original text under the span.
    public var text: String
    /// Original span.
    public var span: TextSpan
    /// Resolved value; nil for a blank template slot.
    public var value: EntityValue? {
        get { storage?.value }
        set { storage = newValue.map(ValueBox.init) }
    }
    /// Whether this is a template blank (人民币 元整, ____年__月__日).
    public var blank: Bool
    /// The rule that produced it (provenance).
    public var rule: String
    /// Normalized range (internal).
    var range: Range<Int> = 0..<0
    /// A range's ends as entities of their own (2024年5月6日 and 6月30日 of 2024年5月6日至6月30日),
    /// which the fact extractors read instead of the range (internal, not encoded).
    var parts: [Entity] = []
    /// The value lives in a shared box: an `EntityValue` is a few hundred bytes, and entities are
    /// copied through every extractor's result arrays.
    private var storage: ValueBox?

    private final class ValueBox: Sendable, Hashable {
        let value: EntityValue
        init(_ value: EntityValue) { self.value = value.isFinite ? value : value.finite }
        static func == (a: ValueBox, b: ValueBox) -> Bool { a.value == b.value }
        func hash(into h: inout Hasher) { h.combine(value) }
    }

    enum CodingKeys: String, CodingKey { case dim, text, span, value, blank, rule }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dim = try c.decode(EntityDimension.self, forKey: .dim)
        text = try c.decode(String.self, forKey: .text)
        span = try c.decode(TextSpan.self, forKey: .span)
        blank = try c.decodeIfPresent(Bool.self, forKey: .blank) ?? false
        rule = try c.decode(String.self, forKey: .rule)
        storage = try c.decodeIfPresent(EntityValue.self, forKey: .value).map(ValueBox.init)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dim, forKey: .dim)
        try c.encode(text, forKey: .text)
        try c.encode(span, forKey: .span)
        try c.encodeIfPresent(value, forKey: .value)
        if blank { try c.encode(true, forKey: .blank) }
        try c.encode(rule, forKey: .rule)
    }

    init(dim: EntityDimension, range: Range<Int>, value: EntityValue?, blank: Bool = false, rule: String, in doc: Document) {
        self.dim = dim
        self.range = range
        self.span = doc.originalSpan(range)
        self.text = doc.originalText(span)
        self.storage = value.map(ValueBox.init)
        self.blank = blank
        self.rule = rule
    }
}
