//! Main text and metadata on small hand-written pages.

use dateline_html::{extract, extract_bytes};

const NAV: &str = r#"<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>"#;

const FOOTER: &str = r#"<footer><p>Contact us at desk@example.org. All rights reserved, reproduction forbidden without permission.</p>
<a href="/privacy">Privacy</a></footer>"#;

fn page(body: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en\"><head><title>T</title><style>p {{ color: red }}</style></head><body>{NAV}{body}{FOOTER}</body></html>")
}

#[test]
fn keeps_paragraphs_and_drops_navigation_and_footer() {
    let html = page(
        "<article><p>The river rose two metres overnight, forcing hundreds of residents from their homes in the lower town.</p>\
         <p>Officials said the water would recede by Friday &amp; that no one had been hurt.</p></article>",
    );
    let article = extract(&html, None);
    assert_eq!(
        article.text,
        "The river rose two metres overnight, forcing hundreds of residents from their homes in the lower town.\n\n\
         Officials said the water would recede by Friday & that no one had been hurt."
    );
}

#[test]
fn decodes_entities_and_no_break_spaces() {
    let html = page(
        "<div class=\"story-body\"><p>The minister&#8217;s office said the talks &mdash; held behind closed doors &mdash; had ended without agreement on Tuesday.</p>\
         <p>It was the third round of talks&nbsp;this year, and the &#x201C;last&#x201D; one before the summer break, aides said.</p></div>",
    );
    let article = extract(&html, None);
    assert_eq!(
        article.text,
        "The minister\u{2019}s office said the talks \u{2014} held behind closed doors \u{2014} had ended without agreement on Tuesday.\n\n\
         It was the third round of talks this year, and the \u{201c}last\u{201d} one before the summer break, aides said."
    );
}

#[test]
fn headings_and_lists_inside_the_article_are_kept() {
    let html = page(
        "<article><p>Three people were injured when a bus left the road near the village late on Sunday evening, police said.</p>\
         <h2>What we know</h2><ul><li>The bus carried 40 passengers.</li><li>The driver was not hurt.</li></ul>\
         <p>An investigation into the cause of the crash has been opened by the regional prosecutor's office.</p></article>",
    );
    let article = extract(&html, None);
    assert_eq!(
        article.text,
        "Three people were injured when a bus left the road near the village late on Sunday evening, police said.\n\n\
         What we know\n\nThe bus carried 40 passengers.\nThe driver was not hurt.\n\n\
         An investigation into the cause of the crash has been opened by the regional prosecutor's office."
    );
}

#[test]
fn scripts_styles_templates_forms_and_hidden_parts_are_not_text() {
    let html = page(
        "<article><script>var story = 'not text';</script><noscript>Enable JavaScript to see this page.</noscript>\
         <p>Firefighters brought the blaze under control after six hours, the fire service said in a statement on Monday.</p>\
         <template><p>Template paragraph that is never rendered on the page at all, not even later.</p></template>\
         <div style=\"display: none\"><p>Hidden paragraph that the reader never sees on the page, even when scrolling.</p></div>\
         <form><button>Subscribe</button><select><option>Daily</option></select></form>\
         <p>No casualties were reported, but two warehouses and a workshop were destroyed by the flames.</p></article>",
    );
    let article = extract(&html, None);
    assert_eq!(
        article.text,
        "Firefighters brought the blaze under control after six hours, the fire service said in a statement on Monday.\n\n\
         No casualties were reported, but two warehouses and a workshop were destroyed by the flames."
    );
}

#[test]
fn comments_related_links_and_share_bars_are_dropped() {
    let html = page(
        "<main><div class=\"article-body\">\
         <p>The central bank raised its main rate by a quarter point on Thursday, its fourth increase this year.</p>\
         <div class=\"share-bar\"><a href=\"#\">Share on social networks</a> <a href=\"#\">Email this story</a></div>\
         <p>The governor said inflation remained too high and that further increases could not be ruled out.</p>\
         <aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">Rates: what a rise means for your mortgage and savings</a></li>\
         <li><a href=\"/b\">Markets fall sharply after the central bank decision is announced</a></li></ul></aside></div>\
         <section id=\"comments\"><p>I think this is a terrible decision by the bank and the governor should resign now.</p>\
         <p>Another comment that is long enough to look like a real paragraph of prose text here.</p></section></main>",
    );
    let article = extract(&html, None);
    assert_eq!(
        article.text,
        "The central bank raised its main rate by a quarter point on Thursday, its fourth increase this year.\n\n\
         The governor said inflation remained too high and that further increases could not be ruled out."
    );
}

#[test]
fn teasers_of_other_stories_stay_out() {
    let teaser = |n: u32| {
        format!(
            "<li><h3><a href=\"/s{n}\">Other story number {n}</a></h3><p>A short summary of another story that is long enough to read like prose, number {n}.</p></li>"
        )
    };
    let teasers: String = (1..=6).map(teaser).collect();
    let html = page(&format!(
        "<div class=\"content\"><p>Rescuers pulled two survivors from the rubble of the collapsed building on Wednesday, more than 40 hours after the quake.</p>\
         <p>The death toll rose to 112, according to the civil protection agency, with dozens of people still missing.</p>\
         <p>Aftershocks continued to shake the region overnight, hampering the work of search teams with dogs.</p></div>\
         <ul class=\"teasers\">{teasers}</ul>"
    ));
    let article = extract(&html, None);
    assert_eq!(
        article.text,
        "Rescuers pulled two survivors from the rubble of the collapsed building on Wednesday, more than 40 hours after the quake.\n\n\
         The death toll rose to 112, according to the civil protection agency, with dozens of people still missing.\n\n\
         Aftershocks continued to shake the region overnight, hampering the work of search teams with dogs."
    );
}

#[test]
fn line_breaks_separate_paragraphs_in_old_markup() {
    let html = page(
        "<td class=\"text\">The strike closed every school in the city on Monday, the union said.<br><br>\
         Negotiations with the ministry are due to resume on Wednesday morning, according to both sides.<br>\
         A march is planned for Thursday.</td>",
    );
    let article = extract(&html, None);
    assert_eq!(
        article.text,
        "The strike closed every school in the city on Monday, the union said.\n\n\
         Negotiations with the ministry are due to resume on Wednesday morning, according to both sides.\nA march is planned for Thursday."
    );
}

#[test]
fn survives_100_000_deep_nesting() {
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>Deep text that is long enough to count as a paragraph of the article body.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let article = extract(&html, None);
    assert_eq!(
        article.text,
        "Deep text that is long enough to count as a paragraph of the article body."
    );
    assert!(article.diagnostics.iter().any(|d| d.code == "deep-nesting"));
    let unclosed = "<span><b><i><font>".repeat(30_000) + "x";
    let article = extract(&unclosed, None);
    assert_eq!(article.text, "x");
}

#[test]
fn binary_junk_and_broken_markup_do_not_panic() {
    let mut junk = Vec::new();
    let mut state: u32 = 12345;
    for _ in 0..200_000 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        junk.push((state >> 16) as u8);
    }
    let article = extract_bytes(&junk, None, None);
    assert!(article.text.len() < junk.len() * 3);
    for broken in [
        "<",
        "<a",
        "<a href='",
        "<!--",
        "<!",
        "</",
        "<p>&",
        "&#",
        "&#x",
        "<script>",
        "<title>x",
        "<p =>x</p>",
        "<div/><p/>",
    ] {
        let _ = extract(broken, Some("not a url"));
    }
    assert_eq!(
        extract("<p>&#0;&#xD800;&#1114112;</p>", None).text,
        "\u{fffd}\u{fffd}\u{fffd}"
    );
}

#[test]
fn huge_pages_are_cut_with_a_diagnostic() {
    let paragraph =
        "<p>Filler paragraph of a page far larger than any real article would ever be.</p>\n";
    let html = paragraph.repeat(200 * 1024 * 1024 / paragraph.len());
    let article = extract(&html, None);
    assert!(article
        .diagnostics
        .iter()
        .any(|d| d.code == "page-truncated"));
    assert!(article.text.len() <= dateline_html::MAX_PAGE_BYTES);
}

#[test]
fn charset_from_meta_is_applied_before_extraction() {
    let mut bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><article><p>".to_vec();
    bytes.extend_from_slice(b"Le pr\xe9sident a d\xe9clar\xe9 mardi que la r\xe9forme serait retir\xe9e \x96 une premi\xe8re depuis son \xe9lection.");
    bytes.extend_from_slice(b"</p></article></body></html>");
    let article = extract_bytes(&bytes, None, None);
    assert_eq!(article.text, "Le président a déclaré mardi que la réforme serait retirée – une première depuis son élection.");
}

#[test]
fn metadata_from_meta_tags() {
    let html = r#"<html lang="fr-FR"><head><title>Inondations à Lyon | Le Quotidien</title>
        <meta property="og:title" content="Inondations à Lyon">
        <meta property="og:site_name" content="Le Quotidien">
        <meta property="article:published_time" content="2024-03-05T08:30:00+01:00">
        <meta name="author" content="Marie Dupont">
        <link rel="canonical" href="https://quotidien.example/2024/03/05/inondations-lyon">
        </head><body><h1>Inondations à Lyon</h1><p>Texte.</p></body></html>"#;
    let a = extract(html, Some("https://quotidien.example/amp/inondations"));
    assert_eq!(a.title.as_deref(), Some("Inondations à Lyon"));
    assert_eq!(a.site_name.as_deref(), Some("Le Quotidien"));
    assert_eq!(a.published.as_deref(), Some("2024-03-05T08:30:00+01:00"));
    assert_eq!(a.author.as_deref(), Some("Marie Dupont"));
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://quotidien.example/2024/03/05/inondations-lyon")
    );
    assert_eq!(a.language.as_deref(), Some("fr"));
}

#[test]
fn metadata_from_json_ld_time_and_url() {
    let html = r#"<html><head><title>Storm hits coast - Coast News</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Coast News"},
        {"@type":"NewsArticle","headline":"Storm hits coast","datePublished":"2023-10-02T06:00:00Z",
         "author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}],
         "publisher":{"@type":"Organization","name":"Coast News"},"inLanguage":"en-GB"}]}</script>
        </head><body><p>Text.</p></body></html>"#;
    let a = extract(html, None);
    assert_eq!(a.title.as_deref(), Some("Storm hits coast"));
    assert_eq!(a.published.as_deref(), Some("2023-10-02T06:00:00Z"));
    assert_eq!(a.author.as_deref(), Some("A. Writer, B. Writer"));
    assert_eq!(a.site_name.as_deref(), Some("Coast News"));
    assert_eq!(a.language.as_deref(), Some("en"));

    let a = extract(
        "<title>Fire - Daily</title><time datetime=\"2022-01-09\">9 Jan</time>",
        None,
    );
    assert_eq!(a.published.as_deref(), Some("2022-01-09"));
    assert_eq!(a.title.as_deref(), Some("Fire"));
    let a = extract(
        "<p>x</p>",
        Some("https://daily.example/news/2021/07/14/fire-in-town"),
    );
    assert_eq!(a.published.as_deref(), Some("2021-07-14"));
    assert_eq!(a.title, None);
}

#[test]
fn json_ld_article_body_steers_the_choice_between_candidates() {
    let story = [
        "The council voted on Monday to close the old bridge to cars from next spring onwards, after a debate of four hours.",
        "Engineers had warned in a report last year that the structure could no longer carry heavy traffic safely.",
    ];
    let other = [
        "Readers have been sending us their memories of the bridge since it opened in the summer of 1962, and many of them are moving.",
        "One reader recalled crossing it every morning for forty years on the way to work at the paper mill on the other bank.",
        "Another described the night of the great flood, when the water reached the top of the arches and the town held its breath.",
    ];
    let body = format!(
        "<div class=\"a\"><p>{}</p><p>{}</p></div><div class=\"b\"><p>{}</p><p>{}</p><p>{}</p></div>",
        story[0], story[1], other[0], other[1], other[2]
    );
    let without = extract(&page(&body), None);
    // Two sections of comparable weight: both are kept without a hint.
    assert!(
        without.text.starts_with(story[0]) && without.text.ends_with(other[2]),
        "{}",
        without.text
    );
    let ld = format!(
        "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"articleBody\":\"{} {}\"}}</script>",
        story[0], story[1]
    );
    let with = extract(&page(&(ld + &body)), None);
    assert_eq!(with.text, format!("{}\n\n{}", story[0], story[1]));
}

#[test]
fn the_visible_headline_wins_over_a_social_title_with_other_words() {
    // The <title> repeats the headline; og:title is the social-media wording.
    let html = r#"<html lang="en"><head><title>Taylor Swift is allowed to play her music at the AMAs after all - Daily</title>
        <meta property="og:title" content="Taylor Swift's AMA row seems to be over">
        <meta property="og:site_name" content="Daily"></head><body>
        <h1 class="logo">Daily</h1>
        <h1>Taylor Swift is allowed to play her music at the AMAs after all</h1>
        <p>Text.</p></body></html>"#;
    let a = extract(html, None);
    assert_eq!(
        a.title.as_deref(),
        Some("Taylor Swift is allowed to play her music at the AMAs after all")
    );
    // An <h1> of another story (nothing in common with the declared titles) is not the headline.
    let html = r#"<head><meta property="og:title" content="The early reviews for the streaming service are here - Digg"></head>
        <body><h1>Why don't you go fight for the reindeer?</h1><p>Text.</p></body>"#;
    assert_eq!(
        extract(html, None).title.as_deref(),
        Some("The early reviews for the streaming service are here")
    );
}

#[test]
fn the_date_shown_under_the_headline() {
    // Metadata in UTC is the next day; readers see the publisher's local date.
    let html = r#"<html lang="en"><head><meta property="article:published_time" content="2019-11-19T02:24:00Z">
        <title>Browns player speaks about the fight</title></head><body>
        <h1>Browns player speaks about the fight</h1><div>By A. Writer | Nov 18, 2019 at 9:24 pm ET</div>
        <p>Text.</p></body></html>"#;
    assert_eq!(extract(html, None).published.as_deref(), Some("2019-11-18"));
    // A shown date far from the metadata one is not taken over it (it is often the update).
    let html = html.replace("Nov 18, 2019", "Feb 1, 2020");
    assert_eq!(extract(&html, None).published.as_deref(), Some("2019-11-19T02:24:00Z"));
    // A placeholder date in metadata gives way to the shown one; written dates become ISO.
    let html = r#"<html lang="en"><head><meta name="date" content="0001-01-01T00:00:00Z">
        <meta name="pubdate" content="November 19, 2019, 07:47 PM EST"><title>Storm hits the coast</title></head>
        <body><h1>Storm hits the coast</h1><p>Text.</p></body></html>"#;
    assert_eq!(extract(html, None).published.as_deref(), Some("2019-11-19"));
    // No <h1>: the headline is found where the page shows it, the date after it.
    let html = r#"<html lang="pt"><head><title>Atendimento registra arrombamento em veículos</title></head>
        <body><div class="t">Atendimento registra arrombamento em veículos</div>
        <span>05/10/2018 - Publicado por: C. Borba</span><p>Texto.</p></body></html>"#;
    assert_eq!(extract(html, None).published.as_deref(), Some("2018-10-05"));
}
