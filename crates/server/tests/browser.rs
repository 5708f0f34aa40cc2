//! The dashboard in a real headless Chromium: the page is loaded with
//! `--dump-dom` (after its fetches settle) and `--screenshot`; filters are URL
//! parameters, exactly what the filter form submits.
//!
//! Needs /usr/bin/chromium (or $CHROMIUM). Without it the tests say so and pass,
//! unless DATELINE_REQUIRE_BROWSER is set (scripts/test-browser installs Chromium and sets it).

mod support;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use support::{config, fixture, start, Fixture, HOSTILE_ID};

fn chromium() -> Option<PathBuf> {
    let path =
        PathBuf::from(std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()));
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("DATELINE_REQUIRE_BROWSER").is_none(),
        "DATELINE_REQUIRE_BROWSER is set but {} is missing",
        path.display()
    );
    eprintln!(
        "browser tests skipped: no {} (run scripts/test-browser)",
        path.display()
    );
    None
}

fn server() -> SocketAddr {
    static SERVER: OnceLock<(Fixture, SocketAddr)> = OnceLock::new();
    SERVER
        .get_or_init(|| {
            let fixture = fixture();
            let addr = start(config(&fixture.db));
            (fixture, addr)
        })
        .1
}

fn out_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("browser");
    std::fs::create_dir_all(&dir).expect("target/browser");
    dir
}

/// Runs Chromium headless on `url` with extra flags; returns its stdout.
fn run_chromium(browser: &Path, url: &str, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            // Fetches hold virtual time back, so the DOM is dumped once the page has drawn.
            "--virtual-time-budget=15000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut text);
        text
    });
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish on {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().expect("reader")
}

fn dump(browser: &Path, path: &str) -> String {
    let url = format!("http://{}{path}", server());
    let dom = run_chromium(browser, &url, &["--dump-dom"]);
    assert!(
        dom.contains("data-state=\"ready\""),
        "{path} did not finish loading:\n{}",
        dom.get(..dom.len().min(3000)).unwrap_or("")
    );
    dom
}

/// The `<tr>` rows of the events table body.
fn event_rows(dom: &str) -> Vec<&str> {
    let body = dom
        .split_once("<tbody>")
        .and_then(|(_, rest)| rest.split_once("</tbody>"))
        .map(|(rows, _)| rows)
        .unwrap_or("");
    body.split("<tr ").skip(1).collect()
}

#[test]
fn overview_loads_and_filters_change_the_results() {
    let Some(browser) = chromium() else { return };
    let all = dump(&browser, "/");
    let rows = event_rows(&all);
    assert!(rows.len() > 5, "{} rows", rows.len());
    // The map drew countries, shaded the ones with events, and placed dots.
    assert!(all.matches("<path").count() > 150);
    assert!(all.contains("class=\"has-events\""));
    assert!(all.contains("<circle"));
    // The timeline drew bars.
    assert!(all.contains("<rect"));

    let ukraine = dump(&browser, "/?country=UKR");
    let filtered = event_rows(&ukraine);
    assert!(!filtered.is_empty() && filtered.len() < rows.len());
    assert!(filtered.iter().all(|row| row.contains(">UKR<")));
    // The form shows the filter in force.
    assert!(ukraine.contains("value=\"UKR\""));

    let protests = dump(&browser, "/?type=PROTEST&since=2022");
    let filtered = event_rows(&protests);
    assert!(!filtered.is_empty() && filtered.len() < rows.len());
    assert!(filtered.iter().all(|row| row.contains(">PROTEST<")));

    let bad = dump_any(&browser, "/?since=not-a-date");
    assert!(bad.contains("invalid since"), "the API's message is shown");
}

fn dump_any(browser: &Path, path: &str) -> String {
    let url = format!("http://{}{path}", server());
    run_chromium(browser, &url, &["--dump-dom"])
}

#[test]
fn story_view_highlights_spans_and_keeps_scripts_inert() {
    let Some(browser) = chromium() else { return };
    let dom = dump(&browser, &format!("/?story={HOSTILE_ID}"));
    for kind in ["entity", "place", "quote", "trigger"] {
        assert!(
            dom.contains(&format!("class=\"hl {kind}"))
                || dom.contains(&format!(" {kind}\""))
                || dom.contains(&format!(" {kind} ")),
            "no {kind} highlight"
        );
    }
    // The markup of the story is text in the page, and it never ran.
    assert!(dom.contains("&lt;script&gt;document.body.setAttribute"));
    assert!(dom.contains("&lt;img src=x onerror"));
    let body_tag = dom
        .split_once("<body")
        .and_then(|(_, rest)| rest.split_once('>'))
        .map(|(attrs, _)| attrs)
        .unwrap_or("");
    assert!(
        !body_tag.contains("data-pwned"),
        "a story script ran: <body{body_tag}>"
    );
    assert!(!dom.contains("<img src=\"x\""));
    assert_eq!(dom.matches("<script").count(), 1, "only app.js");

    let sample = dump(&browser, "/?story=en-kyiv-strike&event=V1");
    assert!(sample.contains("class=\"hl "));
    assert!(sample.contains("data-event=\"V1\""));
}

#[test]
fn screenshots_of_the_overview_and_a_story() {
    let Some(browser) = chromium() else { return };
    for (name, path) in [
        ("dashboard.png", "/".to_string()),
        ("story.png", "/?story=en-kyiv-strike".to_string()),
    ] {
        let file = out_dir().join(name);
        let _ = std::fs::remove_file(&file);
        let url = format!("http://{}{path}", server());
        run_chromium(
            &browser,
            &url,
            &[
                &format!("--screenshot={}", file.display()),
                "--window-size=1280,1500",
                "--hide-scrollbars",
            ],
        );
        let png = std::fs::read(&file).expect("screenshot written");
        assert!(png.starts_with(b"\x89PNG"), "{name} is a PNG");
        assert!(png.len() > 20_000, "{name} is only {} bytes", png.len());
        eprintln!("screenshot: {}", file.display());
    }
}
