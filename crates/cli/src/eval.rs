//! `dateline eval`: dateline's reading of gold documents, scored layer by layer.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Parser;
use dateline::{raw_from_gold, Engine};
use dateline_eval::{gold, schema, Report};

#[derive(Parser)]
#[command(after_help = "\
Examples:
  dateline eval ../shared/eval/dev/seed.gold.jsonl
  dateline eval testdata/gold ../shared/eval/dev --details
  dateline eval ../shared/eval/dev/plover-gsr.gold.jsonl --json > scores.json

Gold files are JSON Lines as ../shared/spec/gold.md describes; a directory means every
*.gold.jsonl below it. Each document is read as `dateline extract` would read it (its
input, id, publication date and language), every record is checked against the JSON
Schema, and the scores follow the spec's matching rules.")]
pub struct Args {
    /// Gold files, or directories holding `*.gold.jsonl` files.
    #[arg(required = true, value_name = "GOLD")]
    paths: Vec<PathBuf>,

    /// Print the report as JSON instead of a table.
    #[arg(long)]
    json: bool,

    /// Also list, per document, what was missed or predicted wrongly.
    #[arg(long)]
    details: bool,

    /// Score these records (JSON Lines, matched to gold documents by `doc.id`) instead of
    /// reading the gold inputs with dateline: to compare another system on the same gold.
    #[arg(long, value_name = "RECORDS")]
    predictions: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<()> {
    let mut files = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            files.extend(gold::discover(&[path]));
        } else if path.is_file() {
            files.push(path.clone());
        } else {
            bail!("cannot read '{}': No such file or directory", path.display());
        }
    }
    if files.is_empty() {
        bail!("no *.gold.jsonl files found under the given directories");
    }
    let engine = Engine::default();
    let predictions = match &args.predictions {
        Some(path) => Some(read_predictions(path)?),
        None => None,
    };
    let mut total = Report::default();
    let mut json_reports = Vec::new();
    let mut invalid_records = 0;
    let mut out = io::stdout().lock();
    for file in &files {
        let golds = gold::read(file)?;
        let (report, docs) = dateline_eval::evaluate(&golds, |g| {
            let record = match &predictions {
                Some(records) => g.id.as_ref().and_then(|id| records.get(id)).cloned().unwrap_or(serde_json::Value::Null),
                None => engine.extract(raw_from_gold(g)),
            };
            if record.is_null() {
                eprintln!("dateline: no predicted record for gold document {:?}", g.id);
                return record;
            }
            if let Err(errors) = schema::validate(&record) {
                invalid_records += 1;
                for error in errors.iter().take(3) {
                    eprintln!("dateline: record for {:?} breaks the schema: {error}", g.id);
                }
            }
            record
        });
        for doc in &docs {
            total.add(doc);
        }
        if args.json {
            json_reports.push(serde_json::json!({
                "file": file.display().to_string(),
                "documents": golds.len(),
                "report": report,
                "details": if args.details { serde_json::to_value(&docs)? } else { serde_json::Value::Null },
            }));
        } else {
            writeln!(out, "== {} ({} documents)", file.display(), golds.len())?;
            writeln!(out, "{}", report.to_table())?;
            if args.details {
                for doc in &docs {
                    for miss in &doc.misses {
                        writeln!(
                            out,
                            "  {} line {}: {} {:?}: {}",
                            doc.id.as_deref().unwrap_or("-"),
                            doc.line,
                            miss.layer.as_str(),
                            miss.kind,
                            miss.detail
                        )?;
                    }
                }
            }
        }
    }
    if args.json {
        let report = serde_json::json!({"files": json_reports, "total": total, "invalid_records": invalid_records});
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else if files.len() > 1 {
        writeln!(out, "== all files")?;
        writeln!(out, "{}", total.to_table())?;
    }
    if invalid_records > 0 {
        bail!("{invalid_records} records do not validate against schema/dateline-1.schema.json");
    }
    Ok(())
}

/// Records by `doc.id`, from a JSON Lines file.
fn read_predictions(path: &std::path::Path) -> Result<std::collections::HashMap<String, serde_json::Value>> {
    use anyhow::Context as _;
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read '{}'", path.display()))?;
    let mut records = std::collections::HashMap::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let record: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}: line {}: not a JSON record", path.display(), n + 1))?;
        let Some(id) = record["doc"]["id"].as_str() else {
            bail!("{}: line {}: the record has no doc.id", path.display(), n + 1);
        };
        records.insert(id.to_string(), record);
    }
    Ok(records)
}
