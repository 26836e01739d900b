/// `/app/incidents/import`: the CSV to import, and after a preview its rows and every problem by row and column.
struct IncidentImportPage: Page {
    static let template = "incidents/import"

    /// A row as it would be stored.
    struct Row: Encodable {
        let number: Int
        let title: String
        let country: String
        let startDate: String
        let confidentiality: String
    }

    /// A problem with one cell.
    struct Problem: Encodable {
        let row: Int
        let column: String
        let message: String
    }

    let chrome: PageChrome
    var csv: FormField
    var rows: [Row] = []
    var problems: [Problem] = []
    /// The preview is clean: the same text can now be imported.
    var canImport = false
    var isPreview = false
}
