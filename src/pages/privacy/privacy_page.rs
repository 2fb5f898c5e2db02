use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::member_request::MemberRequest;
use super::setting_form::SettingForm;
use crate::api::{self, first_items};
use crate::components::feedback::{EmptyState, Loaded, StaffOnly};
use crate::components::privacy::LogRow;
use crate::i18n::messages::privacy::Privacy;
use crate::i18n::use_i18n;

/// How many more lines "Load more" shows.
const LOG_STEP: u32 = 20;

/// `/admin/privacy` (staff): the community's choice for deleted members' content, acting on a
/// member's request (`?member=<handle>` comes from the member's profile), and the log.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(Privacy::AdminTitle) />
        <StaffOnly>
            <PrivacyPanels />
        </StaffOnly>
    }
}

/// The page's sections, loaded only for staff.
#[component]
fn PrivacyPanels() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let requested = query.with_untracked(|q| q.get("member")).unwrap_or_default();
    let settings = LocalResource::new(api::privacy::settings);
    let shown = RwSignal::new(LOG_STEP);
    let log = LocalResource::new(move || first_items(shown.get(), api::privacy::log));
    view! {
            <section class="account-page">
                <h1>{i18n.t(Privacy::AdminTitle)}</h1>
                <p class="page-head__intro">{i18n.t(Privacy::AdminIntro)}</p>
                <Loaded resource=settings let:current>
                    {{
                        // The form below says what a deletion does: it follows a saved change.
                        let choice = RwSignal::new(current.deleted_content);
                        view! {
                            <section class="privacy-section" aria-labelledby="privacy-setting-title">
                                <h2 id="privacy-setting-title">{i18n.t(Privacy::SettingTitle)}</h2>
                                <SettingForm choice=choice />
                            </section>
                            <section class="privacy-section" aria-labelledby="privacy-request-title">
                                <h2 id="privacy-request-title">{i18n.t(Privacy::RequestTitle)}</h2>
                                <p>{i18n.t(Privacy::RequestIntro)}</p>
                                <MemberRequest initial=requested.clone() choice=choice on_done=move |_| log.refetch() />
                            </section>
                        }
                        }}
                </Loaded>
                <section class="privacy-section" aria-labelledby="privacy-log-title">
                    <h2 id="privacy-log-title">{i18n.t(Privacy::LogTitle)}</h2>
                    <Loaded resource=log let:page>
                        {{
                            let more = page.next_cursor.is_some();
                            view! {
                                {page.items.is_empty().then(|| view! { <EmptyState text=i18n.t(Privacy::LogEmpty) /> })}
                                <ol class="privacy-log">
                                    {page.items.into_iter().map(|entry| view! { <LogRow entry=entry /> }).collect_view()}
                                </ol>
                                {more.then(|| view! {
                                    <button type="button" class="button button--secondary" on:click=move |_| shown.update(|n| *n += LOG_STEP)>
                                        {i18n.t(Privacy::LoadMore)}
                                    </button>
                                })}
                            }
                            }}
                    </Loaded>
                </section>
            </section>
    }
}
