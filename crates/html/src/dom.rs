//! A tolerant HTML tokenizer and tree builder over an arena.
//!
//! Not a full HTML5 tree builder: it applies the implied-end-tag rules that
//! shape article markup (`<p>`, `<li>`, table cells, headings, unclosed
//! inline tags) and keeps everything else as written. Nesting deeper than
//! [`MAX_DEPTH`] is flattened, so work and memory stay linear in the input
//! and nothing downstream recurses on input depth.

use crate::entities;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiplicative hasher for small keys (tags): the default SipHash showed
/// up in profiles for a map consulted on every tag.
#[derive(Default)]
pub(crate) struct SmallKeyHasher(u64);

impl Hasher for SmallKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u32(u32::from(n));
    }
    fn write_isize(&mut self, n: isize) {
        self.write_u32(n as u32);
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<SmallKeyHasher>>;

pub(crate) const NONE: u32 = u32::MAX;
/// Real pages stay under ~60 levels; deeper nesting is flattened here.
pub(crate) const MAX_DEPTH: usize = 256;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Tag {
    Document,
    Text,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Base,
    Script,
    Style,
    Noscript,
    Template,
    Svg,
    Math,
    Iframe,
    Object,
    Embed,
    Canvas,
    Video,
    Audio,
    Picture,
    Source,
    Img,
    Textarea,
    Select,
    Option,
    Button,
    Input,
    Label,
    Form,
    Fieldset,
    Legend,
    Nav,
    Aside,
    Footer,
    Header,
    Main,
    Article,
    Section,
    Div,
    P,
    H(u8),
    Hgroup,
    Ul,
    Ol,
    Menu,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Caption,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Blockquote,
    Pre,
    Figure,
    Figcaption,
    Address,
    Details,
    Summary,
    Dialog,
    Center,
    Br,
    Hr,
    Wbr,
    Area,
    Col,
    Param,
    Track,
    A,
    Time,
    /// Any other element, by interned name; treated as inline.
    Other(u32),
}

impl Tag {
    fn void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Meta | Link
                | Base
                | Img
                | Input
                | Br
                | Hr
                | Wbr
                | Area
                | Col
                | Param
                | Track
                | Source
                | Embed
        )
    }

    /// Elements that start a new block of text.
    pub(crate) fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Document
                | Html
                | Head
                | Body
                | Title
                | Form
                | Fieldset
                | Legend
                | Nav
                | Aside
                | Footer
                | Header
                | Main
                | Article
                | Section
                | Div
                | P
                | H(_)
                | Hgroup
                | Ul
                | Ol
                | Menu
                | Li
                | Dl
                | Dt
                | Dd
                | Table
                | Caption
                | Thead
                | Tbody
                | Tfoot
                | Tr
                | Td
                | Th
                | Blockquote
                | Pre
                | Figure
                | Figcaption
                | Address
                | Details
                | Summary
                | Dialog
                | Center
                | Hr
                | Template
                | Noscript
        )
    }

    /// Blocks whose start implies the end of an open `<p>`.
    fn closes_p(self) -> bool {
        self.is_block()
            && !matches!(
                self,
                Tag::Document
                    | Tag::Html
                    | Tag::Head
                    | Tag::Body
                    | Tag::Title
                    | Tag::Td
                    | Tag::Th
                    | Tag::Tr
                    | Tag::Caption
                    | Tag::Thead
                    | Tag::Tbody
                    | Tag::Tfoot
                    | Tag::Template
                    | Tag::Noscript
                    | Tag::Legend
            )
    }

    /// Where searches for an element to close implicitly stop.
    fn scope_boundary(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Html | Body | Table | Td | Th | Caption | Template | Button | Object
        )
    }

    fn raw_text(self) -> bool {
        use Tag::*;
        matches!(self, Script | Style | Noscript | Iframe | Textarea | Title)
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Node {
    pub tag: Tag,
    pub parent: u32,
    pub first_child: u32,
    pub last_child: u32,
    pub next_sibling: u32,
    /// Attribute range in [`Dom::attrs`], or text range in [`Dom::text`].
    pub start: u32,
    pub end: u32,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Attr {
    name: (u32, u32),
    value: (u32, u32),
}

pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    /// All text content, entities decoded and whitespace collapsed.
    pub text: String,
    attrs: Vec<Attr>,
    /// Attribute names (lowercased) and values (decoded), back to back.
    attr_text: String,
    other_names: FastMap<String, u32>,
    pub flattened: bool,
}

impl Dom {
    pub fn children(&self, id: u32) -> Children<'_> {
        Children {
            dom: self,
            next: self.node(id).map_or(NONE, |n| n.first_child),
        }
    }

    pub fn node(&self, id: u32) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    pub fn tag(&self, id: u32) -> Tag {
        self.node(id).map_or(Tag::Document, |n| n.tag)
    }

    pub fn text_of(&self, id: u32) -> &str {
        match self.node(id) {
            Some(n) if n.tag == Tag::Text => self
                .text
                .get(n.start as usize..n.end as usize)
                .unwrap_or(""),
            _ => "",
        }
    }

    pub fn attr(&self, id: u32, name: &str) -> Option<&str> {
        let node = self.node(id)?;
        if node.tag == Tag::Text {
            return None;
        }
        let attrs = self.attrs.get(node.start as usize..node.end as usize)?;
        attrs
            .iter()
            .find(|a| self.slice(a.name) == name)
            .map(|a| self.slice(a.value))
    }

    /// All attributes of an element as (lowercased name, decoded value).
    pub fn attrs(&self, id: u32) -> impl Iterator<Item = (&str, &str)> {
        let attrs = match self.node(id) {
            Some(n) if n.tag != Tag::Text => self
                .attrs
                .get(n.start as usize..n.end as usize)
                .unwrap_or(&[]),
            _ => &[],
        };
        attrs
            .iter()
            .map(|a| (self.slice(a.name), self.slice(a.value)))
    }

    fn slice(&self, (start, end): (u32, u32)) -> &str {
        self.attr_text
            .get(start as usize..end as usize)
            .unwrap_or("")
    }

    /// All text under `id` (document order), for short fields like titles.
    pub fn collect_text(&self, id: u32, limit: usize) -> String {
        let mut out = String::new();
        let end = self.subtree_end(id);
        for n in id..end {
            if out.len() >= limit {
                break;
            }
            if self.tag(n) == Tag::Text {
                out.push_str(self.text_of(n));
            }
        }
        out.trim().to_string()
    }

    /// Nodes are numbered in document order, so a subtree is the id range
    /// from its root up to (not including) the next node outside it.
    pub fn subtree_end(&self, id: u32) -> u32 {
        let mut at = id;
        loop {
            let Some(n) = self.node(at) else {
                return self.nodes.len() as u32;
            };
            if n.next_sibling != NONE {
                return n.next_sibling;
            }
            if n.parent == NONE {
                return self.nodes.len() as u32;
            }
            at = n.parent;
        }
    }
}

pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: u32,
}

impl Iterator for Children<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let id = self.next;
        let node = self.dom.node(id)?;
        self.next = node.next_sibling;
        Some(id)
    }
}

struct Builder<'a> {
    src: &'a str,
    dom: Dom,
    stack: Vec<u32>,
    open_count: FastMap<Tag, u32>,
}

/// Parses a page. Never fails; the document node is id 0.
pub(crate) fn parse(src: &str) -> Dom {
    let mut b = Builder {
        src,
        dom: Dom {
            nodes: Vec::with_capacity(src.len() / 40),
            text: String::with_capacity(src.len() / 4),
            attrs: Vec::new(),
            attr_text: String::new(),
            other_names: FastMap::default(),
            flattened: false,
        },
        stack: vec![0],
        open_count: FastMap::default(),
    };
    b.dom.nodes.push(Node {
        tag: Tag::Document,
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        next_sibling: NONE,
        start: 0,
        end: 0,
    });
    b.run();
    b.dom
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn find_ci(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    loop {
        let rest = haystack.get(at..)?;
        let off = memchr::memchr(first, rest)?;
        at += off;
        if haystack
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        at += 1;
    }
}

impl Builder<'_> {
    fn run(&mut self) {
        let bytes = self.src.as_bytes();
        let len = bytes.len();
        let mut pos = 0;
        while pos < len {
            let Some(lt) =
                memchr::memchr(b'<', bytes.get(pos..).unwrap_or_default()).map(|o| pos + o)
            else {
                self.add_text(pos, len);
                break;
            };
            if lt > pos {
                self.add_text(pos, lt);
            }
            pos = match bytes.get(lt + 1) {
                Some(b'!') => {
                    if bytes.get(lt + 2..lt + 4) == Some(b"--") {
                        memchr::memmem::find(bytes.get(lt + 4..).unwrap_or_default(), b"-->")
                            .map_or(len, |e| lt + 4 + e + 3)
                    } else {
                        memchr::memchr(b'>', bytes.get(lt..).unwrap_or_default())
                            .map_or(len, |e| lt + e + 1)
                    }
                }
                Some(b'?') => memchr::memchr(b'>', bytes.get(lt..).unwrap_or_default())
                    .map_or(len, |e| lt + e + 1),
                Some(b'/') => self.end_tag(lt),
                Some(c) if c.is_ascii_alphabetic() => self.start_tag(lt),
                _ => {
                    self.add_text(lt, lt + 1);
                    lt + 1
                }
            };
        }
    }

    fn tag_for(&mut self, name: &str) -> Tag {
        use Tag::*;
        match name {
            "html" => Html,
            "head" => Head,
            "body" => Body,
            "title" => Title,
            "meta" => Meta,
            "link" => Link,
            "base" => Base,
            "script" => Script,
            "style" => Style,
            "noscript" => Noscript,
            "template" => Template,
            "svg" => Svg,
            "math" => Math,
            "iframe" => Iframe,
            "object" => Object,
            "embed" => Embed,
            "canvas" => Canvas,
            "video" => Video,
            "audio" => Audio,
            "picture" => Picture,
            "source" => Source,
            "img" => Img,
            "textarea" => Textarea,
            "select" => Select,
            "option" => Option,
            "button" => Button,
            "input" => Input,
            "label" => Label,
            "form" => Form,
            "fieldset" => Fieldset,
            "legend" => Legend,
            "nav" => Nav,
            "aside" => Aside,
            "footer" => Footer,
            "header" => Header,
            "main" => Main,
            "article" => Article,
            "section" => Section,
            "div" => Div,
            "p" => P,
            "h1" => H(1),
            "h2" => H(2),
            "h3" => H(3),
            "h4" => H(4),
            "h5" => H(5),
            "h6" => H(6),
            "hgroup" => Hgroup,
            "ul" => Ul,
            "ol" => Ol,
            "menu" => Menu,
            "li" => Li,
            "dl" => Dl,
            "dt" => Dt,
            "dd" => Dd,
            "table" => Table,
            "caption" => Caption,
            "thead" => Thead,
            "tbody" => Tbody,
            "tfoot" => Tfoot,
            "tr" => Tr,
            "td" => Td,
            "th" => Th,
            "blockquote" => Blockquote,
            "pre" => Pre,
            "figure" => Figure,
            "figcaption" => Figcaption,
            "address" => Address,
            "details" => Details,
            "summary" => Summary,
            "dialog" => Dialog,
            "center" => Center,
            "br" => Br,
            "hr" => Hr,
            "wbr" => Wbr,
            "area" => Area,
            "col" => Col,
            "param" => Param,
            "track" => Track,
            "a" => A,
            "time" => Time,
            _ => {
                let next = self.dom.other_names.len() as u32;
                Other(*self.dom.other_names.entry(name.to_string()).or_insert(next))
            }
        }
    }

    /// Reads a tag name at `at`, lowercased into `buf`; returns where it ends.
    fn read_name(&self, mut at: usize, buf: &mut String) -> usize {
        let bytes = self.src.as_bytes();
        let start = at;
        while let Some(&b) = bytes.get(at) {
            if is_space(b) || b == b'/' || b == b'>' {
                break;
            }
            at += 1;
        }
        buf.clear();
        if let Some(name) = self.src.get(start..at) {
            buf.push_str(name);
            buf.make_ascii_lowercase();
        }
        at
    }

    fn end_tag(&mut self, lt: usize) -> usize {
        let bytes = self.src.as_bytes();
        let len = bytes.len();
        let after_gt =
            memchr::memchr(b'>', bytes.get(lt..).unwrap_or_default()).map_or(len, |e| lt + e + 1);
        if !bytes.get(lt + 2).is_some_and(|b| b.is_ascii_alphabetic()) {
            return after_gt; // `</>` or a bogus comment
        }
        let mut name = String::new();
        self.read_name(lt + 2, &mut name);
        let tag = self.tag_for(&name);
        match tag {
            Tag::Br => {
                self.open_element(Tag::Br, 0, 0);
            }
            Tag::Body | Tag::Html => {}
            _ => self.close_element(tag),
        }
        after_gt
    }

    fn close_element(&mut self, tag: Tag) {
        if self.open_count.get(&tag).copied().unwrap_or(0) == 0 {
            return;
        }
        let inline = !tag.is_block();
        for i in (0..self.stack.len()).rev() {
            let here = self.dom.tag(self.stack.get(i).copied().unwrap_or(0));
            if here == tag {
                self.pop_to(i);
                return;
            }
            // An inline end tag does not reach out of a block (`</b>` cannot close
            // a `<div>` opened inside the `<b>`), nor anything past a boundary.
            if (inline && here.is_block()) || here.scope_boundary() {
                return;
            }
        }
    }

    /// Pops the stack so that index `i` and above are closed.
    fn pop_to(&mut self, i: usize) {
        while self.stack.len() > i.max(1) {
            if let Some(id) = self.stack.pop() {
                let tag = self.dom.tag(id);
                if let Some(c) = self.open_count.get_mut(&tag) {
                    *c = c.saturating_sub(1);
                }
            }
        }
    }

    /// Closes the nearest open element matching `want`, searching down the
    /// stack until a boundary matched by `stop`.
    fn close_implied(&mut self, want: impl Fn(Tag) -> bool, stop: impl Fn(Tag) -> bool) {
        for i in (1..self.stack.len()).rev() {
            let here = self.dom.tag(self.stack.get(i).copied().unwrap_or(0));
            if want(here) {
                self.pop_to(i);
                return;
            }
            if stop(here) || here.scope_boundary() {
                return;
            }
        }
    }

    fn start_tag(&mut self, lt: usize) -> usize {
        let bytes = self.src.as_bytes();
        let len = bytes.len();
        let mut name = String::new();
        let mut at = self.read_name(lt + 1, &mut name);
        let tag = self.tag_for(&name);
        let attr_start = self.dom.attrs.len() as u32;
        let mut self_closing = false;
        loop {
            while bytes.get(at).is_some_and(|&b| is_space(b)) {
                at += 1;
            }
            match bytes.get(at) {
                None => break,
                Some(b'>') => {
                    at += 1;
                    break;
                }
                Some(b'/') => {
                    at += 1;
                    self_closing = bytes.get(at) == Some(&b'>');
                    continue;
                }
                _ => {}
            }
            // Attribute name: at least one byte, so `=` alone cannot loop.
            let name_start = at;
            at += 1;
            while let Some(&b) = bytes.get(at) {
                if is_space(b) || b == b'/' || b == b'>' || b == b'=' {
                    break;
                }
                at += 1;
            }
            let name_end = at;
            while bytes.get(at).is_some_and(|&b| is_space(b)) {
                at += 1;
            }
            let (mut value_start, mut value_end) = (at, at);
            if bytes.get(at) == Some(&b'=') {
                at += 1;
                while bytes.get(at).is_some_and(|&b| is_space(b)) {
                    at += 1;
                }
                match bytes.get(at) {
                    Some(&q @ (b'"' | b'\'')) => {
                        value_start = at + 1;
                        value_end = memchr::memchr(q, bytes.get(value_start..).unwrap_or_default())
                            .map_or(len, |e| value_start + e);
                        at = (value_end + 1).min(len);
                    }
                    _ => {
                        value_start = at;
                        while let Some(&b) = bytes.get(at) {
                            if is_space(b) || b == b'>' {
                                break;
                            }
                            at += 1;
                        }
                        value_end = at;
                    }
                }
            }
            self.add_attr(name_start, name_end, value_start, value_end);
        }
        let attr_end = self.dom.attrs.len() as u32;
        let node = self.open_element_with(tag, attr_start, attr_end, self_closing);

        if tag.raw_text() {
            let close = format!("</{name}");
            let end = find_ci(bytes, at, close.as_bytes()).unwrap_or(len);
            let keep = match tag {
                Tag::Title | Tag::Textarea => true,
                Tag::Script => self
                    .dom
                    .attr(node, "type")
                    .is_some_and(|t| t.contains("ld+json")),
                _ => false,
            };
            if keep {
                let decode = !matches!(tag, Tag::Script);
                self.add_text_node_under(node, at, end, decode);
            }
            self.close_element(tag);
            return memchr::memchr(b'>', bytes.get(end..).unwrap_or_default())
                .map_or(len, |e| end + e + 1);
        }
        at
    }

    fn add_attr(
        &mut self,
        name_start: usize,
        name_end: usize,
        value_start: usize,
        value_end: usize,
    ) {
        let t = &mut self.dom.attr_text;
        let ns = t.len() as u32;
        t.push_str(self.src.get(name_start..name_end).unwrap_or(""));
        let ne = t.len() as u32;
        if let Some(name) = t.get_mut(ns as usize..) {
            name.make_ascii_lowercase();
        }
        let raw = self.src.get(value_start..value_end).unwrap_or("");
        let mut rest = raw;
        while let Some(amp) = rest.find('&') {
            t.push_str(rest.get(..amp).unwrap_or(""));
            let tail = rest.get(amp..).unwrap_or("");
            let used = entities::decode_at(tail, true, t);
            let used = if used == 0 {
                t.push('&');
                1
            } else {
                used
            };
            rest = tail.get(used..).unwrap_or("");
        }
        t.push_str(rest);
        let ve = t.len() as u32;
        self.dom.attrs.push(Attr {
            name: (ns, ne),
            value: (ne, ve),
        });
    }

    fn open_element(&mut self, tag: Tag, attr_start: u32, attr_end: u32) -> u32 {
        self.open_element_with(tag, attr_start, attr_end, false)
    }

    fn open_element_with(
        &mut self,
        tag: Tag,
        attr_start: u32,
        attr_end: u32,
        self_closing: bool,
    ) -> u32 {
        use Tag::*;
        match tag {
            Html | Body | Head if self.open_count.get(&tag).copied().unwrap_or(0) > 0 => {
                return self.stack.last().copied().unwrap_or(0);
            }
            Li => self.close_implied(
                |t| t == Li,
                |t| t.is_block() && !matches!(t, Div | P | Address),
            ),
            Dt | Dd => self.close_implied(
                |t| matches!(t, Dt | Dd),
                |t| t.is_block() && !matches!(t, Div | P | Address),
            ),
            Tr => self.close_implied(|t| t == Tr, |t| matches!(t, Table | Thead | Tbody | Tfoot)),
            Td | Th => self.close_implied(|t| matches!(t, Td | Th), |t| matches!(t, Tr | Table)),
            Thead | Tbody | Tfoot => {
                self.close_implied(|t| matches!(t, Thead | Tbody | Tfoot), |t| t == Table)
            }
            A => self.close_implied(|t| t == A, |t| t.is_block()),
            Option => self.close_implied(|t| t == Option, |t| t != Option),
            _ => {}
        }
        if tag.closes_p() {
            self.close_implied(|t| t == P, |_| false);
        }
        if let H(_) = tag {
            if matches!(self.stack.last().map(|&id| self.dom.tag(id)), Some(H(_))) {
                let top = self.stack.len() - 1;
                self.pop_to(top);
            }
        }
        let parent = self.stack.last().copied().unwrap_or(0);
        let id = self.append_node(parent, tag, attr_start, attr_end);
        // Self-closing syntax only means something on foreign elements; on
        // HTML ones browsers ignore it, but `<div/>` in practice is empty.
        let opens = !tag.void() && (!self_closing || matches!(tag, P | Li | Td | Th | Tr));
        if opens {
            if self.stack.len() < MAX_DEPTH {
                self.stack.push(id);
                *self.open_count.entry(tag).or_insert(0) += 1;
            } else {
                self.dom.flattened = true;
            }
        }
        id
    }

    fn append_node(&mut self, parent: u32, tag: Tag, start: u32, end: u32) -> u32 {
        let id = self.dom.nodes.len() as u32;
        self.dom.nodes.push(Node {
            tag,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            start,
            end,
        });
        let prev_last = match self.dom.nodes.get_mut(parent as usize) {
            Some(p) => {
                let prev = p.last_child;
                if p.first_child == NONE {
                    p.first_child = id;
                }
                p.last_child = id;
                prev
            }
            None => NONE,
        };
        if let Some(prev) = self.dom.nodes.get_mut(prev_last as usize) {
            prev.next_sibling = id;
        }
        id
    }

    fn add_text(&mut self, from: usize, to: usize) {
        let parent = self.stack.last().copied().unwrap_or(0);
        self.add_text_node_under(parent, from, to, true);
    }

    /// Appends source text `[from, to)` under `parent`, decoding references
    /// and collapsing whitespace (including no-break spaces) to one space.
    fn add_text_node_under(&mut self, parent: u32, from: usize, to: usize, decode: bool) {
        let Some(raw) = self.src.get(from..to) else {
            return;
        };
        let start = self.dom.text.len();
        let text = &mut self.dom.text;
        let mut last_space = text.ends_with(' ') || text.is_empty();
        if !decode {
            text.push_str(raw);
        } else {
            let mut rest = raw;
            let mut decoded = String::new();
            loop {
                let cut = rest.find('&').unwrap_or(rest.len());
                for c in rest.get(..cut).unwrap_or("").chars() {
                    push_collapsed(text, c, &mut last_space);
                }
                let Some(tail) = rest.get(cut..).filter(|t| !t.is_empty()) else {
                    break;
                };
                decoded.clear();
                let used = entities::decode_at(tail, false, &mut decoded);
                if used == 0 {
                    push_collapsed(text, '&', &mut last_space);
                    rest = tail.get(1..).unwrap_or("");
                } else {
                    for c in decoded.chars() {
                        push_collapsed(text, c, &mut last_space);
                    }
                    rest = tail.get(used..).unwrap_or("");
                }
            }
        }
        let end = self.dom.text.len();
        if end == start {
            return;
        }
        // Extend the previous text node when adjacent (text split by a comment).
        if let Some(last) = self.dom.nodes.get(parent as usize).map(|p| p.last_child) {
            if let Some(prev) = self.dom.nodes.get_mut(last as usize) {
                if prev.tag == Tag::Text && prev.end as usize == start {
                    prev.end = end as u32;
                    return;
                }
            }
        }
        self.append_node(parent, Tag::Text, start as u32, end as u32);
    }
}

fn push_collapsed(text: &mut String, c: char, last_space: &mut bool) {
    if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}') {
        if !*last_space {
            text.push(' ');
            *last_space = true;
        }
    } else {
        text.push(c);
        *last_space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(dom: &Dom) -> String {
        // Pre-order listing, iterative so it also works on deep trees.
        let mut out = String::new();
        let mut stack = vec![(0u32, 0usize)];
        while let Some((id, depth)) = stack.pop() {
            let tag = dom.tag(id);
            if tag == Tag::Text {
                out.push_str(&format!("{}{:?}\n", " ".repeat(depth), dom.text_of(id)));
            } else if id != 0 {
                out.push_str(&format!("{}{:?}\n", " ".repeat(depth), tag));
            }
            let kids: Vec<u32> = dom.children(id).collect();
            for k in kids.into_iter().rev() {
                stack.push((k, depth + 1));
            }
        }
        out
    }

    #[test]
    fn implied_ends_and_entities() {
        let dom = parse("<ul><li>a &amp; b<li>c</ul><p>one<p>two<div>x</div>");
        assert_eq!(
            outline(&dom),
            " Ul\n  Li\n   \"a & b\"\n  Li\n   \"c\"\n P\n  \"one\"\n P\n  \"two\"\n Div\n  \"x\"\n"
        );
    }

    #[test]
    fn attributes_are_decoded_and_lowercased() {
        let dom = parse("<A HREF='/x?a=1&amp;b=2' Class=story>t</A>");
        assert_eq!(dom.attr(1, "href"), Some("/x?a=1&b=2"));
        assert_eq!(dom.attr(1, "class"), Some("story"));
    }

    #[test]
    fn raw_text_is_skipped_and_json_ld_kept() {
        let dom = parse("<script>if (a<b) x='</p>'</script><script type=\"application/ld+json\">{\"a\":1}</script><p>ok</p>");
        assert_eq!(
            outline(&dom),
            " Script\n Script\n  \"{\\\"a\\\":1}\"\n P\n  \"ok\"\n"
        );
    }

    #[test]
    fn inline_end_tag_does_not_close_block() {
        let dom = parse("<b><div>x</b>y</div>");
        assert_eq!(outline(&dom), " Other(0)\n  Div\n   \"xy\"\n");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let page = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let dom = parse(&page);
        assert!(dom.flattened);
        assert_eq!(dom.nodes.len(), 100_002);
    }
}
