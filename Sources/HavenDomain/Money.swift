import Foundation

/// An amount of money in minor units of an ISO 4217 currency: `Money(parsing: "1500.50", currency: "mdl")` is 150050 MDL.
public struct Money: Sendable, Equatable, Codable, CustomStringConvertible {
    public let minorUnits: Int
    public let currency: String

    public init(minorUnits: Int, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Reads an amount with up to two decimals (a comma is read as the decimal point) and a three-letter currency;
    /// nil for anything else, for negative amounts and for more than a billion.
    public init?(parsing amount: String, currency: String) {
        let code = currency.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let text = amount.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            .replacingOccurrences(of: " ", with: "")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 9, parts[0].allSatisfy(\.isASCII),
            let whole = Int(parts[0]), whole >= 0
        else { return nil }
        var cents = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let fraction = Int(parts[1]) else {
                return nil
            }
            cents = parts[1].count == 1 ? fraction * 10 : fraction
        }
        self.init(minorUnits: whole * 100 + cents, currency: code)
    }

    /// `1500.50 MDL`.
    public var description: String {
        let cents = minorUnits % 100
        return "\(minorUnits / 100).\(cents < 10 ? "0" : "")\(cents) \(currency)"
    }
}
