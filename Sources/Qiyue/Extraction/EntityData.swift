import Foundation
import Yams

/// Language data for the entity extractors, from Rules/entities/*.yaml.
final class EntityData: Sendable {
    struct Numerals: Decodable, Sendable {
        var digits: [String: Double]
        var units: [String: Double]
        var sections: [String: Double]
        var tens: [String: Double]
        var fractions: [String: Double]
        var percentSigns: [String: Double]
        // Added after the first release: a Rules directory copied before then has none of these, and
        // gets the values the scanner used to have built in (see numerals.yaml for their meaning).
        private var capitalsList: [String]?
        private var onlyBeforeCapitalUnitList: [String]?
        private var decimalPointWord: String?
        private var ordinalPrefixList: [String]?
        private var quantityWordList: [String]?
        private var signPrefixList: [String]?
        private var wordlikeCapitalList: [String]?
        private var approximateMarkList: [String]?
        private var spacedPairUnitList: [String]?
        private var approximatePairList: [String]?
        private var approximatePairNextToUnitList: [String]?

        enum CodingKeys: String, CodingKey {
            case digits, units, sections, tens, fractions, percentSigns
            case capitalsList = "capitals", onlyBeforeCapitalUnitList = "onlyBeforeCapitalUnit"
            case decimalPointWord = "decimalPoint", ordinalPrefixList = "ordinalPrefixes", quantityWordList = "quantityWords"
            case signPrefixList = "signPrefixes", wordlikeCapitalList = "wordlikeCapitals"
            case approximateMarkList = "approximateMarks", spacedPairUnitList = "spacedPairUnits"
            case approximatePairList = "approximatePairs", approximatePairNextToUnitList = "approximatePairsNextToUnit"
        }

        var capitals: [String] { capitalsList ?? "壹贰叁肆伍陆柒捌玖拾佰仟".map(String.init) }
        var onlyBeforeCapitalUnit: [String] { onlyBeforeCapitalUnitList ?? ["参"] }
        var decimalPoint: String { decimalPointWord ?? "点" }
        var ordinalPrefixes: [String] { ordinalPrefixList ?? ["第"] }
        var signPrefixes: [String] { signPrefixList ?? ["负"] }
        var wordlikeCapitals: [String] { wordlikeCapitalList ?? [] }
        var approximateMarks: [String] { approximateMarkList ?? [] }
        var spacedPairUnits: [String] { spacedPairUnitList ?? [] }
        var approximatePairs: [String] { approximatePairList ?? [] }
        var approximatePairsNextToUnit: [String] { approximatePairNextToUnitList ?? [] }
        var quantityWords: [String] {
            quantityWordList ?? "个日天月年元角分条项份次倍周号时小岁名人间套层楼期週星秒刻股台辆件户".map(String.init)
        }
    }
    struct Currency: Decodable, Sendable {
        var code: String
        var prefixes: [String]
        var suffixes: [String]
    }
    struct Currencies: Decodable, Sendable {
        var currencies: [Currency]
        var subunits: [String: Double]
        var closers: [String]
        var maxBefore: [String]
        var minBefore: [String]
        var maxAfter: [String]
        var minAfter: [String]
        var rangeSeparators: [String]
        var notMoneyAfter: [String]
        var annotations: [String]
        var standaloneSubunits: [String]
        var inclusiveMarks: [String]
        var spokenMajor: [String]
        /// Optional in older Rules directories.
        var tableMoneyHeaders: [String]?
    }
    struct Time: Decodable, Sendable {
        var durationUnits: [String: String]
        var halfWords: [String]
        var durationBounds: [String: String]
        var dateBounds: [String: String]
        var monthlyPrefixes: [String]
        var monthlyLinks: [String]?
        var durationCues: [String]
        var yearRange: [Int]
        var monthWords: [String: Int]
        var dayKinds: [String: String]
        var compoundUnits: [String: String]
        var notDurationAfter: [String]
        var compoundJoiners: [String]
        var durationMaxBefore: [String]
        var durationMinBefore: [String]
        var durationMaxAfter: [String]
        var durationMinAfter: [String]
        var eras: [String: Int]
        var twoDigitPivot: Int
        var dayPeriods: [String: Int]
        var hourWords: [String]
        var minuteWords: [String]
        var notHourAfter: [String]
        var dateRangeSeparators: [String]
    }
    /// A duration unit word: the unit, how many of it one word counts (刻钟 = 15 minutes), and the
    /// kind of day it counts.
    struct DurationUnit: Sendable {
        var unit: String
        var factor: Double
        var dayKind: String?
    }

    struct Grammar: Decodable, Sendable {
        var signs: [String]
        var fractionWord: String
        var mixedJoiner: String
        var dozens: [String: Double]
        var notDozenAfter: [String]
        var halfWord: String
        var tenths: String
        var notTenthsAfter: [String]
        var discount: String
        var notDiscountAfter: [String]
        var discountWords: [String: Double]
        var percentagePoints: [String]
        var echoOpen: [String]
        var echoClose: [String]
    }

    let numerals: Numerals
    let signs: WordTable<Bool>
    let fractionWord: [UInt32]
    let mixedJoiner: UInt32
    let dozens: WordTable<Double>
    let notDozenAfter: ScalarSet
    let halfWord: UInt32
    let tenths: UInt32
    let notTenthsAfter: ScalarSet
    let discount: UInt32
    let notDiscountAfter: ScalarSet
    let discountWords: WordTable<Double>
    let percentagePoints: WordTable<Bool>
    let echoOpen: ScalarSet
    let echoClose: ScalarSet
    /// The first characters of the words the number rules read at (成, 折, 半, 打 …).
    let wordTriggers: ScalarSet
    let currencies: Currencies
    let time: Time

    // Compiled lookups.
    let digitValue: ScalarMap<Double>
    let unitValue: ScalarMap<Double>
    let sectionValue: ScalarMap<Double>
    let tensValue: ScalarMap<Double>
    /// Rate words before a number (百分之 → 0.01), as scalars.
    let fractionWords: [(word: [UInt32], factor: Double)]
    /// Rate signs after a number (% → 0.01).
    let percentSignValue: ScalarMap<Double>
    /// Financial capitals (壹 … 仟).
    let capitalSet: ScalarSet
    /// Two neighbouring digit words read as "N or M" (两三, 五六; numerals.yaml `approximatePairs`),
    /// keyed by the two scalars; the value says whether the pair needs a unit beside it (二三十).
    let approximatePairs: [UInt64: Bool]
    /// What the tokenizer's number scanner reads.
    let numberClasses: NumberScanner.Classes
    let currencyPrefix: WordTable<String>
    let currencySuffix: WordTable<String>
    let subunits: WordTable<Double>
    let closers: WordTable<Bool>
    let bounds: WordTable<String>      // before an amount: "max"/"min"
    let boundsAfter: WordTable<String> // after an amount
    let rangeSeparators: WordTable<Bool>
    let notMoneyAfter: WordTable<Bool>
    let durationUnits: WordTable<DurationUnit>
    let compoundUnits: WordTable<DurationUnit>
    let notDurationAfter: WordTable<Bool>
    let compoundJoiners: WordTable<Bool>
    let durationLimitBefore: WordTable<String>
    let durationLimitAfter: WordTable<String>
    let eras: WordTable<Int>
    let dayPeriods: WordTable<Int>
    let hourWords: WordTable<Bool>
    let minuteWords: WordTable<Bool>
    let notHourAfter: WordTable<Bool>
    let dateRangeSeparators: WordTable<Bool>
    /// What may follow a number that is part of a date or time: 年月日号, separators, time words, digits.
    let dateFollowers: ScalarSet
    let durationBounds: WordTable<String>
    let dateBounds: WordTable<String>
    let monthlyPrefixes: WordTable<Bool>
    /// Between a monthly prefix and its day: 每季度首月的5日.
    let monthlyLinks: WordTable<Bool>
    let durationCues: WordTable<Bool>
    let halfWords: WordTable<Bool>
    let annotations: WordTable<Bool>
    let tableMoneyHeaders: WordTable<Bool>
    let standaloneSubunits: WordTable<Bool>
    let inclusiveMarks: WordTable<Bool>
    let spokenMajor: WordTable<Bool>
    let monthWords: WordTable<Int>

    init(directory: String) throws(QiyueError) {
        numerals = try Self.load(directory, "entities/numerals.yaml")
        currencies = try Self.load(directory, "entities/currencies.yaml")
        time = try Self.load(directory, "entities/time.yaml")
        let grammar: Grammar = try Self.load(directory, "entities/grammar.yaml")
        func scalar(_ w: String) -> UInt32 { w.unicodeScalars.first?.value ?? 0 }
        func scalars(_ l: [String]) -> ScalarSet { ScalarSet(values: l.compactMap { $0.unicodeScalars.first?.value }) }
        signs = WordTable(grammar.signs.map { (Self.norm($0), true) })
        fractionWord = grammar.fractionWord.unicodeScalars.map(\.value)
        mixedJoiner = scalar(grammar.mixedJoiner)
        dozens = WordTable(grammar.dozens.map { ($0.key, $0.value) })
        notDozenAfter = scalars(grammar.notDozenAfter)
        halfWord = scalar(grammar.halfWord)
        tenths = scalar(grammar.tenths)
        notTenthsAfter = scalars(grammar.notTenthsAfter)
        discount = scalar(grammar.discount)
        notDiscountAfter = scalars(grammar.notDiscountAfter)
        discountWords = WordTable(grammar.discountWords.map { ($0.key, $0.value) })
        percentagePoints = WordTable(grammar.percentagePoints.map { ($0, true) })
        echoOpen = scalars(grammar.echoOpen.map(Self.norm))
        echoClose = scalars(grammar.echoClose.map(Self.norm))
        wordTriggers = scalars([grammar.tenths, grammar.discount, grammar.halfWord] + Array(grammar.dozens.keys) + Array(grammar.discountWords.keys))
        func scalarMap(_ d: [String: Double]) -> ScalarMap<Double> {
            var m = ScalarMap<Double>()
            for (k, v) in d { if let u = k.unicodeScalars.first, k.unicodeScalars.count == 1 { m[u.value] = v } }
            return m
        }
        digitValue = scalarMap(numerals.digits)
        unitValue = scalarMap(numerals.units)
        sectionValue = scalarMap(numerals.sections)
        tensValue = scalarMap(numerals.tens)
        // Longest first, so that a longer rate word wins over its prefix; ties in a fixed order.
        fractionWords = numerals.fractions.map { (word: $0.key.unicodeScalars.map(\.value), factor: $0.value) }
            .sorted { $0.word.count != $1.word.count ? $0.word.count > $1.word.count : $0.word.lexicographicallyPrecedes($1.word) }
        percentSignValue = scalarMap(numerals.percentSigns)
        capitalSet = ScalarSet(numerals.capitals.joined())
        var pairs: [UInt64: Bool] = [:]
        for (list, nextToUnit) in [(numerals.approximatePairs, false), (numerals.approximatePairsNextToUnit, true)] {
            for w in list {
                let u = w.unicodeScalars.map(\.value)
                if u.count == 2 { pairs[UInt64(u[0]) << 32 | UInt64(u[1])] = nextToUnit }
            }
        }
        approximatePairs = pairs
        // Currency words written after a figure, in Han (美元, 港币): a lone numeral before one is a sum.
        numberClasses = NumberScanner.Classes(numerals, currencyWords: currencies.currencies.flatMap(\.suffixes)
            .map(Self.norm).filter { $0.unicodeScalars.first.map { CharClass.isHan($0.value) } ?? false })
        var pre: [(String, String)] = [], suf: [(String, String)] = []
        for c in currencies.currencies {
            pre += c.prefixes.map { (Self.norm($0), c.code) }
            suf += c.suffixes.map { (Self.norm($0), c.code) }
            // The ISO code after a figure (500 USD), and any Latin prefix (RMB) likewise.
            suf += ([c.code] + c.prefixes.filter { $0.allSatisfy { $0.isASCII && $0.isLetter } }).map { ($0, c.code) }
        }
        currencyPrefix = WordTable(pre)
        currencySuffix = WordTable(suf)
        subunits = WordTable(currencies.subunits.map { ($0.key, $0.value) })
        closers = WordTable(currencies.closers.map { ($0, true) })
        bounds = WordTable(currencies.maxBefore.map { ($0, "max") } + currencies.minBefore.map { ($0, "min") })
        boundsAfter = WordTable(currencies.maxAfter.map { ($0, "max") } + currencies.minAfter.map { ($0, "min") })
        rangeSeparators = WordTable(currencies.rangeSeparators.map { (Self.norm($0), true) })
        notMoneyAfter = WordTable(currencies.notMoneyAfter.map { ($0, true) })
        let dayKinds = time.dayKinds
        func durationUnit(_ word: String, _ spec: String) -> DurationUnit {
            let parts = spec.split(separator: "*")
            var w = Substring(word)
            if w.hasPrefix("个") && w.count > 1 { w = w.dropFirst() }
            return DurationUnit(unit: String(parts[0]), factor: parts.count > 1 ? Double(parts[1]) ?? 1 : 1, dayKind: dayKinds[String(w)])
        }
        durationUnits = WordTable(time.durationUnits.map { ($0.key, durationUnit($0.key, $0.value)) })
        compoundUnits = WordTable(time.compoundUnits.map { ($0.key, durationUnit($0.key, $0.value)) })
        notDurationAfter = WordTable(time.notDurationAfter.map { ($0, true) })
        compoundJoiners = WordTable(time.compoundJoiners.map { (Self.norm($0), true) })
        durationLimitBefore = WordTable(time.durationMaxBefore.map { ($0, "max") } + time.durationMinBefore.map { ($0, "min") })
        durationLimitAfter = WordTable(time.durationMaxAfter.map { (Self.norm($0), "max") } + time.durationMinAfter.map { (Self.norm($0), "min") })
        durationBounds = WordTable(time.durationBounds.map { ($0.key, $0.value) })
        eras = WordTable(time.eras.map { ($0.key, $0.value) })
        dayPeriods = WordTable(time.dayPeriods.map { ($0.key, $0.value) })
        hourWords = WordTable(time.hourWords.map { ($0, true) })
        minuteWords = WordTable(time.minuteWords.map { ($0, true) })
        notHourAfter = WordTable(time.notHourAfter.map { ($0, true) })
        dateRangeSeparators = WordTable(time.dateRangeSeparators.map { (Self.norm($0), true) })
        var followers = Array("年月日号-./ :").compactMap { $0.unicodeScalars.first?.value } + Array(0x30...0x39)
        followers += (time.hourWords + time.minuteWords + time.dateRangeSeparators + Array(time.monthWords.keys)).compactMap { Self.norm($0).unicodeScalars.first?.value }
        dateFollowers = ScalarSet(values: followers)
        dateBounds = WordTable(time.dateBounds.map { ($0.key, $0.value) })
        monthlyPrefixes = WordTable(time.monthlyPrefixes.map { ($0, true) })
        monthlyLinks = WordTable((time.monthlyLinks ?? []).map { ($0, true) })
        durationCues = WordTable(time.durationCues.map { ($0, true) })
        halfWords = WordTable(time.halfWords.map { ($0, true) })
        annotations = WordTable(currencies.annotations.map { (Self.norm($0), true) })
        tableMoneyHeaders = WordTable((currencies.tableMoneyHeaders ?? []).map { (Self.norm($0), true) })
        standaloneSubunits = WordTable(currencies.standaloneSubunits.map { ($0, true) })
        inclusiveMarks = WordTable(currencies.inclusiveMarks.map { (Self.norm($0), true) })
        spokenMajor = WordTable(currencies.spokenMajor.map { ($0, true) })
        monthWords = WordTable(time.monthWords.map { ($0.key, $0.value) })
    }

    /// The normalized form of a data word (full-width → half-width, as the text is normalized).
    static func norm(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.replacingOccurrences(of: "￥", with: "¥")
    }

    /// A data file that an older Rules directory may lack: `fallback` when it is missing.
    static func load<T: Decodable>(_ dir: String, _ rel: String, ifMissing fallback: T) throws(QiyueError) -> T {
        FileManager.default.fileExists(atPath: dir + "/" + rel) ? try load(dir, rel) : fallback
    }

    static func load<T: Decodable>(_ dir: String, _ rel: String) throws(QiyueError) -> T {
        try loadWithNode(dir, rel).value
    }

    /// A data file's value and its YAML tree (for checks the types cannot express, such as
    /// misspelled keys), parsed once.
    static func loadWithNode<T: Decodable>(_ dir: String, _ rel: String) throws(QiyueError) -> (value: T, node: Node) {
        let path = dir + "/" + rel
        let text = try RulesDirectory.readFile(path)
        do {
            guard let node = try BoundedYAML.compose(text) else { throw QiyueError(.badRuleData, path: path, "empty data file") }
            return (try NodeDecoder().decode(T.self, from: node), node)
        } catch let p as BoundedYAML.Problem {
            throw QiyueError(.badRuleData, path: path, p.description)
        } catch let e as QiyueError {
            throw e
        } catch {
            throw QiyueError(.badRuleData, path: path, "\(error)")
        }
    }
}
