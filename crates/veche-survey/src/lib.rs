//! Veche's NPS survey as a Leptos component: the 0–10 question, a follow-up that depends on the
//! score's group, and a thank-you. The embed frame (`widget/`) and the community app's in-app
//! banner both show it; each decides where answers go through the component's callbacks.
//!
//! Its stylesheet is a plain file, `style/survey.css`, for both to include. The accent colour
//! comes from the `--veche-survey-accent` custom property (text on it: `--veche-survey-on-accent`).

mod accent;
mod community_link;
mod follow_up_step;
mod links;
mod nps_survey;
mod score_step;
mod texts;
mod thanks_step;

pub use accent::accent_colours;
pub use links::Community;
pub use nps_survey::NpsSurvey;
pub use texts::{Text, follow_up_question, question};
