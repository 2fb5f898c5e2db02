//! Markdown written by members (posts, replies, ideas, bios, articles), made safe to show.
//!
//! `pulldown-cmark` parses the text; its events become the small typed model in [`model`],
//! which has no way to hold raw HTML or an unchecked URL. [`dom`] then builds the page's nodes
//! from that model one `createElement` at a time: nothing is ever parsed as HTML by the browser.

pub mod dom;
mod model;

#[cfg(test)]
mod xss_corpus;

pub use model::{Block, Inline, SafeUrl};

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag};

/// How deeply quotes, lists and inline formatting may nest; deeper markers are ignored (their
/// content stays) so a hostile post cannot exhaust the stack while it is built, shown or dropped.
const MAX_NESTING: usize = 16;

/// Longest language name kept on a code block.
const MAX_LANGUAGE_LEN: usize = 32;

/// Parses CommonMark (plus `~~strikethrough~~`) into blocks. Raw HTML becomes text, links
/// with an unsafe target keep only their text, images with an unsafe source only their
/// alternative text, and headings are demoted by two levels (`#` becomes level 3).
pub fn parse(source: &str) -> Vec<Block> {
    let mut stack = vec![Frame::new(Container::Root)];
    for event in Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH) {
        let depth = stack.len();
        let Some(top) = stack.last_mut() else {
            break;
        };
        match event {
            Event::Start(tag) => {
                let container = container_for(tag, &top.container, depth);
                match container {
                    Some(container) => stack.push(Frame::new(container)),
                    None => top.absorbed += 1,
                }
            }
            Event::End(_) => {
                if top.absorbed > 0 {
                    top.absorbed -= 1;
                } else if stack.len() > 1
                    && let Some(frame) = stack.pop()
                    && let Some(parent) = stack.last_mut()
                {
                    frame.close_into(parent);
                }
            }
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                push_inline(&mut top.inlines, Inline::Text(text.into_string()));
            }
            Event::Code(code) => top.inlines.push(Inline::Code(code.into_string())),
            Event::SoftBreak => top.inlines.push(Inline::SoftBreak),
            Event::HardBreak => top.inlines.push(Inline::HardBreak),
            Event::Rule => top.push_block(Block::Rule),
            // Math, footnotes and task lists are not enabled; keep whatever text they carry.
            Event::InlineMath(text) | Event::DisplayMath(text) | Event::FootnoteReference(text) => {
                push_inline(&mut top.inlines, Inline::Text(text.into_string()));
            }
            Event::TaskListMarker(_) => {}
        }
    }
    // The parser balances its events, so only the root is left; close anything else anyway.
    while stack.len() > 1
        && let Some(frame) = stack.pop()
        && let Some(parent) = stack.last_mut()
    {
        frame.close_into(parent);
    }
    stack
        .pop()
        .map(|mut root| {
            root.flush_inlines();
            root.blocks
        })
        .unwrap_or_default()
}

/// The text of a document for previews in lists: formatting dropped, whitespace collapsed, and
/// at most `max_chars` characters, cut after a whole word and ended with "…" when shortened.
pub fn plain_excerpt(source: &str, max_chars: usize) -> String {
    let mut text = String::new();
    collect_block_text(&parse(source), &mut text);
    veche_api::excerpt::shorten(&text, max_chars)
}

fn collect_block_text(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(content) | Block::Plain(content) | Block::Heading { content, .. } => {
                collect_inline_text(content, out);
            }
            Block::Quote(inner) => collect_block_text(inner, out),
            Block::Code { text, .. } => out.push_str(text),
            Block::List { items, .. } => {
                for item in items {
                    collect_block_text(item, out);
                }
            }
            Block::Rule => {}
        }
        out.push(' ');
    }
}

fn collect_inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Emphasis(content)
            | Inline::Strong(content)
            | Inline::Strikethrough(content)
            | Inline::Link { content, .. } => collect_inline_text(content, out),
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
        }
    }
}

/// The element being built while its events arrive.
enum Container {
    Root,
    Paragraph,
    Heading(u8),
    Quote,
    Code(Option<String>),
    HtmlBlock,
    List(Option<u64>),
    Item,
    Emphasis,
    Strong,
    Strikethrough,
    /// A link whose target failed the check is still collected, then kept as its content.
    Link(Option<SafeUrl>, String),
    Image(Option<SafeUrl>, String),
}

struct Frame {
    container: Container,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    items: Vec<Vec<Block>>,
    /// Start events folded into this frame (ignored markers); their end events are skipped.
    absorbed: usize,
}

/// What a start tag opens, or `None` to ignore the marker and keep its content in the parent.
fn container_for(tag: Tag<'_>, parent: &Container, depth: usize) -> Option<Container> {
    // An image's content is only its alternative text: nothing inside it needs a frame.
    if matches!(parent, Container::Image(..)) {
        return None;
    }
    let deep = depth > MAX_NESTING;
    Some(match tag {
        Tag::Paragraph => Container::Paragraph,
        Tag::Heading { level, .. } => Container::Heading((level as u8 + 2).min(6)),
        Tag::CodeBlock(kind) => Container::Code(match kind {
            CodeBlockKind::Fenced(info) => language_token(&info),
            CodeBlockKind::Indented => None,
        }),
        Tag::HtmlBlock => Container::HtmlBlock,
        Tag::Image { dest_url, title, .. } => Container::Image(SafeUrl::image(&dest_url), title.into_string()),
        Tag::Item if matches!(parent, Container::List(_)) => Container::Item,
        Tag::BlockQuote(_) if !deep => Container::Quote,
        Tag::List(start) if !deep => Container::List(start),
        Tag::Emphasis if !deep => Container::Emphasis,
        Tag::Strong if !deep => Container::Strong,
        Tag::Strikethrough if !deep => Container::Strikethrough,
        Tag::Link { link_type, dest_url, title, .. } if !deep => {
            let href = if link_type == LinkType::Email {
                SafeUrl::link(&["mailto:", &dest_url].concat())
            } else {
                SafeUrl::link(&dest_url)
            };
            Container::Link(href, title.into_string())
        }
        _ => return None,
    })
}

/// The first word of a fenced block's info string, if it is made only of characters that are
/// harmless in a class name.
fn language_token(info: &str) -> Option<String> {
    let word = info.split_whitespace().next()?;
    let harmless =
        word.len() <= MAX_LANGUAGE_LEN && word.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-_.#".contains(&b));
    harmless.then(|| word.to_owned())
}

/// Appends, joining neighbouring texts (the parser splits text at entities and brackets).
fn push_inline(inlines: &mut Vec<Inline>, inline: Inline) {
    if let (Inline::Text(text), Some(Inline::Text(previous))) = (&inline, inlines.last_mut()) {
        previous.push_str(text);
    } else {
        inlines.push(inline);
    }
}

impl Frame {
    fn new(container: Container) -> Self {
        Self { container, blocks: Vec::new(), inlines: Vec::new(), items: Vec::new(), absorbed: 0 }
    }

    /// Inline content directly in a block container (a tight list item) becomes a plain block.
    fn flush_inlines(&mut self) {
        if !self.inlines.is_empty() {
            let inlines = std::mem::take(&mut self.inlines);
            self.blocks.push(Block::Plain(inlines));
        }
    }

    fn push_block(&mut self, block: Block) {
        self.flush_inlines();
        self.blocks.push(block);
    }

    fn text(self) -> String {
        let mut text = String::new();
        collect_inline_text(&self.inlines, &mut text);
        text
    }

    /// Finishes this element and adds it to its parent.
    fn close_into(mut self, parent: &mut Frame) {
        match self.container {
            Container::Root => {}
            Container::Paragraph => parent.push_block(Block::Paragraph(self.inlines)),
            Container::Heading(level) => parent.push_block(Block::Heading { level, content: self.inlines }),
            Container::Code(ref mut language) => {
                let language = language.take();
                parent.push_block(Block::Code { language, text: self.text() });
            }
            Container::HtmlBlock => {
                let html = self.text();
                parent.push_block(Block::Paragraph(vec![Inline::Text(html.trim_end().to_owned())]));
            }
            Container::Quote => {
                self.flush_inlines();
                parent.push_block(Block::Quote(self.blocks));
            }
            Container::List(start) => {
                // Items are the only children the parser gives a list; anything else would
                // become an item of its own rather than vanish.
                self.flush_inlines();
                if !self.blocks.is_empty() {
                    self.items.push(std::mem::take(&mut self.blocks));
                }
                parent.push_block(Block::List { start, items: self.items });
            }
            Container::Item => {
                self.flush_inlines();
                parent.items.push(self.blocks);
            }
            Container::Emphasis => parent.inlines.push(Inline::Emphasis(self.inlines)),
            Container::Strong => parent.inlines.push(Inline::Strong(self.inlines)),
            Container::Strikethrough => parent.inlines.push(Inline::Strikethrough(self.inlines)),
            Container::Link(Some(href), title) => {
                parent.inlines.push(Inline::Link { href, title, content: self.inlines })
            }
            Container::Link(None, _) => {
                for inline in self.inlines {
                    push_inline(&mut parent.inlines, inline);
                }
            }
            Container::Image(ref mut src, ref mut title) => {
                let (src, title) = (src.take(), std::mem::take(title));
                let alt = self.text();
                match src {
                    Some(src) => parent.inlines.push(Inline::Image { src, alt, title }),
                    None => push_inline(&mut parent.inlines, Inline::Text(alt)),
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn text(value: &str) -> Inline {
        Inline::Text(value.to_owned())
    }

    fn paragraph(content: Vec<Inline>) -> Block {
        Block::Paragraph(content)
    }

    fn link(href: &str, content: Vec<Inline>) -> Inline {
        Inline::Link { href: SafeUrl::link(href).expect("a safe URL"), title: String::new(), content }
    }

    /// The scheme rule restated independently of `SafeUrl`, to check the parser's output:
    /// first what a browser reads of a URL (no spaces or control characters, any case).
    fn as_browsers_read_it(url: &str) -> String {
        url.chars().filter(|&c| c > ' ' && c != '\u{7f}').collect::<String>().to_ascii_lowercase()
    }

    fn allowed_link(url: &str) -> bool {
        let url = as_browsers_read_it(url);
        ["http:", "https:", "mailto:", "#"].iter().any(|prefix| url.starts_with(prefix))
            || (url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/\\"))
    }

    fn allowed_image(url: &str) -> bool {
        let url = as_browsers_read_it(url);
        url.starts_with("http:") || url.starts_with("https:")
    }

    /// Every URL, language and level in the model obeys the rules, and nesting stays bounded.
    fn check_blocks(blocks: &[Block], depth: usize) {
        assert!(depth <= MAX_NESTING + 4, "nesting {depth}");
        for block in blocks {
            match block {
                Block::Paragraph(content) | Block::Plain(content) => {
                    check_inlines(content, depth + 1);
                }
                Block::Heading { level, content } => {
                    assert!((3..=6).contains(level), "heading level {level}");
                    check_inlines(content, depth + 1);
                }
                Block::Quote(inner) => check_blocks(inner, depth + 1),
                Block::Code { language, .. } => {
                    if let Some(language) = language {
                        assert!(!language.is_empty() && language.len() <= MAX_LANGUAGE_LEN);
                        assert!(
                            language.chars().all(|c| c.is_ascii_alphanumeric() || "+-_.#".contains(c)),
                            "language {language:?}"
                        );
                    }
                }
                Block::List { items, .. } => {
                    for item in items {
                        check_blocks(item, depth + 2);
                    }
                }
                Block::Rule => {}
            }
        }
    }

    fn check_inlines(inlines: &[Inline], depth: usize) {
        assert!(depth <= MAX_NESTING + 4, "nesting {depth}");
        for inline in inlines {
            match inline {
                Inline::Emphasis(content) | Inline::Strong(content) | Inline::Strikethrough(content) => {
                    check_inlines(content, depth + 1);
                }
                Inline::Link { href, content, .. } => {
                    assert!(allowed_link(href.as_str()), "link to {:?}", href.as_str());
                    assert_eq!(href.is_web(), allowed_image(href.as_str()), "{:?}", href.as_str());
                    check_inlines(content, depth + 1);
                }
                Inline::Image { src, .. } => {
                    assert!(allowed_image(src.as_str()), "image from {:?}", src.as_str());
                }
                Inline::Text(_) | Inline::Code(_) | Inline::SoftBreak | Inline::HardBreak => {}
            }
        }
    }

    /// Parses and checks that nothing in the result can run: the model has no HTML variant, so
    /// markup can only be text; what is left to check are the URLs and the class token.
    pub(crate) fn assert_inert(source: &str) -> Vec<Block> {
        let blocks = parse(source);
        check_blocks(&blocks, 0);
        blocks
    }

    // --- elements ---------------------------------------------------------------------------

    #[test]
    fn paragraphs_and_breaks() {
        assert_eq!(
            parse("one\ntwo  \nthree\\\nfour\n\nfive"),
            vec![
                paragraph(vec![
                    text("one"),
                    Inline::SoftBreak,
                    text("two"),
                    Inline::HardBreak,
                    text("three"),
                    Inline::HardBreak,
                    text("four"),
                ]),
                paragraph(vec![text("five")]),
            ]
        );
        assert_eq!(parse(""), vec![]);
    }

    #[test]
    fn emphasis_strong_strikethrough_and_code_spans() {
        assert_eq!(
            parse("*a* **b** ~~c~~ `x < y` ***d***"),
            vec![paragraph(vec![
                Inline::Emphasis(vec![text("a")]),
                text(" "),
                Inline::Strong(vec![text("b")]),
                text(" "),
                Inline::Strikethrough(vec![text("c")]),
                text(" "),
                Inline::Code("x < y".to_owned()),
                text(" "),
                Inline::Emphasis(vec![Inline::Strong(vec![text("d")])]),
            ])]
        );
    }

    #[test]
    fn code_blocks_keep_a_class_safe_language_only() {
        assert_eq!(
            parse("```rust ignore\nfn main() {}\n<b>\n```"),
            vec![Block::Code { language: Some("rust".to_owned()), text: "fn main() {}\n<b>\n".to_owned() }]
        );
        assert_eq!(
            parse("~~~c++\nx\n~~~\n\n```\"><script>\nx\n```"),
            vec![
                Block::Code { language: Some("c++".to_owned()), text: "x\n".to_owned() },
                Block::Code { language: None, text: "x\n".to_owned() },
            ]
        );
        assert_eq!(
            parse("    indented\n    code"),
            vec![Block::Code { language: None, text: "indented\ncode".to_owned() }]
        );
        let long = format!("```{}\nx\n```", "a".repeat(MAX_LANGUAGE_LEN + 1));
        assert!(matches!(parse(&long).as_slice(), [Block::Code { language: None, .. }]));
    }

    #[test]
    fn links_keep_safe_targets_and_titles() {
        assert_eq!(
            parse("[a *b*](https://example.com/x?y=1 \"T\")"),
            vec![paragraph(vec![Inline::Link {
                href: SafeUrl::link("https://example.com/x?y=1").expect("safe"),
                title: "T".to_owned(),
                content: vec![text("a "), Inline::Emphasis(vec![text("b")])],
            }])]
        );
        assert_eq!(
            parse("[t](/threads/1) [top](#top) [mail](mailto:a@example.com)"),
            vec![paragraph(vec![
                link("/threads/1", vec![text("t")]),
                text(" "),
                link("#top", vec![text("top")]),
                text(" "),
                link("mailto:a@example.com", vec![text("mail")]),
            ])]
        );
        assert_eq!(
            parse("[ref][r] and [r]\n\n[r]: http://example.com"),
            vec![paragraph(vec![
                link("http://example.com", vec![text("ref")]),
                text(" and "),
                link("http://example.com", vec![text("r")]),
            ])]
        );
    }

    #[test]
    fn unsafe_links_keep_only_their_text() {
        for source in [
            "[click *me*](javascript:alert(1))",
            "[click *me*](//evil.example)",
            "[click *me*](relative/path)",
            "[click *me*](ftp://example.com)",
        ] {
            assert_eq!(
                parse(source),
                vec![paragraph(vec![text("click "), Inline::Emphasis(vec![text("me")])])],
                "{source}"
            );
        }
    }

    #[test]
    fn autolinks_work_for_web_and_mail() {
        assert_eq!(
            parse("<https://example.com/a> <someone@example.com>"),
            vec![paragraph(vec![
                link("https://example.com/a", vec![text("https://example.com/a")]),
                text(" "),
                link("mailto:someone@example.com", vec![text("someone@example.com")]),
            ])]
        );
        assert_eq!(parse("<javascript:alert(1)>"), vec![paragraph(vec![text("javascript:alert(1)")])]);
        // Bare URLs are not links: the GitHub extension is off.
        assert_eq!(parse("see https://example.com"), vec![paragraph(vec![text("see https://example.com")])]);
    }

    #[test]
    fn images_need_http_and_keep_their_alt_text() {
        assert_eq!(
            parse("![a *cat*](https://example.com/cat.png \"Cat\")"),
            vec![paragraph(vec![Inline::Image {
                src: SafeUrl::image("https://example.com/cat.png").expect("safe"),
                alt: "a cat".to_owned(),
                title: "Cat".to_owned(),
            }])]
        );
        for source in [
            "![a *cat*](/cat.png)",
            "![a *cat*](javascript:alert(1))",
            "![a *cat*](data:image/png;base64,AAAA)",
            "![a *cat*](mailto:a@example.com)",
        ] {
            assert_eq!(parse(source), vec![paragraph(vec![text("a cat")])], "{source}");
        }
        assert_eq!(
            parse("[![logo](https://example.com/l.png)](https://example.com)"),
            vec![paragraph(vec![link(
                "https://example.com",
                vec![Inline::Image {
                    src: SafeUrl::image("https://example.com/l.png").expect("safe"),
                    alt: "logo".to_owned(),
                    title: String::new(),
                }]
            )])]
        );
    }

    #[test]
    fn lists_ordered_with_start_unordered_tight_loose_and_nested() {
        assert_eq!(
            parse("3. three\n4. four"),
            vec![Block::List {
                start: Some(3),
                items: vec![vec![Block::Plain(vec![text("three")])], vec![Block::Plain(vec![text("four")])],],
            }]
        );
        assert_eq!(
            parse("- a\n  - b\n\n  more\n- c"),
            vec![Block::List {
                start: None,
                items: vec![
                    vec![
                        paragraph(vec![text("a")]),
                        Block::List { start: None, items: vec![vec![Block::Plain(vec![text("b")])]] },
                        paragraph(vec![text("more")]),
                    ],
                    vec![paragraph(vec![text("c")])],
                ],
            }]
        );
        assert_eq!(
            parse("* x\n  * y"),
            vec![Block::List {
                start: None,
                items: vec![vec![
                    Block::Plain(vec![text("x")]),
                    Block::List { start: None, items: vec![vec![Block::Plain(vec![text("y")])]] },
                ]],
            }]
        );
    }

    #[test]
    fn block_quotes_nest() {
        assert_eq!(
            parse("> a\n>\n> > b"),
            vec![Block::Quote(vec![paragraph(vec![text("a")]), Block::Quote(vec![paragraph(vec![text("b")])]),])]
        );
    }

    #[test]
    fn headings_are_demoted_to_levels_three_to_six() {
        let levels: Vec<u8> = parse("# 1\n## 2\n### 3\n#### 4\n##### 5\n###### 6\n\nS\n=\n\nT\n-")
            .into_iter()
            .map(|block| match block {
                Block::Heading { level, .. } => level,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(levels, [3, 4, 5, 6, 6, 6, 3, 4]);
        assert_eq!(
            parse("# Hello *you*"),
            vec![Block::Heading { level: 3, content: vec![text("Hello "), Inline::Emphasis(vec![text("you")])] }]
        );
    }

    #[test]
    fn thematic_breaks() {
        assert_eq!(
            parse("a\n\n---\n\n***\nb"),
            vec![paragraph(vec![text("a")]), Block::Rule, Block::Rule, paragraph(vec![text("b")]),]
        );
    }

    #[test]
    fn raw_html_is_text() {
        assert_eq!(
            parse("<div onclick=\"x()\">\n<b>hi</b>\n</div>"),
            vec![paragraph(vec![text("<div onclick=\"x()\">\n<b>hi</b>\n</div>")])]
        );
        assert_eq!(
            parse("a <b onmouseover=x>bold</b> c"),
            vec![paragraph(vec![text("a <b onmouseover=x>bold</b> c")])]
        );
        assert_eq!(parse("&lt;script&gt; &amp; &#60;"), vec![paragraph(vec![text("<script> & <")])]);
    }

    #[test]
    fn tables_footnotes_and_task_lists_stay_off() {
        assert_eq!(
            parse("| a | b |\n|---|---|\n| 1 | 2 |"),
            vec![paragraph(vec![
                text("| a | b |"),
                Inline::SoftBreak,
                text("|---|---|"),
                Inline::SoftBreak,
                text("| 1 | 2 |"),
            ])]
        );
        assert_eq!(
            parse("- [ ] task"),
            vec![Block::List { start: None, items: vec![vec![Block::Plain(vec![text("[ ] task")])]] }]
        );
        assert_eq!(parse("note[^1]"), vec![paragraph(vec![text("note[^1]")])]);
    }

    #[test]
    fn deep_nesting_is_flattened_not_fatal() {
        for source in [
            ">".repeat(50_000) + " x",
            "- ".repeat(20_000) + "x",
            "*".repeat(20_000) + "x" + &"*".repeat(20_000),
            "[".repeat(20_000) + "x" + &"](/a)".repeat(20_000),
            "![".repeat(5_000) + "x" + &"](https://e.example/i.png)".repeat(5_000),
            "> - ".repeat(10_000) + "x",
        ] {
            let blocks = assert_inert(&source);
            let excerpt = plain_excerpt(&source, usize::MAX);
            assert!(excerpt.contains('x'), "{}", &source[..10]);
            drop(blocks);
        }
    }

    #[test]
    fn safe_url_rule() {
        for (url, link, image) in [
            ("https://example.com", true, true),
            ("HTTP://example.com", true, true),
            ("  https://example.com  ", true, true),
            ("http:example.com", true, true),
            ("mailto:a@example.com", true, false),
            ("MailTo:a@example.com", true, false),
            ("/threads/1", true, false),
            ("/", true, false),
            ("#section", true, false),
            ("//evil.example", false, false),
            ("/\\evil.example", false, false),
            ("/\t/evil.example", false, false),
            ("javascript:alert(1)", false, false),
            ("JaVaScRiPt:alert(1)", false, false),
            ("java\tscript:alert(1)", false, false),
            ("java\nscript:alert(1)", false, false),
            ("\u{1}javascript:alert(1)", false, false),
            (" \u{0} javascript:alert(1)", false, false),
            ("data:text/html,x", false, false),
            ("vbscript:x", false, false),
            ("file:///etc/passwd", false, false),
            ("relative/path", false, false),
            ("?query", false, false),
            ("", false, false),
            ("ｊavascript:alert(1)", false, false),
            ("https\u{0}:x", true, true),
        ] {
            assert_eq!(SafeUrl::link(url).is_some(), link, "link {url:?}");
            assert_eq!(SafeUrl::image(url).is_some(), image, "image {url:?}");
        }
        assert_eq!(
            SafeUrl::link("\u{1} https://example.com/a b \n").expect("safe").as_str(),
            "https://example.com/a b"
        );
        assert!(SafeUrl::link("https://x.example").is_some_and(|url| url.is_web()));
        assert!(SafeUrl::link("/x").is_some_and(|url| !url.is_web()));
    }

    // --- excerpts ---------------------------------------------------------------------------

    #[test]
    fn excerpts_are_plain_collapsed_text() {
        assert_eq!(
            plain_excerpt(
                "# Title\n\nSome *emphasis*,   `code` and [a link](https://x.example).\n\n- one\n- two\n\n![pic](https://x.example/p.png)",
                200
            ),
            "Title Some emphasis, code and a link. one two pic"
        );
        assert_eq!(plain_excerpt("<b>raw</b>", 50), "<b>raw</b>");
        assert_eq!(plain_excerpt("", 10), "");
    }

    #[test]
    fn excerpts_cut_at_a_word_boundary() {
        assert_eq!(plain_excerpt("one two three", 13), "one two three");
        assert_eq!(plain_excerpt("one two three", 12), "one two…");
        assert_eq!(plain_excerpt("one two three", 8), "one two…");
        assert_eq!(plain_excerpt("one two three", 7), "one…");
        assert_eq!(plain_excerpt("incomprehensibilities", 5), "inco…");
        assert_eq!(plain_excerpt("привет мир всем", 11), "привет мир…");
        assert_eq!(plain_excerpt("one two", 0), "");
        assert_eq!(plain_excerpt("one two", 1), "…");
    }

    // --- properties -------------------------------------------------------------------------

    /// Native only: proptest's random source does not build for wasm32-unknown-unknown.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Pieces that make the parser and the URL check work hard when strung together.
        #[rustfmt::skip]
        const TOKENS: &[&str] = &[
            "[", "]", "(", ")", "<", ">", "!", "*", "**", "_", "`", "```", "~~", "#", "> ", "- ",
            "1. ", "\n", "\n\n", " ", "  ", "\t", "    ", "\\", "\"", "'", ":", "/", "//", "&", ";",
            "javascript:", "JaVaScRiPt:", "java\tscript:", "java&#09;script:", "&#106;", "&#x6A;",
            "&colon;", "data:", "vbscript:", "http://x.example", "https://", "mailto:a@b.example",
            "/ok", "#top", "<script>", "</script>", "<img src=x onerror=alert(1)>", "onload=",
            "[r]: ", "[r]", "\u{0}", "\u{1}", "\u{7f}", "\u{a0}", "\u{200b}", "%6A", "a", "b c",
            "é", "---", "===", "<!--", "-->", "<a@b.example>", "<javascript:x>",
        ];

        /// Beginnings of URLs around the scheme check's edges.
        #[rustfmt::skip]
        const URL_STARTS: &[&str] = &[
            "", " ", "\t", "\u{1}", "h", "http", "HtTpS", "ht\ttp", "https:", "mailto", "java",
            "javascript", "jav\nascript", "data", "/", "//", "/\\", "/\t/", "#", "\u{a0}",
        ];

        fn markdownish() -> impl Strategy<Value = String> {
            proptest::collection::vec(proptest::sample::select(TOKENS), 0..80).prop_map(|tokens| tokens.concat())
        }

        proptest! {
            #[test]
            fn parsing_any_text_never_panics_and_urls_stay_safe(source in any::<String>()) {
                assert_inert(&source);
            }

            #[test]
            fn parsing_markdownish_text_never_panics_and_urls_stay_safe(source in markdownish()) {
                assert_inert(&source);
            }

            #[test]
            fn excerpts_respect_the_limit(source in markdownish(), max_chars in 0usize..120) {
                let excerpt = plain_excerpt(&source, max_chars);
                prop_assert!(excerpt.chars().count() <= max_chars, "{excerpt:?}");
                prop_assert!(!excerpt.contains("  "));
            }

            #[test]
            fn safe_urls_follow_the_rule_exactly(
                start in proptest::sample::select(URL_STARTS),
                rest in "[ -~\t\n\u{0}-\u{1f}\u{7f}\u{a0}é]{0,16}",
            ) {
                let url = format!("{start}{rest}");
                prop_assert_eq!(SafeUrl::link(&url).is_some(), allowed_link(&url), "{:?}", url);
                prop_assert_eq!(SafeUrl::image(&url).is_some(), allowed_image(&url), "{:?}", url);
                if let Some(safe) = SafeUrl::link(&url) {
                    prop_assert!(allowed_link(safe.as_str()), "{:?}", url);
                }
            }
        }
    }
}
