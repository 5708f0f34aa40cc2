//! WARC archives (ISO 28500, the Common Crawl News layout): a streaming
//! reader that turns each `response` record carrying an HTML page with HTTP
//! status 200 into a [`RawDoc`]. Other records (`warcinfo`, `request`,
//! `metadata`, non-HTML or non-200 responses) are skipped and counted.
//!
//! `.warc.gz` files are a series of gzip members, one per record; the
//! multi-member decoder upstream makes them one stream, so this reader only
//! sees WARC. Memory per record is bounded by [`Limits::max_doc_bytes`]: a
//! longer payload is truncated and the rest of the record skipped. Junk
//! between records is reported once and skipped until the next `WARC/`
//! version line; a truncated archive ends with a diagnostic, keeping what
//! was read before.

use crate::inputs::{failed_doc, read_failure_diagnostic, read_line_capped, Limits, LineRead};
use crate::{BodyFormat, RawDoc};
use dateline_model::Diagnostic;
use flate2::read::{MultiGzDecoder, ZlibDecoder};
use std::io::{self, BufRead, BufReader, Read};

/// What a WARC stream opens with (after gzip).
pub(crate) const WARC_MAGIC: &[u8] = b"WARC/1.";
/// WARC and HTTP header lines are short; a longer one is junk.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Headers per record or HTTP response; more is junk.
const MAX_HEADER_LINES: usize = 512;
/// Provenance format of documents read from WARC.
pub(crate) const WARC_FORMAT: &str = "warc";

/// The WARC headers this reader uses.
#[derive(Default)]
struct WarcHeaders {
    kind: Option<String>,
    content_length: Option<u64>,
    target_uri: Option<String>,
    date: Option<String>,
    record_id: Option<String>,
}

/// The HTTP response at the start of a `response` record's block.
#[derive(Default)]
struct HttpHead {
    status: Option<u16>,
    content_type: Option<String>,
    chunked: bool,
    content_encoding: Option<String>,
}

/// Outcome of one step of reading (short-lived: its size does not matter).
#[allow(clippy::large_enum_variant)]
enum Step {
    Doc(RawDoc),
    Skipped,
    End,
}

pub(crate) struct WarcStream {
    origin: String,
    reader: BufReader<Box<dyn Read + Send>>,
    gzip: bool,
    /// Records started so far; the current record's number (1-based).
    record_no: u64,
    /// Reused line buffer.
    line: Vec<u8>,
    /// Out of step after junk: lines are skipped until a version line.
    resyncing: bool,
    finished: bool,
}

impl WarcStream {
    pub(crate) fn new(origin: String, reader: Box<dyn Read + Send>, gzip: bool) -> WarcStream {
        WarcStream {
            origin,
            reader: BufReader::with_capacity(64 * 1024, reader),
            gzip,
            record_no: 0,
            line: Vec::new(),
            resyncing: false,
            finished: false,
        }
    }

    /// The next HTML document (or a document carrying a reading problem);
    /// `skipped` counts the records left out on the way.
    pub(crate) fn next_record(&mut self, limits: &Limits, skipped: &mut usize) -> Option<RawDoc> {
        while !self.finished {
            match self.step(limits) {
                Step::Doc(raw) => return Some(raw),
                Step::Skipped => *skipped += 1,
                Step::End => self.finished = true,
            }
        }
        None
    }

    fn record_origin(&self) -> String {
        format!("{}:{}", self.origin, self.record_no)
    }

    /// A document standing for a problem; it ends the stream when `fatal`.
    fn problem(&mut self, code: &'static str, message: String, fatal: bool) -> Step {
        if fatal {
            self.finished = true;
        }
        let origin = self.record_origin();
        let mut raw = failed_doc(origin, code, message);
        raw.container = Some(WARC_FORMAT);
        Step::Doc(raw)
    }

    fn io_problem(&mut self, err: &io::Error, during: &str) -> Step {
        let diagnostic = io_diagnostic(&self.origin, self.gzip, self.record_no, err, during);
        self.finished = true;
        let mut raw = failed_doc(self.record_origin(), diagnostic.code, String::new());
        raw.diagnostics = vec![diagnostic];
        raw.container = Some(WARC_FORMAT);
        Step::Doc(raw)
    }

    fn step(&mut self, limits: &Limits) -> Step {
        // The version line, after any blank lines between records.
        loop {
            self.line.clear();
            match read_line_capped(&mut self.reader, &mut self.line, MAX_HEADER_LINE) {
                Err(err) => {
                    self.record_no += 1;
                    return self.io_problem(&err, "between records");
                }
                Ok(LineRead::Eof) => return Step::End,
                Ok(LineRead::TooLong { .. }) => {
                    if let Some(step) = self.junk() {
                        return step;
                    }
                }
                Ok(LineRead::Line) => {
                    let line = self.line.trim_ascii();
                    if line.is_empty() {
                        continue;
                    }
                    if line.starts_with(b"WARC/") {
                        self.resyncing = false;
                        break;
                    }
                    if let Some(step) = self.junk() {
                        return step;
                    }
                }
            }
        }
        self.record_no += 1;
        let headers = match self.read_warc_headers() {
            Ok(Some(headers)) => headers,
            Ok(None) => {
                let message = format!(
                    "'{}': record {} ends inside its headers (truncated archive)",
                    self.origin, self.record_no
                );
                return self.problem("truncated-warc", message, true);
            }
            Err(err) => return self.io_problem(&err, "headers"),
        };
        let Some(length) = headers.content_length else {
            self.resyncing = true;
            let message = format!(
                "'{}': record {} has no valid Content-Length; skipped to the next record",
                self.origin, self.record_no
            );
            return self.problem("bad-warc-record", message, false);
        };
        if headers.kind.as_deref() != Some("response") {
            return self.skip_block(length);
        }
        self.read_response(length, headers, limits)
    }

    /// Reports junk once per stretch; `None` while already skipping it.
    fn junk(&mut self) -> Option<Step> {
        if self.resyncing {
            return None;
        }
        self.resyncing = true;
        let message = format!(
            "'{}': junk after record {} (not a WARC record); skipped to the next record",
            self.origin, self.record_no
        );
        let mut raw = failed_doc(
            format!("{}:{}+", self.origin, self.record_no),
            "bad-warc-record",
            message,
        );
        raw.container = Some(WARC_FORMAT);
        Some(Step::Doc(raw))
    }

    /// `Ok(None)` at end of stream inside the headers.
    fn read_warc_headers(&mut self) -> io::Result<Option<WarcHeaders>> {
        let mut headers = WarcHeaders::default();
        for _ in 0..MAX_HEADER_LINES {
            self.line.clear();
            match read_line_capped(&mut self.reader, &mut self.line, MAX_HEADER_LINE)? {
                LineRead::Eof => return Ok(None),
                LineRead::TooLong { .. } => continue,
                LineRead::Line => {}
            }
            let line = self.line.trim_ascii_end();
            if line.is_empty() {
                return Ok(Some(headers));
            }
            let Some((name, value)) = split_header(line) else {
                continue;
            };
            if name.eq_ignore_ascii_case("WARC-Type") {
                headers.kind = Some(value.to_ascii_lowercase());
            } else if name.eq_ignore_ascii_case("Content-Length") {
                headers.content_length = value.parse().ok();
            } else if name.eq_ignore_ascii_case("WARC-Target-URI") {
                // Some writers put the URI in angle brackets (WARC 1.0 grammar).
                let uri = value.trim_start_matches('<').trim_end_matches('>');
                headers.target_uri = Some(uri.to_string()).filter(|u| !u.is_empty());
            } else if name.eq_ignore_ascii_case("WARC-Record-ID") {
                headers.record_id = Some(value.to_string()).filter(|d| !d.is_empty());
            } else if name.eq_ignore_ascii_case("WARC-Date") {
                headers.date = Some(value.to_string()).filter(|d| !d.is_empty());
            }
        }
        // Too many header lines: treat as junk.
        Ok(Some(headers))
    }

    fn skip_block(&mut self, length: u64) -> Step {
        let mut block = (&mut self.reader).take(length);
        match io::copy(&mut block, &mut io::sink()) {
            Ok(copied) if copied == length => Step::Skipped,
            Ok(copied) => {
                let message = format!(
                    "'{}': record {} is cut short ({copied} of {length} bytes; truncated archive)",
                    self.origin, self.record_no
                );
                self.problem("truncated-warc", message, true)
            }
            Err(err) => self.io_problem(&err, "skipped record"),
        }
    }

    fn read_response(&mut self, length: u64, headers: WarcHeaders, limits: &Limits) -> Step {
        let mut block = (&mut self.reader).take(length);
        let head = match read_http_head(&mut block, &mut self.line) {
            Ok(head) => head,
            Err(err) => return self.io_problem(&err, "HTTP headers"),
        };
        let html_type = head.content_type.as_deref().map(is_html_type);
        if head.status != Some(200) || html_type == Some(false) {
            let rest = block.limit();
            return self.skip_block(rest);
        }
        let max = limits.max_doc_bytes;
        let mut body = Vec::new();
        let mut diagnostics = Vec::new();
        let mut cut = false;
        if let Err(err) = (&mut block)
            .take(max.saturating_add(1))
            .read_to_end(&mut body)
        {
            // The page read so far is kept; the archive ends here.
            let mut diagnostic =
                io_diagnostic(&self.origin, self.gzip, self.record_no, &err, "HTTP body");
            diagnostic
                .message
                .push_str(&format!(" ({} bytes of the page kept)", body.len()));
            diagnostics.push(diagnostic);
            cut = true;
        } else if body.len() as u64 > max {
            body.truncate(max as usize);
            diagnostics.push(Diagnostic::warning(
                "input-truncated",
                format!("record payload is larger than the {max}-byte limit; only the first {max} bytes are read"),
            ));
            if let Err(err) = io::copy(&mut block, &mut io::sink()) {
                return self.io_problem(&err, "HTTP body");
            }
        }
        let missing = block.limit();
        if cut {
            self.finished = true;
        } else if missing > 0 {
            // End of stream inside the record: keep what was read, stop.
            self.finished = true;
            diagnostics.push(Diagnostic::error(
                "truncated-warc",
                format!(
                    "'{}': record {} is cut short ({} bytes missing; truncated archive); what was read is kept",
                    self.origin,
                    self.record_no,
                    missing
                ),
            ));
        }
        if head.chunked {
            match dechunk(&body) {
                Some(joined) => body = joined,
                None => diagnostics.push(Diagnostic::warning(
                    "bad-chunked",
                    "body says chunked transfer encoding but is not; read as is",
                )),
            }
        }
        if let Some(encoding) = head.content_encoding.as_deref() {
            body = decompress(body, encoding, max, &mut diagnostics);
        }
        if html_type.is_none() && !crate::looks_like_html(&body) {
            // No Content-Type and not HTML by content: not a page.
            return Step::Skipped;
        }
        Step::Doc(RawDoc {
            origin: self.record_origin(),
            body_format: Some(BodyFormat::Html),
            container: Some(WARC_FORMAT),
            // The record id is unique and stable: re-reading the archive
            // (`--resume`) gives the same ids, and two fetches of one page
            // stay two documents (the second flagged as a duplicate).
            id: headers.record_id.map(|r| crate::content_id(r.as_bytes())),
            body,
            url: headers.target_uri,
            fetched: headers.date,
            content_type: head.content_type,
            diagnostics,
            ..RawDoc::default()
        })
    }
}

/// A read failure in record `record_no`, worded for the user.
fn io_diagnostic(
    origin: &str,
    gzip: bool,
    record_no: u64,
    err: &io::Error,
    during: &str,
) -> Diagnostic {
    let mut diagnostic = read_failure_diagnostic(origin, gzip, err);
    if !gzip && err.kind() == io::ErrorKind::UnexpectedEof {
        diagnostic = Diagnostic::error(
            "truncated-warc",
            format!("'{origin}': archive ends early (truncated)"),
        );
    }
    diagnostic.message.push_str(&format!(
        " in record {record_no} ({during}); the rest is lost"
    ));
    diagnostic
}

/// `Name: value` with both trimmed; `None` for a line without a colon or
/// with non-UTF-8 bytes.
fn split_header(line: &[u8]) -> Option<(&str, &str)> {
    let colon = memchr::memchr(b':', line)?;
    let name = std::str::from_utf8(line.get(..colon)?).ok()?.trim();
    let value = std::str::from_utf8(line.get(colon + 1..)?).ok()?.trim();
    Some((name, value))
}

fn is_html_type(content_type: &str) -> bool {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    media == "text/html" || media.starts_with("application/xhtml")
}

/// The status line and headers of an HTTP response; at end of data or on a
/// block that is not HTTP, what was found (status `None` = not a response).
fn read_http_head(block: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<HttpHead> {
    let mut head = HttpHead::default();
    line.clear();
    if !matches!(
        read_line_capped(block, line, MAX_HEADER_LINE)?,
        LineRead::Line
    ) {
        return Ok(head);
    }
    let status_line = line.trim_ascii();
    if !status_line.starts_with(b"HTTP/") {
        return Ok(head);
    }
    head.status = status_line
        .split(|b| *b == b' ')
        .filter(|part| !part.is_empty())
        .nth(1)
        .and_then(|code| std::str::from_utf8(code).ok())
        .and_then(|code| code.parse().ok());
    for _ in 0..MAX_HEADER_LINES {
        line.clear();
        match read_line_capped(block, line, MAX_HEADER_LINE)? {
            LineRead::Eof => return Ok(head),
            LineRead::TooLong { .. } => continue,
            LineRead::Line => {}
        }
        let text = line.trim_ascii_end();
        if text.is_empty() {
            return Ok(head);
        }
        let Some((name, value)) = split_header(text) else {
            continue;
        };
        if name.eq_ignore_ascii_case("Content-Type") {
            head.content_type = Some(value.to_string());
        } else if name.eq_ignore_ascii_case("Transfer-Encoding") {
            head.chunked = value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("Content-Encoding") {
            head.content_encoding = Some(value.to_ascii_lowercase()).filter(|v| v != "identity");
        }
    }
    Ok(head)
}

/// Joins the chunks of a chunked body; `None` when it is not chunked data
/// (crawlers often store bodies already de-chunked while keeping the header).
/// A body cut inside a chunk keeps what it has.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let end = memchr::memchr(b'\n', rest)?;
        let size_line = std::str::from_utf8(rest.get(..end)?).ok()?.trim();
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        rest = rest.get(end + 1..)?;
        if size == 0 {
            return Some(out);
        }
        match rest.get(..size) {
            Some(chunk) => out.extend_from_slice(chunk),
            None => {
                out.extend_from_slice(rest);
                return Some(out);
            }
        }
        rest = rest.get(size..).unwrap_or(&[]);
        rest = rest.strip_prefix(b"\r").unwrap_or(rest);
        rest = rest.strip_prefix(b"\n").unwrap_or(rest);
        if rest.is_empty() {
            return Some(out);
        }
    }
}

/// Undoes `Content-Encoding` gzip or deflate, up to `max` bytes. A body that
/// is not actually compressed (crawlers often store it decoded) is kept.
fn decompress(
    body: Vec<u8>,
    encoding: &str,
    max: u64,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<u8> {
    let mut out = Vec::new();
    let result = match encoding {
        "gzip" | "x-gzip" if body.starts_with(&[0x1F, 0x8B]) => {
            MultiGzDecoder::new(body.as_slice())
                .take(max.saturating_add(1))
                .read_to_end(&mut out)
        }
        // zlib-wrapped deflate starts with 0x78; anything else is taken as decoded.
        "deflate" if body.first() == Some(&0x78) => ZlibDecoder::new(body.as_slice())
            .take(max.saturating_add(1))
            .read_to_end(&mut out),
        "gzip" | "x-gzip" | "deflate" => return body,
        other => {
            diagnostics.push(Diagnostic::warning(
                "unsupported-content-encoding",
                format!("content encoding {other:?} is not supported; body read as is"),
            ));
            return body;
        }
    };
    if let Err(err) = result {
        diagnostics.push(Diagnostic::warning(
            "bad-content-encoding",
            format!(
                "{encoding} body is corrupt or truncated ({}); {} decoded bytes kept",
                crate::error::describe(&err),
                out.len()
            ),
        ));
    }
    if out.len() as u64 > max {
        out.truncate(max as usize);
        diagnostics.push(Diagnostic::warning(
            "input-truncated",
            format!("decoded body is larger than the {max}-byte limit; only the first {max} bytes are read"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello world"[..])
        );
        // Already de-chunked: not chunked data.
        assert_eq!(dechunk(b"<html><body>x</body></html>"), None);
        // Cut inside a chunk: what is there is kept.
        assert_eq!(dechunk(b"a\r\nhello").as_deref(), Some(&b"hello"[..]));
    }

    #[test]
    fn html_content_types() {
        assert!(is_html_type("text/html; charset=ISO-8859-1"));
        assert!(is_html_type("application/xhtml+xml"));
        assert!(is_html_type(" TEXT/HTML"));
        assert!(!is_html_type("application/pdf"));
        assert!(!is_html_type("text/plain"));
    }

    #[test]
    fn unknown_encoding_is_kept_and_reported() {
        let mut diagnostics = Vec::new();
        let body = decompress(b"<p>x</p>".to_vec(), "br", 100, &mut diagnostics);
        assert_eq!(body, b"<p>x</p>");
        assert_eq!(diagnostics[0].code, "unsupported-content-encoding");
    }
}
