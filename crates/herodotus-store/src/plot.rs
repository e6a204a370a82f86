//! Charts of dyad series as SVG or PNG files, drawn with plotters.
//!
//! Text needs a TrueType font (plotters measures it even for SVG): the first of `$HERODOTUS_FONT` and a few
//! common system paths (DejaVu, Liberation, Noto) that exists is used; without
//! one the chart is drawn without text.

use crate::{Bucket, Error, Result};
use herodotus_core::Date;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

const QUAD_COLOURS: [RGBColor; 4] = [
    RGBColor(46, 125, 50),  // verbal cooperation
    RGBColor(21, 101, 192), // material cooperation
    RGBColor(239, 108, 0),  // verbal conflict
    RGBColor(198, 40, 40),  // material conflict
];
const QUAD_NAMES: [&str; 4] = [
    "verbal coop.",
    "material coop.",
    "verbal conflict",
    "material conflict",
];

fn font_loaded() -> bool {
    static LOADED: OnceLock<bool> = OnceLock::new();
    *LOADED.get_or_init(|| {
        let mut paths: Vec<String> = std::env::var("HERODOTUS_FONT").into_iter().collect();
        paths.extend(
            [
                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/TTF/DejaVuSans.ttf",
                "/usr/share/fonts/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                "/System/Library/Fonts/Supplemental/Arial.ttf",
                "C:\\Windows\\Fonts\\arial.ttf",
            ]
            .map(String::from),
        );
        for p in paths {
            if let Ok(bytes) = std::fs::read(&p) {
                // Registered once for the life of the process.
                let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                if plotters::style::register_font("sans-serif", FontStyle::Normal, bytes).is_ok() {
                    return true;
                }
            }
        }
        false
    })
}

fn err<E: std::fmt::Display>(e: E) -> Error {
    Error::Io(std::io::Error::other(format!("plot: {e}")))
}

fn draw<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    series: &[Bucket],
    title: &str,
    text: bool,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE).map_err(err)?;
    let (top, bottom) = root.split_vertically((root.dim_in_pixel().1 as f64 * 0.62) as u32);
    let x0 = series.first().map_or(0, |b| b.start.to_days());
    let x1 = series.last().map_or(1, |b| b.start.to_days()).max(x0 + 1);
    let ymax = series
        .iter()
        .flat_map(|b| [b.q1, b.q2, b.q3, b.q4])
        .max()
        .unwrap_or(0)
        .max(1);
    let fmt_x = |d: &i64| Date::from_days(*d).to_string();

    let mut b = ChartBuilder::on(&top);
    b.margin(10);
    if text {
        b.caption(title, ("sans-serif", 20))
            .x_label_area_size(28)
            .y_label_area_size(48);
    }
    let mut chart = b
        .build_cartesian_2d(x0..x1, 0u64..ymax + ymax / 10 + 1)
        .map_err(err)?;
    if text {
        chart
            .configure_mesh()
            .x_labels(6)
            .x_label_formatter(&fmt_x)
            .y_desc("events")
            .draw()
            .map_err(err)?;
    } else {
        chart.configure_mesh().disable_mesh().draw().map_err(err)?;
    }
    for q in 0..4 {
        let colour = QUAD_COLOURS[q];
        let pts = series
            .iter()
            .map(move |b| (b.start.to_days(), [b.q1, b.q2, b.q3, b.q4][q]));
        let s = chart
            .draw_series(LineSeries::new(pts, colour.stroke_width(2)))
            .map_err(err)?;
        if text {
            s.label(QUAD_NAMES[q]).legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 16, y)], colour.stroke_width(2))
            });
        }
    }
    if text {
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK.mix(0.3))
            .position(SeriesLabelPosition::UpperLeft)
            .draw()
            .map_err(err)?;
    }

    let mut b = ChartBuilder::on(&bottom);
    b.margin(10);
    if text {
        b.x_label_area_size(28).y_label_area_size(48);
    }
    let mut chart = b.build_cartesian_2d(x0..x1, -10f64..10f64).map_err(err)?;
    if text {
        chart
            .configure_mesh()
            .x_labels(6)
            .x_label_formatter(&fmt_x)
            .y_desc("mean Goldstein")
            .draw()
            .map_err(err)?;
    }
    chart
        .draw_series(LineSeries::new([(x0, 0.0), (x1, 0.0)], BLACK.mix(0.3)))
        .map_err(err)?;
    // The line joins consecutive buckets only: an empty bucket breaks it, so
    // it never draws a trend across periods without events.
    let runs: Vec<Vec<(i64, f64)>> = crate::series::goldstein_runs(series)
        .into_iter()
        .map(|run| {
            run.into_iter()
                .map(|(i, g)| (series[i].start.to_days(), g))
                .collect()
        })
        .collect();
    for run in runs.iter().filter(|r| r.len() > 1) {
        chart
            .draw_series(LineSeries::new(run.iter().copied(), BLACK.stroke_width(2)))
            .map_err(err)?;
    }
    let pts: Vec<(i64, f64)> = runs.concat();
    chart
        .draw_series(pts.iter().map(|p| Circle::new(*p, 3, BLACK.filled())))
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

/// Draws `series` to `path`: SVG when it ends in `.svg`, PNG when `.png`.
pub fn plot_series(series: &[Bucket], title: &str, path: &Path) -> Result<()> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let size = (1000, 600);
    match ext.as_deref() {
        // Both backends measure text through the registered font.
        Some("svg") => draw(
            SVGBackend::new(path, size).into_drawing_area(),
            series,
            title,
            font_loaded(),
        ),
        Some("png") => {
            let text = font_loaded();
            draw(
                BitMapBackend::new(path, size).into_drawing_area(),
                series,
                title,
                text,
            )
        }
        _ => Err(Error::BadQuery(format!(
            "{}: the chart file must end in .svg or .png",
            path.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_svg_and_png() {
        let d = |s| Date::parse(s).unwrap();
        let series = vec![
            Bucket::new(
                d("2024-01-01"),
                d("2024-01-07"),
                [1, 0, 2, 0],
                Some(-1.0),
                None,
            ),
            Bucket::new(d("2024-01-08"), d("2024-01-14"), [0, 0, 0, 0], None, None),
            Bucket::new(
                d("2024-01-15"),
                d("2024-01-21"),
                [0, 1, 0, 4],
                Some(-7.5),
                Some(-3.0),
            ),
        ];
        let dir = std::env::temp_dir().join(format!("hstore-plot-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let svg = dir.join("c.svg");
        plot_series(&series, "USA - RUS", &svg).unwrap();
        let s = std::fs::read_to_string(&svg).unwrap();
        assert!(s.starts_with("<svg"));
        assert_eq!(s.contains("USA - RUS"), font_loaded());
        let png = dir.join("c.png");
        plot_series(&series, "USA - RUS", &png).unwrap();
        assert_eq!(&std::fs::read(&png).unwrap()[..4], b"\x89PNG");
        plot_series(&[], "empty", &png).unwrap();
        assert!(plot_series(&series, "x", &dir.join("c.gif")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Issue 11 item 10: the mean Goldstein line stops at empty buckets (it
    /// was one line through all points).
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
            b("2024-01-04", Some(-3.0)),
            b("2024-01-05", Some(-4.0)),
            b("2024-01-06", Some(-5.0)),
            b("2024-01-07", None),
            b("2024-01-08", Some(5.0)),
        ];
        let dir = std::env::temp_dir().join(format!("hstore-plot-gap-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("g.svg");
        plot_series(&series, "gaps", &path).unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        // The Goldstein line is the only black polyline of width 2.
        let lines: Vec<usize> = svg
            .split("<polyline")
            .skip(1)
            .map(|p| &p[..p.find("/>").unwrap()])
            .filter(|p| p.contains(r##"stroke="#000000""##) && p.contains(r#"stroke-width="2""#))
            .map(|p| {
                let pts = &p[p.find("points=\"").unwrap() + 8..];
                pts[..pts.find('"').unwrap()].split_whitespace().count()
            })
            .collect();
        assert_eq!(lines, vec![2, 3], "{svg}");
    }
}
