import Crypto
import Foundation
import HavenVault

/// A record part stored as JSON: in clear (first byte 1) or sealed under a record key (first byte 2), so one column
/// holds either and the reader knows which it has.
enum StoredJSON {
    private static let clearMarker: UInt8 = 1
    private static let sealedMarker: UInt8 = 2

    /// Encodes a value, sealed when a key is given.
    static func encode<T: Encodable>(_ value: T, sealedWith key: SymmetricKey?, binding: FieldBinding) throws -> Data {
        let json = try JSONEncoder().encode(value)
        guard let key else { return Data([clearMarker]) + json }
        return Data([sealedMarker]) + (try FieldCipher.seal(String(decoding: json, as: UTF8.self), with: key, binding: binding))
    }

    /// Decodes a value; throws `VaultError.wrongKey` when it is sealed and no (or the wrong) key is given.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, key: SymmetricKey?, binding: FieldBinding) throws -> T {
        guard let marker = data.first else { throw VaultError.malformed("stored JSON") }
        let body = data.dropFirst()
        switch marker {
        case clearMarker:
            return try JSONDecoder().decode(type, from: body)
        case sealedMarker:
            guard let key else { throw VaultError.wrongKey }
            return try JSONDecoder().decode(type, from: Data(try FieldCipher.open(Data(body), with: key, binding: binding).utf8))
        default:
            throw VaultError.malformed("stored JSON")
        }
    }

    /// True when the value is sealed.
    static func isSealed(_ data: Data) -> Bool { data.first == sealedMarker }
}
