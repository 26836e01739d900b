import Foundation
import HavenVault
import NIOConcurrencyHelpers

/// What the running instance keeps in memory about itself: the one-time setup code until setup is done, and whether
/// second factors are required (cached from the organisation's row so no request reads it).
final class InstanceState: Sendable {
    private struct State {
        var setupCode: HumanCode?
        var requiresSecondFactor = false
    }

    private let state = NIOLockedValueBox(State())

    /// The code `/setup` asks for; exists only in memory, only until setup is done.
    var setupCode: HumanCode? {
        get { state.withLockedValue { $0.setupCode } }
        set { state.withLockedValue { $0.setupCode = newValue } }
    }

    var requiresSecondFactor: Bool {
        get { state.withLockedValue { $0.requiresSecondFactor } }
        set { state.withLockedValue { $0.requiresSecondFactor = newValue } }
    }
}
