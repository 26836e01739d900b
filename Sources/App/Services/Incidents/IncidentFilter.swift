import Fluent
import Foundation
import HavenDomain
import SQLKit

/// The filters of the incident list; every field optional.
struct IncidentFilter: Sendable, Equatable {
    var text = ""
    var country = ""
    /// A family (`V4`) or a type (`V4.1`).
    var type = ""
    var heading = ""
    /// Typed dates (`2020`, `2020-02`, `2020-06-08`): incidents overlapping the range.
    var from = ""
    var to = ""
    var confidentiality: Confidentiality?
    var verification: VerificationStatus?
    var perpetratorType = ""
    var page = 1
    /// Only public incidents (the public site).
    var onlyPublic = false

    static let pageSize = 20
    /// The last page a list reaches; a later page number is read as this one.
    static let lastPage = PageBounds.range.upperBound

    /// The page, within 1...`lastPage` whatever was set.
    var boundedPage: Int { min(max(page, 1), Self.lastPage) }

    /// Whether a page follows this one when `total` incidents match.
    func hasPage(after total: Int) -> Bool { boundedPage * Self.pageSize < total }
}

extension IncidentFilter {
    /// The country's code when it is a real one.
    var countryCode: String? { Country(code: country)?.code }
    var fromDate: PartialDate? { PartialDate(parsing: from) }
    var toDate: PartialDate? { PartialDate(parsing: to) }

    /// The facet filters: a type or family, a heading, a perpetrator type.
    var facets: [String] {
        var facets: [String] = []
        if !type.isEmpty { facets.append(type.contains(".") ? "type:\(type)" : "family:\(type)") }
        if !heading.isEmpty { facets.append("heading:\(heading)") }
        if !perpetratorType.isEmpty { facets.append("perpetrator:\(perpetratorType)") }
        return facets
    }
}
