//! Query strings to store filters. Every parameter is checked here or by
//! `EventFilter::validate`, so bad input is a 400 naming the parameter and
//! never reaches SQL as anything but a bound value.

use dateline_store::EventFilter;

use crate::api::ApiError;

/// The API returns at most this many events per page: bounded responses.
pub(crate) const MAX_PAGE: usize = 1000;
/// Deep offsets make SQLite walk and drop rows; past this, narrow the filter.
pub(crate) const MAX_OFFSET: usize = 1_000_000;
/// Longest accepted value of any parameter.
const MAX_VALUE_BYTES: usize = 512;

/// Filter parameters every event-listing endpoint understands.
pub(crate) const FILTER_PARAMS: &[&str] = &[
    "since",
    "until",
    "country",
    "type",
    "actor",
    "text",
    "place",
    "exclude_negated",
];

/// Time buckets of `/api/counts`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bucket {
    Day,
    Week,
    Month,
    Year,
}

/// The parsed parameters of one request.
#[derive(Debug, Default)]
pub(crate) struct Params {
    pub(crate) filter: EventFilter,
    pub(crate) bucket: Option<Bucket>,
}

/// Parses `raw` (the part after `?`), accepting only `allowed` names (plus
/// `limit`/`offset` when `paged`, `bucket` when `bucketed`).
pub(crate) fn parse(
    raw: Option<&str>,
    allowed: &[&str],
    paged: bool,
    bucketed: bool,
) -> Result<Params, ApiError> {
    let mut params = Params::default();
    let mut seen: Vec<String> = Vec::new();
    for (name, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let name = name.as_ref();
        let known = allowed.contains(&name)
            || (paged && (name == "limit" || name == "offset"))
            || (bucketed && name == "bucket");
        if !known {
            let mut accepted: Vec<&str> = allowed.to_vec();
            if paged {
                accepted.extend(["limit", "offset"]);
            }
            if bucketed {
                accepted.push("bucket");
            }
            return Err(ApiError::bad_parameter(
                truncate(name),
                format!("unknown parameter (accepted: {})", accepted.join(", ")),
            ));
        }
        if seen.iter().any(|s| s == name) {
            return Err(ApiError::bad_parameter(name, "given more than once"));
        }
        seen.push(name.to_string());
        if value.len() > MAX_VALUE_BYTES {
            return Err(ApiError::bad_parameter(
                name,
                format!("longer than {MAX_VALUE_BYTES} bytes"),
            ));
        }
        let value = value.trim();
        if value.is_empty() {
            // An empty form field means "no filter", as browsers send them.
            continue;
        }
        let filter = &mut params.filter;
        match name {
            "since" => filter.since = Some(value.to_string()),
            "until" => filter.until = Some(value.to_string()),
            "country" => filter.country = Some(value.to_ascii_uppercase()),
            "type" => filter.event_type = Some(value.to_ascii_uppercase()),
            "actor" => filter.actor = Some(value.to_string()),
            "text" => filter.text = Some(value.to_string()),
            "place" => filter.place = Some(value.to_string()),
            "exclude_negated" => filter.exclude_negated = parse_bool(name, value)?,
            "limit" => {
                let limit = parse_number(name, value)?;
                if limit == 0 || limit > MAX_PAGE {
                    return Err(ApiError::bad_parameter(
                        name,
                        format!("must be between 1 and {MAX_PAGE}"),
                    ));
                }
                filter.limit = Some(limit);
            }
            "offset" => {
                let offset = parse_number(name, value)?;
                if offset > MAX_OFFSET {
                    return Err(ApiError::bad_parameter(
                        name,
                        format!("must be at most {MAX_OFFSET}"),
                    ));
                }
                filter.offset = offset;
            }
            "bucket" => {
                params.bucket = Some(match value {
                    "day" => Bucket::Day,
                    "week" => Bucket::Week,
                    "month" => Bucket::Month,
                    "year" => Bucket::Year,
                    _ => {
                        return Err(ApiError::bad_parameter(
                            name,
                            "must be day, week, month or year",
                        ))
                    }
                })
            }
            // `allowed` lists only names handled above.
            _ => return Err(ApiError::bad_parameter(name, "not supported here")),
        }
    }
    params.filter.validate().map_err(ApiError::from)?;
    Ok(params)
}

fn parse_number(name: &str, value: &str) -> Result<usize, ApiError> {
    value.parse::<usize>().map_err(|_| {
        ApiError::bad_parameter(name, format!("'{}' is not a whole number", truncate(value)))
    })
}

fn parse_bool(name: &str, value: &str) -> Result<bool, ApiError> {
    match value {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(ApiError::bad_parameter(name, "must be true or false")),
    }
}

/// Echoes at most 64 bytes of user input in messages, on a char boundary.
pub(crate) fn truncate(value: &str) -> &str {
    let mut end = value.len().min(64);
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    value.get(..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(raw: &str) -> String {
        match parse(Some(raw), FILTER_PARAMS, true, true) {
            Ok(_) => String::from("accepted"),
            Err(err) => err.message().to_string(),
        }
    }

    #[test]
    fn filters_are_read_and_normalised() {
        let params = parse(
            Some(
                "country=kaz&type=assault&since=2022-01&actor=police&limit=5&offset=10&bucket=week",
            ),
            FILTER_PARAMS,
            true,
            true,
        )
        .map_err(|e| e.message().to_string())
        .unwrap();
        assert_eq!(params.filter.country.as_deref(), Some("KAZ"));
        assert_eq!(params.filter.event_type.as_deref(), Some("ASSAULT"));
        assert_eq!(params.filter.since.as_deref(), Some("2022-01"));
        assert_eq!(params.filter.limit, Some(5));
        assert_eq!(params.filter.offset, 10);
        assert_eq!(params.bucket, Some(Bucket::Week));
    }

    #[test]
    fn bad_values_name_their_parameter() {
        assert!(error_of("limit=abc").starts_with("invalid limit"));
        assert!(error_of("limit=0").starts_with("invalid limit"));
        assert!(error_of("offset=-1").starts_with("invalid offset"));
        assert!(error_of("since=2022-13-01").contains("since"));
        assert!(error_of("country=KAZAKH").contains("country"));
        assert!(error_of("type=PICNIC").contains("type"));
        assert!(error_of("bucket=hour").starts_with("invalid bucket"));
        assert!(error_of("colour=red").starts_with("invalid colour"));
        assert!(error_of("actor=a&actor=b").starts_with("invalid actor"));
        assert_eq!(error_of("country=&text="), "accepted");
    }

    #[test]
    fn echoed_input_is_cut_on_a_char_boundary() {
        let long = "é".repeat(100);
        let cut = truncate(&long);
        assert!(cut.len() <= 64 && cut.chars().all(|c| c == 'é'));
    }
}
