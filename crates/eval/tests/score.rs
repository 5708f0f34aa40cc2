//! Hand-made gold readings and predicted records with known scores.

use dateline_eval::gold::parse_record;
use dateline_eval::score::{headline_sub_event_type, same_group, same_person};
use dateline_eval::{schema, score, Counts, DocScore, GoldDoc, Layer, MissKind, Report, Tally};
use serde_json::{json, Value};

/// `[start, end)` of the `nth` occurrence of `needle`, in chars.
fn cs(text: &str, needle: &str, nth: usize) -> Value {
    let byte = text.match_indices(needle).nth(nth).expect(needle).0;
    let start = text[..byte].chars().count();
    json!([start, start + needle.chars().count()])
}

fn record(text: Option<&str>, layers: Value) -> Value {
    let mut doc = json!({"id": "t1", "url": null, "title": null, "language": "fr", "published": null,
                         "date_precision": null, "publisher": null, "author": null,
                         "dateline": null, "sources": []});
    if let Some(text) = text {
        doc["text"] = json!(text);
    }
    let mut record = json!({"schema": "dateline/1", "doc": doc, "entities": [], "places": [],
                            "quotes": [], "casualties": [], "events": [], "diagnostics": []});
    for (key, value) in layers.as_object().unwrap() {
        if key == "doc" {
            for (k, v) in value.as_object().unwrap() {
                record["doc"][k] = v.clone();
            }
        } else {
            record[key] = value.clone();
        }
    }
    // Every record these tests score must be a valid record.
    assert_eq!(schema::validate(&record), Ok(()));
    record
}

fn gold(json: Value) -> GoldDoc {
    parse_record(&json.to_string(), 1).unwrap()
}

fn counts(tp: usize, fp: usize, fn_: usize) -> Counts {
    Counts { tp, fp, fn_ }
}

fn misses(score: &DocScore, layer: Layer, kind: MissKind) -> Vec<String> {
    score
        .misses
        .iter()
        .filter(|m| m.layer == layer && m.kind == kind)
        .map(|m| m.detail.clone())
        .collect()
}

#[test]
fn entity_mentions_by_char_offsets() {
    let text = "Kassym-Jomart Tokaïev a parlé. Tokaïev a visité Moscou et la Russie. Moscou.";
    let gold = gold(json!({"entities": [
        {"text": "Kassym-Jomart Tokaïev", "type": "PER"}, {"text": "Tokaïev", "type": "PER"},
        {"text": "Moscou", "type": "GPE"}, {"text": "Russie", "type": "GPE"},
        {"text": "OTSC", "type": "ORG"}]}));
    let predicted = record(
        Some(text),
        json!({"entities": [
        {"id": "E1", "type": "PER", "name": "Kassym-Jomart Tokayev",
         "mentions": [cs(text, "Kassym-Jomart Tokaïev", 0), cs(text, "Tokaïev", 1)]},
        {"id": "E2", "type": "LOC", "name": "Moscow", "mentions": [cs(text, "Moscou", 0)]},
        {"id": "E3", "type": "ORG", "name": "Russie", "mentions": [cs(text, "Russie", 0)]},
        {"id": "E4", "type": "PER", "name": "parlé", "mentions": [cs(text, "parlé", 0)]},
        {"id": "E5", "type": "PER", "name": "Kassym", "mentions": [cs(text, "Kassym", 0)]}]}),
    );
    let s = score(&gold, &predicted);
    assert_eq!(s.scores.entities.docs, 1);
    // Gold: the full name, the lone "Tokaïev" (the one inside the full name is
    // the full name), Moscou twice, Russie, and OTSC found nowhere.
    assert_eq!(s.scores.entities.mentions, counts(3, 3, 3));
    let missed = misses(&s, Layer::Entities, MissKind::Missed);
    assert_eq!(missed.len(), 3, "{missed:?}");
    assert!(missed
        .iter()
        .any(|m| m.contains("OTSC") && m.contains("not found")));
    assert!(
        missed.iter().any(|m| m.contains("Russie")),
        "wrong type does not match"
    );
    assert_eq!(misses(&s, Layer::Entities, MissKind::Spurious).len(), 3);

    // The same spans given as byte offsets are wrong after "ï".
    let bytes = |needle: &str, nth: usize| {
        let b = text.match_indices(needle).nth(nth).unwrap().0;
        json!([b, b + needle.len()])
    };
    let by_bytes = record(
        Some(text),
        json!({"entities": [
        {"id": "E1", "type": "GPE", "name": "Moscow", "mentions": [bytes("Moscou", 1)]}]}),
    );
    assert_eq!(
        score(&gold, &by_bytes).scores.entities.mentions,
        counts(0, 1, 6)
    );
}

#[test]
fn entities_need_the_text() {
    let gold = gold(json!({"entities": [{"text": "Moscou", "type": "GPE"}]}));
    let s = score(&gold, &record(None, json!({})));
    assert_eq!(s.scores.entities.docs, 0);
    assert_eq!(misses(&s, Layer::Entities, MissKind::Unscored).len(), 1);
}

#[test]
fn places_found_and_within_161_km() {
    let text = "Tokaïev a visité Moscou et la Russie, pas Paris.";
    let gold = gold(json!({"places": [
        {"text": "Moscou", "country": "RUS", "lat": 55.7522, "lon": 37.6156},
        {"text": "Russie", "country": "RUS"},
        {"text": "Paris", "lat": 48.85, "lon": 2.35},
        {"text": "Saint-Pétersbourg", "lat": 59.93, "lon": 30.33},
        {"text": "Kazakhstan"}]}));
    let predicted = record(
        Some(text),
        json!({"places": [
        {"id": "P1", "name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62, "mentions": [cs(text, "Moscou", 0)]},
        {"id": "P2", "name": "Russia", "country": "BLR", "lat": null, "lon": null, "mentions": [cs(text, "Russie", 0)]},
        {"id": "P3", "name": "Saint-Petersbourg", "lat": 59.94, "lon": 30.31, "mentions": []},
        {"id": "P4", "name": "Berlin", "lat": 52.52, "lon": 13.4, "mentions": [cs(text, "Tokaïev", 0)]},
        {"id": "P5", "name": "Kazakhstan", "mentions": []}]}),
    );
    let s = score(&gold, &predicted);
    // Found: Moscou and Russie by mention, Saint-Pétersbourg and Kazakhstan by
    // name (their words are not in the text); Paris missed; Berlin spurious.
    assert_eq!(s.scores.places.found, counts(4, 1, 1));
    // Judged: Moscou (right), Russie (country wrong), Saint-Pétersbourg (right);
    // Kazakhstan has neither point nor country in the gold.
    assert_eq!(
        s.scores.places.right,
        Tally {
            right: 2,
            judged: 3
        }
    );
    assert_eq!(misses(&s, Layer::Places, MissKind::Missed), ["\"Paris\""]);
    assert_eq!(
        misses(&s, Layer::Places, MissKind::Spurious),
        ["\"Berlin\""]
    );

    // 161 km is the line: Lyon is not Paris.
    let far = record(
        Some(text),
        json!({"places": [
        {"id": "P1", "name": "Lyon", "lat": 45.76, "lon": 4.84, "mentions": [cs(text, "Paris", 0)]}]}),
    );
    let paris_only = gold_places_only("Paris", 48.85, 2.35);
    assert_eq!(
        score(&paris_only, &far).scores.places.right,
        Tally {
            right: 0,
            judged: 1
        }
    );
    let near = record(
        Some(text),
        json!({"places": [
        {"id": "P1", "name": "Versailles", "lat": 48.80, "lon": 2.13, "mentions": [cs(text, "Paris", 0)]}]}),
    );
    assert_eq!(
        score(&paris_only, &near).scores.places.right,
        Tally {
            right: 1,
            judged: 1
        }
    );
}

fn gold_places_only(text: &str, lat: f64, lon: f64) -> GoldDoc {
    gold(json!({"places": [{"text": text, "lat": lat, "lon": lon}]}))
}

#[test]
fn quotes_by_overlap_and_speaker_by_surname() {
    let text = "« Nous avons réussi à reprendre le contrôle de la situation. » Il a dit «jamais». Et « autre chose ».";
    let gold = gold(json!({"quotes": [
        {"text": "Nous avons réussi à reprendre le contrôle de la situation.", "kind": "direct",
         "speaker": "Kassym-Jomart Tokayev"},
        {"text": "jamais", "kind": "partial", "speaker": "Tokayev"},
        {"text": "bientôt", "kind": "partial"}]}));
    let covered = "Nous avons réussi à reprendre le contrôle de la situation";
    let short = "Nous avons réussi à reprendre";
    let predicted = record(
        Some(text),
        json!({
        "entities": [{"id": "E1", "type": "PER", "name": "Tokayev", "mentions": []}],
        "quotes": [
            {"id": "Q1", "text": covered, "span": cs(text, covered, 0), "kind": "direct", "speaker": "E1"},
            {"id": "Q2", "text": "jamais", "span": cs(text, "jamais", 0), "kind": "direct", "speaker": null},
            {"id": "Q3", "text": "autre chose", "span": cs(text, "autre chose", 0), "kind": "direct"},
            {"id": "Q4", "text": short, "span": cs(text, short, 0), "kind": "direct"}]}),
    );
    let s = score(&gold, &predicted);
    // Q1 covers 57 of 58 chars; Q4 only half, so it cannot take Q1's place.
    assert_eq!(s.scores.quotes.matched, counts(2, 2, 1));
    assert_eq!(
        s.scores.quotes.speaker,
        Tally {
            right: 1,
            judged: 2
        }
    );
    assert_eq!(
        s.scores.quotes.kind,
        Tally {
            right: 1,
            judged: 2
        }
    );
    assert_eq!(misses(&s, Layer::Quotes, MissKind::Missed), ["\"bientôt\""]);

    // Without doc.text, quotes compare by their words; "[...]" elisions and
    // typographic apostrophes do not stand in the way of 80%.
    let gold = self::gold(
        json!({"quotes": [{"text": "Il s'agissait d'une tentative de coup d'Etat", "speaker": "Tokaïev"}]}),
    );
    let predicted = record(
        None,
        json!({
        "entities": [{"id": "E1", "type": "PER", "name": "Kassym-Jomart Tokaïev", "mentions": []}],
        "quotes": [{"id": "Q1", "text": "Il s\u{2019}agissait d\u{2019}une tentative de coup d\u{2019}État", "span": [0, 44],
                    "kind": "direct", "speaker": "E1"}]}),
    );
    let s = score(&gold, &predicted);
    assert_eq!(s.scores.quotes.matched, counts(1, 0, 0));
    assert_eq!(
        s.scores.quotes.speaker,
        Tally {
            right: 1,
            judged: 1
        }
    );
}

#[test]
fn person_names_and_groups() {
    assert!(same_person("Kassym-Jomart Tokayev", "Tokayev"));
    // Transliterations are different written names: the gold names the person.
    assert!(!same_person("Tokaïev", "Kassym-Jomart TOKAYEV"));
    assert!(same_person(
        "Kassym-Jomart Tokaïev",
        "kassym-jomart tokaiev"
    ));
    assert!(!same_person("Kassym-Jomart Tokayev", "Kassym-Jomart"));
    assert!(!same_person("Tokayev", ""));
    assert!(same_group("criminels armés", "des criminels"));
    assert!(same_group(
        "membres des forces de sécurité",
        "forces de securite"
    ));
    assert!(!same_group("membres des forces de sécurité", "civils"));
}

#[test]
fn casualties_by_kind_and_range() {
    let gold = gold(json!({"casualties": [
        {"kind": "killed", "min": 26, "max": 26, "group": "criminels armés"},
        {"kind": "killed", "min": 18, "max": 18, "group": "membres des forces de sécurité"},
        {"kind": "injured", "min": 200, "max": null, "approximate": true, "group": "dans les deux camps"}]}));
    let casualty = |id: &str, kind: &str, min: u64, max: Option<u64>, group: Option<&str>| json!({"id": id, "kind": kind, "min": min, "max": max, "group": group, "span": [0, 1]});
    let predicted = record(
        None,
        json!({"casualties": [
        casualty("C1", "killed", 18, Some(18), Some("civils")),
        casualty("C2", "killed", 26, Some(26), Some("criminels")),
        casualty("C3", "injured", 200, Some(200), None),
        casualty("C4", "arrested", 5, Some(5), None)]}),
    );
    let s = score(&gold, &predicted);
    // The injured count is open-ended in the gold: 200..200 is not it.
    assert_eq!(s.scores.casualties.matched, counts(2, 2, 1));
    assert_eq!(
        s.scores.casualties.group,
        Tally {
            right: 1,
            judged: 2
        }
    );
    let wrong = misses(&s, Layer::Casualties, MissKind::Wrong);
    assert_eq!(wrong.len(), 1);
    assert!(wrong[0].contains("civils"), "{wrong:?}");
    let details = s.details();
    assert!(details.starts_with("? (gold line 1)\n"), "{details}");
    assert!(
        details.contains("\n  casualties wrong    group of killed 18..18"),
        "{details}"
    );
    assert!(
        details.contains("\n  casualties missed   injured 200.. \"dans les deux camps\""),
        "{details}"
    );
    assert_eq!(details.lines().count(), 1 + s.misses.len());
}

fn event(
    id: &str,
    kind: &str,
    actor: &[&str],
    recipient: &[&str],
    negated: bool,
    modality: &str,
    trigger: usize,
) -> Value {
    let side = |list: &[&str]| {
        list.iter()
            .map(|c| json!({"entity": null, "text": "x", "country": c}))
            .collect::<Vec<_>>()
    };
    json!({"id": id, "type": kind, "actor": side(actor), "recipient": side(recipient),
           "negated": negated, "modality": modality,
           "evidence": {"sentence": [0, 100], "trigger": [trigger, trigger + 3]}})
}

#[test]
fn events_by_type_countries_negation_and_modality() {
    let gold = gold(json!({"events": [
        {"type": "ACCUSE", "actor_country": "KAZ", "negated": false, "modality": "asserted"},
        {"type": "ASSAULT", "actor_country": "KAZ", "negated": true},
        {"type": "RETREAT", "actor_country": "IGO", "modality": "future"},
        {"type": "FIGHT", "recipient_country": "KAZ"},
        {"type": "CONSULT", "actor_country": null, "modality": "future"}]}));
    let predicted = record(
        None,
        json!({"events": [
        event("V1", "ACCUSE", &["KAZ"], &[], false, "asserted", 10),
        event("V2", "ASSAULT", &["KAZ"], &[], false, "asserted", 20),
        event("V3", "RETREAT", &["RUS"], &[], false, "future", 30),
        event("V4", "PROTEST", &[], &[], false, "asserted", 40),
        event("V5", "ASSAULT", &["KAZ"], &[], true, "asserted", 50),
        event("V6", "CONSULT", &["KAZ"], &[], false, "asserted", 60)]}),
    );
    let s = score(&gold, &predicted);
    let e = &s.scores.events;
    assert_eq!(e.typed, counts(5, 1, 0));
    assert_eq!(e.with_countries, counts(3, 3, 2));
    assert_eq!(e.full, counts(2, 4, 3));
    assert_eq!(e.gold_with_countries, 4);
    assert_eq!(e.full.precision(), Some(2.0 / 6.0));
    assert_eq!(e.full.recall(), Some(2.0 / 5.0));
    assert_eq!(e.full.f1(), Some(4.0 / 11.0));
    let missed = misses(&s, Layer::Events, MissKind::Missed);
    assert_eq!(missed.len(), 3, "{missed:?}");
    assert!(
        missed
            .iter()
            .any(|m| m.starts_with("ASSAULT") && m.contains("recipient=KAZ")),
        "{missed:?}"
    );
    assert_eq!(misses(&s, Layer::Events, MissKind::Spurious).len(), 4);

    // One prediction cannot serve two golds.
    let twice = self::gold(json!({"events": [{"type": "AGREE"}, {"type": "AGREE"}]}));
    let once = record(
        None,
        json!({"events": [event("V1", "AGREE", &[], &[], false, "asserted", 0)]}),
    );
    assert_eq!(score(&twice, &once).scores.events.typed, counts(1, 0, 1));
}

#[test]
fn acled_headline_is_the_first_coded_event_in_reading_order() {
    let mut later = event("V1", "ASSAULT", &[], &[], false, "asserted", 50);
    later["acled"] = json!({"event_type": "riots", "sub_event_type": "violent_demonstration"});
    let mut earlier = event("V2", "ASSAULT", &[], &[], false, "asserted", 10);
    earlier["acled"] = json!({"event_type": "battles", "sub_event_type": "armed_clash"});
    let uncoded = event("V3", "ACCUSE", &[], &[], false, "asserted", 0);
    let predicted = record(None, json!({"events": [later, earlier, uncoded]}));
    assert_eq!(headline_sub_event_type(&predicted), Some("armed_clash"));
    let s = score(
        &gold(json!({"acled_sub_event_type": "violent_demonstration"})),
        &predicted,
    );
    assert_eq!(
        s.scores.acled.headline,
        Tally {
            right: 0,
            judged: 1
        }
    );
    let s = score(
        &gold(json!({"acled_sub_event_type": "armed_clash"})),
        &predicted,
    );
    assert_eq!(
        s.scores.acled.headline,
        Tally {
            right: 1,
            judged: 1
        }
    );
    // null in the gold: the story has no ACLED-coded event.
    let s = score(
        &gold(json!({"acled_sub_event_type": null})),
        &record(None, json!({})),
    );
    assert_eq!(
        s.scores.acled.headline,
        Tally {
            right: 1,
            judged: 1
        }
    );
    // Absent: not scored.
    let s = score(&gold(json!({})), &predicted);
    assert_eq!(s.scores.acled.docs, 0);
}

#[test]
fn document_fields() {
    let gold = gold(
        json!({"doc": {"title": "Kazakhstan : une tentative", "dateline_place": "Moscow",
        "dateline_date": "--01-10", "agency": "RHC", "sources": ["Russia Today", "AFP"], "publisher": null}}),
    );
    let predicted = record(
        Some("Moscou, 10 janvier (RHC)"),
        json!({
        "doc": {"title": "« KAZAKHSTAN :  une tentative »", "publisher": "Radio Habana Cuba",
                "dateline": {"text": "Moscou, 10 janvier (RHC)", "span": [0, 24], "place": "P1",
                             "place_text": "Moscou", "date": "--01-10", "agency": "rhc"},
                "sources": [{"name": "Russia Today", "role": "upstream", "span": [0, 1]}]},
        "places": [{"id": "P1", "name": "Moscow", "mentions": [[0, 6]]}]}),
    );
    let s = score(&gold, &predicted);
    let d = &s.scores.doc_fields;
    let one = |right| Tally { right, judged: 1 };
    assert_eq!(
        [
            d.title,
            d.dateline_place,
            d.dateline_date,
            d.agency,
            d.sources,
            d.publisher
        ],
        [one(1), one(1), one(1), one(1), one(0), one(0)]
    );
    assert_eq!(misses(&s, Layer::Doc, MissKind::Wrong).len(), 2);

    // Without a place record the dateline's own place words are compared.
    let gold = self::gold(json!({"doc": {"dateline_place": "Moscou", "agency": null}}));
    let predicted = record(
        Some("Moscou (RHC)"),
        json!({"doc": {"dateline": {"text": "Moscou", "span": [0, 6],
        "place": null, "place_text": "Moscou", "date": null, "agency": null}}}),
    );
    let d = score(&gold, &predicted).scores.doc_fields;
    assert_eq!(
        (d.dateline_place, d.agency, d.title),
        (one(1), one(1), Tally::default())
    );
}

#[test]
fn report_sums_documents_and_renders() {
    let gold_a = gold(json!({"id": "a", "events": [{"type": "AGREE", "actor_country": "HUN"}]}));
    let gold_b = gold(json!({"id": "b", "events": [{"type": "REJECT"}], "doc": {"agency": "AFP"}}));
    let pred_a = record(
        None,
        json!({"events": [event("V1", "AGREE", &["HUN"], &[], false, "asserted", 0)]}),
    );
    let pred_b = record(
        None,
        json!({"events": [event("V1", "ACCUSE", &[], &[], false, "asserted", 0)]}),
    );
    let mut report = Report::default();
    report.add(&score(&gold_a, &pred_a));
    report.add(&score(&gold_b, &pred_b));
    assert_eq!(report.docs, 2);
    assert_eq!(report.scores.events.docs, 2);
    assert_eq!(report.scores.events.typed, counts(1, 1, 1));
    assert_eq!(
        report.scores.doc_fields.agency,
        Tally {
            right: 0,
            judged: 1
        }
    );
    let table = report.to_table();
    assert!(table.contains("documents: 2"), "{table}");
    let row = table
        .lines()
        .find(|l| l.starts_with("events (type)"))
        .unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        cells[2..],
        ["2", "2", "2", "1", "1", "1", "50.0", "50.0", "50.0"]
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("doc.agency") && l.ends_with("0.0")),
        "{table}"
    );
    assert!(
        !table.contains("entities"),
        "unscored layers are left out:\n{table}"
    );
    let doc = serde_json::to_value(score(&gold_b, &pred_b)).unwrap();
    assert_eq!(
        doc["misses"][0],
        json!({"layer": "doc", "kind": "wrong", "detail": "agency: gold \"AFP\", predicted \"null\""})
    );
    assert_eq!(doc["misses"][1]["layer"], "events");
    assert_eq!(doc["scores"]["events"]["typed"]["tp"], 0);
    let json = report.to_json();
    assert_eq!(json["scores"]["events"]["typed"]["fn"], 1);
    assert_eq!(json["scores"]["events"]["typed"]["f1"], 0.5);
    assert_eq!(
        json["scores"]["entities"]["mentions"]["precision"],
        Value::Null
    );
    assert_eq!(json["scores"]["doc_fields"]["agency"]["accuracy"], 0.0);
}

#[test]
fn malformed_predictions_score_as_nothing_and_never_panic() {
    let gold = gold(json!({
        "doc": {"title": "T", "dateline_place": "Moscow", "sources": ["AFP"]},
        "entities": [{"text": "Moscou", "type": "GPE"}],
        "places": [{"text": "Moscou", "lat": 55.75, "lon": 37.62}],
        "quotes": [{"text": "Nous", "speaker": "Tokayev"}],
        "casualties": [{"kind": "killed", "min": 1, "max": 1}],
        "events": [{"type": "ASSAULT", "actor_country": "KAZ"}],
        "acled_sub_event_type": "attack"}));
    let huge = u64::MAX;
    let garbage = [
        json!(null),
        json!([1, 2]),
        json!({"doc": "x", "entities": {}, "events": "none"}),
        json!({"doc": {"text": "Moscou", "dateline": {"place": 7}, "sources": [1, {"name": 2}]},
               "entities": [{"type": 3, "mentions": [[4, 2], [0, huge], "x", [0], [-1, 3]]}],
               "places": [{"lat": 1e308, "lon": -1e308, "mentions": [[0, huge]]}],
               "quotes": [{"span": [huge, huge], "text": 5, "speaker": "E99"}],
               "casualties": [{"kind": "killed", "min": -1, "max": 1.5}],
               "events": [{"type": null, "actor": [{"country": 4}], "evidence": {"trigger": [huge, 0]},
                           "acled": {"sub_event_type": ["attack"]}}]}),
    ];
    for predicted in &garbage {
        let s = score(&gold, predicted);
        assert_eq!(s.scores.events.typed.tp, 0);
        assert_eq!(s.scores.casualties.matched.tp, 0);
        assert_eq!(s.scores.quotes.matched.tp, 0);
        assert_eq!(
            s.scores.acled.headline,
            Tally {
                right: 0,
                judged: 1
            }
        );
        assert_eq!(
            s.scores.doc_fields.title,
            Tally {
                right: 0,
                judged: 1
            }
        );
        assert!(schema::validate(predicted).is_err());
    }
    // The one with text: an entity span covering all of it overlaps "Moscou"
    // but is far longer, so it is no match; the place mention finds it.
    let s = score(&gold, &garbage[3]);
    assert_eq!(
        s.scores.entities.mentions,
        counts(0, 1, 1),
        "one span of five is well formed"
    );
    assert_eq!(s.scores.places.found, counts(1, 0, 0));
    assert_eq!(
        s.scores.places.right,
        Tally {
            right: 0,
            judged: 1
        }
    );
}
