import Foundation
import HavenDomain

/// An organisation named in a text.
public struct FoundOrganisation: Sendable, Equatable, Codable {
    public let name: String
    public let span: Span
}
