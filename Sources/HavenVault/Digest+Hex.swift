import Crypto
import Foundation

extension Digest {
    /// Lower-case hexadecimal of the digest.
    public var hexString: String { Array(self).hexString }
}
