//! `/admin/sign-in`: how members sign in, as staff set it.

crate::messages! {
    pub enum SignInAdmin {
        Title => ("How members sign in", "Как участники входят"),
        Intro => ("Members can sign in with a password, with your organisation's account through an OpenID Connect provider (Keycloak, Okta, Azure AD, Google Workspace…), or both.", "Участники могут входить с паролем, через корпоративную учётную запись у провайдера OpenID Connect (Keycloak, Okta, Azure AD, Google Workspace…) или обоими способами."),
        Fixed => ("These settings are fixed in the server's configuration (VECHE_OIDC_ISSUER, VECHE_PASSWORD_SIGN_IN): they can be changed only there.", "Эти настройки заданы в конфигурации сервера (VECHE_OIDC_ISSUER, VECHE_PASSWORD_SIGN_IN): изменить их можно только там."),
        ProviderTitle => ("Identity provider", "Провайдер входа"),
        ProviderOn => ("Members can sign in with the organisation's account", "Участники могут входить через корпоративную учётную запись"),
        RedirectLabel => ("Redirect address to register at the provider", "Адрес возврата, который нужно указать у провайдера"),
        IssuerLabel => ("Issuer URL", "Адрес издателя (issuer URL)"),
        IssuerHint => ("For example https://login.example.com/realms/staff. We check that the provider answers before saving.", "Например, https://login.example.com/realms/staff. Перед сохранением мы проверим, что провайдер отвечает."),
        ClientIdLabel => ("Client ID", "Идентификатор клиента (client ID)"),
        ClientSecretLabel => ("Client secret", "Секрет клиента (client secret)"),
        SecretSavedHint => ("A secret is saved. Leave the field empty to keep it.", "Секрет сохранён. Оставьте поле пустым, чтобы не менять его."),
        LabelLabel => ("Button words", "Надпись на кнопке"),
        LabelHint => ("The button reads \"Sign in with\" and these words. Empty: \"your organisation's account\".", "Кнопка гласит «Войти через» и эти слова. Пусто: «корпоративную учётную запись»."),
        TrustEmail => ("The provider checks addresses itself: treat its addresses as confirmed", "Провайдер сам проверяет адреса: считать его адреса подтверждёнными"),
        PasswordTitle => ("Passwords", "Пароли"),
        PasswordOn => ("Members may sign in and join with a password", "Участники могут входить и вступать с паролем"),
        PasswordOffHint => ("Without passwords the provider is the only way in: sign-up, password sign-in and password resets are switched off.", "Без паролей провайдер становится единственным способом входа: регистрация, вход по паролю и сброс пароля отключаются."),
        Save => ("Save", "Сохранить"),
        Checking => ("Checking the provider…", "Проверяем провайдера…"),
        Saved => ("Saved. The next sign-in uses these settings.", "Сохранено. Следующий вход пройдёт по этим настройкам."),
    }
}
