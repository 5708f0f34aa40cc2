//! Validation of records against `schema/dateline-1.schema.json`.
//!
//! The schema file is embedded at build time and compiled once per process.

use serde_json::Value;
use std::sync::OnceLock;

/// The JSON Schema (draft 2020-12) of the `dateline/1` record, as shipped in
/// `schema/dateline-1.schema.json`.
pub const SCHEMA_JSON: &str = include_str!("../../../schema/dateline-1.schema.json");

/// One way a record breaks the schema: where, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaError {
    /// JSON Pointer into the record (`/events/0/modality`); empty for the root.
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        // The schema is a file of this crate, checked by its tests: failing here
        // is a build defect, not a property of any input.
        let schema: Value =
            serde_json::from_str(SCHEMA_JSON).expect("schema/dateline-1.schema.json is valid JSON");
        jsonschema::draft202012::new(&schema)
            .expect("schema/dateline-1.schema.json is a valid draft 2020-12 schema")
    })
}

/// The schema as a JSON value (for tools that publish or inspect it).
pub fn schema_value() -> Value {
    serde_json::from_str(SCHEMA_JSON).unwrap_or(Value::Null)
}

/// Checks one record against the `dateline/1` schema. Returns every error
/// found, each naming the offending place in the record.
pub fn validate(record: &Value) -> Result<(), Vec<SchemaError>> {
    let errors: Vec<SchemaError> = validator()
        .iter_errors(record)
        .map(|e| SchemaError {
            path: e.instance_path.to_string(),
            message: e.to_string(),
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// `true` when the record conforms to the schema.
pub fn is_valid(record: &Value) -> bool {
    validator().is_valid(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn valid_record() -> Value {
        let text = "Moscou, 10 janvier (RHC) Le président Tokaïev a dénoncé « une tentative de coup d'État ». 26 criminels armés ont été tués.";
        json!({
            "schema": "dateline/1",
            "doc": {
                "id": "0123456789abcdef", "url": null, "title": null, "language": "fr",
                "published": null, "date_precision": null, "publisher": "Radio Habana Cuba",
                "author": null,
                "dateline": {"text": "Moscou, 10 janvier (RHC)", "span": [0, 24], "place": "P1",
                             "place_text": "Moscou", "date": "--01-10", "agency": "RHC"},
                "sources": [{"name": "Russia Today", "role": "upstream", "span": [10, 12]}],
                "text": text
            },
            "entities": [{"id": "E1", "type": "PER", "name": "Kassym-Jomart Tokayev", "kb": null,
                          "country": "KAZ", "sector": "GOV", "role": "président",
                          "mentions": [[38, 45]]}],
            "places": [{"id": "P1", "name": "Moscow", "entity": null, "country": "RUS",
                        "admin1": null, "lat": 55.75, "lon": 37.62, "precision": "city",
                        "geonames": 524901, "mentions": [[0, 6]]}],
            "quotes": [{"id": "Q1", "text": "une tentative de coup d'État", "span": [58, 86],
                        "kind": "partial", "speaker": "E1", "speaker_span": [38, 45],
                        "cue": "a dénoncé", "cue_span": [46, 55]}],
            "casualties": [{"id": "C1", "kind": "killed", "min": 26, "max": 26, "approximate": false,
                            "group": "criminels armés", "group_span": [92, 107],
                            "group_role": "armed", "reported_by": null, "place": null,
                            "event": "V2", "span": [89, 121]}],
            "events": [
                {"id": "V1", "type": "ACCUSE", "mode": null, "context": [], "cameo": "112",
                 "acled": null,
                 "actor": [{"entity": "E1", "text": "Le président Tokaïev", "span": [25, 45],
                            "country": "KAZ", "sector": "GOV"}],
                 "recipient": [], "place": null, "date": "--01-10", "date_precision": "day",
                 "negated": false, "modality": "asserted", "reported_by": null,
                 "size": {"dead": null, "injured": null, "arrested": null, "participants": null},
                 "evidence": {"sentence": [25, 88], "trigger": [48, 55],
                              "more": [{"sentence": [0, 5], "trigger": [1, 2]}, [[0, 5], [1, 2]]]},
                 "confidence": 0.8, "rule": "fr.accuse.denoncer"},
                {"id": "V2", "type": "ASSAULT", "acled": {"event_type": "riots",
                 "sub_event_type": "violent_demonstration"},
                 "actor": [], "recipient": [{"entity": null, "text": "criminels armés",
                 "country": null, "sector": "REB"}],
                 "negated": false, "modality": "reported",
                 "evidence": {"sentence": [89, 121], "trigger": [115, 119]}}
            ],
            "diagnostics": [{"level": "warning", "code": "year-unknown", "message": "no year"}]
        })
    }

    fn errors_of(record: &Value) -> Vec<SchemaError> {
        validate(record).err().unwrap_or_default()
    }

    #[test]
    fn schema_compiles_against_the_meta_schema() {
        assert!(jsonschema::meta::is_valid(&schema_value()));
        assert_eq!(
            schema_value()["properties"]["schema"]["const"],
            "dateline/1"
        );
    }

    #[test]
    fn a_full_record_is_valid() {
        assert_eq!(validate(&valid_record()), Ok(()));
    }

    #[test]
    fn text_and_dateline_may_be_absent_or_null() {
        let mut record = valid_record();
        let doc = record["doc"].as_object_mut().unwrap();
        doc.remove("text");
        doc.insert("dateline".into(), Value::Null);
        assert!(is_valid(&record));
    }

    #[test]
    fn extra_fields_are_allowed() {
        let mut record = valid_record();
        record["doc"]["origin"] = json!("story.txt");
        record["events"][0]["score"] = json!(3);
        assert!(is_valid(&record));
    }

    #[test]
    fn missing_required_fields_fail() {
        for field in [
            "schema",
            "doc",
            "entities",
            "places",
            "quotes",
            "casualties",
            "events",
            "diagnostics",
        ] {
            let mut record = valid_record();
            record.as_object_mut().unwrap().remove(field);
            let errors = errors_of(&record);
            assert_eq!(errors.len(), 1, "{field}: {errors:?}");
            assert!(errors[0].message.contains(field), "{}", errors[0]);
        }
        let mut record = valid_record();
        record["doc"].as_object_mut().unwrap().remove("id");
        assert_eq!(errors_of(&record)[0].path, "/doc");
    }

    #[test]
    fn wrong_types_fail_with_their_path() {
        let cases = [
            ("/events/0/negated", json!("no")),
            ("/casualties/0/min", json!(2.5)),
            ("/doc/title", json!(7)),
            ("/places/0/lat", json!("55")),
            ("/entities/0/mentions/0", json!([1, 2, 3])),
            ("/quotes/0/span", json!([1])),
            ("/doc/published", json!("10 janvier")),
            ("/entities/0/country", json!("kz")),
        ];
        for (path, bad) in cases {
            let mut record = valid_record();
            *record.pointer_mut(path).unwrap() = bad;
            let errors = errors_of(&record);
            assert!(!errors.is_empty(), "{path} accepted");
            assert!(
                errors.iter().any(|e| e.path.starts_with(path)),
                "{path}: {errors:?}"
            );
        }
    }

    #[test]
    fn values_outside_the_enums_fail() {
        let cases = [
            ("/schema", json!("dateline/2")),
            ("/entities/0/type", json!("PERSON")),
            ("/places/0/precision", json!("street")),
            ("/quotes/0/kind", json!("verbatim")),
            ("/casualties/0/kind", json!("dead")),
            ("/casualties/0/group_role", json!("rebels")),
            ("/events/0/type", json!("FIGHT")),
            ("/events/0/modality", json!("likely")),
            ("/events/1/acled/sub_event_type", json!("battle")),
            ("/doc/sources/0/role", json!("wire")),
            ("/diagnostics/0/level", json!("fatal")),
            ("/doc/date_precision", json!("week")),
        ];
        for (path, bad) in cases {
            let mut record = valid_record();
            *record.pointer_mut(path).unwrap() = bad;
            let errors = errors_of(&record);
            assert!(errors.iter().any(|e| e.path == path), "{path}: {errors:?}");
        }
    }

    #[test]
    fn ids_follow_their_patterns() {
        let cases = [
            ("/entities/0/id", json!("P1")),
            ("/places/0/id", json!("E1")),
            ("/quotes/0/id", json!("Q")),
            ("/casualties/0/id", json!("c1")),
            ("/events/0/id", json!("E1")),
            ("/quotes/0/speaker", json!("Tokayev")),
            ("/doc/dateline/place", json!("Moscou")),
            ("/casualties/0/event", json!("C1")),
        ];
        for (path, bad) in cases {
            let mut record = valid_record();
            *record.pointer_mut(path).unwrap() = bad;
            assert!(errors_of(&record).iter().any(|e| e.path == path), "{path}");
        }
    }

    #[test]
    fn errors_read_well() {
        let mut record = valid_record();
        record["events"][0]["modality"] = json!("likely");
        let shown = errors_of(&record)[0].to_string();
        assert!(shown.starts_with("/events/0/modality: "), "{shown}");
        assert!(shown.contains("likely"), "{shown}");
    }
}
