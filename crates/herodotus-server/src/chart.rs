//! The dyad chart: stacked bars of events by QuadClass per bucket and the
//! mean Goldstein score as a line on the right-hand axis. The plot is inline
//! SVG that scales with the page; the axis labels are HTML around it, so their
//! size does not shrink with the plot (at 400 px wide an SVG label of 11 units
//! rendered at under 5 px). Every bucket is a focusable `<g class="bucket">`
//! carrying its date range, which the page script turns into a list of events
//! when clicked.

use herodotus_store::{goldstein_runs, Bucket};
use std::fmt::Write;

/// Plot size in SVG units (the plot only: labels are outside).
const W: f64 = 800.0;
const H: f64 = 300.0;
/// Room above and below for the points at Goldstein +10 and -10.
const PAD: f64 = 6.0;

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

fn pct(v: f64, of: f64) -> f64 {
    (v / of * 100.0).clamp(0.0, 100.0)
}

/// The chart for `series` as HTML (a `div.dchart` holding `svg.chart`);
/// `title` labels it for screen readers.
pub fn dyad_chart(series: &[Bucket], title: &str) -> String {
    if series.is_empty() {
        return r#"<div class="dchart empty"><p class="muted">No events in this range.</p></div>"#
            .to_string();
    }
    let ph = H - 2.0 * PAD;
    let ymax = nice_max(series.iter().map(|b| b.count).max().unwrap_or(0));
    let n = series.len() as f64;
    let bw = W / n;
    let y = |v: f64| PAD + ph - v / ymax as f64 * ph;
    let gy = |g: f64| PAD + ph / 2.0 - g / 10.0 * (ph / 2.0);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{}" preserveAspectRatio="xMidYMid meet">"#,
        esc(title)
    );
    // Labels, positioned in percent of the plot so they follow its scaling.
    let mut left = String::from(r#"<div class="yl" aria-hidden="true">"#);
    let step = if ymax <= 5 { 1 } else { ymax / 5 };
    let mut v = 0;
    while v <= ymax {
        let yy = y(v as f64);
        let _ = write!(
            svg,
            r#"<line class="grid" x1="0" x2="{W}" y1="{yy:.1}" y2="{yy:.1}"/>"#
        );
        let _ = write!(left, r#"<span style="top:{:.2}%">{v}</span>"#, pct(yy, H));
        v += step;
    }
    left.push_str("</div>");
    let mut right = String::from(r#"<div class="yr" aria-hidden="true">"#);
    for k in 0..=4 {
        let g = -10.0 + 5.0 * k as f64;
        let _ = write!(
            right,
            r#"<span style="top:{:.2}%">{}</span>"#,
            pct(gy(g), H),
            if g == 0.0 {
                "0".to_string()
            } else {
                format!("{g:+}")
            }
        );
    }
    right.push_str("</div>");
    let mut bottom = String::from(r#"<div class="xl" aria-hidden="true">"#);
    let step = (series.len() / 6).max(1);
    for (k, (i, b)) in series.iter().enumerate().step_by(step).enumerate() {
        let x = bw * i as f64 + bw / 2.0;
        // Every other label is dropped on narrow screens (CSS), where six
        // dates do not fit side by side.
        let _ = write!(
            bottom,
            r#"<span{} style="left:{:.2}%">{}</span>"#,
            if k % 2 == 1 { r#" class="alt""# } else { "" },
            pct(x, W),
            b.start
        );
    }
    bottom.push_str("</div>");
    // Bars, one focusable group per bucket.
    let gap = if bw > 4.0 { bw * 0.15 } else { 0.0 };
    for (i, b) in series.iter().enumerate() {
        let x = bw * i as f64;
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
            svg,
            r#"<g class="bucket" tabindex="0" role="button" data-from="{}" data-to="{}" data-count="{}" aria-label="{}"><title>{}</title><rect class="hit" x="{x:.2}" y="0" width="{bw:.2}" height="{H}"/>"#,
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
                svg,
                r#"<rect class="q{}" x="{:.2}" y="{top:.2}" width="{:.2}" height="{h:.2}"/>"#,
                q + 1,
                x + gap / 2.0,
                (bw - gap).max(0.5)
            );
        }
        if let Some(g) = b.goldstein_mean {
            let _ = write!(
                svg,
                r#"<circle class="pt" cx="{:.2}" cy="{:.2}" r="4"/>"#,
                x + bw / 2.0,
                gy(g)
            );
        }
        svg.push_str("</g>");
    }
    // The Goldstein line, one piece per run of non-empty buckets.
    for run in goldstein_runs(series).iter().filter(|r| r.len() > 1) {
        let pts: Vec<String> = run
            .iter()
            .map(|&(i, g)| format!("{:.1},{:.1}", bw * i as f64 + bw / 2.0, gy(g)))
            .collect();
        let _ = write!(
            svg,
            r#"<polyline class="gline" points="{}"/>"#,
            pts.join(" ")
        );
    }
    let _ = write!(
        svg,
        r#"<line class="axisline" x1="0" x2="{W}" y1="{:.1}" y2="{:.1}"/></svg>"#,
        PAD + ph,
        PAD + ph
    );
    format!(
        r#"<div class="dchart"><div class="yt" aria-hidden="true"><span>events</span><span class="gold">Goldstein</span></div>{left}{svg}{right}{bottom}</div>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use herodotus_core::Date;

    #[test]
    fn svg_has_a_focusable_bucket_per_point() {
        let d = |s| Date::parse(s).unwrap();
        let b = |start, end, c, g| Bucket::new(d(start), d(end), [c, 0, 0, 0], g, None);
        let svg = dyad_chart(
            &[
                b("2024-01-01", "2024-01-07", 3, Some(1.5)),
                b("2024-01-08", "2024-01-14", 0, None),
            ],
            "USA & RUS",
        );
        assert_eq!(svg.matches(r#"class="bucket""#).count(), 2);
        assert!(svg.contains(r#"data-from="2024-01-08" data-to="2024-01-14" data-count="0""#));
        assert!(svg.contains("USA &amp; RUS"));
        assert!(dyad_chart(&[], "x").contains("No events"));
        // Labels are HTML, outside the scaled SVG.
        let (plot, labels) = svg.split_at(svg.find("</svg>").unwrap());
        assert!(!plot.contains("<text"));
        assert!(labels.contains(">2024-01-01</span>"));
        assert_eq!(nice_max(0), 1);
        assert_eq!(nice_max(7), 10);
        assert_eq!(nice_max(11), 20);
        assert_eq!(
            esc("<a href='x'>&\""),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"
        );
    }

    /// Issue 11 item 10: the Goldstein line is broken over empty buckets
    /// (it was one polyline through every non-empty bucket, drawn straight
    /// across years without data).
    #[test]
    fn goldstein_line_breaks_over_empty_buckets() {
        let d = |s: &str| Date::parse(s).unwrap();
        let b = |day: &str, g: Option<f64>| {
            Bucket::new(d(day), d(day), [u64::from(g.is_some()), 0, 0, 0], g, None)
        };
        let series = [
            b("2024-01-01", Some(1.0)),
            b("2024-01-02", Some(2.0)),
            b("2024-01-03", None),
            b("2024-01-04", None),
            b("2024-01-05", Some(-3.0)),
            b("2024-01-06", Some(-4.0)),
            b("2024-01-07", None),
            b("2024-01-08", Some(5.0)),
        ];
        let svg = dyad_chart(&series, "t");
        let lines: Vec<&str> = svg
            .match_indices("<polyline")
            .map(|(i, _)| &svg[i..i + svg[i..].find("/>").unwrap()])
            .collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        for l in &lines {
            assert_eq!(l.matches(',').count(), 2, "two points per run: {l}");
        }
        // The lone last point is still drawn, as a point.
        assert_eq!(svg.matches(r#"class="pt""#).count(), 5);
        assert_eq!(
            goldstein_runs(&series)
                .iter()
                .map(|r| r.iter().map(|p| p.0).collect::<Vec<_>>())
                .collect::<Vec<_>>(),
            vec![vec![0, 1], vec![4, 5], vec![7]]
        );
    }
}
