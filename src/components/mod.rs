//! Pieces that take props and render; they load nothing themselves.

pub mod account;
pub mod charts;
pub mod clipboard;
pub mod events;
pub mod feedback;
pub mod form;
pub mod groups;
pub mod ideas;
pub mod layout;
pub mod markdown;
pub mod members;
pub mod moderation;
pub mod privacy;
pub mod surveys;
pub mod threads;
