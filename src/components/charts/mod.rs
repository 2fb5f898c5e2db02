//! Small inline SVG charts, each with its summary in words and its values as a table.

mod line_chart;

pub use line_chart::{ChartSeries, LineChart, Scale, story, whole};
