//! Reading the mail the server sent: a real SMTP server (Python's `aiosmtpd`, from the venv
//! `scripts/setup.sh` makes) that stores what it receives in a Maildir, the `.eml` folder the
//! server writes without SMTP, and a small MIME reader for both.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;

/// A mail as a member would read it.
#[derive(Debug, Clone)]
pub struct ReadMail {
    pub to: String,
    pub subject: String,
    pub message_id: String,
    pub text: String,
    pub html: String,
    pub raw: String,
}

impl ReadMail {
    /// The first link in the plain text that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> String {
        let start = self.text.find(prefix).unwrap_or_else(|| panic!("no {prefix} link in:\n{}", self.text));
        self.text[start..].split_whitespace().next().unwrap_or_default().to_owned()
    }

    /// The `token` of the first link starting with `prefix`.
    pub fn token(&self, prefix: &str) -> String {
        let link = self.link(prefix);
        link.split("token=").nth(1).unwrap_or_default().to_owned()
    }
}

/// An SMTP server on loopback for one test; stopped when dropped.
pub struct SmtpServer {
    pub port: u16,
    pub maildir: PathBuf,
    child: Option<Child>,
    _dir: tempfile::TempDir,
}

/// A loopback port nothing listens on (yet).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("address").port()
}

/// The Python with `aiosmtpd`: `VECHE_PYTHON`, else the venv of `scripts/setup.sh`.
fn python() -> PathBuf {
    if let Some(python) = std::env::var_os("VECHE_PYTHON") {
        return python.into();
    }
    let cache = std::env::var_os("VECHE_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/veche"));
    cache.join("venv/bin/python")
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        Self::start_on(free_port())
    }

    /// Starts `aiosmtpd` on `port` and waits until it answers.
    pub fn start_on(port: u16) -> SmtpServer {
        let dir = tempfile::tempdir().expect("temporary directory");
        let maildir = dir.path().join("maildir");
        let python = python();
        let child = Command::new(&python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| {
                panic!(
                    "starting aiosmtpd with {} ({error}); run scripts/setup.sh (requirements-dev.txt)",
                    python.display()
                )
            });
        let mut server = SmtpServer { port, maildir, child: Some(child), _dir: dir };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = server.child.as_mut().and_then(|c| c.try_wait().ok().flatten()) {
                panic!("aiosmtpd exited ({status}): is it installed for {}?", python.display());
            }
            assert!(Instant::now() < deadline, "aiosmtpd did not listen on {port} within 20 s");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every mail received so far, oldest first.
    pub fn received(&self) -> Vec<ReadMail> {
        read_folder(&self.maildir.join("new"), "")
    }

    /// Stops the server (an outage).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The mails in a folder (files ending in `extension`, all when empty), in name order.
pub fn read_folder(folder: &Path, extension: &str) -> Vec<ReadMail> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(extension))
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    paths.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
    paths.iter().map(|p| parse(&std::fs::read_to_string(p).expect("mail file"))).collect()
}

/// The `.eml` files the server wrote into its mail folder.
pub fn eml_files(state: &veche_server::AppState) -> Vec<ReadMail> {
    read_folder(&state.config.mail_folder(), ".eml")
}

/// Reads a message: headers (unfolded, encoded words decoded) and its text and HTML parts.
pub fn parse(raw: &str) -> ReadMail {
    let raw = raw.replace("\r\n", "\n");
    let (head, body) = raw.split_once("\n\n").unwrap_or((&raw, ""));
    let headers = unfold(head);
    let header = |name: &str| {
        headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| decode_words(value))
            .unwrap_or_default()
    };
    let content_type = header("Content-Type");
    let boundary = content_type
        .split("boundary=")
        .nth(1)
        .map(|b| b.trim_matches('"').split(';').next().unwrap_or_default().trim_matches('"').to_owned())
        .expect("a multipart mail");
    let mut text = String::new();
    let mut html = String::new();
    for part in body.split(&format!("--{boundary}")).skip(1) {
        let Some((part_head, part_body)) = part.trim_start_matches('\n').split_once("\n\n") else { continue };
        let part_headers = unfold(part_head);
        let get = |name: &str| {
            part_headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.to_lowercase())
                .unwrap_or_default()
        };
        let decoded = decode_body(part_body.trim_end(), &get("Content-Transfer-Encoding"));
        if get("Content-Type").starts_with("text/plain") {
            text = decoded;
        } else if get("Content-Type").starts_with("text/html") {
            html = decoded;
        }
    }
    ReadMail {
        to: header("To"),
        subject: header("Subject"),
        message_id: header("Message-ID"),
        text,
        html,
        raw: raw.clone(),
    }
}

fn unfold(head: &str) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push_str(line);
            }
        } else if let Some((key, value)) = line.split_once(':') {
            headers.push((key.trim().to_owned(), value.trim().to_owned()));
        }
    }
    headers
}

/// RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) to text.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find("=?") {
        let between = &rest[..start];
        if !between.trim().is_empty() || out.is_empty() {
            out.push_str(between);
        }
        let word = &rest[start + 2..];
        let parts: Vec<&str> = word.splitn(3, '?').collect();
        let Some(end) = parts.get(2).and_then(|p| p.find("?=")) else {
            out.push_str(&rest[start..]);
            return out;
        };
        let encoded = &parts[2][..end];
        let bytes = if parts[1].eq_ignore_ascii_case("b") {
            base64::engine::general_purpose::STANDARD.decode(encoded).unwrap_or_default()
        } else {
            quoted_printable(&encoded.replace('_', " "))
        };
        out.push_str(&String::from_utf8_lossy(&bytes));
        rest = &parts[2][end + 2..];
    }
    out.push_str(rest);
    out
}

fn decode_body(body: &str, encoding: &str) -> String {
    match encoding {
        "base64" => String::from_utf8_lossy(
            &base64::engine::general_purpose::STANDARD.decode(body.replace(['\n', '\r', ' '], "")).unwrap_or_default(),
        )
        .into_owned(),
        "quoted-printable" => String::from_utf8_lossy(&quoted_printable(body)).into_owned(),
        _ => body.to_owned(),
    }
}

fn quoted_printable(text: &str) -> Vec<u8> {
    let text = text.replace("=\n", "");
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len() + 1
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}
