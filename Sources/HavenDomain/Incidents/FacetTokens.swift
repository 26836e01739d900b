/// An incident's filterable attributes as words of a full-text index, so that filters and their counts become index
/// intersections (`c_ru AND f_v4 AND y_2020`) instead of row-by-row checks.
///
///     FacetTokens.tokens(country: "RU", confidentiality: .public, verification: .verified,
///                        facets: ["type:V4.1"], from: "2020-06-01", to: "2020-06-30")
///     // ["c_ru", "k_public", "v_verified", "t_v4_1", "y_2020", "m_2020_06"]
///
/// Dates are indexed by month: a filter range covers whole months (years where it can), and an incident matches when
/// any month it may fall in is inside the range.
public enum FacetTokens {
    /// The tokens of one incident. `from` and `to` are its first and last possible days (`yyyy-MM-dd`).
    public static func tokens(
        country: String, confidentiality: Confidentiality, verification: VerificationStatus, facets: Set<String>,
        from: String, to: String
    ) -> [String] {
        var tokens = ["c_" + clean(country), "k_" + confidentiality.rawValue, "v_" + verification.rawValue]
        tokens += facets.sorted().compactMap(token(facet:))
        guard let first = Month(day: from), let last = Month(day: to), first <= last else { return tokens }
        tokens += (first.year...last.year).map { "y_\($0)" }
        var month = first
        while month <= last {
            tokens.append(month.token)
            month = month.next
        }
        return tokens
    }

    /// The token of a facet (`type:V4.1` → `t_v4_1`); nil for unknown kinds.
    public static func token(facet: String) -> String? {
        let parts = facet.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = ["type": "t", "family": "f", "heading": "h", "perpetrator": "p"][parts[0]] else { return nil }
        return kind + "_" + clean(parts[1])
    }

    /// The part of an FTS5 query for a filter, or nil when nothing is filtered: every condition must hold;
    /// a date range is a choice among the months and whole years it covers.
    public static func expression(
        country: String?, confidentiality: Confidentiality?, verification: VerificationStatus?, facets: [String],
        from: PartialDate?, to: PartialDate?
    ) -> String? {
        var terms: [String] = []
        if let country { terms.append(quoted("c_" + clean(country))) }
        if let confidentiality { terms.append(quoted("k_" + confidentiality.rawValue)) }
        if let verification { terms.append(quoted("v_" + verification.rawValue)) }
        terms += facets.compactMap(token(facet:)).map(quoted)
        if let range = dateRange(from: from, to: to) { terms.append(range) }
        return terms.isEmpty ? nil : terms.joined(separator: " AND ")
    }

    /// The months a filter covers as `(first, last)` days, widened to whole months; nil when neither end is given.
    public static func monthBounds(from: PartialDate?, to: PartialDate?) -> (from: String, to: String)? {
        guard from != nil || to != nil else { return nil }
        let first = from.flatMap { Month(day: $0.earliestDay) } ?? Month(year: earliestYear, month: 1)
        let last = to.flatMap { Month(day: $0.latestDay) } ?? Month(year: latestYear, month: 12)
        return (first.firstDay, last.lastDay)
    }

    /// The years date filters reach when one end is open.
    public static let earliestYear = 1900
    public static let latestYear = 2100

    private static func dateRange(from: PartialDate?, to: PartialDate?) -> String? {
        guard from != nil || to != nil else { return nil }
        var first = from.flatMap { Month(day: $0.earliestDay) } ?? Month(year: earliestYear, month: 1)
        let last = to.flatMap { Month(day: $0.latestDay) } ?? Month(year: latestYear, month: 12)
        guard first <= last else { return quoted("y_none") }
        var choices: [String] = []
        while first <= last {
            if first.month == 1, Month(year: first.year, month: 12) <= last {
                choices.append("y_\(first.year)")
                first = Month(year: first.year + 1, month: 1)
            } else {
                choices.append(first.token)
                first = first.next
            }
        }
        return "(" + choices.map(quoted).joined(separator: " OR ") + ")"
    }

    private static func quoted(_ token: String) -> String { "\"\(token)\"" }

    private static func clean(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    private struct Month: Comparable {
        let year: Int
        let month: Int

        init(year: Int, month: Int) {
            self.year = year
            self.month = month
        }

        init?(day: String) {
            let parts = day.split(separator: "-")
            guard parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
            self.init(year: min(max(year, FacetTokens.earliestYear), FacetTokens.latestYear), month: month)
        }

        var token: String { "m_\(year)_" + (month < 10 ? "0" : "") + "\(month)" }
        var next: Month { month == 12 ? Month(year: year + 1, month: 1) : Month(year: year, month: month + 1) }
        var firstDay: String { "\(year)-" + (month < 10 ? "0" : "") + "\(month)-01" }
        var lastDay: String { "\(year)-" + (month < 10 ? "0" : "") + "\(month)-\(PartialDate.daysIn(month: month, year: year))" }

        static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
    }
}
