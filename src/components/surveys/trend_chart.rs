//! The NPS over time as an inline SVG line, drawn here: the geometry is plain Rust (tested
//! natively), the component only writes it out.

use leptos::prelude::*;
use veche_api::surveys::TrendPoint;

use crate::i18n::format::intl_date;
use crate::i18n::messages::surveys::{self as texts, Surveys};
use crate::i18n::use_i18n;

/// The drawing's own units (the SVG scales to its box, keeping this shape).
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;
/// Most period labels under the chart; more would overlap on a phone.
const MAX_LABELS: usize = 6;

/// Where a score sits vertically: +100 at the top, −100 at the bottom.
fn y_of(score: f64) -> f64 {
    TOP + (100.0 - score.clamp(-100.0, 100.0)) / 200.0 * (HEIGHT - TOP - BOTTOM)
}

/// Where the `index`-th of `count` periods sits horizontally (a single one in the middle).
fn x_of(index: usize, count: usize) -> f64 {
    if count <= 1 {
        return LEFT + (WIDTH - LEFT - RIGHT) / 2.0;
    }
    LEFT + index as f64 * (WIDTH - LEFT - RIGHT) / (count - 1) as f64
}

/// The line's runs: consecutive periods with answers are joined; a period without any breaks
/// the line instead of pretending it was zero.
fn runs(points: &[TrendPoint]) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (index, point) in points.iter().enumerate() {
        match point.nps {
            Some(score) => current.push((x_of(index, points.len()), y_of(score))),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// Which periods get a label: evenly spread, the first and the last always.
fn labelled(count: usize) -> Vec<usize> {
    if count <= MAX_LABELS {
        return (0..count).collect();
    }
    let step = (count - 1) as f64 / (MAX_LABELS - 1) as f64;
    (0..MAX_LABELS).map(|i| (i as f64 * step).round() as usize).collect()
}

/// The scores that tell the story: `[first, last, lowest, highest]`, rounded; `None` when no
/// period has answers.
fn story(points: &[TrendPoint]) -> Option<[i32; 4]> {
    let scores: Vec<i32> = points.iter().filter_map(|p| p.nps).map(|s| s.round() as i32).collect();
    let (first, last) = (*scores.first()?, *scores.last()?);
    Some([first, last, *scores.iter().min()?, *scores.iter().max()?])
}

/// The NPS per week or month, with a text summary and the values as a table for those who
/// cannot see the line.
#[component]
pub fn TrendChart(
    /// The periods, oldest first.
    points: Vec<TrendPoint>,
    /// Monthly rather than weekly periods.
    monthly: bool,
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
    let summary = match (story(&points), points.first(), points.last()) {
        (Some(scores), Some(first), Some(last)) => texts::trend_summary(
            locale,
            monthly,
            (&period_name(&first.period_start), &period_name(&last.period_start)),
            scores,
        ),
        _ => i18n.t(Surveys::NoAnswers).to_owned(),
    };
    let grid = [100, 50, 0, -50, -100];
    let count = points.len();
    let lines = runs(&points);
    view! {
        <section class="survey-card trend" aria-labelledby="trend-title">
            <h2 class="survey-card__title" id="trend-title">{i18n.t(Surveys::Trend)}</h2>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=summary.clone()
                data-testid="trend-chart">
                {grid.map(|score| {
                    let y = y_of(score as f64);
                    view! {
                        <line class:zero=score == 0 x1=LEFT x2=WIDTH - RIGHT y1=y y2=y />
                        <text x=LEFT - 8.0 y=y + 5.0 text-anchor="end">{texts::signed_score(score)}</text>
                    }
                }).collect_view()}
                {labelled(count).into_iter().map(|index| view! {
                    <text x=x_of(index, count) y=HEIGHT - 12.0 text-anchor="middle">
                        {period_name(&points[index].period_start)}
                    </text>
                }).collect_view()}
                {lines.into_iter().map(|run| {
                    let path = run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
                    view! {
                        <polyline points=path />
                        {run.into_iter().map(|(x, y)| view! { <circle cx=x cy=y r="5" /> }).collect_view()}
                    }
                }).collect_view()}
            </svg>
            <p class="nps-score__note">{summary}</p>
            <table class="visually-hidden">
                <caption>{i18n.t(Surveys::Trend)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(Surveys::PeriodStart)}</th>
                        <th scope="col">{i18n.t(Surveys::Answers)}</th>
                        <th scope="col">{i18n.t(Surveys::Nps)}</th>
                    </tr>
                </thead>
                <tbody>
                    {points.iter().map(|point| view! {
                        <tr>
                            <th scope="row">{period_name(&point.period_start)}</th>
                            <td>{point.tally.total()}</td>
                            <td>{point.nps.map(|s| texts::signed_score(s.round() as i32)).unwrap_or_else(|| "—".to_owned())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use veche_api::surveys::Tally;

    fn point(start: &str, nps: Option<f64>) -> TrendPoint {
        TrendPoint { period_start: start.into(), tally: Tally::default(), nps }
    }

    #[test]
    fn scores_map_from_the_top_down() {
        assert_eq!(y_of(100.0), TOP);
        assert_eq!(y_of(-100.0), HEIGHT - BOTTOM);
        assert_eq!(y_of(0.0), (TOP + HEIGHT - BOTTOM) / 2.0);
        assert_eq!(y_of(250.0), TOP, "out of range stays on the chart");
        assert_eq!(x_of(0, 5), LEFT);
        assert_eq!(x_of(4, 5), WIDTH - RIGHT);
    }

    #[test]
    fn periods_without_answers_break_the_line() {
        let points = [
            point("a", Some(10.0)),
            point("b", Some(20.0)),
            point("c", None),
            point("d", Some(-5.0)),
            point("e", None),
        ];
        let runs = runs(&points);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].len(), 2);
        assert_eq!(runs[1], vec![(x_of(3, 5), y_of(-5.0))]);
    }

    #[test]
    fn labels_are_spread_and_include_both_ends() {
        assert_eq!(labelled(3), [0, 1, 2]);
        let many = labelled(26);
        assert_eq!(many.len(), MAX_LABELS);
        assert_eq!((many[0], many[MAX_LABELS - 1]), (0, 25));
    }

    #[test]
    fn the_story_is_first_last_lowest_highest() {
        let points = [point("a", Some(12.4)), point("b", None), point("c", Some(-30.6)), point("d", Some(41.5))];
        assert_eq!(story(&points), Some([12, 42, -31, 42]));
        assert_eq!(story(&[point("a", None)]), None);
    }
}
