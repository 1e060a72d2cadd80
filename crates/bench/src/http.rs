//! A minimal HTTP/1.1 keep-alive client: one connection, one request at a
//! time, no pipelining. Small and cheap, so that the load generator costs
//! as little CPU as possible next to the server it measures.

use anyhow::{bail, Context, Result};
use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Responses with larger heads or bodies are refused (keeps memory bounded).
const MAX_HEAD: usize = 64 * 1024;
const MAX_BODY: usize = 16 * 1024 * 1024;

/// A prepared `GET` request, serialised once and sent many times.
pub fn get_request(addr: SocketAddr, path: &str, bearer: Option<&str>) -> Vec<u8> {
    let auth = bearer.map(|token| format!("Authorization: Bearer {token}"));
    request(addr, path, "application/json", auth.as_deref())
}

/// A prepared `GET` request of a signed-in browser (`cookie` is the
/// `Cookie` header's value), for the HTML pages.
pub fn get_request_with_cookie(addr: SocketAddr, path: &str, cookie: &str) -> Vec<u8> {
    let header = format!("Cookie: {cookie}");
    request(addr, path, "text/html,application/json", Some(&header))
}

/// A `POST` of a JSON body, without credentials (e.g. a ping test's
/// answer by its mailed token).
pub fn post_json_request(addr: SocketAddr, path: &str, body: &str) -> Vec<u8> {
    format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\n\
         User-Agent: pocdir-bench\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn request(addr: SocketAddr, path: &str, accept: &str, header: Option<&str>) -> Vec<u8> {
    let mut r = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: {accept}\r\nUser-Agent: pocdir-bench\r\n"
    );
    if let Some(h) = header {
        r.push_str(h);
        r.push_str("\r\n");
    }
    r.push_str("\r\n");
    r.into_bytes()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body_len: usize,
    /// The server will close the connection after this response.
    pub close: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyKind {
    None,
    Length(usize),
    Chunked,
    UntilClose,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Head {
    status: u16,
    body: BodyKind,
    close: bool,
}

pub struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

impl Conn {
    pub async fn connect(addr: SocketAddr) -> Result<Conn> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Conn {
            stream,
            buf: Vec::with_capacity(8 * 1024),
        })
    }

    /// Sends one request and reads its whole response.
    pub async fn send(&mut self, request: &[u8]) -> Result<Response> {
        self.stream.write_all(request).await.context("write")?;
        self.read_response().await
    }

    async fn fill(&mut self) -> Result<usize> {
        self.buf.reserve(8 * 1024);
        self.stream.read_buf(&mut self.buf).await.context("read")
    }

    async fn fill_or_eof_error(&mut self) -> Result<()> {
        if self.fill().await? == 0 {
            bail!("the server closed the connection mid-response");
        }
        Ok(())
    }

    /// Consumes `n` bytes from the front of the buffer.
    fn consume(&mut self, n: usize) {
        let n = n.min(self.buf.len());
        self.buf.drain(..n);
    }

    /// Reads until the buffer holds a CRLF; returns the line's length (without CRLF).
    async fn line(&mut self) -> Result<usize> {
        loop {
            if let Some(pos) = find(&self.buf, b"\r\n") {
                return Ok(pos);
            }
            if self.buf.len() > MAX_HEAD {
                bail!("line too long");
            }
            self.fill_or_eof_error().await?;
        }
    }

    async fn read_response(&mut self) -> Result<Response> {
        let head_len = loop {
            if let Some(pos) = find(&self.buf, b"\r\n\r\n") {
                break pos + 4;
            }
            if self.buf.len() > MAX_HEAD {
                bail!("response head too long");
            }
            self.fill_or_eof_error().await?;
        };
        let head = parse_head(self.buf.get(..head_len).unwrap_or_default())?;
        self.consume(head_len);
        let mut close = head.close;
        let body_len = match head.body {
            BodyKind::None => 0,
            BodyKind::Length(n) => {
                if n > MAX_BODY {
                    bail!("body of {n} bytes is too large");
                }
                while self.buf.len() < n {
                    self.fill_or_eof_error().await?;
                }
                self.consume(n);
                n
            }
            BodyKind::Chunked => self.read_chunked().await?,
            BodyKind::UntilClose => {
                while self.fill().await? > 0 {
                    if self.buf.len() > MAX_BODY {
                        bail!("body too large");
                    }
                }
                close = true;
                let n = self.buf.len();
                self.buf.clear();
                n
            }
        };
        Ok(Response {
            status: head.status,
            body_len,
            close,
        })
    }

    async fn read_chunked(&mut self) -> Result<usize> {
        let mut total = 0usize;
        loop {
            let len = self.line().await?;
            let size_line = std::str::from_utf8(self.buf.get(..len).unwrap_or_default())
                .context("chunk size")?;
            let hex = size_line.split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(hex, 16)
                .with_context(|| format!("bad chunk size {hex:?}"))?;
            self.consume(len + 2);
            if size == 0 {
                // Trailers, up to the empty line.
                loop {
                    let len = self.line().await?;
                    self.consume(len + 2);
                    if len == 0 {
                        return Ok(total);
                    }
                }
            }
            total = total.saturating_add(size);
            if total > MAX_BODY {
                bail!("body too large");
            }
            while self.buf.len() < size + 2 {
                self.fill_or_eof_error().await?;
            }
            if self.buf.get(size..size + 2) != Some(b"\r\n".as_slice()) {
                bail!("chunk not followed by CRLF");
            }
            self.consume(size + 2);
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn parse_head(head: &[u8]) -> Result<Head> {
    let text = std::str::from_utf8(head).context("response head is not UTF-8")?;
    let mut lines = text.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    let status: u16 = parts
        .next()
        .unwrap_or_default()
        .parse()
        .with_context(|| format!("bad status line {status_line:?}"))?;
    if !version.starts_with("HTTP/1.") {
        bail!("not an HTTP/1 response: {status_line:?}");
    }
    let mut close = version == "HTTP/1.0";
    let mut length = None;
    let mut chunked = false;
    for line in lines.filter(|l| !l.is_empty()) {
        let Some((name, value)) = line.split_once(':') else {
            bail!("bad header line {line:?}");
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(
                value
                    .parse::<usize>()
                    .with_context(|| format!("bad content-length {value:?}"))?,
            );
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("connection") {
            let v = value.to_ascii_lowercase();
            if v.contains("close") {
                close = true;
            } else if v.contains("keep-alive") {
                close = false;
            }
        }
    }
    let body = if (100..200).contains(&status) || status == 204 || status == 304 {
        BodyKind::None
    } else if chunked {
        BodyKind::Chunked
    } else if let Some(n) = length {
        BodyKind::Length(n)
    } else {
        BodyKind::UntilClose
    };
    Ok(Head {
        status,
        body,
        close,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_parsed() {
        let h = parse_head(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nContent-Length: 12\r\n\r\n",
        )
        .unwrap();
        assert_eq!(
            h,
            Head {
                status: 200,
                body: BodyKind::Length(12),
                close: false
            }
        );
        let h = parse_head(
            b"HTTP/1.1 401 Unauthorized\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
        assert_eq!((h.status, h.body, h.close), (401, BodyKind::Chunked, true));
        let h = parse_head(b"HTTP/1.1 204 No Content\r\n\r\n").unwrap();
        assert_eq!(h.body, BodyKind::None);
        assert!(parse_head(b"garbage\r\n\r\n").is_err());
    }

    #[tokio::test]
    async fn reads_length_and_chunked_bodies_on_one_connection() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            let (mut s, _) = listener.accept().await.unwrap();
            let mut seen = Vec::new();
            let mut buf = [0u8; 1024];
            let mut answered = 0;
            while answered < 2 {
                let n = s.read(&mut buf).await.unwrap();
                seen.extend_from_slice(&buf[..n]);
                while let Some(pos) = find(&seen, b"\r\n\r\n") {
                    seen.drain(..pos + 4);
                    let reply: &[u8] = if answered == 0 {
                        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                    } else {
                        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"
                    };
                    s.write_all(reply).await.unwrap();
                    answered += 1;
                }
            }
        });
        let mut c = Conn::connect(addr).await.unwrap();
        let req = get_request(addr, "/x", Some("tok"));
        assert!(String::from_utf8_lossy(&req).contains("Authorization: Bearer tok\r\n"));
        let r = c.send(&req).await.unwrap();
        assert_eq!((r.status, r.body_len, r.close), (200, 5, false));
        let r = c.send(&req).await.unwrap();
        assert_eq!((r.status, r.body_len), (200, 5));
        server.await.unwrap();
    }
}
