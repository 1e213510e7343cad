//! Renders the app's example update to PNG (light and dark) and PDF, to look at.
//! `cargo run -p throughline-render --example render_example -- OUT_DIR`

use std::path::PathBuf;

use throughline_core::example::example_update_fields;
use throughline_core::{ChartKind, ChartSpec, DataRow, DataTable};
use throughline_render::{
    render_slide_svg, slides_to_pdf, svg_to_png, Branding, PngCompression, SlideInput, Theme,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&out)?;
    let fields = example_update_fields("2026-11-23");
    let without = [31.5, 32.0, 31.8, 32.3, 32.1, 32.0];
    let with = [33.0, 35.5, 37.9, 39.6, 40.4, 41.0];
    let chart = ChartSpec {
        kind: ChartKind::Line,
        title: "Week-one activation rose 9 points with the checklist".into(),
        alt: "Line chart of weekly activation with and without the checklist".into(),
        highlight: Some("With checklist".into()),
        unit: Some("%".into()),
        data: DataTable {
            header: vec![
                "Week".into(),
                "Without checklist".into(),
                "With checklist".into(),
            ],
            rows: (0..6)
                .map(|i| DataRow {
                    label: format!("W{}", i + 1),
                    values: vec![Some(without[i]), Some(with[i])],
                })
                .collect(),
        },
        better: None,
        portfolio: None,
    };
    let branding = Branding {
        footer_label: "Confidential".into(),
        ..Branding::default()
    };
    let input = SlideInput {
        fields: &fields,
        chart: Some(&chart),
        page: 1,
        page_count: 1,
        banner: None,
    };
    let mut svgs = Vec::new();
    for theme in [Theme::light(), Theme::dark()] {
        let svg = render_slide_svg(&input, &theme, &branding);
        std::fs::write(out.join(format!("example-{}.svg", theme.name)), &svg)?;
        std::fs::write(
            out.join(format!("example-{}.png", theme.name)),
            svg_to_png(&svg, 1.0, PngCompression::Small)?,
        )?;
        svgs.push(svg);
    }
    // Emoji, CJK and right-to-left text on one slide, to check the fallbacks.
    let mut intl = fields.clone();
    intl.title = "🚀 Onboarding checklist lifts activation 9 points ✅".into();
    intl.beats.context =
        "Customers in Tokyo say 設定が難しい 😟; Dubai partners write «التسجيل صعب»; Tel Aviv: «ההרשמה קשה». 👩‍💻 teams churn first.".into();
    let intl_input = SlideInput {
        fields: &intl,
        ..input
    };
    let svg = render_slide_svg(&intl_input, &Theme::light(), &branding);
    std::fs::write(
        out.join("example-intl.png"),
        svg_to_png(&svg, 1.0, PngCompression::Small)?,
    )?;
    svgs.push(svg);
    // A pilot against its control with both groups' sizes, with the
    // workspace's significance note on.
    let mut pilot = fields.clone();
    pilot.evidence = throughline_core::Evidence::Metric(throughline_core::MetricEvidence {
        value: "10.4%".into(),
        unit: "trial conversion".into(),
        baseline: "9.1% in control".into(),
        window: "6 weeks".into(),
        source: "Billing export".into(),
        sample: "1420, 1410".into(),
    });
    let noted = Branding {
        significance_note: true,
        ..branding.clone()
    };
    for (name, chart) in [
        ("example-note.png", Some(&chart)),
        ("example-note-hero.png", None),
    ] {
        let svg = render_slide_svg(
            &SlideInput {
                fields: &pilot,
                chart,
                ..input
            },
            &Theme::light(),
            &noted,
        );
        std::fs::write(
            out.join(name),
            svg_to_png(&svg, 1.0, PngCompression::Small)?,
        )?;
    }
    std::fs::write(out.join("example.pdf"), slides_to_pdf(&svgs)?)?;
    println!("wrote {}", out.display());
    Ok(())
}
