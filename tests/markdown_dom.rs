//! The markdown renderer in headless Chromium: hostile posts must reach the page as text, with
//! no handler, script or dangerous link anywhere, and ordinary posts must look as written.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use veche::components::markdown::Markdown;
use veche::markdown::{dom::render_into, parse};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function xss_fired() { return typeof window.__xss !== 'undefined'; }
export function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }
export function keep_page_on_safe_links(container) {
  // Safe links would navigate the test page away: stop those. Anything else keeps its default
  // action, so a `javascript:` link that slipped through would still run and be caught.
  container.addEventListener('click', (event) => {
    const link = event.target.closest('a');
    const href = link ? (link.getAttribute('href') || '') : '';
    if (/^(https?:|mailto:|\/[^\/\\]|\/$|#)/i.test(href)) { event.preventDefault(); }
  });
}
"#)]
extern "C" {
    fn xss_fired() -> bool;
    fn sleep(ms: u32) -> js_sys::Promise;
    fn keep_page_on_safe_links(container: &web_sys::Element);
}

const HOSTILE: &[&str] = &[
    "<img src=x onerror=\"window.__xss=1\">",
    "inline <img src=x onerror=\"window.__xss=1\"> html",
    "<script>window.__xss=1</script>",
    "<svg onload=\"window.__xss=1\"><circle r=1 /></svg>",
    "<iframe src=\"javascript:window.__xss=1\"></iframe>",
    "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
    "<style>body { display: none }</style>",
    "<div onmouseover=\"window.__xss=1\">hover</div>",
    "<details open ontoggle=\"window.__xss=1\">x</details>",
    "<a href=\"javascript:window.__xss=1\">raw link</a>",
    "[x](javascript:window.__xss=1)",
    "[x](JaVaScRiPt:window.__xss=1)",
    "[x](java&#09;script:window.__xss=1)",
    "[x](&#106;avascript:window.__xss=1)",
    "[x](data:text/html,<script>parent.__xss=1</script>)",
    "[x](vbscript:msgbox(1))",
    "[x](//evil.example)",
    "[x][r]\n\n[r]: javascript:window.__xss=1",
    "<javascript:window.__xss=1>",
    "![x](javascript:window.__xss=1)",
    "![x\" onerror=\"window.__xss=1](https://127.0.0.1:1/missing.png)",
    "[<img src=x onerror=\"window.__xss=1\">](https://example.com)",
    "```\" onclick=\"window.__xss=1\n<b>bold?</b>\n```",
    "> <script>window.__xss=1</script>\n\n- <img src=x onerror=\"window.__xss=1\">",
];

const ELEMENTS: &[&str] = &[
    "div",
    "p",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "code",
    "ul",
    "ol",
    "li",
    "hr",
    "em",
    "strong",
    "del",
    "a",
    "img",
    "br",
];

const ATTRIBUTES: &[&str] =
    &["class", "href", "rel", "target", "title", "src", "alt", "loading", "decoding", "width", "height", "start"];

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("document")
}

async fn settle() {
    JsFuture::from(sleep(50)).await.expect("timer");
}

fn container() -> web_sys::Element {
    let container = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&container).expect("append");
    keep_page_on_safe_links(&container);
    container
}

fn render(source: &str) -> web_sys::Element {
    let container = container();
    render_into(&container, &parse(source));
    container
}

/// Every element below `root`, in no particular order.
fn descendants(root: &web_sys::Element) -> Vec<web_sys::Element> {
    let mut found = Vec::new();
    let mut pending = vec![root.clone()];
    while let Some(element) = pending.pop() {
        let mut child = element.first_element_child();
        while let Some(current) = child {
            child = current.next_element_sibling();
            found.push(current.clone());
            pending.push(current);
        }
    }
    found
}

fn tag(element: &web_sys::Element) -> String {
    element.tag_name().to_ascii_lowercase()
}

fn attribute_names(element: &web_sys::Element) -> Vec<String> {
    element.get_attribute_names().iter().filter_map(|name| name.as_string()).collect()
}

fn select(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector).ok().flatten().unwrap_or_else(|| panic!("no {selector} in {:?}", root.outer_html()))
}

fn attribute(root: &web_sys::Element, selector: &str, name: &str) -> Option<String> {
    select(root, selector).get_attribute(name)
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    select(root, selector).text_content().unwrap_or_default()
}

fn assert_only_safe_nodes(container: &web_sys::Element, source: &str) {
    for element in descendants(container) {
        let name = tag(&element);
        assert!(ELEMENTS.contains(&name.as_str()), "<{name}> from {source:?}");
        for attribute in attribute_names(&element) {
            assert!(!attribute.to_ascii_lowercase().starts_with("on"), "{attribute} on <{name}> from {source:?}");
            assert!(ATTRIBUTES.contains(&attribute.as_str()), "{attribute} on <{name}> from {source:?}");
        }
        for url_attribute in ["href", "src"] {
            if let Some(url) = element.get_attribute(url_attribute) {
                let url = url.trim().to_ascii_lowercase();
                let safe = ["http:", "https:", "mailto:", "#"].iter().any(|scheme| url.starts_with(scheme))
                    || (url.starts_with('/') && !url.starts_with("//"));
                assert!(safe, "{url_attribute}={url:?} from {source:?}");
            }
        }
    }
    assert!(
        container
            .query_selector("script, iframe, svg, style, object, embed, form, input, details")
            .ok()
            .flatten()
            .is_none(),
        "active element from {source:?}: {}",
        container.outer_html()
    );
}

#[wasm_bindgen_test]
async fn hostile_markdown_stays_text_and_never_runs() {
    for source in HOSTILE {
        let container = render(source);
        assert_only_safe_nodes(&container, source);
        for element in descendants(&container) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                element.click();
            }
        }
    }
    settle().await;
    assert!(!xss_fired(), "a payload ran");
}

#[wasm_bindgen_test]
fn raw_html_shows_as_its_source() {
    let container = render("<img src=x onerror=\"window.__xss=1\">\n\nhello <b>world</b>");
    assert_eq!(text(&container, "p"), "<img src=x onerror=\"window.__xss=1\">");
    assert_eq!(
        container.text_content().unwrap_or_default(),
        "<img src=x onerror=\"window.__xss=1\">hello <b>world</b>"
    );
    assert!(container.query_selector("img, b").ok().flatten().is_none());

    let container = render("[click](javascript:window.__xss=1) ![pic](javascript:x)");
    assert!(container.query_selector("a, img").ok().flatten().is_none());
    assert_eq!(text(&container, "p"), "click pic");
}

#[wasm_bindgen_test]
fn an_ordinary_post_renders_as_written() {
    let container = render(
        "# Title\n\n\
         Some *em*, **strong**, ~~gone~~ and `code`,  \nthen [out](https://example.com \"Out\"), \
         [in](/threads/1) and [mail](mailto:a@example.com).\n\n\
         ![A cat](https://example.com/cat.png)\n\n\
         3. three\n4. four\n\n\
         - a\n- b\n\n\
         > quoted\n\n\
         ```rust\nfn main() {}\n```\n\n\
         ---",
    );
    assert_only_safe_nodes(&container, "ordinary");
    let tags: Vec<String> = descendants(&container)
        .iter()
        .filter(|element| element.parent_element().as_ref() == Some(&container))
        .map(tag)
        .collect();
    let mut sorted = tags.clone();
    sorted.sort();
    assert_eq!(sorted, ["blockquote", "h3", "hr", "ol", "p", "p", "pre", "ul"], "{tags:?}");
    assert_eq!(text(&container, "h3.md__heading"), "Title");
    assert_eq!(text(&container, "em"), "em");
    assert_eq!(text(&container, "strong"), "strong");
    assert_eq!(text(&container, "del"), "gone");
    assert_eq!(text(&container, "code.md__code"), "code");
    assert!(container.query_selector("p > br").ok().flatten().is_some());

    let rel = Some("nofollow ugc noopener noreferrer".to_owned());
    assert_eq!(attribute(&container, "a[href='https://example.com']", "target").as_deref(), Some("_blank"));
    assert_eq!(attribute(&container, "a[href='https://example.com']", "rel"), rel);
    assert_eq!(attribute(&container, "a[href='https://example.com']", "title").as_deref(), Some("Out"));
    assert_eq!(attribute(&container, "a[href='/threads/1']", "target"), None);
    assert_eq!(attribute(&container, "a[href='/threads/1']", "rel"), rel);
    assert_eq!(attribute(&container, "a[href='mailto:a@example.com']", "target"), None);

    for (name, value) in [
        ("src", "https://example.com/cat.png"),
        ("alt", "A cat"),
        ("class", "md__image"),
        ("loading", "lazy"),
        ("decoding", "async"),
        ("width", "640"),
        ("height", "360"),
    ] {
        assert_eq!(attribute(&container, "img", name).as_deref(), Some(value), "{name}");
    }

    assert_eq!(attribute(&container, "ol", "start").as_deref(), Some("3"));
    assert_eq!(text(&container, "ol > li"), "three");
    assert_eq!(text(&container, "ul > li:last-child"), "b");
    assert_eq!(text(&container, "blockquote.md__quote > p"), "quoted");
    assert_eq!(text(&container, "pre.md__code-block > code.language-rust"), "fn main() {}\n");
    assert!(container.query_selector("hr.md__rule").ok().flatten().is_some());
}

#[wasm_bindgen_test]
fn rendering_again_replaces_the_content() {
    let container = render("first");
    render_into(&container, &parse("second"));
    assert_eq!(container.text_content().as_deref(), Some("second"));
    render_into(&container, &[]);
    assert_eq!(container.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn the_component_follows_its_source() {
    let host = container();
    let source = RwSignal::new("*one*".to_owned());
    let handle = leptos::mount::mount_to(host.clone().dyn_into().expect("element"), move || {
        view! { <Markdown source=source /> }
    });
    settle().await;
    assert_eq!(text(&host, "div.md > p > em"), "one");
    source.set("hi <script>window.__xss=1</script> **two**".to_owned());
    settle().await;
    assert_eq!(text(&host, "div.md > p"), "hi <script>window.__xss=1</script> two");
    assert_eq!(text(&host, "div.md strong"), "two");
    assert!(host.query_selector("script").ok().flatten().is_none());
    assert!(!xss_fired());
    drop(handle);
}
