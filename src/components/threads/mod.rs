//! The pieces of discussions: rows of lists, posts, kudos, the reply composer, sharing.

mod discussion;
mod kudos_button;
mod markdown_editor;
mod pending_posts;
mod post_view;
mod reply_pager;
mod share_menu;
mod thread_row;

pub use discussion::{Discussion, linked_reply, reveal};
pub use kudos_button::KudosButton;
pub use markdown_editor::MarkdownEditor;
pub use pending_posts::PendingPosts;
pub use post_view::{PostKind, PostModel, PostView};
pub use reply_pager::ReplyPager;
pub use share_menu::ShareMenu;
pub use thread_row::ThreadRow;
