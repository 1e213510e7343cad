//! Safe text for SVG: user strings are escaped and stripped of characters
//! XML cannot hold, so no label can break the document or become markup.

use std::fmt::Write as _;

use crate::fonts::{Weight, FAMILY};

/// Removes characters that are illegal in XML 1.0 (C0 controls other than
/// tab/LF/CR, lone surrogates cannot occur in a Rust string, U+FFFE/U+FFFF).
pub fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
        })
        .collect()
}

/// Escapes text for use in SVG element content or a double-quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in xml_safe(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

/// Where a line of text hangs from its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn parse(value: &str) -> Self {
        match value {
            "middle" => Anchor::Middle,
            "end" => Anchor::End,
            _ => Anchor::Start,
        }
    }

    fn css(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One line of text as SVG. Text that one face draws is one `<text>`; text
/// that needs other embedded faces too (CJK, Arabic, Hebrew, emoji) becomes
/// one `<text>` per run, each naming its face and placed at the widths
/// measured here, so the renderers never guess a fallback font.
/// `attributes` holds the rest (y, fill, font-weight…), already escaped.
pub fn text_element(
    (x, anchor): (f32, Anchor),
    size: f32,
    weight: Weight,
    attributes: &str,
    text: &str,
) -> String {
    let clean = xml_safe(text);
    let runs = crate::text::runs(&clean, weight);
    if runs.iter().all(|(face, _)| face.family().is_none()) {
        return format!(
            r#"<text x="{x:.1}" text-anchor="{}" font-family="{FAMILY}" {attributes}>{}</text>"#,
            anchor.css(),
            escape(&clean)
        );
    }
    let widths: Vec<f32> = runs
        .iter()
        .map(|(_, run)| crate::text::measure(run, weight) * size)
        .collect();
    let total: f32 = widths.iter().sum();
    let mut left = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - total / 2.0,
        Anchor::End => x - total,
    };
    let mut out = String::new();
    for ((face, run), width) in runs.iter().zip(widths) {
        if !run.trim().is_empty() {
            let emboldened = synthetic_bold(*face, size, weight, attributes);
            let _ = write!(
                out,
                r#"<text x="{left:.1}" text-anchor="start" font-family="{}" {attributes}{emboldened}>{}</text>"#,
                face.family().unwrap_or(FAMILY),
                escape(run)
            );
        }
        left += width;
    }
    out
}

/// The CJK fallback face has one weight: a bold or semibold run in it is
/// emboldened by a stroke of its own fill, so a CJK title reads as bold
/// beside its Latin words (about 4 % of the size for bold, 2.5 % for
/// semibold). Other faces have real bold weights: nothing is added.
fn synthetic_bold(
    face: crate::text::FaceId,
    size: f32,
    weight: Weight,
    attributes: &str,
) -> String {
    let share = match (face, weight) {
        (crate::text::FaceId::Cjk, Weight::Bold) => 0.04,
        (crate::text::FaceId::Cjk, Weight::SemiBold) => 0.025,
        _ => return String::new(),
    };
    let Some(fill) = attributes
        .split("fill=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
    else {
        return String::new();
    };
    format!(
        r#" stroke="{fill}" stroke-width="{:.2}" stroke-linejoin="round""#,
        size * share
    )
}

/// Rewrites each plain `<text>` of an SVG written by another library
/// (plotters writes every label as one) with [`text_element`], so labels in
/// other scripts or with emoji name their faces too. Rotated text is kept.
pub fn name_faces_in_text(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 256);
    let mut rest = svg;
    while let Some(open) = rest.find("<text") {
        let Some(tag_len) = rest.get(open..).and_then(|tail| tail.find('>')) else {
            break;
        };
        let content_start = open + tag_len + 1;
        let Some(content_len) = rest
            .get(content_start..)
            .and_then(|tail| tail.find("</text>"))
        else {
            break;
        };
        let content_end = content_start + content_len + "</text>".len();
        let (Some(head), Some(tag), Some(content), Some(element)) = (
            rest.get(..open),
            rest.get(open + "<text".len()..content_start - 1),
            rest.get(content_start..content_start + content_len),
            rest.get(open..content_end),
        ) else {
            break;
        };
        out.push_str(head);
        match rewrite_text(tag, content) {
            Some(rewritten) => out.push_str(&rewritten),
            None => out.push_str(element),
        }
        rest = rest.get(content_end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

fn rewrite_text(tag: &str, content: &str) -> Option<String> {
    if tag.ends_with('/') || content.contains('<') || tag.contains("transform") {
        return None;
    }
    let text = unescape(content);
    let attributes = parse_attributes(tag)?;
    let value = |name: &str| {
        attributes
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| *value)
    };
    let x: f32 = value("x").unwrap_or("0").trim().parse().ok()?;
    let size: f32 = value("font-size")
        .unwrap_or("16")
        .trim()
        .trim_end_matches("px")
        .parse()
        .ok()?;
    let anchor = Anchor::parse(value("text-anchor").unwrap_or("start"));
    let weight = match value("font-weight") {
        Some("bold" | "700" | "800" | "900") => Weight::Bold,
        Some("600") => Weight::SemiBold,
        _ => Weight::Regular,
    };
    let mut rest = String::new();
    for (key, value) in &attributes {
        if !matches!(*key, "x" | "text-anchor" | "font-family") {
            let _ = write!(rest, r#"{key}="{value}" "#);
        }
    }
    Some(text_element(
        (x, anchor),
        size,
        weight,
        rest.trim_end(),
        &text,
    ))
}

/// `name="value"` pairs of a start tag (values stay escaped as written).
fn parse_attributes(tag: &str) -> Option<Vec<(&str, &str)>> {
    let mut out = Vec::new();
    let mut rest = tag.trim();
    while !rest.is_empty() {
        let equals = rest.find('=')?;
        let key = rest.get(..equals)?.trim();
        let after = rest.get(equals + 1..)?.trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value_end = after.get(1..)?.find(quote)? + 1;
        out.push((key, after.get(1..value_end)?));
        rest = after.get(value_end + 1..)?.trim_start();
    }
    Some(out)
}

/// Undoes XML escaping (the five named entities and numeric references).
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let tail = rest.get(amp..).unwrap_or_default();
        let Some(semi) = tail.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = tail.get(1..).unwrap_or_default();
            continue;
        };
        let entity = tail.get(1..semi).unwrap_or_default();
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = tail.get(semi + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// Shortens text to at most `max_chars` characters, ending in "…".
pub fn clip_chars(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Weight;

    #[test]
    fn bold_cjk_is_emboldened_with_its_own_colour_and_latin_keeps_its_real_bold() {
        let attributes = r##"font-size="60" font-weight="700" fill="#0F172A""##;
        let svg = text_element(
            (96.0, Anchor::Start),
            60.0,
            Weight::Bold,
            attributes,
            "設定 lifts",
        );
        let cjk = svg.split("</text>").find(|t| t.contains('設')).unwrap();
        assert!(
            cjk.contains(r##"stroke="#0F172A" stroke-width="2.40""##),
            "{svg}"
        );
        let latin = svg.split("</text>").find(|t| t.contains("lifts")).unwrap();
        assert!(!latin.contains("stroke"), "{svg}");
        let regular = text_element(
            (96.0, Anchor::Start),
            60.0,
            Weight::Regular,
            attributes,
            "設定",
        );
        assert!(!regular.contains("stroke"), "{regular}");
    }

    #[test]
    fn runs_of_other_scripts_become_their_own_text_elements() {
        let plain = text_element(
            (10.0, Anchor::Start),
            20.0,
            Weight::Regular,
            r#"y="5""#,
            "R&D",
        );
        assert_eq!(
            plain,
            r#"<text x="10.0" text-anchor="start" font-family="Inter" y="5">R&amp;D</text>"#
        );
        let mixed = text_element(
            (100.0, Anchor::Middle),
            20.0,
            Weight::Bold,
            r#"y="5""#,
            "Launch 🚀 in 東京 for التسجيل صعب",
        );
        assert!(
            mixed.contains(r#"font-family="Noto Color Emoji" y="5">🚀</text>"#),
            "{mixed}"
        );
        assert!(
            mixed.contains(r#"font-family="Droid Sans Fallback" y="5">東京"#),
            "{mixed}"
        );
        // An Arabic phrase stays one run, spaces included, so it reads right to left.
        assert!(
            mixed.contains(r#"font-family="Noto Sans Arabic" y="5">التسجيل صعب</text>"#),
            "{mixed}"
        );
        // A joined emoji sequence stays one run.
        let joined = text_element(
            (0.0, Anchor::Start),
            20.0,
            Weight::Regular,
            "",
            "👩\u{200D}💻 team",
        );
        assert!(joined.contains(">👩\u{200D}💻"), "{joined}");
    }

    #[test]
    fn foreign_text_nodes_are_split_and_keep_their_escaping() {
        let svg = r#"<svg><text x="40" y="3" text-anchor="end" font-family="sans-serif" font-size="10" fill="black">R&amp;D 🚀</text><text x="2">&lt;b&gt;</text></svg>"#;
        let named = name_faces_in_text(svg);
        assert!(
            named.contains(
                r#"font-family="Noto Color Emoji" y="3" font-size="10" fill="black">🚀</text>"#
            ),
            "{named}"
        );
        assert!(
            named.contains(
                r#"font-family="Inter" y="3" font-size="10" fill="black">R&amp;D </text>"#
            ),
            "{named}"
        );
        assert!(
            named.ends_with(
                r#"<text x="2.0" text-anchor="start" font-family="Inter" >&lt;b&gt;</text></svg>"#
            ),
            "{named}"
        );
        assert_eq!(unescape("&#x41;&#66;&bogus;&"), "AB&bogus;&");
    }

    #[test]
    fn markup_and_control_characters_become_plain_text() {
        assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&apos;");
        assert_eq!(escape("a\u{0}b\u{1b}c\u{ffff}"), "abc");
        assert_eq!(escape("line\nbreak"), "line break");
    }

    #[test]
    fn clipping_counts_characters_not_bytes() {
        assert_eq!(clip_chars("日本語のテキスト", 4), "日本語…");
        assert_eq!(clip_chars("short", 10), "short");
    }
}
