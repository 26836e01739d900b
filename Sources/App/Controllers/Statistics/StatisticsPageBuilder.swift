import Foundation
import HavenDomain
import Vapor

/// Names the values of a counted table in the reader's language and lays it out as a page, a CSV file or JSON.
struct StatisticsPageBuilder {
    let req: Request
    /// The language of labels: the staff member's, or the public site's.
    let language: Language

    init(req: Request, language: Language? = nil) {
        self.req = req
        self.language = language ?? req.language
    }

    func t(_ key: String) -> String { req.haven.localization.string(key, language) }

    func label(_ dimension: StatisticsDimension, _ code: String) -> String {
        let terms = req.haven.vocabularies.terms
        if code == StatisticsDimension.none { return t("statistics_none") }
        switch dimension {
        case .year: return code
        case .month: return code.hasSuffix("-00") ? String(code.prefix(4)) + " " + t("statistics_month_unknown") : code
        case .country: return Country(code: code)?.name(language) ?? code
        case .heading: return AnnualReviewHeading(rawValue: code)?.label(language) ?? code
        case .family, .type: return terms.incidentTypes.term(code)?.label(language) ?? code
        case .perpetrator: return req.haven.vocabularies.list(named: "perpetrator-types")?.term(code)?.label(language) ?? code
        case .violation: return req.haven.vocabularies.list(named: "violation-statuses")?.term(code)?.label(language) ?? code
        case .verification: return VerificationStatus(rawValue: code).map { t($0.labelKey) } ?? code
        case .confidentiality: return t("confidentiality_\(code)")
        case .need: return Need(rawValue: code).map { t($0.labelKey) } ?? code
        case .caseStatus: return CaseStatus(rawValue: code).map { t($0.labelKey) } ?? code
        case .closingReason: return ClosingReason(rawValue: code).map { t($0.labelKey) } ?? code
        case .risk: return RiskLevel(rawValue: code).map { t($0.labelKey) } ?? code
        }
    }

    /// A count as text: the number, `<5` below the threshold, `x` for a cell hidden to protect another.
    func text(_ cell: StatisticsTable.Cell, threshold: Int?) -> String {
        switch cell.status {
        case .published: return String(cell.count ?? 0)
        case .primary: return "<\(threshold ?? 0)"
        case .secondary: return "x"
        }
    }

    /// What the page, the public page and the report show of one table: labels, rows, totals, the chart and its words.
    func shown(_ table: StatisticsTable, anchor: String = "t1") -> StatisticsTableView {
        let rowLabels = table.rows.map { label(table.rowsBy, $0) }
        let columnLabels = table.columnsBy.map { dimension in table.columns.map { label(dimension, $0) } } ?? []
        func shown(_ cell: StatisticsTable.Cell) -> StatisticsTableView.Shown {
            .init(text: text(cell, threshold: table.threshold), isHidden: cell.status.isHidden)
        }
        let rows = table.rows.indices.map { row in
            StatisticsTableView.Row(
                label: rowLabels[row], cells: table.columnsBy == nil ? [] : table.cells[row].map(shown), total: shown(table.rowTotals[row]))
        }
        let rowName = t(table.rowsBy.labelKey)
        let title = (table.columnsBy == nil ? t("statistics_chart_by") : t("statistics_chart_by_two"))
            .replacingOccurrences(of: "{rows}", with: rowName)
            .replacingOccurrences(of: "{columns}", with: table.columnsBy.map { t($0.labelKey) } ?? "")
        return StatisticsTableView(
            anchor: anchor, title: title, rowHeading: rowName, columnLabels: columnLabels, rows: rows,
            columnTotals: table.columnTotals.map(shown),
            total: shown(table.total),
            chart: StatisticsChart(table, rowLabels: rowLabels, columnLabels: columnLabels, hiddenText: t("statistics_hidden")),
            chartDescription: t("statistics_chart_description").replacingOccurrences(
                of: "{total}", with: text(table.total, threshold: table.threshold)),
            protectionNote: table.threshold.map {
                t("statistics_protection_note").replacingOccurrences(of: "{threshold}", with: String($0))
            } ?? "")
    }

    func page(_ table: StatisticsTable, query: StatisticsQuery, queryString: String) async -> StatisticsPage {
        let dimensions = StatisticsDimension.incidentDimensions.map { ($0.rawValue, t($0.labelKey)) }
        return StatisticsPage(
            chrome: await .make(for: req, titleKey: "statistics_title"),
            rowsField: .select(
                "rows", label: t("statistics_rows"),
                options: dimensions.map { Choice(code: $0.0, name: $0.1, isChosen: $0.0 == query.rows.rawValue) }),
            columnsField: .select(
                "columns", label: t("statistics_columns"),
                options: [Choice(code: "", name: t("statistics_columns_none"), isChosen: query.columns == nil)]
                    + dimensions.map { Choice(code: $0.0, name: $0.1, isChosen: $0.0 == query.columns?.rawValue) }),
            countryField: .select(
                "country", label: t("incident_field_country"),
                options: IncidentFormBuilder(req).countries(chosen: query.filter.country, only: req.haven.recordedCountries.all)),
            headingField: .select(
                "heading", label: t("incidents_heading"),
                options: [Choice(code: "", name: "—", isChosen: query.filter.heading.isEmpty)]
                    + AnnualReviewHeading.allCases.map {
                        Choice(code: $0.rawValue, name: $0.label(language), isChosen: $0.rawValue == query.filter.heading)
                    }),
            fromField: .text("from", label: t("incidents_from"), state: FieldState(value: query.filter.from), maxLength: 10),
            toField: .text("to", label: t("incidents_to"), state: FieldState(value: query.filter.to), maxLength: 10),
            isProtected: query.isProtected, table: shown(table),
            queryString: queryString)
    }
}

extension StatisticsPageBuilder {
    /// One change between releases in words: "Country × heading — Moldova, Bias-motivated violence: 4 → 6".
    func describe(_ change: StatisticsReleases.Change, in tables: [StatisticsTable]) -> String {
        let table = tables[change.table]
        let place =
            [label(table.rowsBy, change.row)]
            + (zip([table.columnsBy].compactMap { $0 }, [change.column].compactMap { $0 }).map { label($0, $1) })
        let title = shown(table).title
        func value(_ cell: StatisticsTable.Cell?) -> String { cell.map { text($0, threshold: table.threshold) } ?? "—" }
        return "\(title) — \(place.joined(separator: ", ")): \(value(change.before)) → \(value(change.after))"
    }
}
