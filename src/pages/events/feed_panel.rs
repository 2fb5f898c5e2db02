use leptos::prelude::*;
use veche_api::events::FeedLink;

use crate::api::events;
use crate::components::clipboard;
use crate::components::feedback::error_message;
use crate::i18n::messages::events::Events;
use crate::i18n::use_i18n;

/// The member's personal live feed: a secret address of every event they are going to, for
/// calendar apps (`webcal://`) or to paste (https), with a copy button and a way to make a new
/// address when the old one leaked. Fetched only when asked for, so it is not on screen by chance.
#[component]
pub fn FeedPanel() -> impl IntoView {
    let i18n = use_i18n();
    let link = RwSignal::new(None::<FeedLink>);
    let note = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let load = move |rotate: bool| {
        busy.set(true);
        note.set(None);
        leptos::task::spawn_local(async move {
            let answer = if rotate { events::rotate_feed().await } else { events::feed_link().await };
            match answer {
                Ok(feed) => {
                    link.set(Some(feed));
                    if rotate {
                        note.set(Some(i18n.t(Events::FeedRotated).to_owned()));
                    }
                }
                Err(error) => note.set(Some(error_message(i18n, &error))),
            }
            busy.set(false);
        });
    };
    let copy = move |_| {
        let Some(url) = link.with_untracked(|l| l.as_ref().map(|l| l.url.clone())) else { return };
        leptos::task::spawn_local(async move {
            if clipboard::copy(&url).await {
                note.set(Some(i18n.t(Events::Copied).to_owned()));
            }
        });
    };
    view! {
        <section class="feed" aria-labelledby="feed-title">
            <h2 id="feed-title">{i18n.t(Events::FeedTitle)}</h2>
            <p class="feed__intro">{i18n.t(Events::FeedIntro)}</p>
            {move || match link.get() {
                None => leptos::either::Either::Left(view! {
                    <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=move |_| load(false)>
                        {i18n.t(Events::FeedShow)}
                    </button>
                }),
                Some(feed) => leptos::either::Either::Right(view! {
                    <div class="field">
                        <label class="field__label" for="feed-url">{i18n.t(Events::FeedAddress)}</label>
                        <div class="feed__address">
                            <input id="feed-url" class="field__input" type="text" readonly prop:value=feed.url.clone()
                                on:focus=|event| {
                                    if let Some(input) = event.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) {
                                        input.select();
                                    }
                                } />
                            <button type="button" class="button button--secondary" on:click=copy>{i18n.t(Events::Copy)}</button>
                        </div>
                    </div>
                    <p class="feed__actions">
                        <a class="button" href=feed.webcal_url.clone()>{i18n.t(Events::FeedSubscribe)}</a>
                        <button type="button" class="button button--ghost" disabled=move || busy.get() on:click=move |_| load(true)>
                            {i18n.t(Events::FeedRotate)}
                        </button>
                    </p>
                }),
            }}
            <p class="feed__note" role="status">{move || note.get()}</p>
        </section>
    }
}
