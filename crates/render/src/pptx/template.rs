//! A company's PowerPoint template (`.pptx` or `.potx`) as the deck's
//! frame: its masters, layouts, themes and fonts are kept as they are, its
//! own slides are left out, and our slides use its layout with a title and
//! a body placeholder. Read as any file from outside is: bounded in size,
//! every part checked, and a clear error when it is not a template we can
//! use.

use std::io::Read as _;

use crate::RenderError;

/// The largest template file read, and the most it may unpack to.
const MAX_TEMPLATE_BYTES: usize = 50 * 1024 * 1024;
const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;
const MAX_PARTS: usize = 5_000;

fn bad(message: impl Into<String>) -> RenderError {
    RenderError::Template(message.into())
}

/// One relationship of a `.rels` part.
#[derive(Debug, Clone)]
pub struct Relationship {
    pub id: String,
    pub kind: String,
    pub target: String,
}

pub struct CompanyTemplate {
    /// The parts copied as they are (masters, layouts, themes, media…).
    pub kept: Vec<(String, Vec<u8>)>,
    /// `[Content_Types].xml` without the template's own slides.
    pub content_types: String,
    /// `ppt/presentation.xml` without its slide list.
    pub presentation: String,
    /// The presentation's relationships other than its slides.
    pub presentation_rels: Vec<Relationship>,
    /// The layout our slides use (`slideLayout2.xml`) and its body
    /// placeholder's index.
    pub layout: String,
    pub body_idx: String,
    /// The slide size in EMU.
    pub size: (i64, i64),
    pub has_notes_master: bool,
}

fn is_own_slide(name: &str) -> bool {
    // Its slides, and the charts and workbooks only slides hold.
    [
        "ppt/slides/",
        "ppt/notesSlides/",
        "ppt/charts/",
        "ppt/embeddings/",
    ]
    .iter()
    .any(|prefix| name.starts_with(prefix))
        || name.starts_with("docProps/thumbnail")
}

pub fn relationships(xml: &str) -> Result<Vec<Relationship>, RenderError> {
    let doc =
        roxmltree::Document::parse(xml).map_err(|e| bad(format!("a relationships part: {e}")))?;
    Ok(doc
        .descendants()
        .filter(|n| n.has_tag_name("Relationship"))
        .map(|n| Relationship {
            id: n.attribute("Id").unwrap_or_default().to_owned(),
            kind: n.attribute("Type").unwrap_or_default().to_owned(),
            target: n.attribute("Target").unwrap_or_default().to_owned(),
        })
        .collect())
}

/// The layout with a title and a body placeholder, preferring "Title and
/// Content" (`type="obj"`): its file name and the body's `idx`.
fn choose_layout(parts: &[(String, Vec<u8>)]) -> Result<(String, String), RenderError> {
    let mut candidates: Vec<(bool, u32, String, String)> = Vec::new();
    for (name, bytes) in parts {
        let Some(file) = name.strip_prefix("ppt/slideLayouts/") else {
            continue;
        };
        if file.contains('/') {
            continue;
        }
        let number: u32 = file
            .trim_start_matches("slideLayout")
            .trim_end_matches(".xml")
            .parse()
            .unwrap_or(u32::MAX);
        let text = std::str::from_utf8(bytes).map_err(|_| bad(format!("{name} is not UTF-8")))?;
        let doc = roxmltree::Document::parse(text).map_err(|e| bad(format!("{name}: {e}")))?;
        let placeholders: Vec<(Option<&str>, Option<&str>)> = doc
            .descendants()
            .filter(|n| n.has_tag_name((PML, "ph")))
            .map(|n| (n.attribute("type"), n.attribute("idx")))
            .collect();
        let has_title = placeholders
            .iter()
            .any(|(t, _)| matches!(t, Some("title") | Some("ctrTitle")));
        let body = placeholders.iter().find_map(|(t, idx)| {
            let kind_ok = matches!(t, None | Some("body") | Some("obj"));
            match (kind_ok, idx) {
                (true, Some(idx)) if *idx != "0" => Some((*idx).to_owned()),
                _ => None,
            }
        });
        if let (true, Some(body)) = (has_title, body) {
            let is_content = doc.root_element().attribute("type") == Some("obj");
            candidates.push((!is_content, number, file.to_owned(), body));
        }
    }
    candidates.sort();
    candidates
        .into_iter()
        .next()
        .map(|(_, _, file, idx)| (file, idx))
        .ok_or_else(|| bad("the template has no layout with a title and a body placeholder (such as “Title and Content”)"))
}

const PML: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";

/// Reads a template's bytes.
pub fn read(bytes: &[u8]) -> Result<CompanyTemplate, RenderError> {
    if bytes.len() > MAX_TEMPLATE_BYTES {
        return Err(bad(format!(
            "the template is {} MB; templates are at most 50 MB",
            bytes.len() / (1024 * 1024)
        )));
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| bad(format!("it is not a PowerPoint file ({e})")))?;
    if archive.len() > MAX_PARTS {
        return Err(bad("the template holds too many parts"));
    }
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut total = 0u64;
    for index in 0..archive.len() {
        let mut part = archive
            .by_index(index)
            .map_err(|e| bad(format!("a part cannot be read ({e})")))?;
        if part.is_dir() {
            continue;
        }
        let name = part.name().replace('\\', "/");
        let mut data = Vec::new();
        let left = MAX_UNPACKED_BYTES - total;
        (&mut part)
            .take(left + 1)
            .read_to_end(&mut data)
            .map_err(|e| bad(format!("{name} cannot be read ({e})")))?;
        total += data.len() as u64;
        if total > MAX_UNPACKED_BYTES {
            return Err(bad("the template unpacks to more than 200 MB"));
        }
        parts.push((name, data));
    }
    let text = |name: &str| -> Result<String, RenderError> {
        let (_, data) = parts.iter().find(|(n, _)| n == name).ok_or_else(|| {
            bad(format!(
                "it has no {name}: not a PowerPoint file or template"
            ))
        })?;
        String::from_utf8(data.clone()).map_err(|_| bad(format!("{name} is not UTF-8")))
    };
    let content_types = text("[Content_Types].xml")?;
    let presentation = text("ppt/presentation.xml")?;
    let presentation_rels = relationships(&text("ppt/_rels/presentation.xml.rels")?)?;
    let doc = roxmltree::Document::parse(&presentation)
        .map_err(|e| bad(format!("ppt/presentation.xml: {e}")))?;
    let size = doc
        .descendants()
        .find(|n| n.has_tag_name((PML, "sldSz")))
        .and_then(|n| {
            Some((
                n.attribute("cx")?.parse::<i64>().ok()?,
                n.attribute("cy")?.parse::<i64>().ok()?,
            ))
        })
        .filter(|(cx, cy)| {
            (914_400..=51_206_400).contains(cx) && (914_400..=51_206_400).contains(cy)
        })
        .ok_or_else(|| bad("the template's slide size is missing or out of range"))?;
    if !presentation.contains("<p:sldMasterIdLst>") {
        return Err(bad(
            "the template's presentation part is not in the usual form (no p:sldMasterIdLst)",
        ));
    }
    let has_notes_master = presentation.contains("<p:notesMasterIdLst>");
    let (layout, body_idx) = choose_layout(&parts)?;

    // Its own slides go; a template's content type becomes a presentation's.
    let presentation = remove_element(&presentation, "p:sldIdLst");
    let slide_kinds = ["/slide", "/notesSlide"];
    let presentation_rels: Vec<Relationship> = presentation_rels
        .into_iter()
        .filter(|r| !slide_kinds.iter().any(|k| r.kind.ends_with(k)))
        .collect();
    let content_types = remove_overrides(
        &content_types,
        &[
            "/ppt/slides/",
            "/ppt/notesSlides/",
            "/ppt/charts/",
            "/ppt/embeddings/",
        ],
    )
    .replace(
        "presentationml.template.main+xml",
        "presentationml.presentation.main+xml",
    )
    .replace(
        "presentationml.slideshow.main+xml",
        "presentationml.presentation.main+xml",
    );
    let kept = parts
        .into_iter()
        .filter(|(name, _)| {
            !is_own_slide(name)
                && !matches!(
                    name.as_str(),
                    "[Content_Types].xml"
                        | "ppt/presentation.xml"
                        | "ppt/_rels/presentation.xml.rels"
                        | "_rels/.rels"
                        | "docProps/core.xml"
                        | "docProps/app.xml"
                )
        })
        .collect();
    Ok(CompanyTemplate {
        kept,
        content_types,
        presentation,
        presentation_rels,
        layout,
        body_idx,
        size,
        has_notes_master,
    })
}

/// `text` without the element `<tag …>…</tag>` (or `<tag/>`), if present.
fn remove_element(text: &str, tag: &str) -> String {
    let open = format!("<{tag}");
    let Some(start) = text.find(&open) else {
        return text.to_owned();
    };
    let close = format!("</{tag}>");
    let end = match text[start..].find('>') {
        Some(i) if text[start..start + i].ends_with('/') => start + i + 1,
        _ => match text[start..].find(&close) {
            Some(i) => start + i + close.len(),
            None => return text.to_owned(),
        },
    };
    format!("{}{}", &text[..start], &text[end..])
}

/// `[Content_Types].xml` without the overrides of parts under `prefixes`.
fn remove_overrides(text: &str, prefixes: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<Override ") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find("/>") else {
            rest = &rest[start..];
            break;
        };
        let element = &rest[start..start + len + 2];
        let name = element
            .split("PartName=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or("");
        if !prefixes.iter().any(|p| name.starts_with(p)) {
            out.push_str(element);
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slide_list_and_slide_overrides_are_removed_and_the_rest_kept() {
        let xml = r#"<a><p:sldMasterIdLst><x/></p:sldMasterIdLst><p:sldIdLst><p:sldId id="256" r:id="rId7"/></p:sldIdLst><p:sldSz cx="1"/></a>"#;
        assert_eq!(
            remove_element(xml, "p:sldIdLst"),
            r#"<a><p:sldMasterIdLst><x/></p:sldMasterIdLst><p:sldSz cx="1"/></a>"#
        );
        let types = r#"<Types><Override PartName="/ppt/slides/slide1.xml" ContentType="x"/><Override PartName="/ppt/theme/theme1.xml" ContentType="y"/></Types>"#;
        assert_eq!(
            remove_overrides(types, &["/ppt/slides/"]),
            r#"<Types><Override PartName="/ppt/theme/theme1.xml" ContentType="y"/></Types>"#
        );
    }

    #[test]
    fn what_is_not_a_template_is_refused_with_why() {
        let err = read(b"not a zip").err().unwrap().to_string();
        assert!(err.contains("not a PowerPoint file"), "{err}");
    }
}
