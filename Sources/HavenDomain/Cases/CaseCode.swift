import Foundation

/// A case's pseudonymous code, shown everywhere instead of a name: `C-` and six Crockford base32 characters.
public enum CaseCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A fresh random code (30 bits; the database keeps it unique).
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return "C-" + String((0..<6).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// A typed code in its stored form (upper case, look-alike letters read as digits), or nil if it cannot be one.
    public static func normalized(_ typed: String) -> String? {
        var body = typed.trimmingCharacters(in: .whitespaces).uppercased()
        if body.hasPrefix("C-") { body.removeFirst(2) } else if body.hasPrefix("C") { body.removeFirst() }
        let mapped = String(body.map { $0 == "O" ? "0" : ($0 == "I" || $0 == "L") ? "1" : $0 })
        guard mapped.count == 6, mapped.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return "C-" + mapped
    }
}
