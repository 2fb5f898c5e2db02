//! Sign-in with the company's identity provider, against a real OpenID Connect provider
//! (`oidc-provider` from npm, `end2end/support/oidc-provider.mjs`) and the real server program:
//! the browser's part is played request by request, cookies and all.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::process::{ServerProcess, free_port};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use serde_json::Value;

const CLIENT_ID: &str = "veche-test";
const CLIENT_SECRET: &str = "veche-test-secret-that-is-long-enough";

/// The provider program, killed when dropped.
struct IdentityProvider {
    child: Child,
    issuer: String,
}

impl IdentityProvider {
    async fn start(redirect_uri: &str, code_ttl_secs: u32) -> IdentityProvider {
        let port = free_port();
        let script = repo_root().join("end2end/support/oidc-provider.mjs");
        let mut child = Command::new(std::env::var("VECHE_NODE").unwrap_or_else(|_| "node".into()))
            .arg(&script)
            .arg(port.to_string())
            .arg(redirect_uri)
            .arg("--code-ttl")
            .arg(code_ttl_secs.to_string())
            .stdout(Stdio::piped())
            .spawn()
            .expect("node runs the test provider (npm ci installs oidc-provider)");
        let stdout = child.stdout.take().expect("stdout");
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            let mut lines = std::io::BufReader::new(stdout).lines();
            let _ = ready_tx.send(lines.next());
            // Keep reading so the provider never blocks on a full pipe.
            for _ in lines {}
        });
        let issuer = match ready_rx.recv_timeout(Duration::from_secs(30)) {
            Ok(Some(Ok(line))) if line.starts_with("ready ") => line["ready ".len()..].to_owned(),
            other => panic!("the identity provider did not start: {other:?}"),
        };
        IdentityProvider { child, issuer }
    }
}

impl Drop for IdentityProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the repository").to_owned()
}

/// A Veche server whose identity provider is `issuer`.
async fn veche(dir: &Path, port: u16, issuer: &str, extra: &[(&str, &str)]) -> ServerProcess {
    let public_url = format!("http://127.0.0.1:{port}");
    let mut env = vec![
        ("VECHE_PUBLIC_URL", public_url.as_str()),
        ("VECHE_OIDC_ISSUER", issuer),
        ("VECHE_OIDC_CLIENT_ID", CLIENT_ID),
        ("VECHE_OIDC_CLIENT_SECRET", CLIENT_SECRET),
        ("VECHE_OIDC_LABEL", "Corp account"),
    ];
    env.extend_from_slice(extra);
    ServerProcess::start_on(port, &dir.join("veche.sqlite3"), &env).await
}

/// A browser: follows nothing by itself, keeps cookies per host (paths and expiry aside, which
/// these flows do not need).
struct Browser {
    http: reqwest::Client,
    cookies: BTreeMap<(String, String), String>,
}

impl Browser {
    fn new() -> Browser {
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        Browser { http, cookies: BTreeMap::new() }
    }

    async fn request(
        &mut self,
        method: reqwest::Method,
        url: &str,
        form: Option<&[(&str, &str)]>,
    ) -> reqwest::Response {
        let parsed = reqwest::Url::parse(url).expect("an absolute address");
        let host = format!("{}:{}", parsed.host_str().unwrap_or(""), parsed.port_or_known_default().unwrap_or(0));
        let cookie = self
            .cookies
            .iter()
            .filter(|((h, _), _)| *h == host)
            .map(|((_, name), value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ");
        let mut request = self.http.request(method, url).header("Accept-Language", "en");
        if !cookie.is_empty() {
            request = request.header(COOKIE, cookie);
        }
        if let Some(form) = form {
            let body: String = form_body(form);
            request = request.header("Content-Type", "application/x-www-form-urlencoded").body(body);
        }
        let response = request.send().await.unwrap_or_else(|error| panic!("{url}: {error}"));
        for set in response.headers().get_all(SET_COOKIE) {
            let pair = set.to_str().unwrap_or("").split(';').next().unwrap_or("");
            if let Some((name, value)) = pair.split_once('=') {
                let key = (host.clone(), name.trim().to_owned());
                if value.is_empty() || set.to_str().unwrap_or("").contains("Max-Age=0") {
                    self.cookies.remove(&key);
                } else {
                    self.cookies.insert(key, value.to_owned());
                }
            }
        }
        response
    }

    async fn get(&mut self, url: &str) -> reqwest::Response {
        self.request(reqwest::Method::GET, url, None).await
    }

    /// Follows redirects from `url` until an address starting with `stop` (not requested).
    async fn follow_until(&mut self, url: &str, stop: &str) -> String {
        let mut next = url.to_owned();
        for _ in 0..10 {
            if next.starts_with(stop) {
                return next;
            }
            let response = self.get(&next).await;
            let status = response.status();
            let location = response.headers().get(LOCATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
            match location {
                Some(location) => next = absolute(&next, &location),
                None => {
                    let text = response.text().await.unwrap_or_default();
                    panic!("{next} answered {status} without going on: {text}");
                }
            }
        }
        panic!("too many redirects from {url}");
    }

    /// The provider's sign-in form for the page at `url`: signs in as `login`, answers where the
    /// provider sends the browser back (Veche's callback, not yet requested).
    async fn sign_in_at_provider(
        &mut self,
        interaction_url: &str,
        login: &str,
        issuer: &str,
        callback: &str,
    ) -> String {
        let page = self.get(interaction_url).await.text().await.expect("the sign-in page");
        let action = page.split("action=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("a form");
        let fields: &[(&str, &str)] =
            if login == "<cancel>" { &[("cancel", "1")] } else { &[("login", login), ("password", "anything")] };
        let posted = self.request(reqwest::Method::POST, &format!("{issuer}{action}"), Some(fields)).await;
        let location = posted.headers().get(LOCATION).and_then(|v| v.to_str().ok()).expect("the provider goes on");
        let location = absolute(issuer, location);
        self.follow_until(&location, callback).await
    }
}

fn form_body(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(name, value)| {
            let value: String = url_encode(value);
            format!("{name}={value}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn url_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn json(response: reqwest::Response) -> Value {
    let text = response.text().await.expect("a body");
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("JSON, got {text}"))
}

fn absolute(base: &str, location: &str) -> String {
    reqwest::Url::parse(base).and_then(|base| base.join(location)).expect("a usable address").to_string()
}

/// What the app's sign-in page is sent: `sign_in_error` and `next`.
fn sign_in_error(location: &str) -> Option<String> {
    let url = reqwest::Url::parse(location).ok()?;
    if url.path() != "/signin" {
        return None;
    }
    url.query_pairs().find(|(k, _)| k == "sign_in_error").map(|(_, v)| v.into_owned())
}

struct Flow {
    veche: String,
    issuer: String,
}

impl Flow {
    fn callback(&self) -> String {
        format!("{}/api/v1/auth/oidc/oidc/callback", self.veche)
    }

    /// Starts at Veche, signs in at the provider as `login`: the callback address the provider
    /// sends the browser to (not yet requested).
    async fn to_callback(&self, browser: &mut Browser, login: &str, next: &str) -> String {
        let start = browser.get(&format!("{}/api/v1/auth/oidc/oidc/start?next={}", self.veche, url_encode(next))).await;
        assert_eq!(start.status(), 303, "start goes to the provider");
        let to_provider = start.headers().get(LOCATION).and_then(|v| v.to_str().ok()).expect("a location").to_owned();
        assert!(to_provider.starts_with(&self.issuer), "to the provider: {to_provider}");
        assert!(to_provider.contains("code_challenge_method=S256"), "PKCE: {to_provider}");
        let interaction = browser.follow_until(&to_provider, &format!("{}/interaction/", self.issuer)).await;
        browser.sign_in_at_provider(&interaction, login, &self.issuer, &self.callback()).await
    }

    /// Finishes at Veche's callback: where the browser goes next.
    async fn finish(&self, browser: &mut Browser, callback_url: &str) -> String {
        let answer = browser.get(callback_url).await;
        assert_eq!(answer.status(), 303, "the callback sends the browser on");
        answer.headers().get(LOCATION).and_then(|v| v.to_str().ok()).expect("a location").to_owned()
    }

    async fn me(&self, browser: &mut Browser) -> Value {
        json(browser.get(&format!("{}/api/v1/auth/me", self.veche)).await).await
    }
}

async fn setup(dir: &Path, code_ttl_secs: u32, extra: &[(&str, &str)]) -> (ServerProcess, IdentityProvider, Flow) {
    let port = free_port();
    let veche_url = format!("http://127.0.0.1:{port}");
    let provider = IdentityProvider::start(&format!("{veche_url}/api/v1/auth/oidc/oidc/callback"), code_ttl_secs).await;
    let server = veche(dir, port, &provider.issuer, extra).await;
    let flow = Flow { veche: veche_url, issuer: provider.issuer.clone() };
    (server, provider, flow)
}

#[tokio::test]
async fn a_new_member_joins_through_the_provider_and_comes_back_as_the_same_member() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (_server, _provider, flow) = setup(dir.path(), 60, &[]).await;
    let mut browser = Browser::new();
    let options = json(browser.get(&format!("{}/api/v1/auth/providers", flow.veche)).await).await;
    assert_eq!(options["password"], true);
    assert_eq!(options["providers"][0]["label"], "Corp account");
    assert_eq!(options["providers"][0]["start_url"], format!("{}/api/v1/auth/oidc/oidc/start", flow.veche));

    let callback = flow.to_callback(&mut browser, "ada", "/threads/2?page=1").await;
    let landed = flow.finish(&mut browser, &callback).await;
    assert_eq!(landed, format!("{}/threads/2?page=1", flow.veche), "back where the member started");
    let me = flow.me(&mut browser).await;
    let account = &me["account"];
    assert_eq!(account["member"]["handle"], "ada_lovelace", "{me}");
    assert_eq!(account["member"]["display_name"], "Ada Lovelace");
    assert_eq!(account["email"], "ada@corp.example");
    assert_eq!(account["email_verified"], true, "the provider confirmed the address");

    // Signed out and in again (in another browser): the same member, not a second one.
    let mut other = Browser::new();
    let callback = flow.to_callback(&mut other, "ada", "/").await;
    flow.finish(&mut other, &callback).await;
    assert_eq!(flow.me(&mut other).await["account"]["member"]["id"], account["member"]["id"]);

    // A Russian account gets the Russian interface and a handle from its username.
    let mut third = Browser::new();
    let callback = flow.to_callback(&mut third, "boris", "/").await;
    flow.finish(&mut third, &callback).await;
    let boris = flow.me(&mut third).await;
    assert_eq!(boris["account"]["member"]["handle"], "boris");
    assert_eq!(boris["account"]["member"]["display_name"], "Борис Петров");
    assert_eq!(boris["account"]["locale"], "ru");
}

#[tokio::test]
async fn a_confirmed_address_links_the_existing_member_and_an_unconfirmed_one_signs_nobody_in() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (_server, _provider, flow) = setup(dir.path(), 60, &[]).await;
    let mut browser = Browser::new();
    let callback = flow.to_callback(&mut browser, "anna", "/").await;
    flow.finish(&mut browser, &callback).await;
    let me = flow.me(&mut browser).await;
    assert_eq!(me["account"]["member"]["handle"], "anna", "the demo's Anna, linked: {me}");

    // Mallory's provider account claims Olga's address without the provider confirming it.
    let mut mallory = Browser::new();
    let callback = flow.to_callback(&mut mallory, "mallory", "/ideas").await;
    let landed = flow.finish(&mut mallory, &callback).await;
    assert_eq!(sign_in_error(&landed).as_deref(), Some("email_unverified"), "{landed}");
    assert!(landed.contains("next=%2Fideas"), "the way back is kept: {landed}");
    assert!(flow.me(&mut mallory).await["account"].is_null(), "nobody is signed in");
}

#[tokio::test]
async fn forged_replayed_and_foreign_callbacks_sign_nobody_in() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (_server, _provider, flow) = setup(dir.path(), 60, &[]).await;

    // A state this server never issued.
    let mut browser = Browser::new();
    let landed = flow.finish(&mut browser, &format!("{}?code=abc&state=forged", flow.callback())).await;
    assert_eq!(sign_in_error(&landed).as_deref(), Some("state_invalid"));

    // A real callback opened in another browser (someone sent the link): refused, and the
    // sign-in cannot be finished afterwards either.
    let mut victim = Browser::new();
    let mut attacker = Browser::new();
    let callback = flow.to_callback(&mut attacker, "ada", "/").await;
    let landed = flow.finish(&mut victim, &callback).await;
    assert_eq!(sign_in_error(&landed).as_deref(), Some("state_invalid"));
    assert!(flow.me(&mut victim).await["account"].is_null());
    let landed = flow.finish(&mut attacker, &callback).await;
    assert_eq!(sign_in_error(&landed).as_deref(), Some("state_invalid"), "used once, even when refused");

    // Finished once, the same callback again is refused.
    let mut member = Browser::new();
    let callback = flow.to_callback(&mut member, "ada", "/").await;
    let landed = flow.finish(&mut member, &callback).await;
    assert_eq!(sign_in_error(&landed), None, "{landed}");
    let again = flow.finish(&mut member, &callback).await;
    assert_eq!(sign_in_error(&again).as_deref(), Some("state_invalid"));

    // Cancelled at the provider.
    let mut cancelling = Browser::new();
    let callback = flow.to_callback(&mut cancelling, "<cancel>", "/").await;
    let landed = flow.finish(&mut cancelling, &callback).await;
    assert_eq!(sign_in_error(&landed).as_deref(), Some("cancelled"), "{landed}");
}

#[tokio::test]
async fn an_expired_code_is_refused_by_the_provider_and_explained() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (_server, _provider, flow) = setup(dir.path(), 1, &[]).await;
    let mut browser = Browser::new();
    let callback = flow.to_callback(&mut browser, "ada", "/").await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let landed = flow.finish(&mut browser, &callback).await;
    assert_eq!(sign_in_error(&landed).as_deref(), Some("provider_refused"), "{landed}");
    assert!(flow.me(&mut browser).await["account"].is_null());
}

#[tokio::test]
async fn a_provider_that_is_down_is_explained_at_the_start_and_at_the_finish() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (_server, mut provider, flow) = setup(dir.path(), 60, &[]).await;
    let mut browser = Browser::new();
    let callback = flow.to_callback(&mut browser, "ada", "/").await;
    provider.child.kill().expect("the provider stops");
    let _ = provider.child.wait();
    let landed = flow.finish(&mut browser, &callback).await;
    assert_eq!(sign_in_error(&landed).as_deref(), Some("provider_unavailable"), "{landed}");

    let start = browser.get(&format!("{}/api/v1/auth/oidc/oidc/start?next=%2Fevents", flow.veche)).await;
    assert_eq!(start.status(), 303);
    let landed = start.headers().get(LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(sign_in_error(&landed).as_deref(), Some("provider_unavailable"), "{landed}");
    assert!(landed.contains("next=%2Fevents"));
    // Unknown providers are not found.
    let unknown = browser.get(&format!("{}/api/v1/auth/oidc/nope/start", flow.veche)).await;
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn where_the_provider_is_the_only_way_in_passwords_are_refused() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (_server, _provider, flow) = setup(dir.path(), 60, &[("VECHE_PASSWORD_SIGN_IN", "false")]).await;
    let mut browser = Browser::new();
    let options = json(browser.get(&format!("{}/api/v1/auth/providers", flow.veche)).await).await;
    assert_eq!(options["password"], false);
    let me = flow.me(&mut browser).await;
    let csrf = me["csrf_token"].as_str().expect("a guest token").to_owned();
    for (path, body) in [
        ("/api/v1/auth/login", serde_json::json!({ "login": "anna", "password": "demo-password" })),
        ("/api/v1/auth/password/forgot", serde_json::json!({ "email": "anna@example.com" })),
    ] {
        let answer = browser
            .http
            .post(format!("{}{path}", flow.veche))
            .header("X-CSRF-Token", &csrf)
            .header("Content-Type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .expect("answer");
        assert_eq!(answer.status(), 403, "{path}");
    }
    // The provider still lets members in.
    let callback = flow.to_callback(&mut browser, "anna", "/").await;
    flow.finish(&mut browser, &callback).await;
    assert_eq!(flow.me(&mut browser).await["account"]["member"]["handle"], "anna");
}
