//! dateline-python: the native half of the `dateline` Python package.
//!
//! Thin PyO3 bindings over the [`dateline`] engine. Records cross the boundary
//! as JSON strings (serialized in Rust, in parallel, without the GIL); the pure
//! Python layer (`dateline/__init__.py`) turns them into dicts with `json.loads`,
//! which is faster than building Python objects field by field from Rust, and
//! lets the Spark job keep them as strings without ever parsing them in Python.
//!
//! ```python
//! from dateline import _native
//! record_json = _native.extract_json("PARIS (Reuters) - Police arrested 12 protesters.", id="d1")
//! ```

use std::io::Cursor;
use std::path::PathBuf;

use dateline::{BodyFormat, Engine, InputFormat, Inputs, RawDoc, RecordOptions};
use dateline_ingest::normalize_language_code;
use dateline_model::{Diagnostic, PartialDate};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rayon::prelude::*;

/// Documents read ahead by a [`PathReader`] batch: bounds memory on large WARC files.
const DEFAULT_BATCH_DOCS: usize = 256;

fn engine(no_text: bool) -> Engine {
    Engine {
        record: RecordOptions { no_text },
        ..Engine::default()
    }
}

fn body_format(format: Option<&str>) -> PyResult<Option<BodyFormat>> {
    match format.map(str::trim) {
        None | Some("auto") => Ok(None),
        Some("text") => Ok(Some(BodyFormat::Text)),
        Some("html") => Ok(Some(BodyFormat::Html)),
        Some(other) => Err(PyValueError::new_err(format!(
            "format must be 'auto', 'text' or 'html', not {other:?}"
        ))),
    }
}

fn input_format(format: Option<&str>) -> PyResult<InputFormat> {
    let name = format.map(str::trim).unwrap_or("auto");
    InputFormat::parse(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "format must be 'auto', 'text', 'html' or 'jsonl', not {name:?}"
        ))
    })
}

fn checked_date(published: Option<String>) -> PyResult<Option<String>> {
    match published {
        Some(value) if PartialDate::parse_iso(&value).is_none() => Err(PyValueError::new_err(format!(
            "published must be an ISO date like 2022-01-10 (or 2022-01, 2022, 2022-01-10T08:00:00Z), not {value:?}"
        ))),
        other => Ok(other),
    }
}

fn checked_language(language: Option<String>) -> PyResult<Option<String>> {
    match language {
        Some(code) if normalize_language_code(&code).is_none() => Err(PyValueError::new_err(
            format!("language must be an ISO 639-1 code such as 'fr' or 'en', not {code:?}"),
        )),
        other => Ok(other),
    }
}

fn story_bytes(input: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(text) = input.downcast::<PyString>() {
        return Ok(text.to_cow()?.as_bytes().to_vec());
    }
    if let Ok(bytes) = input.downcast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    let type_name = input.get_type().name()?;
    Err(PyTypeError::new_err(format!(
        "the story must be str (text or HTML) or bytes, not {type_name}"
    )))
}

fn to_json(record: &serde_json::Value) -> String {
    // Serializing a serde_json::Value cannot fail (its keys are strings).
    serde_json::to_string(record).unwrap_or_default()
}

/// Runs `work` without the GIL on a pool of `threads` workers (the global pool when None).
fn run_parallel<T: Send>(
    py: Python<'_>,
    threads: Option<usize>,
    work: impl FnOnce() -> T + Send,
) -> PyResult<T> {
    py.allow_threads(|| match threads {
        None => Ok(work()),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .map_err(|err| {
                    PyRuntimeError::new_err(format!("cannot start worker threads: {err}"))
                })?;
            Ok(pool.install(work))
        }
    })
}

fn extract_all(engine: &Engine, docs: Vec<RawDoc>) -> Vec<String> {
    docs.into_par_iter()
        .map(|raw| to_json(&engine.extract(raw)))
        .collect()
}

/// One story (str or bytes) to its dateline/1 record as a JSON string.
#[pyfunction]
#[pyo3(signature = (input, id=None, url=None, published=None, language=None, title=None, format=None, origin=None, no_text=false))]
#[allow(clippy::too_many_arguments)]
fn extract_json(
    py: Python<'_>,
    input: &Bound<'_, PyAny>,
    id: Option<String>,
    url: Option<String>,
    published: Option<String>,
    language: Option<String>,
    title: Option<String>,
    format: Option<&str>,
    origin: Option<String>,
    no_text: bool,
) -> PyResult<String> {
    let body = story_bytes(input)?;
    let raw = RawDoc {
        id,
        url,
        title,
        body_format: body_format(format)?,
        published: checked_date(published)?,
        language: checked_language(language)?,
        ..RawDoc::new(origin.unwrap_or_else(|| "python".into()), body)
    };
    let engine = engine(no_text);
    Ok(py.allow_threads(|| to_json(&engine.extract(raw))))
}

/// JSON Lines (one object per line, the keys of `dateline extract --input jsonl`)
/// to records, in order. Read by the same reader as the CLI's, so the records are
/// the CLI's for the same lines and origin; a bad line becomes a record with a
/// diagnostic.
#[pyfunction]
#[pyo3(signature = (lines, origin="-".to_string(), threads=None, no_text=false))]
fn extract_jsonl(
    py: Python<'_>,
    lines: Vec<String>,
    origin: String,
    threads: Option<usize>,
    no_text: bool,
) -> PyResult<Vec<String>> {
    let expected = lines.len();
    let engine = engine(no_text);
    let records = run_parallel(py, threads, move || {
        let mut blob = Vec::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
        for line in &lines {
            // A newline inside an item would shift every later item: keep one line per item.
            blob.extend(
                line.bytes()
                    .map(|b| if b == b'\n' || b == b'\r' { b' ' } else { b }),
            );
            blob.push(b'\n');
        }
        drop(lines);
        let docs: Vec<RawDoc> =
            Inputs::from_reader(&origin, Cursor::new(blob), InputFormat::Jsonl).collect();
        extract_all(&engine, docs)
    })?;
    if records.len() != expected {
        return Err(PyRuntimeError::new_err(format!(
            "internal error: {expected} items gave {} records",
            records.len()
        )));
    }
    Ok(records)
}

/// Columns of a table (as from an Arrow batch) to records, row by row in order.
/// Each column is a list of optional strings of the same length (None for a
/// missing column); `text` wins over `html` as in JSON Lines.
#[pyfunction]
#[pyo3(signature = (ids, texts, htmls, urls=None, published=None, languages=None, titles=None, origin="table".to_string(), threads=None, no_text=false))]
#[allow(clippy::too_many_arguments)]
fn extract_columns(
    py: Python<'_>,
    ids: Option<Vec<Option<String>>>,
    texts: Option<Vec<Option<String>>>,
    htmls: Option<Vec<Option<String>>>,
    urls: Option<Vec<Option<String>>>,
    published: Option<Vec<Option<String>>>,
    languages: Option<Vec<Option<String>>>,
    titles: Option<Vec<Option<String>>>,
    origin: String,
    threads: Option<usize>,
    no_text: bool,
) -> PyResult<Vec<String>> {
    let columns = [&ids, &texts, &htmls, &urls, &published, &languages, &titles];
    let rows = columns
        .iter()
        .filter_map(|c| c.as_ref().map(Vec::len))
        .max()
        .unwrap_or(0);
    if columns
        .iter()
        .any(|c| c.as_ref().is_some_and(|c| c.len() != rows))
    {
        return Err(PyValueError::new_err(
            "all columns must have the same length",
        ));
    }
    let mut columns =
        [ids, texts, htmls, urls, published, languages, titles].map(|c| c.map(|c| c.into_iter()));
    let mut docs = Vec::with_capacity(rows);
    for row in 0..rows {
        let mut cell = |i: usize| {
            columns
                .get_mut(i)
                .and_then(|c| c.as_mut())
                .and_then(|c| c.next())
                .flatten()
        };
        let (id, text, html, url, date, language, title) = (
            cell(0),
            cell(1),
            cell(2),
            cell(3),
            cell(4),
            cell(5),
            cell(6),
        );
        let mut raw = RawDoc {
            id: id.filter(|id| !id.trim().is_empty()),
            url,
            published: date,
            language,
            title,
            from_jsonl: true,
            ..RawDoc::new(format!("{origin}:{}", row + 1), Vec::new())
        };
        match (text, html) {
            (Some(text), _) => {
                raw.body = text.into_bytes();
                raw.body_format = Some(BodyFormat::Text);
            }
            (None, Some(html)) => {
                raw.body = html.into_bytes();
                raw.body_format = Some(BodyFormat::Html);
            }
            (None, None) => raw.diagnostics.push(Diagnostic::warning(
                "no-body",
                format!("row {} of {origin}: no text or html", row + 1),
            )),
        }
        docs.push(raw);
    }
    let engine = engine(no_text);
    run_parallel(py, threads, move || extract_all(&engine, docs))
}

/// Files, directories, WARC archives or feeds read by the CLI's reader, yielding
/// records (JSON strings) in batches so that a large archive never sits in memory whole.
#[pyclass(unsendable)]
struct PathReader {
    inputs: Inputs,
    engine: Engine,
    batch_docs: usize,
    threads: Option<usize>,
}

#[pymethods]
impl PathReader {
    #[new]
    #[pyo3(signature = (paths, format=None, batch_docs=DEFAULT_BATCH_DOCS, threads=None, no_text=false))]
    fn new(
        paths: Vec<PathBuf>,
        format: Option<&str>,
        batch_docs: usize,
        threads: Option<usize>,
        no_text: bool,
    ) -> PyResult<Self> {
        let inputs = Inputs::open(&paths, input_format(format)?)
            .map_err(|err| pyo3::exceptions::PyOSError::new_err(err.to_string()))?;
        Ok(PathReader {
            inputs,
            engine: engine(no_text),
            batch_docs: batch_docs.max(1),
            threads,
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next batch of records as JSON strings; stops when the inputs are exhausted.
    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Vec<String>>> {
        let batch: Vec<RawDoc> = self.inputs.by_ref().take(self.batch_docs).collect();
        if batch.is_empty() {
            return Ok(None);
        }
        let engine = &self.engine;
        run_parallel(py, self.threads, move || extract_all(engine, batch)).map(Some)
    }

    /// Archive records left out so far (WARC requests, non-HTML responses...).
    #[getter]
    fn skipped_records(&self) -> usize {
        self.inputs.skipped_records()
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(extract_columns, m)?)?;
    m.add_class::<PathReader>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
