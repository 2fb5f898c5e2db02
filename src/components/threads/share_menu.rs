use leptos::prelude::*;

use crate::api::url::encode;
use crate::components::clipboard;
use crate::i18n::messages::threads::Threads;
use crate::i18n::use_i18n;

/// The share addresses of the networks members use, for a page `url` titled `title`.
pub fn share_links(url: &str, title: &str) -> [(Threads, String); 4] {
    let (u, t) = (encode(url), encode(title));
    [
        (Threads::ShareX, format!("https://x.com/intent/post?url={u}&text={t}")),
        (Threads::ShareVk, format!("https://vk.com/share.php?url={u}&title={t}")),
        (Threads::ShareOk, format!("https://connect.ok.ru/offer?url={u}&title={t}")),
        (Threads::ShareLinkedIn, format!("https://www.linkedin.com/sharing/share-offsite/?url={u}")),
    ]
}

/// Copy the link, or open a network's share page.
#[component]
pub fn ShareMenu(
    /// Absolute address of what is shared.
    url: String,
    /// Its title.
    title: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let copy_url = url.clone();
    let copy = move |_| {
        let copy_url = copy_url.clone();
        leptos::task::spawn_local(async move {
            if clipboard::copy(&copy_url).await {
                copied.set(true);
            }
        });
    };
    view! {
        <details class="share">
            <summary class="share__summary button button--ghost button--small">{i18n.t(Threads::Share)}</summary>
            <ul class="share__list">
                <li>
                    <button type="button" class="share__item" on:click=copy>{i18n.t(Threads::CopyLink)}</button>
                    <span class="share__status" role="status">{move || copied.get().then(|| i18n.t(Threads::LinkCopied))}</span>
                </li>
                {share_links(&url, &title).into_iter().map(|(text, href)| view! {
                    <li><a class="share__item" href=href target="_blank" rel="noopener noreferrer">{i18n.t(text)}</a></li>
                }).collect_view()}
            </ul>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_addresses_carry_the_encoded_page() {
        let links = share_links("https://c.example/threads/7?x=1", "Как настроить SSO?");
        assert_eq!(
            links[0].1,
            "https://x.com/intent/post?url=https%3A%2F%2Fc.example%2Fthreads%2F7%3Fx%3D1&text=%D0%9A%D0%B0%D0%BA%20%D0%BD%D0%B0%D1%81%D1%82%D1%80%D0%BE%D0%B8%D1%82%D1%8C%20SSO%3F"
        );
        assert!(links[1].1.starts_with("https://vk.com/share.php?url=https%3A%2F%2Fc.example"));
        assert!(links[2].1.starts_with("https://connect.ok.ru/offer?url="));
        assert!(links[3].1.starts_with("https://www.linkedin.com/sharing/share-offsite/?url="));
    }
}
