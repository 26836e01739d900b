import Foundation
import HavenDomain

/// A place found in a text and the country it is in.
public struct FoundPlace: Sendable, Equatable, Codable {
    public let name: String
    public let country: String
    public let span: Span
}
