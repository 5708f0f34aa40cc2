//! Gold files (`shared/spec/gold.md`): JSON Lines, one careful reading per
//! document, naming things by their words rather than by offsets.

use serde::{Deserialize, Deserializer};
use std::path::{Path, PathBuf};

/// Why a gold file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}line {line}: malformed gold record: {source}", file_prefix(file.as_deref()))]
    Malformed {
        file: Option<PathBuf>,
        line: usize,
        source: serde_json::Error,
    },
}

fn file_prefix(file: Option<&Path>) -> String {
    file.map(|p| format!("{}: ", p.display()))
        .unwrap_or_default()
}

/// Distinguishes a field given as `null` (`Some(None)`: the coder says there
/// is none) from a field left out (`None`: not scored).
fn given<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// One document's gold reading. Every field is optional; a layer that is
/// `None` is not scored, a layer given as `[]` says there is nothing to find.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldDoc {
    pub id: Option<String>,
    pub lang: Option<String>,
    pub published: Option<String>,
    pub input: Option<String>,
    pub input_format: Option<String>,
    pub doc: Option<GoldDocFields>,
    pub entities: Option<Vec<GoldEntity>>,
    pub places: Option<Vec<GoldPlace>>,
    pub quotes: Option<Vec<GoldQuote>>,
    pub casualties: Option<Vec<GoldCasualty>>,
    pub events: Option<Vec<GoldEvent>>,
    /// `Some(None)`: the document has no ACLED-coded event.
    #[serde(deserialize_with = "given")]
    pub acled_sub_event_type: Option<Option<String>>,
    /// 1-based line of the gold file this record came from (0 when unknown).
    #[serde(skip)]
    pub line: usize,
}

/// Document-level fields. `Some(None)` means the gold says "none".
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldDocFields {
    #[serde(deserialize_with = "given")]
    pub title: Option<Option<String>>,
    #[serde(deserialize_with = "given")]
    pub dateline_place: Option<Option<String>>,
    #[serde(deserialize_with = "given")]
    pub dateline_date: Option<Option<String>>,
    #[serde(deserialize_with = "given")]
    pub agency: Option<Option<String>>,
    pub sources: Option<Vec<String>>,
    #[serde(deserialize_with = "given")]
    pub publisher: Option<Option<String>>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldEntity {
    /// The words as they stand in the text.
    pub text: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub name: Option<String>,
    pub country: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldPlace {
    pub text: String,
    pub name: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldQuote {
    pub text: String,
    pub kind: Option<String>,
    pub speaker: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldCasualty {
    pub kind: String,
    pub min: Option<u64>,
    /// `None`: open-ended ("more than 200").
    pub max: Option<u64>,
    pub approximate: Option<bool>,
    pub group: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GoldEvent {
    /// PLOVER 2.0 type, older aliases already mapped (see [`plover_type`]).
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
    pub trigger: Option<String>,
    /// `None` (absent or null): not constrained.
    pub actor_country: Option<String>,
    pub recipient_country: Option<String>,
    pub negated: Option<bool>,
    pub modality: Option<String>,
}

/// Maps an event type from an older PLOVER draft to PLOVER 2.0, with the
/// mode the old type implied: FIGHT→ASSAULT, DEMAND→REQUEST,
/// DISAPPROVE→ACCUSE (disapprove), INVESTIGATE→ACCUSE (investigate).
pub fn plover_type(kind: &str) -> (String, Option<&'static str>) {
    let upper = kind.trim().to_ascii_uppercase();
    match upper.as_str() {
        "FIGHT" => ("ASSAULT".into(), None),
        "DEMAND" => ("REQUEST".into(), None),
        "DISAPPROVE" => ("ACCUSE".into(), Some("disapprove")),
        "INVESTIGATE" => ("ACCUSE".into(), Some("investigate")),
        _ => (upper, None),
    }
}

impl GoldDoc {
    fn normalize(mut self, line: usize) -> Self {
        self.line = line;
        for event in self.events.iter_mut().flatten() {
            let (kind, mode) = plover_type(&event.kind);
            event.kind = kind;
            if event.mode.is_none() {
                event.mode = mode.map(str::to_string);
            }
        }
        self
    }
}

/// Parses one gold record (one line of a gold file).
pub fn parse_record(json: &str, line: usize) -> Result<GoldDoc, GoldError> {
    serde_json::from_str::<GoldDoc>(json)
        .map(|doc| doc.normalize(line))
        .map_err(|source| GoldError::Malformed {
            file: None,
            line,
            source,
        })
}

/// Parses a whole gold file's text. Blank lines are skipped; the first
/// malformed line stops parsing with an error naming it.
pub fn parse(text: &str) -> Result<Vec<GoldDoc>, GoldError> {
    parse_lines(text).collect()
}

/// Parses a gold file's text line by line, so a runner can report a bad
/// line and go on with the rest.
pub fn parse_lines(text: &str) -> impl Iterator<Item = Result<GoldDoc, GoldError>> + '_ {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| parse_record(line, index + 1))
}

/// Reads and parses a gold file; errors name the file and line.
pub fn read(path: &Path) -> Result<Vec<GoldDoc>, GoldError> {
    let text = std::fs::read_to_string(path).map_err(|source| GoldError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|e| match e {
        GoldError::Malformed { line, source, .. } => GoldError::Malformed {
            file: Some(path.to_path_buf()),
            line,
            source,
        },
        other => other,
    })
}

/// Every `*.gold.jsonl` file under the given paths, recursively, sorted and
/// without duplicates. A path that is itself a gold file is included;
/// unreadable directories are skipped; symbolic links to directories are
/// not followed (no cycles).
pub fn discover<P: AsRef<Path>>(dirs: &[P]) -> Vec<PathBuf> {
    let is_gold = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(".gold.jsonl"))
    };
    let mut found = Vec::new();
    let mut pending: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        let dir = dir.as_ref();
        if dir.is_file() {
            if is_gold(dir) {
                found.push(dir.to_path_buf());
            }
        } else {
            pending.push(dir.to_path_buf());
        }
    }
    // An explicit stack rather than recursion: directory depth is not ours to bound.
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.push(path);
            } else if is_gold(&path) && (kind.is_file() || path.is_file()) {
                found.push(path);
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_layer_and_ignores_unknown_fields() {
        let line = r#"{"id":"d1","lang":"fr","future_field":{"x":1},
            "doc":{"title":"T","dateline_place":null,"sources":["AFP"]},
            "entities":[{"text":"Tokaïev","type":"PER","name":"Kassym-Jomart Tokayev","country":"KAZ"}],
            "places":[{"text":"Moscou","lat":55.75,"lon":37.62}],
            "quotes":[{"text":"Nous","kind":"direct","speaker":"Tokayev"}],
            "casualties":[{"kind":"injured","min":200,"max":null,"approximate":true}],
            "events":[{"type":"ASSAULT","trigger":"tués","actor_country":null,"negated":false}],
            "acled_sub_event_type":null}"#
            .replace('\n', " ");
        let doc = parse_record(&line, 7).unwrap();
        assert_eq!(doc.id.as_deref(), Some("d1"));
        assert_eq!(doc.line, 7);
        let fields = doc.doc.as_ref().unwrap();
        assert_eq!(fields.title, Some(Some("T".into())));
        assert_eq!(fields.dateline_place, Some(None), "null is a statement");
        assert_eq!(fields.dateline_date, None, "absent is not scored");
        assert_eq!(fields.sources.as_deref(), Some(&["AFP".to_string()][..]));
        assert_eq!(
            doc.entities.as_ref().unwrap()[0].kind.as_deref(),
            Some("PER")
        );
        assert_eq!(doc.places.as_ref().unwrap()[0].lat, Some(55.75));
        assert_eq!(doc.casualties.as_ref().unwrap()[0].max, None);
        assert_eq!(doc.events.as_ref().unwrap()[0].negated, Some(false));
        assert_eq!(doc.acled_sub_event_type, Some(None));
        assert!(doc.quotes.is_some());
    }

    #[test]
    fn absent_layers_stay_unscored() {
        let doc = parse_record(r#"{"id":"x","events":[]}"#, 1).unwrap();
        assert_eq!(doc.events, Some(vec![]));
        assert!(doc.entities.is_none() && doc.doc.is_none());
        assert_eq!(doc.acled_sub_event_type, None);
    }

    #[test]
    fn older_plover_types_map_to_2_0() {
        let text = r#"{"events":[{"type":"FIGHT"},{"type":"DEMAND"},{"type":"DISAPPROVE"},{"type":"INVESTIGATE"},{"type":"INVESTIGATE","mode":"inquiry"},{"type":"agree"}]}"#;
        let doc = parse_record(text, 1).unwrap();
        let got: Vec<(&str, Option<&str>)> = doc
            .events
            .as_ref()
            .unwrap()
            .iter()
            .map(|e| (e.kind.as_str(), e.mode.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("ASSAULT", None),
                ("REQUEST", None),
                ("ACCUSE", Some("disapprove")),
                ("ACCUSE", Some("investigate")),
                ("ACCUSE", Some("inquiry")),
                ("AGREE", None),
            ]
        );
    }

    #[test]
    fn malformed_lines_are_named() {
        let text = "{\"id\":\"a\"}\n\n{\"id\":\"b\",\n{\"id\":\"c\"}\n";
        let err = parse(text).unwrap_err();
        assert!(matches!(err, GoldError::Malformed { line: 3, .. }), "{err}");
        assert!(
            err.to_string().starts_with("line 3: malformed gold record"),
            "{err}"
        );
        let results: Vec<_> = parse_lines(text).collect();
        assert_eq!(results.len(), 3);
        assert!(results[0].is_ok() && results[1].is_err() && results[2].is_ok());
        assert_eq!(results[2].as_ref().unwrap().line, 4);
        // A wrong type inside a record is malformed too.
        let err = parse("{\"casualties\":[{\"kind\":\"killed\",\"min\":\"26\"}]}").unwrap_err();
        assert!(matches!(err, GoldError::Malformed { line: 1, .. }));
        assert!(parse("[1,2]").is_err());
    }

    #[test]
    fn discovers_gold_files_recursively_and_sorted() {
        let root =
            std::env::temp_dir().join(format!("dateline-eval-discover-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("b/deeper")).unwrap();
        std::fs::create_dir_all(root.join("a")).unwrap();
        for file in [
            "b/deeper/z.gold.jsonl",
            "a/y.gold.jsonl",
            "a/notes.jsonl",
            "x.gold.jsonl.bak",
            "top.gold.jsonl",
        ] {
            std::fs::write(root.join(file), "{}\n").unwrap();
        }
        let found = discover(&[root.clone(), root.join("a"), root.join("top.gold.jsonl")]);
        let names: Vec<_> = found
            .iter()
            .map(|p| p.strip_prefix(&root).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            [
                PathBuf::from("a/y.gold.jsonl"),
                PathBuf::from("b/deeper/z.gold.jsonl"),
                PathBuf::from("top.gold.jsonl")
            ]
        );
        assert!(discover(&[root.join("missing")]).is_empty());
        let err = read(&root.join("missing.gold.jsonl")).unwrap_err();
        assert!(matches!(err, GoldError::Io { .. }));
        std::fs::write(root.join("bad.gold.jsonl"), "{}\nnot json\n").unwrap();
        let err = read(&root.join("bad.gold.jsonl")).unwrap_err();
        assert!(err.to_string().contains("bad.gold.jsonl: line 2"), "{err}");
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn parses_the_dev_sets_when_present() {
        let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/dev");
        if !dev.is_dir() {
            println!(
                "note: {} not found; dev-set parsing not checked",
                dev.display()
            );
            return;
        }
        let files = discover(&[&dev]);
        let count = |name: &str| {
            let path = files.iter().find(|p| p.ends_with(name)).expect(name);
            read(path).unwrap().len()
        };
        assert_eq!(count("seed.gold.jsonl"), 1);
        assert_eq!(count("plover-gsr.gold.jsonl"), 322);
        let seed = read(&dev.join("seed.gold.jsonl")).unwrap();
        assert_eq!(seed[0].events.as_ref().map(Vec::len), Some(9));
        assert_eq!(
            seed[0].doc.as_ref().unwrap().dateline_place,
            Some(Some("Moscow".into()))
        );
    }
}
