/// Short pseudonymous record codes: a letter, a dash and six Crockford base-32 characters (`P-7KQ2M9`, `I-3M8XQA`).
public enum RecordCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A fresh random code with a prefix letter (30 bits; the database keeps it unique).
    public static func random(prefix: Character) -> String {
        var generator = SystemRandomNumberGenerator()
        return "\(prefix)-" + String((0..<6).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// A typed code in its stored form (upper case, look-alike letters read as digits), or nil if it cannot be one.
    public static func normalized(_ typed: String, prefix: Character) -> String? {
        var body = Substring(typed.trimmingCharacters(in: .whitespaces).uppercased())
        if body.hasPrefix("\(prefix)-") { body = body.dropFirst(2) } else if body.hasPrefix(String(prefix)) { body = body.dropFirst() }
        let mapped = String(body.map { $0 == "O" ? "0" : ($0 == "I" || $0 == "L") ? "1" : $0 })
        guard mapped.count == 6, mapped.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return "\(prefix)-" + mapped
    }
}
