//! WARC archives and RSS/Atom feeds through `Inputs` and `prepare`, with
//! archives written by a tiny WARC writer here (no binaries committed).

use dateline_ingest::{prepare, InputFormat, Inputs, Limits, Options, RawDoc};
use dateline_model::{Document, Level, PartialDate};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::{Path, PathBuf};

const PAGE: &str = "<!doctype html><html lang=\"en\"><head><title>Talks resume</title></head><body>\
    <article><h1>Talks resume</h1><p>GENEVA (Reuters) - Negotiators from both sides met on Monday \
    for the first time in three months, the United Nations said, and agreed to meet again next week \
    to discuss a ceasefire along the front line.</p></article></body></html>";

/// One WARC record, as Common Crawl writes them.
fn record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: <urn:uuid:{uri}/{date}>\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn gzip(body: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(body).unwrap();
    encoder.finish().unwrap()
}

/// Records gzipped one member each (the `.warc.gz` layout).
fn warc_gz(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read(path: &Path) -> (Vec<Document>, usize) {
    read_with(path, Limits::default())
}

fn read_with(path: &Path, limits: Limits) -> (Vec<Document>, usize) {
    let mut inputs = Inputs::open(&[path], InputFormat::Auto)
        .unwrap()
        .with_limits(limits);
    let raws: Vec<RawDoc> = inputs.by_ref().collect();
    let skipped = inputs.skipped_records();
    let docs = raws
        .into_iter()
        .map(|raw| prepare(raw, &Options::default()))
        .collect();
    (docs, skipped)
}

fn origin_tail(doc: &Document) -> String {
    let origin = doc.provenance.origin.as_deref().unwrap_or("");
    origin.rsplit('/').next().unwrap_or("").to_string()
}

fn error_codes(doc: &Document) -> Vec<&'static str> {
    doc.diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .map(|d| d.code)
        .collect()
}

fn common_crawl_like() -> Vec<Vec<u8>> {
    let date = "2024-03-04T10:00:00Z";
    vec![
        record("warcinfo", "", date, b"software: test\r\n"),
        record("request", "https://news.example/a", date, b"GET /a HTTP/1.1\r\n\r\n"),
        record(
            "response",
            "https://news.example/a",
            date,
            &http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", PAGE.as_bytes()),
        ),
        record("metadata", "https://news.example/a", date, b"fetchTimeMs: 12\r\n"),
        record(
            "response",
            "https://news.example/logo.png",
            date,
            &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n\0\0\0"),
        ),
        record(
            "response",
            "https://news.example/old",
            date,
            &http("301 Moved Permanently", "Location: /new\r\nContent-Type: text/html\r\n", b"<a href=/new>moved</a>"),
        ),
        record(
            "response",
            "https://news.example/b",
            "2024-03-05T11:00:00Z",
            &http(
                "200 OK",
                "Content-Type: text/html; charset=iso-8859-1\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                &chunked(&gzip(b"<html><body><article><p>Le pr\xe9sident a d\xe9missionn\xe9 lundi \xe0 Paris, a annonc\xe9 l'\xc9lys\xe9e dans un communiqu\xe9 publi\xe9 dans la soir\xe9e.</p></article></body></html>")),
            ),
        ),
    ]
}

fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(7) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

#[test]
fn warc_gz_html_responses_become_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "crawl.warc.gz", &warc_gz(&common_crawl_like()));
    let (docs, skipped) = read(&path);
    assert_eq!(docs.len(), 2);
    // warcinfo, request, metadata, the PNG and the redirect.
    assert_eq!(skipped, 5);
    let a = &docs[0];
    assert_eq!(origin_tail(a), "crawl.warc.gz:3");
    assert_eq!(a.meta.url.as_deref(), Some("https://news.example/a"));
    assert_eq!(a.meta.title.as_deref(), Some("Talks resume"));
    assert!(
        a.text.contains("Negotiators from both sides met on Monday"),
        "{}",
        a.text
    );
    // The fetch date is provenance, never the publication date.
    assert_eq!(a.meta.published, None);
    assert_eq!(
        a.provenance.fetched.as_deref(),
        Some("2024-03-04T10:00:00Z")
    );
    assert_eq!(a.provenance.format.as_deref(), Some("warc"));
    // The id comes from the WARC-Record-ID.
    assert_eq!(
        a.id,
        dateline_ingest::content_id(b"<urn:uuid:https://news.example/a/2024-03-04T10:00:00Z>")
    );
    assert!(error_codes(a).is_empty(), "{:?}", a.diagnostics);
    // Chunked, gzip-encoded, Latin-1 declared in the HTTP header.
    let b = &docs[1];
    assert_eq!(origin_tail(b), "crawl.warc.gz:7");
    assert!(
        b.text.contains("Le président a démissionné lundi à Paris"),
        "{}",
        b.text
    );
    assert_eq!(b.meta.language.as_deref(), Some("fr"));
}

#[test]
fn uncompressed_warc_is_detected_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = common_crawl_like().concat();
    let path = write(dir.path(), "archive.bin", &bytes);
    let (docs, skipped) = read(&path);
    assert_eq!((docs.len(), skipped), (2, 5));
    assert_eq!(docs[0].meta.url.as_deref(), Some("https://news.example/a"));
}

#[test]
fn truncated_warc_gz_keeps_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = warc_gz(&common_crawl_like());
    // Cut inside the last gzip member.
    bytes.truncate(bytes.len() - 20);
    let path = write(dir.path(), "cut.warc.gz", &bytes);
    let (docs, _) = read(&path);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].meta.url.as_deref(), Some("https://news.example/a"));
    assert_eq!(origin_tail(&docs[1]), "cut.warc.gz:7");
    assert_eq!(error_codes(&docs[1]), ["truncated-gzip"]);
    // The part of the page read before the cut is kept.
    assert_eq!(docs[1].meta.url.as_deref(), Some("https://news.example/b"));
    assert!(
        docs[1].diagnostics[0].message.contains("record 7"),
        "{}",
        docs[1].diagnostics[0].message
    );
}

#[test]
fn truncated_plain_warc_keeps_partial_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes: Vec<u8> = common_crawl_like()
        .into_iter()
        .take(3)
        .collect::<Vec<_>>()
        .concat();
    bytes.truncate(bytes.len() - 40);
    let path = write(dir.path(), "cut.warc", &bytes);
    let (docs, skipped) = read(&path);
    assert_eq!((docs.len(), skipped), (1, 2));
    assert_eq!(error_codes(&docs[0]), ["truncated-warc"]);
    assert!(docs[0].text.contains("Negotiators"), "{}", docs[0].text);
}

#[test]
fn junk_between_records_is_reported_once_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = common_crawl_like();
    let mut junk: Vec<u8> = (0..3000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    junk.extend_from_slice(b"\n\n");
    records.insert(3, junk);
    let path = write(dir.path(), "junk.warc", &records.concat());
    let (docs, skipped) = read(&path);
    assert_eq!(docs.len(), 3);
    assert_eq!(error_codes(&docs[1]), ["bad-warc-record"]);
    assert_eq!(origin_tail(&docs[1]), "junk.warc:3+");
    assert_eq!(docs[2].meta.url.as_deref(), Some("https://news.example/b"));
    assert_eq!(skipped, 5);
}

#[test]
fn binary_junk_and_bad_charset_records() {
    let dir = tempfile::tempdir().unwrap();
    let date = "2024-03-04T10:00:00Z";
    let mut junk = vec![0u8; 300];
    junk.extend((0u8..=255).cycle().take(5000));
    let records = vec![
        record(
            "response",
            "https://x.example/bin",
            date,
            &http("200 OK", "Content-Type: text/html\r\n", &junk),
        ),
        record(
            "response",
            "https://x.example/charset",
            date,
            &http(
                "200 OK",
                "Content-Type: text/html; charset=no-such-charset\r\n",
                "<p>Caf\u{e9} cr\u{e8}me, the mayor said.</p>".as_bytes(),
            ),
        ),
    ];
    let path = write(dir.path(), "odd.warc.gz", &warc_gz(&records));
    let (docs, _) = read(&path);
    assert_eq!(docs.len(), 2);
    assert_eq!(error_codes(&docs[0]), ["binary-input"]);
    assert!(docs[0].text.is_empty());
    assert!(docs[1].text.contains("Café crème"), "{}", docs[1].text);
}

#[test]
fn deep_nesting_inside_a_warc_does_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let mut page = String::from("<html><body>");
    page.push_str(&"<div>".repeat(100_000));
    page.push_str(
        "<p>The river burst its banks overnight, flooding two villages, officials said.</p>",
    );
    page.push_str(&"</div>".repeat(100_000));
    let records = vec![record(
        "response",
        "https://x.example/deep",
        "2024-01-01T00:00:00Z",
        &http("200 OK", "Content-Type: text/html\r\n", page.as_bytes()),
    )];
    let path = write(dir.path(), "deep.warc.gz", &warc_gz(&records));
    let (docs, _) = read(&path);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].meta.url.as_deref(), Some("https://x.example/deep"));
}

#[test]
fn oversized_payload_is_cut_and_the_next_record_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let date = "2024-01-01T00:00:00Z";
    let mut big = String::from("<html><body><p>");
    while big.len() < 3_000_000 {
        big.push_str("The storm closed roads across the region. ");
    }
    big.push_str("</p></body></html>");
    let records = vec![
        record(
            "response",
            "https://x.example/big",
            date,
            &http("200 OK", "Content-Type: text/html\r\n", big.as_bytes()),
        ),
        record(
            "response",
            "https://news.example/a",
            date,
            &http("200 OK", "Content-Type: text/html\r\n", PAGE.as_bytes()),
        ),
    ];
    let path = write(dir.path(), "big.warc.gz", &warc_gz(&records));
    let limits = Limits {
        max_doc_bytes: 1_000_000,
        ..Limits::default()
    };
    let (docs, _) = read_with(&path, limits);
    assert_eq!(docs.len(), 2);
    assert!(
        docs[0]
            .diagnostics
            .iter()
            .any(|d| d.code == "input-truncated"),
        "{:?}",
        docs[0].diagnostics
    );
    assert!(docs[0].text.len() <= 1_000_000);
    assert!(docs[1].text.contains("Negotiators"));
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example Wire</title>
  <link>https://wire.example/</link>
  <language>en-gb</language>
  <item>
    <title>Floods &amp; landslides kill 12</title>
    <link>https://wire.example/floods</link>
    <guid isPermaLink="false">w-1</guid>
    <pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>Floods and landslides killed 12 people in the north of the country on Monday, the civil protection agency said.</p><p>Rescuers were searching for 30 missing.</p>]]></content:encoded>
  </item>
  <item>
    <title>Strike called off</title>
    <link>https://wire.example/strike</link>
    <dc:date>2024-03-06</dc:date>
    <description>&lt;p&gt;Rail unions called off Thursday&amp;#8217;s strike after talks with the ministry.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Exemple</title>
  <entry>
    <title type="text">Le Sénat adopte le budget</title>
    <link rel="self" href="https://ex.example/self/1"/>
    <link rel="alternate" href="https://ex.example/budget"/>
    <id>tag:ex.example,2024:1</id>
    <updated>2024-03-07T09:00:00+01:00</updated>
    <published>2024-03-06T18:00:00+01:00</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Le Sénat a adopté mardi le projet de budget par 200 voix contre 120, au terme de trois semaines de débats.</p></div></content>
  </entry>
  <entry>
    <title>Grève levée</title>
    <link href="https://ex.example/greve"/>
    <updated>2024-03-08T10:00:00Z</updated>
    <summary type="text">Les syndicats ont levé le préavis de grève &lt;sic&gt; jeudi soir.</summary>
  </entry>
</feed>
"#;

#[test]
fn rss_items_become_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "wire.xml", RSS.as_bytes());
    let (docs, _) = read(&path);
    assert_eq!(docs.len(), 2);
    let a = &docs[0];
    assert_eq!(origin_tail(a), "wire.xml:1");
    assert_eq!(a.meta.title.as_deref(), Some("Floods & landslides kill 12"));
    assert_eq!(a.meta.url.as_deref(), Some("https://wire.example/floods"));
    assert_eq!(a.meta.published, Some(PartialDate::ymd(2024, 3, 5)));
    assert_eq!(a.meta.language.as_deref(), Some("en"));
    assert_eq!(a.provenance.format.as_deref(), Some("rss"));
    // content:encoded wins over the description.
    assert!(
        a.text.contains("Floods and landslides killed 12 people"),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("Rescuers were searching for 30 missing."),
        "{}",
        a.text
    );
    assert!(!a.text.contains("Short summary"));
    let b = &docs[1];
    assert_eq!(b.meta.published, Some(PartialDate::ymd(2024, 3, 6)));
    // Escaped HTML, with an escaped numeric reference inside.
    assert!(
        b.text.contains("called off Thursday\u{2019}s strike"),
        "{}",
        b.text
    );
}

#[test]
fn atom_entries_become_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "feed.atom", ATOM.as_bytes());
    let (docs, _) = read(&path);
    assert_eq!(docs.len(), 2);
    let a = &docs[0];
    assert_eq!(a.meta.title.as_deref(), Some("Le Sénat adopte le budget"));
    assert_eq!(a.meta.url.as_deref(), Some("https://ex.example/budget"));
    // published wins over updated.
    assert_eq!(a.meta.published, Some(PartialDate::ymd(2024, 3, 6)));
    assert_eq!(a.meta.language.as_deref(), Some("fr"));
    assert_eq!(a.provenance.format.as_deref(), Some("atom"));
    assert!(
        a.text
            .contains("Le Sénat a adopté mardi le projet de budget"),
        "{}",
        a.text
    );
    let b = &docs[1];
    assert_eq!(b.meta.url.as_deref(), Some("https://ex.example/greve"));
    assert_eq!(b.meta.published, Some(PartialDate::ymd(2024, 3, 8)));
    // type="text": markup-like characters are text.
    assert!(
        b.text.contains("préavis de grève <sic> jeudi"),
        "{}",
        b.text
    );
}

#[test]
fn feed_without_items_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "empty.rss",
        b"<rss version=\"2.0\"><channel><title>x</title></channel></rss>",
    );
    let (docs, _) = read(&path);
    assert_eq!(docs.len(), 1);
    assert!(docs[0].diagnostics.iter().any(|d| d.code == "empty-feed"));
    assert!(docs[0].text.is_empty());
}

#[test]
fn committed_sample_warc() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ingest/sample.warc.gz");
    let (docs, skipped) = read(&path);
    assert_eq!((docs.len(), skipped), (2, 5));
    assert_eq!(docs[1].meta.url.as_deref(), Some("https://news.example/b"));
}

/// Regenerates `testdata/ingest/sample.warc.gz` (run with `--ignored`).
#[test]
#[ignore]
fn write_sample_warc() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ingest/sample.warc.gz");
    std::fs::write(path, warc_gz(&common_crawl_like())).unwrap();
}

#[test]
fn twenty_megabyte_page_in_a_warc_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "<p>Heavy rain flooded the lower town again on Sunday, residents said.</p>\n";
    let mut page = String::with_capacity(21_000_000);
    page.push_str("<html><body><article>");
    while page.len() < 20_000_000 {
        page.push_str(paragraph);
    }
    page.push_str("</article></body></html>");
    let records = vec![record(
        "response",
        "https://x.example/huge",
        "2024-01-01T00:00:00Z",
        &http("200 OK", "Content-Type: text/html\r\n", page.as_bytes()),
    )];
    let path = write(dir.path(), "huge.warc.gz", &warc_gz(&records));
    let limits = Limits {
        max_doc_bytes: 8_000_000,
        ..Limits::default()
    };
    let started = std::time::Instant::now();
    let (docs, _) = read_with(&path, limits);
    assert_eq!(docs.len(), 1);
    assert!(docs[0]
        .diagnostics
        .iter()
        .any(|d| d.code == "input-truncated"));
    assert!(docs[0]
        .text
        .starts_with("Heavy rain flooded the lower town"));
    assert!(docs[0].text.len() < 8_000_000);
    // Generous even for a debug build on a busy machine; catches quadratic work.
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

/// Cut and corrupted archives: every variant is read to its end without a
/// panic, and the records before the damage come out intact.
#[test]
fn damaged_archives_never_panic() {
    let whole = common_crawl_like().concat();
    let first_page_end: usize = common_crawl_like().iter().take(3).map(Vec::len).sum();
    let gz = warc_gz(&common_crawl_like());
    let mut seed: u32 = 7;
    let mut next = || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 8) as usize
    };
    for round in 0..200 {
        let source = if round % 2 == 0 { &whole } else { &gz };
        let mut bytes = source.clone();
        match round % 4 {
            0 | 1 => bytes.truncate(next() % source.len()),
            _ => {
                for _ in 0..8 {
                    let at = next() % bytes.len();
                    bytes[at] = next() as u8;
                }
            }
        }
        let intact_first_page = round % 4 == 0 && bytes.len() >= first_page_end;
        let inputs =
            Inputs::from_reader("fuzz.warc", std::io::Cursor::new(bytes), InputFormat::Auto);
        let docs: Vec<Document> = inputs
            .map(|raw| prepare(raw, &Options::default()))
            .collect();
        assert!(docs.iter().all(|d| d.provenance.origin.is_some()));
        if intact_first_page {
            assert_eq!(
                docs[0].meta.url.as_deref(),
                Some("https://news.example/a"),
                "round {round}"
            );
            assert!(docs[0].text.contains("Negotiators"), "round {round}");
        }
    }
}
