use leptos::prelude::*;

use crate::api::client;
use crate::api::url::encode;
use crate::components::clipboard;
use crate::i18n::messages::surveys::Surveys;
use crate::i18n::use_i18n;

/// Text safe inside a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// What a company pastes to show survey `id` from Veche at `origin`: the script tag, the custom
/// element with the script, and a plain iframe for pages that allow no script.
pub fn embed_snippets(origin: &str, id: &str) -> [String; 3] {
    let script = format!("{origin}/embed/nps.js");
    [
        format!(r#"<script src="{script}" data-survey="{}" async></script>"#, attribute(id)),
        format!("<veche-nps survey=\"{}\"></veche-nps>\n<script src=\"{script}\" async></script>", attribute(id)),
        format!(
            r#"<iframe src="{origin}/embed/frame/?survey={}&mode=static" title="Survey" width="100%" height="420" loading="lazy"></iframe>"#,
            encode(id)
        ),
    ]
}

/// The origin the embed is served from: the API's, which also answers the frame's requests.
fn embed_origin() -> String {
    let base = client::api_base();
    let origin = client::resolve_media_url(&base, "/");
    match origin.strip_suffix('/') {
        Some(origin) if origin.contains("://") => origin.to_owned(),
        _ => web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default(),
    }
}

/// One snippet: what it is for, the code as text, and a copy button that says how it went.
#[component]
fn Snippet(
    /// The snippet's heading.
    title: &'static str,
    /// When to use it.
    hint: &'static str,
    /// The code to paste.
    code: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(None::<bool>);
    let to_copy = StoredValue::new(code.clone());
    let copy = move |_| {
        leptos::task::spawn_local(async move {
            status.set(Some(clipboard::copy(&to_copy.get_value()).await));
        });
    };
    view! {
        <section class="snippet">
            <h3 class="snippet__title">{title}</h3>
            <p class="field__hint">{hint}</p>
            <pre class="snippet__code" tabindex="0"><code>{code}</code></pre>
            <div class="snippet__actions">
                <button type="button" class="button button--secondary button--small" on:click=copy>
                    {i18n.t(Surveys::Copy)}<span class="visually-hidden">{title}</span>
                </button>
                <span class="snippet__status" role="status">
                    {move || status.get().map(|copied| i18n.t(if copied { Surveys::Copied } else { Surveys::CopyFailed }))}
                </span>
            </div>
        </section>
    }
}

/// How to put survey `survey_id` on a site, each way with a copy button.
#[component]
pub fn EmbedSnippets(
    /// The saved survey's id.
    survey_id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let [script, element, frame] = embed_snippets(&embed_origin(), &survey_id);
    view! {
        <section class="embed-snippets" aria-labelledby="embed-title">
            <h2 id="embed-title">{i18n.t(Surveys::EmbedTitle)}</h2>
            <Snippet title=i18n.t(Surveys::ScriptTitle) hint=i18n.t(Surveys::ScriptHint) code=script />
            <Snippet title=i18n.t(Surveys::ElementTitle) hint=i18n.t(Surveys::ElementHint) code=element />
            <Snippet title=i18n.t(Surveys::IframeTitle) hint=i18n.t(Surveys::IframeHint) code=frame />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_name_the_survey_and_the_veche_origin() {
        let [script, element, frame] = embed_snippets("https://community.example.com", "srv_7");
        assert_eq!(
            script,
            r#"<script src="https://community.example.com/embed/nps.js" data-survey="srv_7" async></script>"#
        );
        assert!(element.starts_with(r#"<veche-nps survey="srv_7"></veche-nps>"#));
        assert!(element.ends_with(r#"<script src="https://community.example.com/embed/nps.js" async></script>"#));
        assert!(
            frame.starts_with(r#"<iframe src="https://community.example.com/embed/frame/?survey=srv_7&mode=static""#)
        );
    }

    #[test]
    fn an_odd_id_cannot_break_out_of_its_attribute() {
        let [script, _, frame] = embed_snippets("https://c.example", r#"x" onload="alert(1)"#);
        assert!(script.contains(r#"data-survey="x&quot; onload=&quot;alert(1)""#));
        assert!(frame.contains("survey=x%22%20onload%3D%22alert%281%29&mode"));
    }
}
