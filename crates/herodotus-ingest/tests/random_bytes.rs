//! Property test: random and mutated bytes fed to the HTML, WARC and feed
//! readers give articles or per-record errors, never a panic or a hang.
//! A fixed-seed generator keeps runs reproducible.

use herodotus_ingest::{feeds, html, warc};
use std::io::Write;

use herodotus_core::rng::Rng;

const HTML: &str = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>T</title>\
<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"articleBody\":\"B\"}</script></head>\
<body><nav><a href=/>Home</a></nav><article><h1>Head</h1><p>First paragraph, with commas, of the story &amp; more.</p>\
<div class=\"related\"><ul><li><a href=x>Other</a></li></ul></div><p>Second &#8220;quoted&#8221; paragraph.<br>Line.</p>\
<table><tr><td>cell<td>cell</table></article><footer>Copyright</footer></body></html>";

const TOKENS: &[&str] = &[
    "<",
    ">",
    "</",
    "<p>",
    "</p>",
    "<div class=\"a\">",
    "</div>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "&amp;",
    "&#",
    "&#x",
    ";",
    "\"",
    "'",
    "=",
    "<br>",
    "<li>",
    "<table>",
    "<td>",
    "WARC/1.0\r\n",
    "Content-Length: ",
    "\r\n\r\n",
    "HTTP/1.1 200 OK\r\n",
    "<![CDATA[",
    "]]>",
    "<item>",
    "</item>",
    "<title>",
    "</title>",
    "\u{0}",
    "\u{fffd}",
    "é",
    "\x1f\u{8b}",
];

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..1 + rng.below(8) {
        match rng.below(4) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next() as u8;
            }
            1 if !v.is_empty() => {
                let i = rng.below(v.len());
                let j = (i + rng.below(64)).min(v.len());
                v.drain(i..j);
            }
            2 => {
                let i = rng.below(v.len() + 1);
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                v.splice(i..i, t.iter().copied());
            }
            _ => {
                let i = rng.below(v.len() + 1);
                v.truncate(i);
            }
        }
    }
    v
}

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let n = rng.below(2000);
    if rng.below(2) == 0 {
        (0..n).map(|_| rng.next() as u8).collect()
    } else {
        let mut v = Vec::new();
        while v.len() < n {
            v.extend_from_slice(TOKENS[rng.below(TOKENS.len())].as_bytes());
            if rng.below(3) == 0 {
                v.extend_from_slice(b"some words here ");
            }
        }
        v
    }
}

fn warc_sample() -> Vec<u8> {
    let body = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{HTML}");
    let rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: http://x/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{body}\r\n\r\n",
        body.len()
    );
    rec.repeat(2).into_bytes()
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn run_warc(data: &[u8]) {
    let mut n = 0;
    for r in warc::WarcReader::new(data, "t.warc", None).take(1000) {
        let _ = r.and_then(|rec| rec.finish());
        n += 1;
    }
    assert!(n < 1000, "runaway WARC reader");
    let gzr = std::io::BufReader::new(warc::GzMembers::new(data));
    let n = warc::WarcReader::new(gzr, "t.warc.gz", None)
        .take(1000)
        .count();
    assert!(n < 1000, "runaway gzip WARC reader");
}

#[test]
fn html_reader_survives_random_input() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for _ in 0..400 {
        let data = if rng.below(2) == 0 {
            mutate(&mut rng, HTML.as_bytes())
        } else {
            random_bytes(&mut rng)
        };
        let _ = html::extract_page(&data, &html::PageContext::default());
    }
}

#[test]
fn warc_reader_survives_random_input() {
    let mut rng = Rng(0x5eed_1234_abcd_0002);
    let sample = warc_sample();
    let sample_gz: Vec<u8> = [
        gz(&sample[..sample.len() / 2]),
        gz(&sample[sample.len() / 2..]),
    ]
    .concat();
    for _ in 0..300 {
        let data = match rng.below(3) {
            0 => mutate(&mut rng, &sample),
            1 => mutate(&mut rng, &sample_gz),
            _ => random_bytes(&mut rng),
        };
        run_warc(&data);
    }
}

#[test]
fn feed_reader_survives_random_input() {
    let mut rng = Rng(0x5eed_1234_abcd_0003);
    let rss = "<rss><channel><item><title>A &amp; B</title><link>http://x/</link><description><![CDATA[<p>Text here.</p>]]></description></item></channel></rss>";
    for _ in 0..300 {
        let data = if rng.below(2) == 0 {
            mutate(&mut rng, rss.as_bytes())
        } else {
            random_bytes(&mut rng)
        };
        let _ = feeds::parse_feed(&data, "t.rss", None);
    }
}

#[test]
fn huge_and_deep_pages() {
    // A big page (several MB of paragraphs) and a pathologically deep one.
    let para = "<p>Words of a long page, repeated many times over, with commas, to be big.</p>\n";
    let big = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(60_000)
    );
    let page = html::extract_page(big.as_bytes(), &html::PageContext::default()).unwrap();
    assert!(page.text.len() > 1_000_000);
    let deep = format!(
        "<body>{}<p>Deep text inside many divs, long enough to count.</p></body>",
        "<div><span>".repeat(50_000)
    );
    let page = html::extract_page(deep.as_bytes(), &html::PageContext::default()).unwrap();
    assert!(page.text.contains("Deep text"));
}
