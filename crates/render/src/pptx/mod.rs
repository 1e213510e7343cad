//! Updates as an editable PowerPoint deck (PresentationML written
//! directly): 16:9, our own slide master with named layouts, the title and
//! the beats in placeholders, native charts whose "Edit data" opens a
//! workbook holding exactly the chart's numbers, and speaker notes. The
//! same updates give the same bytes (fixed timestamps, parts in a fixed
//! order).

mod chart;
mod package;
mod slide;
mod template;
mod theme;
mod workbook;

use throughline_core::UpdateFields;

use crate::chart::{chart_annotation, render_chart_svg};
use crate::slide::{story_reading, RIGHT_WIDTH};
use crate::theme::{Branding, Theme};
use crate::{svg_to_png, PngCompression, RenderError};
use package::{xml, Parts};
use slide::{ChartPart, SlideParts};

/// English Metric Units per slide pixel: a 1920-pixel-wide slide is
/// 12,192,000 EMU (13.333 in).
pub(crate) const EMU_PER_PX: i64 = 6350;

/// One slide of the deck.
pub struct PptxSlide<'a> {
    pub fields: &'a UpdateFields,
    /// A warning across the top (a triggered kill criterion).
    pub banner: Option<&'a str>,
}

const CT_DEFAULTS: &str = r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>"#;

fn rels(list: &[(String, &str, String)]) -> String {
    let body: String = list
        .iter()
        .map(|(id, kind, target)| {
            format!(
                r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/{kind}" Target="{}"/>"#,
                xml(target)
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>"#
    )
}

const REL: &str = "officeDocument/2006/relationships";

fn rel(kind: &str) -> &'static str {
    match kind {
        "slideLayout" => "officeDocument/2006/relationships/slideLayout",
        "slideMaster" => "officeDocument/2006/relationships/slideMaster",
        "slide" => "officeDocument/2006/relationships/slide",
        "theme" => "officeDocument/2006/relationships/theme",
        "notesMaster" => "officeDocument/2006/relationships/notesMaster",
        "notesSlide" => "officeDocument/2006/relationships/notesSlide",
        "chart" => "officeDocument/2006/relationships/chart",
        "image" => "officeDocument/2006/relationships/image",
        "package" => "officeDocument/2006/relationships/package",
        "officeDocument" => "officeDocument/2006/relationships/officeDocument",
        "core" => "package/2006/relationships/metadata/core-properties",
        "app" => "officeDocument/2006/relationships/extended-properties",
        "presProps" => "officeDocument/2006/relationships/presProps",
        "viewProps" => "officeDocument/2006/relationships/viewProps",
        "tableStyles" => "officeDocument/2006/relationships/tableStyles",
        _ => REL,
    }
}

/// One page of a deck: an update, or a page around the updates (the title
/// page, the agenda, an appendix page drawn by the renderer).
pub enum DeckPage<'a> {
    Update(PptxSlide<'a>),
    Title {
        title: &'a str,
        subtitle: &'a str,
    },
    Agenda(Vec<String>),
    /// A page drawn by the renderer (a journal's one-pager, a portfolio
    /// view), placed as a picture filling the slide.
    Picture {
        svg: String,
        alt: String,
    },
}

/// The deck as `.pptx` bytes, on our own master.
pub fn slides_to_pptx(
    slides: &[PptxSlide<'_>],
    theme: &Theme,
    branding: &Branding,
) -> Result<Vec<u8>, RenderError> {
    let pages: Vec<DeckPage<'_>> = slides
        .iter()
        .map(|s| {
            DeckPage::Update(PptxSlide {
                fields: s.fields,
                banner: s.banner,
            })
        })
        .collect();
    write_deck(&pages, theme, branding, None)
}

/// Whether `bytes` are a PowerPoint template the deck can build on: the
/// name of the layout the slides would use, or why not.
pub fn check_pptx_template(bytes: &[u8]) -> Result<String, RenderError> {
    template::read(bytes).map(|t| t.layout)
}

/// A deck with pages around its updates, on our master or a company's
/// template (its bytes).
pub fn deck_to_pptx(
    pages: &[DeckPage<'_>],
    theme: &Theme,
    branding: &Branding,
    template: Option<&[u8]>,
) -> Result<Vec<u8>, RenderError> {
    match template {
        None => write_deck(pages, theme, branding, None),
        Some(bytes) => {
            let template = template::read(bytes)?;
            write_deck(pages, theme, branding, Some(&template))
        }
    }
}

/// The deck on a company's template (`.pptx` or `.potx` bytes): its
/// masters, layouts, theme and fonts; our title and story in its "Title
/// and Content" placeholders; the chart, callout and footer where ours go,
/// scaled to its slide size.
pub fn slides_to_pptx_with_template(
    slides: &[PptxSlide<'_>],
    theme: &Theme,
    branding: &Branding,
    template: &[u8],
) -> Result<Vec<u8>, RenderError> {
    let template = template::read(template)?;
    let pages: Vec<DeckPage<'_>> = slides
        .iter()
        .map(|s| {
            DeckPage::Update(PptxSlide {
                fields: s.fields,
                banner: s.banner,
            })
        })
        .collect();
    write_deck(&pages, theme, branding, Some(&template))
}

fn write_deck(
    pages: &[DeckPage<'_>],
    theme: &Theme,
    branding: &Branding,
    template: Option<&template::CompanyTemplate>,
) -> Result<Vec<u8>, RenderError> {
    if pages.is_empty() {
        return Err(RenderError::NoSlides);
    }
    let geometry = match template {
        Some(t) => slide::Geometry {
            x: t.size.0 as f64 / 1920.0,
            y: t.size.1 as f64 / 1080.0,
        },
        None => slide::Geometry {
            x: EMU_PER_PX as f64,
            y: EMU_PER_PX as f64,
        },
    };
    // The notes master the notes pages use: the template's, or ours.
    let notes_master_target = template
        .filter(|t| t.has_notes_master)
        .and_then(|t| {
            t.presentation_rels
                .iter()
                .find(|r| r.kind.ends_with("/notesMaster"))
                .map(|r| {
                    format!(
                        "../{}",
                        r.target.trim_start_matches('/').trim_start_matches("ppt/")
                    )
                })
        })
        .unwrap_or_else(|| {
            if template.is_some() {
                "../notesMasters/notesMasterThroughline.xml".to_owned()
            } else {
                "../notesMasters/notesMaster1.xml".to_owned()
            }
        });
    let accent = theme.accent(branding.accent);
    let mut parts = Parts::default();
    let mut overrides = String::new();
    let mut add_override = |name: &str, content_type: &str| {
        overrides.push_str(&format!(
            r#"<Override PartName="/{name}" ContentType="application/vnd.openxmlformats-officedocument.{content_type}"/>"#
        ));
    };
    let mut body = Parts::default();

    // The slides, with their charts, pictures and notes.
    let mut charts = 0usize;
    let mut images = 0usize;
    for (index, page) in pages.iter().enumerate() {
        let n = index + 1;
        let input = match page {
            DeckPage::Update(input) => input,
            frame => {
                let layout = match template {
                    Some(t) => format!("../slideLayouts/{}", t.layout),
                    None => "../slideLayouts/slideLayout2.xml".to_owned(),
                };
                let mut slide_rels = vec![
                    ("rId1".to_owned(), rel("slideLayout"), layout),
                    (
                        "rId2".to_owned(),
                        rel("notesSlide"),
                        format!("../notesSlides/notesSlide{n}.xml"),
                    ),
                ];
                let frame_page = match frame {
                    DeckPage::Title { title, subtitle } => {
                        slide::FramePage::Title { title, subtitle }
                    }
                    DeckPage::Agenda(items) => slide::FramePage::Agenda(items),
                    DeckPage::Picture { svg, alt } => {
                        images += 1;
                        let png = svg_to_png(svg, 1.0, PngCompression::Small)?;
                        body.add_bytes(&format!("ppt/media/throughlineImage{images}.png"), png);
                        slide_rels.push((
                            "rId3".to_owned(),
                            rel("image"),
                            format!("../media/throughlineImage{images}.png"),
                        ));
                        slide::FramePage::Picture { rid: "rId3", alt }
                    }
                    DeckPage::Update(_) => continue,
                };
                let xml_text = slide::frame_slide_xml(
                    &frame_page,
                    geometry,
                    template.map(|t| t.body_idx.as_str()),
                    theme,
                );
                add_slide(
                    &mut body,
                    &mut add_override,
                    (n, &xml_text, &slide_rels, ""),
                    &notes_master_target,
                );
                continue;
            }
        };
        let mut slide_rels = vec![
            (
                "rId1".to_owned(),
                rel("slideLayout"),
                match template {
                    Some(t) => format!("../slideLayouts/{}", t.layout),
                    None => format!(
                        "../slideLayouts/slideLayout{}.xml",
                        if input.fields.chart.is_some() || has_callout(input.fields) {
                            1
                        } else {
                            2
                        }
                    ),
                },
            ),
            (
                "rId2".to_owned(),
                rel("notesSlide"),
                format!("../notesSlides/notesSlide{n}.xml"),
            ),
        ];
        // With no metric or quote, the chart's computed headline is the
        // callout, as on the PNG and PDF slide.
        let headline = input
            .fields
            .chart
            .as_ref()
            .and_then(|spec| chart_annotation(spec, &story_reading(input.fields, spec)));
        let chart_part = match &input.fields.chart {
            None => ChartPart::None,
            Some(spec) => {
                let reading = story_reading(input.fields, spec);
                match chart::native_chart(spec, &reading, theme, accent) {
                    Some(native) => {
                        charts += 1;
                        let c = charts;
                        body.add(&format!("ppt/charts/throughlineChart{c}.xml"), &native.xml);
                        body.add(
                            &format!("ppt/charts/_rels/throughlineChart{c}.xml.rels"),
                            &rels(&[(
                                "rId1".to_owned(),
                                rel("package"),
                                format!("../embeddings/throughlineWorkbook{c}.xlsx"),
                            )]),
                        );
                        body.add_bytes(
                            &format!("ppt/embeddings/throughlineWorkbook{c}.xlsx"),
                            workbook::workbook(&native.rows)?,
                        );
                        add_override(
                            &format!("ppt/charts/throughlineChart{c}.xml"),
                            "drawingml.chart+xml",
                        );
                        slide_rels.push((
                            "rId3".to_owned(),
                            rel("chart"),
                            format!("../charts/throughlineChart{c}.xml"),
                        ));
                        ChartPart::Native("rId3".to_owned())
                    }
                    None => {
                        images += 1;
                        let height = 620u32;
                        let svg = render_chart_svg(
                            spec,
                            &reading,
                            theme,
                            accent,
                            RIGHT_WIDTH as u32,
                            height,
                        );
                        let png = svg_to_png(&svg, 2.0, PngCompression::Small)?;
                        body.add_bytes(&format!("ppt/media/throughlineImage{images}.png"), png);
                        slide_rels.push((
                            "rId3".to_owned(),
                            rel("image"),
                            format!("../media/throughlineImage{images}.png"),
                        ));
                        ChartPart::Picture("rId3".to_owned())
                    }
                }
            }
        };
        let xml_text = slide::slide_xml(
            &SlideParts {
                fields: input.fields,
                banner: input.banner,
                chart: chart_part,
                headline,
                page: (n, pages.len()),
                geometry,
                template_body: template.map(|t| t.body_idx.as_str()),
            },
            theme,
            branding,
        );
        add_slide(
            &mut body,
            &mut add_override,
            (n, &xml_text, &slide_rels, &input.fields.notes),
            &notes_master_target,
        );
    }

    if let Some(t) = template {
        return finish_on_template(t, pages.len(), body, overrides, theme, accent);
    }

    // The master, its layouts, the notes master and their themes.
    let layouts = theme::LAYOUTS;
    body.add(
        "ppt/slideMasters/slideMaster1.xml",
        &theme::master_xml(theme, layouts.len()),
    );
    let mut master_rels: Vec<(String, &str, String)> = (0..layouts.len())
        .map(|i| {
            (
                format!("rId{}", i + 1),
                rel("slideLayout"),
                format!("../slideLayouts/slideLayout{}.xml", i + 1),
            )
        })
        .collect();
    master_rels.push((
        format!("rId{}", layouts.len() + 1),
        rel("theme"),
        "../theme/theme1.xml".to_owned(),
    ));
    body.add(
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        &rels(&master_rels),
    );
    add_override(
        "ppt/slideMasters/slideMaster1.xml",
        "presentationml.slideMaster+xml",
    );
    for (i, (name, wide)) in layouts.iter().enumerate() {
        let n = i + 1;
        body.add(
            &format!("ppt/slideLayouts/slideLayout{n}.xml"),
            &theme::layout_xml(name, *wide),
        );
        body.add(
            &format!("ppt/slideLayouts/_rels/slideLayout{n}.xml.rels"),
            &rels(&[(
                "rId1".to_owned(),
                rel("slideMaster"),
                "../slideMasters/slideMaster1.xml".to_owned(),
            )]),
        );
        add_override(
            &format!("ppt/slideLayouts/slideLayout{n}.xml"),
            "presentationml.slideLayout+xml",
        );
    }
    let theme_xml = theme::theme_xml(theme, accent);
    body.add("ppt/theme/theme1.xml", &theme_xml);
    body.add("ppt/theme/theme2.xml", &theme_xml);
    add_override("ppt/theme/theme1.xml", "theme+xml");
    add_override("ppt/theme/theme2.xml", "theme+xml");
    body.add(
        "ppt/notesMasters/notesMaster1.xml",
        &theme::notes_master_xml(),
    );
    body.add(
        "ppt/notesMasters/_rels/notesMaster1.xml.rels",
        &rels(&[(
            "rId1".to_owned(),
            rel("theme"),
            "../theme/theme2.xml".to_owned(),
        )]),
    );
    add_override(
        "ppt/notesMasters/notesMaster1.xml",
        "presentationml.notesMaster+xml",
    );

    // The presentation: master, notes master, slides, 16:9.
    let slide_ids: String = (0..pages.len())
        .map(|i| format!(r#"<p:sldId id="{}" r:id="rId{}"/>"#, 256 + i, 10 + i))
        .collect();
    body.add(
        "ppt/presentation.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation {} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>{slide_ids}</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>"#,
            theme::ns()
        ),
    );
    let mut presentation_rels = vec![
        (
            "rId1".to_owned(),
            rel("slideMaster"),
            "slideMasters/slideMaster1.xml".to_owned(),
        ),
        (
            "rId2".to_owned(),
            rel("notesMaster"),
            "notesMasters/notesMaster1.xml".to_owned(),
        ),
        (
            "rId3".to_owned(),
            rel("theme"),
            "theme/theme1.xml".to_owned(),
        ),
        (
            "rId4".to_owned(),
            rel("presProps"),
            "presProps.xml".to_owned(),
        ),
        (
            "rId5".to_owned(),
            rel("viewProps"),
            "viewProps.xml".to_owned(),
        ),
        (
            "rId6".to_owned(),
            rel("tableStyles"),
            "tableStyles.xml".to_owned(),
        ),
    ];
    for i in 0..pages.len() {
        presentation_rels.push((
            format!("rId{}", 10 + i),
            rel("slide"),
            format!("slides/slide{}.xml", i + 1),
        ));
    }
    body.add("ppt/_rels/presentation.xml.rels", &rels(&presentation_rels));
    add_override(
        "ppt/presentation.xml",
        "presentationml.presentation.main+xml",
    );
    body.add(
        "ppt/presProps.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentationPr {}/>"#,
            theme::ns()
        ),
    );
    body.add(
        "ppt/viewProps.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:viewPr {}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>"#,
            theme::ns()
        ),
    );
    body.add(
        "ppt/tableStyles.xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>"#,
    );
    add_override("ppt/presProps.xml", "presentationml.presProps+xml");
    add_override("ppt/viewProps.xml", "presentationml.viewProps+xml");
    add_override("ppt/tableStyles.xml", "presentationml.tableStyles+xml");

    // Document properties: the first title, no clock.
    let title = pages
        .iter()
        .find_map(|p| match p {
            DeckPage::Title { title, .. } => Some(title.trim().to_owned()),
            DeckPage::Update(s) => Some(s.fields.title.trim().to_owned()),
            _ => None,
        })
        .unwrap_or_default();
    body.add(
        "docProps/core.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>Throughline</dc:creator></cp:coreProperties>"#,
            xml(&title)
        ),
    );
    body.add(
        "docProps/app.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Throughline</Application><Slides>{}</Slides><Notes>{}</Notes></Properties>"#,
            pages.len(),
            pages.len()
        ),
    );
    let core_type = r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#;
    add_override("docProps/app.xml", "extended-properties+xml");

    parts.add(
        "[Content_Types].xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{CT_DEFAULTS}{overrides}{core_type}</Types>"#
        ),
    );
    parts.add(
        "_rels/.rels",
        &rels(&[
            (
                "rId1".to_owned(),
                rel("officeDocument"),
                "ppt/presentation.xml".to_owned(),
            ),
            (
                "rId2".to_owned(),
                rel("core"),
                "docProps/core.xml".to_owned(),
            ),
            ("rId3".to_owned(), rel("app"), "docProps/app.xml".to_owned()),
        ]),
    );
    parts.append(body);
    parts.zip()
}

fn has_callout(fields: &UpdateFields) -> bool {
    match &fields.evidence {
        throughline_core::Evidence::Metric(m) => !m.value.trim().is_empty(),
        throughline_core::Evidence::Quote(q) => !q.text.trim().is_empty(),
        throughline_core::Evidence::None => false,
    }
}

/// The deck on a company template: its parts kept, its presentation part
/// given our slides (and our notes master when it has none).
fn finish_on_template(
    t: &template::CompanyTemplate,
    slide_count: usize,
    body: Parts,
    mut overrides: String,
    theme: &Theme,
    accent: crate::theme::Rgb,
) -> Result<Vec<u8>, RenderError> {
    let mut parts = Parts::default();
    let mut presentation_rels: Vec<(String, String, String)> = t
        .presentation_rels
        .iter()
        .map(|r| (r.id.clone(), r.kind.clone(), r.target.clone()))
        .collect();
    let full = |kind: &str| format!("http://schemas.openxmlformats.org/{}", rel(kind));
    let mut presentation = t.presentation.clone();
    let slide_ids: String = (0..slide_count)
        .map(|i| {
            format!(
                r#"<p:sldId id="{}" r:id="rIdThroughlineSlide{}"/>"#,
                256 + i,
                i + 1
            )
        })
        .collect();
    let mut insert = format!("<p:sldIdLst>{slide_ids}</p:sldIdLst>");
    let mut extra = Parts::default();
    if !t.has_notes_master {
        insert = format!(
            r#"<p:notesMasterIdLst><p:notesMasterId r:id="rIdThroughlineNotes"/></p:notesMasterIdLst>{insert}"#
        );
        presentation_rels.push((
            "rIdThroughlineNotes".to_owned(),
            full("notesMaster"),
            "notesMasters/notesMasterThroughline.xml".to_owned(),
        ));
        extra.add(
            "ppt/notesMasters/notesMasterThroughline.xml",
            &theme::notes_master_xml(),
        );
        extra.add(
            "ppt/notesMasters/_rels/notesMasterThroughline.xml.rels",
            &rels(&[(
                "rId1".to_owned(),
                rel("theme"),
                "../theme/themeThroughlineNotes.xml".to_owned(),
            )]),
        );
        extra.add(
            "ppt/theme/themeThroughlineNotes.xml",
            &theme::theme_xml(theme, accent),
        );
        overrides.push_str(r#"<Override PartName="/ppt/notesMasters/notesMasterThroughline.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml"/><Override PartName="/ppt/theme/themeThroughlineNotes.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#);
    }
    let anchor = if t.has_notes_master {
        "</p:notesMasterIdLst>"
    } else {
        "</p:sldMasterIdLst>"
    };
    let at = presentation
        .find(anchor)
        .map(|i| i + anchor.len())
        .ok_or_else(|| {
            RenderError::Template("the template's presentation part has no master list".into())
        })?;
    presentation.insert_str(at, &insert);
    for i in 0..slide_count {
        presentation_rels.push((
            format!("rIdThroughlineSlide{}", i + 1),
            full("slide"),
            format!("slides/slide{}.xml", i + 1),
        ));
    }
    let mut content_types = t.content_types.clone();
    let mut defaults = String::new();
    for (extension, kind) in [
        ("png", "image/png"),
        (
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ] {
        if !content_types.contains(&format!(r#"Extension="{extension}""#)) {
            defaults.push_str(&format!(
                r#"<Default Extension="{extension}" ContentType="{kind}"/>"#
            ));
        }
    }
    let end = content_types.rfind("</Types>").ok_or_else(|| {
        RenderError::Template("the template's content types part is not in the usual form".into())
    })?;
    content_types.insert_str(end, &format!("{defaults}{overrides}"));
    parts.add("[Content_Types].xml", &content_types);
    parts.add(
        "_rels/.rels",
        &rels(&[(
            "rId1".to_owned(),
            rel("officeDocument"),
            "ppt/presentation.xml".to_owned(),
        )]),
    );
    parts.add("ppt/presentation.xml", &presentation);
    let relationships: String = presentation_rels
        .iter()
        .map(|(id, kind, target)| {
            format!(
                r#"<Relationship Id="{}" Type="{}" Target="{}"/>"#,
                xml(id),
                xml(kind),
                xml(target)
            )
        })
        .collect();
    parts.add(
        "ppt/_rels/presentation.xml.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationships}</Relationships>"#
        ),
    );
    for (name, bytes) in &t.kept {
        parts.add_bytes(name, bytes.clone());
    }
    parts.append(extra);
    parts.append(body);
    parts.zip()
}

/// A slide, its relationships, its notes page and their content types.
fn add_slide(
    body: &mut Parts,
    add_override: &mut impl FnMut(&str, &str),
    (n, slide_xml, slide_rels, notes): (usize, &str, &[(String, &str, String)], &str),
    notes_master_target: &str,
) {
    body.add(&format!("ppt/slides/slide{n}.xml"), slide_xml);
    body.add(
        &format!("ppt/slides/_rels/slide{n}.xml.rels"),
        &rels(slide_rels),
    );
    body.add(
        &format!("ppt/notesSlides/notesSlide{n}.xml"),
        &theme::notes_slide_xml(notes),
    );
    body.add(
        &format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
        &rels(&[
            (
                "rId1".to_owned(),
                rel("notesMaster"),
                notes_master_target.to_owned(),
            ),
            (
                "rId2".to_owned(),
                rel("slide"),
                format!("../slides/slide{n}.xml"),
            ),
        ]),
    );
    add_override(
        &format!("ppt/slides/slide{n}.xml"),
        "presentationml.slide+xml",
    );
    add_override(
        &format!("ppt/notesSlides/notesSlide{n}.xml"),
        "presentationml.notesSlide+xml",
    );
}
