//! Main-text extraction: which part of the page is the article.
//!
//! 1. Mark subtrees that are never article text (scripts, forms, hidden
//!    elements) and those hinted as boilerplate by tag (`nav`, `footer`) or
//!    by class/id tokens (`comments`, `related`, `share`), unless they hold
//!    most of the page's prose.
//! 2. Cut the remaining text into blocks (runs of inline text between block
//!    boundaries) and rate each: long, sentence-like, link-poor blocks are
//!    prose; the rest is clutter.
//! 3. The container is the element maximising prose minus a share of
//!    clutter beneath it (nodes are numbered in document order, so every
//!    subtree is one id range and every sum is one reverse pass).
//! 4. Emit the container's blocks, dropping link lists and clutter lines.

use crate::dom::{Dom, FastMap, Tag, NONE};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

/// A block shorter than this (bytes) is prose only when it ends a sentence.
const PROSE_MIN: usize = 80;
const SENTENCE_MIN: usize = 30;
/// Share of link text above which a block is navigation.
const LINK_DENSITY_MAX: f32 = 0.35;
/// Prose confirmed by the page's JSON-LD `articleBody` weighs this much more.
const CONFIRMED_WEIGHT: f32 = 2.0;
/// And prose it does not contain weighs this much less.
const UNCONFIRMED_WEIGHT: f32 = 0.5;
/// A JSON-LD `articleBody` shorter than this (bytes) is a summary, not a reference.
const REFERENCE_MIN: usize = 200;
/// A class/id hint this strong marks the article body itself.
const STRONG_HINT: i32 = 3;
/// Score bonus per point of positive class/id hint on a core or its parent.
const HINT_BONUS: f32 = 0.15;
/// Share of added teasers and clutter that added large cores must outweigh to climb.
const CLIMB_COST: f32 = 0.5;
/// A single-paragraph core counts as large only with this share of the best's prose.
const LONE_SHARE: f32 = 0.5;
/// A core joins the container when it holds this share of the best's prose.
const CORE_SHARE: f32 = 0.2;
/// A boilerplate-hinted element is kept when it holds this share of prose.
const KEEP_SHARE: f32 = 0.7;

struct Hints {
    exact: FastMap<&'static str, i32>,
    prefix: Vec<(&'static str, i32)>,
}

fn hints() -> &'static Hints {
    static HINTS: OnceLock<Hints> = OnceLock::new();
    HINTS.get_or_init(|| {
        let mut hints = Hints {
            exact: FastMap::default(),
            prefix: Vec::new(),
        };
        for line in include_str!("../resources/hints.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((token, weight)) = line.split_once('\t') else {
                continue;
            };
            let Ok(weight) = weight.trim().parse::<i32>() else {
                continue;
            };
            match token.strip_suffix('*') {
                Some(prefix) => hints.prefix.push((prefix, weight)),
                None => {
                    hints.exact.insert(token, weight);
                }
            }
        }
        hints
    })
}

/// Sum of hint weights of the tokens in `value`.
fn hint_score(value: &str, buf: &mut String) -> i32 {
    let hints = hints();
    let mut score = 0;
    for token in value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        buf.clear();
        buf.push_str(token);
        buf.make_ascii_lowercase();
        if let Some(w) = hints.exact.get(buf.as_str()) {
            score += w;
        } else if let Some((_, w)) = hints.prefix.iter().find(|(p, _)| buf.starts_with(p)) {
            score += w;
        }
    }
    score
}

/// Class/id/itemprop hint score and whether the element is hidden, in one
/// pass over its attributes.
fn element_hint(dom: &Dom, id: u32, buf: &mut String) -> (i32, bool) {
    let mut score = 0;
    let mut is_hidden = false;
    for (name, value) in dom.attrs(id) {
        match name {
            "class" | "id" | "itemprop" => score += hint_score(value, buf),
            "hidden" => is_hidden = true,
            "aria-hidden" => is_hidden |= value == "true",
            "style" => is_hidden |= hidden_style(value, buf),
            _ => {}
        }
    }
    (score, is_hidden)
}

fn hidden_style(style: &str, buf: &mut String) -> bool {
    buf.clear();
    buf.extend(style.chars().filter(|c| !c.is_whitespace()));
    buf.make_ascii_lowercase();
    buf.contains("display:none") || buf.contains("visibility:hidden")
}

fn never_text(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Head | Title
            | Script
            | Style
            | Noscript
            | Template
            | Svg
            | Math
            | Iframe
            | Object
            | Embed
            | Canvas
            | Video
            | Audio
            | Select
            | Option
            | Button
            | Input
            | Textarea
            | Dialog
    )
}

fn boilerplate_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Nav | Tag::Aside | Tag::Footer | Tag::Header | Tag::Figcaption | Tag::Figure
    )
}

/// A run of inline text between block boundaries.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Block {
    /// Nearest block-level element holding the text.
    owner: u32,
    start: usize,
    end: usize,
    link_len: usize,
}

struct Blocks {
    text: String,
    list: Vec<Block>,
}

/// Cuts the non-skipped text into blocks, in document order.
fn blocks(dom: &Dom, skip: &[bool]) -> Blocks {
    let n = dom.nodes.len();
    let mut owner = vec![0u32; n];
    let mut in_link = vec![false; n];
    let mut out = Blocks {
        text: String::new(),
        list: Vec::new(),
    };
    let mut cur: Option<Block> = None;
    let mut last_was_br = false;
    let mut id = 0u32;
    while (id as usize) < n {
        if skip.get(id as usize).copied().unwrap_or(true) {
            id = dom.subtree_end(id);
            continue;
        }
        let Some(node) = dom.node(id) else { break };
        let parent = node.parent;
        let parent_owner = owner.get(parent as usize).copied().unwrap_or(0);
        let here_owner = if node.tag.is_block() || id == 0 {
            id
        } else {
            parent_owner
        };
        if let Some(o) = owner.get_mut(id as usize) {
            *o = here_owner;
        }
        let link = node.tag == Tag::A || in_link.get(parent as usize).copied().unwrap_or(false);
        if let Some(l) = in_link.get_mut(id as usize) {
            *l = link;
        }
        match node.tag {
            Tag::Text => {
                let text = dom.text_of(id);
                let owner_changed = cur.is_some_and(|b| b.owner != here_owner);
                if owner_changed {
                    finish(&mut out, &mut cur);
                }
                let block = cur.get_or_insert(Block {
                    owner: here_owner,
                    start: out.text.len(),
                    end: 0,
                    link_len: 0,
                });
                if out.text.len() == block.start {
                    out.text.push_str(text.trim_start());
                } else {
                    out.text.push_str(text);
                }
                if link {
                    block.link_len += text.trim().len();
                }
                last_was_br = false;
            }
            Tag::Br => {
                if last_was_br {
                    // `<br><br>` separates paragraphs in older markup.
                    finish(&mut out, &mut cur);
                } else if cur.is_some() {
                    out.text.push('\n');
                }
                last_was_br = true;
            }
            Tag::Img | Tag::Wbr => {}
            _ if node.tag.is_block() || node.tag == Tag::Hr => {
                finish(&mut out, &mut cur);
                last_was_br = false;
            }
            _ => {}
        }
        id += 1;
    }
    finish(&mut out, &mut cur);
    out
}

fn finish(out: &mut Blocks, cur: &mut Option<Block>) {
    let Some(mut block) = cur.take() else { return };
    let trimmed_len = out
        .text
        .get(block.start..)
        .map_or(0, |t| t.trim_end().len());
    out.text.truncate(block.start + trimmed_len);
    block.end = out.text.len();
    if block.end > block.start {
        out.list.push(block);
    } else {
        out.text.truncate(block.start);
    }
}

fn block_text<'a>(blocks: &'a Blocks, b: &Block) -> &'a str {
    blocks.text.get(b.start..b.end).unwrap_or("")
}

/// How many bytes of a block count as prose (0 when it is clutter).
fn prose_len(text: &str, link_len: usize) -> usize {
    let len = text.len();
    if len == 0 || link_len as f32 > LINK_DENSITY_MAX * len as f32 {
        return 0;
    }
    let ends_sentence = text.trim_end().ends_with([
        '.', '!', '?', '"', '\u{201d}', '\u{bb}', ':', ')', '\u{3002}',
    ]);
    if len >= PROSE_MIN || (len >= SENTENCE_MIN && ends_sentence) {
        len - link_len
    } else {
        0
    }
}

/// Per node: prose and clutter bytes beneath it.
fn sums(dom: &Dom, blocks: &Blocks) -> (Vec<f32>, Vec<f32>) {
    let n = dom.nodes.len();
    let mut prose = vec![0f32; n];
    let mut clutter = vec![0f32; n];
    for b in &blocks.list {
        let text = block_text(blocks, b);
        let p = prose_len(text, b.link_len) as f32;
        if let Some(x) = prose.get_mut(b.owner as usize) {
            *x += p;
        }
        if let Some(x) = clutter.get_mut(b.owner as usize) {
            *x += text.len() as f32 - p;
        }
    }
    for id in (1..n).rev() {
        let parent = dom.nodes.get(id).map_or(NONE, |x| x.parent) as usize;
        let (p, c) = (
            prose.get(id).copied().unwrap_or(0.0),
            clutter.get(id).copied().unwrap_or(0.0),
        );
        if let Some(x) = prose.get_mut(parent) {
            *x += p;
        }
        if let Some(x) = clutter.get_mut(parent) {
            *x += c;
        }
    }
    (prose, clutter)
}

/// Word 4-grams of a reference text (JSON-LD `articleBody`), hashed.
struct Shingles(HashSet<u64>);

impl Shingles {
    fn new(text: &str) -> Self {
        let mut set = HashSet::new();
        for_each_shingle(text, |h| {
            set.insert(h);
        });
        Shingles(set)
    }

    /// Whether most of the block's word 4-grams occur in the reference.
    fn covers(&self, text: &str) -> bool {
        let (mut seen, mut found) = (0usize, 0usize);
        for_each_shingle(text, |h| {
            seen += 1;
            found += usize::from(self.0.contains(&h));
        });
        seen > 0 && found * 2 >= seen
    }
}

/// Calls `f` with a hash of every run of four consecutive words (lowercased
/// alphanumeric runs), without allocating per word.
fn for_each_shingle(text: &str, mut f: impl FnMut(u64)) {
    let mut window = [0u64; 4];
    let mut words = 0usize;
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut h = DefaultHasher::new();
        for c in word.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
        window.rotate_left(1);
        window[3] = h.finish();
        words += 1;
        if words >= 4 {
            let mut all = DefaultHasher::new();
            window.hash(&mut all);
            f(all.finish());
        }
    }
}

/// Prose bytes credited to the element that holds each paragraph.
fn credited_prose(
    dom: &Dom,
    blocks: &Blocks,
    reference: Option<&Shingles>,
) -> (Vec<f32>, Vec<u32>) {
    let mut direct = vec![0f32; dom.nodes.len()];
    let mut count = vec![0u32; dom.nodes.len()];
    for b in &blocks.list {
        let text = block_text(blocks, b);
        let mut p = prose_len(text, b.link_len) as f32;
        if p <= 0.0 {
            continue;
        }
        // With a reference, prose it does not contain never makes a large
        // core: the count stays 0 and only the weight is credited.
        let mut counted = 1;
        if let Some(reference) = reference {
            if reference.covers(text) {
                p *= CONFIRMED_WEIGHT;
            } else {
                p *= UNCONFIRMED_WEIGHT;
                counted = 0;
            }
        }
        let paragraph = matches!(
            dom.tag(b.owner),
            Tag::P
                | Tag::H(_)
                | Tag::Li
                | Tag::Dd
                | Tag::Dt
                | Tag::Pre
                | Tag::Blockquote
                | Tag::Figcaption
        );
        let holder = if paragraph {
            dom.node(b.owner).map_or(b.owner, |x| x.parent)
        } else {
            b.owner
        };
        if let Some(x) = direct.get_mut(holder as usize) {
            *x += p;
        }
        if let Some(x) = count.get_mut(holder as usize) {
            *x += counted;
        }
    }
    (direct, count)
}

/// The article's main text, or an empty string when the page has none.
pub(crate) fn main_text(dom: &Dom, article_body: Option<&str>) -> String {
    let n = dom.nodes.len();
    let mut buf = String::new();

    // Pass 1: subtrees that are never text (inherited top-down; parents
    // always have smaller ids).
    let mut skip = vec![false; n];
    let mut hint = vec![0i32; n];
    for id in 0..n {
        let Some(node) = dom.nodes.get(id) else { break };
        if node.tag == Tag::Text {
            continue;
        }
        let inherited = skip.get(node.parent as usize).copied().unwrap_or(false);
        let (score, is_hidden) = element_hint(dom, id as u32, &mut buf);
        let own = never_text(node.tag) || (id != 0 && is_hidden);
        if let Some(s) = skip.get_mut(id) {
            *s = inherited || own;
        }
        if let Some(h) = hint.get_mut(id) {
            *h = score;
        }
    }
    for id in 0..n {
        let parent = dom.nodes.get(id).map_or(NONE, |x| x.parent) as usize;
        if dom.nodes.get(id).is_some_and(|x| x.tag == Tag::Text)
            && skip.get(parent).copied().unwrap_or(false)
        {
            if let Some(s) = skip.get_mut(id) {
                *s = true;
            }
        }
    }

    // Pass 2: boilerplate regions, unless they hold most of the prose (a
    // page whose article sits in `<div class="main sidebar-layout">`).
    let first = blocks(dom, &skip);
    let (prose, _) = sums(dom, &first);
    let total = prose.first().copied().unwrap_or(0.0);
    // Layout wrappers named after a rail or sidebar often hold the article
    // itself; an element marked as the article body inside them wins.
    let mut holds_positive: Vec<bool> = hint.iter().map(|&h| h >= STRONG_HINT).collect();
    for id in (1..n).rev() {
        if holds_positive.get(id).copied().unwrap_or(false) {
            let parent = dom.nodes.get(id).map_or(NONE, |x| x.parent) as usize;
            if let Some(p) = holds_positive.get_mut(parent) {
                *p = true;
            }
        }
    }
    for id in 0..n {
        let Some(node) = dom.nodes.get(id) else { break };
        if node.tag == Tag::Text || skip.get(id).copied().unwrap_or(true) {
            continue;
        }
        let boiler = boilerplate_tag(node.tag) || hint.get(id).copied().unwrap_or(0) < 0;
        let holds_article = holds_positive.get(id).copied().unwrap_or(false)
            || prose.get(id).copied().unwrap_or(0.0) >= KEEP_SHARE * total;
        if boiler && !holds_article {
            let end = dom.subtree_end(id as u32) as usize;
            for s in skip.iter_mut().take(end).skip(id) {
                *s = true;
            }
        }
    }

    let blocks = blocks(dom, &skip);
    let (prose, clutter) = sums(dom, &blocks);

    // Pass 3: the container. Prose is credited to the element holding the
    // paragraphs (the parent of a `<p>`, or a `<div>` with its own text);
    // the best such core, plus cores of comparable size close to it (an
    // article split into sections around ads), make the container. Teasers
    // of other stories are each credited to their own small core and stay out.
    let reference = article_body
        .filter(|b| b.len() >= REFERENCE_MIN)
        .map(Shingles::new);
    let (direct, paragraphs) = credited_prose(dom, &blocks, reference.as_ref());
    let weight = |id: usize| -> f32 {
        let own = hint.get(id).copied().unwrap_or(0);
        let parent = dom.nodes.get(id).map_or(NONE, |x| x.parent) as usize;
        let near = own.max(hint.get(parent).copied().unwrap_or(0)).clamp(0, 6);
        let tag = if matches!(dom.tag(id as u32), Tag::Article | Tag::Main) {
            0.1
        } else {
            0.0
        };
        1.0 + HINT_BONUS * near as f32 + tag
    };
    let mut best = (0u32, 0f32);
    for (id, &d) in direct.iter().enumerate() {
        if d > 0.0 && d * weight(id) > best.1 {
            best = (id as u32, d * weight(id));
        }
    }
    let core = best.0;
    let core_prose = direct.get(core as usize).copied().unwrap_or(0.0);
    // Prose of the large cores under each node, and everything else.
    let big = (CORE_SHARE * core_prose).max(PROSE_MIN as f32);
    // A lone paragraph under its own holder is how teasers look; a section
    // of the article has several, or is large by itself.
    let is_big = |(&d, &count): (&f32, &u32)| {
        d >= big && (count >= 2 || (count == 1 && d >= LONE_SHARE * core_prose))
    };
    let mut big_prose: Vec<f32> = direct
        .iter()
        .zip(&paragraphs)
        .map(|pair| if is_big(pair) { *pair.0 } else { 0.0 })
        .collect();
    for id in (1..n).rev() {
        let parent = dom.nodes.get(id).map_or(NONE, |x| x.parent) as usize;
        let v = big_prose.get(id).copied().unwrap_or(0.0);
        if let Some(x) = big_prose.get_mut(parent) {
            *x += v;
        }
    }
    let other = |id: u32| -> f32 {
        let i = id as usize;
        prose.get(i).copied().unwrap_or(0.0) - big_prose.get(i).copied().unwrap_or(0.0)
            + clutter.get(i).copied().unwrap_or(0.0)
    };
    // Climb from the core to an ancestor whenever the large cores it adds
    // outweigh the teasers and clutter it adds.
    let mut container = core;
    let mut at = core;
    while let Some(parent) = dom.node(at).map(|x| x.parent).filter(|&p| p != NONE) {
        at = parent;
        let gain = big_prose.get(at as usize).copied().unwrap_or(0.0)
            - big_prose.get(container as usize).copied().unwrap_or(0.0);
        let cost = other(at) - other(container);
        if gain > 0.0 && gain > CLIMB_COST * cost {
            container = at;
        }
    }
    let end = dom.subtree_end(container);

    // Pass 4: emit.
    let mut out = String::new();
    let mut prev_owner_tag = Tag::Document;
    for b in blocks
        .list
        .iter()
        .filter(|b| b.owner >= container && b.owner < end)
    {
        let text = block_text(&blocks, b);
        if b.link_len as f32 > 0.5 * text.len() as f32 {
            continue;
        }
        let tag = dom.tag(b.owner);
        if !out.is_empty() {
            out.push_str(if tag == Tag::Li && prev_owner_tag == Tag::Li {
                "\n"
            } else {
                "\n\n"
            });
        }
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(line.trim());
        }
        prev_owner_tag = tag;
    }
    out
}
