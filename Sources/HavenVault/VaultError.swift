import Crypto
import Foundation
import _CryptoExtras

/// Errors from the vault; none of them carries secret material.
public enum VaultError: Error, Equatable, CustomStringConvertible {
    case passwordTooLong
    case wrongKey
    case malformed(String)

    public var description: String {
        switch self {
        case .passwordTooLong: return "password longer than \(PasswordKDF.maximumPasswordBytes) bytes"
        case .wrongKey: return "the key does not open this sealed value, or the value was altered"
        case .malformed(let what): return "malformed \(what)"
        }
    }
}
