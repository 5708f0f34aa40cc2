//! Routes, handlers and the middleware every response goes through.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path as FsPath, PathBuf};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::rejection::PathRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, RawQuery, Request, State};
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use dateline::{BodyFormat, Engine, RawDoc};
use dateline_store::{EventFilter, Store, StoreError, TimeBucket};
use serde_json::{json, Value};

use crate::params::{self, Bucket, FILTER_PARAMS, MAX_PAGE};
use crate::{assets, AppState};

/// At most this many stories per ingest request: bounded work per request.
const MAX_DOCS_PER_POST: usize = 100;

/// An answer other than success: a status and a message for `{"error": ...}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub(crate) fn bad_parameter(name: &str, message: impl std::fmt::Display) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("invalid {name}: {message}"),
        )
    }

    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn not_found(what: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, what)
    }

    #[cfg(test)]
    pub(crate) fn message(&self) -> &str {
        &self.message
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> ApiError {
        if err.is_usage_error() {
            ApiError::new(StatusCode::BAD_REQUEST, err.to_string())
        } else {
            // The detail may name files: it goes to the operator's log, not the client.
            eprintln!("dateline-server: store error: {err}");
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the store failed to answer",
            )
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

type ApiResult = Result<Response, ApiError>;

pub(crate) fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/api/events", get(list_events))
        .route("/api/events/{doc}/{event}", get(one_event))
        .route("/api/documents", axum::routing::post(post_documents))
        .route("/api/documents/{id}", get(one_document))
        .route("/api/entities/{key}", get(entity_page))
        .route("/api/places", get(list_places))
        .route("/api/places/{name}", get(place_page))
        .route("/api/counts", get(counts))
        .route("/api/stats", get(stats))
        .route("/api/openapi.json", get(openapi));
    api.merge(assets::routes())
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            limit_and_time,
        ))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such page (see /api/openapi.json)")
}

/// Headers on every answer, errors included: no inline script may run
/// (story text is untrusted), no framing, no MIME sniffing, no referrer leak.
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = as_json_error(next.run(request).await).await;
    let headers = response.headers_mut();
    let fixed: [(HeaderName, &'static str); 5] = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// Errors produced by the framework itself (a body over the limit, a
/// malformed request) come as plain text: wrap them as `{"error": ...}` like ours.
async fn as_json_error(response: Response) -> Response {
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/json"));
    let status = response.status();
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (parts, body) = response.into_parts();
    // These messages are short; a bound keeps it so whatever produced them.
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let message = String::from_utf8_lossy(&text).trim().to_string();
    let message = if message.is_empty() {
        status.canonical_reason().unwrap_or("error").to_string()
    } else {
        message
    };
    let mut wrapped = ApiError::new(status, message).into_response();
    for (name, value) in parts.headers.iter() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            wrapped.headers_mut().insert(name.clone(), value.clone());
        }
    }
    wrapped
}

/// The per-client rate limit, then the time limit of the request.
async fn limit_and_time(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let client = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    if let Some(client) = client {
        if !state.limiter.allow(client) {
            let mut response = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too many requests from this address; slow down",
            )
            .into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return response;
        }
    }
    match tokio::time::timeout(state.config.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the request took too long; narrow the filter",
        )
        .into_response(),
    }
}

thread_local! {
    /// One read-only connection per blocking worker thread, kept open:
    /// `Store` is not `Sync`, and opening per request would cost more than the query.
    static READER: RefCell<Option<(PathBuf, Store)>> = const { RefCell::new(None) };
}

fn with_reader<T>(
    db: &FsPath,
    f: impl FnOnce(&Store) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    READER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let stale = !matches!(&*slot, Some((path, _)) if path == db);
        if stale {
            *slot = Some((db.to_path_buf(), Store::open_read_only(db)?));
        }
        match &*slot {
            Some((_, store)) => f(store),
            None => Err(ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "no store")),
        }
    })
}

/// Runs a store query on the blocking pool (SQLite calls block).
async fn query<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let db = state.config.db.clone();
    tokio::task::spawn_blocking(move || with_reader(&db, f))
        .await
        .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "query worker failed"))?
}

fn path_value<T>(path: Result<Path<T>, PathRejection>) -> Result<T, ApiError> {
    path.map(|Path(value)| value)
        .map_err(|rejection| ApiError::new(StatusCode::BAD_REQUEST, rejection.body_text()))
}

fn page_of(filter: &EventFilter) -> (usize, usize) {
    (filter.limit.unwrap_or(100), filter.offset)
}

async fn list_events(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> ApiResult {
    let params = params::parse(raw.as_deref(), FILTER_PARAMS, true, false)?;
    let filter = params.filter;
    let (limit, offset) = page_of(&filter);
    let (total, events) = query(&state, move |store| {
        Ok((store.count_events(&filter)?, store.events(&filter)?))
    })
    .await?;
    Ok(
        Json(json!({ "total": total, "limit": limit, "offset": offset, "events": events }))
            .into_response(),
    )
}

/// One event with its story metadata, participants, and the event object of
/// the record (evidence spans, casualty links) as the reader wrote it.
async fn one_event(
    State(state): State<Arc<AppState>>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> ApiResult {
    let (doc, event) = path_value(path)?;
    let found = query(&state, move |store| {
        let Some(row) = store.event(&doc, &event)? else {
            return Ok(None);
        };
        let in_record = store
            .record(&doc)?
            .and_then(|record| record_event(&record, &event));
        Ok(Some((row, in_record)))
    })
    .await?;
    match found {
        Some((row, in_record)) => {
            let mut body = serde_json::to_value(row).unwrap_or(Value::Null);
            if let Some(object) = body.as_object_mut() {
                object.insert("record".into(), in_record.unwrap_or(Value::Null));
            }
            Ok(Json(body).into_response())
        }
        None => Err(ApiError::not_found("no such event")),
    }
}

fn record_event(record: &Value, event_id: &str) -> Option<Value> {
    record
        .get("events")?
        .as_array()?
        .iter()
        .find(|event| event.get("id").and_then(Value::as_str) == Some(event_id))
        .cloned()
}

async fn one_document(
    State(state): State<Arc<AppState>>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult {
    let id = path_value(path)?;
    match query(&state, move |store| Ok(store.record(&id)?)).await? {
        Some(record) => Ok(Json(record).into_response()),
        None => Err(ApiError::not_found("no such document")),
    }
}

/// An entity page: the stored entities with this name or knowledge-base id
/// (type, country, sector, in how many stories), and the events whose actor
/// or recipient is named so, newest first.
async fn entity_page(
    State(state): State<Arc<AppState>>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let key = path_value(path)?;
    if key.trim().is_empty() || key.len() > 512 {
        return Err(ApiError::bad_parameter("name", "must be 1 to 512 bytes"));
    }
    let params = params::parse(raw.as_deref(), FILTER_PARAMS, true, false)?;
    let mut filter = params.filter;
    let (limit, offset) = page_of(&filter);
    let body = query(&state, move |store| {
        let variants =
            entity_variants(store, &key).map_err(|e| ApiError::from(StoreError::from(e)))?;
        let Some(name) = variants
            .first()
            .and_then(|v| v.get("name"))
            .and_then(Value::as_str)
            .map(str::to_string)
        else {
            return Ok(None);
        };
        // A knowledge-base id is looked up by the name it carries.
        filter.actor = Some(name);
        let total = store.count_events(&filter)?;
        let events = store.events(&filter)?;
        Ok(Some(json!({
            "key": key, "entities": variants, "total": total,
            "limit": limit, "offset": offset, "events": events,
        })))
    })
    .await?;
    body.map(|b| Json(b).into_response())
        .ok_or_else(|| ApiError::not_found("no entity with this name or id"))
}

/// Entities named exactly `key`, else with `key` as knowledge-base id, grouped.
/// Only columns of the entities table itself: it does not depend on how the
/// store keys documents. The name lookup uses the store's name index.
fn entity_variants(store: &Store, key: &str) -> Result<Vec<Value>, rusqlite::Error> {
    for column in ["name", "kb"] {
        // `column` is one of two literals above, never input.
        let mut stmt = store.connection().prepare_cached(&format!(
            "SELECT type, name, kb, country, sector, COUNT(*) FROM entities WHERE {column} = ?1 \
             GROUP BY type, name, kb, country, sector ORDER BY COUNT(*) DESC LIMIT 20"
        ))?;
        let rows = stmt
            .query_map([key], |row| {
                Ok(json!({
                    "type": row.get::<_, Option<String>>(0)?,
                    "name": row.get::<_, Option<String>>(1)?,
                    "kb": row.get::<_, Option<String>>(2)?,
                    "country": row.get::<_, Option<String>>(3)?,
                    "sector": row.get::<_, Option<String>>(4)?,
                    "documents": row.get::<_, i64>(5)?,
                }))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        if !rows.is_empty() {
            return Ok(rows);
        }
    }
    Ok(Vec::new())
}

/// A place page: events located at places of this name.
async fn place_page(
    State(state): State<Arc<AppState>>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let name = path_value(path)?;
    if name.trim().is_empty() {
        return Err(ApiError::bad_parameter("name", "is empty"));
    }
    let mut params = params::parse(raw.as_deref(), FILTER_PARAMS, true, false)?;
    params.filter.place = Some(name.clone());
    let filter = params.filter;
    let (limit, offset) = page_of(&filter);
    let (total, events) = query(&state, move |store| {
        Ok((store.count_events(&filter)?, store.events(&filter)?))
    })
    .await?;
    if total == 0 {
        return Err(ApiError::not_found("no events at a place of this name"));
    }
    Ok(Json(
        json!({ "name": name, "total": total, "limit": limit, "offset": offset, "events": events }),
    )
    .into_response())
}

/// Places of the matching events with their event counts (the map's dots).
/// Reads at most `MAX_PAGE` events; `truncated` says when there were more.
async fn list_places(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> ApiResult {
    let params = params::parse(raw.as_deref(), FILTER_PARAMS, false, false)?;
    let mut filter = params.filter;
    filter.limit = Some(MAX_PAGE);
    let (total, events) = query(&state, move |store| {
        Ok((store.count_events(&filter)?, store.events(&filter)?))
    })
    .await?;
    /// Where a place is and how many matching events it has.
    struct Spot {
        lat: Option<f64>,
        lon: Option<f64>,
        precision: Option<String>,
        events: u64,
    }
    let mut places: BTreeMap<(String, String), Spot> = BTreeMap::new();
    for event in &events {
        let Some(name) = &event.place_name else {
            continue;
        };
        let key = (event.country.clone().unwrap_or_default(), name.clone());
        places
            .entry(key)
            .or_insert_with(|| Spot {
                lat: event.lat,
                lon: event.lon,
                precision: event.place_precision.clone(),
                events: 0,
            })
            .events += 1;
    }
    let mut list: Vec<Value> = places
        .into_iter()
        .map(|((country, name), spot)| {
            json!({
                "name": name,
                "country": if country.is_empty() { None } else { Some(country) },
                "lat": spot.lat, "lon": spot.lon, "precision": spot.precision, "events": spot.events,
            })
        })
        .collect();
    list.sort_by(|a, b| b["events"].as_u64().cmp(&a["events"].as_u64()));
    Ok(Json(json!({ "places": list, "truncated": total > events.len() as u64 })).into_response())
}

async fn counts(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> ApiResult {
    let params = params::parse(raw.as_deref(), FILTER_PARAMS, false, true)?;
    let bucket = params.bucket.unwrap_or(Bucket::Month);
    let filter = params.filter;
    let (total, over_time, by_country) = query(&state, move |store| {
        let store_bucket = match bucket {
            Bucket::Day | Bucket::Week => TimeBucket::Day,
            Bucket::Month => TimeBucket::Month,
            Bucket::Year => TimeBucket::Year,
        };
        Ok((
            store.count_events(&filter)?,
            store.counts_over_time(&filter, store_bucket)?,
            store.counts_by_country(&filter)?,
        ))
    })
    .await?;
    let over_time = if bucket == Bucket::Week {
        by_week(&over_time)
    } else {
        over_time
    };
    let bucket_name = match bucket {
        Bucket::Day => "day",
        Bucket::Week => "week",
        Bucket::Month => "month",
        Bucket::Year => "year",
    };
    Ok(Json(json!({
        "bucket": bucket_name,
        "total": total,
        "over_time": over_time.iter().map(|(period, n)| json!({"period": period, "events": n})).collect::<Vec<_>>(),
        "by_country": by_country.iter().map(|(country, n)| json!({"country": country, "events": n})).collect::<Vec<_>>(),
    }))
    .into_response())
}

/// Day counts (`2022-01-10`) folded into ISO weeks (`2022-W02`), in order.
fn by_week(days: &[(String, u64)]) -> Vec<(String, u64)> {
    let mut weeks: Vec<(String, u64)> = Vec::new();
    for (day, n) in days {
        let Some(week) = iso_week(day) else { continue };
        match weeks.last_mut() {
            Some((last, count)) if *last == week => *count += n,
            _ => weeks.push((week, *n)),
        }
    }
    weeks
}

/// The ISO 8601 week (`2022-W02`) of a `YYYY-MM-DD` day.
fn iso_week(day: &str) -> Option<String> {
    let year: i64 = day.get(0..4)?.parse().ok()?;
    let month: i64 = day.get(5..7)?.parse().ok()?;
    let dom: i64 = day.get(8..10)?.parse().ok()?;
    let days = days_from_civil(year, month, dom);
    // 1970-01-01 was a Thursday; ISO weekday 1 = Monday.
    let weekday = (days + 3).rem_euclid(7) + 1;
    // The week belongs to the year of its Thursday.
    let thursday = days - weekday + 4;
    let week_year = civil_year(thursday);
    let week = (thursday - days_from_civil(week_year, 1, 1)) / 7 + 1;
    Some(format!("{week_year:04}-W{week:02}"))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_year(days: i64) -> i64 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i64::from(month <= 2)
}

async fn stats(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> ApiResult {
    params::parse(raw.as_deref(), &[], false, false)?;
    let stats = query(&state, |store| Ok(store.stats()?)).await?;
    Ok(Json(json!({
        "stats": stats,
        "event_types": dateline_store::EVENT_TYPES,
        "writable": state.config.write_token.is_some(),
    }))
    .into_response())
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
        .into_response()
}

/// Ingests stories (`{"id","text"|"html","url","published","language","title"}`,
/// one object or an array) when the server has a write token and the request carries it.
async fn post_documents(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    let Some(token) = &state.config.write_token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only (start it with --write-token to accept documents)",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|given| same_secret(given.as_bytes(), token.as_bytes())) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "missing or wrong token (Authorization: Bearer <token>)",
        ));
    }
    let parsed: Value = serde_json::from_slice(&body)
        .map_err(|err| ApiError::bad_parameter("body", format!("not JSON: {err}")))?;
    let docs = match parsed {
        Value::Array(docs) => docs,
        doc @ Value::Object(_) => vec![doc],
        _ => {
            return Err(ApiError::bad_parameter(
                "body",
                "expected a JSON object or an array of them",
            ))
        }
    };
    if docs.is_empty() || docs.len() > MAX_DOCS_PER_POST {
        return Err(ApiError::bad_parameter(
            "body",
            format!("send between 1 and {MAX_DOCS_PER_POST} documents"),
        ));
    }
    let raws = docs
        .iter()
        .enumerate()
        .map(|(i, doc)| raw_doc(i, doc))
        .collect::<Result<Vec<_>, _>>()?;
    let db = state.config.db.clone();
    let _writer = state.write_lock.lock().await;
    let outcome = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        let engine = Engine::default();
        let records: Vec<Value> = raws.into_iter().map(|raw| engine.extract(raw)).collect();
        let ids: Vec<Value> = records.iter().map(|r| r["doc"]["id"].clone()).collect();
        let mut store = Store::open(&db)?;
        let outcome = store.insert_batch(records)?;
        Ok((outcome, ids))
    })
    .await
    .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "ingest worker failed"))??;
    let (outcome, ids) = outcome;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "stored": outcome.stored, "duplicates": outcome.duplicates,
            "rejected": outcome.rejected, "ids": ids,
        })),
    )
        .into_response())
}

fn raw_doc(index: usize, doc: &Value) -> Result<RawDoc, ApiError> {
    let field = |name: &str| -> Result<Option<String>, ApiError> {
        match doc.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(ApiError::bad_parameter(
                &format!("body[{index}].{name}"),
                "must be a string",
            )),
        }
    };
    let (body, format) = match (field("text")?, field("html")?) {
        (Some(text), _) => (text, BodyFormat::Text),
        (None, Some(html)) => (html, BodyFormat::Html),
        (None, None) => {
            return Err(ApiError::bad_parameter(
                &format!("body[{index}]"),
                "needs \"text\" or \"html\"",
            ))
        }
    };
    Ok(RawDoc {
        body_format: Some(format),
        id: field("id")?,
        url: field("url")?,
        published: field("published")?,
        language: field("language")?,
        title: field("title")?,
        ..RawDoc::new(format!("api:{index}"), body.into_bytes())
    })
}

/// Compares secrets in time independent of where they differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The response body of a static asset.
pub(crate) fn asset(content_type: &'static str, body: &'static [u8]) -> Response {
    let mut response = Response::new(Body::from(body));
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks_cross_year_ends() {
        assert_eq!(iso_week("2022-01-10").as_deref(), Some("2022-W02"));
        // 2021-01-01 was a Friday: the last week of 2020.
        assert_eq!(iso_week("2021-01-01").as_deref(), Some("2020-W53"));
        // 2024-12-30 was a Monday: week 1 of 2025.
        assert_eq!(iso_week("2024-12-30").as_deref(), Some("2025-W01"));
        assert_eq!(iso_week("2022-01"), None);
    }

    #[test]
    fn days_fold_into_weeks() {
        let days = vec![
            ("2022-01-10".to_string(), 2),
            ("2022-01-16".to_string(), 1),
            ("2022-01-17".to_string(), 4),
        ];
        assert_eq!(
            by_week(&days),
            vec![("2022-W02".to_string(), 3), ("2022-W03".to_string(), 4)]
        );
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abc", b"abd"));
        assert!(!same_secret(b"abc", b"abcd"));
    }
}
