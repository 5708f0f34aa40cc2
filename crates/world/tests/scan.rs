//! find_all / find_all_cased spans and case guards.

use dateline_world::{world, Kind};

fn names(original: &str, cased: bool) -> Vec<(String, Kind)> {
    let w = world();
    let folded = dateline_text::fold(original);
    let found = if cased {
        w.find_all_cased(original, &folded)
    } else {
        w.find_all(folded.text())
    };
    found
        .into_iter()
        .map(|(range, ids)| {
            let text = folded.text().get(range).unwrap_or("").to_owned();
            (text, w.entity(ids[0]).kind)
        })
        .collect()
}

#[test]
fn longest_matches_left_to_right() {
    let found = names(
        "Kassym-Jomart Tokaïev a appelé l'OTSC depuis Moscou.",
        false,
    );
    assert_eq!(
        found,
        vec![
            ("kassym-jomart tokaiev".to_owned(), Kind::Person),
            ("otsc".to_owned(), Kind::Igo),
            ("moscou".to_owned(), Kind::City),
        ]
    );
}

#[test]
fn spaces_and_newlines_inside_an_alias_still_match() {
    let found = names("Kassym-Jomart\n Tokaïev", false);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, Kind::Person);
}

#[test]
fn words_inside_longer_words_do_not_match() {
    assert!(names("Moscoulevard Tokaievski", false).is_empty());
}

#[test]
fn case_guards_apply_to_acronyms_and_common_words() {
    assert_eq!(names("l'OTSC", true).len(), 1);
    assert!(names("l'otsc", true).is_empty());
    assert_eq!(names("Nice", true).len(), 1);
    assert!(names("a nice day", true).is_empty());
    // Without the original text no guard applies.
    assert_eq!(names("a nice day", false).len(), 1);
}

#[test]
fn empty_and_punctuation_only_text() {
    assert!(names("", true).is_empty());
    assert!(names(" «—» ", true).is_empty());
}

#[test]
fn a_longer_alias_failing_its_case_gives_way_to_a_shorter_one() {
    // "La Maison Blanche" is also a town; lowercase "la" is the article, and
    // the White House is what is left.
    let found = names("selon la Maison Blanche", true);
    assert_eq!(found, vec![("maison blanche".to_owned(), Kind::GovBody)]);
}

#[test]
fn english_wire_copy() {
    let found = names(
        "WASHINGTON (Reuters) - Secretary of State Antony Blinken met NATO allies in Brussels; the Pentagon said Hamas fighters clashed with Israeli troops in Gaza.",
        true,
    );
    let kinds: Vec<(&str, Kind)> = found.iter().map(|(t, k)| (t.as_str(), *k)).collect();
    assert_eq!(
        kinds,
        vec![
            ("washington", Kind::City),
            ("reuters", Kind::Media),
            ("antony blinken", Kind::Person),
            ("nato", Kind::Igo),
            ("brussels", Kind::City),
            ("pentagon", Kind::GovBody),
            ("hamas", Kind::ArmedGroup),
            ("gaza", Kind::City),
        ]
    );
}

#[test]
fn long_texts_scan_whole() {
    let text = "Tokaïev à Moscou. ".repeat(20_000);
    assert_eq!(names(&text, true).len(), 40_000);
}
