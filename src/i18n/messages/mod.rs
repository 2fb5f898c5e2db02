//! The string tables, one per area. `messages!` makes an enum whose every key has an English
//! and a Russian text; a missing translation does not compile.

pub mod account;
pub mod charter;
pub mod common;
pub mod events;
pub mod groups;
pub mod home;
pub mod ideas;
pub mod kb;
pub mod kpis;
pub mod members;
pub mod moderation;
pub mod names_admin;
pub mod notifications;
pub mod privacy;
pub mod search;
pub mod settings;
pub mod sign_in_admin;
pub mod surveys;
pub mod threads;

use veche_api::Locale;

/// A key of one of the tables.
pub trait Text: Copy {
    fn text(self, locale: Locale) -> &'static str;
}

#[macro_export]
macro_rules! messages {
    ($(#[$meta:meta])* pub enum $name:ident { $($key:ident => ($en:literal, $ru:literal),)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($key,)+ }

        impl $name {
            /// Every key, for tests that check the tables.
            pub const ALL: &'static [$name] = &[$($name::$key,)+];
        }

        impl $crate::i18n::messages::Text for $name {
            fn text(self, locale: ::veche_api::Locale) -> &'static str {
                match locale {
                    ::veche_api::Locale::En => match self { $($name::$key => $en,)+ },
                    ::veche_api::Locale::Ru => match self { $($name::$key => $ru,)+ },
                }
            }
        }
    };
}

/// A number and its noun in the right form for the number: "12 votes", "21 голос".
pub fn counted(locale: Locale, n: i64, english: [&'static str; 3], russian: [&'static str; 3]) -> String {
    let n = n.max(0);
    let word = match locale {
        Locale::En => locale.pick(n as u64, english),
        Locale::Ru => locale.pick(n as u64, russian),
    };
    format!("{} {word}", crate::i18n::format::number(n, locale))
}

/// Checks a table: no empty text, and Russian differs from English unless listed as the same
/// on purpose (names, symbols).
#[cfg(test)]
pub fn assert_translated<K: Text + std::fmt::Debug>(all: &[K], same_on_purpose: &[&str]) {
    for key in all {
        let en = key.text(Locale::En);
        let ru = key.text(Locale::Ru);
        assert!(!en.trim().is_empty() && !ru.trim().is_empty(), "{key:?} has an empty text");
        if !same_on_purpose.contains(&en) {
            assert_ne!(en, ru, "{key:?} is not translated");
            assert!(
                ru.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
                "{key:?}: the Russian text has no Cyrillic: {ru}"
            );
        }
    }
}
