use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use veche_api::ideas::{Idea, IdeaStatus, MergeRequest, StatusUpdate};
use veche_api::moderation::TargetKind;

use crate::api::ideas;
use crate::components::feedback::{EmptyState, Loaded};
use crate::components::form::{FormAlert, FormState, TextField};
use crate::components::groups::gated_failure;
use crate::components::ideas::{StatusChip, VoteButton, VotesLeft};
use crate::components::markdown::Markdown;
use crate::components::members::{AuthorCard, Avatar};
use crate::components::moderation::{HiddenMark, ReportButton, shown_title};
use crate::components::threads::{Discussion, MarkdownEditor};
use crate::i18n::format::{DateStyle, date};
use crate::i18n::messages::ideas::{self as texts, Ideas, status_text};
use crate::i18n::messages::moderation::Moderation;
use crate::i18n::use_i18n;
use crate::state::outbox::use_outbox;
use crate::state::session::use_session;
use crate::state::votes::use_votes;
use veche_api::validate::{FieldErrors, Issue};

/// `/ideas/<id>`: the idea, its votes and voters, its history of statuses with official answers,
/// duplicates and related ideas, the staff's tools, and the comments (a discussion like a
/// thread's, with the same components).
#[component]
pub fn IdeaPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let idea = LocalResource::new(move || {
        let id = id.get();
        async move { ideas::idea(&id).await }
    });
    let voters = LocalResource::new(move || {
        let id = id.get();
        async move { ideas::voters(&id).await }
    });
    // A comment reached the server: the count changed (and the page may have failed to load
    // while offline).
    use_outbox().on_delivered_where(
        move |topic| {
            idea.with_untracked(|i| matches!(i, Some(Ok(i)) if topic == format!("thread:{}", i.discussion_id)))
        },
        move |_| idea.refetch(),
    );
    // The member's own vote reached the server: they are among the voters now (or no longer).
    use_outbox()
        .on_delivered_where(move |topic| topic == format!("vote:{}", id.get_untracked()), move |_| voters.refetch());

    view! {
        <Title text=move || idea.get().and_then(Result::ok).map(|i| shown_title(&i.title, i.hidden)).unwrap_or_default() />
        <Loaded resource=idea failure=gated_failure let:data>
            {{
                let locale = i18n.locale();
                let own = session.account().is_some_and(|a| a.member.id == data.author.id);
                let base = format!("/ideas/{}", data.id);
                let manage = data.permissions.manage.then(|| view! {
                    <StaffTools idea=data.clone() on_changed=Callback::new(move |updated: Idea| idea.set(Some(Ok(updated)))) />
                });
                view! {
                    <article class="idea-page">
                        <header class="idea-page__head">
                            <VoteButton idea_id=data.id.clone() count=data.vote_count voted=data.voted open=data.status.is_open() && (data.permissions.vote || data.group.is_none()) />
                            <div>
                                <p class="idea-page__meta">
                                    <StatusChip status=data.status />" · "{data.category.name.clone()}
                                    " · "<span>{i18n.t(Ideas::IdeaNumber)}" "{data.id.clone()}</span>
                                </p>
                                <h1>{shown_title(&data.title, data.hidden)}</h1>
                                {data.status.is_open().then(|| view! { <VotesLeft /> })}
                            </div>
                        </header>
                        {data.merged_into.clone().map(|target| view! {
                            <p class="notice">{i18n.t(Ideas::MergedInto)}" "
                                <A href=format!("/ideas/{}", target.id)>{target.title}</A></p>
                        })}
                        <div class="idea-page__author">
                            <AuthorCard member=data.author.clone() />
                            <time datetime=data.created_at.clone()>{date(&data.created_at, locale, DateStyle::Long, None)}</time>
                        </div>
                        {if data.hidden && data.body.is_empty() {
                            Either::Left(view! { <p class="post__deleted">{i18n.t(Moderation::HiddenPlaceholder)}</p> })
                        } else {
                            Either::Right(view! {
                                {data.hidden.then(|| view! { <HiddenMark kind=TargetKind::Idea id=data.id.clone() /> })}
                                <Markdown source=Signal::derive({ let body = data.body.clone(); move || body.clone() }) />
                                {(!own).then(|| view! { <ReportButton kind=TargetKind::Idea id=data.id.clone() /> })}
                            })
                        }}
                        {(!data.history.is_empty()).then(|| view! {
                            <section class="history" aria-labelledby="history-title">
                                <h2 id="history-title">{i18n.t(Ideas::History)}</h2>
                                <ol class="history__list">
                                    {data.history.iter().map(|change| { let answer = change.answer.clone(); view! {
                                        <li class="history__item">
                                            <p class="history__head">
                                                <StatusChip status=change.status />" · "
                                                <time datetime=change.created_at.clone()>{date(&change.created_at, locale, DateStyle::Long, None)}</time>
                                                " · "{change.author.display_name.clone()}
                                            </p>
                                            {(!answer.is_empty()).then(|| view! {
                                                <div class="history__answer">
                                                    <p class="history__label">{i18n.t(Ideas::OfficialAnswer)}</p>
                                                    <Markdown source=Signal::derive(move || answer.clone()) />
                                                </div>
                                            })}
                                        </li>
                                    }}).collect_view()}
                                </ol>
                            </section>
                        })}
                        {(!data.duplicates.is_empty()).then(|| view! {
                            <section class="idea-links" aria-labelledby="duplicates-title"><h2 id="duplicates-title">{i18n.t(Ideas::Duplicates)}</h2>
                                <ul>{data.duplicates.iter().cloned().map(|d| view! {
                                    <li><A href=format!("/ideas/{}", d.id)>{d.title}</A></li>
                                }).collect_view()}</ul>
                            </section>
                        })}
                        {(!data.related.is_empty()).then(|| view! {
                            <section class="idea-links" aria-labelledby="related-title"><h2 id="related-title">{i18n.t(Ideas::Related)}</h2>
                                <ul>{data.related.iter().cloned().map(|r| view! {
                                    <li><A href=format!("/ideas/{}", r.id)>{r.title}</A>" "<StatusChip status=r.status />
                                        " · "{texts::votes(locale, r.vote_count)}</li>
                                }).collect_view()}</ul>
                            </section>
                        })}
                        <section class="voters" aria-labelledby="voters-title">
                            <h2 id="voters-title">{i18n.t(Ideas::Voters)}</h2>
                            {move || voters.get().and_then(Result::ok).map(|page| {
                                let shown = page.items.len() as i64;
                                view! {
                                    {(data.vote_count == 0).then(|| view! { <EmptyState text=i18n.t(Ideas::NoVotesYet) /> })}
                                    <ul class="voters__list">
                                        {page.items.into_iter().map(|m| {
                                            let (href, title) = (format!("/members/{}", m.handle), m.display_name.clone());
                                            view! {
                                                <li><A href=href attr:title=title>
                                                    <Avatar name=m.display_name.clone() handle=m.handle.clone() url=m.avatar_url.clone() size=32 />
                                                    <span class="visually-hidden">{m.display_name.clone()}</span>
                                                </A></li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                    {(shown < data.vote_count).then(|| view! { <p class="field__hint">{i18n.t(Ideas::VotersHidden)}</p> })}
                                }
                            })}
                        </section>
                        {manage}
                        <Discussion
                            thread_id=data.discussion_id.clone()
                            total=data.comment_count
                            base=base
                            heading=i18n.t(Ideas::Comments)
                            can_reply=data.permissions.comment
                        />
                    </article>
                }
                }}
        </Loaded>
    }
}

/// The idea a staff member names to merge into: its number, `#12`, or a link to it.
fn idea_number(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('/');
    let tail = text.rsplit(['/', '#']).next().unwrap_or_default();
    (!tail.is_empty() && tail.chars().all(|c| c.is_ascii_digit())).then(|| tail.to_owned())
}

/// Status with an official answer, and merging duplicates: for staff.
#[component]
fn StaffTools(
    /// The idea managed.
    idea: Idea,
    /// Told the idea's new state.
    on_changed: Callback<Idea>,
) -> impl IntoView {
    let i18n = use_i18n();
    let votes = use_votes();
    let status = RwSignal::new(idea.status.as_str().to_owned());
    let answer = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let merge_answer = RwSignal::new(String::new());
    let (status_form, merge_form) = (FormState::new(), FormState::new());
    let busy = RwSignal::new(false);
    let id = StoredValue::new(idea.id.clone());
    // Closing an idea gives its votes back, maybe the staff member's own.
    let changed = move |updated: Idea| {
        votes.reload();
        on_changed.run(updated);
    };
    let change_status = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        status_form.clear();
        let update =
            StatusUpdate { status: IdeaStatus::parse(&status.get_untracked()), answer: answer.get_untracked() };
        if !status_form.check(&veche_api::ideas::check_status_update(&update), i18n.locale()) {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match ideas::set_status(&id.get_value(), &update).await {
                Ok(updated) => {
                    answer.set(String::new());
                    changed(updated);
                }
                Err(error) => status_form.show_error(&error),
            }
            busy.set(false);
        });
    };
    let merge = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        merge_form.clear();
        let Some(into_id) = idea_number(&target.get_untracked()) else {
            let mut errors = FieldErrors::new();
            errors.add(
                "into_id",
                if target.with_untracked(|t| t.trim().is_empty()) { Issue::Required } else { Issue::Invalid },
            );
            merge_form.check(&errors, i18n.locale());
            return;
        };
        let request = MergeRequest { into_id, answer: merge_answer.get_untracked() };
        busy.set(true);
        leptos::task::spawn_local(async move {
            match ideas::merge(&id.get_value(), &request).await {
                Ok(updated) => changed(updated),
                Err(error) => merge_form.show_error(&error),
            }
            busy.set(false);
        });
    };
    let mergeable = idea.status != IdeaStatus::Duplicate;
    view! {
        <section class="staff-tools" aria-labelledby="staff-tools-title">
            <h2 id="staff-tools-title">{i18n.t(Ideas::Manage)}</h2>
            {mergeable.then(|| view! {
                <form class="form form--wide" on:submit=change_status novalidate>
                    <FormAlert message=status_form.alert() />
                    <div class="field">
                        <label class="field__label" for="field-status">{i18n.t(Ideas::NewStatus)}</label>
                        <select id="field-status" class="field__select" on:change=move |e| status.set(event_target_value(&e))>
                            {IdeaStatus::KNOWN.iter().filter(|s| **s != IdeaStatus::Duplicate).map(|&s| view! {
                                <option value=s.as_str() selected=move || status.get() == s.as_str()>{i18n.t(status_text(s))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <MarkdownEditor label=i18n.t(Ideas::AnswerLabel) name="answer" value=answer error=status_form.field("answer") max=veche_api::ideas::ANSWER_MAX rows=4 />
                    <p class="field__hint">{i18n.t(Ideas::AnswerHint)}</p>
                    <button type="submit" class="button" disabled=move || busy.get()>{i18n.t(Ideas::ChangeStatus)}</button>
                </form>
                <form class="form form--wide staff-tools__merge" on:submit=merge novalidate>
                    <h3>{i18n.t(Ideas::MergeTitle)}</h3>
                    <FormAlert message=merge_form.alert() />
                    <TextField label=i18n.t(Ideas::MergeLabel) name="into_id" value=target error=merge_form.field("into_id") hint=i18n.t(Ideas::MergeHint) />
                    <MarkdownEditor label=i18n.t(Ideas::MergeAnswerLabel) name="merge-answer" value=merge_answer error=merge_form.field("answer") max=veche_api::ideas::ANSWER_MAX rows=3 />
                    <button type="submit" class="button button--secondary" disabled=move || busy.get()>{i18n.t(Ideas::Merge)}</button>
                </form>
            })}
            {(!mergeable).then(|| view! { <p>{i18n.t(Ideas::MergedKeepsStatus)}</p> })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::idea_number;

    #[test]
    fn an_idea_is_named_by_number_or_link() {
        assert_eq!(idea_number("12").as_deref(), Some("12"));
        assert_eq!(idea_number(" #12 ").as_deref(), Some("12"));
        assert_eq!(idea_number("https://community.example.com/ideas/12").as_deref(), Some("12"));
        assert_eq!(idea_number("/ideas/12/").as_deref(), Some("12"));
        assert_eq!(idea_number(""), None);
        assert_eq!(idea_number("dark mode"), None);
        assert_eq!(idea_number("/ideas/new"), None);
    }
}
