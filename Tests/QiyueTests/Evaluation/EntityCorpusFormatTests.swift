import Foundation
import Testing
@testable import Qiyue

/// The example format (classes, every value key, YAML 1.1 scalars) and the lenient blind loader.
@Suite struct EntityCorpusFormatTests {
    @Test func readsClassesAndScalars() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        dimension: date
        positive:
          - class: date.time
            value: {date: 2024-06-30, time: 17:00}
            texts: [x]
          - value: {valid: false}
            texts: [y]
          - value: {date: 2024-06-30}
            texts: [2024-06-30]
        negative:
          - 十分满意
          - {class: date.not-dates, texts: [一些, 万一]}
        """.write(to: dir.appendingPathComponent("date.yaml"), atomically: true, encoding: .utf8)
        try "dimension: nothing\n".write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try EntityCorpus(directory: dir.path) }
        let corpus = try EntityCorpus(directory: dir.path, lenient: true)
        #expect(corpus.skipped.count == 1)
        #expect(corpus.cases.count == 6)
        #expect(corpus.cases[2].text == "2024-06-30" && corpus.cases[2].expected == ["date": "2024-06-30"])
        #expect(corpus.cases[0].className == "date.time" && corpus.cases[0].expected == ["date": "2024-06-30", "time": "17:00"])
        #expect(corpus.cases[1].className == "date")
        #expect(corpus.cases.filter { $0.className == "date.not-dates" }.count == 2)
        #expect(corpus.cases.filter { $0.className == "date.negative" }.count == 1)
        let scores = corpus.scores(failures: [])
        #expect(scores.map(\.className) == ["date", "date.negative", "date.not-dates", "date.time"])
    }

    @Test func matchesEveryKey() throws {
        let analyzer = try TestSupport.analyzer()
        let doc = analyzer.analyze(text: "三分之一")
        var v = EntityValue()
        v.value = 1.0 / 3
        var e = Entity(dim: .number, range: 0..<4, value: v, rule: "test", in: doc)
        #expect(EntityCorpus.matches(e, ["value": "1/3"]))
        #expect(!EntityCorpus.matches(e, ["value": "1/4"]))
        #expect(EntityCorpus.matches(e, ["overflow": "false", "valid": "true"]))
        #expect(!EntityCorpus.matches(e, ["overflow": "true"]))
        v = EntityValue()
        v.overflow = true
        e.value = v
        #expect(EntityCorpus.matches(e, ["overflow": "true"]))
        v = EntityValue()
        v.year = 2014
        e.value = v
        e.blank = true
        #expect(EntityCorpus.matches(e, ["blank": "true", "year": "2014"]))
        #expect(!EntityCorpus.matches(e, ["year": "2014"]))
        #expect(!EntityCorpus.matches(e, ["blank": "true", "month": "3"]))
        v = EntityValue()
        v.iso = "P3Y5M"; v.dayKind = "workday"; v.start = "2024-05-06"; v.end = "2024-06"; v.time = "15:00"
        v.kind = "discount"; v.unit = "point"; v.valid = false
        e.value = v
        e.blank = false
        #expect(EntityCorpus.matches(e, ["iso": "P3Y5M", "dayKind": "workday", "start": "2024-05-06", "end": "2024-06",
                                          "time": "15:00", "kind": "discount", "unit": "point", "valid": "false"]))
        #expect(!EntityCorpus.matches(e, ["unknownKey": "1"]))
    }
}
