//! The dyad chart as inline SVG: stacked bars of events by QuadClass per
//! bucket, and the mean Goldstein score as a line on the right-hand axis.
//! Every bucket is a focusable `<g class="bucket">` carrying its date range,
//! which the page script turns into a list of events when clicked.

use herodotus_store::Bucket;
use std::fmt::Write;

const W: f64 = 900.0;
const H: f64 = 340.0;
const L: f64 = 48.0;
const R: f64 = 44.0;
const T: f64 = 14.0;
const B: f64 = 40.0;

/// Escapes text for HTML and XML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

fn nice_max(m: u64) -> u64 {
    let m = m.max(1);
    let mag = 10u64.pow((m as f64).log10().floor() as u32);
    for k in [1, 2, 5, 10] {
        if m <= k * mag {
            return k * mag;
        }
    }
    10 * mag
}

/// The chart for `series`; `title` labels it for screen readers.
pub fn dyad_svg(series: &[Bucket], title: &str) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{}" preserveAspectRatio="xMidYMid meet">"#,
        esc(title)
    );
    if series.is_empty() {
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle" class="empty">No events in this range.</text></svg>"#,
            W / 2.0,
            H / 2.0
        );
        return s;
    }
    let pw = W - L - R;
    let ph = H - T - B;
    let ymax = nice_max(series.iter().map(|b| b.count).max().unwrap_or(0));
    let n = series.len() as f64;
    let bw = pw / n;
    let y = |v: f64| T + ph - v / ymax as f64 * ph;
    let gy = |g: f64| T + ph / 2.0 - g / 10.0 * (ph / 2.0);
    // Grid and axes: whole-number event ticks on the left, Goldstein on the right.
    let step = if ymax <= 5 { 1 } else { ymax / 5 };
    let mut v = 0;
    while v <= ymax {
        let yy = y(v as f64);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{L}" x2="{}" y1="{yy:.1}" y2="{yy:.1}"/><text class="axis" x="{}" y="{:.1}" text-anchor="end">{v}</text>"#,
            W - R,
            L - 6.0,
            yy + 4.0
        );
        v += step;
    }
    for k in 0..=4 {
        let g = -10.0 + 5.0 * k as f64;
        let _ = write!(
            s,
            r#"<text class="axis gold" x="{}" y="{:.1}">{g:+}</text>"#,
            W - R + 6.0,
            gy(g) + 4.0
        );
    }
    let _ = write!(
        s,
        r#"<text class="axis" x="12" y="{:.1}" transform="rotate(-90 12 {:.1})" text-anchor="middle">events</text><text class="axis gold" x="{}" y="{:.1}" transform="rotate(90 {} {:.1})" text-anchor="middle">Goldstein</text>"#,
        T + ph / 2.0,
        T + ph / 2.0,
        W - 6.0,
        T + ph / 2.0,
        W - 6.0,
        T + ph / 2.0
    );
    let step = (series.len() / 6).max(1);
    for (i, b) in series.iter().enumerate().step_by(step) {
        let x = L + bw * i as f64 + bw / 2.0;
        let _ = write!(
            s,
            r#"<text class="axis" x="{x:.1}" y="{}" text-anchor="middle">{}</text>"#,
            H - B + 18.0,
            b.start
        );
    }
    // Bars, one focusable group per bucket.
    let gap = if bw > 4.0 { bw * 0.15 } else { 0.0 };
    for (i, b) in series.iter().enumerate() {
        let x = L + bw * i as f64;
        let label = format!(
            "{} to {}: {} events (verbal coop. {}, material coop. {}, verbal conflict {}, material conflict {}){}",
            b.start,
            b.end,
            b.count,
            b.q1,
            b.q2,
            b.q3,
            b.q4,
            b.goldstein_mean
                .map(|g| format!(", mean Goldstein {g:.2}"))
                .unwrap_or_default()
        );
        let _ = write!(
            s,
            r#"<g class="bucket" tabindex="0" role="button" data-from="{}" data-to="{}" data-count="{}" aria-label="{}"><title>{}</title><rect class="hit" x="{x:.2}" y="{T}" width="{bw:.2}" height="{ph:.1}"/>"#,
            b.start,
            b.end,
            b.count,
            esc(&label),
            esc(&label)
        );
        let mut acc = 0.0;
        for (q, v) in [b.q1, b.q2, b.q3, b.q4].into_iter().enumerate() {
            if v == 0 {
                continue;
            }
            let top = y(acc + v as f64);
            let h = y(acc) - top;
            acc += v as f64;
            let _ = write!(
                s,
                r#"<rect class="q{}" x="{:.2}" y="{top:.2}" width="{:.2}" height="{h:.2}"/>"#,
                q + 1,
                x + gap / 2.0,
                (bw - gap).max(0.5)
            );
        }
        if let Some(g) = b.goldstein_mean {
            let _ = write!(
                s,
                r#"<circle class="pt" cx="{:.2}" cy="{:.2}" r="4"/>"#,
                x + bw / 2.0,
                gy(g)
            );
        }
        s.push_str("</g>");
    }
    // Goldstein line through the non-empty buckets.
    let pts: Vec<String> = series
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            b.goldstein_mean
                .map(|g| format!("{:.1},{:.1}", L + bw * i as f64 + bw / 2.0, gy(g)))
        })
        .collect();
    if pts.len() > 1 {
        let _ = write!(s, r#"<polyline class="gline" points="{}"/>"#, pts.join(" "));
    }
    let _ = write!(
        s,
        r#"<line class="axisline" x1="{L}" x2="{}" y1="{:.1}" y2="{:.1}"/></svg>"#,
        W - R,
        T + ph,
        T + ph
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use herodotus_core::Date;

    #[test]
    fn svg_has_a_focusable_bucket_per_point() {
        let d = |s| Date::parse(s).unwrap();
        let b = |start, end, c, g| Bucket {
            start: d(start),
            end: d(end),
            count: c,
            q1: c,
            q2: 0,
            q3: 0,
            q4: 0,
            goldstein_mean: g,
            tone_mean: None,
        };
        let svg = dyad_svg(
            &[
                b("2024-01-01", "2024-01-07", 3, Some(1.5)),
                b("2024-01-08", "2024-01-14", 0, None),
            ],
            "USA & RUS",
        );
        assert_eq!(svg.matches(r#"class="bucket""#).count(), 2);
        assert!(svg.contains(r#"data-from="2024-01-08" data-to="2024-01-14" data-count="0""#));
        assert!(svg.contains("USA &amp; RUS"));
        assert!(dyad_svg(&[], "x").contains("No events"));
        assert_eq!(nice_max(0), 1);
        assert_eq!(nice_max(7), 10);
        assert_eq!(nice_max(11), 20);
        assert_eq!(
            esc("<a href='x'>&\""),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"
        );
    }
}
