use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use veche_api::member::MemberSummary;
use veche_api::members::Profile;

use crate::api::members;
use crate::api::url::encode;
use crate::components::feedback::Loaded;
use crate::components::members::{AvatarEditor, LanguageSetting, PhotoManager, ProfileForm};
use crate::i18n::messages::members::Members;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// `/account/profile` (signed-in only): one's picture (cropped in the browser), profile
/// details and contact details, language, and photo gallery.
#[component]
pub fn EditProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // The page only shows for a signed-in member; who it is does not change while it shows.
    let account = untrack(|| session.account());
    let locale = account.as_ref().map(|account| account.locale).unwrap_or_else(|| i18n.locale());
    let me = account.map(|account| account.member);
    let handle = me.as_ref().map(|m| m.handle.clone()).unwrap_or_default();
    let settings = LocalResource::new(members::own_settings);
    let gallery = LocalResource::new({
        let handle = handle.clone();
        move || {
            let handle = handle.clone();
            async move { members::profile(&handle).await.map(|p| p.photos) }
        }
    });
    let member_changed = Callback::new(move |member: MemberSummary| session.update_member(member));
    let saved = Callback::new(move |profile: Profile| session.update_member(profile.member));
    let public_href = format!("/members/{}", encode(&handle));

    view! {
        <Title text=i18n.t(Members::EditTitle) />
        <div class="profile-editor">
            <header class="page-head">
                <h1>{i18n.t(Members::EditTitle)}</h1>
                <p class="page-head__links">
                    <A href=public_href>{i18n.t(Members::ViewProfile)}</A>
                </p>
            </header>
            {me.map(|member| view! { <AvatarEditor member=member on_changed=member_changed /> })}
            <section class="profile-editor__section" aria-labelledby="details-heading">
                <h2 id="details-heading">{i18n.t(Members::DetailsHeading)}</h2>
                <Loaded resource=settings let:settings>
                    {{
                        let handle = handle.clone();
                        view! { <ProfileForm settings=settings handle=handle on_saved=saved /> }
                        }}
                </Loaded>
            </section>
            <LanguageSetting locale=locale />
            <Loaded resource=gallery let:photos>
                {view! { <PhotoManager photos=photos /> }}
            </Loaded>
        </div>
    }
}
