//! The NPS over time: the shared line chart on the score's scale, with the answers behind each
//! point in its table.

use leptos::prelude::*;
use veche_api::surveys::TrendPoint;

use crate::components::charts::{ChartSeries, LineChart, Scale, story};
use crate::i18n::format::intl_date;
use crate::i18n::messages::surveys::{self as texts, Surveys};
use crate::i18n::use_i18n;

/// −100 to +100, a line every 50 points.
fn nps_scale() -> Scale {
    Scale {
        min: -100.0,
        max: 100.0,
        ticks: vec![100.0, 50.0, 0.0, -50.0, -100.0],
        show: |score| texts::signed_score(score.round() as i32),
    }
}

/// The NPS per week or month, with a text summary and the values as a table for those who
/// cannot see the line.
#[component]
pub fn TrendChart(
    /// The periods, oldest first.
    points: Vec<TrendPoint>,
    /// Monthly rather than weekly periods.
    monthly: bool,
    /// The heading; "Trend" when not given.
    #[prop(optional, into)]
    title: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let period_name = move |start: &str| {
        let options: &[(&str, &str)] = if monthly {
            &[("month", "short"), ("year", "numeric")]
        } else {
            &[("month", "short"), ("day", "numeric")]
        };
        intl_date(&format!("{start}T12:00:00Z"), locale, options, Some("UTC"))
    };
    let scores: Vec<Option<f64>> = points.iter().map(|p| p.nps).collect();
    let summary = match (story(&scores), points.first(), points.last()) {
        (Some(scores), Some(first), Some(last)) => texts::trend_summary(
            locale,
            monthly,
            (&period_name(&first.period_start), &period_name(&last.period_start)),
            scores,
        ),
        _ => i18n.t(Surveys::NoAnswers).to_owned(),
    };
    let series = vec![
        ChartSeries {
            name: i18n.t(Surveys::Answers).to_owned(),
            values: points.iter().map(|p| Some(p.tally.total() as f64)).collect(),
            drawn: false,
            show: crate::components::charts::whole,
        },
        ChartSeries { name: i18n.t(Surveys::Nps).to_owned(), values: scores, drawn: true, show: nps_scale().show },
    ];
    view! {
        <LineChart
            title=title.unwrap_or_else(|| i18n.t(Surveys::Trend).to_owned())
            id="trend"
            class="trend"
            periods=points.iter().map(|p| period_name(&p.period_start)).collect()
            period_header=i18n.t(Surveys::PeriodStart)
            series=series
            scale=nps_scale()
            summary=summary
        />
    }
}
