/// One form control with its label, hint and problem, rendered by the `partials/field` template: every control marked
/// invalid points to its problem text, and a hint is read with it, the same way on every form.
///
///     FormField.text("email", label: t("field_email"), state: page.email, autocomplete: "email")
struct FormField: Encodable {
    /// The control: an input `type`, or `textarea`, `select`.
    let kind: String
    let id: String
    let name: String
    let label: String
    let value: String
    let hint: String?
    let error: String?
    /// The ids of the hint and the problem, for `aria-describedby`.
    let describedBy: String
    let isRequired: Bool
    let autocomplete: String
    let maxLength: Int
    let rows: Int
    let inputMode: String
    /// The options of a `select`.
    let options: [Choice]

    init(
        kind: String, name: String, id: String? = nil, label: String, state: FieldState = FieldState(), hint: String? = nil,
        isRequired: Bool = false, autocomplete: String = "", maxLength: Int = 0, rows: Int = 0, inputMode: String = "",
        options: [Choice] = []
    ) {
        let id = id ?? name
        self.kind = kind
        self.id = id
        self.name = name
        self.label = label
        value = state.value
        self.hint = hint
        error = state.error
        describedBy = [hint.map { _ in id + "-hint" }, state.error.map { _ in id + "-error" }].compactMap { $0 }.joined(separator: " ")
        self.isRequired = isRequired
        self.autocomplete = autocomplete
        self.maxLength = maxLength
        self.rows = rows
        self.inputMode = inputMode
        self.options = options
    }

    /// A one-line text input.
    static func text(
        _ name: String, label: String, state: FieldState = FieldState(), hint: String? = nil, isRequired: Bool = false,
        autocomplete: String = "", maxLength: Int = 0, inputMode: String = "", id: String? = nil
    ) -> FormField {
        FormField(
            kind: "text", name: name, id: id, label: label, state: state, hint: hint, isRequired: isRequired, autocomplete: autocomplete,
            maxLength: maxLength, inputMode: inputMode)
    }

    /// A text area.
    static func textarea(
        _ name: String, label: String, state: FieldState = FieldState(), hint: String? = nil, rows: Int = 5,
        isRequired: Bool = false, autocomplete: String = "", id: String? = nil
    ) -> FormField {
        FormField(
            kind: "textarea", name: name, id: id, label: label, state: state, hint: hint, isRequired: isRequired,
            autocomplete: autocomplete, rows: rows)
    }

    /// A password input (never filled in again).
    static func password(_ name: String, label: String, error: String? = nil, hint: String? = nil, autocomplete: String) -> FormField {
        FormField(
            kind: "password", name: name, label: label, state: FieldState(error: error), hint: hint, isRequired: true,
            autocomplete: autocomplete)
    }

    /// A menu.
    static func select(_ name: String, label: String, options: [Choice], error: String? = nil, hint: String? = nil, id: String? = nil)
        -> FormField
    {
        FormField(kind: "select", name: name, id: id, label: label, state: FieldState(error: error), hint: hint, options: options)
    }
}
