//! Casualty figures: counts, ranges, groups, group roles, sources and the event
//! each figure belongs to, in French and English wire copy.

use dateline_model::{CasualtyKind, Document, GroupRole, Reading};

/// kind, min, max, approximate, group, group role.
type Figure<'a> = (CasualtyKind, Option<u64>, Option<u64>, bool, Option<&'a str>, GroupRole);

fn read(lang: &str, text: &str) -> Reading {
    let mut d = Document::new("t", text.to_string());
    d.meta.language = Some(lang.to_string());
    dateline_read::read(d)
}

#[test]
fn french_coordinated_counts_share_their_verb() {
    let r = read(
        "fr",
        "Selon les chiffres du ministère de l'Intérieur kazakh, 26 «criminels armés» et 18 membres des forces de sécurité ont été tués depuis le début des émeutes. Des centaines de blessés sont à déplorer, dans les deux camps.",
    );
    let got: Vec<Figure> = r
        .casualties
        .iter()
        .map(|c| {
            (
                c.kind,
                c.min,
                c.max,
                c.approximate,
                c.group.as_deref(),
                c.group_role,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                CasualtyKind::Killed,
                Some(26),
                Some(26),
                false,
                Some("criminels armés"),
                GroupRole::Armed
            ),
            (
                CasualtyKind::Killed,
                Some(18),
                Some(18),
                false,
                Some("membres des forces de sécurité"),
                GroupRole::Security
            ),
            (
                CasualtyKind::Injured,
                Some(200),
                None,
                true,
                Some("dans les deux camps"),
                GroupRole::Mixed
            ),
        ]
    );
    // All three figures belong to the one violent event, whose size sums the dead.
    let event = r.casualties[0].event.expect("linked to an event");
    assert!(r.casualties.iter().all(|c| c.event == Some(event)));
    assert_eq!(r.events[event].kind, "ASSAULT");
    assert_eq!(r.events[event].size.dead, Some(44));
    assert_eq!(r.events[event].size.injured, Some(200));
    // The figure is the ministry's.
    let source = r.casualties[0]
        .reported_by
        .and_then(|e| r.entities.get(e))
        .map(|e| e.name.as_str());
    assert!(
        source.is_some_and(|n| n.contains("Intérieur")
            || n.contains("Internal")
            || n.contains("Interior")),
        "source {source:?}"
    );
}

#[test]
fn english_counts_on_either_side_of_the_verb() {
    let r = read("en", "Gunmen killed 14 villagers in central Mali on Sunday. Five soldiers were wounded and 30 people were arrested.");
    let got: Vec<(CasualtyKind, Option<u64>, Option<&str>, GroupRole)> = r
        .casualties
        .iter()
        .map(|c| (c.kind, c.min, c.group.as_deref(), c.group_role))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                CasualtyKind::Killed,
                Some(14),
                Some("villagers"),
                GroupRole::Civilian
            ),
            (
                CasualtyKind::Injured,
                Some(5),
                Some("soldiers"),
                GroupRole::Security
            ),
            (
                CasualtyKind::Arrested,
                Some(30),
                Some("people"),
                GroupRole::Civilian
            ),
        ]
    );
}

#[test]
fn years_and_dates_are_not_counts() {
    let r = read(
        "en",
        "In 2019, the army said it had killed militants near the border.",
    );
    assert!(r.casualties.is_empty(), "{:?}", r.casualties);
}

#[test]
fn disaster_deaths_are_casualties_without_an_assault() {
    let r = read(
        "en",
        "Flash floods killed 23 people in eastern Afghanistan, officials said.",
    );
    assert_eq!(r.casualties.len(), 1);
    assert_eq!(
        (r.casualties[0].kind, r.casualties[0].min),
        (CasualtyKind::Killed, Some(23))
    );
    assert!(
        r.events.iter().all(|e| e.kind != "ASSAULT"),
        "a flood is not an assault"
    );
    assert!(
        r.events.iter().all(|e| e.acled.is_none()),
        "disasters get no ACLED coding"
    );
}
