//! The gold-file runner: every `*.gold.jsonl` under `testdata/gold/` and,
//! when it is there, `../shared/eval/dev/` is read through the whole engine,
//! every record is checked against the JSON Schema, the per-layer report is
//! printed (`cargo test -p dateline --test gold -- --nocapture`), and the
//! floors in `testdata/floors.tsv` must hold. Files are discovered, never listed here.

use std::path::{Path, PathBuf};

use dateline::{raw_from_gold, Engine};
use dateline_eval::{gold, schema, Report};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// (gold file relative to the workspace root, JSON pointer into the report, minimum).
fn floors(root: &Path) -> Vec<(String, String, f64)> {
    let text = std::fs::read_to_string(root.join("testdata/floors.tsv")).expect("testdata/floors.tsv");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert_eq!(fields.len(), 3, "floors.tsv: bad line {l:?}");
            let min: f64 = fields[2].trim().parse().expect("floors.tsv: minimum is a number");
            (fields[0].to_string(), fields[1].to_string(), min)
        })
        .collect()
}

#[test]
fn gold_files_meet_their_floors() {
    let root = workspace_root();
    let shared = root.join("../shared/eval/dev");
    let mut dirs = vec![root.join("testdata/gold")];
    if shared.is_dir() {
        dirs.push(shared);
    } else {
        println!("note: ../shared/eval/dev is absent; only the project's own gold files are run");
    }
    let files = gold::discover(&dirs);
    assert!(!files.is_empty(), "no gold files discovered");
    let engine = Engine::default();
    let floors = floors(&root);
    let mut failures = Vec::new();
    for file in &files {
        let golds = gold::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert!(!golds.is_empty(), "{} holds no documents", file.display());
        let mut invalid = Vec::new();
        let (report, _) = dateline_eval::evaluate(&golds, |g| {
            let record = engine.extract(raw_from_gold(g));
            if let Err(errors) = schema::validate(&record) {
                invalid.push(format!("{:?}: {}", g.id, errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ")));
            }
            record
        });
        assert!(invalid.is_empty(), "{}: records break the schema:\n{}", file.display(), invalid.join("\n"));
        println!("== {} ({} documents)\n{}", file.display(), golds.len(), report.to_table());
        failures.extend(check_floors(&root, file, &report, &floors));
    }
    for (name, _, _) in &floors {
        let path = root.join(name);
        if !name.starts_with("../") {
            assert!(path.is_file(), "floors.tsv names {name}, which does not exist");
        }
    }
    assert!(failures.is_empty(), "floors not met:\n{}", failures.join("\n"));
}

fn check_floors(root: &Path, file: &Path, report: &Report, floors: &[(String, String, f64)]) -> Vec<String> {
    let json = report.to_json();
    let canonical = file.canonicalize().ok();
    floors
        .iter()
        .filter(|(name, _, _)| root.join(name).canonicalize().ok() == canonical)
        .filter_map(|(name, pointer, min)| {
            let value = json.pointer(pointer).and_then(|v| v.as_f64());
            match value {
                Some(v) if v + 1e-9 >= *min => None,
                Some(v) => Some(format!("{name} {pointer}: {v:.4} < floor {min}")),
                None => Some(format!("{name} {pointer}: no such figure in the report")),
            }
        })
        .collect()
}
