//! The charts of ping-test results, drawn on the server as SVG with
//! `plotters` (its SVG backend only): no JavaScript, and nothing the page's
//! CSP forbids. Pure functions from figures to an SVG string.
//!
//! Every chart is an `<svg role="img">` named by its `<title>` and
//! described by its `<desc>`, which gives the figures in words in the
//! reader's language; the page puts it in a `<figure>` with a caption and
//! a data table after it. Colours are presentation attributes from the
//! palette of `static/app.css`; any `style` attribute is removed.
//!
//! The geometry is the same in every language (left to right, as numbers
//! and time read). In a right-to-left language each text is laid out
//! right to left (`direction="rtl"`), its anchor mirrored so that it stays
//! where the chart put it: Arabic labels read in their own order.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use pocdir_domain::ping_test::challenge::Outcome;
use pocdir_domain::ping_test::results::{Distribution, Tally};
use pocdir_i18n::{FluentArg, Translator};

/// The palette of `static/app.css` (its `--c-*` tokens).
pub mod palette {
    /// `--c-ink`.
    pub const INK: &str = "#1a1d21";
    /// `--c-muted`.
    pub const MUTED: &str = "#4d5661";
    /// `--c-line`.
    pub const LINE: &str = "#d0d5dc";
    /// `--c-accent`.
    pub const ACCENT: &str = "#0a57a4";
    /// `--c-good`.
    pub const GOOD: &str = "#1b6b3a";
    /// `--c-bad`.
    pub const BAD: &str = "#a1161b";
    /// `--c-warn`.
    pub const WARN: &str = "#7a4a00";
    /// `--c-control`.
    pub const CONTROL: &str = "#767f8a";
}

/// The fonts of `static/app.css` (`--font`), without quotes.
const FONT: &str = "system-ui, Noto Sans, Noto Sans Arabic, Noto Naskh Arabic, Noto Sans CJK SC, Noto Sans SC, sans-serif";
/// plotters writes `font-size` as the size given divided by 1.24.
const PX: f64 = 1.24;
const WIDTH: u32 = 640;

/// A chart could not be drawn (the page shows the table alone).
#[derive(Debug)]
pub struct ChartError(String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

fn err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError(format!("{e:?}"))
}

/// `#rrggbb` as a plotters colour (black when it is not one).
fn rgb(hex: &str) -> RGBColor {
    let h = hex.trim_start_matches('#');
    let part = |i: usize| {
        h.get(i..i + 2)
            .and_then(|s| u8::from_str_radix(s, 16).ok())
            .unwrap_or(0)
    };
    RGBColor(part(0), part(2), part(4))
}

fn font(size: f64, colour: &str, pos: Pos) -> TextStyle<'static> {
    TextStyle {
        font: (FONT, size * PX).into_font(),
        color: rgb(colour).to_backend_color(),
        pos,
    }
}

/// The words of a chart: its name and its figures told in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartText {
    pub title: String,
    pub desc: String,
}

/// One bar of a bar chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    pub colour: &'static str,
}

/// One line of a line chart: a value (0–100 %) per campaign, or none
/// where there is nothing to show (a State that was not in a campaign).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub label: String,
    pub colour: &'static str,
    /// Squares instead of circles at the points (so that lines differ by
    /// more than their colour).
    pub squares: bool,
    pub points: Vec<Option<f64>>,
}

fn xml_escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// Removes every `style="…"` (or `style='…'`) attribute.
pub fn strip_style_attributes(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(" style=") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " style=".len()..];
        let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'');
        match quote.and_then(|q| after[1..].find(q).map(|end| end + 2)) {
            Some(skip) => rest = &after[skip..],
            None => {
                // Not an attribute we can parse: keep the text as it is.
                out.push_str(" style=");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Mirrors the anchors of texts laid out right to left, so that each text
/// stays where it was placed (`start` of an RTL text is its right end).
fn mirror_anchors(svg: &str) -> String {
    svg.replace("text-anchor=\"start\"", "text-anchor=\"\u{0}\"")
        .replace("text-anchor=\"end\"", "text-anchor=\"start\"")
        .replace("text-anchor=\"\u{0}\"", "text-anchor=\"end\"")
}

/// Gives plotters' SVG its accessible name and description, the chart's
/// text direction and a class, and removes any `style` attribute.
fn finish(raw: &str, id: &str, text: &ChartText, rtl: bool, size: (u32, u32)) -> String {
    let body = match raw.find("<svg") {
        Some(start) => {
            let from = &raw[start..];
            match from.find('>') {
                Some(end) => &from[end + 1..],
                None => "",
            }
        }
        None => raw,
    };
    let body = body.trim_end();
    let body = body.strip_suffix("</svg>").unwrap_or(body);
    let dir = if rtl { "rtl" } else { "ltr" };
    let body = if rtl {
        mirror_anchors(body)
    } else {
        body.to_string()
    };
    let (w, h) = size;
    let id = xml_escape(id);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{id}\" \
         viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" direction=\"{dir}\" \
         font-family=\"{FONT}\">\
         <title id=\"{id}-title\">{title}</title>\
         <desc id=\"{id}-desc\">{desc}</desc>\n{body}</svg>",
        title = xml_escape(&text.title),
        desc = xml_escape(&text.desc),
    );
    strip_style_attributes(&svg)
}

fn draw_bars(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    bars: &[Bar],
    label_width: i32,
) -> Result<(), ChartError> {
    let row = 30;
    let top = 8;
    let value_room = 56;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let span = (WIDTH as i32 - label_width - value_room).max(10);
    let bottom = top + row * bars.len() as i32;
    root.draw(&PathElement::new(
        vec![(label_width, top - 4), (label_width, bottom + 4)],
        rgb(palette::MUTED).stroke_width(1),
    ))
    .map_err(err)?;
    for (i, b) in bars.iter().enumerate() {
        let y = top + row * i as i32;
        let mid = y + row / 2;
        root.draw(&Text::new(
            b.label.clone(),
            (label_width - 8, mid),
            font(13.0, palette::INK, Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
        let length = (span as f64 * b.value as f64 / max as f64).round() as i32;
        if length > 0 {
            root.draw(&Rectangle::new(
                [(label_width, y + 5), (label_width + length, y + row - 5)],
                rgb(b.colour).filled(),
            ))
            .map_err(err)?;
        }
        root.draw(&Text::new(
            b.value.to_string(),
            (label_width + length + 6, mid),
            font(13.0, palette::INK, Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(err)?;
    }
    Ok(())
}

/// A horizontal bar chart: a label and a bar per value.
pub fn bar_chart(
    id: &str,
    bars: &[Bar],
    text: &ChartText,
    rtl: bool,
) -> Result<String, ChartError> {
    let height = 16 + 30 * bars.len().max(1) as u32;
    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, (WIDTH, height)).into_drawing_area();
        draw_bars(&root, bars, 230)?;
        root.present().map_err(err)?;
    }
    Ok(finish(&raw, id, text, rtl, (WIDTH, height)))
}

/// A line chart of shares (0–100 %) across campaigns, with a legend below.
pub fn line_chart(
    id: &str,
    x_labels: &[String],
    lines: &[Line],
    text: &ChartText,
    rtl: bool,
) -> Result<String, ChartError> {
    let plot_height: u32 = 240;
    let legend_row: u32 = 24;
    let height = plot_height + 8 + legend_row * lines.len() as u32;
    let n = x_labels.len().max(1);
    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, (WIDTH, height)).into_drawing_area();
        let (plot, legend) = root.split_vertically(plot_height);
        let mut chart = ChartBuilder::on(&plot)
            .margin(12)
            .margin_right(24)
            .x_label_area_size(28)
            .y_label_area_size(48)
            .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..100f64)
            .map_err(err)?;
        let percent = |v: &f64| format!("{v:.0}%");
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(6)
            .y_label_formatter(&percent)
            .label_style(font(
                12.0,
                palette::MUTED,
                Pos::new(HPos::Right, VPos::Center),
            ))
            .bold_line_style(rgb(palette::LINE).stroke_width(1))
            .light_line_style(TRANSPARENT)
            .axis_style(rgb(palette::MUTED).stroke_width(1))
            .draw()
            .map_err(err)?;
        // The campaigns under the axis: at most about eight labels.
        let every = n.div_ceil(8).max(1);
        for (i, label) in x_labels.iter().enumerate() {
            if i % every != 0 && i + 1 != n {
                continue;
            }
            let (x, y) = chart.backend_coord(&(i as f64, 0.0));
            plot.draw(&Text::new(
                label.clone(),
                (x, y + 8),
                font(12.0, palette::MUTED, Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(err)?;
        }
        for line in lines {
            let colour = rgb(line.colour);
            // A line is broken where a campaign has no value.
            let mut segment: Vec<(f64, f64)> = Vec::new();
            let mut segments = Vec::new();
            for (i, p) in line.points.iter().enumerate() {
                match p {
                    Some(v) => segment.push((i as f64, v.clamp(0.0, 100.0))),
                    None => segments.push(std::mem::take(&mut segment)),
                }
            }
            segments.push(segment);
            for s in segments.iter().filter(|s| !s.is_empty()) {
                chart
                    .draw_series(LineSeries::new(s.iter().copied(), colour.stroke_width(2)))
                    .map_err(err)?;
                if line.squares {
                    chart
                        .draw_series(s.iter().map(|(x, y)| {
                            EmptyElement::at((*x, *y))
                                + Rectangle::new([(-4, -4), (4, 4)], colour.filled())
                        }))
                        .map_err(err)?;
                } else {
                    chart
                        .draw_series(
                            s.iter()
                                .map(|(x, y)| Circle::new((*x, *y), 4, colour.filled())),
                        )
                        .map_err(err)?;
                }
            }
        }
        for (i, line) in lines.iter().enumerate() {
            let y = 4 + legend_row as i32 * i as i32 + legend_row as i32 / 2;
            let colour = rgb(line.colour);
            legend
                .draw(&PathElement::new(
                    vec![(60, y), (88, y)],
                    colour.stroke_width(2),
                ))
                .map_err(err)?;
            if line.squares {
                legend
                    .draw(&Rectangle::new([(70, y - 4), (78, y + 4)], colour.filled()))
                    .map_err(err)?;
            } else {
                legend
                    .draw(&Circle::new((74, y), 4, colour.filled()))
                    .map_err(err)?;
            }
            legend
                .draw(&Text::new(
                    line.label.clone(),
                    (96, y),
                    font(13.0, palette::INK, Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(finish(&raw, id, text, rtl, (WIDTH, height)))
}

/// The colour of an outcome's bar.
pub fn outcome_colour(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::InTime => palette::GOOD,
        Outcome::Late => palette::WARN,
        Outcome::NoAnswer => palette::BAD,
        Outcome::Undeliverable => palette::MUTED,
        Outcome::Awaiting => palette::ACCENT,
    }
}

fn num(n: u64) -> FluentArg {
    FluentArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The outcomes of a campaign (or of one State in it) as a bar chart.
pub fn outcomes_chart(
    tr: &Translator,
    id: &str,
    title: String,
    tally: &Tally,
) -> Result<String, ChartError> {
    let bars: Vec<Bar> = Outcome::ALL
        .iter()
        .map(|o| Bar {
            label: tr.t(o.label_message()),
            value: tally.get(*o),
            colour: outcome_colour(*o),
        })
        .collect();
    let desc = tr.t_args(
        "ping-results-chart-outcomes-desc",
        &[
            ("total", num(tally.total())),
            ("in_time", num(tally.in_time)),
            ("late", num(tally.late)),
            ("no_answer", num(tally.no_answer)),
            ("undeliverable", num(tally.undeliverable)),
            ("awaiting", num(tally.awaiting)),
        ],
    );
    bar_chart(id, &bars, &ChartText { title, desc }, tr.lang().is_rtl())
}

/// A duration in the reader's language (`3 h 20 min`, `2 d 4 h`).
pub fn duration_text(tr: &Translator, seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    let (d, h, m) = (minutes / 1440, (minutes / 60) % 24, minutes % 60);
    let arg = |v: i64| FluentArg::Number(v);
    if d > 0 {
        tr.t_args("ping-results-duration-dh", &[("d", arg(d)), ("h", arg(h))])
    } else if h > 0 {
        tr.t_args("ping-results-duration-hm", &[("h", arg(h)), ("m", arg(m))])
    } else {
        tr.t_args("ping-results-duration-m", &[("m", arg(m))])
    }
}

/// The response-time distribution as a bar chart of its bands.
pub fn distribution_chart(
    tr: &Translator,
    id: &str,
    title: String,
    d: &Distribution,
) -> Result<String, ChartError> {
    let bars: Vec<Bar> = d
        .bands
        .iter()
        .map(|(band, n)| Bar {
            label: tr.t(band.label_message()),
            value: *n,
            colour: palette::ACCENT,
        })
        .collect();
    let desc = match (d.median_seconds, d.p90_seconds) {
        (Some(median), Some(p90)) => {
            let bands = bars
                .iter()
                .map(|b| {
                    tr.t_args(
                        "ping-results-chart-band-count",
                        &[
                            ("band", FluentArg::Text(b.label.clone())),
                            ("count", num(b.value)),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join(&tr.t("ping-results-list-separator"));
            tr.t_args(
                "ping-results-chart-distribution-desc",
                &[
                    ("answers", num(d.answers)),
                    ("bands", FluentArg::Text(bands)),
                    ("median", FluentArg::Text(duration_text(tr, median))),
                    ("p90", FluentArg::Text(duration_text(tr, p90))),
                ],
            )
        }
        _ => tr.t("ping-results-chart-distribution-none"),
    };
    bar_chart(id, &bars, &ChartText { title, desc }, tr.lang().is_rtl())
}

/// A share in per mille as a percentage for a chart.
pub fn percent(per_mille: u64) -> f64 {
    per_mille as f64 / 10.0
}

/// A share in per mille as text (`83.3%` in the reader's language).
pub fn percent_text(tr: &Translator, per_mille: u64) -> String {
    tr.t_args(
        "ping-results-percent",
        &[
            ("whole", num(per_mille / 10)),
            ("tenth", num(per_mille % 10)),
        ],
    )
}

/// A trend chart: one line per series, its points described in words.
pub fn trend_chart(
    tr: &Translator,
    id: &str,
    title: String,
    campaigns: &[String],
    lines: &[Line],
) -> Result<String, ChartError> {
    let desc = if campaigns.is_empty() {
        tr.t("ping-results-chart-trend-none")
    } else {
        lines
            .iter()
            .map(|l| {
                let points = campaigns
                    .iter()
                    .zip(&l.points)
                    .map(|(c, p)| {
                        let value = match p {
                            Some(v) => percent_text(tr, (v * 10.0).round() as u64),
                            None => tr.t("ping-results-chart-trend-absent"),
                        };
                        tr.t_args(
                            "ping-results-chart-trend-point",
                            &[
                                ("campaign", FluentArg::Text(c.clone())),
                                ("value", FluentArg::Text(value)),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(&tr.t("ping-results-list-separator"));
                tr.t_args(
                    "ping-results-chart-trend-series",
                    &[
                        ("series", FluentArg::Text(l.label.clone())),
                        ("points", FluentArg::Text(points)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    line_chart(
        id,
        campaigns,
        lines,
        &ChartText { title, desc },
        tr.lang().is_rtl(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use pocdir_domain::ping_test::results::Distribution;
    use pocdir_i18n::Lang;
    use time::Duration;

    fn tally() -> Tally {
        let mut t = Tally::default();
        for (o, n) in [
            (Outcome::InTime, 5),
            (Outcome::Late, 2),
            (Outcome::NoAnswer, 1),
            (Outcome::Undeliverable, 1),
        ] {
            t.add_n(o, n);
        }
        t
    }

    #[test]
    fn style_attributes_are_removed_and_nothing_else() {
        assert_eq!(
            strip_style_attributes(r#"<a style="x:1" b="2"/><c style='y'/>"#),
            r#"<a b="2"/><c/>"#
        );
        assert_eq!(
            strip_style_attributes("<a b=\"style\"/>"),
            "<a b=\"style\"/>"
        );
        assert_eq!(strip_style_attributes("a style=b"), "a style=b");
    }

    #[test]
    fn an_outcome_chart_is_accessible_svg_without_style() {
        let tr = Translator::new(Lang::En);
        let svg = outcomes_chart(&tr, "c1", "Outcomes".into(), &tally()).unwrap();
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"c1-title c1-desc\""));
        assert!(svg.contains("<title id=\"c1-title\">Outcomes</title>"));
        assert!(!svg.contains("style="), "{svg}");
        // The figures in words.
        assert!(
            svg.contains("Of 9 PoCs: 5 answered in time, 2 late"),
            "{svg}"
        );
        // Each outcome's colour from the palette, as an attribute.
        assert!(
            svg.contains(&format!("fill=\"{}\"", palette::GOOD.to_uppercase())),
            "{svg}"
        );
        assert!(svg.contains(&format!("fill=\"{}\"", palette::BAD.to_uppercase())));
        assert!(svg.contains("Answered in time"));
        assert!(svg.contains("direction=\"ltr\""));
    }

    #[test]
    fn arabic_labels_are_laid_out_right_to_left_in_place() {
        let tr = Translator::new(Lang::Ar);
        let svg = outcomes_chart(&tr, "c2", "النتائج".into(), &tally()).unwrap();
        assert!(svg.contains("direction=\"rtl\""));
        assert!(svg.contains(&tr.t("ping-outcome-in_time")));
        assert!(!svg.contains("style="));
        // The labels were right-aligned (end) in LTR: as RTL text, start.
        let en = outcomes_chart(&Translator::new(Lang::En), "c2", "x".into(), &tally()).unwrap();
        assert_eq!(
            en.matches("text-anchor=\"end\"").count(),
            svg.matches("text-anchor=\"start\"").count()
        );
        assert_eq!(
            en.matches("text-anchor=\"start\"").count(),
            svg.matches("text-anchor=\"end\"").count()
        );
    }

    #[test]
    fn text_is_escaped() {
        let tr = Translator::new(Lang::En);
        let svg = outcomes_chart(&tr, "c\"3", "<b>&".into(), &Tally::default()).unwrap();
        assert!(svg.contains("&lt;b&gt;&amp;"));
        assert!(svg.contains("id=\"c&quot;3\""));
        assert!(!svg.contains("<b>"));
    }

    #[test]
    fn the_distribution_says_median_and_percentile() {
        let tr = Translator::new(Lang::En);
        let d = Distribution::of((1..=10).map(|h| Duration::hours(h * 8)));
        let svg = distribution_chart(&tr, "d", "Times".into(), &d).unwrap();
        assert!(svg.contains("Of 10 answers"), "{svg}");
        assert!(svg.contains("1 d 16 h"), "{svg}");
        assert!(!svg.contains("style="));
        let none = distribution_chart(&tr, "d", "Times".into(), &Distribution::of([])).unwrap();
        assert!(none.contains(&tr.t("ping-results-chart-distribution-none")));
        let zh = Translator::new(Lang::Zh);
        let svg = distribution_chart(&zh, "d", "时间".into(), &d).unwrap();
        assert!(svg.contains(&zh.t("ping-band-under_1h")));
    }

    #[test]
    fn a_trend_breaks_where_a_state_was_absent() {
        let tr = Translator::new(Lang::En);
        let campaigns: Vec<String> = [
            "2026-01-01",
            "2026-07-01",
            "2027-01-01",
            "2027-07-01",
            "2028-01-01",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let lines = vec![
            Line {
                label: "All States".into(),
                colour: palette::ACCENT,
                squares: false,
                points: vec![Some(50.0), Some(75.0), Some(100.0), Some(80.0), Some(90.0)],
            },
            Line {
                label: "Pakistan".into(),
                colour: palette::WARN,
                squares: true,
                points: vec![Some(100.0), Some(50.0), None, Some(0.0), Some(10.0)],
            },
        ];
        let svg = trend_chart(&tr, "t", "Trend".into(), &campaigns, &lines).unwrap();
        assert!(!svg.contains("style="));
        assert!(svg.contains("All States: 2026-01-01 50.0%"), "{svg}");
        assert!(svg.contains("2027-01-01 not in this campaign"), "{svg}");
        assert!(svg.contains(&format!("stroke=\"{}\"", palette::WARN.to_uppercase())));
        // One polyline for the overall line, two pieces for the State's,
        // and one in the legend for each.
        assert_eq!(
            svg.matches("stroke-width=\"2\" points=").count(),
            5,
            "{svg}"
        );
        assert!(svg.contains("\n2028-01-01\n"));
        let empty = trend_chart(&tr, "t", "Trend".into(), &[], &[]).unwrap();
        assert!(empty.contains(&tr.t("ping-results-chart-trend-none")));
    }
}
