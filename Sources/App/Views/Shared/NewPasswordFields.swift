/// The two fields of a new password (with the policy as hint), rendered by `partials/new-password` on the welcome,
/// account and setup forms.
struct NewPasswordFields: Encodable {
    let password: FormField
    let confirmation: FormField

    init(t: (String) -> String, error: String?) {
        password = .password(
            "password", label: t("field_new_password"), error: error, hint: t("password_hint"), autocomplete: "new-password")
        confirmation = .password("passwordConfirmation", label: t("field_password_again"), autocomplete: "new-password")
    }
}
