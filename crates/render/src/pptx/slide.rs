//! One update as a PowerPoint slide: the title and the beats in the
//! layout's placeholders (so a company theme restyles them), the evidence
//! callout, the chart as a native chart (or a picture where PowerPoint has
//! no such chart), the footer, and a triggered criterion's banner.

use throughline_core::{Evidence, UpdateFields};

use super::package::xml;
use super::theme::{sp_tree_start, BEATS_BOX, TITLE_BOX, WIDE_BEATS_BOX};
use crate::chart::Annotation;
use crate::slide::{
    beat_size, block_colour, metric_comparison, source_line, story_blocks, CONTENT_BOTTOM, MARGIN,
    RIGHT_WIDTH, RIGHT_X,
};
use crate::text::{fit_text, TextStyle};
use crate::theme::{Branding, Rgb, Theme};
use crate::Weight;

fn hex(rgb: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", rgb.0, rgb.1, rgb.2)
}

/// Slide pixels to hundredths of a point (1920 px = 960 pt).
fn points(px: f32) -> u32 {
    (px * 50.0).round().max(100.0) as u32
}

/// EMU per slide pixel across and down: 6350 for our 16:9 slide; a
/// company template's own slide size otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub x: f64,
    pub y: f64,
}

impl Geometry {
    fn xfrm(self, (x, y, w, h): (f32, f32, f32, f32)) -> String {
        let (x, y, w, h) = self.emu((x, y, w, h));
        format!(r#"<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>"#)
    }

    fn emu(self, (x, y, w, h): (f32, f32, f32, f32)) -> (i64, i64, i64, i64) {
        let across = |v: f32| (f64::from(v.max(0.0)) * self.x).round() as i64;
        let down = |v: f32| (f64::from(v.max(0.0)) * self.y).round() as i64;
        (across(x), down(y), across(w), down(h))
    }
}

/// A run in a placeholder of a company template: bold where ours is, the
/// template's own font, size and colour otherwise.
fn plain_run(text: &str, bold: bool) -> String {
    format!(
        r#"<a:r><a:rPr lang="en-US" b="{}" dirty="0"/><a:t>{}</a:t></a:r>"#,
        u8::from(bold),
        xml(text)
    )
}

fn run(text: &str, size_px: f32, bold: bool, colour: Rgb) -> String {
    format!(
        r#"<a:r><a:rPr lang="en-US" sz="{}" b="{}" dirty="0"><a:solidFill><a:srgbClr val="{}"/></a:solidFill></a:rPr><a:t>{}</a:t></a:r>"#,
        points(size_px),
        u8::from(bold),
        hex(colour),
        xml(text)
    )
}

fn paragraph(runs: &str, space_after_px: f32) -> String {
    format!(
        r#"<a:p><a:pPr><a:spcAft><a:spcPts val="{}"/></a:spcAft></a:pPr>{runs}</a:p>"#,
        points(space_after_px)
    )
}

fn text_box(
    geometry: Geometry,
    id: u32,
    name: &str,
    bx: (f32, f32, f32, f32),
    paragraphs: &str,
    fill: Option<Rgb>,
) -> String {
    let fill = fill.map_or("<a:noFill/>".to_owned(), |c| {
        format!(
            r#"<a:solidFill><a:srgbClr val="{}"/></a:solidFill>"#,
            hex(c)
        )
    });
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:normAutofit/></a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody></p:sp>"#,
        xml(name),
        geometry.xfrm(bx)
    )
}

/// A placeholder: where the layout puts it (`bx` `None`) or at `bx`.
fn placeholder(
    geometry: Geometry,
    (id, name, ph): (u32, &str, &str),
    bx: Option<(f32, f32, f32, f32)>,
    paragraphs: &str,
) -> String {
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{}</p:spPr><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>{paragraphs}</p:txBody></p:sp>"#,
        bx.map(|b| geometry.xfrm(b)).unwrap_or_default()
    )
}

/// What goes in the chart area, decided by the deck writer.
pub enum ChartPart {
    None,
    /// A native chart, by its relationship id.
    Native(String),
    /// A picture of the chart, by its relationship id.
    Picture(String),
}

pub struct SlideParts<'a> {
    pub fields: &'a UpdateFields,
    pub banner: Option<&'a str>,
    pub chart: ChartPart,
    /// The chart's computed headline ("+1.3 pts", "Pilot vs Control, W6"),
    /// shown as the callout when the evidence has no metric or quote.
    pub headline: Option<Annotation>,
    pub page: (usize, usize),
    pub geometry: Geometry,
    /// In a company template: its layout's body placeholder index; the
    /// title and the beats then take the template's fonts and colours.
    pub template_body: Option<&'a str>,
}

pub fn slide_xml(parts: &SlideParts<'_>, theme: &Theme, branding: &Branding) -> String {
    let fields = parts.fields;
    let g = parts.geometry;
    let templated = parts.template_body.is_some();
    let accent = theme.accent(branding.accent);
    let mut tree = String::from(sp_tree_start());
    let mut top = 58.0;
    if let Some(banner) = parts.banner.filter(|b| !b.trim().is_empty()) {
        tree.push_str(&text_box(
            g,
            10,
            "Banner",
            (0.0, 10.0, 1920.0, 56.0),
            &paragraph(
                &run(
                    &format!("   {}", banner.trim()),
                    24.0,
                    true,
                    Rgb(255, 255, 255),
                ),
                0.0,
            ),
            Some(theme.banner),
        ));
        top = 96.0;
    }
    // The title, at the size the slide sets it.
    let title_text = if fields.title.trim().is_empty() {
        "Untitled update"
    } else {
        fields.title.trim()
    };
    let title_style = TextStyle {
        weight: Weight::Bold,
        max_size: 60.0,
        min_size: 36.0,
        line_height: 1.18,
        max_lines: Some(2),
    };
    let fitted = fit_text(title_text, &title_style, TITLE_BOX.2, TITLE_BOX.3);
    let title_run = if templated {
        plain_run(title_text, false)
    } else {
        run(title_text, fitted.size, true, theme.text)
    };
    tree.push_str(&placeholder(
        g,
        (2, "Title", r#"<p:ph type="title"/>"#),
        (!templated).then_some((TITLE_BOX.0, top, TITLE_BOX.2, TITLE_BOX.3)),
        &paragraph(&title_run, 0.0),
    ));
    let content_top = (top + fitted.height() + 48.0).max(210.0);

    // The beats, as the slide words them: named, or a narrative whose
    // resolution stands out.
    let has_right = !matches!(parts.chart, ChartPart::None)
        || matches!(fields.evidence, Evidence::Metric(_) | Evidence::Quote(_));
    let body_box = if has_right { BEATS_BOX } else { WIDE_BEATS_BOX };
    let size = beat_size(fields, branding.beat_names, (content_top, body_box.2));
    let mut body = String::new();
    for block in story_blocks(fields) {
        let names = branding.beat_names;
        let Some(shown) = block.shown(names) else {
            continue;
        };
        let bold = block.bold(names);
        let labelled = block.labelled(names);
        if templated {
            if labelled {
                body.push_str(&bare_paragraph(&plain_run(&block.label, true)));
            }
            body.push_str(&bare_paragraph(&plain_run(shown, bold)));
            continue;
        }
        if labelled {
            let colour = block_colour(block.role, theme, accent);
            body.push_str(&paragraph(&run(&block.label, 20.0, true, colour), 4.0));
        }
        let colour = if block.text.is_empty() {
            theme.faint
        } else {
            theme.text
        };
        body.push_str(&paragraph(&run(shown, size, bold, colour), 26.0));
    }
    if body.is_empty() {
        body = r#"<a:p><a:endParaRPr lang="en-US"/></a:p>"#.to_owned();
    }
    let story_ph = match parts.template_body {
        Some(idx) => format!(r#"<p:ph idx="{}"/>"#, xml(idx)),
        None => r#"<p:ph type="body" idx="1"/>"#.to_owned(),
    };
    // In a template the story keeps its layout's place unless the chart
    // needs the right half.
    let story_box = (!templated || has_right).then_some((
        body_box.0,
        content_top,
        body_box.2,
        CONTENT_BOTTOM - content_top,
    ));
    tree.push_str(&placeholder(g, (3, "Story", &story_ph), story_box, &body));

    // The evidence callout over the chart.
    let mut chart_top = content_top;
    let callout = match &fields.evidence {
        Evidence::Metric(m) if !m.value.trim().is_empty() => Some((
            format!("{} {}", m.value.trim(), m.unit.trim())
                .trim()
                .to_owned(),
            metric_comparison(m),
            accent,
        )),
        Evidence::Quote(q) if !q.text.trim().is_empty() => Some((
            format!("“{}”", q.text.trim()),
            [q.who.trim(), q.when.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            accent,
        )),
        _ => parts.headline.as_ref().map(|headline| {
            let colour = match headline.good {
                Some(false) => theme.negative,
                _ => accent,
            };
            (headline.change.clone(), headline.about.clone(), colour)
        }),
    };
    if let Some((headline, detail, colour)) = callout {
        let hero = matches!(parts.chart, ChartPart::None);
        let height = if hero {
            CONTENT_BOTTOM - content_top
        } else {
            150.0
        };
        let mut paragraphs = paragraph(
            &run(&headline, if hero { 72.0 } else { 44.0 }, true, colour),
            6.0,
        );
        if !detail.is_empty() {
            paragraphs.push_str(&paragraph(&run(&detail, 22.0, false, theme.muted), 0.0));
        }
        tree.push_str(&text_box(
            g,
            4,
            "Evidence",
            (RIGHT_X, content_top, RIGHT_WIDTH, height),
            &paragraphs,
            Some(theme.background.mix(accent, theme.callout_tint)),
        ));
        chart_top = content_top + height + 36.0;
    }
    let chart_box = (
        RIGHT_X,
        chart_top,
        RIGHT_WIDTH,
        (CONTENT_BOTTOM - chart_top).max(200.0),
    );
    match &parts.chart {
        ChartPart::None => {}
        ChartPart::Native(rid) => tree.push_str(&format!(
            r#"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="5" name="Chart" descr="{}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="{rid}"/></a:graphicData></a:graphic></p:graphicFrame>"#,
            xml(&chart_alt(fields)),
            g.emu(chart_box).0,
            g.emu(chart_box).1,
            g.emu(chart_box).2,
            g.emu(chart_box).3
        )),
        ChartPart::Picture(rid) => tree.push_str(&format!(
            r#"<p:pic><p:nvPicPr><p:cNvPr id="5" name="Chart" descr="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
            xml(&chart_alt(fields)),
            g.xfrm(chart_box)
        )),
    }

    // The footer: the evidence's source and the workspace's label; the date
    // and the page on the right.
    let source = source_line(&fields.evidence);
    let left: Vec<&str> = [source.as_str(), branding.footer_label.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let right = [
        fields.date.trim().to_owned(),
        format!("{} / {}", parts.page.0, parts.page.1),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join("   ");
    if !left.is_empty() {
        tree.push_str(&text_box(
            g,
            6,
            "Footer",
            (MARGIN, 1015.0, 1300.0, 40.0),
            &paragraph(&run(&left.join(" · "), 20.0, false, theme.muted), 0.0),
            None,
        ));
    }
    tree.push_str(&text_box(
        g,
        7,
        "Date and page",
        (1424.0, 1015.0, 400.0, 40.0),
        &format!(
            r#"<a:p><a:pPr algn="r"/>{}</a:p>"#,
            run(&right, 20.0, false, theme.muted)
        ),
        None,
    ));
    tree.push_str("</p:spTree>");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld {}><p:cSld>{tree}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#,
        super::theme::ns()
    )
}

/// A paragraph without bullets, spaced as the template spaces it.
fn bare_paragraph(runs: &str) -> String {
    format!(r#"<a:p><a:pPr marL="0" indent="0"><a:buNone/></a:pPr>{runs}</a:p>"#)
}

/// What a screen reader says for the chart.
fn chart_alt(fields: &UpdateFields) -> String {
    fields
        .chart
        .as_ref()
        .map(|c| {
            [c.alt.trim(), c.title.trim()]
                .into_iter()
                .find(|t| !t.is_empty())
                .unwrap_or("A chart")
                .to_owned()
        })
        .unwrap_or_default()
}

/// A page around the updates: the title page (title and subtitle), the
/// agenda (a title and its items), or a whole-slide picture (an appendix
/// page drawn by the renderer), by its relationship id.
pub enum FramePage<'a> {
    Title { title: &'a str, subtitle: &'a str },
    Agenda(&'a [String]),
    Picture { rid: &'a str, alt: &'a str },
}

pub fn frame_slide_xml(
    page: &FramePage<'_>,
    geometry: Geometry,
    template_body: Option<&str>,
    theme: &Theme,
) -> String {
    let g = geometry;
    let templated = template_body.is_some();
    let story_ph = match template_body {
        Some(idx) => format!(r#"<p:ph idx="{}"/>"#, xml(idx)),
        None => r#"<p:ph type="body" idx="1"/>"#.to_owned(),
    };
    let text_run = |text: &str, size: f32, bold: bool, colour: Rgb| {
        if templated {
            plain_run(text, bold)
        } else {
            run(text, size, bold, colour)
        }
    };
    let mut tree = String::from(sp_tree_start());
    match page {
        FramePage::Title { title, subtitle } => {
            tree.push_str(&placeholder(
                g,
                (2, "Title", r#"<p:ph type="title"/>"#),
                (!templated).then_some((96.0, 360.0, 1728.0, 260.0)),
                &paragraph(&text_run(title.trim(), 76.0, true, theme.text), 0.0),
            ));
            tree.push_str(&placeholder(
                g,
                (3, "Subtitle", &story_ph),
                (!templated).then_some((96.0, 660.0, 1728.0, 120.0)),
                &bare_paragraph(&text_run(subtitle.trim(), 32.0, false, theme.muted)),
            ));
        }
        FramePage::Agenda(items) => {
            tree.push_str(&placeholder(
                g,
                (2, "Title", r#"<p:ph type="title"/>"#),
                (!templated).then_some(TITLE_BOX),
                &paragraph(&text_run("Agenda", 60.0, true, theme.text), 0.0),
            ));
            let list: String = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    bare_paragraph(&text_run(&format!("{}   {}", i + 1, item.trim()), 32.0, false, theme.text))
                })
                .collect();
            let list = if list.is_empty() {
                r#"<a:p><a:endParaRPr lang="en-US"/></a:p>"#.to_owned()
            } else {
                list
            };
            tree.push_str(&placeholder(
                g,
                (3, "Agenda", &story_ph),
                (!templated).then_some(WIDE_BEATS_BOX),
                &list,
            ));
        }
        FramePage::Picture { rid, alt } => tree.push_str(&format!(
            r#"<p:pic><p:nvPicPr><p:cNvPr id="2" name="Page" descr="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
            xml(alt),
            g.xfrm((0.0, 0.0, 1920.0, 1080.0))
        )),
    }
    tree.push_str("</p:spTree>");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld {}><p:cSld>{tree}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#,
        super::theme::ns()
    )
}
