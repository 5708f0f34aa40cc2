//! Turning paths, directories and streams into a sequence of [`RawDoc`]s.

use crate::error::{describe, IngestError};
use crate::jsonl::parse_line;
use crate::prepare::content_id;
use crate::warc::{WarcStream, WARC_MAGIC};
use crate::{BodyFormat, InputFormat, RawDoc};
use dateline_model::Diagnostic;
use flate2::read::MultiGzDecoder;
use std::collections::VecDeque;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

const MIB: u64 = 1024 * 1024;
const GZIP_MAGIC: [u8; 2] = [0x1F, 0x8B];
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// How much of stdin is looked at to decide whether it is JSON Lines.
const STDIN_SNIFF_BYTES: usize = 64 * 1024;
const READ_BUFFER_BYTES: usize = 64 * 1024;

/// Memory bounds for reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// A plain document (file or stdin) is read up to this many bytes; the
    /// rest is dropped with an `input-truncated` warning.
    pub max_doc_bytes: u64,
    /// A JSON line longer than this is skipped: it becomes an empty document
    /// with a `line-too-long` error.
    pub max_line_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_doc_bytes: 64 * MIB,
            max_line_bytes: 64 * MIB as usize,
        }
    }
}

enum Source {
    File(PathBuf),
    Reader {
        origin: String,
        reader: Box<dyn Read + Send>,
    },
}

/// The documents of a set of inputs, in order: each named input in turn,
/// directories depth-first in byte order of their entry names. An iterator
/// of [`RawDoc`]: reading problems become diagnostics, never panics or stops.
pub struct Inputs {
    pending: VecDeque<Source>,
    current: Option<Stream>,
    format: InputFormat,
    limits: Limits,
    skipped: usize,
    skipped_records: usize,
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs")
            .field("pending", &self.pending.len())
            .field("format", &self.format)
            .field("limits", &self.limits)
            .finish()
    }
}

impl Inputs {
    /// Checks every path and lists directories (recursively; entries whose
    /// name starts with `.`, symlinks to directories and special files such
    /// as FIFOs are skipped). `-` is
    /// stdin. A missing or unopenable path, or an unlistable directory, is a
    /// fatal error; nothing is read yet.
    pub fn open<P: AsRef<Path>>(paths: &[P], format: InputFormat) -> Result<Inputs, IngestError> {
        let mut inputs = Inputs::empty(format);
        for path in paths {
            let path = path.as_ref();
            if path == Path::new("-") {
                inputs.push_reader("-", io::stdin());
                continue;
            }
            let metadata = fs::metadata(path).map_err(|e| IngestError::unreadable(path, &e))?;
            if metadata.is_dir() {
                walk(path, &mut inputs.pending, &mut inputs.skipped)?;
            } else {
                // Fail now, with a clear message, rather than half-way through a batch.
                File::open(path).map_err(|e| IngestError::unreadable(path, &e))?;
                inputs.pending.push_back(Source::File(path.to_path_buf()));
            }
        }
        Ok(inputs)
    }

    /// Inputs read from one stream (stdin, a socket, a test buffer); `origin`
    /// names it in provenance and diagnostics.
    pub fn from_reader(
        origin: &str,
        reader: impl Read + Send + 'static,
        format: InputFormat,
    ) -> Inputs {
        let mut inputs = Inputs::empty(format);
        inputs.push_reader(origin, reader);
        inputs
    }

    fn empty(format: InputFormat) -> Inputs {
        Inputs {
            pending: VecDeque::new(),
            current: None,
            format,
            limits: Limits::default(),
            skipped: 0,
            skipped_records: 0,
        }
    }

    /// Appends a stream after the inputs already queued.
    pub fn push_reader(&mut self, origin: &str, reader: impl Read + Send + 'static) {
        self.pending.push_back(Source::Reader {
            origin: origin.to_string(),
            reader: Box::new(reader),
        });
    }

    pub fn with_limits(mut self, limits: Limits) -> Inputs {
        self.limits = limits;
        self
    }

    /// Directory entries left out while walking: hidden ones, symlinked
    /// directories, FIFOs, sockets and devices (for the end-of-run summary).
    pub fn skipped_entries(&self) -> usize {
        self.skipped
    }

    /// Records inside containers left out: WARC records that are not an
    /// HTML page fetched with status 200 (`warcinfo`, `request`, `metadata`,
    /// redirects, images...).
    pub fn skipped_records(&self) -> usize {
        self.skipped_records
    }

    /// Files and streams not yet started (for progress reporting).
    pub fn pending_sources(&self) -> usize {
        self.pending.len()
    }

    fn start(&mut self, source: Source) -> Started {
        let (origin, reader, size_hint, is_stdin): (String, Box<dyn Read + Send>, u64, bool) =
            match source {
                Source::File(path) => {
                    let origin = path.display().to_string();
                    match File::open(&path) {
                        Ok(file) => {
                            let size = file.metadata().map(|m| m.len()).unwrap_or(0);
                            (origin, Box::new(file), size, false)
                        }
                        Err(err) => {
                            let message = format!("cannot read '{origin}': {}", describe(&err));
                            return Started::Doc(failed_doc(origin, "unreadable-input", message));
                        }
                    }
                }
                Source::Reader { origin, reader } => (origin, reader, 0, true),
            };
        let (reader, gzip) = match gunzip_if_compressed(reader) {
            Ok(opened) => opened,
            Err(err) => {
                let message = format!("cannot read '{origin}': {}", describe(&err));
                return Started::Doc(failed_doc(origin, "read-error", message));
            }
        };
        let (reader, jsonl) = match self.format {
            InputFormat::Jsonl => (reader, true),
            InputFormat::Text | InputFormat::Html | InputFormat::Warc | InputFormat::Feed => {
                (reader, false)
            }
            InputFormat::Auto if name_says_jsonl(&origin) => (reader, true),
            InputFormat::Auto if is_stdin => match sniff_jsonl(reader) {
                Ok(sniffed) => sniffed,
                Err(err) => return Started::Doc(read_failure_doc(origin, gzip, &err, None)),
            },
            InputFormat::Auto => (reader, false),
        };
        let (reader, warc) = match self.format {
            InputFormat::Warc => (reader, true),
            InputFormat::Auto if !jsonl => match sniff_warc(reader) {
                Ok(sniffed) => sniffed,
                Err(err) => return Started::Doc(read_failure_doc(origin, gzip, &err, None)),
            },
            _ => (reader, false),
        };
        if warc {
            return Started::Stream(Stream::Warc(Box::new(WarcStream::new(
                origin, reader, gzip,
            ))));
        }
        if jsonl {
            return Started::Stream(Stream::Jsonl(JsonlStream {
                origin,
                reader: BufReader::with_capacity(READ_BUFFER_BYTES, reader),
                gzip,
                line_no: 0,
                line: Vec::new(),
                finished: false,
            }));
        }
        let body_format = match self.format {
            InputFormat::Text => Some(BodyFormat::Text),
            InputFormat::Html => Some(BodyFormat::Html),
            _ if name_says_html(&origin) => Some(BodyFormat::Html),
            _ => None,
        };
        let mut raw = read_document(reader, origin, gzip, size_hint, self.limits.max_doc_bytes);
        raw.body_format = body_format;
        // A forced feed is read as one even when it does not open like one
        // (the reader then reports `empty-feed` rather than guessing).
        let feed = match self.format {
            InputFormat::Feed => true,
            InputFormat::Auto => {
                raw.body_format.is_none() && crate::feed::looks_like_feed(&raw.body)
            }
            _ => false,
        };
        if feed {
            let mut items = crate::feed::read_feed(raw).into_iter();
            return match items.next() {
                Some(first) => {
                    let rest: VecDeque<RawDoc> = items.collect();
                    if !rest.is_empty() {
                        self.current = Some(Stream::Queue(rest));
                    }
                    Started::Doc(first)
                }
                None => Started::Nothing,
            };
        }
        Started::Doc(raw)
    }
}

impl Iterator for Inputs {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        loop {
            let next = match self.current.as_mut() {
                Some(Stream::Jsonl(stream)) => stream.next_record(self.limits.max_line_bytes),
                Some(Stream::Warc(stream)) => {
                    stream.next_record(&self.limits, &mut self.skipped_records)
                }
                Some(Stream::Queue(queue)) => queue.pop_front(),
                None => None,
            };
            match next {
                Some(raw) => return Some(raw),
                None => self.current = None,
            }
            let source = self.pending.pop_front()?;
            match self.start(source) {
                Started::Doc(raw) => return Some(raw),
                Started::Stream(stream) => self.current = Some(stream),
                Started::Nothing => {}
            }
        }
    }
}

// Once drained, `next` keeps returning `None`.
impl std::iter::FusedIterator for Inputs {}

enum Started {
    Doc(RawDoc),
    Stream(Stream),
    /// An input that holds no document (an empty feed).
    Nothing,
}

/// An input that yields several documents.
enum Stream {
    Jsonl(JsonlStream),
    Warc(Box<WarcStream>),
    /// Documents already read (feed items).
    Queue(VecDeque<RawDoc>),
}

/// Lists a directory tree into `out`, depth-first, each directory's entries
/// in byte order of their names. An explicit stack: deep trees cannot
/// overflow the call stack.
fn walk(root: &Path, out: &mut VecDeque<Source>, skipped: &mut usize) -> Result<(), IngestError> {
    enum Item {
        Dir(PathBuf),
        File(PathBuf),
    }
    let mut stack = vec![Item::Dir(root.to_path_buf())];
    while let Some(item) = stack.pop() {
        let dir = match item {
            Item::File(path) => {
                out.push_back(Source::File(path));
                continue;
            }
            Item::Dir(dir) => dir,
        };
        let mut entries = Vec::new();
        for entry in fs::read_dir(&dir).map_err(|e| IngestError::unreadable_dir(&dir, &e))? {
            let entry = entry.map_err(|e| IngestError::unreadable_dir(&dir, &e))?;
            let name = entry.file_name();
            if name.as_encoded_bytes().starts_with(b".") {
                *skipped += 1;
                continue;
            }
            let file_type = entry
                .file_type()
                .map_err(|e| IngestError::unreadable_dir(&dir, &e))?;
            let path = entry.path();
            let is_dir = if file_type.is_symlink() {
                // Followed for files only: a symlinked directory could loop.
                // A broken link is kept so that reading it reports the problem.
                match fs::metadata(&path) {
                    Ok(target) if !target.is_file() => {
                        *skipped += 1;
                        continue;
                    }
                    _ => false,
                }
            } else if file_type.is_dir() {
                true
            } else if file_type.is_file() {
                false
            } else {
                // FIFOs, sockets and devices: opening one could block forever.
                *skipped += 1;
                continue;
            };
            entries.push((name, path, is_dir));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, path, is_dir) in entries.into_iter().rev() {
            stack.push(if is_dir {
                Item::Dir(path)
            } else {
                Item::File(path)
            });
        }
    }
    Ok(())
}

/// The name without a trailing `.gz`, lowercased, for extension checks.
fn base_name(origin: &str) -> String {
    let lower = origin.to_ascii_lowercase();
    match lower.strip_suffix(".gz") {
        Some(base) => base.to_string(),
        None => lower,
    }
}

fn name_says_jsonl(origin: &str) -> bool {
    let base = base_name(origin);
    base.ends_with(".jsonl") || base.ends_with(".ndjson")
}

fn name_says_html(origin: &str) -> bool {
    let base = base_name(origin);
    base.ends_with(".html") || base.ends_with(".htm") || base.ends_with(".xhtml")
}

/// Reads up to `max` bytes (fewer only at end of stream).
fn read_prefix(reader: &mut dyn Read, max: usize) -> io::Result<Vec<u8>> {
    let mut prefix = Vec::with_capacity(max.min(READ_BUFFER_BYTES));
    reader.take(max as u64).read_to_end(&mut prefix)?;
    Ok(prefix)
}

/// Wraps the stream in a gzip decoder when it starts with the gzip magic
/// number, whatever its name says.
fn gunzip_if_compressed(
    mut reader: Box<dyn Read + Send>,
) -> io::Result<(Box<dyn Read + Send>, bool)> {
    let magic = read_prefix(&mut reader, GZIP_MAGIC.len())?;
    let gzip = magic == GZIP_MAGIC;
    let whole: Box<dyn Read + Send> = Box::new(Cursor::new(magic).chain(reader));
    if gzip {
        Ok((
            Box::new(MultiGzDecoder::new(BufReader::with_capacity(
                READ_BUFFER_BYTES,
                whole,
            ))),
            true,
        ))
    } else {
        Ok((whole, false))
    }
}

/// A WARC archive opens with its version line, whatever its name.
fn sniff_warc(mut reader: Box<dyn Read + Send>) -> io::Result<(Box<dyn Read + Send>, bool)> {
    let prefix = read_prefix(&mut reader, WARC_MAGIC.len())?;
    let warc = prefix == WARC_MAGIC;
    Ok((Box::new(Cursor::new(prefix).chain(reader)), warc))
}

/// Stdin has no name: it is JSON Lines when it opens with a JSON object line.
fn sniff_jsonl(mut reader: Box<dyn Read + Send>) -> io::Result<(Box<dyn Read + Send>, bool)> {
    let prefix = read_prefix(&mut reader, STDIN_SNIFF_BYTES)?;
    let rest = prefix
        .strip_prefix(UTF8_BOM)
        .unwrap_or(&prefix)
        .trim_ascii_start();
    let jsonl = rest.first() == Some(&b'{')
        && match memchr::memchr(b'\n', rest) {
            Some(end) => is_json_object(rest.get(..end).unwrap_or(rest)),
            // The whole input is one line, or a first line too long to check here.
            None if prefix.len() < STDIN_SNIFF_BYTES => is_json_object(rest),
            None => true,
        };
    Ok((Box::new(Cursor::new(prefix).chain(reader)), jsonl))
}

fn is_json_object(line: &[u8]) -> bool {
    matches!(
        serde_json::from_slice::<serde_json::Value>(line),
        Ok(serde_json::Value::Object(_))
    )
}

/// A document that could not be read at all: empty, with an error, and an id
/// derived from where it came from so that ids stay distinct.
pub(crate) fn failed_doc(origin: String, code: &'static str, message: String) -> RawDoc {
    RawDoc {
        id: Some(content_id(origin.as_bytes())),
        diagnostics: vec![Diagnostic::error(code, message)],
        origin,
        ..Default::default()
    }
}

pub(crate) fn read_failure_diagnostic(origin: &str, gzip: bool, err: &io::Error) -> Diagnostic {
    if gzip && err.kind() == io::ErrorKind::UnexpectedEof {
        Diagnostic::error(
            "truncated-gzip",
            format!("'{origin}': gzip data ends early (truncated); the rest is lost"),
        )
    } else if gzip {
        Diagnostic::error(
            "bad-gzip",
            format!("'{origin}': corrupt gzip data: {}", describe(err)),
        )
    } else {
        Diagnostic::error(
            "read-error",
            format!("'{origin}': read failed: {}", describe(err)),
        )
    }
}

fn read_failure_doc(origin: String, gzip: bool, err: &io::Error, line_no: Option<u64>) -> RawDoc {
    let diagnostic = read_failure_diagnostic(&origin, gzip, err);
    let origin = match line_no {
        Some(n) => format!("{origin}:{n}"),
        None => origin,
    };
    RawDoc {
        id: Some(content_id(origin.as_bytes())),
        diagnostics: vec![diagnostic],
        origin,
        ..Default::default()
    }
}

/// One whole plain document, bounded by `max_bytes`. What was read before a
/// read error (e.g. a truncated gzip) is kept, with a diagnostic.
fn read_document(
    mut reader: Box<dyn Read + Send>,
    origin: String,
    gzip: bool,
    size_hint: u64,
    max_bytes: u64,
) -> RawDoc {
    let mut body = Vec::with_capacity(size_hint.min(max_bytes).saturating_add(1) as usize);
    let mut diagnostics = Vec::new();
    if let Err(err) = (&mut reader)
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut body)
    {
        let mut diagnostic = read_failure_diagnostic(&origin, gzip, &err);
        diagnostic
            .message
            .push_str(&format!(" ({} bytes recovered)", body.len()));
        diagnostics.push(diagnostic);
    }
    if body.len() as u64 > max_bytes {
        let cut = char_safe_cut(&body, max_bytes as usize);
        body.truncate(cut);
        diagnostics.push(Diagnostic::warning(
            "input-truncated",
            format!("'{origin}' is larger than the {max_bytes}-byte limit; only the first {cut} bytes are read"),
        ));
    }
    RawDoc {
        origin,
        body,
        diagnostics,
        ..Default::default()
    }
}

/// A cut at or just before `limit` that does not split a UTF-8 character
/// (only continuation bytes are stepped over, at most three).
fn char_safe_cut(bytes: &[u8], limit: usize) -> usize {
    let mut cut = limit.min(bytes.len());
    while cut > 0 && limit - cut < 3 && bytes.get(cut).is_some_and(|b| b & 0xC0 == 0x80) {
        cut -= 1;
    }
    cut
}

/// A JSON Lines stream being read one line at a time.
struct JsonlStream {
    origin: String,
    reader: BufReader<Box<dyn Read + Send>>,
    gzip: bool,
    line_no: u64,
    /// Reused across lines to avoid one allocation per record.
    line: Vec<u8>,
    finished: bool,
}

pub(crate) enum LineRead {
    Eof,
    Line,
    TooLong { bytes: usize },
}

impl JsonlStream {
    fn next_record(&mut self, max_line_bytes: usize) -> Option<RawDoc> {
        while !self.finished {
            self.line.clear();
            let result = read_line_capped(&mut self.reader, &mut self.line, max_line_bytes);
            match result {
                Ok(LineRead::Eof) => self.finished = true,
                Ok(LineRead::Line) => {
                    self.line_no += 1;
                    let mut content = self.line.trim_ascii();
                    if self.line_no == 1 {
                        // Editors on Windows start files with a BOM; it is not part of the JSON.
                        content = content
                            .strip_prefix(UTF8_BOM)
                            .unwrap_or(content)
                            .trim_ascii_start();
                    }
                    if content.is_empty() {
                        continue;
                    }
                    return Some(parse_line(content, &self.origin, self.line_no));
                }
                Ok(LineRead::TooLong { bytes }) => {
                    self.line_no += 1;
                    let origin = format!("{}:{}", self.origin, self.line_no);
                    let message = format!(
                        "line {} of {} is {bytes} bytes, over the {max_line_bytes}-byte limit; skipped",
                        self.line_no, self.origin
                    );
                    let mut raw = failed_doc(origin, "line-too-long", message);
                    raw.from_jsonl = true;
                    return Some(raw);
                }
                Err(err) => {
                    self.finished = true;
                    self.line_no += 1;
                    let mut raw =
                        read_failure_doc(self.origin.clone(), self.gzip, &err, Some(self.line_no));
                    raw.from_jsonl = true;
                    if let Some(diagnostic) = raw.diagnostics.first_mut() {
                        diagnostic.message.push_str(&format!(
                            " at line {} ({} bytes of that line discarded)",
                            self.line_no,
                            self.line.len()
                        ));
                    }
                    return Some(raw);
                }
            }
        }
        None
    }
}

/// Reads one line (without its `\n`) into `out`, keeping at most `cap` bytes
/// in memory: a longer line is consumed to its end and reported by length.
pub(crate) fn read_line_capped(
    reader: &mut impl BufRead,
    out: &mut Vec<u8>,
    cap: usize,
) -> io::Result<LineRead> {
    let (mut total, mut seen_any, mut overflow) = (0usize, false, false);
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if buffer.is_empty() {
            return Ok(match (seen_any, overflow) {
                (false, _) => LineRead::Eof,
                (true, true) => LineRead::TooLong { bytes: total },
                (true, false) => LineRead::Line,
            });
        }
        seen_any = true;
        let newline = memchr::memchr(b'\n', buffer);
        let chunk = match newline {
            Some(end) => buffer.get(..end).unwrap_or(buffer),
            None => buffer,
        };
        let chunk_len = chunk.len();
        total = total.saturating_add(chunk_len);
        if !overflow {
            if out.len().saturating_add(chunk_len) > cap {
                overflow = true;
                out.clear();
            } else {
                out.extend_from_slice(chunk);
            }
        }
        reader.consume(chunk_len + usize::from(newline.is_some()));
        if newline.is_some() {
            return Ok(if overflow {
                LineRead::TooLong { bytes: total }
            } else {
                LineRead::Line
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_line_reader() {
        let mut reader =
            BufReader::with_capacity(4, Cursor::new(b"ab\nlonger line\n\nlast".to_vec()));
        let mut line = Vec::new();
        assert!(matches!(
            read_line_capped(&mut reader, &mut line, 8),
            Ok(LineRead::Line)
        ));
        assert_eq!(line, b"ab");
        line.clear();
        assert!(matches!(
            read_line_capped(&mut reader, &mut line, 8),
            Ok(LineRead::TooLong { bytes: 11 })
        ));
        line.clear();
        assert!(matches!(
            read_line_capped(&mut reader, &mut line, 8),
            Ok(LineRead::Line)
        ));
        assert!(line.is_empty());
        assert!(matches!(
            read_line_capped(&mut reader, &mut line, 8),
            Ok(LineRead::Line)
        ));
        assert_eq!(line, b"last");
        line.clear();
        assert!(matches!(
            read_line_capped(&mut reader, &mut line, 8),
            Ok(LineRead::Eof)
        ));
    }

    #[test]
    fn cut_never_splits_a_character() {
        let text = "aé€".as_bytes(); // 1 + 2 + 3 bytes
        assert_eq!(char_safe_cut(text, 2), 1);
        assert_eq!(char_safe_cut(text, 3), 3);
        assert_eq!(char_safe_cut(text, 5), 3);
        assert_eq!(char_safe_cut(text, 6), 6);
        assert_eq!(char_safe_cut(text, 100), 6);
    }

    #[test]
    fn jsonl_names() {
        assert!(name_says_jsonl("dev/seed.gold.jsonl"));
        assert!(name_says_jsonl("dump.NDJSON.gz"));
        assert!(!name_says_jsonl("story.txt"));
        assert!(!name_says_jsonl("jsonl"));
        assert!(name_says_html("page.htm.gz"));
    }
}
