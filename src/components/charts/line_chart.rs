//! Values over periods as an inline SVG with one line per series, drawn here: the geometry is
//! plain Rust (tested natively), the component only writes it out. Every chart comes with its
//! story in words and its values as a table, for those who cannot see the lines.

use leptos::prelude::*;

/// The drawing's own units (the SVG scales to its box, keeping this shape).
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;
/// Most period labels under the chart; more would overlap on a phone.
const MAX_LABELS: usize = 4;

/// One series: a line (or only a column of the table) with one value per period.
#[derive(Clone, Debug)]
pub struct ChartSeries {
    /// The table's column header and the legend's entry.
    pub name: String,
    /// One per period, oldest first; `None` (no data) breaks the line instead of pretending zero.
    pub values: Vec<Option<f64>>,
    /// Drawn as a line; otherwise only in the table (the answers behind a score).
    pub drawn: bool,
    /// How a value reads in the table.
    pub show: fn(f64) -> String,
}

/// The vertical range and where its grid lines go.
#[derive(Clone, Debug)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    /// Values with a grid line and a label, top first.
    pub ticks: Vec<f64>,
    /// How a tick's value reads.
    pub show: fn(f64) -> String,
}

impl Scale {
    /// From zero up to a round number at or above `largest`, with four steps of 1, 2 or 5 × 10ⁿ.
    pub fn counts(largest: f64) -> Scale {
        let mut step = 1.0;
        while step * 4.0 < largest {
            step = next_step(step);
        }
        let ticks = (0..=4).rev().map(|i| f64::from(i) * step).collect();
        Scale { min: 0.0, max: step * 4.0, ticks, show: whole }
    }

    /// Where a value sits vertically: `max` at the top, `min` at the bottom.
    fn y_of(&self, value: f64) -> f64 {
        let span = (self.max - self.min).max(f64::EPSILON);
        TOP + (self.max - value.clamp(self.min, self.max)) / span * (HEIGHT - TOP - BOTTOM)
    }
}

/// The round step after `step`: 1, 2, 5, 10, 20, 50, …
fn next_step(step: f64) -> f64 {
    let magnitude = 10f64.powf(step.log10().floor());
    match (step / magnitude).round() as u32 {
        1 => 2.0 * magnitude,
        2 => 5.0 * magnitude,
        _ => 10.0 * magnitude,
    }
}

/// A count as shown: a whole number.
pub fn whole(value: f64) -> String {
    format!("{}", value.round() as i64)
}

/// Where the `index`-th of `count` periods sits horizontally (a single one in the middle).
fn x_of(index: usize, count: usize) -> f64 {
    if count <= 1 {
        return LEFT + (WIDTH - LEFT - RIGHT) / 2.0;
    }
    LEFT + index as f64 * (WIDTH - LEFT - RIGHT) / (count - 1) as f64
}

/// A line's runs: consecutive periods with a value are joined; one without breaks the line.
fn runs(values: &[Option<f64>], scale: &Scale) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (index, value) in values.iter().enumerate() {
        match value {
            Some(value) => current.push((x_of(index, values.len()), scale.y_of(*value))),
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

/// The values that tell a line's story: `[first, last, lowest, highest]`, rounded; `None` when
/// no period has a value.
pub fn story(values: &[Option<f64>]) -> Option<[i32; 4]> {
    let values: Vec<i32> = values.iter().flatten().map(|v| v.round() as i32).collect();
    let (first, last) = (*values.first()?, *values.last()?);
    Some([first, last, *values.iter().min()?, *values.iter().max()?])
}

/// Values over periods with a heading, the summary in words and the table.
#[component]
pub fn LineChart(
    /// The heading.
    #[prop(into)]
    title: String,
    /// The heading's id, unique on the page; the chart's test id is `<id>-chart`.
    id: &'static str,
    /// The periods' names, oldest first.
    periods: Vec<String>,
    /// The table's header over the periods.
    #[prop(into)]
    period_header: String,
    /// The series, in the order of the legend and the table's columns.
    series: Vec<ChartSeries>,
    /// The vertical range.
    scale: Scale,
    /// What the chart shows, in words (also the image's accessible name).
    #[prop(into)]
    summary: String,
    /// Extra classes of the card (its size in a grid).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let count = periods.len();
    let drawn: Vec<(usize, &ChartSeries)> = series.iter().filter(|s| s.drawn).enumerate().collect();
    let legend = (drawn.len() > 1).then(|| {
        view! {
            <ul class="chart__legend">
                {drawn.iter().map(|(index, line)| view! {
                    <li>
                        <svg class="chart__swatch" viewBox="0 0 24 8" aria-hidden="true">
                            <line class=format!("chart__line chart__line--{index}") x1="0" x2="24" y1="4" y2="4" />
                        </svg>
                        {line.name.clone()}
                    </li>
                }).collect_view()}
            </ul>
        }
    });
    let lines = drawn
        .iter()
        .map(|(index, line)| {
            let class = format!("chart__line chart__line--{index}");
            runs(&line.values, &scale).into_iter().map(move |run| {
                let path = run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
                let class = class.clone();
                view! {
                    <polyline class=class.clone() points=path />
                    {run.into_iter().map(|(x, y)| view! { <circle class=class.clone() cx=x cy=y r="5" /> }).collect_view()}
                }
            }).collect_view()
        })
        .collect_view();
    let grid = scale
        .ticks
        .iter()
        .map(|&tick| {
            let y = scale.y_of(tick);
            view! {
                <line class="chart__grid" class:chart__zero=tick == 0.0 && scale.min < 0.0 x1=LEFT x2=WIDTH - RIGHT y1=y y2=y />
                <text x=LEFT - 8.0 y=y + 5.0 text-anchor="end">{(scale.show)(tick)}</text>
            }
        })
        .collect_view();
    let labels = labelled(count)
        .into_iter()
        .map(|index| {
            // The last label ends at its point, so a long one ("Dec 2026") is not cut at the edge.
            let anchor = if index + 1 == count && count > 1 { "end" } else { "middle" };
            view! { <text x=x_of(index, count) y=HEIGHT - 12.0 text-anchor=anchor>{periods[index].clone()}</text> }
        })
        .collect_view();
    view! {
        <section class=format!("survey-card chart {class}") aria-labelledby=format!("{id}-title")>
            <h2 class="survey-card__title" id=format!("{id}-title")>{title.clone()}</h2>
            {legend}
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=summary.clone()
                data-testid=format!("{id}-chart")>
                {grid}
                {labels}
                {lines}
            </svg>
            <p class="nps-score__note">{summary}</p>
            // A table is as wide as its cells whatever its width says: the clipping box around it
            // keeps it from widening a narrow page.
            <div class="visually-hidden">
                <table>
                    <caption>{title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{period_header}</th>
                            {series.iter().map(|s| view! { <th scope="col">{s.name.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {periods.iter().enumerate().map(|(row, period)| view! {
                            <tr>
                                <th scope="row">{period.clone()}</th>
                                {series.iter().map(|s| view! {
                                    <td>{s.values[row].map(s.show).unwrap_or_else(|| "—".to_owned())}</td>
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nps_scale() -> Scale {
        Scale { min: -100.0, max: 100.0, ticks: vec![100.0, 0.0, -100.0], show: whole }
    }

    #[test]
    fn values_map_from_the_top_down() {
        let scale = nps_scale();
        assert_eq!(scale.y_of(100.0), TOP);
        assert_eq!(scale.y_of(-100.0), HEIGHT - BOTTOM);
        assert_eq!(scale.y_of(0.0), (TOP + HEIGHT - BOTTOM) / 2.0);
        assert_eq!(scale.y_of(250.0), TOP, "out of range stays on the chart");
        assert_eq!(x_of(0, 5), LEFT);
        assert_eq!(x_of(4, 5), WIDTH - RIGHT);
    }

    #[test]
    fn periods_without_values_break_the_line() {
        let scale = nps_scale();
        let runs = runs(&[Some(10.0), Some(20.0), None, Some(-5.0), None], &scale);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].len(), 2);
        assert_eq!(runs[1], vec![(x_of(3, 5), scale.y_of(-5.0))]);
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
        assert_eq!(story(&[Some(12.4), None, Some(-30.6), Some(41.5)]), Some([12, 42, -31, 42]));
        assert_eq!(story(&[None]), None);
    }

    #[test]
    fn count_scales_end_on_a_round_number_at_or_above_the_largest() {
        assert_eq!(Scale::counts(0.0).ticks, [4.0, 3.0, 2.0, 1.0, 0.0]);
        assert_eq!(Scale::counts(4.0).max, 4.0);
        assert_eq!(Scale::counts(5.0).ticks, [8.0, 6.0, 4.0, 2.0, 0.0]);
        assert_eq!(Scale::counts(15.0).max, 20.0);
        assert_eq!(Scale::counts(21.0).max, 40.0);
        assert_eq!(Scale::counts(320.0).max, 400.0);
        assert_eq!(whole(2.6), "3");
    }
}
