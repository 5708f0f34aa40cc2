//! The API over HTTP on loopback: filters, errors, headers, pages, ingest, limits.

mod support;

use std::net::SocketAddr;
use std::sync::OnceLock;

use serde_json::Value;
use support::{config, fixture, get, request, start, Fixture, HOSTILE_ID};

/// One read-only server for the tests that only read.
fn shared() -> SocketAddr {
    static SERVER: OnceLock<(Fixture, SocketAddr)> = OnceLock::new();
    let (_, addr) = SERVER.get_or_init(|| {
        let fixture = fixture();
        let addr = start(config(&fixture.db));
        (fixture, addr)
    });
    *addr
}

fn events(addr: SocketAddr, query: &str) -> (u64, Vec<Value>) {
    let reply = get(addr, &format!("/api/events?{query}"));
    assert_eq!(reply.status, 200, "{query}: {}", reply.body);
    let body = reply.json();
    let list = body["events"].as_array().cloned().unwrap_or_default();
    (body["total"].as_u64().unwrap_or(0), list)
}

#[test]
fn filters_change_the_results() {
    let addr = shared();
    let (all, _) = events(addr, "");
    let (ukraine, list) = events(addr, "country=ukr");
    assert!(ukraine > 0 && ukraine < all, "{ukraine} of {all}");
    assert!(list.iter().all(|e| e["country"] == "UKR"));

    let (protests, list) = events(addr, "type=PROTEST");
    assert!(protests > 0 && protests < all);
    assert!(list.iter().all(|e| e["event_type"] == "PROTEST"));

    let (in_2022, list) = events(addr, "since=2022-01-01&until=2022-12-31");
    assert!(in_2022 > 0 && in_2022 < all);
    assert!(list
        .iter()
        .all(|e| e["day"].as_str().is_some_and(|d| d.starts_with("2022"))));

    let (missile, list) = events(addr, "text=missile");
    assert!(missile > 0 && missile < all);
    assert!(list.iter().all(|e| e["doc_id"] == "en-kyiv-strike"));

    let (page, list) = events(addr, "limit=2&offset=1");
    assert_eq!((page, list.len()), (all, 2));
    let (_, first_three) = events(addr, "limit=3");
    assert_eq!(list[0]["event_id"], first_three[1]["event_id"]);
    assert_eq!(list[0]["doc_id"], first_three[1]["doc_id"]);

    let (none, list) = events(addr, "country=ISL");
    assert_eq!((none, list.len()), (0, 0));
}

#[test]
fn bad_parameters_are_400_naming_the_parameter() {
    let addr = shared();
    for (path, parameter) in [
        ("/api/events?limit=abc", "limit"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=100000", "limit"),
        ("/api/events?offset=-3", "offset"),
        ("/api/events?since=2022-13-01", "since"),
        ("/api/events?until=yesterday", "until"),
        ("/api/events?country=UKRAINE", "country"),
        ("/api/events?type=PICNIC", "type"),
        ("/api/events?colour=red", "colour"),
        ("/api/events?since=2023&until=2022", "until"),
        ("/api/counts?bucket=hour", "bucket"),
        ("/api/places?limit=5", "limit"),
        ("/api/stats?x=1", "x"),
    ] {
        let reply = get(addr, path);
        assert_eq!(reply.status, 400, "{path}: {}", reply.body);
        let message = reply.json()["error"].as_str().unwrap_or("").to_string();
        assert!(
            message.contains(parameter),
            "{path}: {message:?} does not name {parameter}"
        );
    }
    // A broken full-text query is the user's mistake, not the server's.
    let reply = get(addr, "/api/events?text=%22unclosed");
    assert_eq!(reply.status, 400, "{}", reply.body);
    // Invalid percent-encoding and odd bytes never make a 500.
    for path in [
        "/api/events?actor=%FF%FE",
        "/api/events?text=%00",
        "/api/documents/%FF",
        "/api/entities/%20",
    ] {
        let status = get(addr, path).status;
        assert!((200..500).contains(&status), "{path}: {status}");
    }
}

#[test]
fn every_response_carries_the_security_headers() {
    let addr = shared();
    for path in [
        "/",
        "/app.js",
        "/api/events",
        "/api/events?limit=abc",
        "/api/nothing",
        "/api/documents/unknown",
    ] {
        let reply = get(addr, path);
        let csp = reply.header("content-security-policy").unwrap_or("");
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(csp.contains("script-src 'self'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
    }
    assert_eq!(get(addr, "/api/nothing").status, 404);
}

#[test]
fn the_dashboard_has_no_inline_script_and_never_parses_story_html() {
    let addr = shared();
    let page = get(addr, "/");
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/html")));
    // Every <script> loads a file: the CSP would block an inline one anyway.
    let scripts: Vec<&str> = page.body.split("<script").skip(1).collect();
    assert!(!scripts.is_empty());
    assert!(scripts
        .iter()
        .all(|s| s.trim_start().starts_with("src=") && s.contains("></script>")));
    let app = get(addr, "/app.js").body;
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!app.contains(sink), "app.js uses {sink}");
    }
    let world = get(addr, "/world.json").json();
    assert!(world["countries"].as_array().is_some_and(|c| c.len() > 150));
}

#[test]
fn a_story_comes_back_with_its_annotations_and_markup_as_data() {
    let addr = shared();
    let reply = get(addr, &format!("/api/documents/{HOSTILE_ID}"));
    assert_eq!(reply.status, 200);
    assert!(reply
        .header("content-type")
        .is_some_and(|t| t.starts_with("application/json")));
    let record = reply.json();
    assert_eq!(record["schema"], "dateline/1");
    assert!(record["doc"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("<script>")));
    assert!(record["entities"].as_array().is_some_and(|e| !e.is_empty()));
    assert_eq!(get(addr, "/api/documents/no-such-story").status, 404);
}

#[test]
fn one_event_with_its_evidence() {
    let addr = shared();
    let (_, list) = events(addr, "text=missile&limit=1");
    let first = &list[0];
    let doc = first["doc_id"].as_str().unwrap_or("");
    let event = first["event_id"].as_str().unwrap_or("");
    let reply = get(addr, &format!("/api/events/{doc}/{event}"));
    assert_eq!(reply.status, 200);
    let body = reply.json();
    assert_eq!(body["event_id"], event);
    assert_eq!(body["record"]["id"], event);
    assert!(body["record"]["evidence"]["trigger"].is_array());
    assert_eq!(get(addr, &format!("/api/events/{doc}/V999")).status, 404);
}

#[test]
fn entity_place_and_count_pages() {
    let addr = shared();
    let (_, list) = events(addr, "country=MLI");
    let place = list
        .iter()
        .find_map(|e| e["place_name"].as_str())
        .unwrap_or("Bamako")
        .to_string();
    let reply = get(addr, &format!("/api/places/{place}"));
    assert_eq!(reply.status, 200, "{}", reply.body);
    let body = reply.json();
    assert!(body["total"].as_u64().is_some_and(|n| n > 0));
    assert!(body["events"]
        .as_array()
        .is_some_and(|l| l.iter().all(|e| e["place_name"] == place.as_str())));
    assert_eq!(get(addr, "/api/places/Atlantis").status, 404);

    // Any story's named actor: which of them have one depends on the readers.
    let (_, every) = events(addr, "limit=200");
    let named = every
        .iter()
        .flat_map(|e| e["actors"].as_array().cloned().unwrap_or_default())
        .find_map(|a| a["name"].as_str().map(str::to_string))
        .expect("a named actor in the demo stories");
    let reply = get(
        addr,
        &format!("/api/entities/{}", named.replace(' ', "%20")),
    );
    assert_eq!(reply.status, 200, "{named}: {}", reply.body);
    let body = reply.json();
    assert_eq!(body["entities"][0]["name"], named.as_str());
    assert!(body["total"].as_u64().is_some_and(|n| n > 0));
    assert_eq!(get(addr, "/api/entities/Nobody%20Atall").status, 404);

    let all = get(addr, "/api/counts?bucket=day").json();
    let mali = get(addr, "/api/counts?bucket=week&country=MLI").json();
    assert_eq!(mali["bucket"], "week");
    assert!(mali["total"].as_u64() < all["total"].as_u64());
    assert!(mali["over_time"].as_array().is_some_and(|b| !b.is_empty()
        && b.iter()
            .all(|w| w["period"].as_str().is_some_and(|p| p.contains("-W")))));
    assert_eq!(mali["by_country"].as_array().map(Vec::len), Some(1));

    let places = get(addr, "/api/places?country=UKR").json();
    assert!(places["places"]
        .as_array()
        .is_some_and(|p| !p.is_empty() && p.iter().all(|p| p["country"] == "UKR")));
}

#[test]
fn the_openapi_document_describes_every_route() {
    let addr = shared();
    let doc = get(addr, "/api/openapi.json").json();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/events",
        "/api/events/{doc}/{event}",
        "/api/documents",
        "/api/documents/{id}",
        "/api/entities/{key}",
        "/api/places",
        "/api/places/{name}",
        "/api/counts",
        "/api/stats",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} undocumented");
    }
    let documented: Vec<&str> = doc["paths"]["/api/events"]["get"]["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["$ref"].as_str())
        .filter_map(|r| r.rsplit('/').next())
        .collect();
    for name in [
        "since", "until", "country", "type", "actor", "text", "limit", "offset",
    ] {
        assert!(documented.contains(&name), "{name} undocumented");
    }
}

#[test]
fn ingest_needs_a_configured_token() {
    let read_only = shared();
    let body = r#"{"id":"new-1","text":"Police arrested 12 protesters in Paris on Monday.","published":"2023-05-01","language":"en"}"#;
    let reply = request(read_only, "POST", "/api/documents", &[], body);
    assert_eq!(reply.status, 403, "{}", reply.body);

    let fixture = fixture();
    let addr = start(dateline_server::Config {
        write_token: Some("s3cret".into()),
        ..config(&fixture.db)
    });
    let wrong = request(
        addr,
        "POST",
        "/api/documents",
        &[("Authorization", "Bearer nope")],
        body,
    );
    assert_eq!(wrong.status, 401);
    let auth = [
        ("Authorization", "Bearer s3cret"),
        ("Content-Type", "application/json"),
    ];
    let bad = request(addr, "POST", "/api/documents", &auth, "{\"id\": 3}");
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert!(bad.json()["error"]
        .as_str()
        .is_some_and(|e| e.contains("body")));
    let stored = request(addr, "POST", "/api/documents", &auth, body);
    assert_eq!(stored.status, 201, "{}", stored.body);
    assert_eq!(stored.json()["stored"], 1);
    let again = request(addr, "POST", "/api/documents", &auth, body);
    assert_eq!(again.json()["duplicates"], 1);
    assert_eq!(get(addr, "/api/documents/new-1").status, 200);
    assert!(get(addr, "/api/stats").json()["writable"] == true);
}

#[test]
fn bodies_and_request_rates_are_limited() {
    let fixture = fixture();
    let addr = start(dateline_server::Config {
        write_token: Some("t".into()),
        max_body_bytes: 1024,
        rate_per_second: 0.001,
        rate_burst: 3.0,
        ..dateline_server::Config::new(&fixture.db)
    });
    let big = format!("{{\"text\": \"{}\"}}", "a".repeat(4096));
    let reply = request(
        addr,
        "POST",
        "/api/documents",
        &[("Authorization", "Bearer t")],
        &big,
    );
    assert_eq!(reply.status, 413);
    assert!(reply.json()["error"].is_string(), "{}", reply.body);
    assert_eq!(get(addr, "/api/stats").status, 200);
    assert_eq!(get(addr, "/api/stats").status, 200);
    let limited = get(addr, "/api/stats");
    assert_eq!(limited.status, 429);
    assert!(limited.header("retry-after").is_some());
    assert!(limited.json()["error"].is_string());
}

/// Reads until the server closes the connection; returns what it sent and
/// how long the close took (or panics if it stays open past `patience`).
fn until_closed(
    stream: &mut std::net::TcpStream,
    patience: std::time::Duration,
) -> (String, std::time::Duration) {
    use std::io::Read;
    let began = std::time::Instant::now();
    stream
        .set_read_timeout(Some(patience))
        .expect("read timeout");
    let mut received = Vec::new();
    let mut chunk = [0u8; 1024];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => received.extend_from_slice(&chunk[..n]),
            Err(error) if error.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(error) => panic!("connection still open after {patience:?}: {error}"),
        }
    }
    (
        String::from_utf8_lossy(&received).into_owned(),
        began.elapsed(),
    )
}

#[test]
fn a_client_that_never_finishes_its_headers_is_cut_off() {
    use std::io::Write;
    let fixture = fixture();
    let addr = start(dateline_server::Config {
        header_read_timeout: std::time::Duration::from_millis(300),
        ..config(&fixture.db)
    });
    let mut slow = std::net::TcpStream::connect(addr).expect("connect");
    slow.write_all(b"GET /api/stats HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .expect("write");
    let (answer, took) = until_closed(&mut slow, std::time::Duration::from_secs(10));
    assert!(
        !answer.contains("200 OK"),
        "a request without its end was answered: {answer}"
    );
    assert!(
        took < std::time::Duration::from_secs(5),
        "closed only after {took:?}"
    );
    // The server still answers everyone else.
    assert_eq!(get(addr, "/api/stats").status, 200);
}

#[test]
fn connections_beyond_the_limit_wait_for_a_free_slot() {
    use std::io::Write;
    let fixture = fixture();
    let addr = start(dateline_server::Config {
        max_connections: 1,
        header_read_timeout: std::time::Duration::from_millis(500),
        ..config(&fixture.db)
    });
    // The only slot is held by a client that sends half a request ...
    let mut holder = std::net::TcpStream::connect(addr).expect("connect");
    holder
        .write_all(b"GET /api/stats HTTP/1.1\r\n")
        .expect("write");
    std::thread::sleep(std::time::Duration::from_millis(100));
    // ... so the next client is served only once that one is cut off.
    let began = std::time::Instant::now();
    assert_eq!(get(addr, "/api/stats").status, 200);
    assert!(
        began.elapsed() >= std::time::Duration::from_millis(250),
        "served at once although the only connection slot was taken ({:?})",
        began.elapsed()
    );
    let _ = until_closed(&mut holder, std::time::Duration::from_secs(10));
}
