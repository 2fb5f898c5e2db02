//! Hostile input, each asserted inert: every URL left in the model passes the scheme rule, and
//! markup only ever survives as text. `shows` is text the reader must see instead (empty when
//! there is nothing particular to see).

use super::tests::assert_inert;
use super::{Block, Inline, plain_excerpt};

const PAYLOADS: &[(&str, &str)] = &[
    // Script and friends as HTML blocks and inline HTML.
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("<SCRIPT SRC=https://evil.example/x.js></SCRIPT>", "<SCRIPT SRC="),
    ("hello <script>alert(1)</script> world", "hello <script>alert(1)</script> world"),
    ("<scr<script>ipt>alert(1)</script>", "<scr<script>ipt>"),
    ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ("<img src=\"x\" onerror=\"window.__xss=1\">", "onerror=\"window.__xss=1\""),
    ("text <img src=x onerror=alert(1)> inline", "<img src=x onerror=alert(1)>"),
    ("<img\nsrc=x\nonerror=alert(1)>", "onerror=alert(1)"),
    ("<img src=x onerror=&#97;lert(1)>", "onerror="),
    ("<IMG SRC=JaVaScRiPt:alert('XSS')>", "<IMG SRC="),
    ("<img src=`javascript:alert(1)`>", "<img src="),
    ("<svg onload=alert(1)>", "<svg onload=alert(1)>"),
    ("<svg><script>alert(1)</script></svg>", "<svg><script>"),
    ("<svg/onload=alert(1)>", "<svg/onload=alert(1)>"),
    ("<iframe src=\"javascript:alert(1)\"></iframe>", "<iframe src="),
    ("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "<iframe srcdoc="),
    ("<style>body{display:none}</style>", "<style>body{display:none}</style>"),
    ("<style>@import 'https://evil.example/x.css';</style>", "@import"),
    ("<body onload=alert(1)>", "<body onload=alert(1)>"),
    ("<a href=\"javascript:alert(1)\">x</a>", "<a href=\"javascript:alert(1)\">x</a>"),
    ("<div onmouseover=\"alert(1)\">hover</div>", "onmouseover"),
    ("<input autofocus onfocus=alert(1)>", "onfocus"),
    ("<details open ontoggle=alert(1)>", "ontoggle"),
    ("<marquee onstart=alert(1)>x</marquee>", "onstart"),
    ("<video><source onerror=alert(1)></video>", "<source onerror"),
    ("<x onclick=alert(1)>click</x>", "<x onclick=alert(1)>"),
    ("<object data=\"javascript:alert(1)\"></object>", "<object"),
    ("<embed src=\"data:text/html,<script>alert(1)</script>\">", "<embed"),
    ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<math>"),
    ("<!-- <script>alert(1)</script> -->", "<!-- <script>"),
    ("<![CDATA[<script>alert(1)</script>]]>", "<![CDATA["),
    ("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<meta"),
    ("<link rel=stylesheet href=https://evil.example/x.css>", "<link"),
    ("<base href=\"javascript:alert(1)//\">", "<base"),
    ("<form action=\"javascript:alert(1)\"><button>x</button></form>", "<form"),
    ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<noscript>"),
    // Dangerous schemes in links, however they are spelled.
    ("[x](javascript:alert(1))", "x"),
    ("[x](JaVaScRiPt:alert(1))", "x"),
    ("[x](java&#09;script:alert(1))", "x"),
    ("[x](java&#x0A;script:alert(1))", "x"),
    ("[x](&#106;avascript:alert(1))", "x"),
    ("[x](&#x6A;avascript&#58;alert(1))", "x"),
    ("[x](javascript&colon;alert(1))", "x"),
    ("[x](<javascript:alert(1)>)", "x"),
    ("[x](<java script:alert(1)>)", "x"),
    ("[x]( javascript:alert(1) \"t\")", "x"),
    ("[x](%6Aavascript:alert(1))", "x"),
    ("[x](\u{0}javascript:alert(1))", "x"),
    ("[x](\u{1}javascript:alert(1))", "x"),
    ("[x](java\u{0B}script:alert(1))", "x"),
    ("[x](jav\u{200B}ascript:alert(1))", "x"),
    ("[x](\u{FEFF}javascript:alert(1))", "x"),
    ("[x](ｊａｖａｓｃｒｉｐｔ:alert(1))", "x"),
    ("[x](javascript://%0Aalert(1))", "x"),
    ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "x"),
    ("[x](vbscript:msgbox(1))", "x"),
    ("[x](VBScript:msgbox(1))", "x"),
    ("[x](file:///etc/passwd)", "x"),
    ("[x](//evil.example)", "x"),
    ("[x](/\\evil.example)", "x"),
    ("[x](<\t//evil.example>)", "x"),
    ("*[x](javascript:alert(1))*", "x"),
    ("[x](javascript:alert(1) \"t\")", "x"),
    // Reference links and autolinks.
    ("[x][r]\n\n[r]: javascript:alert(1)", "x"),
    ("[x]\n\n[x]: JAVASCRIPT:alert(1) \"title\"", "x"),
    ("[x][]\n\n[x]: <data:text/html,x>", "x"),
    ("[x][r]\n\n[r]: &#106;avascript:alert(1)", "x"),
    ("<javascript:alert(1)>", "javascript:alert(1)"),
    ("<JaVaScRiPt:alert(1)>", "JaVaScRiPt:alert(1)"),
    ("<vbscript:msgbox(1)>", "vbscript:msgbox(1)"),
    ("<data:text/html,alert(1)>", "data:text/html,alert(1)"),
    ("<http://x.example/\"onmouseover=\"alert(1)>", ""),
    // Images.
    ("![x](javascript:alert(1))", "x"),
    ("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "x"),
    ("![x](//evil.example/a.png)", "x"),
    ("![x](/local.png)", "x"),
    ("![x][r]\n\n[r]: javascript:alert(1)", "x"),
    ("![x\" onerror=\"alert(1)](https://x.example/a.png)", ""),
    ("![<img src=x onerror=alert(1)>](javascript:alert(1))", "<img src=x onerror=alert(1)>"),
    ("[![x](javascript:alert(1))](javascript:alert(2))", "x"),
    // Attributes that are plain text in the model.
    ("[x](https://x.example \"\\\" onmouseover=\\\"alert(1)\")", "x"),
    ("```\" onclick=\"alert(1)\n<b>\n```", "<b>"),
    ("```javascript:alert(1)\nx\n```", "x"),
    // Escapes and markdown/HTML mixes.
    ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
    ("&#60;script&#62;alert(1)&#60;/script&#62;", "<script>alert(1)</script>"),
    ("`<script>alert(1)</script>`", "<script>alert(1)</script>"),
    ("```html\n<script>alert(1)</script>\n```", "<script>alert(1)</script>"),
    ("**<script>**alert(1)**</script>**", "<script>alert(1)</script>"),
    ("[<img src=x onerror=alert(1)>](https://x.example)", "<img src=x onerror=alert(1)>"),
    ("[x](https://x.example)<script>alert(1)</script>", "x<script>alert(1)</script>"),
    ("> <script>alert(1)</script>", "<script>alert(1)</script>"),
    ("- <img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ("# <svg onload=alert(1)>", "<svg onload=alert(1)>"),
    ("javascript:alert(1)", "javascript:alert(1)"),
];

#[test]
fn the_corpus_is_large_and_distinct() {
    let mut payloads: Vec<&str> = PAYLOADS.iter().map(|(payload, _)| *payload).collect();
    payloads.sort_unstable();
    payloads.dedup();
    assert_eq!(payloads.len(), PAYLOADS.len(), "duplicates in the corpus");
    assert!(payloads.len() >= 50);
}

#[test]
fn every_payload_is_inert_and_shows_as_text() {
    for (payload, shows) in PAYLOADS {
        assert_inert(payload);
        let text = plain_excerpt(payload, usize::MAX);
        assert!(text.contains(shows), "{payload:?} should show {shows:?}, shows {text:?}");
    }
}

#[test]
fn dangerous_links_lose_their_target() {
    for (payload, _) in PAYLOADS {
        let mentions_script = ["script", "data:", "//evil", "\\evil", "file:", "(1)"]
            .iter()
            .any(|marker| payload.to_ascii_lowercase().contains(marker))
            && !payload.contains("https://x.example")
            && !payload.contains("http://x.example");
        if mentions_script {
            assert!(!has_link_or_image(&assert_inert(payload)), "{payload:?}");
        }
    }
}

fn has_link_or_image(blocks: &[Block]) -> bool {
    blocks.iter().any(|block| match block {
        Block::Paragraph(content) | Block::Plain(content) | Block::Heading { content, .. } => {
            inlines_have_link_or_image(content)
        }
        Block::Quote(inner) => has_link_or_image(inner),
        Block::List { items, .. } => items.iter().any(|item| has_link_or_image(item)),
        Block::Code { .. } | Block::Rule => false,
    })
}

fn inlines_have_link_or_image(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Link { .. } | Inline::Image { .. } => true,
        Inline::Emphasis(content) | Inline::Strong(content) | Inline::Strikethrough(content) => {
            inlines_have_link_or_image(content)
        }
        _ => false,
    })
}
