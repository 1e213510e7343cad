//! The parts of a slide that a tagged PDF names: the document's title and
//! language, the slide's heading, its text, and its chart (a figure with
//! alt text). The slide SVG carries them — a `<title>` for the document,
//! comments around the heading and the chart — and the PDF writer splits
//! the SVG along them, so the PNG, the preview and the PDF still come from
//! one SVG.

use std::fmt::Write as _;

use throughline_core::CivilDate;

use crate::svg::escape;

/// A marked region of a slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The action title: a heading.
    Heading,
    /// The chart: a figure; its `<title>` is its alt text.
    Figure,
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Heading => "heading",
            Part::Figure => "figure",
        }
    }

    fn start(self) -> String {
        format!("<!--throughline:{}-->", self.name())
    }

    fn end(self) -> String {
        format!("<!--/throughline:{}-->", self.name())
    }
}

/// Writes the document's title, language and date (`YYYY-MM-DD`, the
/// story's own, never the clock's) as the slide's first `<title>`.
pub(crate) fn document_title(
    svg: &mut String,
    title: &str,
    lang: Option<&str>,
    date: Option<CivilDate>,
) {
    document_title_with_keywords(svg, title, lang, date, None);
}

/// [`document_title`] with the document's keywords (a journal page's full
/// revision hash, for its properties).
pub(crate) fn document_title_with_keywords(
    svg: &mut String,
    title: &str,
    lang: Option<&str>,
    date: Option<CivilDate>,
    keywords: Option<&str>,
) {
    let lang = lang
        .map(|l| format!(r#" lang="{}""#, escape(l)))
        .unwrap_or_default();
    let date = date.map(|d| format!(r#" date="{d}""#)).unwrap_or_default();
    let keywords = keywords
        .map(|k| format!(r#" keywords="{}""#, escape(k)))
        .unwrap_or_default();
    let _ = write!(
        svg,
        "<title{lang}{date}{keywords}>{}</title>",
        escape(title)
    );
}

/// Opens a marked region; a figure's alt text goes in its `<title>`.
pub(crate) fn open(svg: &mut String, part: Part, alt: Option<&str>) {
    svg.push_str(&part.start());
    if let Some(alt) = alt {
        let _ = write!(svg, "<title>{}</title>", escape(alt));
    }
}

pub(crate) fn close(svg: &mut String, part: Part) {
    svg.push_str(&part.end());
}

/// One slide split for a tagged PDF: standalone SVG documents of the same
/// size, drawn one over the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SlideParts {
    pub title: Option<String>,
    pub lang: Option<String>,
    pub date: Option<CivilDate>,
    pub keywords: Option<String>,
    /// Everything not marked: backgrounds, beats, callout, footer.
    pub body: String,
    pub heading: Option<String>,
    /// The chart and its alt text.
    pub figure: Option<(String, String)>,
}

impl SlideParts {
    /// Splits `svg` along its marks; an SVG without marks is all body.
    pub fn split(svg: &str) -> Self {
        let root_end = svg.find('>').map_or(0, |i| i + 1);
        let root = &svg[..root_end];
        let standalone = |inner: &str| format!("{root}{inner}</svg>");
        let (rest, heading) = take_region(svg, Part::Heading);
        let (rest, figure) = take_region(&rest, Part::Figure);
        // The document's title: the first left once the figure (and its
        // alt text) is out.
        let title_element = rest
            .find("<title")
            .and_then(|at| element_text(&rest[at..], "title"));
        let attributes = title_element.as_ref().map_or("", |(a, _)| a.as_str());
        SlideParts {
            lang: attribute(attributes, "lang"),
            date: attribute(attributes, "date").and_then(|d| d.parse().ok()),
            keywords: attribute(attributes, "keywords"),
            title: title_element.map(|(_, text)| text),
            body: rest,
            heading: heading.map(|inner| standalone(&inner)),
            figure: figure.map(|inner| {
                let alt = element_text(&inner, "title").map_or_else(String::new, |(_, t)| t);
                (standalone(&inner), alt)
            }),
        }
    }
}

/// `svg` without the region, and the region's content.
fn take_region(svg: &str, part: Part) -> (String, Option<String>) {
    let (start, end) = (part.start(), part.end());
    let Some(from) = svg.find(&start) else {
        return (svg.to_owned(), None);
    };
    let Some(to) = svg[from..].find(&end).map(|i| from + i) else {
        return (svg.to_owned(), None);
    };
    let inner = svg[from + start.len()..to].to_owned();
    let rest = format!("{}{}", &svg[..from], &svg[to + end.len()..]);
    (rest, Some(inner))
}

/// The attributes and unescaped text of the first `<name …>…</name>` at
/// the start of `svg` (after the root tag or a region's start).
fn element_text(svg: &str, name: &str) -> Option<(String, String)> {
    let rest = svg.strip_prefix(&format!("<{name}"))?;
    let open_end = rest.find('>')?;
    let attributes = rest[..open_end].to_owned();
    let body = &rest[open_end + 1..];
    let close = body.find(&format!("</{name}>"))?;
    Some((attributes, unescape(&body[..close])))
}

fn attribute(attributes: &str, name: &str) -> Option<String> {
    let key = format!(r#"{name}=""#);
    let from = attributes.find(&key)? + key.len();
    let len = attributes[from..].find('"')?;
    Some(unescape(&attributes[from..from + len]))
}

/// The inverse of [`escape`] for the five entities it writes.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marked_slide_splits_into_its_parts_and_an_unmarked_one_is_all_body() {
        let mut svg = String::from(r#"<svg width="10" height="10">"#);
        svg.push_str(r#"<rect width="10" height="10"/>"#);
        document_title(
            &mut svg,
            "Churn < 2% & \"falling\"",
            Some("en"),
            "2026-11-23".parse().ok(),
        );
        open(&mut svg, Part::Heading, None);
        svg.push_str("<text>Title</text>");
        close(&mut svg, Part::Heading);
        open(&mut svg, Part::Figure, Some("Churn fell to 1.8% & <held>"));
        svg.push_str("<g><path/></g>");
        close(&mut svg, Part::Figure);
        svg.push_str("<text>Footer</text></svg>");

        let parts = SlideParts::split(&svg);
        assert_eq!(parts.title.as_deref(), Some("Churn < 2% & \"falling\""));
        assert_eq!(parts.lang.as_deref(), Some("en"));
        assert_eq!(
            parts.date.map(|d| d.to_string()).as_deref(),
            Some("2026-11-23")
        );
        assert!(parts.body.contains("<rect") && parts.body.contains("Footer"));
        assert!(!parts.body.contains("<text>Title") && !parts.body.contains("<path"));
        assert_eq!(
            parts.heading.as_deref(),
            Some(r#"<svg width="10" height="10"><text>Title</text></svg>"#)
        );
        let (figure, alt) = parts.figure.unwrap();
        assert!(figure.starts_with(r#"<svg width="10" height="10"><title>"#));
        assert!(figure.ends_with("<g><path/></g></svg>"));
        assert_eq!(alt, "Churn fell to 1.8% & <held>");

        let plain = r#"<svg width="10" height="10"><rect/></svg>"#;
        let parts = SlideParts::split(plain);
        assert_eq!(parts.body, plain);
        assert_eq!(
            (parts.title, parts.heading, parts.figure),
            (None, None, None)
        );
        assert_eq!((parts.lang, parts.date), (None, None));
    }
}
