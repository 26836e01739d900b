import CHavenSystem
import Foundation

/// What the process does to itself before anything else: a core file would hold every signed-in user's unlocked private
/// key, and files made with the default umask would be readable by other users of the machine.
public enum ProcessHardening {
    /// Forbids core dumps (`PR_SET_DUMPABLE` 0, `RLIMIT_CORE` 0) and sets the file-creation mask to 077, so the database,
    /// its write-ahead log, key files and sealed files are created readable by Haven's own user only.
    /// Throws when the kernel refuses, naming what failed.
    public static func apply() throws {
        umask(0o077)
        guard haven_forbid_core_dumps() == 0 else {
            throw ConfigurationError(variable: "(process)", problem: "cannot forbid core dumps: \(String(cString: strerror(errno)))")
        }
    }

    /// Whether a core dump is forbidden now (for tests and the start-up check).
    static var forbidsCoreDumps: Bool {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &limit) == 0 else { return false }
        return haven_is_dumpable() == 0 && limit.rlim_cur == 0 && limit.rlim_max == 0
    }
}
