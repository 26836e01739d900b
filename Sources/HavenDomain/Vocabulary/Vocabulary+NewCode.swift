extension Vocabulary {
    /// A code for an added term: the family's next number (`V1.9`), or `custom_N` in a flat list.
    public func newCode(parent: String?) -> String {
        if let parent {
            let numbers = children(of: parent).compactMap { Int($0.code.split(separator: ".").last ?? "") }
            return "\(parent).\((numbers.max() ?? 0) + 1)"
        }
        let numbers = terms.compactMap { $0.code.hasPrefix("custom_") ? Int($0.code.dropFirst(7)) : nil }
        return "custom_\((numbers.max() ?? 0) + 1)"
    }
}
