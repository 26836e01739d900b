import Fluent
import Foundation

/// What is known about an evidence file, sealed.
struct EvidenceAbout: Codable, Sendable, Equatable {
    var fileName: String
    var contentType: String
    var sha256: String
}
