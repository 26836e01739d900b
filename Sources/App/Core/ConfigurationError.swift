import Foundation
import HavenVault
import Logging

/// A configuration value Haven cannot start with; its description is the one line the operator sees.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let variable: String
    public let problem: String

    public var description: String { "\(variable): \(problem)" }
}
