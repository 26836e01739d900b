import HavenDomain
import Testing

@Suite("Disclosure control")
struct DisclosureTests {
    /// A deterministic generator, so a failing case can be run again.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func records(_ counts: [[Int]]) -> [StatisticsRecord] {
        counts.enumerated().flatMap { row, line in
            line.enumerated().flatMap { column, count in
                Array(repeating: StatisticsRecord(["r": ["r\(row)"], "c": ["c\(column)"]]), count: count)
            }
        }
    }

    static func table(_ counts: [[Int]]) -> CrossTable {
        CrossTable(
            records(counts), rows: ("r", counts.indices.map { "r\($0)" }), columns: ("c", counts[0].indices.map { "c\($0)" }))
    }

    @Test("a small cell is hidden with enough others that neither it nor they follow from the totals")
    func smallCell() {
        let table = Self.table([[20, 3, 12], [15, 9, 11], [30, 25, 18]])
        let statuses = GaussSuppression.suppress(table.model, threshold: 5)
        #expect(statuses[table.cellIndex(row: 0, column: 1)] == .primary)
        #expect(statuses.filter { $0 == .secondary }.count == 3, "the classic four-cell pattern")
        #expect(statuses[table.totalIndex] == .published && statuses[table.rowTotalIndex(0)] == .published)
        #expect(DisclosureVerifier.recoverable(table.model, statuses).isEmpty)
        var primaryOnly = statuses.map { $0 == .secondary ? CellStatus.published : $0 }
        #expect(DisclosureVerifier.recoverable(table.model, primaryOnly) == [table.cellIndex(row: 0, column: 1)])
        primaryOnly[table.cellIndex(row: 0, column: 0)] = .secondary
        #expect(!DisclosureVerifier.recoverable(table.model, primaryOnly).isEmpty, "one more hidden cell in the row is not enough")
    }

    @Test("single contributors and small totals are primary; zeros only when protected; a table with nothing small hides nothing")
    func zerosAndSingles() {
        let table = Self.table([[1, 0, 12], [15, 9, 11], [30, 25, 18]])
        let plain = GaussSuppression.suppress(table.model, threshold: 5)
        #expect(plain[table.cellIndex(row: 0, column: 0)] == .primary && plain[table.cellIndex(row: 0, column: 1)] != .primary)
        let protected = GaussSuppression.suppress(table.model, threshold: 5, protectZeros: true)
        #expect(protected[table.cellIndex(row: 0, column: 1)] == .primary)
        #expect(
            DisclosureVerifier.recoverable(table.model, plain).isEmpty && DisclosureVerifier.recoverable(table.model, protected).isEmpty)
        let small = Self.table([[1, 2], [1, 0]])
        let hidden = GaussSuppression.suppress(small.model, threshold: 5)
        #expect(hidden[small.totalIndex] == .primary, "a total of 4 is below the threshold too")
        #expect(DisclosureVerifier.recoverable(small.model, hidden).isEmpty)
        let large = Self.table([[10, 20], [30, 40]])
        #expect(GaussSuppression.suppress(large.model, threshold: 5).allSatisfy { $0 == .published })
        #expect(GaussSuppression.suppress(large.model, threshold: 11)[large.cellIndex(row: 0, column: 0)] == .primary)
    }

    @Test("a record with two values counts under each; the totals count records, and the model keeps that exact")
    func multipleValues() {
        let records = [
            StatisticsRecord(["country": ["MD"], "type": ["assault", "speech"]]),
            StatisticsRecord(["country": ["MD"], "type": ["speech"]]),
            StatisticsRecord(["country": ["RU"], "type": ["assault"]]),
        ]
        let table = CrossTable(records, rows: ("country", ["MD", "RU"]), columns: ("type", ["assault", "speech"]))
        #expect(table.count(row: 0, column: 0) == 1 && table.count(row: 0, column: 1) == 2 && table.rowTotal(0) == 2)
        #expect(table.columnTotal(0) == 2 && table.columnTotal(1) == 2 && table.total == 3)
        let oneWay = CrossTable(records, rows: ("type", ["assault", "speech", "threat"]))
        #expect(oneWay.rowTotal(0) == 2 && oneWay.rowTotal(1) == 2 && oneWay.rowTotal(2) == 0 && oneWay.total == 3)
    }

    /// A random release: one or two tables over the same records, with some records of two values.
    static func randomRelease(_ random: inout SplitMix) -> DisclosureModel {
        let rows = Int.random(in: 2...6, using: &random)
        let columns = Int.random(in: 2...5, using: &random)
        let yearCount = Int.random(in: 2...3, using: &random)
        let records = (0..<Int.random(in: 1...80, using: &random)).map { _ in
            var types: Set<String> = ["c\(Int.random(in: 0..<columns, using: &random) * Int.random(in: 0...1, using: &random))"]
            if Int.random(in: 0..<7, using: &random) == 0 { types.insert("c\(Int.random(in: 0..<columns, using: &random))") }
            return StatisticsRecord([
                "r": ["r\(min(Int.random(in: 0..<rows, using: &random), Int.random(in: 0..<rows, using: &random)))"], "c": types,
                "y": ["y\(Int.random(in: 0..<yearCount, using: &random))"],
            ])
        }
        let rowValues = (0..<rows).map { "r\($0)" }
        let types = CrossTable.Layout(rows: ("r", rowValues), columns: ("c", (0..<columns).map { "c\($0)" }))
        guard Bool.random(using: &random) else { return CrossTable.release(records, [types])[0].model }
        let years = CrossTable.Layout(rows: ("r", rowValues), columns: ("y", (0..<yearCount).map { "y\($0)" }))
        return DisclosureModel.combining(CrossTable.release(records, [types, years]).map(\.model))
    }

    @Test("property: in thousands of random releases nothing hidden can be recomputed, though primary suppression alone often can be")
    func randomReleases() {
        var random = SplitMix(state: 20_261_202)
        var recoverableWithPrimaryOnly = 0
        var withSecondaries = 0
        for _ in 0..<3_000 {
            let model = Self.randomRelease(&random)
            let threshold = Int.random(in: 2...6, using: &random)
            let statuses = GaussSuppression.suppress(model, threshold: threshold, protectZeros: Bool.random(using: &random))
            #expect(DisclosureVerifier.recoverable(model, statuses).isEmpty)
            for (cell, status) in zip(model.cells, statuses) where cell.value > 0 && cell.value < threshold {
                #expect(status == .primary)
            }
            let primaryOnly = statuses.map { $0 == .secondary ? CellStatus.published : $0 }
            if !DisclosureVerifier.recoverable(model, primaryOnly).isEmpty { recoverableWithPrimaryOnly += 1 }
            if statuses.contains(.secondary) { withSecondaries += 1 }
        }
        #expect(recoverableWithPrimaryOnly > 300, "primary suppression alone gives cells away (\(recoverableWithPrimaryOnly) of 3000)")
        #expect(withSecondaries >= recoverableWithPrimaryOnly)
    }

    @Test("two tables of one release protected apart can be differenced against each other; protected together they cannot")
    func tablesTogether() {
        var random = SplitMix(state: 7)
        var differenced = 0
        for _ in 0..<1_000 {
            let records = (0..<Int.random(in: 5...40, using: &random)).map { _ in
                StatisticsRecord([
                    "r": ["r\(Int.random(in: 0..<3, using: &random))"], "c": ["c\(Int.random(in: 0..<3, using: &random))"],
                    "y": ["y\(Int.random(in: 0..<2, using: &random))"],
                ])
            }
            let rows = ("r", ["r0", "r1", "r2"])
            let tables = CrossTable.release(
                records, [.init(rows: rows, columns: ("c", ["c0", "c1", "c2"])), .init(rows: rows, columns: ("y", ["y0", "y1"]))])
            let (types, years) = (tables[0].model, tables[1].model)
            let release = DisclosureModel.combining([types, years])
            #expect(DisclosureVerifier.recoverable(release, GaussSuppression.suppress(release, threshold: 4)).isEmpty)
            let apart = GaussSuppression.suppress(types, threshold: 4) + GaussSuppression.suppress(years, threshold: 4)
            if !DisclosureVerifier.recoverable(release, apart).isEmpty { differenced += 1 }
        }
        #expect(differenced > 0, "protecting each table alone leaves cells that the other table gives away")
    }
}
