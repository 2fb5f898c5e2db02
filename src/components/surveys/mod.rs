mod comment_list;
mod embed_snippets;
mod nps_score;
mod score_distribution;
mod survey_form;
mod trend_chart;

pub use crate::stylesheets::survey_styles;
pub use comment_list::{CommentList, source_text};
pub use embed_snippets::EmbedSnippets;
pub use nps_score::NpsScore;
pub use score_distribution::ScoreDistribution;
pub use survey_form::{SurveyDraft, SurveyForm};
pub use trend_chart::TrendChart;
