//! The listening socket, below the router. The few answers hyper writes by itself, for a request
//! it could not read far enough to hand to the router (an address over its 64 KiB limit: 414; a
//! head over its buffer: 431; not HTTP: 400), become `application/problem+json` with the API's
//! headers, like every other error. Hyper writes those as a bare head with `content-length: 0`;
//! [`ProblemIo`] recognises exactly that shape (every answer of the router with these statuses
//! has a body) and writes the problem in its place.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use veche_api::problem::{PROBLEM_CONTENT_TYPE, Problem, ProblemCode};

/// A TCP listener whose connections answer hyper's own errors as problems.
pub struct Listener(pub TcpListener);

impl axum::serve::Listener for Listener {
    type Io = ProblemIo<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (connection, address) = axum::serve::Listener::accept(&mut self.0).await;
        (ProblemIo::new(connection), address)
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.0.local_addr()
    }
}

/// A connection that replaces hyper's bodiless 400, 414 and 431 heads with a problem answer.
pub struct ProblemIo<S> {
    inner: S,
    /// The replacement still to be written, and how much of it is out.
    pending: Vec<u8>,
    sent: usize,
}

impl<S> ProblemIo<S> {
    pub fn new(inner: S) -> Self {
        ProblemIo { inner, pending: Vec::new(), sent: 0 }
    }

    pub fn get_ref(&self) -> &S {
        &self.inner
    }
}

impl<S: AsyncWrite + Unpin> ProblemIo<S> {
    /// Writes out what is left of a replacement; ready once all of it is out.
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.sent < self.pending.len() {
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &self.pending[self.sent..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.sent += n;
        }
        self.pending.clear();
        self.sent = 0;
        Poll::Ready(Ok(()))
    }

    /// If `head` is one of hyper's own error heads, queues the problem in its place.
    fn replace(&mut self, head: &[u8]) -> bool {
        match replacement(head) {
            Some(answer) => {
                self.pending = answer;
                self.sent = 0;
                true
            }
            None => false,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for ProblemIo<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for ProblemIo<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        ready!(self.poll_pending(cx))?;
        if self.replace(buf) {
            // The head counts as written; the problem goes out in its place (now, or on flush).
            let _ = self.poll_pending(cx)?;
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        ready!(self.poll_pending(cx))?;
        let first = bufs.iter().find(|buf| !buf.is_empty());
        if let Some(first) = first
            && self.replace(first)
        {
            let _ = self.poll_pending(cx)?;
            return Poll::Ready(Ok(first.len()));
        }
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_pending(cx))?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_pending(cx))?;
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The problem answer for one of hyper's own error heads, or `None` for anything else.
///
/// Hyper's head is the status line, `content-length: 0`, and at most `date` and `connection`,
/// and nothing after it; an answer from the router with these statuses always has a body.
fn replacement(head: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(head).ok()?;
    let rest = text.strip_prefix("HTTP/1.1 ").or_else(|| text.strip_prefix("HTTP/1.0 "))?;
    let status: u16 = rest.get(..3)?.parse().ok()?;
    let (title, detail) = match status {
        400 => ("The request could not be read", "It is not an HTTP/1.1 request this server understands."),
        414 => ("The address is too long", "Addresses of up to 64 KiB are read; shorten the link."),
        431 => ("The request's headers are too large", "Send fewer or shorter headers (cookies included)."),
        _ => return None,
    };
    let lines = text.strip_suffix("\r\n\r\n")?;
    let mut lines = lines.split("\r\n");
    let status_line = lines.next()?;
    let mut has_empty_length = false;
    let mut date = None;
    for line in lines {
        let (name, value) = line.split_once(':')?;
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "content-length" if value == "0" => has_empty_length = true,
            "date" => date = Some(value),
            "connection" => {}
            _ => return None,
        }
    }
    if !has_empty_length {
        return None;
    }
    let problem = Problem::new(status, ProblemCode::BadRequest, title).with_detail(detail);
    let body = serde_json::to_vec(&problem).ok()?;
    let mut answer = format!(
        "{status_line}\r\ncontent-type: {PROBLEM_CONTENT_TYPE}\r\ncontent-length: {}\r\n\
         cache-control: no-store\r\ncontent-security-policy: default-src 'none'; frame-ancestors 'none'\r\n\
         x-content-type-options: nosniff\r\nconnection: close\r\n",
        body.len()
    );
    if let Some(date) = date {
        answer.push_str(&format!("date: {date}\r\n"));
    }
    answer.push_str("\r\n");
    let mut answer = answer.into_bytes();
    answer.extend_from_slice(&body);
    Some(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(answer: &[u8]) -> serde_json::Value {
        let text = std::str::from_utf8(answer).unwrap();
        let (_, body) = text.split_once("\r\n\r\n").unwrap();
        serde_json::from_str(body).unwrap()
    }

    #[test]
    fn hypers_own_heads_become_problems() {
        let head = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\ndate: Mon, 07 Dec 2026 06:00:00 GMT\r\n\r\n";
        let answer = replacement(head).expect("replaced");
        let text = String::from_utf8_lossy(&answer);
        assert!(text.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "{text}");
        assert!(text.contains("content-type: application/problem+json\r\n"));
        assert!(text.contains("date: Mon, 07 Dec 2026 06:00:00 GMT\r\n"));
        let body = body_of(&answer);
        assert_eq!(body["status"], 431);
        assert_eq!(body["code"], "bad_request");
        let length: usize =
            text.lines().find_map(|line| line.strip_prefix("content-length: ")).unwrap().parse().unwrap();
        assert_eq!(length, serde_json::to_vec(&body).unwrap().len());

        let head = b"HTTP/1.1 414 URI Too Long\r\ncontent-length: 0\r\n\r\n";
        assert_eq!(body_of(&replacement(head).expect("replaced"))["status"], 414);
    }

    #[test]
    fn answers_of_the_router_pass_untouched() {
        // A router's 400 carries its problem body; a 404 or 200 is never touched, nor a body chunk.
        assert!(
            replacement(
                b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\ncontent-length: 88\r\n\r\n"
            )
            .is_none()
        );
        assert!(replacement(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n").is_none());
        assert!(replacement(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n").is_none());
        assert!(replacement(b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\n\r\n{}").is_none());
        assert!(replacement(b"{\"items\":[]}").is_none());
    }
}
