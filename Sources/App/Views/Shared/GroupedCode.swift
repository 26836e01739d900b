/// A code shown for paper (receipt code, recovery key, one-time code) in its groups: a line may break between groups,
/// never inside one (the template puts `<wbr>` after each group and the style sheet allows no other break).
struct GroupedCode: Encodable {
    let text: String
    /// The groups with their separators (`"7KQ2-"`, `"M4XD-"`, `"9PTA"`), which joined give `text` back.
    let groups: [String]

    init(_ text: String) {
        self.text = text
        var groups: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "-" || character == " " {
                groups.append(current)
                current = ""
            }
        }
        if !current.isEmpty { groups.append(current) }
        self.groups = groups
    }
}
