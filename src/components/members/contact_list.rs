use leptos::prelude::*;
use veche_api::members::{Contact, ContactKind};

use crate::i18n::messages::members::Members;
use crate::i18n::use_i18n;

/// Where a contact detail leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactLink {
    pub href: String,
    /// Another site (gets `rel="nofollow noopener noreferrer me"`), not `mailto:`/`tel:`.
    pub external: bool,
}

pub fn contact_kind_text(kind: ContactKind) -> Members {
    match kind {
        ContactKind::Email => Members::ContactEmail,
        ContactKind::Phone => Members::ContactPhone,
        ContactKind::Website => Members::ContactWebsite,
        ContactKind::LinkedIn => Members::ContactLinkedIn,
        ContactKind::X => Members::ContactX,
        ContactKind::Vk => Members::ContactVk,
        ContactKind::Telegram => Members::ContactTelegram,
        ContactKind::GitHub => Members::ContactGitHub,
        ContactKind::Unknown => Members::ContactOther,
    }
}

/// The link for a contact detail, or `None` when it is shown as plain text: only `http(s)`
/// addresses, e-mail addresses and phone numbers become links, whatever a member typed.
pub fn contact_link(kind: ContactKind, value: &str) -> Option<ContactLink> {
    let value = value.trim();
    let web = |url: &str| {
        let lower = url.to_ascii_lowercase();
        let plausible = (lower.starts_with("https://") || lower.starts_with("http://"))
            && url.len() > "https://".len()
            && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
        plausible.then(|| ContactLink { href: url.to_owned(), external: true })
    };
    match kind {
        ContactKind::Email => {
            let plain = veche_api::validate::email(value).is_none() && !value.contains(['?', '#', '&', '%', '/']);
            plain.then(|| ContactLink { href: format!("mailto:{value}"), external: false })
        }
        ContactKind::Phone => {
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            let plus = if value.starts_with('+') { "+" } else { "" };
            (digits.len() >= 6).then(|| ContactLink { href: format!("tel:{plus}{digits}"), external: false })
        }
        ContactKind::Telegram => {
            let name = value.strip_prefix('@').unwrap_or(value);
            let valid = (5..=32).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if valid { Some(ContactLink { href: format!("https://t.me/{name}"), external: true }) } else { web(value) }
        }
        ContactKind::Unknown => None,
        _ => web(value),
    }
}

/// The contact details the server let this viewer see, as links where that is safe.
#[component]
pub fn ContactList(
    /// The details, in the owner's order.
    contacts: Vec<Contact>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <dl class="contact-list">
            {contacts.into_iter().map(|contact| {
                let label = i18n.t(contact_kind_text(contact.kind));
                let value = match contact_link(contact.kind, &contact.value) {
                    Some(ContactLink { href, external: true }) => leptos::either::EitherOf3::A(view! {
                        <a href=href rel="nofollow noopener noreferrer me">{contact.value.clone()}</a>
                    }),
                    Some(ContactLink { href, external: false }) => {
                        leptos::either::EitherOf3::B(view! { <a href=href>{contact.value.clone()}</a> })
                    }
                    None => leptos::either::EitherOf3::C(contact.value.clone()),
                };
                view! {
                    <div class="contact-list__item">
                        <dt class="contact-list__kind">{label}</dt>
                        <dd class="contact-list__value">{value}</dd>
                    </div>
                }
            }).collect_view()}
        </dl>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn href(kind: ContactKind, value: &str) -> Option<String> {
        contact_link(kind, value).map(|l| l.href)
    }

    #[test]
    fn web_addresses_link_only_over_http() {
        let link = contact_link(ContactKind::Website, "https://integra.example.com").unwrap();
        assert_eq!(link, ContactLink { href: "https://integra.example.com".into(), external: true });
        assert_eq!(href(ContactKind::LinkedIn, "HTTP://x.example/in/a"), Some("HTTP://x.example/in/a".into()));
        assert_eq!(href(ContactKind::Website, "javascript:alert(1)"), None);
        assert_eq!(href(ContactKind::GitHub, "https://"), None);
        assert_eq!(href(ContactKind::X, "https://x.com/a b"), None);
        assert_eq!(href(ContactKind::Vk, "vk.com/olga"), None);
        assert_eq!(href(ContactKind::Website, "https://a.example/\"onmouseover"), None);
    }

    #[test]
    fn mail_and_phone_get_their_schemes() {
        assert_eq!(
            href(ContactKind::Email, "anna.petrova@example.com"),
            Some("mailto:anna.petrova@example.com".into())
        );
        assert_eq!(href(ContactKind::Email, "a@b.co?cc=x@y.z"), None);
        assert_eq!(href(ContactKind::Email, "not an address"), None);
        assert_eq!(href(ContactKind::Phone, "+7 843 555-01-23"), Some("tel:+78435550123".into()));
        assert_eq!(href(ContactKind::Phone, "(495) 123-45-67"), Some("tel:4951234567".into()));
        assert_eq!(href(ContactKind::Phone, "12"), None);
        assert!(!contact_link(ContactKind::Phone, "+7 843 555-01-23").unwrap().external);
    }

    #[test]
    fn telegram_names_lead_to_telegram() {
        assert_eq!(href(ContactKind::Telegram, "@sever_community"), Some("https://t.me/sever_community".into()));
        assert_eq!(href(ContactKind::Telegram, "https://t.me/sever"), Some("https://t.me/sever".into()));
        assert_eq!(href(ContactKind::Telegram, "@a b"), None);
        assert_eq!(href(ContactKind::Unknown, "https://example.com"), None);
    }
}
