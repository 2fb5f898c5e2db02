//! A test client for the reference server: the real router on a real SQLite file in a temporary
//! directory, driven request by request like a browser (cookies, CSRF token, languages).

#![allow(dead_code)]

use std::net::SocketAddr;

pub mod process;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use serde_json::Value;
use tower::ServiceExt;
use veche_server::Config;

pub mod mail;

/// The password of the members these helpers make.
pub const PASSWORD: &str = "long enough secret";

pub struct TestServer {
    pub router: Router,
    pub state: veche_server::AppState,
    _dir: tempfile::TempDir,
}

impl TestServer {
    pub async fn start() -> TestServer {
        Self::start_with(|_| {}).await
    }

    /// Starts with the demo data and whatever `adjust` changes in the test configuration.
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> TestServer {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut config = Config::for_tests(dir.path().join("veche.sqlite3"));
        adjust(&mut config);
        let (router, state) = veche_server::build(config).await.expect("server builds");
        let router = router.layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
        TestServer { router, state, _dir: dir }
    }

    /// A server that mails through `smtp`, its links pointing at https://community.example.com.
    pub async fn mailing_through(smtp: &mail::SmtpServer) -> TestServer {
        let url = smtp.url();
        Self::start_with(|config| {
            config.smtp_url = Some(url);
            config.public_url = "https://community.example.com".into();
        })
        .await
    }

    /// A server without the demo: a community founded on `founded_on` (UTC, `YYYY-MM-DD`) and one
    /// staff member, "boss" (password [`PASSWORD`]), signed in; for counting known data exactly.
    pub async fn without_demo(founded_on: &str) -> (TestServer, Browser) {
        let server = Self::start_with(|config| config.seed = veche_server::config::SeedMode::None).await;
        let db = &server.state.db;
        db.create_community("Test", "A community for counting.", founded_on, "UTC").await.expect("community");
        let hash = veche_server::tokens::hash_password(PASSWORD.to_owned()).await.expect("hash");
        db.insert_member(&veche_server::db::NewMember {
            handle: "boss",
            display_name: "Boss",
            email: "boss@example.org",
            password_hash: &hash,
            role: veche_api::member::CommunityRole::President,
            access: veche_api::member::Access::Staff,
            locale: veche_api::Locale::En,
            position: None,
            company: None,
            created_at: &veche_server::clock::now(),
        })
        .await
        .expect("staff member");
        let mut staff = server.browser();
        let signed_in = staff.login("boss", PASSWORD).await;
        assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.text);
        (server, staff)
    }

    /// A member's id from their handle.
    pub async fn member_id(&self, handle: &str) -> i64 {
        self.state.db.member_by_login(handle).await.expect("query").expect("member").id
    }

    /// A browser with no cookies yet.
    pub fn browser(&self) -> Browser {
        Browser { router: self.router.clone(), cookie: None, csrf: None, language: "en".into() }
    }

    /// A browser signed in as a newly registered member `handle` (named "Member <handle>").
    pub async fn registered(&self, handle: &str) -> Browser {
        let mut browser = self.browser();
        let joined = browser
            .post(
                "/api/v1/auth/register",
                serde_json::json!({ "handle": handle, "display_name": format!("Member {handle}"), "email": format!("{handle}@example.org"), "password": PASSWORD, "accept_charter": true }),
            )
            .await;
        assert_eq!(joined.status, StatusCode::CREATED, "registering {handle}: {}", joined.text);
        browser
    }

    /// A browser signed in as a demo member.
    pub async fn signed_in(&self, handle: &str) -> Browser {
        let mut browser = self.browser();
        let response = browser.login(handle, veche_server::seed::DEMO_PASSWORD).await;
        assert_eq!(response.status, StatusCode::OK, "demo sign-in for {handle}: {}", response.body);
        browser
    }
}

pub struct Browser {
    router: Router,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
    pub language: String,
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
    pub bytes: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The `code` of a problem answer.
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }
}

/// How a request should be sent, beyond method, path and body.
#[derive(Default, Clone)]
pub struct Extra {
    pub idempotency_key: Option<String>,
    /// Leave the CSRF header out (to test the refusal).
    pub without_csrf: bool,
    pub content_type: Option<String>,
    pub raw_body: Option<Vec<u8>>,
    pub origin: Option<String>,
}

impl Browser {
    /// A copy of a browser (same cookie and token) for sending requests at the same time.
    pub fn with(router: Router, cookie: Option<String>, csrf: Option<String>) -> Browser {
        Browser { router, cookie, csrf, language: "en".into() }
    }

    pub async fn get(&mut self, path: &str) -> Answer {
        self.send(Method::GET, path, None, Extra::default()).await
    }

    pub async fn post(&mut self, path: &str, body: Value) -> Answer {
        self.send(Method::POST, path, Some(body), Extra::default()).await
    }

    pub async fn post_with(&mut self, path: &str, body: Value, extra: Extra) -> Answer {
        self.send(Method::POST, path, Some(body), extra).await
    }

    /// Starts a thread in the demo's "integrations" space; answers its id.
    pub async fn new_thread(&mut self, title: &str, body: &str) -> String {
        let created = self
            .post("/api/v1/threads", serde_json::json!({ "space_id": "integrations", "title": title, "body": body }))
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        created.body["id"].as_str().unwrap_or_default().to_owned()
    }

    /// Replies in a thread; answers the reply's id.
    pub async fn new_reply(&mut self, thread: &str, body: &str) -> String {
        let created =
            self.post(&format!("/api/v1/threads/{thread}/replies"), serde_json::json!({ "body": body })).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        created.body["id"].as_str().unwrap_or_default().to_owned()
    }

    /// Fetches a CSRF token the way the app does before its first write.
    pub async fn ensure_csrf(&mut self) {
        if self.csrf.is_none() {
            let me = Box::pin(self.get("/api/v1/auth/me")).await;
            self.csrf = me.body["csrf_token"].as_str().map(str::to_owned);
        }
    }

    pub async fn login(&mut self, login: &str, password: &str) -> Answer {
        self.post("/api/v1/auth/login", serde_json::json!({ "login": login, "password": password })).await
    }

    pub async fn send(&mut self, method: Method, path: &str, body: Option<Value>, extra: Extra) -> Answer {
        let unsafe_method = method != Method::GET && method != Method::HEAD;
        if unsafe_method && !extra.without_csrf {
            self.ensure_csrf().await;
        }
        let mut request = Request::builder().method(method).uri(path).header(header::ACCEPT_LANGUAGE, &self.language);
        if let Some(cookie) = &self.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        if unsafe_method && !extra.without_csrf {
            request = request.header("X-CSRF-Token", self.csrf.clone().unwrap_or_default());
        }
        if let Some(key) = &extra.idempotency_key {
            request = request.header("Idempotency-Key", key);
        }
        if let Some(origin) = &extra.origin {
            request = request.header(header::ORIGIN, origin);
        }
        let body = match (extra.raw_body, body) {
            (Some(raw), _) => {
                request =
                    request.header(header::CONTENT_TYPE, extra.content_type.as_deref().unwrap_or("application/json"));
                Body::from(raw)
            }
            (None, Some(json)) => {
                request =
                    request.header(header::CONTENT_TYPE, extra.content_type.as_deref().unwrap_or("application/json"));
                Body::from(json.to_string())
            }
            (None, None) => Body::empty(),
        };
        let response = self.router.clone().oneshot(request.body(body).expect("request")).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        if let Some(set_cookie) = headers.get(header::SET_COOKIE).and_then(|v| v.to_str().ok()) {
            let pair = set_cookie.split(';').next().unwrap_or("").to_owned();
            self.cookie = if pair.ends_with('=') { None } else { Some(pair) };
        }
        let bytes = to_bytes(response.into_body(), usize::MAX).await.expect("body");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        if let Some(token) = body.get("csrf_token").and_then(Value::as_str) {
            self.csrf = Some(token.to_owned());
        }
        Answer { status, headers, body, text, bytes: bytes.to_vec() }
    }
}
