//! Builds the page's nodes from the markdown model with `createElement`, `createTextNode` and
//! `setAttribute` on a fixed list of attributes: the browser never parses member text as HTML,
//! so `<script>` in a post is just eight characters on screen.

use web_sys::{Document, Element, Node};

use super::{Block, Inline};

/// Links in member content are not endorsed, and the page they open gets no handle on ours.
const LINK_REL: &str = "nofollow ugc noopener noreferrer";

/// Replaces the container's children with the rendered blocks.
pub fn render_into(container: &Element, blocks: &[Block]) {
    container.set_text_content(None);
    if let Some(document) = container.owner_document() {
        append_blocks(&document, container, blocks);
    }
}

fn append_blocks(document: &Document, parent: &Node, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(content) => {
                if let Some(paragraph) = append_element(document, parent, "p", "") {
                    append_inlines(document, &paragraph, content);
                }
            }
            Block::Plain(content) => append_inlines(document, parent, content),
            Block::Heading { level, content } => {
                let tag = match level {
                    ..=3 => "h3",
                    4 => "h4",
                    5 => "h5",
                    _ => "h6",
                };
                if let Some(heading) = append_element(document, parent, tag, "md__heading") {
                    append_inlines(document, &heading, content);
                }
            }
            Block::Quote(inner) => {
                if let Some(quote) = append_element(document, parent, "blockquote", "md__quote") {
                    append_blocks(document, &quote, inner);
                }
            }
            Block::Code { language, text } => {
                let Some(pre) = append_element(document, parent, "pre", "md__code-block") else {
                    continue;
                };
                let class = language.as_deref().map(|language| ["language-", language].concat()).unwrap_or_default();
                if let Some(code) = append_element(document, &pre, "code", &class) {
                    append_text(document, &code, text);
                }
            }
            Block::List { start, items } => {
                let tag = if start.is_some() { "ol" } else { "ul" };
                let Some(list) = append_element(document, parent, tag, "md__list") else {
                    continue;
                };
                if let Some(start) = start.filter(|&start| start != 1) {
                    let _ = list.set_attribute("start", &start.to_string());
                }
                for item in items {
                    if let Some(entry) = append_element(document, &list, "li", "") {
                        append_blocks(document, &entry, item);
                    }
                }
            }
            Block::Rule => {
                append_element(document, parent, "hr", "md__rule");
            }
        }
    }
}

fn append_inlines(document: &Document, parent: &Node, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => append_text(document, parent, text),
            Inline::Code(code) => {
                if let Some(element) = append_element(document, parent, "code", "md__code") {
                    append_text(document, &element, code);
                }
            }
            Inline::Emphasis(content) | Inline::Strong(content) | Inline::Strikethrough(content) => {
                let tag = match inline {
                    Inline::Emphasis(_) => "em",
                    Inline::Strong(_) => "strong",
                    _ => "del",
                };
                if let Some(element) = append_element(document, parent, tag, "") {
                    append_inlines(document, &element, content);
                }
            }
            Inline::Link { href, title, content } => {
                let Some(link) = append_element(document, parent, "a", "md__link") else {
                    continue;
                };
                let _ = link.set_attribute("href", href.as_str());
                let _ = link.set_attribute("rel", LINK_REL);
                if href.is_web() {
                    let _ = link.set_attribute("target", "_blank");
                }
                if !title.is_empty() {
                    let _ = link.set_attribute("title", title);
                }
                append_inlines(document, &link, content);
            }
            Inline::Image { src, alt, title } => {
                let Some(image) = append_element(document, parent, "img", "md__image") else {
                    continue;
                };
                // `loading` goes first: setting `src` on an eager image starts the download.
                for (name, value) in [
                    ("loading", "lazy"),
                    ("decoding", "async"),
                    ("width", "640"),
                    ("height", "360"),
                    ("alt", alt.as_str()),
                ] {
                    let _ = image.set_attribute(name, value);
                }
                if !title.is_empty() {
                    let _ = image.set_attribute("title", title);
                }
                let _ = image.set_attribute("src", src.as_str());
            }
            Inline::SoftBreak => append_text(document, parent, "\n"),
            Inline::HardBreak => {
                append_element(document, parent, "br", "");
            }
        }
    }
}

/// Creates `<tag class="…">` at the end of `parent`.
fn append_element(document: &Document, parent: &Node, tag: &str, class: &str) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if !class.is_empty() {
        let _ = element.set_attribute("class", class);
    }
    parent.append_child(&element).ok()?;
    Some(element)
}

fn append_text(document: &Document, parent: &Node, text: &str) {
    let _ = parent.append_child(&document.create_text_node(text));
}
