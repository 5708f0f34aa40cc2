//! dateline-server: the JSON API and the offline web dashboard over an event store.
//!
//! One binary serves both: `/api/...` answers JSON (described by `/api/openapi.json`)
//! and `/` is a dashboard (map, timeline, filters, events table, story view) whose
//! HTML, JavaScript, CSS and country shapes are compiled in, so it works offline.
//! Safe by default: read-only unless a write token is set, security headers
//! (CSP without inline scripts) on every response, body size limit, per-client
//! rate limit and a time limit per request.
//!
//! ```no_run
//! use dateline_server::{Config, serve_blocking};
//! let config = Config::new("events.db");
//! serve_blocking(config).unwrap(); // http://127.0.0.1:8080 until Ctrl-C
//! ```

mod api;
mod assets;
pub mod demo;
mod error;
mod limits;
mod params;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;

pub use error::ServerError;

/// Where to listen and what to serve.
#[derive(Clone, Debug)]
pub struct Config {
    /// The store file (must exist; opened read-only for searches).
    pub db: PathBuf,
    /// `127.0.0.1:8080` unless told otherwise: nothing is exposed by accident.
    pub bind: SocketAddr,
    /// When set, `POST /api/documents` with `Authorization: Bearer <token>` ingests stories.
    pub write_token: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Steady requests per second allowed per client IP.
    pub rate_per_second: f64,
    /// Requests a client may burst above the steady rate.
    pub rate_burst: f64,
    /// Longest a request may take before it is answered 503.
    pub request_timeout: Duration,
    /// Longest a client may take to send a request's headers before the
    /// connection is closed, so that slow clients cannot hold connections open.
    pub header_read_timeout: Duration,
    /// Connections served at once; further clients wait in the listen queue.
    pub max_connections: usize,
}

impl Config {
    /// Defaults for a store file: loopback, read-only, 1 MiB bodies,
    /// 50 requests/s per client with bursts of 200, 10 s per request,
    /// 10 s to send headers, 512 connections at once.
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config {
            db: db.into(),
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            write_token: None,
            max_body_bytes: 1 << 20,
            rate_per_second: 50.0,
            rate_burst: 200.0,
            request_timeout: Duration::from_secs(10),
            header_read_timeout: Duration::from_secs(10),
            max_connections: 512,
        }
    }
}

/// What every handler shares.
pub(crate) struct AppState {
    pub(crate) config: Config,
    pub(crate) limiter: limits::RateLimiter,
    /// Ingest is one writer at a time (SQLite has one writer anyway).
    pub(crate) write_lock: tokio::sync::Mutex<()>,
}

/// The whole application (API, dashboard, limits, headers) for a configuration.
/// Checks that the store can be opened, so a wrong path fails at start, not per request.
pub fn app(config: Config) -> Result<Router, ServerError> {
    dateline_store::Store::open_read_only(&config.db)?;
    let state = Arc::new(AppState {
        limiter: limits::RateLimiter::new(config.rate_per_second, config.rate_burst),
        config,
        write_lock: tokio::sync::Mutex::new(()),
    });
    Ok(api::router(state))
}

/// Serves on an already bound listener until `shutdown` completes, then
/// lets the requests in flight finish (for at most `config.request_timeout`).
///
/// Each connection is HTTP/1.1 with a deadline for its request headers and
/// at most `config.max_connections` are open at once: a client that
/// trickles bytes, or opens thousands of idle sockets, cannot starve others.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    config: &Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let slots = Arc::new(tokio::sync::Semaphore::new(
        config
            .max_connections
            .clamp(1, tokio::sync::Semaphore::MAX_PERMITS),
    ));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(config.header_read_timeout);
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot,
            () = &mut shutdown => break,
        };
        // The semaphore is never closed, so this is always Ok.
        let Ok(slot) = slot else { break };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors or a connection reset before accept:
                // the listener is still good, try again shortly.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let router = router.clone();
        let service = hyper::service::service_fn(
            move |mut request: hyper::Request<hyper::body::Incoming>| {
                request
                    .extensions_mut()
                    .insert(axum::extract::ConnectInfo(peer));
                tower::ServiceExt::oneshot(router.clone(), request)
            },
        );
        let connection =
            graceful.watch(http.serve_connection(hyper_util::rt::TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A client that disconnects or times out is not a server error.
            let _ = connection.await;
            drop(slot);
        });
    }
    // Stop accepting first: a client that connects now is refused, not left queued.
    drop(listener);
    let _ = tokio::time::timeout(config.request_timeout, graceful.shutdown()).await;
    Ok(())
}

/// Binds `config.bind`, prints nothing, and serves until Ctrl-C.
/// `on_listening` is called with the bound address (to print the URL).
pub fn serve_blocking_with(
    config: Config,
    on_listening: impl FnOnce(SocketAddr),
) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        // Each blocking worker keeps one SQLite connection open: bound them.
        .max_blocking_threads(32)
        .enable_all()
        .build()
        .map_err(ServerError::Io)?;
    runtime.block_on(async move {
        let bind = config.bind;
        let router = app(config.clone())?;
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|source| ServerError::Bind { addr: bind, source })?;
        on_listening(listener.local_addr().map_err(ServerError::Io)?);
        serve(listener, router, &config, async {
            // An error here means no signal handler: then only a kill stops us.
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
    })
}

/// [`serve_blocking_with`] without a callback.
pub fn serve_blocking(config: Config) -> Result<(), ServerError> {
    serve_blocking_with(config, |_| {})
}
