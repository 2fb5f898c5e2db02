use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::invite_form::InviteForm;
use super::registration_queue::RegistrationQueue;
use crate::components::feedback::StaffOnly;
use crate::i18n::messages::common::Common;
use crate::i18n::messages::settings::Settings;
use crate::i18n::use_i18n;

/// `/admin/joining` (staff): invite people by e-mail, and decide the registrations that wait
/// for approval.
#[component]
pub fn JoiningPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(Settings::JoiningTitle) />
        <StaffOnly>
            <header class="page-head">
                <div>
                    <h1>{i18n.t(Settings::JoiningTitle)}</h1>
                    <p class="page-head__intro"><A href="/admin/settings">{i18n.t(Common::NavSettings)}</A></p>
                </div>
            </header>
            <div class="settings">
                <InviteForm />
                <RegistrationQueue />
            </div>
        </StaffOnly>
    }
}
