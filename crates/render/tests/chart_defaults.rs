//! The default chart makes the story's point: with no highlight and no unit
//! chosen, the slide highlights the series the story is about, states its
//! gap in points with what it is between, and colours it by which way is
//! better. Checked on the slide's PDF text as a reader extracts it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use throughline_core::chart_reading::read_chart;
use throughline_core::{ChartKind, ChartSpec, DataRow, DataTable, Evidence, UpdateFields};
use throughline_render::{
    chart_annotation, render_slide_svg, slides_to_pdf, Branding, SlideInput, Theme,
};

fn table(csv: &str) -> DataTable {
    let mut lines = csv.lines();
    let header = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_owned)
        .collect();
    let rows = lines
        .map(|line| {
            let mut cells = line.split(',');
            DataRow {
                label: cells.next().unwrap().to_owned(),
                values: cells.map(|cell| cell.parse().ok()).collect(),
            }
        })
        .collect();
    DataTable { header, rows }
}

const PILOT: &str =
    "Week,Pilot,Control\nW1,9.3,9.1\nW2,9.6,9.0\nW3,9.9,9.2\nW4,10.1,9.1\nW5,10.2,9.0\nW6,10.4,9.1";

fn chart(kind: ChartKind, csv: &str) -> ChartSpec {
    ChartSpec {
        kind,
        title: String::new(),
        alt: "The chart".into(),
        highlight: None,
        unit: None,
        data: table(csv),
        better: None,
        portfolio: None,
    }
}

fn fields(title: &str) -> UpdateFields {
    UpdateFields {
        title: title.into(),
        evidence: Evidence::None,
        ..UpdateFields::default()
    }
}

fn pdf_text(fields: &UpdateFields, chart: &ChartSpec) -> String {
    let svg = render_slide_svg(
        &SlideInput {
            fields,
            chart: Some(chart),
            page: 1,
            page_count: 1,
            banner: None,
        },
        &Theme::light(),
        &Branding::default(),
    );
    let pdf = slides_to_pdf(&[svg]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("slide.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is needed (poppler-utils)");
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_pilot_over_its_control_is_stated_in_points_with_what_it_compares() {
    let story = fields("Usage nudges lift conversion 1.3 points");
    let text = pdf_text(&story, &chart(ChartKind::Line, PILOT));
    assert!(text.contains("+1.3 pts"), "{text}");
    assert!(text.contains("Pilot vs Control, W6"), "{text}");
    assert!(
        !text.contains("12.5"),
        "the control's change relative to the pilot: {text}"
    );
    assert!(
        !text.contains("14.3"),
        "a relative change on shares: {text}"
    );
}

#[test]
fn without_a_word_about_points_the_gap_is_relative_but_still_the_pilots() {
    let spec = chart(ChartKind::Line, PILOT);
    let reading = read_chart(&spec, &["Usage nudges lift conversion"]);
    let headline = chart_annotation(&spec, &reading).unwrap();
    assert_eq!(headline.statement(), "+14.3% · Pilot vs Control, W6");
    assert_eq!(headline.good, Some(true));
}

#[test]
fn churn_going_down_is_good_news_and_going_up_is_not() {
    let falling = chart(
        ChartKind::Line,
        "Month,Churn (%)\nJan,4.1\nFeb,3.8\nMar,3.2",
    );
    let headline = chart_annotation(&falling, &read_chart(&falling, &[])).unwrap();
    assert_eq!(headline.statement(), "−0.9 pts · Jan to Mar");
    assert_eq!(headline.good, Some(true), "less churn is better");

    let rising = chart(
        ChartKind::Line,
        "Month,Churn (%)\nJan,3.2\nFeb,3.8\nMar,4.1",
    );
    let headline = chart_annotation(&rising, &read_chart(&rising, &[])).unwrap();
    assert_eq!(headline.good, Some(false));

    let activation = chart(ChartKind::Line, "Month,Activation (%)\nJan,32\nMar,41");
    let headline = chart_annotation(&activation, &read_chart(&activation, &[])).unwrap();
    assert_eq!(headline.good, Some(true));
}

#[test]
fn grouped_bars_over_categories_state_the_sums_against_the_comparison() {
    // Not the last region's +12%: 127 against 120 over all three.
    let bars = chart(
        ChartKind::Bar,
        "Region,Target,Actual\nEMEA,40,44\nAPAC,30,27\nAMER,50,56",
    );
    let headline = chart_annotation(&bars, &read_chart(&bars, &[])).unwrap();
    assert_eq!(
        headline.statement(),
        "+5.8% · Actual vs Target, all regions"
    );
    // Tickets fell in four regions of five: 336 against 400.
    let tickets = chart(
        ChartKind::Bar,
        "Country,Before,After\nUS,120,95\nEU,110,80\nUK,60,52\nAsia,70,78\nLatAm,40,31",
    );
    let headline = chart_annotation(&tickets, &read_chart(&tickets, &[])).unwrap();
    assert_eq!(
        headline.statement(),
        "−16% · After vs Before, all countries"
    );
    // Shares do not add up: no region's pair stands for the rest.
    for csv in [
        "Region,Target (%),Actual (%)\nEMEA,40,44\nAMER,50,56",
        "Region,Target conversion rate,Actual conversion rate\nEMEA,4.0,4.4\nAMER,5.0,5.6",
    ] {
        let shares = chart(ChartKind::Bar, csv);
        assert_eq!(
            chart_annotation(&shares, &read_chart(&shares, &[])),
            None,
            "{csv}"
        );
    }
    // Periods down the side are read at the latest one.
    let quarters = chart(
        ChartKind::Bar,
        "Quarter,Target,Actual\nQ1,40,44\nQ2,30,27\nQ3,50,56",
    );
    let headline = chart_annotation(&quarters, &read_chart(&quarters, &[])).unwrap();
    assert_eq!(headline.statement(), "+12% · Actual vs Target, Q3");
}

#[test]
fn a_total_row_is_not_drawn_among_its_parts_and_the_headline_is_their_sum() {
    // A bill by service with its total last: five services are drawn, not
    // a sixth bar that dwarfs them, and the headline is 23 → 15.
    let bill = chart(
        ChartKind::Bar,
        "Service,Before,After\nEC2,12,7\nRDS,7,5\nData transfer,2.5,2\nCloudWatch,0.5,0.4\nOther,1,0.6\nTotal,23,15",
    );
    let story = fields("Cloud bill cut by a third after rightsizing");
    let text = pdf_text(&story, &bill);
    assert!(text.contains("CloudWatch"), "{text}");
    assert!(!text.contains("Total"), "the total drawn as a bar: {text}");
    let headline = chart_annotation(&bill, &read_chart(&bill, &[&story.title])).unwrap();
    assert_eq!(
        headline.statement(),
        "−34.8% · After vs Before, all services"
    );
    assert_eq!(headline.good, Some(true), "a smaller bill is better");
    // Quarters and their total: the quarters are periods again, read at
    // the latest one.
    let quarters = chart(
        ChartKind::Bar,
        "Quarter,Target,Actual\nQ1,40,44\nQ2,30,27\nQ3,50,56\nTotal,120,127",
    );
    let headline = chart_annotation(&quarters, &read_chart(&quarters, &[])).unwrap();
    assert_eq!(headline.statement(), "+12% · Actual vs Target, Q3");
    // A row that only starts with the word is a part: "Totally new".
    let parts = chart(
        ChartKind::Bar,
        "Product,Before,After\nClassic,10,9\nTotally new,2,6\nLegacy,5,4",
    );
    let text = pdf_text(&story, &parts);
    assert!(text.contains("Totally new"), "{text}");
}

#[test]
fn bars_of_other_measures_state_no_gap_between_them() {
    // "Count" against "Percent" (or a rate against its confidence) is no
    // difference anyone can read.
    for csv in [
        "Group,Count,Percent\ndesktop · control,10200,15.4\nmobile · treatment,508,17.2",
        "Variant,Conversion rate,Relative difference,Confidence\nControl,15.7,0,0\nDonor-centred,9.7,-38,94.8",
    ] {
        let bars = chart(ChartKind::Bar, csv);
        assert_eq!(chart_annotation(&bars, &read_chart(&bars, &[])), None, "{csv}");
    }
    // Two groups that are neither a comparison nor periods: no gap either.
    let bars = chart(ChartKind::Bar, "Plan,iOS,Android\nFree,40,44");
    assert_eq!(chart_annotation(&bars, &read_chart(&bars, &[])), None);
    // One of them named as the comparison still is one.
    let bars = chart(
        ChartKind::Bar,
        "Region,Target revenue,Actual revenue\nEMEA,40,44",
    );
    let headline = chart_annotation(&bars, &read_chart(&bars, &[])).unwrap();
    assert_eq!(
        headline.statement(),
        "+10% · Actual revenue vs Target revenue, EMEA"
    );
}

#[test]
fn periods_across_the_top_state_the_latest_against_a_year_before() {
    // Never a quarter against a full year.
    let bars = chart(
        ChartKind::Bar,
        "Measure,Q4 2008,Q4 2007,FY 2008,FY 2007\nNet sales,36.5,32.3,139.6,122.0",
    );
    let headline = chart_annotation(&bars, &read_chart(&bars, &[])).unwrap();
    assert_eq!(headline.statement(), "+13% · Q4 2008 vs Q4 2007, Net sales");
    let months = chart(
        ChartKind::Bar,
        "Mode,Jan-15,Jan-16\nBus,1000,900\nRail,500,600",
    );
    // Rail rose 20% and bus fell 10%: the modes together did not move.
    let headline = chart_annotation(&months, &read_chart(&months, &[])).unwrap();
    assert_eq!(headline.statement(), "±0% · Jan-16 vs Jan-15, all modes");
}

#[test]
fn a_before_after_reads_from_the_control_wherever_the_table_puts_it() {
    let pair = chart(
        ChartKind::BeforeAfter,
        "Variant,Sign-ups\nTreatment (Google sign-in),1280\nControl,1205",
    );
    let headline = chart_annotation(&pair, &read_chart(&pair, &[])).unwrap();
    assert_eq!(
        headline.statement(),
        "+6.2% · Control to Treatment (Google sign-in)"
    );
}

#[test]
fn a_line_is_read_along_time_unless_a_comparison_is_named() {
    // Revenue and an operating loss are not a gap: revenue's own change is.
    let lines = chart(
        ChartKind::Line,
        "Year,Revenue ($000),Non-GAAP operating loss ($000)\n2023,137000,-2300\n2024,140600,-4200",
    );
    let headline = chart_annotation(&lines, &read_chart(&lines, &[])).unwrap();
    assert_eq!(headline.statement(), "+2.6% · 2023 to 2024");
    // A free plan that stays at 0 is not the series to headline.
    let prices = chart(
        ChartKind::Line,
        "Period,Standard,Premium monthly\nBefore,0,19.99\nAfter,0,29.99",
    );
    let headline = chart_annotation(&prices, &read_chart(&prices, &[])).unwrap();
    assert_eq!(headline.statement(), "+50% · Before to After");
    // Against a named comparison, the gap at the end.
    let pilot = chart(ChartKind::Line, PILOT);
    let headline = chart_annotation(&pilot, &read_chart(&pilot, &[])).unwrap();
    assert!(
        headline.statement().ends_with("Pilot vs Control, W6"),
        "{}",
        headline.statement()
    );
}

/// The left and right ends of what is drawn in the content area (below the
/// title, above the footer), as a share of the slide's inner width.
fn content_span(fields: &UpdateFields) -> f32 {
    let image = slide_pixels(fields);
    let (width, margin) = (image.width as usize, 96usize);
    let (mut left, mut right) = (width, 0);
    for y in 260..960 {
        for x in 0..width {
            if !is_background(&image, x, y) {
                left = left.min(x);
                right = right.max(x);
            }
        }
    }
    (right.saturating_sub(left)) as f32 / (width - 2 * margin) as f32
}

fn is_background(image: &throughline_render::RgbaImage, x: usize, y: usize) -> bool {
    let at = (y * image.width as usize + x) * 4;
    image.pixels[at..at + 3] == [255, 255, 255]
}

fn slide_pixels(fields: &UpdateFields) -> throughline_render::RgbaImage {
    let svg = render_slide_svg(
        &SlideInput {
            fields,
            chart: None,
            page: 1,
            page_count: 1,
            banner: None,
        },
        &Theme::light(),
        &Branding::default(),
    );
    throughline_render::svg_to_rgba(&svg, 1.0).unwrap()
}

fn beats(fields: &mut UpdateFields) {
    fields.beats.context = "Enterprise trials grew 40 % this half, but a third of the teams that start a trial never finish setup, and those that finish renew at twice the rate.".into();
    fields.beats.conflict = "Sales wants the enterprise tier in January; launching now pours more trials into a flow that loses a third of them, and support is at capacity.".into();
    fields.beats.resolution = "We hold the launch until the end of February and put the onboarding squad on setup for eight weeks, with a go/no-go on 27 February.".into();
    fields.beats.evidence = "In the last cohort 412 of 620 new teams finished setup; all 14 stalled teams interviewed named the same two steps.".into();
}

#[test]
fn without_a_chart_the_text_or_the_metric_uses_the_width_of_the_slide() {
    let mut prose =
        fields("We pause the enterprise tier until onboarding stops losing a third of teams");
    beats(&mut prose);
    let span = content_span(&prose);
    assert!(
        span >= 0.8,
        "the beats span {:.0}% of the width",
        span * 100.0
    );

    let mut metric = prose.clone();
    metric.evidence = Evidence::Metric(throughline_core::MetricEvidence {
        value: "66%".into(),
        unit: "of new teams finish setup".into(),
        baseline: "80% target".into(),
        window: "last cohort".into(),
        source: "Setup events".into(),
        sample: "620".into(),
    });
    let span = content_span(&metric);
    assert!(
        span >= 0.8,
        "beats and metric span {:.0}% of the width",
        span * 100.0
    );
    // The metric fills its column down to the footer: no empty half below it.
    let image = slide_pixels(&metric);
    assert!(
        !is_background(&image, 1400, 900),
        "the column under the metric is empty"
    );
}

#[test]
fn bars_start_at_zero_and_a_line_that_does_not_marks_its_axis() {
    let texts = |spec: &ChartSpec| -> Vec<String> {
        let svg = throughline_render::render_chart_svg(
            spec,
            &read_chart(spec, &[]),
            &Theme::light(),
            Branding::default().accent,
            860,
            560,
        );
        let doc = roxmltree::Document::parse(&svg).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .map(|t| t.trim().to_owned())
            .collect()
    };
    let close = "Region,Plan,Actual\nEMEA,92,96\nAPAC,94,99\nAMER,95,97";
    let bars = chart(ChartKind::Bar, close);
    assert!(texts(&bars).iter().any(|t| t == "0"), "{:?}", texts(&bars));
    // The same numbers as lines keep their close-up axis, and say so with
    // a break mark at its foot (two short strokes) instead of a zero.
    let lines = chart(ChartKind::Line, close);
    assert!(
        !texts(&lines).iter().any(|t| t == "0"),
        "{:?}",
        texts(&lines)
    );
}

#[test]
fn the_glance_test_is_measured_on_the_slides_own_layout() {
    let mut fitting =
        fields("We pause the enterprise tier until onboarding stops losing a third of teams");
    beats(&mut fitting);
    fn slide(fields: &UpdateFields) -> SlideInput<'_> {
        SlideInput {
            fields,
            chart: None,
            page: 1,
            page_count: 1,
            banner: None,
        }
    }
    assert!(!throughline_render::slide_cuts_text(
        &slide(&fitting),
        &Branding::default()
    ));

    let mut crammed = fitting.clone();
    crammed.beats.context = crammed.beats.context.repeat(60);
    assert!(throughline_render::slide_cuts_text(
        &slide(&crammed),
        &Branding::default()
    ));
    // The drawn slide does end that beat in "…".
    let svg = render_slide_svg(&slide(&crammed), &Theme::light(), &Branding::default());
    assert!(svg.contains('…'));
}

#[test]
fn a_title_about_one_job_states_that_jobs_change_as_good_and_names_every_job() {
    // Times that the title says were cut: the gate's 12 -> 6.37 min is
    // −46.9% and good news, not the −47.5% summed over every job (which
    // adds a wall-clock total to the jobs it spans) and not red.
    let mut jobs = chart(
        ChartKind::Bar,
        "job,before,after\nRun Tests,11.5,5.05\nInspector Tests (slowest shard),11.8,6.28\n\
         E2E Smoke (Playwright),10.9,5.73\nBuild and Test (lint.yml),8.9,4.05\n\
         Packaging (new),,2.35\ngate (wall clock),12,6.37",
    );
    jobs.unit = Some("min".into());
    let title = "PR gate cut from about 12 minutes to about 5";
    let headline = chart_annotation(&jobs, &read_chart(&jobs, &[title])).unwrap();
    assert_eq!(
        headline.statement(),
        "−46.9% · after vs before, gate (wall clock)"
    );
    assert_eq!(headline.good, Some(true), "shorter times were the aim");

    let text = pdf_text(&fields(title), &jobs);
    for name in [
        "Run Tests",
        "Inspector",
        "E2E Smoke",
        "Packaging",
        "Build and",
        "gate (wall",
    ] {
        assert!(
            text.contains(name),
            "{name} is not named under its bars: {text}"
        );
    }
}
