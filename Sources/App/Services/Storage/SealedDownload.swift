import Crypto
import Foundation
import HavenVault

/// A sealed file ready to be streamed to a reader: where it is, its key and binding, and what the browser is told.
struct SealedDownload: Sendable {
    let location: URL
    let key: SymmetricKey
    let binding: FieldBinding
    let size: Int
    /// The name the browser saves it under (ASCII letters, digits, `.-_` only are kept).
    let fileName: String
    /// An image type shown inline; nil for a download.
    let contentType: String?

    /// Whether every chunk opens: an altered, reordered or cut file is refused before the first byte goes out.
    var isIntact: Bool {
        guard var reader = try? SealedFileReader(url: location, key: key, binding: binding) else { return false }
        do {
            while try reader.next() != nil {}
            return true
        } catch {
            return false
        }
    }
}
