use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use veche_api::events::{CancelRequest, EventDetail, ReportRequest, RsvpState, RsvpStatus, map_link};
use veche_api::members::Photo;

use crate::api::events;
use crate::components::events::{AddToCalendar, EventWhen, RsvpPanel};
use crate::components::feedback::{EmptyState, Loaded, error_message};
use crate::components::form::{FormAlert, FormState, TextField};
use crate::components::groups::gated_failure;
use crate::components::markdown::Markdown;
use crate::components::members::PhotoGallery;
use crate::components::members::{AuthorCard, Avatar};
use crate::components::threads::MarkdownEditor;
use crate::i18n::format::parse_millis;
use crate::i18n::messages::events::{self as texts, Events, kind_text};
use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;
use crate::state::session::use_session;

/// `/events/<id>?occurrence=`: an event at one of its dates — when (in the viewer's and the
/// event's time zones), where, who organises and who goes, the RSVP, calendar links, the report
/// afterwards, and the staff's tools.
#[component]
pub fn EventPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let occurrence = Memo::new(move |_| query.with(|q| q.get("occurrence").unwrap_or_default()));
    let event = LocalResource::new(move || {
        let (id, occurrence) = (id.get(), occurrence.get());
        async move { events::event(&id, &occurrence).await }
    });
    let attendees = LocalResource::new(move || {
        let (id, occurrence) = (id.get(), occurrence.get());
        async move { events::attendees(&id, &occurrence).await }
    });
    let changed = Callback::new(move |updated: EventDetail| event.set(Some(Ok(updated))));
    // The join link is only handed to those going: ask again once the answer changes that.
    let answered = Callback::new(move |state: RsvpState| {
        attendees.refetch();
        let online = event.with_untracked(|e| matches!(e, Some(Ok(e)) if e.online));
        if online && state.status == RsvpStatus::Going {
            event.refetch();
        }
    });

    view! {
        <Title text=move || event.get().and_then(Result::ok).map(|e| e.title).unwrap_or_default() />
        <Loaded resource=event failure=gated_failure let:data>
            {{
                let locale = i18n.locale();
                let over = parse_millis(&data.ends_at).is_some_and(|end| end <= js_sys::Date::now());
                let series = data.recurrence.is_some();
                let guest = session.signed_in() == Some(false);
                let state = RsvpState {
                    status: data.my_status.unwrap_or(RsvpStatus::Unknown),
                    waitlist_position: data.waitlist_position,
                    going_count: data.going_count,
                    capacity: data.capacity,
                };
                let photos: Vec<Photo> = data.photos.iter().enumerate().map(|(index, p)| Photo {
                    id: index.to_string(),
                    url: p.url.clone(),
                    caption: p.caption.clone(),
                    width: p.width,
                    height: p.height,
                }).collect();
                let place = [data.address.clone(), data.city.clone(), data.region.clone()].into_iter().flatten()
                    .filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join(", ");
                let map = map_link(data.address.as_deref().unwrap_or_default(), data.city.as_deref().unwrap_or_default());
                let description = data.description.clone();
                let report = data.report.clone().filter(|r| !r.trim().is_empty());
                let article_link = report_article_link(&data, report.is_some());
                view! {
                    <article class="event-page" class:event-page--cancelled=data.cancelled>
                        <header class="event-page__head">
                            <p class="event-page__kind">
                                {i18n.t(kind_text(data.kind))}
                                {data.cancelled.then(|| view! { " · "<strong class="event-page__cancelled">{i18n.t(Events::Cancelled)}</strong> })}
                            </p>
                            <h1 class="event-page__title">{data.title.clone()}</h1>
                        </header>
                        {data.cancelled.then(|| view! {
                            <p class="notice event-page__reason" role="note">
                                {i18n.t(Events::CancelledBecause)}" "{data.cancel_reason.clone().unwrap_or_default()}
                            </p>
                        })}
                        <div class="event-page__facts">
                            <EventWhen starts_at=data.starts_at.clone() ends_at=data.ends_at.clone() all_day=data.all_day
                                time_zone=data.time_zone.clone() />
                            {data.recurrence.as_ref().map(|r| view! { <p class="event-page__series">{texts::recurrence(locale, r)}</p> })}
                            <dl class="event-page__where">
                                <dt>{i18n.t(Events::Where)}</dt>
                                {(!place.is_empty()).then(|| view! {
                                    <dd>{place.clone()}" "<a href=map target="_blank" rel="noopener noreferrer">{i18n.t(Events::ShowOnMap)}</a></dd>
                                })}
                                {data.online.then(|| view! {
                                    <dd>
                                        {i18n.t(Events::OnlineEvent)}" · "
                                        {match data.online_url.clone() {
                                            Some(url) => leptos::either::Either::Left(view! {
                                                <a href=url target="_blank" rel="noopener noreferrer">{i18n.t(Events::JoinOnline)}</a>
                                            }),
                                            None => leptos::either::Either::Right(view! {
                                                <span class="field__hint">{i18n.t(Events::JoinWhenGoing)}</span>
                                            }),
                                        }}
                                    </dd>
                                })}
                            </dl>
                            <div class="event-page__organizer">
                                <p class="event-page__label">{i18n.t(Events::Organizer)}</p>
                                <AuthorCard member=data.organizer.clone() />
                            </div>
                        </div>
                        <Markdown source=Signal::derive(move || description.clone()) />
                        <RsvpPanel
                            event_id=data.id.clone()
                            occurrence=series.then(|| data.starts_at.clone())
                            whole_series_allowed=series && data.capacity.is_none()
                            state=state
                            open=data.permissions.rsvp || (guest && !data.cancelled && !over)
                            on_answered=answered
                        />
                        {(data.waitlist_count > 0).then(|| view! {
                            <p class="event-page__waitlist">{texts::waitlisted(locale, data.waitlist_count)}</p>
                        })}
                        <AddToCalendar event=data.clone() />
                        <section class="attendees" aria-labelledby="attendees-title">
                            <h2 id="attendees-title">{i18n.t(Events::Attendees)}</h2>
                            {move || attendees.get().and_then(Result::ok).map(|page| if page.items.is_empty() {
                                leptos::either::Either::Left(view! { <EmptyState text=i18n.t(Events::NoAttendees) /> })
                            } else {
                                leptos::either::Either::Right(view! {
                                    <ul class="attendees__list">
                                        {page.items.into_iter().map(|m| view! {
                                            <li class="attendees__item">
                                                <A href=format!("/members/{}", crate::api::url::encode(&m.handle)) attr:class="attendees__link">
                                                    <Avatar name=m.display_name.clone() handle=m.handle.clone() url=m.avatar_url.clone() size=32 />
                                                    <span>{m.display_name.clone()}</span>
                                                </A>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                })
                            })}
                        </section>
                        {(report.is_some() || !photos.is_empty()).then(|| view! {
                            <section class="event-report" aria-labelledby="report-title">
                                <h2 id="report-title">{i18n.t(Events::Report)}</h2>
                                {report.clone().map(|text| view! { <Markdown source=Signal::derive(move || text.clone()) /> })}
                                {article_link.clone().map(|(href, text)| view! { <p class="event-report__article"><A href=href>{i18n.t(text)}</A></p> })}
                                {(!photos.is_empty()).then(|| view! { <PhotoGallery photos=photos.clone() /> })}
                            </section>
                        })}
                        {data.permissions.manage.then(|| view! { <StaffTools event=data.clone() on_changed=changed /> })}
                    </article>
                }
                }}
        </Loaded>
    }
}

/// The report's link to the knowledge base: the article made from it, or for staff the way to
/// make one.
fn report_article_link(event: &EventDetail, has_report: bool) -> Option<(String, Kb)> {
    match &event.article {
        Some(article) => Some((format!("/kb/articles/{}", article.id), Kb::ReadArticle)),
        None if has_report && event.permissions.manage => {
            Some((format!("/kb/new?event={}", event.id), Kb::MakeArticle))
        }
        None => None,
    }
}

/// Edit, cancel with a reason, and the report afterwards: for staff.
#[component]
fn StaffTools(
    /// The event managed.
    event: EventDetail,
    /// Told the event's new state.
    on_changed: Callback<EventDetail>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let report = RwSignal::new(event.report.clone().unwrap_or_default());
    let form = FormState::new();
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let id = StoredValue::new(event.id.clone());
    let cancel = move |_| {
        form.clear();
        let request = CancelRequest { reason: reason.get_untracked().trim().to_owned() };
        if let Some(issue) = veche_api::validate::text(&request.reason, 3, 500) {
            let mut errors = veche_api::validate::FieldErrors::new();
            errors.add("reason", issue);
            form.check(&errors, i18n.locale());
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match events::cancel(&id.get_value(), &request).await {
                Ok(updated) => on_changed.run(updated),
                Err(error) => form.show_error(&error),
            }
            busy.set(false);
        });
    };
    let photo_input = NodeRef::<leptos::html::Input>::new();
    let caption = RwSignal::new(String::new());
    let photo_note = RwSignal::new(None::<String>);
    let add_photo = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(file) = photo_input.get_untracked().and_then(|input| input.files()).and_then(|files| files.get(0))
        else {
            return;
        };
        photo_note.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            match events::add_photo(&id.get_value(), &caption.get_untracked(), &file).await {
                Ok(updated) => {
                    caption.set(String::new());
                    photo_note.set(Some(i18n.t(Events::PhotoAdded).to_owned()));
                    on_changed.run(updated);
                }
                Err(error) => photo_note.set(Some(error_message(i18n, &error))),
            }
            busy.set(false);
        });
    };
    let publish = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        saved.set(false);
        let request = ReportRequest { report: report.get_untracked() };
        busy.set(true);
        leptos::task::spawn_local(async move {
            match events::report(&id.get_value(), &request).await {
                Ok(updated) => {
                    saved.set(true);
                    on_changed.run(updated);
                }
                Err(error) => form.show_error(&error),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="staff-tools" aria-labelledby="staff-tools-title">
            <h2 id="staff-tools-title">{i18n.t(Events::Manage)}</h2>
            <p><A href=format!("/events/{}/edit", event.id) attr:class="button button--secondary">{i18n.t(Events::EditEvent)}</A></p>
            <form class="form form--wide" on:submit=publish novalidate>
                <FormAlert message=form.alert() />
                {(!event.cancelled).then(|| view! {
                    <TextField label=i18n.t(Events::CancelReason) name="reason" value=reason error=form.field("reason") />
                    <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=cancel>
                        {i18n.t(Events::CancelEvent)}
                    </button>
                })}
                <MarkdownEditor label=i18n.t(Events::ReportLabel) name="report" value=report error=form.field("report")
                    max=veche_api::events::DESCRIPTION_MAX rows=5 />
                <button type="submit" class="button" disabled=move || busy.get()>{i18n.t(Events::PublishReport)}</button>
                <p role="status">{move || saved.get().then(|| i18n.t(Events::ReportSaved))}</p>
            </form>
            <form class="form form--wide" on:submit=add_photo novalidate>
                <div class="field">
                    <label class="field__label" for="report-photo">{i18n.t(Events::PhotoLabel)}</label>
                    <input id="report-photo" class="file-input" type="file" accept="image/png,image/jpeg,image/gif,image/webp"
                        node_ref=photo_input />
                </div>
                <TextField label=i18n.t(Events::PhotoCaption) name="photo_caption" value=caption error=Signal::derive(|| None::<String>) />
                <button type="submit" class="button button--secondary" disabled=move || busy.get()>{i18n.t(Events::AddPhoto)}</button>
                <p role="status">{move || photo_note.get()}</p>
            </form>
        </section>
    }
}
