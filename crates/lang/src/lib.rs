//! Language resources: the per-language files under `resources/lang/<iso>/`,
//! embedded at build time, and the small line format they are written in.
//!
//! Every file is plain UTF-8 text a linguist can review: one entry per line,
//! fields separated by tabs, `#` starts a comment line, blank lines are ignored.
//!
//! ```
//! let fr = dateline_lang::file("fr", "months.tsv").expect("French months ship with dateline");
//! assert!(dateline_lang::rows(fr).any(|row| row[0] == "janvier"));
//! ```

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Languages whose readers are complete: their own resources, tests and gold cases.
pub const SUPPORTED: &[&str] = &["en", "fr", "es"];

/// Whether full reading is available for this ISO 639-1 code.
pub fn is_supported(iso: &str) -> bool {
    SUPPORTED.contains(&iso)
}

/// The contents of `resources/lang/<iso>/<name>`, if it exists.
pub fn file(iso: &str, name: &str) -> Option<&'static str> {
    embedded::FILES.iter().find(|(l, n, _)| *l == iso && *n == name).map(|(_, _, text)| *text)
}

/// Every embedded (language, file name) pair, sorted.
pub fn files() -> impl Iterator<Item = (&'static str, &'static str)> {
    embedded::FILES.iter().map(|(l, n, _)| (*l, *n))
}

/// The data rows of a resource file: tab-separated fields, trimmed, with
/// comment and blank lines skipped.
pub fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter_map(|line| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        Some(line.split('\t').map(str::trim).collect())
    })
}

/// The first field of every row: for plain word lists.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    rows(text).filter_map(|row| row.into_iter().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_and_blanks() {
        let text = "# header\n\nun\t1\n  # indented comment\ndeux\t2\r\n";
        let parsed: Vec<Vec<&str>> = rows(text).collect();
        assert_eq!(parsed, vec![vec!["un", "1"], vec!["deux", "2"]]);
    }

    #[test]
    fn every_supported_language_has_resources() {
        for iso in SUPPORTED {
            assert!(files().any(|(l, _)| l == *iso), "no resources for {iso}");
        }
    }
}
