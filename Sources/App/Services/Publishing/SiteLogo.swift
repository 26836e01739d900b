import Foundation

/// The organisation's logo as the public site serves it: a PNG, JPEG or WebP image without metadata.
struct SiteLogo: Sendable, Codable, Equatable {
    let mediaType: String
    let bytes: Data

    /// The largest logo accepted.
    static let maximumBytes = 512 << 10
}
