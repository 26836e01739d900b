/// Incidents from CSV in the columns an export writes (`incidents.csv`): a preview with every problem by row and
/// column, and drafts only when there is none.
public enum IncidentCSV {
    /// The columns read; `title`, `country`, `start_date` and `types` are required, the others may be left out.
    public static let columns = [
        "code", "confidentiality", "title", "description", "country", "region", "city", "place_detail", "start_date", "end_date", "types",
        "type_labels", "violation_status", "reliability", "verification", "victims", "participants", "detainees", "created_at",
        "updated_at",
    ]
    static let required = ["title", "country", "start_date", "types"]
    /// The most rows one import may carry.
    public static let maximumRows = 5_000

    /// A problem with one cell (`row` counts the header as row 1, as a spreadsheet does).
    public struct Problem: Sendable, Equatable {
        public let row: Int
        public let column: String
        /// A localisation key.
        public let messageKey: String
    }

    /// What a file comes to.
    public struct Preview: Sendable {
        public var drafts: [IncidentDraft] = []
        public var problems: [Problem] = []
    }

    public static func preview(_ text: String, terms: IncidentDraft.Terms) -> Preview {
        var preview = Preview()
        let rows: [[String]]
        do {
            rows = try CSVReader.rows(text)
        } catch CSVReader.Failure.unclosedQuote(let line) {
            preview.problems.append(Problem(row: line, column: "", messageKey: "import_problem_unclosed_quote"))
            return preview
        } catch {
            return preview
        }
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            preview.problems.append(Problem(row: 1, column: "", messageKey: "import_problem_empty"))
            return preview
        }
        for name in header where !columns.contains(name) {
            preview.problems.append(Problem(row: 1, column: name, messageKey: "import_problem_unknown_column"))
        }
        for name in required where !header.contains(name) {
            preview.problems.append(Problem(row: 1, column: name, messageKey: "import_problem_missing_column"))
        }
        if rows.count - 1 > maximumRows {
            preview.problems.append(Problem(row: maximumRows + 2, column: "", messageKey: "import_problem_too_many_rows"))
        }
        guard preview.problems.isEmpty else { return preview }
        for (index, cells) in rows.dropFirst().enumerated() {
            let number = index + 2
            guard cells.count == header.count else {
                preview.problems.append(Problem(row: number, column: "", messageKey: "import_problem_cell_count"))
                continue
            }
            let values = Dictionary(zip(header, cells.map(CSVReader.unneutralised)), uniquingKeysWith: { first, _ in first })
            let (draft, problems) = self.draft(values, terms: terms)
            preview.problems += problems.map { Problem(row: number, column: $0.column, messageKey: $0.key) }
            preview.drafts.append(draft)
        }
        if preview.drafts.isEmpty, preview.problems.isEmpty {
            preview.problems.append(Problem(row: 2, column: "", messageKey: "import_problem_empty"))
        }
        return preview
    }

    /// The fields' names in a draft's problems, as the CSV names the columns.
    private static let columnOfField = [
        "title": "title", "description": "description", "region": "region", "city": "city", "placeDetail": "place_detail",
        "startDate": "start_date", "endDate": "end_date", "country": "country", "types": "types", "victims": "victims",
        "participants": "participants", "detainees": "detainees", "violationStatus": "violation_status", "reliability": "reliability",
    ]

    private static func draft(_ values: [String: String], terms: IncidentDraft.Terms) -> (IncidentDraft, [(column: String, key: String)]) {
        func value(_ name: String) -> String { (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var draft = IncidentDraft()
        var problems: [(String, String)] = []
        draft.title = value("title")
        draft.description = values["description"] ?? ""
        draft.country = value("country").uppercased()
        draft.region = value("region")
        draft.city = value("city")
        draft.placeDetail = value("place_detail")
        draft.startDate = value("start_date")
        draft.endDate = value("end_date")
        draft.types = value("types").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        draft.victims = value("victims")
        draft.participants = value("participants")
        draft.detainees = value("detainees")
        if !value("violation_status").isEmpty { draft.violationStatus = value("violation_status") }
        if !value("reliability").isEmpty { draft.reliability = value("reliability") }
        if !value("confidentiality").isEmpty {
            if let confidentiality = Confidentiality(rawValue: value("confidentiality")) {
                draft.confidentiality = confidentiality
            } else {
                problems.append(("confidentiality", IncidentDraft.Problem.unknownTerm.messageKey))
            }
        }
        if !value("verification").isEmpty {
            if let verification = VerificationStatus(rawValue: value("verification")) {
                draft.verification = verification
            } else {
                problems.append(("verification", IncidentDraft.Problem.unknownTerm.messageKey))
            }
        }
        for (field, problem) in draft.problems(terms: terms).sorted(by: { $0.key < $1.key }) {
            problems.append((columnOfField[field] ?? field, problem.messageKey))
        }
        return (draft, problems)
    }
}
