//! What a rendered post may contain. There is no variant for raw HTML: markup a member typed
//! can only ever reach the page as text, and a URL can only be stored once it passed the scheme
//! check in [`SafeUrl`].

/// A block of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph (`<p>`).
    Paragraph(Vec<Inline>),
    /// Inline content without a paragraph around it: the text of a tight list item.
    Plain(Vec<Inline>),
    /// A heading, already demoted so a post never outranks the page: level 3 to 6.
    Heading { level: u8, content: Vec<Inline> },
    /// A block quote.
    Quote(Vec<Block>),
    /// A code block; `language` is a token that is safe as part of a class name.
    Code { language: Option<String>, text: String },
    /// A list: `start` is the first number of an ordered list, `None` for a bulleted one.
    List { start: Option<u64>, items: Vec<Vec<Block>> },
    /// A thematic break (`<hr>`).
    Rule,
}

/// Content inside a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Text, shown as typed (raw HTML included).
    Text(String),
    /// A code span.
    Code(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    /// A link; links with an unsafe target are kept as their content only.
    Link {
        href: SafeUrl,
        title: String,
        content: Vec<Inline>,
    },
    /// An image; images with an unsafe source are kept as their alternative text only.
    Image {
        src: SafeUrl,
        alt: String,
        title: String,
    },
    SoftBreak,
    HardBreak,
}

/// A URL that passed the scheme check: `http:`, `https:` or `mailto:`, or a path on this site
/// (`/…` but not `//…`) or a fragment (`#…`). Images accept only `http:` and `https:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeUrl {
    url: String,
    web: bool,
}

impl SafeUrl {
    /// A link target, if its scheme is allowed.
    pub fn link(raw: &str) -> Option<Self> {
        let kind = url_kind(raw)?;
        Some(Self { url: raw.trim_matches(ignored_by_browsers).to_owned(), web: kind == UrlKind::Web })
    }

    /// An image source, if it is an `http:` or `https:` URL.
    pub fn image(raw: &str) -> Option<Self> {
        Self::link(raw).filter(|url| url.web)
    }

    /// The URL to put in `href` or `src`, without the spaces and control characters around it.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// Whether this is an absolute `http:`/`https:` URL (it may lead off the site).
    pub fn is_web(&self) -> bool {
        self.web
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum UrlKind {
    Web,
    Mail,
    Local,
}

/// Browsers drop tabs and line breaks anywhere in a URL and control characters around it, so
/// `java\tscript:` still runs; the check removes all of them (and spaces) before it looks.
fn ignored_by_browsers(c: char) -> bool {
    c.is_ascii_control() || c.is_ascii_whitespace()
}

fn url_kind(raw: &str) -> Option<UrlKind> {
    let cleaned: String = raw.chars().filter(|&c| !ignored_by_browsers(c)).collect();
    if cleaned.starts_with('#') {
        return Some(UrlKind::Local);
    }
    if let Some(rest) = cleaned.strip_prefix('/') {
        // `//host` and `/\host` (browsers read `\` as `/`) lead to another site.
        return (!rest.starts_with(['/', '\\'])).then_some(UrlKind::Local);
    }
    let (scheme, _) = cleaned.split_once(':')?;
    if scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http") {
        Some(UrlKind::Web)
    } else if scheme.eq_ignore_ascii_case("mailto") {
        Some(UrlKind::Mail)
    } else {
        None
    }
}
