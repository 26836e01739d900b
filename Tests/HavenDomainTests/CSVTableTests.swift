import HavenTestSupport
import Testing

@testable import HavenDomain

@Suite("CSV for spreadsheets")
struct CSVTableTests {
    @Test("formula starts are neutralised, separators and quotes are quoted, the file starts with a BOM and lines end with CRLF")
    func cells() {
        for formula in ["=1+2", "+7", "-3", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://evil\",\"x\")"] {
            let cell = CSVTable.cell(formula)
            #expect(cell.hasPrefix("'") || cell.hasPrefix("\"'"), "\(formula.debugDescription) → \(cell)")
        }
        #expect(CSVTable.cell("plain") == "plain")
        #expect(CSVTable.cell("a, b") == "\"a, b\"")
        #expect(CSVTable.cell("say \"no\"") == "\"say \"\"no\"\"\"")
        #expect(CSVTable.cell("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.cell("Кишинёв — Chișinău") == "Кишинёв — Chișinău")
        #expect(CSVTable.cell("1-2") == "1-2", "only the first character matters")
        var table = CSVTable(name: "t", columns: ["a", "b"])
        table.append(["=x", "y,z"])
        #expect(table.text == "\u{FEFF}a,b\r\n'=x,\"y,z\"\r\n")
    }
}

@Suite("CSV reading")
struct CSVReaderTests {
    @Test("quoted cells with commas, doubled quotes and line breaks, CRLF or LF, a BOM; an unclosed quote names its line")
    func rows() throws {
        let text = "\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"no\"\"\",\"two\nlines\"\n\n1,,3\r\n"
        #expect(try CSVReader.rows(text) == [["a", "b", "c"], ["x, y", "say \"no\"", "two\nlines"], ["1", "", "3"]])
        #expect(throws: CSVReader.Failure.unclosedQuote(line: 2)) { try CSVReader.rows("a\n\"open,b\nc\n") }
        #expect(CSVReader.unneutralised("'=1+2") == "=1+2" && CSVReader.unneutralised("'quoted") == "'quoted")
        var table = CSVTable(name: "t", columns: ["title", "note"])
        table.append(["=HYPERLINK(\"x\")", "a,\"b\"\nc"])
        let back = try CSVReader.rows(table.text).map { $0.map(CSVReader.unneutralised) }
        #expect(back == [["title", "note"], ["=HYPERLINK(\"x\")", "a,\"b\"\nc"]], "what an export writes reads back the same")
    }

    @Test("reading takes linear time on quotes, separators and long cells")
    func linear() {
        for (name, unit) in [("quotes", "\"\"\"\","), ("separators", ",,,,\n"), ("long cell", "ab"), ("Cyrillic", "Кишинёв,")] {
            let measured = Growth.measure(base: 20_000, make: { String(repeating: unit, count: $0) }, work: { _ = try? CSVReader.rows($0) })
            #expect(measured.ratio < Growth.linearLimit, "\(name): \(measured)")
        }
    }

    @Test("an import preview names every problem by row and column and gives drafts for the rest")
    func preview() {
        let text = """
            title,country,start_date,types,confidentiality,victims
            March banned,MD,2023-06,V4.1,public,
            ,XX,yesterday,NOPE,secret,many
            Беседа,RU,2020,V4,,2
            """
        let preview = IncidentCSV.preview(text, terms: .shipped)
        let found = Set(preview.problems.map { "\($0.row):\($0.column)" })
        #expect(found == ["3:title", "3:country", "3:start_date", "3:types", "3:confidentiality", "3:victims"])
        #expect(preview.drafts.count == 3 && preview.drafts[2].title == "Беседа" && preview.drafts[0].confidentiality == .public)
        #expect(
            IncidentCSV.preview("name,country\nx,MD", terms: .shipped).problems.map(\.column).sorted() == [
                "name", "start_date", "title", "types",
            ])
        #expect(
            IncidentCSV.preview("title,country,start_date,types\n", terms: .shipped).problems.map(\.messageKey) == ["import_problem_empty"])
        #expect(
            IncidentCSV.preview("title,country,start_date,types\na,MD\n", terms: .shipped).problems.map(\.messageKey) == [
                "import_problem_cell_count"
            ])
    }
}
