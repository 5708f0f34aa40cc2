//! Page metadata: title, publication date, author, site, canonical URL, language.

use crate::dates;
use crate::dom::{Dom, Tag};
use serde_json::Value;

/// How far after the headline (bytes of visible text) a shown date is looked for:
/// bylines and datelines sit right under it.
const SHOWN_DATE_WITHIN: usize = 600;
/// Headings considered as the page's headline.
const MAX_H1: usize = 8;

#[derive(Default, Debug)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    /// JSON-LD `articleBody`, a hint for the main text.
    pub article_body: Option<String>,
}

/// Candidates in order of trust; the first one found wins.
#[derive(Default)]
struct Found {
    og_title: Option<String>,
    meta_title: Option<String>,
    ld_headline: Option<String>,
    title_tag: Option<String>,
    h1: Option<String>,
    /// Every `<h1>` (node and text), the headline among them chosen later.
    h1s: Vec<(u32, String)>,
    meta_date: Option<String>,
    ld_date: Option<String>,
    itemprop_date: Option<String>,
    time_date: Option<String>,
    meta_author: Option<String>,
    ld_author: Option<String>,
    itemprop_author: Option<String>,
    site_name: Option<String>,
    ld_publisher: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    html_lang: Option<String>,
    meta_lang: Option<String>,
    ld_lang: Option<String>,
    ld_body: Option<String>,
}

fn set(slot: &mut Option<String>, value: &str) {
    let value = value.trim();
    if slot.is_none() && !value.is_empty() {
        *slot = Some(collapse(value));
    }
}

/// Like [`set`] for dates: only a value that reads as a date (ISO kept as
/// written, other forms normalised to `YYYY-MM-DD`) fills the slot, so a
/// placeholder such as `0001-01-01` leaves room for the next candidate.
fn set_date(slot: &mut Option<String>, value: &str, language: Option<&str>) {
    if slot.is_none() {
        *slot = dates::normalize(value, language);
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Meta `name`/`property` keys naming a publication date, lowercased.
fn is_date_key(key: &str) -> bool {
    matches!(
        key,
        "article:published_time"
            | "og:article:published_time"
            | "article.published"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "publish_date"
            | "published_time"
            | "published-date"
            | "dc.date"
            | "dc.date.issued"
            | "dc.date.created"
            | "dcterms.date"
            | "dcterms.issued"
            | "dcterms.created"
            | "sailthru.date"
            | "parsely-pub-date"
            | "article_date_original"
            | "original-publish-date"
            | "cxenseparse:recs:publishtime"
            | "og:published_time"
    )
}

pub(crate) fn read(dom: &Dom, url: Option<&str>) -> Meta {
    let mut f = Found::default();
    let mut key = String::new();
    for id in 0..dom.nodes.len() as u32 {
        let tag = dom.tag(id);
        match tag {
            Tag::Html => {
                if let Some(l) = dom.attr(id, "lang").or_else(|| dom.attr(id, "xml:lang")) {
                    set(&mut f.html_lang, l);
                }
            }
            Tag::Title if f.title_tag.is_none() => {
                let t = dom.collect_text(id, 2000);
                set(&mut f.title_tag, &t);
            }
            Tag::H(1) if f.h1s.len() < MAX_H1 => {
                let t = collapse(&dom.collect_text(id, 2000));
                if !t.is_empty() {
                    f.h1s.push((id, t.clone()));
                }
                set(&mut f.h1, &t);
            }
            Tag::Meta => {
                let Some(content) = dom.attr(id, "content") else {
                    continue;
                };
                for attr in ["property", "name", "itemprop", "http-equiv"] {
                    let Some(k) = dom.attr(id, attr) else {
                        continue;
                    };
                    key.clear();
                    key.push_str(k.trim());
                    key.make_ascii_lowercase();
                    match key.as_str() {
                        "og:title" => set(&mut f.og_title, content),
                        "twitter:title" | "title" | "headline" | "dc.title" => {
                            set(&mut f.meta_title, content)
                        }
                        "og:site_name" | "application-name" => set(&mut f.site_name, content),
                        "og:url" => set(&mut f.og_url, content),
                        "author" | "article:author" | "dc.creator" | "byl" | "sailthru.author"
                        | "parsely-author"
                            if !content.contains("://") =>
                        {
                            set(&mut f.meta_author, content)
                        }
                        "og:locale" | "content-language" | "language" | "dc.language"
                        | "inlanguage" => set(&mut f.meta_lang, content),
                        k if is_date_key(k) => {
                            set_date(&mut f.meta_date, content, f.html_lang.as_deref())
                        }
                        _ => {}
                    }
                }
            }
            Tag::Link => {
                let rel = dom.attr(id, "rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    if let Some(h) = dom.attr(id, "href") {
                        set(&mut f.canonical, h);
                    }
                }
            }
            Tag::Script => {
                if f.ld_body.is_some() && f.ld_date.is_some() {
                    continue;
                }
                let json = dom
                    .children(id)
                    .map(|c| dom.text_of(c))
                    .next()
                    .unwrap_or("");
                if let Ok(value) = serde_json::from_str::<Value>(json.trim().trim_end_matches(';'))
                {
                    read_json_ld(&value, &mut f);
                }
            }
            Tag::Time => {
                if let Some(d) = dom.attr(id, "datetime") {
                    set_date(&mut f.time_date, d, f.html_lang.as_deref());
                }
            }
            Tag::Text | Tag::Document => continue,
            _ => {}
        }
        if let Some(prop) = dom.attr(id, "itemprop") {
            let value = || dom.attr(id, "content").or_else(|| dom.attr(id, "datetime"));
            if prop.eq_ignore_ascii_case("datePublished") {
                if let Some(v) = value() {
                    set_date(&mut f.itemprop_date, v, f.html_lang.as_deref());
                }
            } else if prop.eq_ignore_ascii_case("author") && tag != Tag::Meta {
                let t = dom.collect_text(id, 200);
                if t.len() < 100 {
                    set(&mut f.itemprop_author, &t);
                }
            }
        }
    }

    let site_name = f.site_name.clone().or(f.ld_publisher.clone());
    let language = f
        .html_lang
        .clone()
        .or(f.meta_lang.clone())
        .or(f.ld_lang.clone())
        .and_then(|l| language_code(&l));
    let meta_titles: Vec<String> = [&f.og_title, &f.ld_headline, &f.meta_title, &f.title_tag]
        .into_iter()
        .flatten()
        .map(|t| strip_site(t, site_name.as_deref(), None))
        .collect();
    let headline = headline(&f.h1s, &meta_titles, site_name.as_deref());
    let title = match headline {
        Some((_, text)) => Some(text.clone()),
        None => f
            .og_title
            .clone()
            .or(f.ld_headline.clone())
            .or(f.meta_title.clone())
            .or(f.title_tag.clone())
            .or(f.h1.clone())
            .map(|t| strip_site(&t, site_name.as_deref(), f.h1.as_deref())),
    };
    // The date printed under the headline, in the page's own time zone.
    let headline_node = headline
        .map(|(id, _)| *id)
        .or_else(|| title.as_deref().and_then(|t| node_showing(dom, t)));
    let shown = headline_node.and_then(|id| shown_date(dom, id, language.as_deref()));
    let declared = f.meta_date.or(f.ld_date).or(f.itemprop_date);
    let published = match (declared, shown) {
        // Metadata is often in UTC: a shown date one day off is the same
        // moment in the publisher's time zone, the date readers see.
        (Some(declared), Some(shown)) if days_apart(&declared, &shown) == Some(1) => Some(shown),
        (Some(declared), _) => Some(declared),
        (None, shown) => shown.or(f.time_date),
    }
    .or_else(|| url.and_then(date_in_url))
    .or_else(|| f.canonical.as_deref().and_then(date_in_url));
    Meta {
        title,
        published,
        author: f.meta_author.or(f.ld_author).or(f.itemprop_author),
        site_name,
        canonical_url: f.canonical.or(f.og_url),
        language,
        article_body: f.ld_body,
    }
}

/// The `<h1>` that is the article's headline: the one whose words best match
/// the titles the page declares (site name removed). Editors often give the
/// social or search title (`og:title`) other words than the visible headline;
/// an `<h1>` sharing most of its words with one of them is the headline, while
/// the site's logo in an `<h1>` or another story's heading is not.
fn headline<'a>(
    h1s: &'a [(u32, String)],
    meta_titles: &[String],
    site: Option<&str>,
) -> Option<&'a (u32, String)> {
    let mut best: Option<(&(u32, String), f32)> = None;
    for candidate in h1s {
        let text = &candidate.1;
        if text.len() > 400 || site.is_some_and(|s| same_name(text, s) && text.len() <= s.len() + 8)
        {
            continue;
        }
        let words = word_set(text);
        for meta in meta_titles {
            let meta_words = word_set(meta);
            let common = words.iter().filter(|w| meta_words.contains(w)).count();
            let smaller = words.len().min(meta_words.len()).max(1);
            let equal = normalized(text) == normalized(meta);
            // Three shared words at least, unless the two are the same title.
            let score = if equal {
                1.0
            } else if common >= 3 {
                common as f32 / smaller as f32
            } else {
                0.0
            };
            if score >= 0.6 && best.map_or(true, |(_, s)| score > s) {
                best = Some((candidate, score));
            }
        }
    }
    best.map(|(c, _)| c)
}

fn word_set(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

fn normalized(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The first visible text node that reads as `title` (when the headline is not
/// an `<h1>`): where the page shows it.
fn node_showing(dom: &Dom, title: &str) -> Option<u32> {
    let wanted = normalized(title);
    if wanted.is_empty() {
        return None;
    }
    (0..dom.nodes.len() as u32).find(|&id| {
        if dom.tag(id) != Tag::Text {
            return false;
        }
        let text = dom.text_of(id).trim();
        // Cheap length check first: most nodes are far shorter or longer.
        if text.len() + 8 < title.len() || text.len() > title.len() * 2 + 8 {
            return false;
        }
        let parent = dom.node(id).map_or(Tag::Document, |n| dom.tag(n.parent));
        !matches!(
            parent,
            Tag::Title | Tag::Script | Tag::Style | Tag::Noscript | Tag::Template
        ) && normalized(text) == wanted
    })
}

/// The first date written in the visible text right after the headline
/// (byline, dateline), normalised to `YYYY-MM-DD`.
fn shown_date(dom: &Dom, headline: u32, language: Option<&str>) -> Option<String> {
    let mut text = String::new();
    let start = dom.subtree_end(headline);
    for id in start..dom.nodes.len() as u32 {
        if text.len() > SHOWN_DATE_WITHIN {
            break;
        }
        if dom.tag(id) != Tag::Text {
            continue;
        }
        let parent = dom.node(id).map_or(Tag::Document, |n| dom.tag(n.parent));
        if matches!(
            parent,
            Tag::Script | Tag::Style | Tag::Noscript | Tag::Template
        ) {
            continue;
        }
        text.push_str(dom.text_of(id));
        text.push(' ');
    }
    dates::find_written(&text, language, SHOWN_DATE_WITHIN).map(|d| d.to_string())
}

/// Days between the dates (`YYYY-MM-DD` prefixes) of two ISO values.
fn days_apart(a: &str, b: &str) -> Option<i64> {
    let day_number = |s: &str| -> Option<i64> {
        let d = dateline_model::PartialDate::parse_iso(s.get(..10)?)?;
        let (y, m, d) = (i64::from(d.year?), i64::from(d.month?), i64::from(d.day?));
        // Days from civil (proleptic Gregorian), enough to compare two dates.
        let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
        Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d)
    };
    Some((day_number(a)? - day_number(b)?).abs())
}

fn is_article_type(v: &Value) -> bool {
    let one = |t: &str| {
        t.ends_with("Article")
            || t == "BlogPosting"
            || t == "ReportageNewsArticle"
            || t == "LiveBlogPosting"
    };
    match v.get("@type") {
        Some(Value::String(t)) => one(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(one),
        _ => false,
    }
}

fn names(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.contains("://") => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(names).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
}

/// Walks JSON-LD iteratively (pages nest `@graph`s and lists of objects).
fn read_json_ld(root: &Value, f: &mut Found) {
    let mut stack = vec![root];
    let mut visited = 0;
    while let Some(v) = stack.pop() {
        visited += 1;
        if visited > 10_000 {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(o) => {
                if is_article_type(v) {
                    if let Some(h) = o.get("headline").and_then(Value::as_str) {
                        set(&mut f.ld_headline, h);
                    }
                    if let Some(d) = o.get("datePublished").and_then(Value::as_str) {
                        set_date(&mut f.ld_date, d, None);
                    }
                    if let Some(a) = o.get("author").and_then(names) {
                        set(&mut f.ld_author, &a);
                    }
                    if let Some(p) = o.get("publisher").and_then(names) {
                        set(&mut f.ld_publisher, &p);
                    }
                    if let Some(l) = o.get("inLanguage").and_then(Value::as_str) {
                        set(&mut f.ld_lang, l);
                    }
                    if let Some(b) = o.get("articleBody").and_then(Value::as_str) {
                        if f.ld_body.is_none() && !b.trim().is_empty() {
                            f.ld_body = Some(b.to_string());
                        }
                    }
                } else if let Some(d) = o.get("datePublished").and_then(Value::as_str) {
                    set_date(&mut f.ld_date, d, None);
                }
                for key in [
                    "@graph",
                    "mainEntity",
                    "mainEntityOfPage",
                    "itemListElement",
                ] {
                    if let Some(child) = o.get(key) {
                        stack.push(child);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Drops a site name appended or prepended to a title ("Story | Site").
fn strip_site(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    const SEPARATORS: [&str; 6] = [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{bb} "];
    if let Some(h1) = h1 {
        if title.len() > h1.len()
            && (title.starts_with(h1) || title.ends_with(h1))
            && h1.len() * 2 > title.len()
        {
            return h1.to_string();
        }
    }
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| same_name(tail, s))
                || (site.is_none() && tail.split_whitespace().count() <= 3);
            if tail_is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if site.is_some_and(|s| same_name(head, s)) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// `en-US`, `fr_FR`, `EN` -> `en`; anything else -> None.
fn language_code(value: &str) -> Option<String> {
    let primary = value.trim().split(['-', '_']).next()?;
    (matches!(primary.len(), 2 | 3) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

/// A `/2019/11/19/` or `/2019-11-19` or `/20191119/` date in a URL path.
pub(crate) fn date_in_url(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let b = path.as_bytes();
    let digits = |at: usize, n: usize| -> Option<u32> {
        let s = path.get(at..at + n)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    for i in 0..b.len() {
        if !matches!(b.get(i), Some(b'/' | b'-' | b'_')) {
            continue;
        }
        let Some(year) = digits(i + 1, 4) else {
            continue;
        };
        if !(1990..=2100).contains(&year) {
            continue;
        }
        let after = i + 5;
        let (month, day) = match b.get(after) {
            Some(b'/' | b'-' | b'_') => {
                let Some(m) = digits(after + 1, 2) else {
                    continue;
                };
                let sep_ok = matches!(b.get(after + 3), Some(b'/' | b'-' | b'_'));
                let d = if sep_ok { digits(after + 4, 2) } else { None };
                let d = d.filter(|_| !b.get(after + 6).is_some_and(u8::is_ascii_digit));
                (m, d)
            }
            Some(c) if c.is_ascii_digit() => {
                let Some(m) = digits(after, 2) else { continue };
                let Some(d) = digits(after + 2, 2) else {
                    continue;
                };
                if b.get(after + 4).is_some_and(u8::is_ascii_digit) {
                    continue;
                }
                (m, Some(d))
            }
            _ => continue,
        };
        if !(1..=12).contains(&month) {
            continue;
        }
        return match day.filter(|d| (1..=31).contains(d)) {
            Some(d) => Some(format!("{year:04}-{month:02}-{d:02}")),
            None => Some(format!("{year:04}-{month:02}")),
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_between_dates() {
        assert_eq!(days_apart("2019-11-19T02:24:00Z", "2019-11-18"), Some(1));
        assert_eq!(days_apart("2019-03-01", "2019-02-28"), Some(1));
        assert_eq!(days_apart("2020-01-01", "2019-12-31"), Some(1));
        assert_eq!(days_apart("2019-11-19", "2019-11-19"), Some(0));
        assert_eq!(days_apart("2019-11", "2019-11-19"), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            date_in_url("https://x.com/2019/11/19/story").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            date_in_url("https://x.com/news/2019-03-02-fire").as_deref(),
            Some("2019-03-02")
        );
        assert_eq!(
            date_in_url("https://x.com/a/20191119/b").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            date_in_url("https://x.com/2019/05/story").as_deref(),
            Some("2019-05")
        );
        assert_eq!(date_in_url("https://x.com/article/123456789"), None);
        assert_eq!(date_in_url("https://x.com/1234/99/story"), None);
    }

    #[test]
    fn site_suffix_is_dropped() {
        assert_eq!(
            strip_site("Fire in Lyon | Le Monde", Some("Le Monde"), None),
            "Fire in Lyon"
        );
        assert_eq!(
            strip_site(
                "BBC News - Fire in the city centre kills two",
                Some("BBC"),
                None
            ),
            "Fire in the city centre kills two"
        );
        assert_eq!(
            strip_site("Fire in Lyon - Le Monde", None, None),
            "Fire in Lyon"
        );
        assert_eq!(
            strip_site(
                "Rain - or shine - tomorrow in the north of the country",
                None,
                None
            ),
            "Rain - or shine - tomorrow in the north of the country"
        );
    }

    #[test]
    fn language_codes() {
        assert_eq!(language_code("en-US").as_deref(), Some("en"));
        assert_eq!(language_code("fr_FR").as_deref(), Some("fr"));
        assert_eq!(language_code("x-klingon-1"), None);
    }
}
