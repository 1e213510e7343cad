//! Charts, slides, PNG and PDF checked as files a user would open.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;
use throughline_core::chart_reading::read_chart;

use throughline_core::example::example_update_fields;
use throughline_core::{
    ChartKind, ChartSpec, DataRow, DataTable, Evidence, QuoteEvidence, UpdateFields,
};
use throughline_render::{
    chart_annotation, fit_text, render_chart_svg, render_slide_svg, slides_to_pdf, svg_to_png,
    Branding, PngCompression, SlideInput, TextStyle, Theme,
};

fn table(header: &[&str], rows: &[(&str, &[Option<f64>])]) -> DataTable {
    DataTable {
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        rows: rows
            .iter()
            .map(|(label, values)| DataRow {
                label: (*label).to_owned(),
                values: values.to_vec(),
            })
            .collect(),
    }
}

fn spec(
    kind: ChartKind,
    data: DataTable,
    unit: Option<&str>,
    highlight: Option<&str>,
) -> ChartSpec {
    ChartSpec {
        kind,
        title: "Activation rose with the checklist".into(),
        alt: "A chart".into(),
        highlight: highlight.map(str::to_owned),
        unit: unit.map(str::to_owned),
        data,
        better: None,
        portfolio: None,
    }
}

fn weekly() -> DataTable {
    table(
        &["Week", "Control", "Pilot"],
        &[
            ("W1", &[Some(31.0), Some(31.0)]),
            ("W2", &[Some(31.5), Some(34.0)]),
            ("W3", &[Some(32.0), Some(38.0)]),
            ("W4", &[Some(32.0), Some(41.0)]),
        ],
    )
}

fn every_kind() -> Vec<ChartSpec> {
    vec![
        spec(ChartKind::Line, weekly(), Some("%"), Some("Pilot")),
        spec(ChartKind::Bar, weekly(), Some("%"), None),
        spec(
            ChartKind::BeforeAfter,
            table(
                &["", "Activation"],
                &[("Before", &[Some(32.0)]), ("After", &[Some(41.0)])],
            ),
            Some("%"),
            None,
        ),
        spec(
            ChartKind::Funnel,
            table(
                &["Stage", "Users"],
                &[
                    ("Visited", &[Some(10_000.0)]),
                    ("Signed up", &[Some(6_200.0)]),
                    ("Activated", &[Some(3_100.0)]),
                    ("Paid", &[Some(900.0)]),
                ],
            ),
            None,
            None,
        ),
        spec(
            ChartKind::BigNumber,
            table(
                &["Month", "NRR"],
                &[("Jan", &[Some(104.0)]), ("Jun", &[Some(112.0)])],
            ),
            Some("%"),
            None,
        ),
        spec(
            ChartKind::Bubble,
            table(
                &["Bet", "Fit", "NPV", "Risk"],
                &[
                    ("Checklist", &[Some(8.0), Some(2.4), Some(3.0)]),
                    ("Pricing", &[Some(5.0), Some(4.1), Some(7.0)]),
                    ("SSO", &[Some(3.0), Some(1.2), Some(2.0)]),
                ],
            ),
            None,
            Some("Checklist"),
        ),
    ]
}

fn assert_valid_svg(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg)
        .unwrap_or_else(|err| panic!("invalid SVG ({err}): {}", &svg[..svg.len().min(300)]))
}

fn texts(doc: &roxmltree::Document<'_>) -> String {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn every_kind_draws_valid_svg_with_its_title() {
    for chart in every_kind() {
        let svg = render_chart_svg(
            &chart,
            &read_chart(&chart, &[]),
            &Theme::light(),
            Theme::light().accent(Branding::default().accent),
            860,
            560,
        );
        let doc = assert_valid_svg(&svg);
        let words = texts(&doc);
        assert!(
            words.contains("Activation rose with the checklist"),
            "{:?}: {words}",
            chart.kind
        );
        assert!(
            !words.contains("could not be drawn"),
            "{:?}: {words}",
            chart.kind
        );
    }
}

/// The chart's headline as the slide states it, read without a story.
fn headline(chart: &ChartSpec) -> Option<String> {
    chart_annotation(chart, &read_chart(chart, &[])).map(|a| a.statement())
}

#[test]
fn annotations_are_computed_from_the_data() {
    let kinds = every_kind();
    assert_eq!(
        headline(&kinds[0]).as_deref(),
        Some("+9 pts · Pilot vs Control, W4"),
        "pilot 41 vs control 32 at W4"
    );
    assert_eq!(
        headline(&kinds[1]).as_deref(),
        Some("+9 pts · Pilot vs Control, W4"),
        "grouped bars: the series that is not the control, at the last category"
    );
    assert_eq!(
        headline(&kinds[2]).as_deref(),
        Some("+9 pts · Before to After")
    );
    assert_eq!(
        headline(&kinds[3]).as_deref(),
        Some("9% · Visited to Paid, end to end")
    );
    assert_eq!(headline(&kinds[4]).as_deref(), Some("+8 pts · Jan to Jun"));
    let revenue = spec(
        ChartKind::BeforeAfter,
        table(
            &["", "Revenue"],
            &[("Q1", &[Some(200.0)]), ("Q2", &[Some(150.0)])],
        ),
        Some("$"),
        None,
    );
    assert_eq!(headline(&revenue).as_deref(), Some("−25% · Q1 to Q2"));

    let svg = render_chart_svg(
        &kinds[0],
        &read_chart(&kinds[0], &[]),
        &Theme::light(),
        Branding::default().accent,
        860,
        560,
    );
    assert!(texts(&assert_valid_svg(&svg)).contains("+9 pts"));
    let funnel = render_chart_svg(
        &kinds[3],
        &read_chart(&kinds[3], &[]),
        &Theme::light(),
        Branding::default().accent,
        860,
        560,
    );
    let words = texts(&assert_valid_svg(&funnel));
    assert!(
        words.contains("−38%") && words.contains("−50%") && words.contains("−71%"),
        "{words}"
    );
}

#[test]
fn hostile_data_gives_a_chart_or_a_message_never_broken_svg() {
    let long_label = "x".repeat(100_000);
    let control = "bad\u{0}\u{1b}label\u{ffff}";
    let many_rows: Vec<(String, Vec<Option<f64>>)> = (0..10_000)
        .map(|i| (format!("d{i}"), vec![Some(f64::from(i % 97))]))
        .collect();
    let many_categories: Vec<(String, Vec<Option<f64>>)> = (0..200)
        .map(|i| (format!("Category {i}"), vec![Some(f64::from(i))]))
        .collect();
    let owned = |rows: &[(String, Vec<Option<f64>>)], header: &[&str]| DataTable {
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        rows: rows
            .iter()
            .map(|(l, v)| DataRow {
                label: l.clone(),
                values: v.clone(),
            })
            .collect(),
    };
    let cases: Vec<(ChartSpec, Option<&str>)> = vec![
        (
            spec(ChartKind::Line, table(&["x", "y"], &[]), None, None),
            Some("Add data"),
        ),
        (
            spec(
                ChartKind::Line,
                table(&["x", "y"], &[("a", &[Some(1.0)])]),
                None,
                None,
            ),
            Some("at least two rows"),
        ),
        (
            spec(
                ChartKind::Line,
                table(
                    &["x", "y"],
                    &[
                        ("a", &[Some(f64::NAN)]),
                        ("b", &[Some(f64::INFINITY)]),
                        ("c", &[Some(2.0)]),
                        ("d", &[Some(3.0)]),
                    ],
                ),
                None,
                None,
            ),
            Some("left out"),
        ),
        (
            spec(
                ChartKind::Funnel,
                table(&["s", "v"], &[("a", &[Some(10.0)]), ("b", &[Some(-3.0)])]),
                None,
                None,
            ),
            Some("zero or more"),
        ),
        (
            spec(ChartKind::Line, owned(&many_rows, &["d", "v"]), None, None),
            None,
        ),
        (
            spec(
                ChartKind::Bar,
                owned(&many_categories, &["c", "v"]),
                None,
                None,
            ),
            None,
        ),
        (
            spec(
                ChartKind::Bar,
                table(
                    &["k", "<script>alert(1)</script> & co"],
                    &[(&long_label, &[Some(1.0)]), (control, &[Some(2.0)])],
                ),
                None,
                None,
            ),
            None,
        ),
        (
            spec(
                ChartKind::Bar,
                table(
                    &["k", "v"],
                    &[("مرحبا بالعالم", &[Some(3.0)]), ("日本語", &[Some(4.0)])],
                ),
                None,
                None,
            ),
            None,
        ),
        (
            spec(
                ChartKind::Bubble,
                table(&["k", "x"], &[("a", &[Some(1.0)])]),
                None,
                None,
            ),
            Some("four columns"),
        ),
        (
            spec(
                ChartKind::BeforeAfter,
                table(&["k", "v"], &[("only", &[Some(1.0)])]),
                None,
                None,
            ),
            Some("two rows"),
        ),
    ];
    for (chart, expected) in cases {
        let svg = render_chart_svg(
            &chart,
            &read_chart(&chart, &[]),
            &Theme::dark(),
            Branding::default().accent,
            860,
            560,
        );
        let doc = assert_valid_svg(&svg);
        let words = texts(&doc);
        if let Some(expected) = expected {
            assert!(
                words.contains(expected),
                "{:?}: expected {expected:?} in {words}",
                chart.kind
            );
        }
        assert!(!svg.contains("<script"), "markup leaked into the SVG");
        assert!(
            words.chars().all(|c| c.chars_ok()),
            "control characters in {words:?}"
        );
        svg_to_png(&svg, 0.25, PngCompression::Fast).unwrap();
    }
}

trait CharsOk {
    fn chars_ok(self) -> bool;
}
impl CharsOk for char {
    fn chars_ok(self) -> bool {
        !matches!(self, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}')
    }
}

fn example_slide(theme: &Theme) -> String {
    let fields = example_update_fields("2026-11-23");
    let chart = every_kind().remove(0);
    render_slide_svg(
        &SlideInput {
            fields: &fields,
            chart: Some(&chart),
            page: 2,
            page_count: 3,
            banner: None,
        },
        theme,
        &Branding {
            footer_label: "Confidential".into(),
            ..Branding::default()
        },
    )
}

#[test]
fn the_slide_carries_every_part_of_the_story() {
    let svg = example_slide(&Theme::light());
    let words = texts(&assert_valid_svg(&svg));
    // The beat names are the writing scaffold: printed only when the
    // workspace's look asks for them.
    for scaffold in ["CONTEXT", "CONFLICT", "RESOLUTION", "EVIDENCE"] {
        assert!(
            !words.contains(scaffold),
            "{scaffold} printed by default: {words}"
        );
    }
    let fields = example_update_fields("2026-11-23");
    let named = render_slide_svg(
        &SlideInput {
            fields: &fields,
            chart: None,
            page: 1,
            page_count: 1,
            banner: None,
        },
        &Theme::light(),
        &Branding {
            beat_names: true,
            ..Branding::default()
        },
    );
    let named = texts(&assert_valid_svg(&named));
    for scaffold in ["CONTEXT", "CONFLICT", "RESOLUTION", "EVIDENCE"] {
        assert!(
            named.contains(scaffold),
            "{scaffold} missing when asked for: {named}"
        );
    }
    // Without names the resolution — the ask — is set heavier than the rest.
    let weight_of = |start: &str| {
        let at = svg
            .find(start)
            .unwrap_or_else(|| panic!("{start:?} not drawn"));
        let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
        tag.contains("font-weight=\"600\"") || tag.contains("font-weight:600")
    };
    assert!(
        weight_of("The Growth squad ships"),
        "the resolution stands out"
    );
    assert!(!weight_of("Two competitors now"), "the context does not");
    for expected in ["41%", "Confidential", "2026-11-23", "2 / 3", "+9 pts"] {
        assert!(words.contains(expected), "{expected} missing from {words}");
    }
}

#[test]
fn a_quote_is_shown_with_its_attribution_and_a_banner_across_the_top() {
    let mut fields = example_update_fields("2026-11-23");
    fields.evidence = Evidence::Quote(QuoteEvidence {
        text: "Setup took ten minutes instead of a week.".into(),
        who: "Ops lead, mid-market".into(),
        when: "Nov 2026".into(),
    });
    let svg = render_slide_svg(
        &SlideInput {
            fields: &fields,
            chart: None,
            page: 1,
            page_count: 1,
            banner: Some("Kill criterion triggered: sharing below 20%"),
        },
        &Theme::light(),
        &Branding::default(),
    );
    // (The quote may wrap: its lines are read as one text.)
    let words = texts(&assert_valid_svg(&svg)).replace(" | ", " ");
    assert!(
        words.contains("“Setup took ten minutes instead of a week.”"),
        "{words}"
    );
    assert!(
        words.contains("— Ops lead, mid-market, Nov 2026"),
        "{words}"
    );
    assert!(words.contains("Kill criterion triggered"), "{words}");
}

#[test]
fn long_beats_stay_in_their_box_and_end_in_an_ellipsis() {
    let mut fields: UpdateFields = example_update_fields("2026-11-23");
    fields.beats.conflict = "The trade-off is real and it is urgent now. ".repeat(60); // 600 words
    fields.title = "A title that goes on and on ".repeat(20);
    let svg = render_slide_svg(
        &SlideInput {
            fields: &fields,
            chart: None,
            page: 1,
            page_count: 1,
            banner: None,
        },
        &Theme::light(),
        &Branding::default(),
    );
    let doc = assert_valid_svg(&svg);
    let mut ellipses = 0;
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let y: f32 = node.attribute("y").unwrap().parse().unwrap();
        let x: f32 = node.attribute("x").unwrap().parse().unwrap();
        assert!(
            (0.0..=1080.0).contains(&y) && (0.0..=1920.0).contains(&x),
            "text outside the slide at {x},{y}"
        );
        if node.text().is_some_and(|t| t.ends_with('…')) {
            ellipses += 1;
        }
    }
    assert!(
        ellipses >= 2,
        "both the title and the long beat should end in …"
    );
    let style = TextStyle {
        weight: throughline_render_weight(),
        max_size: 26.0,
        min_size: 17.0,
        line_height: 1.38,
        max_lines: None,
    };
    let fitted = fit_text(&fields.beats.conflict, &style, 776.0, 150.0);
    assert!(fitted.truncated && fitted.height() <= 150.0);
}

fn throughline_render_weight() -> throughline_render::Weight {
    throughline_render::Weight::Regular
}

#[test]
fn png_decodes_at_1x_and_2x() {
    let svg = example_slide(&Theme::dark());
    for (scale, size) in [(1.0, (1920, 1080)), (2.0, (3840, 2160))] {
        let bytes = svg_to_png(&svg, scale, PngCompression::Fast).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), size);
    }
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("{tool} is needed (poppler-utils): {err}"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_pdf_deck_has_real_text_embedded_fonts_and_the_same_bytes_every_time() {
    let deck = vec![
        example_slide(&Theme::light()),
        example_slide(&Theme::dark()),
    ];
    let first = slides_to_pdf(&deck).unwrap();
    let second = slides_to_pdf(&deck).unwrap();
    assert_eq!(first, second, "the same slides must give the same bytes");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deck.pdf");
    std::fs::write(&path, &first).unwrap();
    let path = path.to_str().unwrap();
    let text = poppler("pdftotext", &[path, "-"]);
    assert!(
        text.contains("In-app setup checklist lifts week-one activation"),
        "{text}"
    );
    assert!(
        text.contains("Two competitors now bundle") && text.contains("Confidential"),
        "{text}"
    );
    let fonts = poppler("pdffonts", &[path]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed: {fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let n = columns.len();
        assert_eq!(
            &columns[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "font not embedded/subset/unicode: {row}"
        );
    }
    let info = poppler("pdfinfo", &[path]);
    let pages_line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .unwrap_or_default();
    assert_eq!(pages_line.split_whitespace().last(), Some("2"), "{info}");
    let out = dir.path().join("page");
    poppler(
        "pdftoppm",
        &["-png", "-r", "20", path, out.to_str().unwrap()],
    );
    let pages = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "png")
        })
        .count();
    assert_eq!(pages, 2);
}

#[test]
fn cjk_right_to_left_and_emoji_text_render_with_their_own_fonts_in_the_pdf() {
    let mut fields = example_update_fields("2026-11-23");
    fields.title = "新しいオンボーディングで活性化が9ポイント上昇 🚀".into();
    fields.beats.context = "العملاء يطلبون إعداداً أسرع".into();
    fields.beats.conflict = "לקוחות נוטשים בשבוע הראשון 👩\u{200D}💻".into();
    let svg = render_slide_svg(
        &SlideInput {
            fields: &fields,
            chart: None,
            page: 1,
            page_count: 1,
            banner: None,
        },
        &Theme::light(),
        &Branding::default(),
    );
    let pdf = slides_to_pdf(&[svg]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cjk.pdf");
    std::fs::write(&path, pdf).unwrap();
    let text = poppler("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(text.contains("活性化"), "{text}");
    let fonts = poppler("pdffonts", &[path.to_str().unwrap()]);
    assert!(
        fonts.contains("Droid"),
        "the CJK fallback font is used: {fonts}"
    );
    assert!(text.contains("أسرع"), "Arabic is real text: {text}");
    assert!(text.contains("הראשון"), "Hebrew is real text: {text}");
    assert!(text.contains('🚀'), "emoji are real text: {text}");
    for font in ["NotoSansArabic", "NotoSansHebrew", "Type 3"] {
        assert!(fonts.contains(font), "{font} is embedded: {fonts}");
    }
    // Every font in the file is embedded (the "emb" column).
    for line in fonts.lines().skip(2) {
        let columns: Vec<&str> = line.split_whitespace().collect();
        let emb = columns.iter().rev().nth(4).copied();
        assert_eq!(emb, Some("yes"), "not embedded: {line}");
    }
}

#[test]
fn mixed_scripts_and_emoji_sequences_never_break_the_slide() {
    let samples = [
        "👩\u{200D}👩\u{200D}👧\u{200D}👦 family, 🏳️\u{200D}🌈 flag, 👍🏽 tone, 1️⃣ keycap",
        "\u{200D}\u{FE0F} lone joiners \u{200D}",
        "مرحبا 123 world שלום 東京 🚀",
        "e\u{0301}\u{0301}\u{0301} combining, \u{1F1FA}\u{1F1F8} flag, \u{E0067} tag",
        "ﷺ ligature, ﻻ lam-alef, 𓀀 hieroglyph with no font",
    ];
    for sample in samples {
        let mut fields = example_update_fields("2026-11-23");
        fields.title = sample.into();
        fields.beats.evidence = sample.repeat(8);
        if let Some(chart) = fields.chart.as_mut() {
            chart.title = sample.into();
            if let Some(name) = chart.data.header.get_mut(1) {
                *name = sample.into();
            }
            if let Some(row) = chart.data.rows.get_mut(0) {
                row.label = sample.into();
            }
        }
        let svg = render_slide_svg(
            &SlideInput {
                fields: &fields,
                chart: fields.chart.as_ref(),
                page: 1,
                page_count: 1,
                banner: Some(sample),
            },
            &Theme::dark(),
            &Branding::default(),
        );
        assert_valid_svg(&svg);
        let png = svg_to_png(&svg, 0.5, PngCompression::Fast).unwrap();
        assert!(!png.is_empty());
        slides_to_pdf(&[svg]).unwrap();
    }
}

#[test]
fn a_slide_pdf_is_a_tagged_16_9_page_with_its_chart_as_a_figure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("slide.pdf");
    std::fs::write(
        &path,
        slides_to_pdf(&[example_slide(&Theme::light())]).unwrap(),
    )
    .unwrap();
    let path = path.to_str().unwrap();

    let info = poppler("pdfinfo", &[path]);
    assert!(info.contains("Page size:       960 x 540 pts"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    let title = example_update_fields("2026-11-23").title;
    assert!(
        info.contains(&format!("Title:           {title}")),
        "{info}"
    );

    let structure = poppler("pdfinfo", &["-struct-text", path]);
    let order: Vec<&str> = structure
        .lines()
        .map(str::trim)
        .filter(|line| {
            ["H1", "P ", "Figure"]
                .iter()
                .any(|tag| line.starts_with(tag))
        })
        .collect();
    assert_eq!(order.len(), 3, "{structure}");
    assert!(order[0].starts_with("H1"), "{structure}");
    let heading_text = structure
        .lines()
        .skip_while(|line| !line.trim().starts_with("H1"))
        .nth(1)
        .unwrap_or_default();
    // (Lines are joined without a space where the title wraps.)
    let first_line: String = title
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(heading_text.contains(&first_line), "{structure}");
    assert!(
        order[1].starts_with("P ") && order[2].starts_with("Figure"),
        "{structure}"
    );

    let meta = poppler("pdfinfo", &["-meta", path]);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
    assert!(
        meta.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{meta}"
    );

    // qpdf: a sound file, and the figure's alt text in its structure element.
    let check = Command::new("qpdf")
        .args(["--check", path])
        .output()
        .expect("qpdf is needed (scripts/install-system-deps.sh installs it)");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let expanded = dir.path().join("expanded.pdf");
    let qdf = Command::new("qpdf")
        .args([
            "--qdf",
            "--object-streams=disable",
            path,
            expanded.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(qdf.status.success());
    let raw = String::from_utf8_lossy(&std::fs::read(&expanded).unwrap()).into_owned();
    let alt = &every_kind()[0].alt;
    assert!(
        raw.contains("/S /Figure") && raw.contains(&format!("/Alt ({alt})")),
        "no Figure with /Alt ({alt})"
    );
}

#[test]
fn a_deck_claims_a_language_only_where_it_knows_it() {
    let mut german = example_update_fields("2026-11-23");
    german.title = "Die Checkliste hebt die Aktivierung um neun Punkte".into();
    german.beats.context = "Zwei Wettbewerber bieten die Einrichtung jetzt kostenlos an, und viele Kunden brechen am dritten Tag ab.".into();
    german.beats.conflict = "Der Vertrieb will eine längere Testphase, aber die kostet Support und löst das Problem nicht.".into();
    german.beats.resolution =
        "Wir liefern die Checkliste bis zum 15. Dezember an alle neuen Arbeitsbereiche aus.".into();
    german.beats.evidence =
        "Sechs Wochen Test mit 3.920 neuen Arbeitsbereichen: 41 % gegen 32 % ohne Checkliste."
            .into();
    let german_slide = render_slide_svg(
        &SlideInput {
            fields: &german,
            chart: None,
            page: 2,
            page_count: 2,
            banner: None,
        },
        &Theme::light(),
        &Branding::default(),
    );
    let langs = |slides: &[String]| {
        let dir = tempfile::tempdir().unwrap();
        let (pdf, expanded) = (dir.path().join("deck.pdf"), dir.path().join("qdf.pdf"));
        std::fs::write(&pdf, slides_to_pdf(slides).unwrap()).unwrap();
        let qdf = Command::new("qpdf")
            .args(["--qdf", "--object-streams=disable"])
            .args([&pdf, &expanded])
            .output()
            .expect("qpdf is needed (scripts/install-system-deps.sh installs it)");
        assert!(qdf.status.success());
        let raw = String::from_utf8_lossy(&std::fs::read(&expanded).unwrap()).into_owned();
        (
            raw.matches("/Lang (en)").count(),
            raw.matches("/Lang").count(),
        )
    };
    let english = example_slide(&Theme::light());
    // An English deck says so for the document and for each slide.
    let (en, all) = langs(&[english.clone(), english.clone()]);
    assert!(en >= 3 && en == all, "{en} of {all}");
    // A mixed deck: only the English slide's section, never the document.
    assert_eq!(langs(&[english, german_slide]), (1, 1));
}

#[test]
fn an_empty_beat_is_left_off_a_narrative_slide_and_marked_under_its_name() {
    let mut fields = example_update_fields("2026-11-23");
    fields.beats.evidence = String::new();
    let draw = |names: bool| {
        let svg = render_slide_svg(
            &SlideInput {
                fields: &fields,
                chart: None,
                page: 1,
                page_count: 1,
                banner: None,
            },
            &Theme::light(),
            &Branding {
                beat_names: names,
                ..Branding::default()
            },
        );
        texts(&assert_valid_svg(&svg))
    };
    let narrative = draw(false);
    assert!(!narrative.contains("Not written yet"), "{narrative}");
    assert!(narrative.contains("The Growth squad ships"), "{narrative}");
    assert!(draw(true).contains("Not written yet"));
}

#[test]
fn the_significance_note_prints_the_interval_only_when_the_workspace_asks() {
    let mut fields = example_update_fields("2026-11-23");
    fields.evidence = Evidence::Metric(throughline_core::MetricEvidence {
        value: "10.4%".into(),
        unit: "trial conversion".into(),
        baseline: "9.1% in control".into(),
        window: "6 weeks".into(),
        source: "Billing export".into(),
        sample: "1420, 1410".into(),
    });
    let chart = every_kind().remove(0);
    let slide = |significance_note: bool, chart: Option<&ChartSpec>| {
        let svg = render_slide_svg(
            &SlideInput {
                fields: &fields,
                chart,
                page: 1,
                page_count: 1,
                banner: None,
            },
            &Theme::light(),
            &Branding {
                significance_note,
                ..Branding::default()
            },
        );
        let pdf = slides_to_pdf(&[svg]).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("slide.pdf");
        std::fs::write(&path, pdf).unwrap();
        poppler("pdftotext", &[path.to_str().unwrap(), "-"]).replace('\n', " ")
    };
    // The interval the coach's tests compute by hand: −0.9 to +3.5 points.
    for chart in [Some(&chart), None] {
        let with = slide(true, chart);
        assert!(with.contains("could be noise"), "{with}");
        assert!(with.contains("−0.9 to +3.5 points"), "{with}");
        let without = slide(false, chart);
        assert!(!without.contains("could be noise"), "{without}");
    }
}

/// A letter written elsewhere, with no beat headings: its text is kept as
/// a section of its own and the four beats are empty.
fn headingless_letter() -> UpdateFields {
    let mut fields = UpdateFields {
        title: "Letter to shareholders".into(),
        ..UpdateFields::default()
    };
    fields.other.sections.push(throughline_core::ExtraSection {
        heading: String::new(),
        body: "Dear shareholders,\n\n**Second-quarter results.** Streaming revenue rose 43%.\n\n\
               | Measure | Q2 |\n|---|---|\n| Margin (%) | 11.8 |"
            .into(),
    });
    fields.other.sections.push(throughline_core::ExtraSection {
        heading: "Next quarter".into(),
        body: "We forecast 5.0 million net additions.".into(),
    });
    fields
}

#[test]
fn a_draft_with_no_beats_shows_its_own_sections_without_markdown_marks() {
    let fields = headingless_letter();
    for names in [false, true] {
        let svg = render_slide_svg(
            &SlideInput {
                fields: &fields,
                chart: None,
                page: 1,
                page_count: 1,
                banner: None,
            },
            &Theme::light(),
            &Branding {
                beat_names: names,
                ..Branding::default()
            },
        );
        let shown = texts(&assert_valid_svg(&svg));
        for wanted in [
            "Dear shareholders,",
            "Second-quarter results. Streaming revenue rose 43%.",
            "NEXT QUARTER",
            "We forecast 5.0 million net additions.",
        ] {
            assert!(shown.contains(wanted), "{wanted} missing from: {shown}");
        }
        for unwanted in ["**", "|---|", "Not written yet", "CONTEXT"] {
            assert!(!shown.contains(unwanted), "{unwanted} in: {shown}");
        }
    }
    // Once a beat is written, the slide is the beats again.
    let mut written = headingless_letter();
    written.beats.context = "Memberships reached 130 million.".into();
    let svg = render_slide_svg(
        &SlideInput {
            fields: &written,
            chart: None,
            page: 1,
            page_count: 1,
            banner: None,
        },
        &Theme::light(),
        &Branding::default(),
    );
    let shown = texts(&assert_valid_svg(&svg));
    assert!(shown.contains("Memberships reached 130 million."));
    assert!(!shown.contains("Dear shareholders"), "{shown}");
}
