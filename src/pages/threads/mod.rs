mod new_thread_page;
mod thread_articles;
mod thread_page;
mod threads_page;

pub use new_thread_page::NewThreadPage;
pub use thread_page::ThreadPage;
pub use threads_page::ThreadsPage;
