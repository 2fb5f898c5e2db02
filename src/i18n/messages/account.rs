//! The account's own pages: confirming the address, a forgotten password, changing the
//! password or address, and where the member is signed in.

crate::messages! {
    pub enum Accounts {
        EmailConfirmed => ("Your address is confirmed.", "Адрес подтверждён."),
        EmailNotConfirmed => ("Your address is not confirmed yet. Open the link we mailed to it.", "Адрес ещё не подтверждён. Откройте ссылку из нашего письма."),
        EmailPending => ("Waiting for confirmation at", "Ждём подтверждения на адресе"),
        ResendLink => ("Send the link again", "Отправить ссылку ещё раз"),
        Sending => ("Sending…", "Отправляем…"),
        LinkResent => ("A new link is on its way. It works for 48 hours.", "Новая ссылка уже в пути. Она действует 48 часов."),
        SecurityLink => ("Password, e-mail and sessions", "Пароль, почта и сеансы"),
        SecurityTitle => ("Password, e-mail and sessions", "Пароль, почта и сеансы"),

        ChangePasswordTitle => ("Change your password", "Смена пароля"),
        CurrentPasswordLabel => ("Current password", "Текущий пароль"),
        NewPasswordLabel => ("New password", "Новый пароль"),
        ChangePassword => ("Change password", "Сменить пароль"),
        Saving => ("Saving…", "Сохраняем…"),
        PasswordChanged => ("Your password is changed. You were signed out on your other devices.", "Пароль изменён. На других устройствах вы вышли из учётной записи."),

        ChangeEmailTitle => ("Change your e-mail address", "Смена адреса почты"),
        NewEmailLabel => ("New e-mail address", "Новый адрес почты"),
        ChangeEmail => ("Change address", "Сменить адрес"),
        EmailChangeSent => ("We mailed a link to the new address: the change happens when you open it (within 24 hours). Your current address got a notice.", "Мы отправили ссылку на новый адрес: адрес сменится, когда вы её откроете (в течение 24 часов). На текущий адрес пришло уведомление."),

        SessionsTitle => ("Where you are signed in", "Где выполнен вход"),
        ThisDevice => ("This device", "Это устройство"),
        UnknownBrowser => ("Unknown browser", "Неизвестный браузер"),
        SignedInOn => ("Signed in", "Вход"),
        LastSeen => ("Last active", "Последняя активность"),
        EndOtherSessions => ("Sign out everywhere else", "Выйти на всех других устройствах"),
        EndingSessions => ("Signing out…", "Выходим…"),
        OtherSessionsEnded => ("You are signed out everywhere else.", "Вы вышли на всех других устройствах."),
        NoOtherSessions => ("You are signed in on this device only.", "Вход выполнен только на этом устройстве."),

        ForgotPasswordLink => ("Forgot your password?", "Забыли пароль?"),
        ForgotTitle => ("Forgot your password?", "Забыли пароль?"),
        ForgotIntro => ("Enter the address you joined with. We'll mail you a link to choose a new password.", "Введите адрес, с которым вы вступили. Мы пришлём ссылку, чтобы задать новый пароль."),
        SendResetLink => ("Send the link", "Отправить ссылку"),
        ResetLinkSent => ("If an account uses this address, a link is on its way. It works once, within an hour. No mail? Check the spam folder, or ask again in a few minutes.", "Если такой адрес есть в сообществе, ссылка уже в пути. Она срабатывает один раз и действует час. Письма нет? Проверьте папку «Спам» или попросите ещё раз через несколько минут."),
        BackToSignIn => ("Back to sign in", "Вернуться ко входу"),

        ResetTitle => ("Choose a new password", "Новый пароль"),
        ResetIntro => ("Setting a new password signs you in here and out on every other device.", "После смены пароля вы войдёте здесь и выйдете на всех других устройствах."),
        SetPassword => ("Set the new password", "Сохранить новый пароль"),

        ConfirmTitle => ("Confirm your e-mail address", "Подтверждение адреса"),
        Confirming => ("Confirming your address…", "Подтверждаем адрес…"),
        ConfirmedText => ("is confirmed. Thank you!", "подтверждён. Спасибо!"),
        ToAccount => ("Go to your account", "Перейти в профиль"),

        LinkExpired => ("This link has expired.", "Срок действия ссылки истёк."),
        LinkUsed => ("This link was already used.", "Эта ссылка уже использована."),
        LinkInvalid => ("This link is not valid. It may have been cut short: copy the whole link from the mail.", "Ссылка недействительна. Возможно, она скопирована не целиком: скопируйте всю ссылку из письма."),
        ConfirmNextStep => ("Sign in and send a new link from your account page.", "Войдите и отправьте новую ссылку со страницы профиля."),
        ResetNextStep => ("Ask for a new link: it takes a minute.", "Запросите новую ссылку — это займёт минуту."),
        AskNewResetLink => ("Ask for a new link", "Запросить новую ссылку"),

        SignInWith => ("Sign in with", "Войти через"),
        OrWithPassword => ("or with your password", "или с паролем"),
        ProviderJoinNote => ("The first sign-in makes you a member of the community, under its charter.", "При первом входе вы становитесь участником сообщества и принимаете его устав."),
        ReadCharter => ("Read the charter", "Прочитать устав"),
        ProviderOnly => ("Members of this community sign in with their organisation's account.", "Участники этого сообщества входят через учётную запись своей организации."),
        SignInStateInvalid => ("This sign-in was started in another browser or was already finished. Start again.", "Этот вход начат в другом браузере или уже завершён. Начните заново."),
        SignInExpired => ("The sign-in took too long. Start again.", "Вход занял слишком много времени. Начните заново."),
        SignInCancelled => ("You cancelled signing in with your organisation's account.", "Вы отменили вход через учётную запись организации."),
        SignInProviderRefused => ("Your organisation's sign-in service did not let you in. Try again; if it keeps happening, ask your administrator.", "Служба входа вашей организации не пропустила вас. Попробуйте ещё раз; если это повторится, обратитесь к администратору."),
        SignInProviderUnavailable => ("Your organisation's sign-in service cannot be reached right now. Try again in a few minutes.", "Служба входа вашей организации сейчас недоступна. Попробуйте через несколько минут."),
        SignInEmailUnverified => ("Your organisation's account has not confirmed your e-mail address, so we cannot tell which member you are. Confirm it there, or sign in with your password.", "Учётная запись организации не подтвердила ваш адрес почты, поэтому мы не знаем, кто вы. Подтвердите адрес там или войдите с паролем."),
        SignInEmailMissing => ("Your organisation's account did not share an e-mail address. Ask your administrator to allow it.", "Учётная запись организации не передала адрес почты. Попросите администратора разрешить это."),
        SignInFailed => ("Signing in did not work. Try again.", "Войти не удалось. Попробуйте ещё раз."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated() {
        crate::i18n::messages::assert_translated(Accounts::ALL, &[]);
    }
}
