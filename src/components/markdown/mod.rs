mod markdown_view;

pub use markdown_view::Markdown;
