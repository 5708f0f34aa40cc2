//! The dashboard's files, compiled into the binary (no CDN, works offline).

use axum::response::Response;
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

use crate::api::asset;
use crate::AppState;

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");
/// Country outlines as pre-projected SVG paths (tools/geo/build.js).
const WORLD_JSON: &str = include_str!("../../../resources/geo/countries-110m.json");

async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML.as_bytes())
}
async fn app_js() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS.as_bytes())
}
async fn app_css() -> Response {
    asset("text/css; charset=utf-8", APP_CSS.as_bytes())
}
async fn world() -> Response {
    asset("application/json", WORLD_JSON.as_bytes())
}

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(index))
        .route("/app.js", get(app_js))
        .route("/app.css", get(app_css))
        .route("/world.json", get(world))
}
