//! The real `veche-server` program, started on a database file and killed like a power cut
//! would, and a plain HTTP/1.1 client for it (one connection per request).

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct ServerProcess {
    child: Child,
    pub addr: SocketAddr,
}

impl ServerProcess {
    /// Starts the server on `database` (created with the demo if new) and waits until it answers.
    pub async fn start(database: &Path) -> ServerProcess {
        Self::start_with(database, &[]).await
    }

    pub async fn start_with(database: &Path, env: &[(&str, &str)]) -> ServerProcess {
        Self::start_on(free_port(), database, env).await
    }

    /// Starts on `port` (for tests that must know the address before the server runs).
    pub async fn start_on(port: u16, database: &Path, env: &[(&str, &str)]) -> ServerProcess {
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let child = Command::new(env!("CARGO_BIN_EXE_veche-server"))
            .env("VECHE_ADDR", addr.to_string())
            .env("VECHE_DATABASE", database)
            .env("VECHE_STATIC_DIR", "/nonexistent")
            .env("VECHE_WRITES_PER_MINUTE", "100000")
            .env("VECHE_AUTH_ATTEMPTS_PER_MINUTE", "1000")
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .spawn()
            .expect("veche-server starts");
        let server = ServerProcess { child, addr };
        let started = Instant::now();
        loop {
            if let Ok(Ok(answer)) = tokio::time::timeout(Duration::from_secs(2), get(addr, "/api/v1/community")).await
                && answer.status == 200
            {
                return server;
            }
            assert!(started.elapsed() < Duration::from_secs(90), "the server did not start on {addr}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// `kill -9`: no shutdown, no flushing, whatever was running is cut off.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A port nothing listens on at the moment.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("address").port()
}

/// An answer as it came over the wire.
#[derive(Debug)]
pub struct RawAnswer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawAnswer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
}

pub async fn get(addr: SocketAddr, path: &str) -> std::io::Result<RawAnswer> {
    request(addr, "GET", path, &[], b"").await
}

/// One request on its own connection (`Connection: close`).
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<RawAnswer> {
    let mut stream = TcpStream::connect(addr).await?;
    let mut head =
        format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body).await?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await?;
    parse(&raw).ok_or_else(|| std::io::Error::other("not an HTTP answer"))
}

/// An answer read off the wire (`None` if `raw` does not start with a whole head).
pub fn parse(raw: &[u8]) -> Option<RawAnswer> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    let chunked = headers.iter().any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body)?;
    }
    Some(RawAnswer { status, headers, body })
}

fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size =
            usize::from_str_radix(std::str::from_utf8(&rest[..line_end]).ok()?.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

/// A sign-in as a browser sends it (a guest's CSRF token first), with `headers` added.
pub async fn sign_in(addr: SocketAddr, login: &str, password: &str, headers: &[(&str, &str)]) -> RawAnswer {
    let me = get(addr, "/api/v1/auth/me").await.expect("auth/me");
    let csrf = me.json()["csrf_token"].as_str().expect("a guest token").to_owned();
    let body = serde_json::json!({ "login": login, "password": password }).to_string();
    let mut all = vec![("Content-Type", "application/json"), ("X-CSRF-Token", csrf.as_str())];
    all.extend_from_slice(headers);
    request(addr, "POST", "/api/v1/auth/login", &all, body.as_bytes()).await.expect("login")
}

/// A signed-in member talking to a server process: cookie and CSRF token.
#[derive(Clone)]
pub struct Member {
    pub addr: SocketAddr,
    cookie: String,
    csrf: String,
}

impl Member {
    /// Signs a demo member in.
    pub async fn sign_in(addr: SocketAddr, handle: &str) -> Member {
        let answer = sign_in(addr, handle, veche_server::seed::DEMO_PASSWORD, &[]).await;
        assert_eq!(answer.status, 200, "signing {handle} in: {}", String::from_utf8_lossy(&answer.body));
        let cookie =
            answer.header("set-cookie").and_then(|c| c.split(';').next()).expect("a session cookie").to_owned();
        let csrf = answer.json()["csrf_token"].as_str().expect("a session token").to_owned();
        Member { addr, cookie, csrf }
    }

    /// The same member on another server process (the session is in the database).
    pub fn on(&self, addr: SocketAddr) -> Member {
        Member { addr, ..self.clone() }
    }

    /// A JSON write, with an Idempotency-Key when given.
    pub async fn send(&self, method: &str, path: &str, body: &Value, key: Option<&str>) -> std::io::Result<RawAnswer> {
        let mut headers = vec![
            ("Content-Type", "application/json"),
            ("X-CSRF-Token", self.csrf.as_str()),
            ("Cookie", self.cookie.as_str()),
        ];
        if let Some(key) = key {
            headers.push(("Idempotency-Key", key));
        }
        request(self.addr, method, path, &headers, body.to_string().as_bytes()).await
    }

    /// Starts a thread in the demo's "integrations" space; answers its path.
    pub async fn new_thread(&self, title: &str) -> String {
        let body = serde_json::json!({ "space_id": "integrations", "title": title, "body": "Let us see." });
        let created = self.send("POST", "/api/v1/threads", &body, None).await.expect("new thread");
        assert_eq!(created.status, 201, "{}", String::from_utf8_lossy(&created.body));
        format!("/api/v1/threads/{}", created.json()["id"].as_str().expect("thread id"))
    }
}
