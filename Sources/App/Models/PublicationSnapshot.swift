import Fluent
import Foundation
import HavenDomain

/// What a revision keeps: the draft and the status.
struct PublicationSnapshot: Codable, Sendable, Equatable {
    var draft: PublicationDraft
    var status: PublicationStatus
    var publishedAt: Date?
}
