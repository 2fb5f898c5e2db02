//! One-click unsubscribe links (RFC 8058): a token that names the member, the topics of the mail
//! it came in and how they were sent, signed with the server's key (HMAC-SHA256), so it works
//! without signing in, needs no row in the database and cannot be made up for someone else.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use veche_api::notifications::{Delivery, MailTopic};

use crate::tokens;

/// What a token says: whose mail, which topics, and how they come when switched on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscription {
    pub member_id: i64,
    pub topics: Vec<MailTopic>,
    /// How the topics are mailed when on (switching back on restores it).
    pub delivery: Delivery,
}

fn delivery_letter(delivery: Delivery) -> &'static str {
    match delivery {
        Delivery::Daily => "d",
        _ => "i",
    }
}

fn signature(key: &[u8], payload: &str) -> String {
    URL_SAFE_NO_PAD.encode(tokens::hmac_sha256(key, format!("unsubscribe:{payload}").as_bytes()))
}

/// The token of `subscription`: `<member>.<i|d>.<topic,topic>.<signature>`.
pub fn token(key: &[u8], subscription: &Subscription) -> String {
    let topics: Vec<&str> = subscription.topics.iter().map(|topic| topic.as_str()).collect();
    let payload = format!("{}.{}.{}", subscription.member_id, delivery_letter(subscription.delivery), topics.join(","));
    let signature = signature(key, &payload);
    format!("{payload}.{signature}")
}

/// Reads a token this server made; `None` for anything else (cut short, altered, forged).
pub fn verify(key: &[u8], token: &str) -> Option<Subscription> {
    let (payload, given) = token.trim().rsplit_once('.')?;
    if !tokens::constant_time_eq(&signature(key, payload), given) {
        return None;
    }
    let mut parts = payload.split('.');
    let member_id = parts.next()?.parse().ok()?;
    let delivery = match parts.next()? {
        "d" => Delivery::Daily,
        "i" => Delivery::Immediately,
        _ => return None,
    };
    let topics: Vec<MailTopic> = parts.next()?.split(',').filter_map(MailTopic::parse_known).collect();
    (parts.next().is_none() && !topics.is_empty()).then_some(Subscription { member_id, topics, delivery })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn daily_digest() -> Subscription {
        Subscription {
            member_id: 42,
            topics: vec![MailTopic::IdeaStatus, MailTopic::Events],
            delivery: Delivery::Daily,
        }
    }

    #[test]
    fn a_token_reads_back_as_what_it_was_made_for() {
        let token = token(b"key", &daily_digest());
        assert!(token.starts_with("42.d.idea_status,events."), "{token}");
        assert_eq!(verify(b"key", &token), Some(daily_digest()));
    }

    #[test]
    fn altered_forged_or_cut_tokens_are_refused() {
        let token = token(b"key", &daily_digest());
        assert_eq!(verify(b"another key", &token), None, "another server's key");
        assert_eq!(verify(b"key", &token.replacen("42.", "43.", 1)), None, "someone else's mail");
        assert_eq!(verify(b"key", &token.replace("idea_status,events", "replies")), None, "another topic");
        assert_eq!(verify(b"key", &token[..token.len() - 3]), None, "cut short");
        assert_eq!(verify(b"key", ""), None);
        assert_eq!(verify(b"key", "...."), None);
    }

    proptest::proptest! {
        #[test]
        fn no_string_but_a_made_token_is_accepted(text in "[0-9a-z._,-]{0,80}") {
            proptest::prop_assert_eq!(verify(b"key", &text), None);
        }
    }
}
