//! End-to-end reading: paths, directories, streams, JSON Lines, gzip and
//! limits, through `Inputs` and `prepare`.

use dateline_ingest::{
    content_id, prepare, IngestError, InputFormat, Inputs, Limits, Options, RawDoc,
};
use dateline_model::{Document, Level, PartialDate};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, body: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, body).unwrap();
    path
}

fn gzip(body: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(body).unwrap();
    encoder.finish().unwrap()
}

fn read_all<P: AsRef<Path>>(paths: &[P], format: InputFormat) -> Vec<Document> {
    Inputs::open(paths, format)
        .unwrap()
        .map(|raw| prepare(raw, &Options::default()))
        .collect()
}

/// Codes of warnings and errors (info notes such as `language-unknown` left out).
fn codes(doc: &Document) -> Vec<&'static str> {
    doc.diagnostics
        .iter()
        .filter(|d| d.level > Level::Info)
        .map(|d| d.code)
        .collect()
}

/// Origins relative to `root`, for readable assertions.
fn origins(docs: &[Document], root: &Path) -> Vec<String> {
    let prefix = format!("{}/", root.display());
    docs.iter()
        .map(|d| {
            d.provenance
                .origin
                .clone()
                .unwrap_or_default()
                .replace(&prefix, "")
        })
        .collect()
}

/// Pseudo-random words: text that gzip cannot shrink to nothing.
fn varied_text(words: usize) -> String {
    let vocabulary = [
        "talks",
        "resumed",
        "officials",
        "said",
        "ministry",
        "forces",
        "border",
        "capital",
    ];
    let mut state: u32 = 7;
    let mut text = String::new();
    for i in 0..words {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        text.push_str(vocabulary[(state >> 16) as usize % vocabulary.len()]);
        text.push_str(&format!("{} ", i % 97));
    }
    text
}

#[test]
fn directories_are_walked_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b.txt", b"second file at the top");
    write(root, "a/2.txt", b"two");
    write(root, "a/10.txt", b"ten sorts before two");
    write(root, "c/d/e.txt", b"deep");
    write(root, ".hidden.txt", b"skipped");
    write(root, ".git/config", b"skipped");
    write(
        root,
        "z.jsonl",
        b"{\"id\":\"j1\",\"text\":\"one\"}\n{\"id\":\"j2\",\"text\":\"two\"}\n",
    );
    let inputs = Inputs::open(&[root], InputFormat::Auto).unwrap();
    assert_eq!(inputs.skipped_entries(), 2);
    let docs: Vec<Document> = inputs
        .map(|raw| prepare(raw, &Options::default()))
        .collect();
    assert_eq!(
        origins(&docs, root),
        [
            "a/10.txt",
            "a/2.txt",
            "b.txt",
            "c/d/e.txt",
            "z.jsonl:1",
            "z.jsonl:2"
        ]
    );
    assert_eq!(docs[2].text, "second file at the top");
    assert_eq!(docs[5].id, "j2");
    // The same tree read twice gives the same order.
    assert_eq!(
        origins(&read_all(&[root.to_path_buf()], InputFormat::Auto), root),
        origins(&docs, root)
    );
}

#[test]
#[cfg(unix)]
fn symlinked_directories_and_special_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "real/story.txt", b"a story");
    std::os::unix::fs::symlink(root.join("real"), root.join("loop")).unwrap();
    std::os::unix::fs::symlink(root.join("real/story.txt"), root.join("link.txt")).unwrap();
    // A FIFO in a tree would block a reader forever: it is skipped.
    let fifo = root.join("pipe");
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let inputs = Inputs::open(&[root], InputFormat::Auto).unwrap();
    assert_eq!(inputs.skipped_entries(), 1 + usize::from(made_fifo));
    let docs: Vec<Document> = inputs
        .map(|raw| prepare(raw, &Options::default()))
        .collect();
    assert_eq!(origins(&docs, root), ["link.txt", "real/story.txt"]);
    assert_eq!(docs[0].text, "a story");
}

#[test]
fn missing_paths_are_fatal_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("x.txt");
    let err = Inputs::open(&[&missing], InputFormat::Auto).unwrap_err();
    assert!(matches!(err, IngestError::Unreadable { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "cannot read '{}': No such file or directory",
            missing.display()
        )
    );
}

#[test]
#[cfg(unix)]
fn unreadable_directories_are_fatal() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    write(&locked, "story.txt", b"text");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads through permissions; the check only means something otherwise.
    let readable_anyway = fs::read_dir(&locked).is_ok();
    let result = Inputs::open(&[dir.path().to_path_buf()], InputFormat::Auto);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    if !readable_anyway {
        let err = result.unwrap_err();
        assert!(matches!(err, IngestError::UnreadableDir { .. }), "{err}");
        assert!(
            err.to_string().starts_with("cannot read directory '"),
            "{err}"
        );
    }
}

#[test]
fn a_stream_is_one_text_document() {
    let story = "KYIV, Ukraine (AP) — Officials said talks would resume on Monday in the capital.";
    let docs: Vec<Document> = Inputs::from_reader("-", story.as_bytes(), InputFormat::Auto)
        .map(|raw| prepare(raw, &Options::default()))
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text, story);
    assert_eq!(docs[0].provenance.origin.as_deref(), Some("-"));
    assert_eq!(docs[0].provenance.format.as_deref(), Some("text"));
    assert_eq!(docs[0].meta.language.as_deref(), Some("en"));
}

#[test]
fn a_stream_of_json_lines_is_recognized() {
    let batch = "\n{\"id\":\"s1\",\"text\":\"first\"}\n{\"id\":\"s2\",\"text\":\"second\"}\n";
    let docs: Vec<RawDoc> = Inputs::from_reader("-", batch.as_bytes(), InputFormat::Auto).collect();
    let origins: Vec<&str> = docs.iter().map(|d| d.origin.as_str()).collect();
    assert_eq!(origins, ["-:2", "-:3"]);
    // A text that merely starts with a brace stays a text.
    let text = "{sic} The minister said the talks had failed.";
    let docs: Vec<RawDoc> = Inputs::from_reader("-", text.as_bytes(), InputFormat::Auto).collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].body, text.as_bytes());
}

#[test]
fn json_lines_good_and_bad_with_line_numbers() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ingest/batch.jsonl");
    let docs = read_all(&[&fixture], InputFormat::Auto);
    let lines: Vec<String> = docs
        .iter()
        .map(|d| {
            d.provenance
                .origin
                .clone()
                .unwrap()
                .rsplit(':')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    // Line 2 is blank and skipped; every other line gives a document.
    assert_eq!(lines, ["1", "3", "4", "5", "6", "7"]);

    let wire1 = &docs[0];
    assert_eq!(wire1.id, "wire-1");
    assert_eq!(wire1.meta.published, Some(PartialDate::ymd(2022, 1, 10)));
    assert_eq!(wire1.meta.language.as_deref(), Some("en"));
    assert_eq!(wire1.meta.url.as_deref(), Some("https://news.example/1"));
    assert_eq!(wire1.provenance.format.as_deref(), Some("jsonl"));
    assert!(wire1.diagnostics.is_empty(), "{:?}", wire1.diagnostics);

    assert_eq!(docs[1].id, "wire-2");
    assert!(docs[1].text.contains("tentative de coup d'État"));

    let broken = &docs[2];
    assert_eq!(codes(broken), ["bad-jsonl"]);
    assert!(broken.text.is_empty());
    let message = &broken.diagnostics[0].message;
    assert!(
        message.contains(&format!("line 4 of {}", fixture.display())),
        "{message}"
    );

    let unnamed = &docs[3];
    let body = "Sans identifiant : l'identifiant est le hachage du texte.";
    assert_eq!(unnamed.id, content_id(body.as_bytes()));
    assert_eq!(unnamed.meta.language.as_deref(), Some("fr"));

    let gold_form = &docs[4];
    assert_eq!(gold_form.id, "seed-like");
    assert!(gold_form.text.starts_with("Moscou, 10 janvier (RHC)"));
    assert_eq!(gold_form.meta.published, None);

    assert_eq!(codes(&docs[5]), ["bad-jsonl"]);
    assert_ne!(docs[5].id, broken.id);
}

#[test]
fn ids_are_given_or_the_content_hash() {
    let dir = tempfile::tempdir().unwrap();
    let story = b"PARIS (Reuters) - Talks resumed on Monday.\n";
    let path = write(dir.path(), "story.txt", story);
    let docs = read_all(&[path], InputFormat::Auto);
    // sha256 of the file's bytes, computed independently with sha256sum.
    assert_eq!(docs[0].id, "3988675dc375d219");
    let batch = "{\"id\":\"given\",\"text\":\"PARIS (Reuters) - Talks resumed on Monday.\\n\"}\n";
    let jsonl = write(dir.path(), "b.jsonl", batch.as_bytes());
    assert_eq!(read_all(&[jsonl], InputFormat::Auto)[0].id, "given");
}

#[test]
fn invalid_utf8_binary_and_empty_files() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = write(
        dir.path(),
        "latin1.txt",
        b"Le pr\xE9sident a d\xE9nonc\xE9 une tentative de coup.",
    );
    let mut junk = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    junk.extend(std::iter::repeat(0u8).take(1000));
    let binary = write(dir.path(), "image.png", &junk);
    let empty = write(dir.path(), "empty.txt", b"");
    let docs = read_all(&[latin1, binary, empty], InputFormat::Auto);

    assert_eq!(codes(&docs[0])[0], "invalid-utf8");
    assert!(docs[0].text.starts_with("Le pr\u{FFFD}sident"));
    assert_eq!(codes(&docs[1]), ["binary-input"]);
    assert!(docs[1].text.is_empty());
    assert_eq!(codes(&docs[2]), ["empty-input"]);
    assert_eq!(docs[2].id, "e3b0c44298fc1c14");
}

#[test]
fn gzip_inputs_are_decompressed() {
    let dir = tempfile::tempdir().unwrap();
    let story = "WASHINGTON, Jan. 5 (Xinhua) -- The talks resumed on Wednesday, officials said.";
    let text_gz = write(dir.path(), "a.txt.gz", &gzip(story.as_bytes()));
    let batch = "{\"id\":\"g1\",\"text\":\"one\"}\n{\"id\":\"g2\",\"text\":\"two\"}\n";
    let jsonl_gz = write(dir.path(), "b.jsonl.gz", &gzip(batch.as_bytes()));
    let docs = read_all(&[text_gz, jsonl_gz], InputFormat::Auto);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].text, story);
    assert!(docs[0].diagnostics.is_empty(), "{:?}", docs[0].diagnostics);
    // The id hashes the input as given (the compressed bytes are a transport detail).
    assert_eq!(docs[0].id, content_id(story.as_bytes()));
    assert_eq!((docs[1].id.as_str(), docs[2].id.as_str()), ("g1", "g2"));
    assert!(docs[2]
        .provenance
        .origin
        .as_deref()
        .unwrap()
        .ends_with("b.jsonl.gz:2"));
}

#[test]
fn truncated_gzip_keeps_what_was_read_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let text = varied_text(20_000);
    let compressed = gzip(text.as_bytes());
    let half = compressed.get(..compressed.len() / 2).unwrap();
    let path = write(dir.path(), "cut.txt.gz", half);
    let docs = read_all(&[path], InputFormat::Auto);
    assert_eq!(docs.len(), 1);
    assert_eq!(codes(&docs[0]), ["truncated-gzip"]);
    assert!(!docs[0].text.is_empty() && docs[0].text.len() < text.len());
    assert!(text.starts_with(docs[0].text.trim_end_matches('\u{FFFD}')));

    // In JSON Lines: the complete records come out, then one error document.
    let mut batch = String::new();
    for i in 0..2000 {
        batch.push_str(&format!(
            "{{\"id\":\"r{i}\",\"text\":\"{}\"}}\n",
            varied_text(20)
        ));
    }
    let compressed = gzip(batch.as_bytes());
    let path = write(
        dir.path(),
        "cut.jsonl.gz",
        compressed.get(..compressed.len() / 2).unwrap(),
    );
    let docs = read_all(&[path], InputFormat::Auto);
    let (last, complete) = docs.split_last().unwrap();
    assert!(
        complete.len() > 100 && complete.len() < 2000,
        "{}",
        complete.len()
    );
    assert!(complete
        .iter()
        .enumerate()
        .all(|(i, d)| d.id == format!("r{i}") && codes(d).is_empty()));
    assert_eq!(codes(last), ["truncated-gzip"]);
    assert!(last.diagnostics[0]
        .message
        .contains(&format!("at line {}", complete.len() + 1)));
}

#[test]
fn a_50_mb_single_line_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let unit = "Les forces de sécurité ont repris le contrôle de la ville. ";
    let repeats = 50 * 1024 * 1024 / unit.len() + 1;
    let line = unit.repeat(repeats);
    let path = write(dir.path(), "huge.txt", line.as_bytes());
    // Reading keeps it whole; only the text cap of `prepare` would cut it.
    let uncapped = Options {
        max_text_bytes: usize::MAX,
        ..Options::default()
    };
    let docs: Vec<Document> = Inputs::open(&[&path], InputFormat::Auto)
        .unwrap()
        .map(|raw| prepare(raw, &uncapped))
        .collect();
    assert_eq!(docs[0].text.len(), line.len());
    assert!(docs[0].text.len() > 50 * 1024 * 1024);
    assert_eq!(docs[0].meta.language.as_deref(), Some("fr"));
    assert!(docs[0].diagnostics.is_empty(), "{:?}", docs[0].diagnostics);
    // With the default cap the text is cut, with a warning.
    let capped = read_all(&[path], InputFormat::Auto);
    assert!(capped[0].text.len() <= dateline_ingest::MAX_TEXT_BYTES);
    assert_eq!(codes(&capped[0]), ["text-truncated"]);
}

#[test]
fn limits_truncate_documents_and_skip_long_lines() {
    let dir = tempfile::tempdir().unwrap();
    // 'é' is two bytes: a 1001-byte cut would split one, so 1000 bytes are kept.
    let big = write(dir.path(), "big.txt", "é".repeat(2000).as_bytes());
    let batch = format!(
        "{{\"text\":\"{}\"}}\n{{\"id\":\"after\",\"text\":\"short\"}}\n",
        "x".repeat(5000)
    );
    let jsonl = write(dir.path(), "long.jsonl", batch.as_bytes());
    let limits = Limits {
        max_doc_bytes: 1001,
        max_line_bytes: 1000,
    };
    let docs: Vec<Document> = Inputs::open(&[big, jsonl], InputFormat::Auto)
        .unwrap()
        .with_limits(limits)
        .map(|raw| prepare(raw, &Options::default()))
        .collect();
    assert_eq!(docs[0].text, "é".repeat(500));
    assert_eq!(codes(&docs[0]), ["input-truncated"]);
    assert_eq!(codes(&docs[1]), ["line-too-long"]);
    assert!(
        docs[1].diagnostics[0].message.contains("5011 bytes"),
        "{}",
        docs[1].diagnostics[0].message
    );
    assert_eq!(docs[2].id, "after");
}

#[test]
fn format_is_told_by_content_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let page = b"<!DOCTYPE html>\n<html><body><p>Le ministre a parl\xC3\xA9.</p></body></html>";
    let saved = write(dir.path(), "saved-page", page);
    let text = write(
        dir.path(),
        "story.txt",
        b"Le ministre a parl\xC3\xA9 mardi.",
    );
    let auto = read_all(&[&saved, &text], InputFormat::Auto);
    assert_eq!(auto[0].provenance.format.as_deref(), Some("html"));
    assert_eq!(auto[1].provenance.format.as_deref(), Some("text"));

    let forced_text = read_all(&[&saved], InputFormat::Text);
    assert_eq!(forced_text[0].provenance.format.as_deref(), Some("text"));
    assert!(forced_text[0].text.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        read_all(&[text], InputFormat::Html)[0]
            .provenance
            .format
            .as_deref(),
        Some("html")
    );

    // --input jsonl reads a file of any name as JSON Lines.
    let records = write(
        dir.path(),
        "records.txt",
        b"{\"id\":\"f1\",\"text\":\"forced\"}\n",
    );
    let forced_jsonl = read_all(&[records], InputFormat::Jsonl);
    assert_eq!(forced_jsonl[0].id, "f1");
    assert!(forced_jsonl[0]
        .provenance
        .origin
        .as_deref()
        .unwrap()
        .ends_with("records.txt:1"));
}

#[test]
fn a_byte_order_mark_does_not_break_json_lines() {
    let batch =
        b"\xEF\xBB\xBF{\"id\":\"bom\",\"text\":\"first\"}\n{\"id\":\"next\",\"text\":\"second\"}\n";
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "windows.jsonl", batch);
    let ids: Vec<String> = read_all(&[path], InputFormat::Auto)
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids, ["bom", "next"]);
    // On stdin too, where JSON Lines is recognized by content.
    let docs: Vec<RawDoc> = Inputs::from_reader("-", &batch[..], InputFormat::Auto).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id.as_deref(), Some("bom"));
}

#[test]
fn corrupt_gzip_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let mut compressed = gzip(varied_text(2000).as_bytes());
    // Flip bytes in the middle of the deflate stream.
    let middle = compressed.len() / 2;
    for byte in compressed.iter_mut().skip(middle).take(16) {
        *byte ^= 0xA5;
    }
    let bad = write(dir.path(), "bad.txt.gz", &compressed);
    let good = write(dir.path(), "good.txt", b"still read after the corrupt file");
    let docs = read_all(&[bad, good], InputFormat::Auto);
    assert_eq!(docs.len(), 2);
    let first = codes(&docs[0]);
    assert!(
        first == ["bad-gzip"] || first == ["truncated-gzip"],
        "{first:?}"
    );
    assert_eq!(docs[1].text, "still read after the corrupt file");
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let prefixes: [&[u8]; 6] = [
        b"",
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"\xEF\xBB\xBF",
        b"<!doctype html><p>",
        b"{\"text\":",
    ];
    for round in 0..600 {
        let len = (next() % 3000) as usize;
        let alphabet: &[u8] = match round % 3 {
            0 => b"<>/=\"' \n\tabcp{}[]:,\\\x00\xC3\xA9\xE2\x80",
            1 => b"abcdefghij \n.,",
            _ => &[],
        };
        let mut body = prefixes[round % prefixes.len()].to_vec();
        body.extend((0..len).map(|_| {
            let r = next();
            if alphabet.is_empty() {
                r as u8
            } else {
                alphabet[(r % alphabet.len() as u64) as usize]
            }
        }));
        let doc = prepare(RawDoc::new("fuzz", body.clone()), &Options::default());
        assert_eq!(doc.provenance.origin.as_deref(), Some("fuzz"));
        // The same bytes as a JSON Lines stream, line by line.
        let mut count = 0;
        for raw in Inputs::from_reader("fuzz", std::io::Cursor::new(body), InputFormat::Jsonl) {
            let doc = prepare(raw, &Options::default());
            assert!(doc
                .provenance
                .origin
                .as_deref()
                .is_some_and(|o| o.starts_with("fuzz:")));
            count += 1;
        }
        assert!(count <= len + 2);
    }
}
