//! E-mail: the mails the server writes (HTML and plain text, in the recipient's language, with
//! the community's name and links back to the app) and the sender that delivers the queue
//! (`sender`). A mail is queued in the database by whatever caused it, in the same transaction.

pub mod notices;
pub mod sender;
pub mod unsubscribe;

use veche_api::Locale;

/// A mail to queue: already rendered, in the recipient's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMail {
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    /// The one-click unsubscribe address (List-Unsubscribe, RFC 8058); none for account mails.
    pub list_unsubscribe: Option<String>,
}

/// What mails need to link back: the app's public address, the Message-ID domain, and the key
/// unsubscribe links are signed with (kept in the database, so links outlive restarts).
#[derive(Clone, Debug)]
pub struct MailLinks {
    pub public_url: String,
    pub domain: String,
    pub unsubscribe_key: Vec<u8>,
}

impl MailLinks {
    pub fn new(public_url: &str, unsubscribe_key: &[u8]) -> MailLinks {
        MailLinks {
            public_url: public_url.to_owned(),
            domain: domain_of(public_url),
            unsubscribe_key: unsubscribe_key.to_vec(),
        }
    }

    /// The app's address of `path_and_query`.
    pub fn app(&self, path_and_query: &str) -> String {
        app_link(&self.public_url, path_and_query)
    }

    /// The one-click unsubscribe address for `subscription`: the app's page on GET, the server's
    /// RFC 8058 handler on POST.
    pub fn unsubscribe(&self, subscription: &unsubscribe::Subscription) -> String {
        self.app(&format!("/unsubscribe?token={}", unsubscribe::token(&self.unsubscribe_key, subscription)))
    }
}

/// Links in mails are valid this long.
pub mod lifetimes {
    use chrono::Duration;

    pub fn verify_email() -> Duration {
        Duration::hours(48)
    }

    pub fn change_email() -> Duration {
        Duration::hours(24)
    }

    /// "Within an hour", as members are told.
    pub fn reset_password() -> Duration {
        Duration::minutes(60)
    }

    /// An invitation to join: a week, as the mail says.
    pub fn invitation() -> Duration {
        Duration::days(7)
    }
}

/// What a mail says; each kind has its own words in English and Russian.
pub enum Letter<'a> {
    /// After registration (or on request): confirm that the address is the member's.
    VerifyEmail { name: &'a str, email: &'a str, link: String },
    /// "Forgot password": a single-use link to choose a new one.
    ResetPassword { name: &'a str, handle: &'a str, link: String },
    /// To the new address of a change: confirm it.
    ConfirmNewEmail { name: &'a str, email: &'a str, link: String },
    /// To the old address of a change: what is happening, and what to do if it was not them.
    EmailChangeNotice { name: &'a str, handle: &'a str, new_email: &'a str, account_link: String },
    /// Staff invite someone to join (also while joining is closed); the link expires.
    Invitation { inviter: &'a str, link: String },
    /// A registration that waited for approval was approved: confirm the address, sign in.
    RegistrationApproved { name: &'a str, handle: &'a str, link: String },
    /// A registration that waited for approval was declined.
    RegistrationDeclined { name: &'a str },
}

/// The app's address of a page, from the server's public URL (`VECHE_PUBLIC_URL`).
pub fn app_link(public_url: &str, path_and_query: &str) -> String {
    format!("{}{}", public_url.trim_end_matches('/'), path_and_query)
}

/// The host of the public URL: the right-hand side of Message-IDs.
pub fn domain_of(public_url: &str) -> String {
    let rest = public_url.split_once("://").map_or(public_url, |(_, rest)| rest);
    let host = rest.split(['/', ':']).next().unwrap_or_default();
    if host.is_empty() { "localhost".to_owned() } else { host.to_owned() }
}

/// One mail's words before they are laid out.
struct Content {
    subject: String,
    greeting: String,
    paragraphs: Vec<String>,
    /// Lists of linked lines under headings (a digest's items).
    sections: Vec<Section>,
    button: Option<(String, String)>,
    footer: String,
}

/// A heading and its linked lines.
struct Section {
    heading: String,
    lines: Vec<Line>,
}

/// One linked line of a list: its text, a detail under it (an excerpt, a date), its link.
struct Line {
    text: String,
    detail: String,
    link: String,
}

/// The end of a mail someone may stop: how, in words and links.
struct UnsubscribeFooter {
    stop: String,
    url: String,
    choose: String,
    preferences_url: String,
}

fn content(letter: &Letter, locale: Locale, community: &str) -> Content {
    match (letter, locale) {
        (Letter::VerifyEmail { name, email, link }, Locale::En) => Content {
            subject: format!("Confirm your e-mail address for {community}"),
            greeting: format!("Hello, {name}!"),
            paragraphs: vec![
                format!("Welcome to {community}. Please confirm that {email} is your address."),
                "The link works once, for 48 hours.".into(),
            ],
            sections: Vec::new(),
            button: Some(("Confirm my address".into(), link.clone())),
            footer: format!(
                "You get this mail because this address was used to join {community}. If it was not you, ignore it."
            ),
        },
        (Letter::VerifyEmail { name, email, link }, Locale::Ru) => Content {
            subject: format!("Подтвердите адрес почты в сообществе «{community}»"),
            greeting: format!("Здравствуйте, {name}!"),
            paragraphs: vec![
                format!("Добро пожаловать в сообщество «{community}». Подтвердите, что {email} — ваш адрес."),
                "Ссылка срабатывает один раз и действует 48 часов.".into(),
            ],
            sections: Vec::new(),
            button: Some(("Подтвердить адрес".into(), link.clone())),
            footer: format!(
                "Это письмо пришло, потому что с этим адресом вступили в сообщество «{community}». Если это были не вы, просто не обращайте на него внимания."
            ),
        },
        (Letter::ResetPassword { name, handle, link }, Locale::En) => Content {
            subject: format!("Choose a new password for {community}"),
            greeting: format!("Hello, {name}!"),
            paragraphs: vec![
                format!("Someone (we hope it was you) asked to reset the password of the account @{handle}."),
                "The link works once, for one hour. Choosing a new password signs you out on every other device."
                    .into(),
            ],
            sections: Vec::new(),
            button: Some(("Choose a new password".into(), link.clone())),
            footer: "If you did not ask for this, ignore this mail: your password stays as it is.".into(),
        },
        (Letter::ResetPassword { name, handle, link }, Locale::Ru) => Content {
            subject: format!("Новый пароль для сообщества «{community}»"),
            greeting: format!("Здравствуйте, {name}!"),
            paragraphs: vec![
                format!("Кто-то (надеемся, вы) попросил сбросить пароль учётной записи @{handle}."),
                "Ссылка срабатывает один раз и действует один час. После смены пароля все другие устройства выйдут из учётной записи.".into(),
            ],
            sections: Vec::new(),
            button: Some(("Задать новый пароль".into(), link.clone())),
            footer: "Если вы этого не просили, не обращайте внимания на письмо: пароль останется прежним.".into(),
        },
        (Letter::ConfirmNewEmail { name, email, link }, Locale::En) => Content {
            subject: format!("Confirm your new e-mail address for {community}"),
            greeting: format!("Hello, {name}!"),
            paragraphs: vec![
                format!("You asked to use {email} for your account. Confirm it to make the change."),
                "The link works once, for 24 hours. Until then your old address stays.".into(),
            ],
            sections: Vec::new(),
            button: Some(("Confirm the new address".into(), link.clone())),
            footer: "If you did not ask for this, ignore this mail: nothing changes.".into(),
        },
        (Letter::ConfirmNewEmail { name, email, link }, Locale::Ru) => Content {
            subject: format!("Подтвердите новый адрес почты в сообществе «{community}»"),
            greeting: format!("Здравствуйте, {name}!"),
            paragraphs: vec![
                format!("Вы попросили использовать адрес {email} для своей учётной записи. Подтвердите его, чтобы сменить адрес."),
                "Ссылка срабатывает один раз и действует 24 часа. До подтверждения остаётся прежний адрес.".into(),
            ],
            sections: Vec::new(),
            button: Some(("Подтвердить новый адрес".into(), link.clone())),
            footer: "Если вы этого не просили, не обращайте внимания на письмо: ничего не изменится.".into(),
        },
        (Letter::EmailChangeNotice { name, handle, new_email, account_link }, Locale::En) => Content {
            subject: format!("Your e-mail address at {community} is being changed"),
            greeting: format!("Hello, {name}!"),
            paragraphs: vec![
                format!("Someone signed in as @{handle} asked to change the account's address to {new_email}."),
                "Once the new address is confirmed, mail from the community goes there instead of here.".into(),
                "If this was not you, sign in and change your password now; the change does not happen until the new address is confirmed.".into(),
            ],
            sections: Vec::new(),
            button: Some(("Open my account".into(), account_link.clone())),
            footer: format!("This notice goes to the address the account had at {community}."),
        },
        (Letter::EmailChangeNotice { name, handle, new_email, account_link }, Locale::Ru) => Content {
            subject: format!("Адрес почты в сообществе «{community}» меняется"),
            greeting: format!("Здравствуйте, {name}!"),
            paragraphs: vec![
                format!("Кто-то, войдя как @{handle}, попросил сменить адрес учётной записи на {new_email}."),
                "Когда новый адрес подтвердят, письма сообщества будут приходить туда, а не сюда.".into(),
                "Если это были не вы, войдите и сразу смените пароль: адрес не сменится, пока новый не подтверждён.".into(),
            ],
            sections: Vec::new(),
            button: Some(("Открыть учётную запись".into(), account_link.clone())),
            footer: format!("Это уведомление приходит на прежний адрес учётной записи в сообществе «{community}»."),
        },
        (Letter::Invitation { inviter, link }, Locale::En) => Content {
            subject: format!("You are invited to join {community}"),
            greeting: "Hello!".into(),
            paragraphs: vec![
                format!("{inviter} invites you to join {community}, our customer community."),
                "Choose a handle and a password on the page the link opens. The link works once, for 7 days, with this e-mail address.".into(),
            ],
            sections: Vec::new(),
            button: Some(("Accept the invitation".into(), link.clone())),
            footer: format!("You get this mail because staff of {community} invited this address. If you do not want to join, ignore it."),
        },
        (Letter::Invitation { inviter, link }, Locale::Ru) => Content {
            subject: format!("Приглашение в сообщество «{community}»"),
            greeting: "Здравствуйте!".into(),
            paragraphs: vec![
                format!("{inviter} приглашает вас в сообщество «{community}» — сообщество наших клиентов."),
                "На странице по ссылке выберите имя пользователя и пароль. Ссылка срабатывает один раз, действует 7 дней и только с этим адресом почты.".into(),
            ],
            sections: Vec::new(),
            button: Some(("Принять приглашение".into(), link.clone())),
            footer: format!("Это письмо пришло, потому что команда сообщества «{community}» пригласила этот адрес. Если не хотите вступать, не обращайте на него внимания."),
        },
        (Letter::RegistrationApproved { name, handle, link }, Locale::En) => Content {
            subject: format!("Welcome to {community}: your registration is approved"),
            greeting: format!("Hello, {name}!"),
            paragraphs: vec![
                format!("Staff of {community} approved your registration. You can sign in as @{handle} with the password you chose."),
                "Confirm your e-mail address with the button below. The link works once, for 48 hours.".into(),
            ],
            sections: Vec::new(),
            button: Some(("Confirm my address".into(), link.clone())),
            footer: format!("You get this mail because you asked to join {community}."),
        },
        (Letter::RegistrationApproved { name, handle, link }, Locale::Ru) => Content {
            subject: format!("Добро пожаловать в сообщество «{community}»: заявка одобрена"),
            greeting: format!("Здравствуйте, {name}!"),
            paragraphs: vec![
                format!("Команда сообщества «{community}» одобрила вашу заявку. Войдите как @{handle} с паролем, который вы выбрали."),
                "Подтвердите адрес почты кнопкой ниже. Ссылка срабатывает один раз и действует 48 часов.".into(),
            ],
            sections: Vec::new(),
            button: Some(("Подтвердить адрес".into(), link.clone())),
            footer: format!("Это письмо пришло, потому что вы подали заявку на вступление в сообщество «{community}»."),
        },
        (Letter::RegistrationDeclined { name }, Locale::En) => Content {
            subject: format!("Your registration at {community}"),
            greeting: format!("Hello, {name}!"),
            paragraphs: vec![
                format!("Staff of {community} looked at your registration and declined it. No account was created, and your details were deleted."),
                "If you think this is a mistake, ask the person who told you about the community.".into(),
            ],
            sections: Vec::new(),
            button: None,
            footer: format!("You get this mail because you asked to join {community}."),
        },
        (Letter::RegistrationDeclined { name }, Locale::Ru) => Content {
            subject: format!("Ваша заявка в сообщество «{community}»"),
            greeting: format!("Здравствуйте, {name}!"),
            paragraphs: vec![
                format!("Команда сообщества «{community}» рассмотрела вашу заявку и отклонила её. Учётная запись не создана, ваши данные удалены."),
                "Если это ошибка, обратитесь к тому, кто рассказал вам о сообществе.".into(),
            ],
            sections: Vec::new(),
            button: None,
            footer: format!("Это письмо пришло, потому что вы подали заявку на вступление в сообщество «{community}»."),
        },
    }
}

/// Writes `letter` for `recipient` in `locale`: plain text and HTML with the same words.
pub fn compose(letter: &Letter, locale: Locale, community: &str, recipient: &str) -> NewMail {
    lay_out(&content(letter, locale, community), locale, community, recipient, None)
}

/// Lays `content` out as plain text and HTML with the same words; with `unsubscribe`, its links
/// end the mail and its address goes into the List-Unsubscribe headers.
fn lay_out(
    content: &Content,
    locale: Locale,
    community: &str,
    recipient: &str,
    unsubscribe: Option<&UnsubscribeFooter>,
) -> NewMail {
    let mut text = format!("{}\n\n", content.greeting);
    for paragraph in &content.paragraphs {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    for section in &content.sections {
        text.push_str(&format!("{}\n\n", section.heading));
        for line in &section.lines {
            text.push_str(&format!("* {}\n", line.text));
            if !line.detail.is_empty() {
                text.push_str(&format!("  {}\n", line.detail));
            }
            text.push_str(&format!("  {}\n", line.link));
        }
        text.push('\n');
    }
    if let Some((label, link)) = &content.button {
        text.push_str(&format!("{label}:\n{link}\n\n"));
    }
    text.push_str(&format!("-- \n{}\n{community}\n", content.footer));
    if let Some(footer) = unsubscribe {
        text.push_str(&format!("\n{}:\n{}\n{}:\n{}\n", footer.stop, footer.url, footer.choose, footer.preferences_url));
    }

    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{subject}</title></head>\
         <body style=\"margin:0;padding:24px;background:#f6f7f9;font-family:Arial,Helvetica,sans-serif;color:#1c2430\">\
         <div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px\">\
         <p style=\"margin:0 0 16px;font-size:14px;color:#55606e\">{community}</p>\
         <p style=\"font-size:16px\">{greeting}</p>",
        lang = locale.tag(),
        subject = escape(&content.subject),
        community = escape(community),
        greeting = escape(&content.greeting),
    );
    for paragraph in &content.paragraphs {
        html.push_str(&format!("<p style=\"font-size:16px;line-height:1.5\">{}</p>", escape(paragraph)));
    }
    for section in &content.sections {
        html.push_str(&format!(
            "<h2 style=\"font-size:18px;margin:24px 0 8px\">{}</h2><ul style=\"padding-left:20px;margin:0\">",
            escape(&section.heading)
        ));
        for line in &section.lines {
            html.push_str(&format!(
                "<li style=\"margin:0 0 12px;font-size:16px;line-height:1.4\"><a href=\"{}\" style=\"color:#0a5c8a\">{}</a>",
                escape(&line.link),
                escape(&line.text)
            ));
            if !line.detail.is_empty() {
                html.push_str(&format!(
                    "<br><span style=\"font-size:14px;color:#55606e\">{}</span>",
                    escape(&line.detail)
                ));
            }
            html.push_str("</li>");
        }
        html.push_str("</ul>");
    }
    if let Some((label, link)) = &content.button {
        html.push_str(&format!(
            "<p style=\"margin:24px 0\"><a href=\"{href}\" style=\"display:inline-block;background:#0a5c8a;color:#ffffff;\
             padding:12px 20px;border-radius:6px;text-decoration:none;font-size:16px\">{label}</a></p>\
             <p style=\"font-size:13px;color:#55606e;word-break:break-all\">{href}</p>",
            href = escape(link),
            label = escape(label),
        ));
    }
    html.push_str(&format!(
        "<p style=\"margin-top:24px;font-size:13px;color:#55606e\">{}</p>",
        escape(&content.footer)
    ));
    if let Some(footer) = unsubscribe {
        html.push_str(&format!(
            "<p style=\"font-size:13px;color:#55606e\"><a href=\"{}\" style=\"color:#55606e\">{}</a> · \
             <a href=\"{}\" style=\"color:#55606e\">{}</a></p>",
            escape(&footer.url),
            escape(&footer.stop),
            escape(&footer.preferences_url),
            escape(&footer.choose),
        ));
    }
    html.push_str("</div></body></html>\n");
    NewMail {
        recipient: recipient.to_owned(),
        subject: content.subject.clone(),
        text_body: text,
        html_body: html,
        list_unsubscribe: unsubscribe.map(|footer| footer.url.clone()),
    }
}

/// Text for HTML: member-chosen names and addresses are never markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_text_in_the_html_and_links_reach_the_app() {
        let link = app_link("https://community.example.com/", "/account/confirm-email?token=abc");
        let letter = Letter::VerifyEmail { name: "<b>Eve</b>", email: "eve@example.com", link };
        let mail = compose(&letter, Locale::En, "Sever & Co", "eve@example.com");
        assert!(mail.html_body.contains("&lt;b&gt;Eve&lt;/b&gt;"));
        assert!(!mail.html_body.contains("<b>Eve"));
        assert!(mail.html_body.contains("Sever &amp; Co"));
        assert!(mail.text_body.contains("https://community.example.com/account/confirm-email?token=abc"));
        assert_eq!(mail.subject, "Confirm your e-mail address for Sever & Co");
    }

    #[test]
    fn mails_are_in_the_recipients_language() {
        let letter = Letter::ResetPassword { name: "Анна", handle: "anna", link: "http://x/r".into() };
        let mail = compose(&letter, Locale::Ru, "Север", "anna@example.com");
        assert_eq!(mail.subject, "Новый пароль для сообщества «Север»");
        assert!(mail.text_body.starts_with("Здравствуйте, Анна!"));
        assert!(mail.html_body.contains("lang=\"ru\""));
    }

    #[test]
    fn message_id_domain_is_the_public_host() {
        assert_eq!(domain_of("https://community.example.com/"), "community.example.com");
        assert_eq!(domain_of("http://127.0.0.1:8080"), "127.0.0.1");
    }
}
