//! A fast, forgiving HTML parser into a compact arena tree.
//!
//! This is not a full HTML5 tree builder: it scans tags with `memchr`, keeps
//! only the attributes extraction needs, skips scripts and styles (keeping
//! JSON-LD), and applies the implied end tags that matter for text (`p`, `li`,
//! `td`, ...). Any input, however broken, yields a tree; nesting is capped so a
//! hostile page cannot make it recurse or grow without bound.

use super::entities;
use memchr::memmem;

/// Index of a node in [`Document::nodes`].
pub type NodeId = u32;

/// "No node" (for links that are absent).
pub const NONE: NodeId = u32::MAX;

/// Deepest nesting kept; deeper elements are attached but not opened.
const MAX_DEPTH: usize = 400;

macro_rules! tags {
    ($($variant:ident = $name:literal),* $(,)?) => {
        /// The element names extraction cares about; everything else is [`Tag::Other`].
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        #[allow(missing_docs)]
        pub enum Tag {
            /// The document root (not an element).
            Document,
            /// A text node.
            Text,
            /// An element with a name not listed here.
            Other,
            $($variant,)*
        }

        impl Tag {
            /// The tag for a lower-case element name.
            pub fn from_name(name: &[u8]) -> Tag {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }
        }
    };
}

tags! {
    Html = b"html", Head = b"head", Body = b"body", Title = b"title", Meta = b"meta",
    Link = b"link", Script = b"script", Style = b"style", Noscript = b"noscript",
    Template = b"template", Svg = b"svg", Math = b"math", Iframe = b"iframe",
    Object = b"object", Embed = b"embed", Video = b"video", Audio = b"audio",
    Canvas = b"canvas", Map = b"map", Select = b"select", Option = b"option",
    Button = b"button", Input = b"input", Textarea = b"textarea", Form = b"form",
    Label = b"label", Nav = b"nav", Aside = b"aside", Footer = b"footer",
    Header = b"header", Main = b"main", Article = b"article", Section = b"section",
    Div = b"div", Span = b"span", P = b"p", Br = b"br", Hr = b"hr", H1 = b"h1",
    H2 = b"h2", H3 = b"h3", H4 = b"h4", H5 = b"h5", H6 = b"h6", Ul = b"ul", Ol = b"ol",
    Li = b"li", Dl = b"dl", Dt = b"dt", Dd = b"dd", Blockquote = b"blockquote",
    Pre = b"pre", Code = b"code", Table = b"table", Thead = b"thead", Tbody = b"tbody",
    Tfoot = b"tfoot", Tr = b"tr", Td = b"td", Th = b"th", Caption = b"caption",
    Figure = b"figure", Figcaption = b"figcaption", Picture = b"picture",
    Source = b"source", Img = b"img", A = b"a", B = b"b", I = b"i", Em = b"em",
    Strong = b"strong", U = b"u", Small = b"small", Sup = b"sup", Sub = b"sub",
    Time = b"time", Address = b"address", Abbr = b"abbr", Cite = b"cite", Q = b"q",
    Font = b"font", Center = b"center", Details = b"details", Summary = b"summary",
    Dialog = b"dialog", Fieldset = b"fieldset", Legend = b"legend", Hgroup = b"hgroup",
    Menu = b"menu", Area = b"area", Base = b"base", Col = b"col", Colgroup = b"colgroup",
    Param = b"param", Track = b"track", Wbr = b"wbr", Mark = b"mark", S = b"s",
    Del = b"del", Ins = b"ins", Frameset = b"frameset", Frame = b"frame",
    Noframes = b"noframes", Xmp = b"xmp", Plaintext = b"plaintext", Noembed = b"noembed",
}

impl Tag {
    /// Elements that never have content.
    pub fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Area
                | Tag::Base
                | Tag::Br
                | Tag::Col
                | Tag::Embed
                | Tag::Hr
                | Tag::Img
                | Tag::Input
                | Tag::Link
                | Tag::Meta
                | Tag::Param
                | Tag::Source
                | Tag::Track
                | Tag::Wbr
                | Tag::Frame
        )
    }

    /// Start tags that close an open `<p>`.
    fn closes_p(self) -> bool {
        matches!(
            self,
            Tag::Address
                | Tag::Article
                | Tag::Aside
                | Tag::Blockquote
                | Tag::Center
                | Tag::Details
                | Tag::Dialog
                | Tag::Div
                | Tag::Dl
                | Tag::Fieldset
                | Tag::Figcaption
                | Tag::Figure
                | Tag::Footer
                | Tag::Form
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Header
                | Tag::Hgroup
                | Tag::Hr
                | Tag::Main
                | Tag::Menu
                | Tag::Nav
                | Tag::Ol
                | Tag::P
                | Tag::Pre
                | Tag::Section
                | Tag::Table
                | Tag::Ul
                | Tag::Li
                | Tag::Dd
                | Tag::Dt
        )
    }

    /// Containers that bound the search for an element to close implicitly.
    fn is_scope_boundary(self) -> bool {
        matches!(
            self,
            Tag::Document
                | Tag::Html
                | Tag::Body
                | Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Aside
                | Tag::Nav
                | Tag::Header
                | Tag::Footer
                | Tag::Td
                | Tag::Th
                | Tag::Table
                | Tag::Blockquote
                | Tag::Button
                | Tag::Form
                | Tag::Figure
                | Tag::Template
                | Tag::Object
        )
    }

    /// Block-level elements: their text starts on a new line.
    pub fn is_block(self) -> bool {
        self.closes_p()
            || matches!(
                self,
                Tag::Body
                    | Tag::Html
                    | Tag::Tr
                    | Tag::Td
                    | Tag::Th
                    | Tag::Caption
                    | Tag::Thead
                    | Tag::Tbody
                    | Tag::Tfoot
                    | Tag::Br
                    | Tag::Summary
                    | Tag::Legend
                    | Tag::Option
                    | Tag::Select
                    | Tag::Iframe
                    | Tag::Video
                    | Tag::Audio
                    | Tag::Picture
                    | Tag::Noscript
            )
    }

    /// Headings `h1`-`h6`.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }
}

/// The attributes that are kept; all others are dropped while parsing.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(missing_docs)]
pub enum AttrName {
    Id,
    Class,
    Itemprop,
    Itemtype,
    Role,
    Property,
    Name,
    Content,
    Href,
    Rel,
    Datetime,
    Type,
    Lang,
    Hidden,
    Style,
    AriaHidden,
    HttpEquiv,
    Charset,
}

impl AttrName {
    fn from_name(name: &[u8]) -> Option<AttrName> {
        Some(match name {
            b"id" => AttrName::Id,
            b"class" => AttrName::Class,
            b"itemprop" => AttrName::Itemprop,
            b"itemtype" => AttrName::Itemtype,
            b"role" => AttrName::Role,
            b"property" => AttrName::Property,
            b"name" => AttrName::Name,
            b"content" => AttrName::Content,
            b"href" => AttrName::Href,
            b"rel" => AttrName::Rel,
            b"datetime" => AttrName::Datetime,
            b"type" => AttrName::Type,
            b"lang" => AttrName::Lang,
            b"hidden" => AttrName::Hidden,
            b"style" => AttrName::Style,
            b"aria-hidden" => AttrName::AriaHidden,
            b"http-equiv" => AttrName::HttpEquiv,
            b"charset" => AttrName::Charset,
            _ => return None,
        })
    }
}

/// One kept attribute; its value is a range of [`Document::buf`].
#[derive(Clone, Copy, Debug)]
pub struct Attr {
    /// Which attribute.
    pub name: AttrName,
    start: u32,
    end: u32,
}

/// A node of the tree: an element, a text run, or the root.
#[derive(Clone, Copy, Debug)]
pub struct Node {
    /// Element name, or [`Tag::Text`] / [`Tag::Document`].
    pub tag: Tag,
    /// Parent ([`NONE`] for the root).
    pub parent: NodeId,
    /// First child or [`NONE`].
    pub first_child: NodeId,
    /// Next sibling or [`NONE`].
    pub next_sibling: NodeId,
    last_child: NodeId,
    /// Text nodes: range of `buf`. Elements: range of `attrs`.
    start: u32,
    end: u32,
}

/// A parsed page. Nodes are in document order, so a node's descendants
/// always have larger ids than the node itself.
#[derive(Debug, Default)]
pub struct Document {
    /// All nodes; index 0 is the root.
    pub nodes: Vec<Node>,
    /// Text of text nodes and attribute values, entity-decoded.
    buf: String,
    attrs: Vec<Attr>,
}

impl Document {
    /// Parses HTML. Never fails; broken markup gives a best-effort tree.
    pub fn parse(html: &str) -> Document {
        let mut p = Parser {
            doc: Document {
                nodes: Vec::with_capacity(html.len() / 40 + 16),
                buf: String::with_capacity(html.len() / 3),
                attrs: Vec::with_capacity(html.len() / 60 + 16),
            },
            stack: Vec::with_capacity(64),
            has_html: false,
            has_head: false,
            has_body: false,
        };
        p.doc.nodes.push(Node {
            tag: Tag::Document,
            parent: NONE,
            first_child: NONE,
            next_sibling: NONE,
            last_child: NONE,
            start: 0,
            end: 0,
        });
        p.stack.push((0, Tag::Document));
        p.run(html);
        p.doc
    }

    /// The node with this id.
    #[inline]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The text of a text node (empty for elements).
    #[inline]
    pub fn text(&self, id: NodeId) -> &str {
        let n = &self.nodes[id as usize];
        if n.tag == Tag::Text {
            &self.buf[n.start as usize..n.end as usize]
        } else {
            ""
        }
    }

    /// The value of an element's attribute.
    pub fn attr(&self, id: NodeId, name: AttrName) -> Option<&str> {
        let n = &self.nodes[id as usize];
        if n.tag == Tag::Text || n.tag == Tag::Document {
            return None;
        }
        self.attrs[n.start as usize..n.end as usize]
            .iter()
            .find(|a| a.name == name)
            .map(|a| &self.buf[a.start as usize..a.end as usize])
    }

    /// The element's kept attributes with their values.
    pub fn attrs(&self, id: NodeId) -> impl Iterator<Item = (AttrName, &str)> {
        let n = &self.nodes[id as usize];
        let r = if n.tag == Tag::Text || n.tag == Tag::Document {
            0..0
        } else {
            n.start as usize..n.end as usize
        };
        self.attrs[r]
            .iter()
            .map(|a| (a.name, &self.buf[a.start as usize..a.end as usize]))
    }

    /// The children of a node, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            doc: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    /// The last id inside `id`'s subtree (inclusive): descendants of `id`
    /// are exactly the ids in `id..=subtree_end(id)`.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        let mut n = id;
        loop {
            let last = self.nodes[n as usize].last_child;
            if last == NONE {
                return n;
            }
            n = last;
        }
    }

    /// All text inside a node, concatenated as is.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut s = String::new();
        for i in id..=self.subtree_end(id) {
            s.push_str(self.text(i));
        }
        s
    }

    /// Ids of all elements with this tag, in document order.
    pub fn elements(&self, tag: Tag) -> impl Iterator<Item = NodeId> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(move |(_, n)| n.tag == tag)
            .map(|(i, _)| i as NodeId)
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    doc: &'a Document,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.doc.nodes[id as usize].next_sibling;
        Some(id)
    }
}

struct Parser {
    doc: Document,
    stack: Vec<(NodeId, Tag)>,
    has_html: bool,
    has_head: bool,
    has_body: bool,
}

impl Parser {
    fn run(&mut self, html: &str) {
        let b = html.as_bytes();
        let len = b.len();
        let mut i = 0;
        while i < len {
            let lt = match memchr::memchr(b'<', &b[i..]) {
                Some(o) => i + o,
                None => len,
            };
            if lt > i {
                self.push_text(&html[i..lt], true);
            }
            if lt >= len {
                break;
            }
            i = match b.get(lt + 1) {
                Some(b'!') => {
                    if b[lt..].starts_with(b"<!--") {
                        match memmem::find(&b[lt + 4..], b"-->") {
                            Some(o) => lt + 4 + o + 3,
                            None => len,
                        }
                    } else {
                        skip_to_gt(b, lt + 2)
                    }
                }
                Some(b'?') => skip_to_gt(b, lt + 2),
                Some(b'/') => match b.get(lt + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let (tag, after_name) = read_tag_name(b, lt + 2);
                        self.end_tag(tag);
                        skip_to_gt(b, after_name)
                    }
                    _ => skip_to_gt(b, lt + 2),
                },
                Some(c) if c.is_ascii_alphabetic() => self.start_tag(html, lt + 1),
                _ => {
                    self.push_text("<", false);
                    lt + 1
                }
            };
        }
    }

    fn current(&self) -> NodeId {
        self.stack.last().map_or(0, |s| s.0)
    }

    fn append(&mut self, parent: NodeId, tag: Tag, start: u32, end: u32) -> NodeId {
        let id = self.doc.nodes.len() as NodeId;
        self.doc.nodes.push(Node {
            tag,
            parent,
            first_child: NONE,
            next_sibling: NONE,
            last_child: NONE,
            start,
            end,
        });
        let p = &mut self.doc.nodes[parent as usize];
        let prev = p.last_child;
        p.last_child = id;
        if prev == NONE {
            p.first_child = id;
        } else {
            self.doc.nodes[prev as usize].next_sibling = id;
        }
        id
    }

    fn push_text(&mut self, raw: &str, decode: bool) {
        let parent = self.current();
        let start = self.doc.buf.len() as u32;
        if decode {
            entities::decode_into(raw, &mut self.doc.buf);
        } else {
            self.doc.buf.push_str(raw);
        }
        let end = self.doc.buf.len() as u32;
        // Merge with a preceding text sibling that ends where this begins.
        let last = self.doc.nodes[parent as usize].last_child;
        if last != NONE {
            let n = &mut self.doc.nodes[last as usize];
            if n.tag == Tag::Text && n.end == start {
                n.end = end;
                return;
            }
        }
        self.append(parent, Tag::Text, start, end);
    }

    /// Parses a start tag whose name begins at `i`; returns where to go on.
    fn start_tag(&mut self, html: &str, i: usize) -> usize {
        let b = html.as_bytes();
        let (tag, mut i) = read_tag_name(b, i);
        let attr_start = self.doc.attrs.len() as u32;
        let len = b.len();
        loop {
            while i < len && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= len {
                break;
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            let name_start = i;
            i += 1; // the first character may be anything, even `=`
            while i < len
                && !matches!(
                    b[i],
                    b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>' | b'='
                )
            {
                i += 1;
            }
            let name_end = i;
            while i < len && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = (0, 0);
            if i < len && b[i] == b'=' {
                i += 1;
                while i < len && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < len && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    let vs = i + 1;
                    let ve = memchr::memchr(q, &b[vs..]).map_or(len, |o| vs + o);
                    value = (vs, ve);
                    i = (ve + 1).min(len);
                } else {
                    let vs = i;
                    while i < len && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = (vs, i);
                }
            }
            let name = &b[name_start..name_end];
            if name.len() <= 16 {
                let mut lower = [0u8; 16];
                for (d, s) in lower.iter_mut().zip(name) {
                    *d = s.to_ascii_lowercase();
                }
                if let Some(an) = AttrName::from_name(&lower[..name.len()]) {
                    let dup = self.doc.attrs[attr_start as usize..]
                        .iter()
                        .any(|a| a.name == an);
                    if !dup {
                        let vs = self.doc.buf.len() as u32;
                        if let Some(v) = html.get(value.0..value.1) {
                            entities::decode_into(v, &mut self.doc.buf);
                        }
                        let ve = self.doc.buf.len() as u32;
                        self.doc.attrs.push(Attr {
                            name: an,
                            start: vs,
                            end: ve,
                        });
                    }
                }
            }
        }
        let attr_end = self.doc.attrs.len() as u32;
        let id = self.open(tag, attr_start, attr_end);

        // Raw text elements: find their end tag directly.
        match tag {
            Tag::Script
            | Tag::Style
            | Tag::Textarea
            | Tag::Noscript
            | Tag::Xmp
            | Tag::Noembed
            | Tag::Noframes
            | Tag::Title => {
                let name: &[u8] = match tag {
                    Tag::Script => b"script",
                    Tag::Style => b"style",
                    Tag::Textarea => b"textarea",
                    Tag::Noscript => b"noscript",
                    Tag::Xmp => b"xmp",
                    Tag::Noembed => b"noembed",
                    Tag::Noframes => b"noframes",
                    _ => b"title",
                };
                let (content_end, after) = find_end_tag(b, i, name);
                let keep = match tag {
                    Tag::Title => 1,
                    Tag::Script => {
                        let ld = id != NONE
                            && self
                                .doc
                                .attr(id, AttrName::Type)
                                .is_some_and(|t| t.to_ascii_lowercase().contains("json"));
                        if ld {
                            2
                        } else {
                            0
                        }
                    }
                    _ => 0,
                };
                if keep > 0 && id != NONE {
                    if let Some(content) = html.get(i..content_end) {
                        self.push_text(content, keep == 1);
                    }
                }
                if id != NONE {
                    self.close_top(id);
                }
                after
            }
            Tag::Plaintext => {
                if let Some(rest) = html.get(i..) {
                    self.push_text(rest, false);
                }
                b.len()
            }
            _ => i,
        }
    }

    /// Opens an element (applying implied end tags); returns its id, or
    /// [`NONE`] if the tag was ignored.
    fn open(&mut self, tag: Tag, attr_start: u32, attr_end: u32) -> NodeId {
        match tag {
            Tag::Html => {
                if self.has_html || self.stack.len() > 1 {
                    return NONE;
                }
                self.has_html = true;
            }
            Tag::Head => {
                if self.has_head || self.has_body {
                    return NONE;
                }
                self.has_head = true;
            }
            Tag::Body => {
                if self.has_body {
                    return NONE;
                }
                self.has_body = true;
                if let Some(pos) = self.stack.iter().rposition(|s| s.1 == Tag::Head) {
                    self.stack.truncate(pos);
                }
            }
            _ => {}
        }
        if tag.closes_p() {
            self.close_in_scope(Tag::P);
        }
        match tag {
            Tag::Li => self.close_in_scope_until(Tag::Li, &[Tag::Ul, Tag::Ol, Tag::Menu]),
            Tag::Dt | Tag::Dd => {
                self.close_in_scope_until(Tag::Dt, &[Tag::Dl]);
                self.close_in_scope_until(Tag::Dd, &[Tag::Dl]);
            }
            Tag::Tr => {
                self.close_in_scope_until(Tag::Td, &[Tag::Tr, Tag::Table]);
                self.close_in_scope_until(Tag::Th, &[Tag::Tr, Tag::Table]);
                self.close_in_scope_until(Tag::Tr, &[Tag::Table]);
            }
            Tag::Td | Tag::Th => {
                self.close_in_scope_until(Tag::Td, &[Tag::Tr, Tag::Table]);
                self.close_in_scope_until(Tag::Th, &[Tag::Tr, Tag::Table]);
            }
            Tag::Option => self.close_in_scope_until(Tag::Option, &[Tag::Select]),
            Tag::A => self.close_in_scope(Tag::A),
            t if t.is_heading() => {
                if let Some(&(_, top)) = self.stack.last() {
                    if top.is_heading() {
                        self.stack.pop();
                    }
                }
            }
            _ => {}
        }
        let parent = self.current();
        let id = self.append(parent, tag, attr_start, attr_end);
        if !tag.is_void() && self.stack.len() < MAX_DEPTH {
            self.stack.push((id, tag));
        }
        id
    }

    /// Pops the element `id` if it is on top of the stack.
    fn close_top(&mut self, id: NodeId) {
        if self.stack.last().map(|s| s.0) == Some(id) {
            self.stack.pop();
        }
    }

    /// Closes an open `tag` if found before a scope boundary.
    fn close_in_scope(&mut self, tag: Tag) {
        for k in (1..self.stack.len()).rev() {
            let t = self.stack[k].1;
            if t == tag {
                self.stack.truncate(k);
                return;
            }
            if t.is_scope_boundary() {
                return;
            }
        }
    }

    /// Closes an open `tag` unless one of `stops` (or a boundary) comes first.
    fn close_in_scope_until(&mut self, tag: Tag, stops: &[Tag]) {
        for k in (1..self.stack.len()).rev() {
            let t = self.stack[k].1;
            if t == tag {
                self.stack.truncate(k);
                return;
            }
            if stops.contains(&t) || (t.is_scope_boundary() && t != Tag::Div) {
                return;
            }
        }
    }

    fn end_tag(&mut self, tag: Tag) {
        match tag {
            Tag::Body | Tag::Html => return,
            Tag::Br => {
                let parent = self.current();
                self.append(parent, Tag::Br, 0, 0);
                return;
            }
            t if t.is_void() => return,
            Tag::Other => {
                // Unknown elements: close the nearest unknown one if it is on top.
                if self.stack.last().map(|s| s.1) == Some(Tag::Other) {
                    self.stack.pop();
                }
                return;
            }
            _ => {}
        }
        let heading = tag.is_heading();
        for k in (1..self.stack.len()).rev() {
            let t = self.stack[k].1;
            if t == tag || (heading && t.is_heading()) {
                self.stack.truncate(k);
                return;
            }
        }
    }
}

/// Reads a tag name at `i`: the tag and the index after the name.
fn read_tag_name(b: &[u8], mut i: usize) -> (Tag, usize) {
    let start = i;
    while i < b.len() && !matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
        i += 1;
    }
    let name = &b[start..i];
    if name.len() > 12 {
        return (Tag::Other, i);
    }
    let mut lower = [0u8; 12];
    for (d, s) in lower.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    (Tag::from_name(&lower[..name.len()]), i)
}

fn skip_to_gt(b: &[u8], i: usize) -> usize {
    if i >= b.len() {
        return b.len();
    }
    match memchr::memchr(b'>', &b[i..]) {
        Some(o) => i + o + 1,
        None => b.len(),
    }
}

/// Finds `</name` (any case) from `i`: (start of the end tag, index after it).
fn find_end_tag(b: &[u8], mut i: usize, name: &[u8]) -> (usize, usize) {
    let finder = memmem::Finder::new(b"</");
    while let Some(o) = finder.find(&b[i.min(b.len())..]) {
        let at = i + o;
        let n = at + 2;
        if b.len() >= n + name.len() && b[n..n + name.len()].eq_ignore_ascii_case(name) {
            let after = n + name.len();
            if after >= b.len()
                || matches!(
                    b[after],
                    b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
                )
            {
                return (at, skip_to_gt(b, after));
            }
        }
        i = at + 2;
    }
    (b.len(), b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dump(doc: &Document, id: NodeId, out: &mut String) {
        let n = doc.node(id);
        match n.tag {
            Tag::Text => out.push_str(doc.text(id)),
            Tag::Document => {
                for c in doc.children(id) {
                    dump(doc, c, out);
                }
            }
            t => {
                out.push_str(&format!("<{t:?}>"));
                for c in doc.children(id) {
                    dump(doc, c, out);
                }
                out.push_str(&format!("</{t:?}>"));
            }
        }
    }

    fn tree(html: &str) -> String {
        let doc = Document::parse(html);
        let mut s = String::new();
        dump(&doc, 0, &mut s);
        s
    }

    #[test]
    fn implied_end_tags() {
        assert_eq!(
            tree("<p>one<p>two<div>x</div>"),
            "<P>one</P><P>two</P><Div>x</Div>"
        );
        assert_eq!(tree("<ul><li>a<li>b</ul>"), "<Ul><Li>a</Li><Li>b</Li></Ul>");
        assert_eq!(
            tree("<table><tr><td>a<td>b<tr><td>c</table>"),
            "<Table><Tr><Td>a</Td><Td>b</Td></Tr><Tr><Td>c</Td></Tr></Table>"
        );
    }

    #[test]
    fn scripts_comments_and_attributes() {
        let html = r#"<html lang=en><head><title>T &amp; U</title>
<script>var x = "<p>no</p>";</script>
<script type="application/ld+json">{"a":"&amp;"}</script></head>
<body><!-- <p>hidden</p> --><div class='a b' ID="main" data-x=1>Hi&nbsp;there</div></body></html>"#;
        let doc = Document::parse(html);
        let s = tree(html);
        assert!(!s.contains("no"), "{s}");
        assert!(!s.contains("hidden"), "{s}");
        assert!(s.contains("<Title>T & U</Title>"), "{s}");
        assert!(s.contains(r#"{"a":"&amp;"}"#), "{s}");
        let div = doc.elements(Tag::Div).next().unwrap();
        assert_eq!(doc.attr(div, AttrName::Class), Some("a b"));
        assert_eq!(doc.attr(div, AttrName::Id), Some("main"));
        assert_eq!(doc.text_content(div), "Hi\u{a0}there");
        let html_el = doc.elements(Tag::Html).next().unwrap();
        assert_eq!(doc.attr(html_el, AttrName::Lang), Some("en"));
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in [
            "<",
            "<a",
            "<a href=\"x",
            "</",
            "</a",
            "<!--",
            "<!",
            "<?",
            "<script>",
            "a < b",
            "<div><<p>>",
            "&#x;",
            "<p =x>",
            "</p></p></div>",
        ] {
            let _ = tree(s);
        }
        let deep = "<div>".repeat(10_000) + "x";
        let doc = Document::parse(&deep);
        assert!(doc.nodes.len() > 10_000);
    }

    #[test]
    fn subtree_end_covers_descendants() {
        let doc = Document::parse("<div><p>a<b>b</b></p></div><p>c</p>");
        let div = doc.elements(Tag::Div).next().unwrap();
        assert_eq!(doc.text_content(div), "ab");
    }
}
