import HavenDomain

/// One statistics table asked for: what to count by (one dimension, or two for a cross-tabulation), the incident
/// list's filters, and whether to protect it for sharing (disclosure control with the organisation's threshold).
struct StatisticsQuery: Sendable, Equatable {
    var rows: StatisticsDimension = .year
    var columns: StatisticsDimension?
    var filter = IncidentFilter()
    var isProtected = false
}
