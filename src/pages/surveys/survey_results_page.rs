use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use veche_api::surveys::{Category, SurveyResults};

use crate::api::first_items;
use crate::api::surveys::{self, ResponsesQuery, ResultsFilter};
use crate::api::url::{encode, query};
use crate::components::events::calendar::Day;
use crate::components::feedback::{EmptyState, Loaded};
use crate::components::surveys::{CommentList, NpsScore, ScoreDistribution, TrendChart, source_text};
use crate::i18n::messages::common::Common;
use crate::i18n::messages::surveys::Surveys;
use crate::i18n::{I18n, use_i18n};

/// Comments shown first, and added by each "show more".
const STEP: u32 = 20;
/// The period presets, in days up to today.
const PRESETS: [(i64, Surveys); 3] = [(30, Surveys::Last30), (90, Surveys::Last90), (180, Surveys::Last180)];
const CATEGORIES: [(Category, Surveys); 3] = [
    (Category::Promoter, Surveys::Promoters),
    (Category::Passive, Surveys::Passives),
    (Category::Detractor, Surveys::Detractors),
];

/// The dashboard's view, as it stands in the address (so a filtered view can be shared).
#[derive(Clone, Debug, Default, PartialEq)]
struct View {
    filter: ResultsFilter,
    monthly: bool,
    /// Category on the wire; empty for all.
    category: String,
    search: String,
    shown: u32,
}

impl View {
    /// Reads the address's query (`get` answers a parameter).
    fn read(get: impl Fn(&str) -> Option<String>) -> View {
        let day = |name: &str| get(name).filter(|d| Day::parse(d).is_some()).unwrap_or_default();
        View {
            filter: ResultsFilter {
                from: day("from"),
                to: day("to"),
                source: get("source").unwrap_or_default(),
                segment: get("segment").unwrap_or_default(),
            },
            monthly: get("bucket").as_deref() == Some("month"),
            category: get("category").filter(|c| Category::parse_known(c).is_some()).unwrap_or_default(),
            search: get("q").unwrap_or_default(),
            shown: get("shown").and_then(|s| s.parse().ok()).unwrap_or(STEP).clamp(STEP, 500),
        }
    }

    fn bucket(&self) -> &'static str {
        if self.monthly { "month" } else { "week" }
    }

    /// The address of this view of survey `id`.
    fn href(&self, id: &str) -> String {
        let shown = if self.shown > STEP { self.shown.to_string() } else { String::new() };
        format!(
            "/admin/surveys/{}{}",
            encode(id),
            query(&[
                ("from", &self.filter.from),
                ("to", &self.filter.to),
                ("source", &self.filter.source),
                ("segment", &self.filter.segment),
                ("bucket", if self.monthly { "month" } else { "" }),
                ("category", &self.category),
                ("q", &self.search),
                ("shown", &shown),
            ])
        )
    }

    /// The same view with another period; the comments start again from the top.
    fn with_period(&self, from: String, to: String) -> View {
        View { filter: ResultsFilter { from, to, ..self.filter.clone() }, shown: STEP, ..self.clone() }
    }
}

/// The last `days` days up to `today`, as (from, to).
fn preset(days: i64, today: Day) -> (String, String) {
    (today.plus_days(1 - days).to_string(), today.to_string())
}

/// `/admin/surveys/<id>` (staff): the score and its margin, the groups, the trend, the scores'
/// spread and the comments, for a period, a site and a segment chosen in the address.
#[component]
pub fn SurveyResultsPage(
    /// The survey's id, from the address.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let query_map = use_query_map();
    let navigate = use_navigate();
    let id = Signal::stored(id);
    let view_state = Memo::new(move |_| query_map.with(|q| View::read(|name| q.get(name))));
    let survey = LocalResource::new(move || {
        let id = id.get();
        async move { surveys::survey(&id).await }
    });
    let results = LocalResource::new(move || {
        let (id, view) = (id.get(), view_state.get());
        async move { surveys::results(&id, &view.filter, view.bucket()).await }
    });
    let comments = LocalResource::new(move || {
        let (id, view) = (id.get(), view_state.get());
        let base = ResponsesQuery {
            filter: view.filter.clone(),
            category: view.category.clone(),
            search: view.search.clone(),
            ..ResponsesQuery::default()
        };
        first_items(view.shown, move |cursor, limit| {
            let (id, query) = (id.clone(), ResponsesQuery { cursor, limit: Some(limit), ..base.clone() });
            async move { surveys::responses(&id, &query).await }
        })
    });
    let apply = Callback::new(move |view: View| navigate(&view.href(&id.get_untracked()), Default::default()));
    let change = move |edit: fn(&mut View, String)| {
        move |event: leptos::ev::Event| {
            let mut view = View { shown: STEP, ..view_state.get_untracked() };
            edit(&mut view, event_target_value(&event));
            apply.run(view);
        }
    };

    // The typed dates and search follow the address (back and forward bring their own).
    let (from, to, search) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    Effect::new(move |_| {
        let view = view_state.get();
        from.set(view.filter.from);
        to.set(view.filter.to);
        search.set(view.search);
    });
    let apply_period = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        apply.run(view_state.get_untracked().with_period(from.get_untracked(), to.get_untracked()));
    };
    let apply_search = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        apply.run(View { search: search.get_untracked(), shown: STEP, ..view_state.get_untracked() });
    };
    let today = Day::today();
    // Options of a filter: every value seen in the period, and the chosen one even if not.
    let options = move |seen: fn(&SurveyResults) -> &Vec<String>, chosen: String| {
        let mut values = results.get().and_then(Result::ok).map(|r| seen(&r).clone()).unwrap_or_default();
        if !chosen.is_empty() && !values.contains(&chosen) {
            values.push(chosen);
        }
        values
    };

    view! {
        <Title text=i18n.t(Surveys::Results) />
        <div class="survey-results-page">
            <header class="page-head">
                <div>
                    <p class="page-head__intro">{i18n.t(Surveys::Results)}</p>
                    <h1>
                        {move || survey.get().and_then(Result::ok).map(|s| s.input.name)}
                    </h1>
                </div>
                <p class="page-head__links">
                    <A href="/admin/surveys">{i18n.t(Surveys::AllSurveys)}</A>
                    <A href=move || format!("/admin/surveys/{}/edit", encode(&id.get()))>{i18n.t(Surveys::Edit)}</A>
                </p>
            </header>

            <section class="survey-filters" aria-label=i18n.t(Surveys::Filters)>
                <nav class="tabs" aria-label=i18n.t(Surveys::PeriodLabel)>
                    {PRESETS.into_iter().map(|(days, text)| {
                        let (start, end) = preset(days, today);
                        let current = {
                            let (start, end) = (start.clone(), end.clone());
                            move || view_state.with(|v| v.filter.from == start && v.filter.to == end)
                        };
                        view! {
                            <a class="tabs__tab" href=move || view_state.get().with_period(start.clone(), end.clone()).href(&id.get())
                                aria-current=move || current().then_some("true")>{i18n.t(text)}</a>
                        }
                    }).collect_view()}
                    <a class="tabs__tab" href=move || view_state.get().with_period(String::new(), String::new()).href(&id.get())
                        aria-current=move || view_state.with(|v| v.filter.from.is_empty() && v.filter.to.is_empty()).then_some("true")>
                        {i18n.t(Surveys::AllTime)}
                    </a>
                </nav>
                <form class="filters" on:submit=apply_period>
                    <div class="field field--inline">
                        <label class="field__label" for="filter-from">{i18n.t(Surveys::FromLabel)}</label>
                        <input id="filter-from" class="field__input" type="date" bind:value=from />
                    </div>
                    <div class="field field--inline">
                        <label class="field__label" for="filter-to">{i18n.t(Surveys::ToLabel)}</label>
                        <input id="filter-to" class="field__input" type="date" bind:value=to />
                    </div>
                    <button type="submit" class="button button--secondary">{i18n.t(Surveys::Apply)}</button>
                </form>
                <div class="filters">
                    <SeenFilter id="filter-source" label=i18n.t(Surveys::SourceLabel) any=i18n.t(Surveys::AnySource)
                        values=Signal::derive(move || options(|r| &r.sources, view_state.with(|v| v.filter.source.clone())))
                        chosen=Signal::derive(move || view_state.with(|v| v.filter.source.clone()))
                        show=source_text on_change=change(|v, value| v.filter.source = value) />
                    <SeenFilter id="filter-segment" label=i18n.t(Surveys::SegmentLabel) any=i18n.t(Surveys::AnySegment)
                        values=Signal::derive(move || options(|r| &r.segments, view_state.with(|v| v.filter.segment.clone())))
                        chosen=Signal::derive(move || view_state.with(|v| v.filter.segment.clone()))
                        show=|_, segment| segment.to_owned() on_change=change(|v, value| v.filter.segment = value) />
                    <div class="field field--inline">
                        <label class="field__label" for="filter-bucket">{i18n.t(Surveys::BucketLabel)}</label>
                        <select id="filter-bucket" class="field__select" on:change=change(|v, value| v.monthly = value == "month")>
                            <option value="week" selected=move || !view_state.with(|v| v.monthly)>{i18n.t(Surveys::Week)}</option>
                            <option value="month" selected=move || view_state.with(|v| v.monthly)>{i18n.t(Surveys::Month)}</option>
                        </select>
                    </div>
                    <a class="button button--secondary" download
                        href=move || surveys::export_url(&id.get(), &view_state.with(|v| v.filter.clone()))>
                        {i18n.t(Surveys::ExportCsv)}
                    </a>
                </div>
            </section>

            <Loaded resource=results loading=DashboardSkeleton let:data>
                    {view! {
                    <div class="survey-dashboard">
                        <NpsScore tally=data.tally margin_of_error=data.margin_of_error />
                        <TrendChart points=data.trend monthly=data.bucket == "month" />
                        <ScoreDistribution counts=data.distribution />
                    </div>
                    }}
            </Loaded>

            <section class="survey-comments" aria-labelledby="comments-title">
                <h2 id="comments-title">{i18n.t(Surveys::Comments)}</h2>
                <div class="filters">
                    <div class="field field--inline">
                        <label class="field__label" for="filter-category">{i18n.t(Surveys::CategoryLabel)}</label>
                        <select id="filter-category" class="field__select" on:change=change(|v, value| v.category = value)>
                            <option value="" selected=move || view_state.with(|v| v.category.is_empty())>{i18n.t(Surveys::AllCategories)}</option>
                            {CATEGORIES.into_iter().map(|(category, text)| view! {
                                <option value=category.as_str() selected=move || view_state.with(|v| v.category == category.as_str())>
                                    {i18n.t(text)}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                    <form class="filters" role="search" on:submit=apply_search>
                        <div class="field field--inline">
                            <label class="field__label" for="filter-q">{i18n.t(Surveys::SearchLabel)}</label>
                            <input id="filter-q" class="field__input" type="search" bind:value=search />
                        </div>
                        <button type="submit" class="button button--secondary">{i18n.t(Surveys::Search)}</button>
                    </form>
                </div>
                <Loaded resource=comments let:page>
                    {{
                        let more = page.next_cursor.is_some();
                        if page.items.is_empty() {
                            Either::Left(view! { <EmptyState text=i18n.t(Surveys::NoComments) /> })
                        } else {
                            Either::Right(view! {
                                <CommentList responses=page.items />
                                {more.then(|| view! {
                                    <A href=move || { let v = view_state.get(); View { shown: v.shown + STEP, ..v }.href(&id.get()) }
                                        attr:class="button button--secondary load-more">{i18n.t(Surveys::More)}</A>
                                })}
                            })
                        }
                        }}
                </Loaded>
            </section>
        </div>
    }
}

/// A filter among the values the period has (sites, segments), "all" first.
#[component]
fn SeenFilter(
    /// The `<select>`'s id.
    id: &'static str,
    /// Visible label.
    label: &'static str,
    /// The text of "all".
    any: &'static str,
    /// The values offered.
    #[prop(into)]
    values: Signal<Vec<String>>,
    /// The value chosen; empty for all.
    #[prop(into)]
    chosen: Signal<String>,
    /// How a value reads.
    show: fn(I18n, &str) -> String,
    /// Told the change.
    on_change: impl Fn(leptos::ev::Event) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field field--inline">
            <label class="field__label" for=id>{label}</label>
            <select id=id class="field__select" on:change=on_change>
                <option value="" selected=move || chosen.with(String::is_empty)>{any}</option>
                {move || values.get().into_iter().map(|value| {
                    let selected = chosen.with(|c| *c == value);
                    view! { <option value=value.clone() selected=selected>{show(i18n, &value)}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The dashboard's cards before the numbers come: the same boxes, so nothing moves when they do.
#[component]
fn DashboardSkeleton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="survey-dashboard survey-dashboard--loading" role="status">
            <span class="visually-hidden">{i18n.t(Common::Loading)}</span>
            {["nps-score", "nps-split", "trend", "distribution"].map(|card| view! {
                <div class=format!("survey-card survey-card--skeleton {card}") aria-hidden="true"></div>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> View {
        View::read(|name| pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| value.to_string()))
    }

    #[test]
    fn the_view_round_trips_through_the_address() {
        let view = read(&[
            ("from", "2026-06-01"),
            ("to", "2026-11-30"),
            ("source", "https://shop.example.com"),
            ("bucket", "month"),
            ("category", "detractor"),
            ("q", "slow app"),
            ("shown", "40"),
        ]);
        assert!(view.monthly);
        assert_eq!(view.bucket(), "month");
        let href = view.href("s1");
        assert_eq!(
            href,
            "/admin/surveys/s1?from=2026-06-01&to=2026-11-30&source=https%3A%2F%2Fshop.example.com&bucket=month&category=detractor&q=slow%20app&shown=40"
        );
    }

    #[test]
    fn nonsense_in_the_address_is_ignored() {
        let view = read(&[("from", "yesterday"), ("category", "fan"), ("shown", "9999"), ("bucket", "year")]);
        assert_eq!(view.filter.from, "");
        assert_eq!(view.category, "");
        assert_eq!(view.shown, 500);
        assert_eq!(view.bucket(), "week");
        assert_eq!(read(&[]).href("s1"), "/admin/surveys/s1");
    }

    #[test]
    fn presets_end_today_and_count_today() {
        let today = Day::parse("2026-12-02").unwrap();
        assert_eq!(preset(30, today), ("2026-11-03".to_owned(), "2026-12-02".to_owned()));
        let view = read(&[("shown", "60"), ("q", "x")]).with_period("2026-11-03".into(), "2026-12-02".into());
        assert_eq!((view.shown, view.search.as_str()), (STEP, "x"));
    }
}
