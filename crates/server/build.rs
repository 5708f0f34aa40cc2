//! Embeds the sample stories of examples/stories/ (listed in its index.tsv) so
//! that `dateline demo` works from any directory.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let stories = manifest.join("../../examples/stories");
    let index = stories.join("index.tsv");
    println!("cargo:rerun-if-changed={}", index.display());
    let listing = std::fs::read_to_string(&index).unwrap_or_default();
    let mut code = String::from("&[\n");
    for line in listing.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, id, published, language] = cols[..] else {
            panic!("examples/stories/index.tsv: want file, id, published, language in: {line}");
        };
        let path = stories.join(file);
        assert!(
            path.is_file(),
            "examples/stories/index.tsv lists a missing file: {file}"
        );
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    SampleStory {{ id: {id:?}, published: {published:?}, language: {language:?}, text: include_str!({path:?}) }},",
            path = path.canonicalize().unwrap_or(path.clone()).display().to_string(),
        );
    }
    code.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("stories.rs");
    std::fs::write(out, code).expect("cannot write OUT_DIR/stories.rs");
}
