mod checkbox_field;
mod form_alert;
mod form_state;
mod secret_fields;
mod select_field;
mod text_field;

pub use checkbox_field::CheckboxField;
pub use form_alert::FormAlert;
pub use form_state::{FormMessage, FormState};
pub use secret_fields::{EmailField, PasswordField};
pub use select_field::SelectField;
pub use text_field::TextField;
