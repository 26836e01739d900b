/// A backup, verification or restore that cannot go on, with the one line an operator reads.
struct BackupFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
