use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use veche_api::kpis::{self as contract, DEFAULT_MONTHS, KpiMonth};
use veche_api::surveys::TrendPoint;

use super::participation_card::ParticipationCard;
use crate::api::kpis;
use crate::components::charts::{ChartSeries, LineChart, Scale, whole};
use crate::components::feedback::{ErrorView, Loaded, Loading};
use crate::components::surveys::{TrendChart, survey_styles};
use crate::i18n::format::intl_date;
use crate::i18n::messages::kpis::{self as texts, Kpis};
use crate::i18n::{I18n, use_i18n};
use crate::state::session::use_session;

/// The page's address for a period (the default one has no query).
fn href(months: u32) -> String {
    if months == DEFAULT_MONTHS { "/admin/kpis".to_owned() } else { format!("/admin/kpis?months={months}") }
}

/// The period named in the address; anything the contract does not offer is the default.
fn months_of(query: Option<String>) -> u32 {
    query.and_then(|m| m.parse().ok()).filter(|m| contract::is_period(*m)).unwrap_or(DEFAULT_MONTHS)
}

/// `/admin/kpis` (staff): the share of active members and, per month, ideas, events and the
/// NPS, for the last 6 or 12 months (`?months=12`).
#[component]
pub fn KpisPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let staff = Memo::new(move |_| session.account().is_some_and(|a| a.member.access.is_staff()));
    let query = use_query_map();
    let months = Memo::new(move |_| months_of(query.with(|q| q.get("months"))));
    let styles = LocalResource::new(|| async {
        let _ = survey_styles().await;
    });
    let data = LocalResource::new(move || {
        let months = months.get();
        async move { kpis::kpis(months).await }
    });
    view! {
        <Title text=i18n.t(Kpis::Title) />
        <Show when=move || styles.get().is_some() fallback=Loading>
            <Show when=move || staff.get() fallback=move || view! { <StaffOnlyNotice /> }>
                <header class="page-head">
                    <div>
                        <h1>{i18n.t(Kpis::Title)}</h1>
                        <p class="page-head__intro">{i18n.t(Kpis::Intro)}</p>
                    </div>
                </header>
                <nav class="tabs" aria-label=i18n.t(Kpis::PeriodLabel)>
                    {[(6, Kpis::Last6), (12, Kpis::Last12)].map(|(period, text)| view! {
                        <a class="tabs__tab" href=href(period)
                            aria-current=move || (months.get() == period).then_some("true")>{i18n.t(text)}</a>
                    }).collect_view()}
                </nav>
                <Loaded resource=data let:kpis>
                    {view! {
                        <div class="survey-dashboard">
                            <ParticipationCard participation=kpis.participation />
                            {month_charts(i18n, &kpis.series)}
                        </div>
                        }}
                </Loaded>
            </Show>
        </Show>
    }
}

/// What a member who is not staff sees instead (the server refuses them anyway).
#[component]
fn StaffOnlyNotice() -> impl IntoView {
    let i18n = use_i18n();
    let forbidden = crate::api::ApiError::Forbidden { code: veche_api::ProblemCode::Unknown, detail: None };
    view! {
        <h1>{i18n.t(Kpis::StaffOnly)}</h1>
        <p>{i18n.t(Kpis::StaffOnlyText)}</p>
        <ErrorView error=forbidden />
    }
}

/// A line of a counts chart: its name and the count it draws from each month.
type Line = (Kpis, fn(&KpiMonth) -> u64);

/// The ideas', events' and NPS charts of the months.
fn month_charts(i18n: I18n, series: &[KpiMonth]) -> impl IntoView + use<> {
    let locale = i18n.locale();
    let names: Vec<String> = series
        .iter()
        .map(|m| {
            intl_date(
                &format!("{}-01T12:00:00Z", m.month),
                locale,
                &[("month", "short"), ("year", "numeric")],
                Some("UTC"),
            )
        })
        .collect();
    let counts = |title: Kpis, id: &'static str, lines: [Line; 2]| {
        let columns = lines.map(|(name, value)| ChartSeries {
            name: i18n.t(name).to_owned(),
            values: series.iter().map(|m| Some(value(m) as f64)).collect(),
            drawn: true,
            show: whole,
        });
        let totals = lines.map(|(name, value)| (i18n.t(name), series.iter().map(value).sum::<u64>()));
        let busiest = series
            .iter()
            .zip(&names)
            .map(|(m, name)| (name.as_str(), lines[0].1(m)))
            .filter(|(_, n)| *n > 0)
            .max_by_key(|(_, n)| *n);
        let span = (names.first().map_or("", String::as_str), names.last().map_or("", String::as_str));
        let largest = columns.iter().flat_map(|c| c.values.iter().flatten()).fold(0.0, |a: f64, b| a.max(*b));
        view! {
            <LineChart
                title=i18n.t(title)
                id=id
                class="trend"
                periods=names.clone()
                period_header=i18n.t(Kpis::Month)
                scale=Scale::counts(largest)
                summary=texts::totals_summary(locale, i18n.t(title), span, totals, busiest)
                series=columns.to_vec()
            />
        }
    };
    let nps: Vec<TrendPoint> = series
        .iter()
        .map(|m| TrendPoint { period_start: format!("{}-01", m.month), tally: m.nps_tally, nps: m.nps })
        .collect();
    view! {
        {counts(Kpis::Ideas, "kpi-ideas", [(Kpis::Proposed, |m| m.ideas_proposed), (Kpis::Implemented, |m| m.ideas_implemented)])}
        {counts(Kpis::Events, "kpi-events", [(Kpis::Held, |m| m.events_held), (Kpis::Attendance, |m| m.attendance)])}
        <TrendChart points=nps monthly=true title=i18n.t(Kpis::NpsByMonth) />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_comes_from_the_address_and_goes_back_into_it() {
        assert_eq!(months_of(None), 6);
        assert_eq!(months_of(Some("12".into())), 12);
        assert_eq!(months_of(Some("7".into())), 6);
        assert_eq!(months_of(Some("x".into())), 6);
        assert_eq!(href(6), "/admin/kpis");
        assert_eq!(href(12), "/admin/kpis?months=12");
    }
}
