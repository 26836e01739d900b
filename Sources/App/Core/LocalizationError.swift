import Foundation
import HavenDomain

/// A localisation table that could not be read.
enum LocalizationError: Error, CustomStringConvertible {
    case missingTable(String)

    var description: String {
        switch self {
        case .missingTable(let language): return "localisation table \(language).json is missing from the bundle"
        }
    }
}
