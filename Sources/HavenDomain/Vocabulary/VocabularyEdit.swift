/// An administrator's change to a list: a term relabelled, added or retired. Codes of shipped terms never change.
public struct VocabularyEdit: Sendable, Equatable, Codable {
    public let code: String
    /// The family of an added level-2 term.
    public let parent: String?
    /// Labels that replace the shipped ones; a missing language keeps its shipped label.
    public let labels: [Language: String]
    public let isRetired: Bool

    public init(code: String, parent: String? = nil, labels: [Language: String] = [:], isRetired: Bool = false) {
        self.code = code
        self.parent = parent
        self.labels = labels
        self.isRetired = isRetired
    }
}
