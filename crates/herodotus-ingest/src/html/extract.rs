//! Main-text extraction: finds the article body of a news page and renders it
//! as paragraphs, dropping navigation, ads, comments, related links, captions
//! and boilerplate.
//!
//! The method is Readability's (paragraph scores flow to their ancestors, the
//! best-scoring container wins, its siblings join when similar), on the
//! compact tree of [`super::dom`], with news-specific cues: boilerplate
//! class/id names, ARIA roles, `itemprop=articleBody`, and trailers such as
//! "Related" or "Share this" removed after rendering.

use super::dom::{AttrName, Document, NodeId, Tag, NONE};
use super::render::TextBuilder;

/// Class/id fragments of elements that are unlikely to hold the article
/// (Readability's list), unless they also look like content.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Fragments that rescue an [`UNLIKELY`] match.
const MAYBE_CANDIDATE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

/// Fragments of boilerplate so clear that content-looking names do not rescue them.
const BOILERPLATE: &[&str] = &[
    "comment",
    "disqus",
    "related",
    "recommend",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "sign-up",
    "promo",
    "outbrain",
    "taboola",
    "advert",
    "sponsor",
    "breadcrumb",
    "cookie",
    "caption",
    "byline",
    "most-popular",
    "mostpopular",
    "trending",
    "recirc",
    "read-more",
    "readmore",
    "more-stories",
    "paywall",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader",
    "print-only",
    "hidden-print",
    "author-bio",
    "about-author",
    "author-info",
    "author-box",
    "authorbox",
    "credit",
    "toolbar",
    "tags",
    "topics",
];

/// Readability's positive class/id fragments.
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

/// Readability's negative class/id fragments.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Per-node measurements, indexed by node id.
struct Stats {
    removed: Vec<bool>,
    weight: Vec<i16>,
    /// Non-whitespace bytes of text in the subtree.
    len: Vec<u32>,
    /// Of which inside links.
    link: Vec<u32>,
    /// Text directly inside (text children and inline elements).
    inline: Vec<u32>,
    commas: Vec<u32>,
    p: Vec<u32>,
    img: Vec<u32>,
    li: Vec<u32>,
    input: Vec<u32>,
    embed: Vec<u32>,
    block_child: Vec<bool>,
    in_figure: Vec<bool>,
    score: Vec<f32>,
    candidate: Vec<bool>,
}

fn lower_names(doc: &Document, id: NodeId) -> Option<String> {
    let class = doc.attr(id, AttrName::Class);
    let ident = doc.attr(id, AttrName::Id);
    if class.is_none() && ident.is_none() {
        return None;
    }
    let mut s = String::new();
    if let Some(c) = class {
        s.push_str(c);
    }
    if let Some(i) = ident {
        s.push(' ');
        s.push_str(i);
    }
    s.make_ascii_lowercase();
    Some(s)
}

const IS_UNLIKELY: u8 = 1;
const IS_MAYBE: u8 = 2;
const IS_BOILERPLATE: u8 = 4;
const IS_POSITIVE: u8 = 8;
const IS_NEGATIVE: u8 = 16;
const IS_BODY: u8 = 32;
const IS_COMMENT: u8 = 64;

/// One automaton for all the name lists; each pattern maps to its lists' bits.
fn matcher() -> &'static (aho_corasick::AhoCorasick, Vec<u8>) {
    static M: std::sync::OnceLock<(aho_corasick::AhoCorasick, Vec<u8>)> =
        std::sync::OnceLock::new();
    M.get_or_init(|| {
        let mut pats: Vec<&str> = Vec::new();
        let mut bits: Vec<u8> = Vec::new();
        let lists: [(&[&str], u8); 7] = [
            (UNLIKELY, IS_UNLIKELY),
            (MAYBE_CANDIDATE, IS_MAYBE),
            (BOILERPLATE, IS_BOILERPLATE),
            (POSITIVE, IS_POSITIVE),
            (NEGATIVE, IS_NEGATIVE),
            (&["articlebody", "article-body"], IS_BODY),
            (&["comment", "disqus"], IS_COMMENT),
        ];
        for (list, bit) in lists {
            for p in list {
                match pats.iter().position(|q| q == p) {
                    Some(i) => bits[i] |= bit,
                    None => {
                        pats.push(p);
                        bits.push(bit);
                    }
                }
            }
        }
        let ac = aho_corasick::AhoCorasick::new(&pats).expect("valid patterns");
        (ac, bits)
    })
}

/// Which name lists a lower-cased class/id string matches.
fn classify(names: &str) -> u8 {
    let (ac, bits) = matcher();
    let mut mask = 0;
    for m in ac.find_overlapping_iter(names) {
        mask |= bits[m.pattern().as_usize()];
    }
    mask
}

/// Readability's class weight: +25 for a positive name, -25 for a negative one.
fn class_weight(mask: u8) -> i16 {
    let mut w = 0;
    if mask & IS_NEGATIVE != 0 {
        w -= 25;
    }
    if mask & IS_POSITIVE != 0 {
        w += 25;
    }
    w
}

/// Whether a subtree is dropped before scoring.
fn is_junk(doc: &Document, id: NodeId, tag: Tag, names: Option<u8>) -> bool {
    match tag {
        Tag::Script
        | Tag::Style
        | Tag::Noscript
        | Tag::Template
        | Tag::Svg
        | Tag::Math
        | Tag::Iframe
        | Tag::Object
        | Tag::Embed
        | Tag::Video
        | Tag::Audio
        | Tag::Canvas
        | Tag::Map
        | Tag::Select
        | Tag::Option
        | Tag::Button
        | Tag::Input
        | Tag::Textarea
        | Tag::Nav
        | Tag::Aside
        | Tag::Footer
        | Tag::Figure
        | Tag::Figcaption
        | Tag::Picture
        | Tag::Head
        | Tag::Title
        | Tag::Meta
        | Tag::Link
        | Tag::Dialog
        | Tag::Frameset
        | Tag::Noframes
        | Tag::Noembed
        | Tag::Header
        | Tag::Label
        | Tag::Legend => return true,
        _ => {}
    }
    for (name, value) in doc.attrs(id) {
        match name {
            AttrName::Hidden => return true,
            AttrName::AriaHidden if value.eq_ignore_ascii_case("true") => return true,
            AttrName::Style => {
                let v = value.to_ascii_lowercase();
                let v: String = v.chars().filter(|c| !c.is_whitespace()).collect();
                if v.contains("display:none") || v.contains("visibility:hidden") {
                    return true;
                }
            }
            AttrName::Role => {
                let v = value.to_ascii_lowercase();
                if matches!(
                    v.as_str(),
                    "navigation"
                        | "complementary"
                        | "banner"
                        | "contentinfo"
                        | "dialog"
                        | "alertdialog"
                        | "menu"
                        | "menubar"
                        | "search"
                        | "alert"
                ) {
                    return true;
                }
            }
            _ => {}
        }
    }
    if matches!(
        tag,
        Tag::Body | Tag::Html | Tag::A | Tag::Article | Tag::Main
    ) {
        return false;
    }
    let Some(mask) = names else { return false };
    if mask & IS_BODY != 0 {
        return false;
    }
    if mask & IS_BOILERPLATE != 0 {
        return true;
    }
    mask & IS_UNLIKELY != 0 && mask & IS_MAYBE == 0
}

fn count_text(s: &str) -> (u32, u32) {
    let mut len = 0u32;
    let mut commas = 0u32;
    for &c in s.as_bytes() {
        if !c.is_ascii_whitespace() {
            len += 1;
            if c == b',' {
                commas += 1;
            }
        }
    }
    (len, commas)
}

impl Stats {
    // Nodes are visited by index because several per-node arrays are updated.
    #[allow(clippy::needless_range_loop)]
    fn compute(doc: &Document, flags: Flags) -> Stats {
        let n = doc.nodes.len();
        let mut st = Stats {
            removed: vec![false; n],
            weight: vec![0; n],
            len: vec![0; n],
            link: vec![0; n],
            inline: vec![0; n],
            commas: vec![0; n],
            p: vec![0; n],
            img: vec![0; n],
            li: vec![0; n],
            input: vec![0; n],
            embed: vec![0; n],
            block_child: vec![false; n],
            in_figure: vec![false; n],
            score: vec![0.0; n],
            candidate: vec![false; n],
        };
        // Raw text sizes, to keep class-name rules from removing most of a page.
        let mut raw = vec![0u32; n];
        for i in (1..n).rev() {
            let node = &doc.nodes[i];
            if node.tag == Tag::Text {
                let ptag = doc.nodes[node.parent as usize].tag;
                if !matches!(ptag, Tag::Script | Tag::Style | Tag::Title) {
                    raw[i] = count_text(doc.text(i as NodeId)).0;
                }
            }
            raw[node.parent as usize] += raw[i];
        }
        let big = (raw[0] as f32 * 0.4) as u32;
        // Top-down: removal and class weights.
        for i in 1..n {
            let node = &doc.nodes[i];
            let parent = node.parent as usize;
            st.in_figure[i] = st.in_figure[parent] || node.tag == Tag::Figure;
            if st.removed[parent] {
                st.removed[i] = true;
                continue;
            }
            if node.tag == Tag::Text {
                continue;
            }
            let names = lower_names(doc, i as NodeId).map(|s| classify(&s));
            if let Some(mask) = names.filter(|_| flags.weight_classes) {
                st.weight[i] = class_weight(mask);
            }
            if doc.attr(i as NodeId, AttrName::Itemprop) == Some("articleBody") {
                st.weight[i] += 50;
            }
            let names = names.filter(|_| flags.strip_unlikely);
            if is_junk(doc, i as NodeId, node.tag, names) {
                let by_name_only = !is_junk(doc, i as NodeId, node.tag, None);
                let guarded = by_name_only
                    && raw[i] > big
                    && raw[i] > 500
                    && names.is_some_and(|m| m & IS_COMMENT == 0);
                st.removed[i] = !guarded;
            }
        }
        // Bottom-up: text measures.
        for i in (1..n).rev() {
            let node = &doc.nodes[i];
            let tag = node.tag;
            match tag {
                Tag::Img => st.img[i] += 1,
                Tag::Input
                    if !doc
                        .attr(i as NodeId, AttrName::Type)
                        .is_some_and(|t| t.eq_ignore_ascii_case("hidden")) =>
                {
                    st.input[i] += 1
                }
                Tag::Embed | Tag::Object | Tag::Iframe => st.embed[i] += 1,
                _ => {}
            }
            if st.removed[i] {
                // Still count embeds and inputs for conditional cleaning.
                let p = node.parent as usize;
                st.img[p] += st.img[i];
                st.input[p] += st.input[i];
                st.embed[p] += st.embed[i];
                continue;
            }
            if tag == Tag::Text {
                let (l, c) = count_text(doc.text(i as NodeId));
                st.len[i] = l;
                st.commas[i] = c;
            }
            if tag == Tag::A {
                st.link[i] = st.len[i];
            }
            if tag == Tag::P {
                st.p[i] += 1;
            }
            if tag == Tag::Li {
                st.li[i] += 1;
            }
            let p = node.parent as usize;
            st.len[p] += st.len[i];
            st.link[p] += st.link[i];
            st.commas[p] += st.commas[i];
            st.p[p] += st.p[i];
            st.img[p] += st.img[i];
            st.li[p] += st.li[i];
            st.input[p] += st.input[i];
            st.embed[p] += st.embed[i];
            if tag == Tag::Text || !tag.is_block() {
                st.inline[p] += st.len[i];
            } else {
                st.block_child[p] = true;
            }
        }
        st
    }

    fn link_density(&self, i: usize) -> f32 {
        if self.len[i] == 0 {
            0.0
        } else {
            self.link[i] as f32 / self.len[i] as f32
        }
    }

    fn init_candidate(&mut self, doc: &Document, i: usize) {
        if self.candidate[i] {
            return;
        }
        self.candidate[i] = true;
        let base = match doc.nodes[i].tag {
            Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
            Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
            Tag::Address
            | Tag::Ol
            | Tag::Ul
            | Tag::Dl
            | Tag::Dd
            | Tag::Dt
            | Tag::Li
            | Tag::Form => -3.0,
            t if t.is_heading() || t == Tag::Th => -5.0,
            _ => 0.0,
        };
        self.score[i] = base + f32::from(self.weight[i]);
    }

    /// Readability's scoring: each paragraph gives points to its ancestors.
    fn score(&mut self, doc: &Document) {
        let n = doc.nodes.len();
        for i in 1..n {
            if self.removed[i] {
                continue;
            }
            let tag = doc.nodes[i].tag;
            let (start, len, commas) = match tag {
                Tag::P | Tag::Pre | Tag::Td | Tag::Blockquote => {
                    (doc.nodes[i].parent, self.len[i], self.commas[i])
                }
                Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Center
                | Tag::Font
                | Tag::Span
                | Tag::Other
                    if self.inline[i] >= 25 =>
                {
                    if self.block_child[i] {
                        // Loose text beside blocks: a paragraph of this element.
                        (i as NodeId, self.inline[i], 0)
                    } else if tag == Tag::Span || tag == Tag::Font || tag == Tag::Other {
                        continue;
                    } else {
                        (doc.nodes[i].parent, self.len[i], self.commas[i])
                    }
                }
                _ => continue,
            };
            if len < 25 || (tag != Tag::P && self.in_p(doc, i)) {
                continue;
            }
            let points = 1.0 + commas as f32 + (len as f32 / 100.0).floor().min(3.0);
            let mut anc = start;
            let mut level = 0;
            while anc != NONE && anc != 0 && level < 5 {
                let a = anc as usize;
                if doc.nodes[a].tag == Tag::Html {
                    break;
                }
                self.init_candidate(doc, a);
                let div = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                self.score[a] += points / div;
                anc = doc.nodes[a].parent;
                level += 1;
            }
        }
        for i in 0..n {
            if self.candidate[i] {
                self.score[i] *= 1.0 - self.link_density(i);
            }
        }
    }

    /// Whether an element sits inside a `<p>` (then the `<p>` scores instead).
    fn in_p(&self, doc: &Document, i: usize) -> bool {
        let mut a = doc.nodes[i].parent;
        for _ in 0..3 {
            if a == NONE {
                return false;
            }
            if doc.nodes[a as usize].tag == Tag::P {
                return true;
            }
            a = doc.nodes[a as usize].parent;
        }
        false
    }
}

/// Picks the containers that hold the article, in document order.
fn select(doc: &Document, st: &Stats) -> Vec<NodeId> {
    let n = doc.nodes.len();
    let mut ranked: Vec<usize> = (0..n).filter(|&i| st.candidate[i]).collect();
    let by_score = |&a: &usize, &b: &usize| st.score[b].total_cmp(&st.score[a]).then(a.cmp(&b));
    if ranked.len() > 5 {
        ranked.select_nth_unstable_by(4, by_score);
        ranked.truncate(5);
    }
    ranked.sort_by(by_score);
    let Some(&first) = ranked.first() else {
        let body = doc.elements(Tag::Body).next().unwrap_or(0);
        return vec![body];
    };
    let mut top = first;
    let top_score = st.score[top];

    // Several near-best candidates under one ancestor: take the ancestor.
    let alternatives: Vec<usize> = ranked[1..ranked.len().min(5)]
        .iter()
        .copied()
        .filter(|&c| st.score[c] >= 0.75 * top_score)
        // Ancestors and descendants of the top candidate hold the same text.
        .filter(|&c| {
            !is_ancestor(doc, c as NodeId, top as NodeId)
                && !is_ancestor(doc, top as NodeId, c as NodeId)
        })
        .collect();
    if alternatives.len() >= 3 {
        let mut parent = doc.nodes[top].parent;
        while parent != NONE && doc.nodes[parent as usize].tag != Tag::Body && parent != 0 {
            let covered = alternatives
                .iter()
                .filter(|&&c| c as NodeId != parent && is_ancestor(doc, parent, c as NodeId))
                .count();
            if covered >= 3 {
                top = parent as usize;
                break;
            }
            parent = doc.nodes[parent as usize].parent;
        }
    }

    // Climb while the parent scores about as well.
    let mut last = st.score[top];
    let mut parent = doc.nodes[top].parent;
    while parent != NONE && parent != 0 && doc.nodes[parent as usize].tag != Tag::Body {
        let p = parent as usize;
        if !st.candidate[p] {
            parent = doc.nodes[p].parent;
            continue;
        }
        if st.score[p] < last / 3.0 {
            break;
        }
        if st.score[p] > last {
            top = p;
            break;
        }
        last = st.score[p];
        parent = doc.nodes[p].parent;
    }
    // A lone child: its parent is the real container.
    loop {
        let p = doc.nodes[top].parent;
        if p == NONE || p == 0 || matches!(doc.nodes[p as usize].tag, Tag::Body | Tag::Html) {
            break;
        }
        let element_children = doc
            .children(p)
            .filter(|&c| doc.nodes[c as usize].tag != Tag::Text && !st.removed[c as usize])
            .count();
        if element_children != 1 {
            break;
        }
        top = p as usize;
    }

    // Siblings that look like more of the same.
    let parent = doc.nodes[top].parent;
    if parent == NONE {
        return vec![top as NodeId];
    }
    let top_score = st.score[top];
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = doc.attr(top as NodeId, AttrName::Class);
    let mut out = Vec::new();
    for s in doc.children(parent) {
        let si = s as usize;
        if si == top {
            out.push(s);
            continue;
        }
        if st.removed[si] || doc.nodes[si].tag == Tag::Text {
            continue;
        }
        let mut bonus = 0.0;
        if top_class.is_some_and(|c| !c.is_empty()) && doc.attr(s, AttrName::Class) == top_class {
            bonus = top_score * 0.2;
        }
        let mut append = st.candidate[si] && st.score[si] + bonus >= threshold;
        if !append && doc.nodes[si].tag == Tag::P {
            let ld = st.link_density(si);
            let len = st.len[si];
            if len > 80 && ld < 0.25 {
                append = true;
            } else if len > 0 && len <= 80 && ld == 0.0 {
                let t = doc.text_content(s);
                let t = t.trim_end();
                append = t.contains(". ") || t.ends_with('.');
            }
        }
        if append {
            out.push(s);
        }
    }
    // An article split into repeated modules: siblings of the container's
    // ancestors with the same tag and class, holding prose, join too.
    let mut anc = top as NodeId;
    for _ in 0..3 {
        let p = doc.nodes[anc as usize].parent;
        if p == NONE || p == 0 || matches!(doc.nodes[p as usize].tag, Tag::Body | Tag::Html) {
            break;
        }
        let class = doc
            .attr(anc, AttrName::Class)
            .filter(|c| !c.trim().is_empty());
        if let Some(class) = class {
            let tag = doc.nodes[anc as usize].tag;
            let mut extra = Vec::new();
            for s in doc.children(p) {
                let si = s as usize;
                if s == anc || st.removed[si] || doc.nodes[si].tag != tag {
                    continue;
                }
                if doc.attr(s, AttrName::Class) == Some(class)
                    && st.len[si] >= 100
                    && st.link_density(si) < 0.3
                    && st.p[si] > 0
                    && !out
                        .iter()
                        .any(|&o| is_ancestor(doc, s, o) || is_ancestor(doc, o, s))
                {
                    extra.push(s);
                }
            }
            if !extra.is_empty() {
                out.extend(extra);
                out.sort_unstable();
                return out;
            }
        }
        anc = p;
    }
    out
}

fn is_ancestor(doc: &Document, anc: NodeId, mut node: NodeId) -> bool {
    while node != NONE {
        if node == anc {
            return true;
        }
        node = doc.nodes[node as usize].parent;
    }
    false
}

/// Readability's conditional cleaning of tables, lists and divs.
fn clean_conditionally(doc: &Document, st: &Stats, i: usize) -> bool {
    let tag = doc.nodes[i].tag;
    if !matches!(
        tag,
        Tag::Table | Tag::Ul | Tag::Ol | Tag::Div | Tag::Section | Tag::Dl | Tag::Form
    ) {
        return false;
    }
    let weight = f32::from(st.weight[i]);
    let content_score = if st.candidate[i] { st.score[i] } else { 0.0 };
    if weight + content_score < 0.0 {
        return true;
    }
    if st.commas[i] >= 10 {
        return false;
    }
    let is_list = matches!(tag, Tag::Ul | Tag::Ol);
    let p = st.p[i] as f32;
    let img = st.img[i] as f32;
    let li = st.li[i] as f32 - 100.0;
    let input = st.input[i] as f32;
    let embed = st.embed[i];
    let ld = st.link_density(i);
    let len = st.len[i];
    (img > 1.0 && p / img < 0.5 && !st.in_figure[i] && (len as f32) < 100.0 * img)
        || (!is_list && li > p)
        || (input > (p / 3.0).floor())
        || (!is_list && len < 25 && (img == 0.0 || img > 2.0) && !st.in_figure[i])
        || (!is_list && weight < 25.0 && ld > 0.2)
        || (is_list && ld > 0.5)
        || (weight >= 25.0 && ld > 0.5)
        || ((embed == 1 && len < 75) || embed > 1)
}

fn render(doc: &Document, st: &Stats, id: NodeId, conditional: bool, out: &mut TextBuilder) {
    // Iterative pre-order walk with explicit exits, so deep trees cannot overflow.
    let mut stack: Vec<(NodeId, bool)> = vec![(id, false)];
    while let Some((n, exiting)) = stack.pop() {
        let node = &doc.nodes[n as usize];
        if exiting {
            out.end_paragraph();
            continue;
        }
        let i = n as usize;
        if st.removed[i] {
            continue;
        }
        match node.tag {
            Tag::Text => {
                out.push_text(doc.text(n));
                continue;
            }
            Tag::Br => {
                out.line_break();
                continue;
            }
            Tag::H1 => continue,
            t if t.is_heading() && (st.weight[i] < 0 || st.link_density(i) > 0.5) => continue,
            // A paragraph that is nothing but a link points elsewhere.
            Tag::P | Tag::Li | Tag::Dd
                if n != id && st.len[i] < 250 && st.link_density(i) > 0.9 =>
            {
                continue
            }
            _ => {}
        }
        if conditional && n != id && clean_conditionally(doc, st, i) {
            // A dropped "Related"-style heading still marks where a trailer starts.
            if st.len[i] < 40 && is_trailer_heading(&doc.text_content(n)) {
                out.end_paragraph();
                out.push_text(TRAILER_MARK);
                out.end_paragraph();
            }
            continue;
        }
        let block = node.tag.is_block() || node.tag.is_heading();
        if block {
            out.end_paragraph();
            stack.push((n, true));
        }
        let first = stack.len();
        for c in doc.children(n) {
            stack.push((c, false));
        }
        stack[first..].reverse();
    }
}

/// Short paragraphs that are page furniture rather than article text:
/// labels ("Advertisement", "Tags"), bylines and datelines, social prompts,
/// copyright lines and agency trailers ("Reporting by ...").
fn is_furniture(p: &str) -> bool {
    if p.len() > 300 {
        return false;
    }
    let lower = p.to_lowercase();
    let l = lower.trim_matches(|c: char| !c.is_alphanumeric());
    const EXACT: &[&str] = &[
        "advertisement",
        "advertising",
        "sponsored",
        "share",
        "share this",
        "share this article",
        "share this story",
        "tweet",
        "email",
        "print",
        "comments",
        "related",
        "related articles",
        "related stories",
        "related content",
        "read more",
        "more",
        "tags",
        "topics",
        "latest news",
        "recommended",
        "learn more",
        "don't miss",
        "don\u{2019}t miss",
        "skip to content",
        "continue reading",
        "continue reading below",
        "story continues below",
        "story continues below advertisement",
        "article continues below advertisement",
        "advertisement continue reading below",
        "skip advertisement",
        "you may also like",
        "more on this story",
        "this slideshow requires javascript",
    ];
    if EXACT.contains(&l) {
        return true;
    }
    const PREFIX: &[&str] = &[
        "related:",
        "read more:",
        "read more at",
        "also read:",
        "read also:",
        "see also:",
        "see more:",
        "share this:",
        "tags:",
        "filed under",
        "sign up for",
        "subscribe to our",
        "click here to",
        "image copyright",
        "image caption",
        "media caption",
        "getty images",
        "copyright ©",
        "copyright @",
        "copyright (c)",
        "©",
        "this document is subject to copyright",
        "if you enjoyed this article",
        "reporting by",
        "(reporting by",
        "additional reporting by",
        "editing by",
        "(editing by",
        "writing by",
    ];
    if PREFIX.iter().any(|pre| lower.starts_with(pre)) {
        return true;
    }
    let short = p.len() < 150;
    let has_digit = p.bytes().any(|b| b.is_ascii_digit());
    // Bylines and datelines.
    let byline = lower.starts_with("by ") && (has_digit || p.contains(" - ") || p.contains(" | "));
    let dateline = [
        "posted on ",
        "posted ",
        "published ",
        "updated ",
        "last updated",
    ]
    .iter()
    .any(|pre| lower.starts_with(pre))
        && has_digit;
    if p.len() < 100 && (byline || dateline) {
        return true;
    }
    // Social prompts and contact trailers.
    if short
        && lower.starts_with("follow ")
        && ["twitter", "facebook", "instagram", "linkedin", "youtube"]
            .iter()
            .any(|s| lower.contains(s))
    {
        return true;
    }
    if short && lower.starts_with("write to ") && p.contains('@') {
        return true;
    }
    short
        && (lower.ends_with("contributed to this report.")
            || lower.ends_with("contributed reporting.")
            || lower.contains("contributed reporting from"))
}

/// Which of the riskier rules are on (Readability's retry flags).
#[derive(Clone, Copy)]
struct Flags {
    /// Drop elements by class/id name.
    strip_unlikely: bool,
    /// Weigh candidates by class/id name.
    weight_classes: bool,
    /// Clean link- or image-heavy lists, tables and divs.
    clean_conditionally: bool,
}

const ALL_RULES: Flags = Flags {
    strip_unlikely: true,
    weight_classes: true,
    clean_conditionally: true,
};

/// Below this many bytes of text, extraction is retried with fewer rules.
const RETRY_BELOW: usize = 500;

/// Headings that open a trailer of links to other stories.
const TRAILER_HEADINGS: &[&str] = &[
    "more ",
    "related",
    "latest",
    "recommended",
    "read more",
    "read next",
    "read also",
    "also read",
    "you may also like",
    "you might also like",
    "don't miss",
    "don\u{2019}t miss",
    "trending",
    "most popular",
    "most read",
    "popular",
    "top stories",
    "editor's picks",
    "editors' picks",
];

/// Stands for a trailer heading that was removed from the text.
const TRAILER_MARK: &str = "\u{1}trailer";

fn is_trailer_heading(p: &str) -> bool {
    let p = p.trim();
    if p.len() >= 60 || p.ends_with('.') {
        return false;
    }
    let lower = p.to_lowercase();
    TRAILER_HEADINGS.iter().any(|h| lower.starts_with(h))
}

/// Cuts a trailer: in the second half of the text, a short heading such as
/// "More Great Stories" or "Related" followed only by short lines (headlines).
fn cut_trailer(paras: &mut Vec<String>) {
    let n = paras.len();
    for i in n / 2..n {
        let p = &paras[i];
        let heading = p == TRAILER_MARK || is_trailer_heading(p);
        if heading && i + 1 < n && paras[i + 1..].iter().all(|q| q.len() < 250) {
            paras.truncate(i);
            break;
        }
    }
    paras.retain(|p| p != TRAILER_MARK);
}

fn extract_with(doc: &Document, flags: Flags) -> Vec<String> {
    let mut st = Stats::compute(doc, flags);
    st.score(doc);
    let chosen = select(doc, &st);
    let mut tb = TextBuilder::default();
    for c in chosen {
        render(doc, &st, c, flags.clean_conditionally, &mut tb);
        tb.end_paragraph();
    }
    let mut paras: Vec<String> = tb
        .finish()
        .into_iter()
        .filter(|p| !is_furniture(p))
        .collect();
    cut_trailer(&mut paras);
    paras
}

/// Extracts the main text of a parsed page as paragraphs. When the result is
/// short, the riskier rules are relaxed one by one; a relaxed attempt is kept
/// only if it finds at least twice as much text.
pub fn main_paragraphs(doc: &Document) -> Vec<String> {
    let attempts = [
        ALL_RULES,
        Flags {
            strip_unlikely: false,
            ..ALL_RULES
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
        },
    ];
    let mut best: Vec<String> = Vec::new();
    let mut best_len = 0;
    for flags in attempts {
        let paras = extract_with(doc, flags);
        let len: usize = paras.iter().map(String::len).sum();
        // A relaxed attempt must find much more to be believed.
        if len > best_len * 2 {
            if len >= RETRY_BELOW {
                return paras;
            }
            best_len = len;
            best = paras;
        }
    }
    best
}

/// All the text of a document or fragment (boilerplate elements removed, no
/// selection of a main container), as paragraphs.
pub fn all_paragraphs(doc: &Document) -> Vec<String> {
    let st = Stats::compute(doc, ALL_RULES);
    let mut tb = TextBuilder::default();
    render(doc, &st, 0, false, &mut tb);
    tb.finish()
}

/// Chooses between the text extracted from the page and its JSON-LD
/// `articleBody` (which some sites fill with the full text, others with a
/// teaser or with markup).
///
/// The page text wins unless it is much shorter than a substantial
/// `articleBody` (pages that render their text with JavaScript).
pub fn prefer_json_ld(text: String, body: &str) -> String {
    if body.len() < 500 || text.len() * 4 >= body.len() {
        return text;
    }
    let paragraphs: Vec<String> = if body.contains('<') {
        all_paragraphs(&Document::parse(body))
    } else {
        body.split('\n')
            .map(super::render::normalize_space)
            .filter(|p| !p.is_empty())
            .collect()
    };
    let from_ld = paragraphs.join("\n\n");
    if from_ld.len() > text.len() {
        from_ld
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<html><head><title>Rain in Spain</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="header">Site header with a long enough tagline to be scored</div>
<div id="main"><article>
<h1>Rain falls mainly on the plain</h1>
<div class="byline">By A. Writer</div>
<div class="article-body">
<p>The rain in Spain falls mainly on the plain, meteorologists said on Tuesday, confirming a long-held belief.</p>
<figure><img src="x.jpg"><figcaption>A plain, in the rain.</figcaption></figure>
<p>Farmers in the region welcomed the news, saying that the crops needed water after a dry summer, and that prices would fall.</p>
<div class="ad-slot">Advertisement</div>
<h2>What comes next</h2>
<p>Forecasters expect more rain next week, with heavier showers in the north and lighter ones in the south of the country.</p>
<div class="share-tools"><a href="#">Share this</a> <a href="#">Tweet</a></div>
</div>
</article>
<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Another story about weather in Europe today</a></li><li><a href="/b">Yet another story about the weather</a></li></ul></div>
<div id="comments"><p>Great article, thanks for writing it, I learned a lot about the rain, really.</p></div>
</div>
<footer><p>Copyright 2024 The Daily Example, all rights reserved, and then some more words.</p></footer>
</body></html>"##;

    #[test]
    fn extracts_article_paragraphs_only() {
        let doc = Document::parse(PAGE);
        let paras = main_paragraphs(&doc);
        assert_eq!(
            paras,
            vec![
                "The rain in Spain falls mainly on the plain, meteorologists said on Tuesday, confirming a long-held belief.",
                "Farmers in the region welcomed the news, saying that the crops needed water after a dry summer, and that prices would fall.",
                "What comes next",
                "Forecasters expect more rain next week, with heavier showers in the north and lighter ones in the south of the country.",
            ]
        );
    }

    #[test]
    fn br_separated_text_in_a_div() {
        let html = "<body><div class='post'>First paragraph of the story, which has enough words to count.<br><br>Second paragraph, also long enough to be counted as text.</div></body>";
        let paras = main_paragraphs(&Document::parse(html));
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert!(paras[1].starts_with("Second"));
    }

    #[test]
    fn json_ld_body_when_the_page_has_no_text() {
        let body =
            "First paragraph of a story told only in JSON-LD. ".repeat(12) + "\nSecond paragraph.";
        let got = prefer_json_ld(String::new(), &body);
        assert!(got.starts_with("First paragraph") && got.ends_with("\n\nSecond paragraph."));
        assert_eq!(
            prefer_json_ld("Page text, long enough.".repeat(10), &body),
            "Page text, long enough.".repeat(10)
        );
    }

    #[test]
    fn furniture_paragraphs() {
        for p in [
            "Advertisement",
            "By Jane Roe - 2019-11-20",
            "Follow us on Twitter",
            "(Reporting by A; Editing by B)",
            "\u{a9} 2019 Example Corp.",
        ] {
            assert!(is_furniture(p), "{p}");
        }
        for p in [
            "By the end of the year, prices had doubled.",
            "Published reports said the deal was off.",
        ] {
            assert!(!is_furniture(p), "{p}");
        }
    }

    #[test]
    fn article_split_into_modules_and_aspnet_form() {
        let module = |n: u32| {
            format!(
                "<section class=\"body-module\"><div class=\"text\"><p>Part {n} of the story goes on, with commas, clauses, and enough words to score well.</p>\
                 <p>More of part {n}, which continues the account of events at some length.</p></div></section>\
                 <section class=\"gallery\"><figure><img src=a.jpg><figcaption>Photo</figcaption></figure></section>"
            )
        };
        let html = format!(
            "<body><form id=aspnetForm><input type=hidden name=__VIEWSTATE value=x><input type=hidden name=y value=z>\
             <input type=hidden name=a><div class=page><main>{}{}{}</main></div></form></body>",
            module(1),
            module(2),
            module(3)
        );
        let paras = main_paragraphs(&Document::parse(&html));
        assert_eq!(paras.len(), 6, "{paras:?}");
        assert!(paras[0].starts_with("Part 1") && paras[5].starts_with("More of part 3"));
    }

    #[test]
    fn link_lists_and_link_only_paragraphs_are_dropped() {
        let html = "<article><p>The minister resigned on Sunday after weeks of pressure, aides said, ending a long career.</p>\
            <p><a href=/x>Read: another story entirely about something else</a></p>\
            <ul><li><a href=/a>Story A with a long headline here</a></li><li><a href=/b>Story B with a long headline</a></li></ul>\
            <p>She will stay in parliament, she said in a statement released by her office late in the evening.</p></article>";
        let paras = main_paragraphs(&Document::parse(html));
        assert_eq!(paras.len(), 2, "{paras:?}");
    }

    #[test]
    fn trailers_are_cut() {
        let mut p: Vec<String> = [
            "First long paragraph of the story.",
            "Second paragraph of the story, ending well.",
            "Third paragraph.",
            "More Great Stories",
            "A headline elsewhere",
            "Another headline",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        cut_trailer(&mut p);
        assert_eq!(p.len(), 3);
        let mut q = vec!["Related".to_string(), "Body text.".to_string()];
        cut_trailer(&mut q);
        assert_eq!(q.len(), 2, "a heading in the first half is kept");
    }

    #[test]
    fn empty_and_textless_pages() {
        assert!(main_paragraphs(&Document::parse("")).is_empty());
        assert!(main_paragraphs(&Document::parse("<html><body><img></body></html>")).is_empty());
        let short = main_paragraphs(&Document::parse("<p>Just one line.</p>"));
        assert_eq!(short, vec!["Just one line."]);
    }
}
