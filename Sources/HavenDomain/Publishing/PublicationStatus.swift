import Foundation

/// Where a publication stands: draft → in review → published (from a day and time, maybe future) → unpublished.
public enum PublicationStatus: String, CaseIterable, Sendable, Codable {
    case draft
    case inReview = "in_review"
    case published, unpublished

    public var labelKey: String { "publication_status_\(rawValue)" }
}
