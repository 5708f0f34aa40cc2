//! PLOVER types where PLOVER codes an act otherwise than the CAMEO crosswalk.

fn kinds(lang: &str, text: &str) -> Vec<(String, Option<String>)> {
    let mut doc = dateline_model::Document::new("d", text.to_string());
    doc.meta.language = Some(lang.to_string());
    dateline_read::read(doc)
        .events
        .into_iter()
        .map(|e| (e.kind, e.mode))
        .collect()
}

#[test]
fn a_resignation_is_a_retreat() {
    for (lang, text) in [
        (
            "en",
            "The finance minister resigned on Monday after a week of protests.",
        ),
        ("fr", "Le ministre des Finances a démissionné lundi."),
    ] {
        let found = kinds(lang, text);
        assert!(
            found.contains(&("RETREAT".to_string(), Some("resign".to_string()))),
            "{text}: {found:?}"
        );
        assert!(
            found.iter().all(|(k, _)| k != "CONCEDE"),
            "{text}: {found:?}"
        );
    }
}
